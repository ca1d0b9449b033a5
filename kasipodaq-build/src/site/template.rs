//! Trunk's `index.html` made into the template every page is written in,
//! rewritten by an HTML parser (lol_html), so attribute order, quoting and
//! a comment's text inside a script cannot fool it.

use std::{cell::RefCell, rc::Rc};

use lol_html::html_content::ContentType;
use lol_html::{doc_comments, element, end_tag, rewrite_str, text, RewriteStrSettings};

use super::{content_security_policy, escape, sha256_base64, ContactsEndpoint, CONTACTS_URL_SETTING};

/// Where a page keeps the app's downloads until its first view is on
/// screen: the starter script (`src/start.js`) reads this `<template>`, and the
/// prerender adds each page's own preloads to it.
pub const APP_TEMPLATE: &str = "<template id=\"kasipodaq-app\">";

/// The contacts endpoint as `index.html` must keep it: the build writes the
/// setting `KASIPODAQ_CONTACTS_URL` in its place.
const ENDPOINT_DEFAULT: &str = "/contacts.json";

/// Trunk's `index.html` ready to receive pages:
/// - its `<title>` and `<html>` attributes removed (each page brings its own);
/// - its comments removed: they are notes for developers, and every reader
///   would download them; so are the lines they and Trunk's tags leave empty;
/// - Trunk's loader script removed, and its preloads of the app's script and
///   WebAssembly (with their integrity hashes) moved into the
///   [`APP_TEMPLATE`] that the starter script (`src/start.js`) puts in the page once
///   the page's largest paint has been reported. Preloaded at the top of the
///   page, the WebAssembly competed with the first view for a slow phone's
///   bandwidth. (The starter script fetches the WebAssembly itself, with the
///   link's address and hash, instead of appending that link.) The page's own
///   module scripts that Trunk hashed go there too, as module preloads the
///   starter script imports with the app;
/// - the contacts endpoint written in;
/// - a Content-Security-Policy that allows exactly its inline module scripts
///   and the contacts endpoint's server.
pub fn page_template(trunk_page: &str, contacts: &ContactsEndpoint) -> Result<String, String> {
    let scripts = inline_module_scripts(trunk_page)?;
    let is_loader = |script: &str| script.trim_start().starts_with("import init");
    if scripts.iter().filter(|script| is_loader(script)).count() != 1 {
        return Err("index.html: Trunk's loader script not found, or more than one".into());
    }
    let found = Rc::new(RefCell::new(Found::default()));
    let script_index = RefCell::new(0);
    let html = {
        let app_links = Rc::clone(&found);
        let settings = RewriteStrSettings::new()
            .append_element_content_handler(element!("html", |el| {
                found.borrow_mut().html = true;
                for name in el.attributes().iter().map(|a| a.name()).collect::<Vec<_>>() {
                    el.remove_attribute(&name);
                }
                Ok(())
            }))
            .append_element_content_handler(element!("head", |el| {
                found.borrow_mut().head = true;
                let app_links = Rc::clone(&app_links);
                el.on_end_tag(end_tag!(move |end| {
                    let links = &app_links.borrow().app_links;
                    end.before(&format!("{APP_TEMPLATE}\n{}</template>\n", links.concat()), ContentType::Html);
                    Ok(())
                }))?;
                Ok(())
            }))
            .append_element_content_handler(element!("body", |_| {
                found.borrow_mut().body = true;
                Ok(())
            }))
            .append_element_content_handler(element!("title", |el| {
                found.borrow_mut().title = true;
                el.remove();
                Ok(())
            }))
            .append_element_content_handler(element!("meta[charset]", |el| {
                let charset = el.get_attribute("charset").unwrap_or_default();
                if !charset.eq_ignore_ascii_case("utf-8") {
                    return Err(format!("index.html: the charset is {charset:?}, not utf-8").into());
                }
                found.borrow_mut().charset = true;
                el.after(CSP_PLACEHOLDER, ContentType::Html);
                Ok(())
            }))
            .append_element_content_handler(element!("meta[name=kasipodaq-contacts-endpoint]", |el| {
                // The address is a build setting: one edited into index.html
                // would be silently replaced, so it stops the build instead.
                if el.get_attribute("content").as_deref() != Some(ENDPOINT_DEFAULT) {
                    return Err(format!(
                        "index.html must keep the contacts endpoint's content=\"{ENDPOINT_DEFAULT}\": \
                         the contacts address is set with {CONTACTS_URL_SETTING}"
                    )
                    .into());
                }
                found.borrow_mut().endpoint = true;
                el.set_attribute("content", &escape(&contacts.url))?;
                Ok(())
            }))
            .append_element_content_handler(element!("script[type=module]:not([src])", |el| {
                let mut index = script_index.borrow_mut();
                if scripts.get(*index).is_some_and(|script| is_loader(script)) {
                    el.remove();
                }
                *index += 1;
                Ok(())
            }))
            .append_element_content_handler(element!("script[type=module][src]", |el| {
                // A module of the page's own (src/page.js), hashed by Trunk:
                // the app needs it, the first view does not, so it waits in
                // the template with the app's downloads, a module the
                // starter script imports with the app.
                if !hashed_by_trunk(el) {
                    return Err("index.html: a module script without Trunk's integrity hash".into());
                }
                let attributes = el.attributes().iter().filter(|a| a.name() != "type").map(|a| {
                    let name = a.name();
                    (if name == "src" { "href".into() } else { name }, a.value())
                });
                let tag = tag_of("link", std::iter::once(("rel".into(), "modulepreload".into())).chain(attributes))?;
                found.borrow_mut().app_links.push(format!("{tag}\n"));
                el.remove();
                Ok(())
            }))
            .append_element_content_handler(element!("link[rel=modulepreload], link[rel=preload]", |el| {
                let wasm = el.get_attribute("type").as_deref() == Some("application/wasm");
                let hashed = hashed_by_trunk(el);
                let module = el.get_attribute("rel").as_deref() == Some("modulepreload");
                if hashed && (module || wasm) {
                    let mut found = found.borrow_mut();
                    *(if module { &mut found.module_preloads } else { &mut found.wasm_preloads }) += 1;
                    // Without `crossorigin` the module's import and the starter
                    // script's own fetch of the WebAssembly send the same
                    // credentials (same origin only): 24 bytes a link, in every page.
                    let attributes = el.attributes().iter().filter(|a| a.name() != "crossorigin");
                    found.app_links.push(format!("{}\n", tag_of("link", attributes.map(|a| (a.name(), a.value())))?));
                    el.remove();
                }
                Ok(())
            }))
            .append_document_content_handler(doc_comments!(|comment| {
                comment.remove();
                Ok(())
            }));
        rewrite_str(trunk_page, settings).map_err(|e| format!("index.html: {e}"))?
    };
    let found = found.borrow();
    for (present, what) in [
        (found.html, "an <html> element"),
        (found.head, "a <head>"),
        (found.body, "a <body>"),
        (found.title, "a <title>"),
        (found.charset, "a <meta charset=\"utf-8\">"),
        (found.endpoint, "a <meta name=\"kasipodaq-contacts-endpoint\">"),
        (found.module_preloads == 1, "Trunk's one <link rel=\"modulepreload\"> with an integrity hash"),
        (
            found.wasm_preloads == 1,
            "Trunk's one <link rel=\"preload\" type=\"application/wasm\"> with an integrity hash",
        ),
    ] {
        if !present {
            return Err(format!("index.html needs {what}"));
        }
    }
    if html.contains("import init") {
        return Err("index.html: a second loader of the app".into());
    }
    // The lines Trunk's tags and the comments leave empty go, and then the
    // scripts are hashed as the page will have them.
    let html: String = html.split_inclusive('\n').filter(|line| !line.trim().is_empty()).collect();
    let hashes: Vec<String> =
        inline_module_scripts(&html)?.iter().map(|script| sha256_base64(script.as_bytes())).collect();
    let connect: Vec<String> = contacts.other_origin.iter().cloned().collect();
    let csp = format!(
        "\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        escape(&content_security_policy(&hashes, &connect))
    );
    Ok(html.replacen(CSP_PLACEHOLDER, &csp, 1))
}

