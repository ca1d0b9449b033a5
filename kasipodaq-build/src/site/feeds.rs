//! The files for crawlers and feed readers: `sitemap.xml` (an index of
//! sitemap files), `robots.txt` and one Atom feed per language.

use std::{io, rc::Rc};

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

use super::{head::alternates, Site};
use kasipodaq_core::urls::{site_path, ArchiveView};
use kasipodaq_core::{calendar::Date, content::Statement, urls::Page, Lang};

/// Where the sitemap is served.
pub const SITEMAP_PATH: &str = "/sitemap.xml";

/// The site path of the Atom feed of `lang`, e.g. `/en/feed.xml` (under the
/// base path).
pub fn feed_path(lang: Lang) -> String {
    site_path(&format!("/{}/feed.xml", lang.code()))
}

/// The most URLs one sitemap file may list (the sitemap protocol's limit);
/// [`sitemap_files`] splits the site's URLs into files of at most this many.
pub const SITEMAP_URL_LIMIT: usize = 50_000;

/// The site path of the `n`th sitemap file (from 1), e.g. `/sitemap-1.xml`
/// (under the base path), listed by the index at [`SITEMAP_PATH`].
pub fn sitemap_file_path(n: usize) -> String {
    site_path(&format!("/sitemap-{n}.xml"))
}

/// Every file of the sitemap as (site path, XML): first the sitemap index at
/// [`SITEMAP_PATH`] (the address robots.txt names), then
/// `/sitemap-1.xml`, `/sitemap-2.xml`, … with at most `limit` URLs each, in
/// the order of `pages` (each page in every language). A parameter so tests
/// can split a small site; the build passes [`SITEMAP_URL_LIMIT`].
///
/// Each URL has the `hreflang` links of all three languages and `x-default`
/// (the site root). A statement page has a `<lastmod>`: the day the portal
/// last changed it (its latest change, or the day it published it; for a
/// statement without those, its own date).
///
/// # Panics
/// If `limit` is 0.
pub fn sitemap_files(site: &Site, pages: &[Page], statements: &[Statement], limit: usize) -> Vec<(String, String)> {
    assert!(limit > 0, "a sitemap file lists at least one URL");
    let urls = sitemap_urls(site, pages, statements);
    let files: Vec<(String, String)> =
        urls.chunks(limit).enumerate().map(|(i, chunk)| (sitemap_file_path(i + 1), urlset(chunk))).collect();
    let index = xml_document("UTF-8", |xml| {
        xml.create_element("sitemapindex").with_attribute(("xmlns", SITEMAP_NS)).write_inner_content(|xml| {
            for (path, _) in &files {
                xml.create_element("sitemap").write_inner_content(|xml| text_element(xml, "loc", &site.url(path)))?;
            }
            Ok(())
        })?;
        Ok(())
    });
    [(site_path(SITEMAP_PATH), index)].into_iter().chain(files).collect()
}

const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// One sitemap `<url>`: its address, the day it last changed, and its
/// language versions.
struct SitemapUrl {
    loc: String,
    lastmod: Option<Date>,
    alternates: Rc<[(&'static str, String)]>,
}

/// The `<url>` of every page in every language, in order.
fn sitemap_urls(site: &Site, pages: &[Page], statements: &[Statement]) -> Vec<SitemapUrl> {
    let mut urls = Vec::with_capacity(pages.len() * Lang::ALL.len());
    for page in pages {
        let statement = match page {
            Page::Statement(slug) => statements.iter().find(|s| s.slug == slug.as_str()),
            _ => None,
        };
        let lastmod = statement.and_then(portal_dates).map(|(_, updated)| updated);
        let links: Rc<[(&'static str, String)]> = alternates(site, page, statement).into();
        // A language a statement is not yet translated into has a page
        // (its source text, `noindex`), but no place in the sitemap.
        for lang in Lang::ALL.into_iter().filter(|lang| statement.is_none_or(|s| s.has(*lang))) {
            urls.push(SitemapUrl { loc: site.url(&page.path(lang)), lastmod, alternates: Rc::clone(&links) });
        }
    }
    urls
}

fn urlset(urls: &[SitemapUrl]) -> String {
    xml_document("UTF-8", |xml| {
        xml.create_element("urlset")
            .with_attributes([("xmlns", SITEMAP_NS), ("xmlns:xhtml", "http://www.w3.org/1999/xhtml")])
            .write_inner_content(|xml| {
                for url in urls {
                    xml.create_element("url").write_inner_content(|xml| {
                        text_element(xml, "loc", &url.loc)?;
                        if let Some(date) = url.lastmod {
                            text_element(xml, "lastmod", &date.to_string())?;
                        }
                        for (hreflang, href) in url.alternates.iter() {
                            xml.create_element("xhtml:link")
                                .with_attributes([("rel", "alternate"), ("hreflang", hreflang), ("href", href)])
                                .write_empty()?;
                        }
                        Ok(())
                    })?;
                }
                Ok(())
            })?;
        Ok(())
    })
}

/// An XML file written by `body`, indented by two spaces, with its
/// declaration (naming the encoding as `encoding`) and a final newline. quick-xml escapes every text and
/// attribute, so no value can break the markup.
fn xml_document(encoding: &str, body: impl FnOnce(&mut Writer<Vec<u8>>) -> io::Result<()>) -> String {
    let mut xml = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into memory cannot fail.
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some(encoding), None))).expect("XML into memory");
    body(&mut xml).expect("XML into memory");
    let mut text = String::from_utf8(xml.into_inner()).expect("XML written from strings is UTF-8");
    text.push('\n');
    text
}

/// `<name>text</name>`.
fn text_element(xml: &mut Writer<Vec<u8>>, name: &str, text: &str) -> io::Result<()> {
    xml.create_element(name).write_text_content(BytesText::new(text))?;
    Ok(())
}

/// `robots.txt`: every crawler may read everything, and is told where the
/// sitemap is.
pub fn robots(site: &Site) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {}\n", site.url(&site_path(SITEMAP_PATH)))
}

