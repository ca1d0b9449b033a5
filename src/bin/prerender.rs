//! Writes the prerendered site into the release folder (see
//! `kasipodaq_portal::prerender`). Usage: `prerender [DIST]`; the site's
//! public address comes from `KASIPODAQ_SITE_URL`, the contacts file's from
//! `KASIPODAQ_CONTACTS_URL` (read when it runs, so no rebuild of the app).
use std::{env, path::Path, process::ExitCode};

use kasipodaq_build::site::{ContactsEndpoint, Site, CONTACTS_URL_SETTING};
use kasipodaq_core::urls::BASE_PATH;

/// Used when `KASIPODAQ_SITE_URL` is not set: the address `tools/serve.sh`
/// serves on. A release for the public sets its own (docs/deployment.md).
const LOCAL_SITE: &str = "http://127.0.0.1:8080";

fn main() -> ExitCode {
    any_spawner::Executor::init_futures_executor().expect("one executor");
    let dist = env::args().nth(1).unwrap_or_else(|| "dist".into());
    let address = env::var("KASIPODAQ_SITE_URL").ok().filter(|value| !value.trim().is_empty());
    if address.is_none() {
        eprintln!("prerender: KASIPODAQ_SITE_URL is not set; links in <head>, the sitemap and feeds use {LOCAL_SITE}");
    }
    let site = match Site::new(address.as_deref().unwrap_or(LOCAL_SITE)) {
        Ok(site) => site,
        Err(problem) => {
            eprintln!("prerender: KASIPODAQ_SITE_URL: {problem}");
            return ExitCode::FAILURE;
        }
    };
    let contacts = match ContactsEndpoint::from_setting(env::var(CONTACTS_URL_SETTING).ok().as_deref(), BASE_PATH) {
        Ok(contacts) => contacts,
        Err(problem) => {
            eprintln!("prerender: {problem}");
            return ExitCode::FAILURE;
        }
    };
    match kasipodaq_portal::prerender::prerender(Path::new(&dist), &site, &contacts) {
        Ok(files) => {
            println!(
                "prerender: {} files written into {dist} for {}, contacts from {}",
                files.len(),
                site.origin(),
                contacts.url
            );
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("prerender: {problem}");
            ExitCode::FAILURE
        }
    }
}