/// Where the Content-Security-Policy goes, once the scripts it allows are
/// final.
const CSP_PLACEHOLDER: &str = "<kasipodaq-csp></kasipodaq-csp>";

/// What [`page_template`] found of what it needs.
#[derive(Default)]
struct Found {
    html: bool,
    head: bool,
    body: bool,
    title: bool,
    charset: bool,
    endpoint: bool,
    module_preloads: usize,
    wasm_preloads: usize,
    /// The app's preloads, moved into the [`APP_TEMPLATE`].
    app_links: Vec<String>,
}

/// The text of each inline module script, in the order of the page.
fn inline_module_scripts(html: &str) -> Result<Vec<String>, String> {
    let scripts = RefCell::new(Vec::<String>::new());
    rewrite_str(
        html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("script[type=module]:not([src])", |_| {
                scripts.borrow_mut().push(String::new());
                Ok(())
            }))
            .append_element_content_handler(text!("script[type=module]:not([src])", |chunk| {
                if let Some(script) = scripts.borrow_mut().last_mut() {
                    script.push_str(chunk.as_str());
                }
                Ok(())
            })),
    )
    .map_err(|e| format!("index.html: {e}"))?;
    Ok(scripts.into_inner())
}

/// Whether Trunk wrote the element with its integrity hash (it hashed the file).
fn hashed_by_trunk(el: &lol_html::html_content::Element<'_, '_>) -> bool {
    el.get_attribute("integrity").is_some_and(|value| value.starts_with("sha384-"))
}

/// A start tag with these names and values, as given.
fn tag_of(name: &str, attributes: impl IntoIterator<Item = (String, String)>) -> Result<String, String> {
    let mut tag = format!("<{name}");
    for (attribute, value) in attributes {
        if value.contains('"') {
            return Err(format!("index.html: <{name} {attribute}> holds a quotation mark"));
        }
        tag.push_str(&format!(" {attribute}=\"{value}\""));
    }
    tag.push('>');
    Ok(tag)
}