/// The texts of a feed in one language (the caller takes them from the
/// translations).
#[derive(Clone, Copy, Debug)]
pub struct FeedTexts<'a> {
    pub title: &'a str,
    pub subtitle: &'a str,
    /// Who publishes the statements: the feed's and each entry's author.
    pub author: &'a str,
    /// "Translated from Kazakh by the portal." and so on, in the order of
    /// [`Lang::ALL`]: a translated entry's summary ends with it.
    pub translated_from: [&'a str; 3],
}

/// The most entries a feed carries: readers poll the feed for what is new,
/// so the whole archive would only make every poll heavier.
pub const FEED_ENTRIES: usize = 50;

/// When the portal published a statement and when it last changed it, for
/// the feeds and the sitemap: the portal's own dates where the content
/// gives them, otherwise the statement's date; `None` when neither exists.
fn portal_dates(statement: &Statement) -> Option<(Date, Date)> {
    let published = statement.record.published.or(statement.date)?;
    Some((published, statement.record.updated().map_or(published, |updated| updated.max(published))))
}

/// [`portal_dates`] of one language version: a translation published
/// later is new in its language's feed on its own day.
fn version_dates(statement: &Statement, lang: Lang) -> Option<(Date, Date)> {
    let (published, updated) = portal_dates(statement)?;
    match statement.version(lang).published {
        Some(own) if own > published => Some((own, updated.max(own))),
        _ => Some((published, updated)),
    }
}

/// The Atom 1.0 feed of `lang`, served at [`feed_path`]: what the portal
/// published, newest first by the day it published it (then by the
/// statement's own date, undated last, then by slug), the newest
/// [`FEED_ENTRIES`] only, with its title and summary in `lang`. Every
/// statement can be in it, the undated too: an entry's `<published>` and
/// `<updated>` are the portal's dates, not the text's. A translated entry
/// says so at the end of its summary. The feed's `<updated>` is the latest
/// of its entries'; with none it is 1970-01-01, as Atom requires some time.
pub fn atom_feed(site: &Site, lang: Lang, statements: &[Statement], texts: &FeedTexts<'_>) -> String {
    let mut listed: Vec<(Date, Date, &Statement)> = statements
        .iter()
        .filter(|statement| statement.has(lang))
        .filter_map(|statement| {
            version_dates(statement, lang).map(|(published, updated)| (published, updated, statement))
        })
        .collect();
    listed.sort_by(|(a_published, _, a), (b_published, _, b)| {
        b_published.cmp(a_published).then_with(|| match (a.date, b.date) {
            (Some(x), Some(y)) => y.cmp(&x).then_with(|| a.slug.cmp(&b.slug)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.slug.cmp(&b.slug),
        })
    });
    listed.truncate(FEED_ENTRIES);
    let updated = listed.iter().map(|(_, updated, _)| *updated).max().unwrap_or(Date { year: 1970, month: 1, day: 1 });
    let self_url = site.url(&feed_path(lang));
    let home = site.url(&site_path("/"));
    let author = |xml: &mut Writer<Vec<u8>>| -> io::Result<()> {
        xml.create_element("author").write_inner_content(|xml| {
            text_element(xml, "name", texts.author)?;
            text_element(xml, "uri", &home)
        })?;
        Ok(())
    };
    let link = |xml: &mut Writer<Vec<u8>>, rel: &str, kind: &str, href: &str| -> io::Result<()> {
        xml.create_element("link").with_attributes([("rel", rel), ("type", kind), ("href", href)]).write_empty()?;
        Ok(())
    };
    xml_document("utf-8", |xml| {
        xml.create_element("feed")
            .with_attributes([("xmlns", "http://www.w3.org/2005/Atom"), ("xml:lang", lang.code())])
            .write_inner_content(|xml| {
                text_element(xml, "id", &self_url)?;
                text_element(xml, "title", texts.title)?;
                text_element(xml, "subtitle", texts.subtitle)?;
                link(xml, "self", "application/atom+xml", &self_url)?;
                link(xml, "alternate", "text/html", &site.url(&Page::Statements(ArchiveView::ALL).path(lang)))?;
                text_element(xml, "updated", &atom_time(updated))?;
                author(xml)?;
                for (published, updated, statement) in &listed {
                    let version = statement.version(lang);
                    // The entry keeps the address it was first published
                    // under, so a changed slug is not a new entry to feed
                    // readers.
                    let first_slug = statement.record.formerly.first().unwrap_or(&statement.slug);
                    let summary = if version.translation {
                        format!("{} {}", version.summary, texts.translated_from[statement.source_language.index()])
                    } else {
                        version.summary.to_string()
                    };
                    xml.create_element("entry").write_inner_content(|xml| {
                        text_element(xml, "title", &version.title)?;
                        text_element(xml, "id", &site.url(&Page::Statement(first_slug.to_string()).path(lang)))?;
                        let url = site.url(&Page::Statement(statement.slug.to_string()).path(lang));
                        link(xml, "alternate", "text/html", &url)?;
                        text_element(xml, "published", &atom_time(*published))?;
                        text_element(xml, "updated", &atom_time(*updated))?;
                        text_element(xml, "summary", &summary)?;
                        author(xml)
                    })?;
                }
                Ok(())
            })?;
        Ok(())
    })
}

/// An RFC 3339 time for a date: its midnight in UTC (the sources give no time
/// of day).
fn atom_time(date: Date) -> String {
    format!("{date}T00:00:00Z")
}
