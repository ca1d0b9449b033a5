//! Trunk's `index.html` made into the pages' template
//! (kasipodaq_build::site::page_template): what it removes, moves and adds,
//! whatever the attribute order or quoting, and what it refuses.

use kasipodaq_build::site::{page_template, sha256_base64, ContactsEndpoint, APP_TEMPLATE};

/// What Trunk writes for our `index.html`, shortened: our module file
/// (hashed), our inline scripts, its loader, its preloads.
const TRUNK_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
  <meta charset="utf-8">
  <title>FPRK</title>
  <!-- Where the contacts page reads the headquarters contacts. -->
  <meta name="kasipodaq-contacts-endpoint" content="/contacts.json">
  <link rel="stylesheet" href="/main-1.css" integrity="sha384-css"/>
  
  <script src="/page-1.js" type="module" integrity="sha384-page"></script>
  <script type="module">document.addEventListener('click', () => {}, true);</script>
  <script type="module">const start = () => {};</script>
<script type="module">
import init, * as bindings from '/kasipodaq-portal-1.js';
const wasm = await init({ module_or_path: '/kasipodaq-portal-1_bg.wasm' });
window.wasmBindings = bindings;
</script>
<link rel="modulepreload" href="/kasipodaq-portal-1.js" crossorigin="anonymous" integrity="sha384-js">
<link rel="preload" href="/kasipodaq-portal-1_bg.wasm" crossorigin="anonymous" integrity="sha384-wasm" as="fetch" type="application/wasm"></head>
<body></body>
</html>"#;

fn beside() -> ContactsEndpoint {
    ContactsEndpoint { url: "/contacts.json".into(), other_origin: None }
}

fn csp_of(html: &str) -> &str {
    let start = html.find("http-equiv=\"Content-Security-Policy\" content=\"").expect("a CSP") + 47;
    &html[start..start + html[start..].find('"').unwrap()]
}

