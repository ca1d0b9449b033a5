//! `staff`: the press office's command (run as `tools/staff.sh`). Every rule
//! it checks is the build's own (`kasipodaq_build::content::load`), so a
//! statement that passes `check` builds.

mod commands;
mod help;

use std::{
    env,
    path::{Path, PathBuf},
    process::ExitCode,
};

/// What the command was asked to do, with the folders it works on.
pub struct Options {
    /// The content folder: `--content DIR`, else `KASIPODAQ_CONTENT_DIR`,
    /// else the repository's `content/`.
    pub content: PathBuf,
    /// The contacts file `check` reads: `--contacts FILE`, else the
    /// repository's `public/contacts.json` (none for another content folder).
    pub contacts: Option<PathBuf>,
    /// Unix seconds: `KASIPODAQ_NOW` (RFC 3339, for tests and for one
    /// release built in several steps), else the clock.
    pub now: i64,
}

fn main() -> ExitCode {
    let mut args: Vec<String> = env::args().skip(1).collect();
    let russian = help::wants_russian(&args);
    if args.is_empty() || args.iter().any(|a| a == "--help" || a == "-h" || a == "help") {
        print!("{}", help::text(russian));
        return if args.is_empty() { ExitCode::from(2) } else { ExitCode::SUCCESS };
    }
    let options = match options(&mut args) {
        Ok(options) => options,
        Err(problem) => return usage(&problem, russian),
    };
    let command = args.remove(0);
    let result = match command.as_str() {
        "check" if args.is_empty() => commands::check(&options),
        "status" if args.is_empty() => commands::status(&options),
        "new" => commands::new(&options, &args),
        "stamp" => commands::stamp(&options, &args),
        "check" | "status" => return usage(&format!("{command} takes no arguments: {}", args.join(" ")), russian),
        _ => return usage(&format!("unknown command \"{command}\""), russian),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(commands::Failed::Content) => ExitCode::FAILURE,
        Err(commands::Failed::Usage(problem)) => usage(&problem, russian),
    }
}

fn usage(problem: &str, russian: bool) -> ExitCode {
    eprintln!("staff: {problem}\n{}", help::short(russian));
    ExitCode::from(2)
}

/// Takes `--content DIR` and `--contacts FILE` out of `args`.
fn options(args: &mut Vec<String>) -> Result<Options, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("staff/ is in the repository").to_path_buf();
    let mut take = |name: &str| -> Result<Option<String>, String> {
        let Some(at) = args.iter().position(|a| a == name) else { return Ok(None) };
        if at + 1 >= args.len() {
            return Err(format!("{name} needs a value"));
        }
        let value = args.remove(at + 1);
        args.remove(at);
        Ok(Some(value))
    };
    let given = take("--content")?.or_else(|| env::var("KASIPODAQ_CONTENT_DIR").ok().filter(|d| !d.is_empty()));
    let contacts = match take("--contacts")? {
        Some(file) => Some(PathBuf::from(file)),
        None if given.is_none() => Some(root.join("public/contacts.json")),
        None => None,
    };
    let content = given.map(PathBuf::from).unwrap_or_else(|| root.join("content"));
    let now = match env::var("KASIPODAQ_NOW") {
        Ok(text) => kasipodaq_core::contacts::parse_rfc3339(text.trim()).map_err(|_| {
            format!("KASIPODAQ_NOW=\"{text}\": write a date, time and offset, e.g. 2026-12-10T09:00:00+05:00")
        })?,
        Err(_) => {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
        }
    };
    if args.is_empty() {
        return Err("no command".into());
    }
    Ok(Options { content, contacts, now })
}
