//! The tags the prerender adds to each page's `<head>`: what search engines
//! and link previews read before (or without) running the app.

use super::{escape, Site};
use kasipodaq_core::urls::site_path;
use kasipodaq_core::{content::Statement, urls::Page, Lang};

/// What the prerender knows about one page, for its `<head>`.
#[derive(Clone, Copy, Debug)]
pub struct PageHead<'a> {
    pub lang: Lang,
    pub page: &'a Page,
    /// The full document title, as shown in the tab.
    pub title: &'a str,
    pub description: &'a str,
    /// The federation's name in `lang`.
    pub site_name: &'a str,
    /// The site path of the link-preview image, e.g. `/og-image.png`.
    pub image_path: &'a str,
    pub image_alt: &'a str,
    /// The statement the page shows, for its structured data.
    pub statement: Option<&'a Statement>,
}

/// The tags for a page's `<head>`, one a line, each line ending in `\n`:
/// description, canonical URL, the same page in each language and
/// `x-default` (the site root, which picks a language), Open Graph and
/// Twitter card tags, and for a statement a schema.org `NewsArticle` in
/// JSON-LD (its `headline` is the statement's own title in `lang`, not the
/// document title). No `<title>`: the app renders it.
///
/// # Panics
/// If `image_path` is not a site path (see [`Site::url`]).
pub fn head_tags(site: &Site, head: &PageHead<'_>) -> String {
    // A statement not yet translated into the page's language shows its
    // source text: that version's page is the one to index.
    let fallback = head.statement.filter(|s| !s.has(head.lang));
    let own_lang = fallback.map_or(head.lang, |s| s.source_language);
    let canonical = site.url(&head.page.path(own_lang));
    let root = site.url(&site_path("/"));
    let image = site.url(head.image_path);
    let mut lines = vec![
        meta_name("description", head.description),
        format!("<link rel=\"canonical\" href=\"{}\">", escape(&canonical)),
    ];
    if fallback.is_some() {
        lines.push(meta_name("robots", "noindex"));
    }
    for (hreflang, href) in alternates(site, head.page, head.statement) {
        lines.push(format!("<link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\">", escape(&href)));
    }
    let og_type = if head.statement.is_some() { "article" } else { "website" };
    lines.extend([
        meta_property("og:type", og_type),
        meta_property("og:title", head.title),
        meta_property("og:description", head.description),
        meta_property("og:url", &canonical),
        meta_property("og:site_name", head.site_name),
        meta_property("og:locale", og_locale(head.lang)),
    ]);
    for other in Lang::ALL.into_iter().filter(|&lang| lang != head.lang) {
        lines.push(meta_property("og:locale:alternate", og_locale(other)));
    }
    lines.extend([
        meta_property("og:image", &image),
        meta_property("og:image:alt", head.image_alt),
        meta_name("twitter:card", "summary_large_image"),
        meta_name("twitter:title", head.title),
        meta_name("twitter:description", head.description),
        meta_name("twitter:image", &image),
    ]);
    if let Some(statement) = head.statement {
        lines.push(format!(
            "<link rel=\"alternate\" type=\"application/json\" href=\"{}\">",
            escape(&kasipodaq_core::urls::open_data_path(&statement.slug))
        ));
    }
    if let Some(statement) = head.statement.filter(|_| fallback.is_none()) {
        lines.push(format!(
            "<script type=\"application/ld+json\">{}</script>",
            news_article(head, statement, &canonical, &root, site)
        ));
    }
    lines.into_iter().map(|line| line + "\n").collect()
}

/// The preloads of the files the page's app reads before it takes the page
/// over (its headers and texts files, [`kasipodaq_core::files::headers`] and
/// [`kasipodaq_core::files::texts`]), one a line: the prerender puts them
/// with the app's own code, which the page starts to download only once its
/// first view is on screen. `crossorigin` makes each preload match the
/// app's `fetch` (same origin, no cookies).
pub fn app_preloads(headers_file: Option<&str>, texts_file: Option<&str>) -> String {
    [headers_file, texts_file]
        .into_iter()
        .flatten()
        .map(|file| {
            format!(
                "<link rel=\"preload\" href=\"{}\" as=\"fetch\" type=\"application/json\" crossorigin=\"anonymous\">\n",
                escape(&kasipodaq_core::files::texts::path(file))
            )
        })
        .collect()
}