#[test]
fn trunks_page_becomes_the_template() {
    let html = page_template(TRUNK_PAGE, &beside()).unwrap();
    assert!(html.contains("<html>\n<head>"), "the <html> attributes go (each page brings its own):\n{html}");
    assert!(!html.contains("<title>"), "each page brings its own title");
    assert!(!html.contains("<!--"), "comments are notes for developers");
    assert!(!html.lines().any(|line| line.trim().is_empty()), "no line left empty:\n{html}");
    assert!(!html.contains("import init"), "Trunk's loader goes");
    let template = format!(
        "{APP_TEMPLATE}\n{}\n{}\n{}\n</template>\n</head>",
        r#"<link rel="modulepreload" href="/page-1.js" integrity="sha384-page">"#,
        r#"<link rel="modulepreload" href="/kasipodaq-portal-1.js" integrity="sha384-js">"#,
        r#"<link rel="preload" href="/kasipodaq-portal-1_bg.wasm" integrity="sha384-wasm" as="fetch" type="application/wasm">"#,
    );
    assert!(html.contains(&template), "the app's preloads wait in the template, without `crossorigin`:\n{html}");
    assert_eq!(html.matches("kasipodaq-portal-1").count(), 2, "each download once, only in the template");
    assert_eq!(html.matches("/page-1.js").count(), 1, "the page's module once, only in the template");
    assert!(html.contains("<meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\""));
    let csp = csp_of(&html);
    for script in ["document.addEventListener('click', () => {}, true);", "const start = () => {};"] {
        assert!(html.contains(&format!("<script type=\"module\">{script}</script>")));
        assert!(csp.contains(&format!("sha256-{}", sha256_base64(script.as_bytes()))), "{script} allowed: {csp}");
    }
    assert_eq!(csp.matches("sha256-").count(), 2, "only the scripts the page keeps: {csp}");
    assert!(html.contains(r#"<meta name="kasipodaq-contacts-endpoint" content="/contacts.json">"#));
    assert!(html.contains("<body></body>"));
}

#[test]
fn the_contacts_address_and_its_server_are_written_in() {
    let endpoint = ContactsEndpoint {
        url: "https://data.example.org/contacts.json?v=1&lang=all".into(),
        other_origin: Some("https://data.example.org".into()),
    };
    let html = page_template(TRUNK_PAGE, &endpoint).unwrap();
    assert!(html.contains(
        r#"<meta name="kasipodaq-contacts-endpoint" content="https://data.example.org/contacts.json?v=1&amp;lang=all">"#
    ));
    assert!(csp_of(&html).contains("connect-src &#39;self&#39; https://data.example.org"), "{}", csp_of(&html));
}

#[test]
fn attribute_order_and_quoting_do_not_matter() {
    let page = TRUNK_PAGE
        .replace(
            r#"<meta name="kasipodaq-contacts-endpoint" content="/contacts.json">"#,
            r#"<meta content='/contacts.json' name=kasipodaq-contacts-endpoint>"#,
        )
        .replace(
            r#"<link rel="modulepreload" href="/kasipodaq-portal-1.js" crossorigin="anonymous" integrity="sha384-js">"#,
            r#"<link integrity='sha384-js' href='/kasipodaq-portal-1.js' rel=modulepreload>"#,
        )
        .replace("<meta charset=\"utf-8\">", "<meta charset=UTF-8>");
    let html = page_template(&page, &beside()).unwrap();
    assert!(
        html.contains(r#"<link integrity="sha384-js" href="/kasipodaq-portal-1.js" rel="modulepreload">"#),
        "{html}"
    );
    assert!(html.contains("content=\"/contacts.json\""), "{html}");
    assert!(html.contains("<meta charset=UTF-8>\n  <meta http-equiv=\"Content-Security-Policy\""), "{html}");
}

#[test]
fn a_script_is_kept_and_allowed_as_written_even_with_comment_marks_in_it() {
    let script = "const note = '<!-- not a comment -->'; console.log(note);";
    let page = TRUNK_PAGE.replace("const start = () => {};", script);
    let html = page_template(&page, &beside()).unwrap();
    assert!(html.contains(&format!("<script type=\"module\">{script}</script>")), "{html}");
    assert!(csp_of(&html).contains(&sha256_base64(script.as_bytes())));
}

#[test]
fn what_the_template_needs_stops_the_build_when_missing() {
    let cases = [
        (
            TRUNK_PAGE.replace("content=\"/contacts.json\"", "content=\"https://elsewhere.example/c.json\""),
            "KASIPODAQ_CONTACTS_URL",
        ),
        (TRUNK_PAGE.replace("<title>FPRK</title>", ""), "<title>"),
        (TRUNK_PAGE.replace("<meta charset=\"utf-8\">", ""), "charset"),
        (TRUNK_PAGE.replace("<meta charset=\"utf-8\">", "<meta charset=\"windows-1251\">"), "windows-1251"),
        (TRUNK_PAGE.replace("import init", "import start"), "loader"),
        (TRUNK_PAGE.replace("integrity=\"sha384-js\"", ""), "modulepreload"),
        (TRUNK_PAGE.replace(" type=\"application/wasm\"", ""), "application/wasm"),
        (
            TRUNK_PAGE.replace("<link rel=\"modulepreload\"", "<link rel=\"modulepreload\" title='say \"hi\"'"),
            "quotation",
        ),
        // unhashed, it would load with the page, before its first view
        (TRUNK_PAGE.replace(" integrity=\"sha384-page\"", ""), "module script without"),
        (
            TRUNK_PAGE.replace("<script src=\"/page-1.js\"", "<script title='say \"hi\"' src=\"/page-1.js\""),
            "quotation",
        ),
    ];
    for (page, why) in cases {
        let problem = page_template(&page, &beside()).expect_err(why);
        assert!(problem.contains(why), "{why}: {problem}");
    }
}