/// The page at a statement's former address (its slug changed): it sends
/// the reader on to the statement's page, keeping a `#pN` (a script, whose
/// hash the page's own policy allows; without scripts a refresh, which drops
/// the fragment, and the link). `noindex` and `rel=canonical`, so search
/// engines list the statement once, at its own address. Hosts need no rule.
pub fn redirect_page(site: &Site, lang: Lang, to: &Page, title: &str, moved: &str) -> String {
    let target = to.path(lang);
    let script = format!("location.replace({}+location.hash)", json_string(&target));
    let csp = format!(
        "default-src 'none'; script-src 'sha256-{}'; base-uri 'none'; form-action 'none'",
        super::csp::sha256_base64(script.as_bytes())
    );
    format!(
        concat!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            "<title>{title}</title>\n<meta name=\"robots\" content=\"noindex\">\n",
            "<link rel=\"canonical\" href=\"{canonical}\">\n<script>{script}</script>\n",
            "<noscript><meta http-equiv=\"refresh\" content=\"0; url={target}\"></noscript>\n",
            "</head>\n<body>\n<p>{moved} <a href=\"{target}\">{title}</a></p>\n</body>\n</html>\n"
        ),
        lang = lang.code(),
        csp = escape(&csp),
        title = escape(title),
        canonical = escape(&site.url(&target)),
        script = script,
        target = escape(&target),
        moved = escape(moved),
    )
}

/// The page in each language (a statement's: each language it has), then
/// `x-default` at the site root: the `hreflang` links of the head and of
/// the sitemap.
pub(super) fn alternates(site: &Site, page: &Page, statement: Option<&Statement>) -> Vec<(&'static str, String)> {
    Lang::ALL
        .into_iter()
        .filter(|lang| statement.is_none_or(|s| s.has(*lang)))
        .map(|lang| (lang.code(), site.url(&page.path(lang))))
        .chain([("x-default", site.url(&site_path("/")))])
        .collect()
}

/// The Open Graph locale: a region is required, and ours are where each
/// language's readers are (English as written in the texts: British).
fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "kk_KZ",
        Lang::Ru => "ru_RU",
        Lang::En => "en_GB",
    }
}

fn meta_name(name: &str, content: &str) -> String {
    format!("<meta name=\"{name}\" content=\"{}\">", escape(content))
}

fn meta_property(property: &str, content: &str) -> String {
    format!("<meta property=\"{property}\" content=\"{}\">", escape(content))
}

/// The schema.org `NewsArticle` of a statement, as one line of JSON: the
/// day the text is dated (`dateCreated`), the day the portal published it
/// and its latest change, its first publication (`isBasedOn`), and for a
/// translation the portal as its translator and the source version it was
/// made from.
fn news_article(head: &PageHead<'_>, statement: &Statement, canonical: &str, root: &str, site: &Site) -> String {
    use serde_json::{json, Value};
    let organization = json!({ "@type": "Organization", "name": head.site_name, "url": root });
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": &*statement.version(head.lang).title,
        "description": head.description,
        "inLanguage": head.lang.code(),
        "url": canonical,
        "mainEntityOfPage": canonical,
        "isAccessibleForFree": true,
        "publisher": organization,
        "author": organization,
    });
    let fields = article.as_object_mut().expect("an object");
    let record = &statement.record;
    let day = |date: kasipodaq_core::calendar::Date| Value::String(date.to_string());
    if let Some(date) = statement.date {
        fields.insert("dateCreated".into(), day(date));
    }
    if let Some(date) = record.published.or(statement.date) {
        fields.insert("datePublished".into(), day(date));
    }
    if let Some(date) = record.modified() {
        fields.insert("dateModified".into(), day(date));
    }
    if let Some(original) = &record.original {
        let mut work = json!({ "@type": "CreativeWork", "url": &original.url });
        if let Some(date) = original.date {
            work["datePublished"] = day(date);
        }
        fields.insert("isBasedOn".into(), work);
    }
    if statement.version(head.lang).translation {
        let source = statement.source_language;
        let source_url = site.url(&Page::Statement(statement.slug.to_string()).path(source));
        fields.insert("translator".into(), organization);
        fields.insert(
            "translationOfWork".into(),
            json!({ "@type": "NewsArticle", "inLanguage": source.code(), "url": source_url }),
        );
    }
    script_safe(article.to_string())
}

/// A JSON string literal that is safe inside `<script>` ([`script_safe`]).
pub(super) fn json_string(text: &str) -> String {
    script_safe(serde_json::Value::from(text).to_string())
}

/// JSON as `serde_json` writes it, made safe inside `<script>`: HTML does not
/// decode entities there, so `<`, `>` and `&` become `\u003c` and so on, and
/// `</script>` or `<!--` can never appear. U+2028 and U+2029 are escaped too,
/// as older JavaScript parsers refuse them in strings. (Outside strings JSON
/// has none of these characters.)
fn script_safe(json: String) -> String {
    if !json.contains(['<', '>', '&', '\u{2028}', '\u{2029}']) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_escape_what_could_end_a_script() {
        assert_eq!(json_string("</script><!--&"), r#""\u003c/script\u003e\u003c!--\u0026""#);
        assert_eq!(json_string("a\"b\\c\nd\u{1}"), r#""a\"b\\c\nd\u0001""#);
        assert_eq!(json_string("\u{2028}"), r#""\u2028""#);
    }
}
