//! The accessibility statement's body (`/{lang}/accessibility/`, after its
//! title and lead): fixed tags around the messages `a11y-*` of
//! `locales/{lang}/accessibility.ftl`, each escaped, so no translation holds
//! HTML (the link to the federation's website is added here).
//!
//! Built on the host: the prerender puts it in the page and in the page's
//! texts file ([`kasipodaq_core::files::texts::html_to_json`], named
//! [`kasipodaq_core::files::texts::ACCESSIBILITY_PAGE`]), which the app fetches. The
//! app's own catalogue leaves these messages out ([`is_page_text`]).

use kasipodaq_core::{
    html::escape,
    i18n::{Catalog, Piece},
    urls::FEDERATION_SITE,
    Lang,
};

/// Whether a message is part of the statement's body, which travels in its
/// texts file instead of in the app.
pub fn is_page_text(id: &str) -> bool {
    id.starts_with("a11y-")
}

/// A block of the statement, with the message that holds its text.
#[derive(Clone, Copy)]
enum Block {
    Heading(&'static str),
    Paragraph(&'static str),
    /// An item of a bulleted list; consecutive items form one list.
    Item(&'static str),
    /// The paragraph that ends with the link to the federation's website.
    Report(&'static str),
}

use Block::{Heading, Item, Paragraph, Report};

/// The blocks in order.
const BLOCKS: [Block; 18] = [
    Heading("a11y-aim-heading"),
    Paragraph("a11y-aim"),
    Heading("a11y-tested-heading"),
    Item("a11y-tested-axe"),
    Item("a11y-tested-keyboard"),
    Item("a11y-tested-focus"),
    Item("a11y-tested-reflow"),
    Item("a11y-tested-no-script"),
    Heading("a11y-limits-heading"),
    Item("a11y-limit-tests"),
    Item("a11y-limit-translations"),
    Heading("a11y-report-heading"),
    Report("a11y-report-where"),
    Paragraph("a11y-report-include"),
    Item("a11y-report-page"),
    Item("a11y-report-device"),
    Item("a11y-report-assistive"),
    Item("a11y-report-what"),
];

/// The ids of the messages the statement is made of, in order.
pub fn message_ids() -> impl Iterator<Item = &'static str> {
    BLOCKS.into_iter().map(|block| match block {
        Heading(id) | Paragraph(id) | Item(id) | Report(id) => id,
    })
}

/// The statement's body as HTML in `lang`. An error names a message that is
/// missing or is not plain text (no variables or selectors: nothing here
/// is formatted).
pub fn html(catalog: &Catalog, lang: Lang) -> Result<String, String> {
    let mut html = String::new();
    let mut in_list = false;
    for block in BLOCKS {
        let (tag, id) = match block {
            Heading(id) => ("h2", id),
            Paragraph(id) | Report(id) => ("p", id),
            Item(id) => ("li", id),
        };
        let message = catalog.message(lang, id).ok_or_else(|| format!("{}: {id} is missing", lang.code()))?;
        let mut text = String::new();
        for piece in message.pieces.iter() {
            match piece {
                Piece::Text(part) => text.push_str(part),
                _ => return Err(format!("{}: {id} must be plain text", lang.code())),
            }
        }
        if in_list != (tag == "li") {
            in_list = !in_list;
            html.push_str(if in_list { "<ul>" } else { "</ul>" });
        }
        html.push_str(&format!("<{tag}>{}", escape(&text)));
        if let Report(_) = block {
            html.push_str(&format!(" <a href=\"{FEDERATION_SITE}\" rel=\"external\">kasipodaq.kz</a>"));
        }
        html.push_str(&format!("</{tag}>"));
    }
    if in_list {
        html.push_str("</ul>");
    }
    Ok(html)
}

/// The statement's body in every language, in the order of [`Lang::ALL`].
pub fn html_in_all(catalog: &Catalog) -> Result<[String; 3], String> {
    Ok([html(catalog, Lang::Kk)?, html(catalog, Lang::Ru)?, html(catalog, Lang::En)?])
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use kasipodaq_core::i18n::Message;

    fn catalog(texts: &[(&'static str, Vec<Piece>)]) -> Catalog {
        let mut messages: Vec<Message> = texts
            .iter()
            .map(|(id, pieces)| Message { id: Cow::Borrowed(id), pieces: Cow::Owned(pieces.clone()) })
            .collect();
        messages.sort_by(|a, b| a.id.cmp(&b.id));
        Catalog { languages: [Cow::Owned(messages.clone()), Cow::Owned(messages.clone()), Cow::Owned(messages)] }
    }

    fn every_block(text: &'static str) -> Vec<(&'static str, Vec<Piece>)> {
        message_ids().map(|id| (id, vec![Piece::Text(Cow::Borrowed(text))])).collect()
    }

    #[test]
    fn headings_paragraphs_and_lists_in_order_with_the_text_escaped_and_the_report_link() {
        let html = html(&catalog(&every_block("a <b> & \"c\"")), Lang::En).unwrap();
        let escaped = "a &lt;b&gt; &amp; &quot;c&quot;";
        assert!(
            html.starts_with(&format!("<h2>{escaped}</h2><p>{escaped}</p><h2>{escaped}</h2><ul><li>{escaped}</li>")),
            "{html}"
        );
        assert_eq!(html.matches("<ul>").count(), 3, "{html}");
        assert_eq!(html.matches("</ul>").count(), 3, "{html}");
        assert_eq!(html.matches("<h2>").count(), 4);
        assert!(html.ends_with("</li></ul>"), "{html}");
        assert!(
            html.contains(&format!("<p>{escaped} <a href=\"{FEDERATION_SITE}\" rel=\"external\">kasipodaq.kz</a></p>")),
            "{html}"
        );
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn a_missing_message_or_one_with_a_variable_is_an_error_that_names_it() {
        let mut texts = every_block("x");
        texts.retain(|(id, _)| *id != "a11y-aim");
        assert_eq!(html(&catalog(&texts), Lang::Ru), Err("ru: a11y-aim is missing".to_owned()));
        let mut texts = every_block("x");
        texts[0].1.push(Piece::Var(Cow::Borrowed("n")));
        assert_eq!(html(&catalog(&texts), Lang::Kk), Err(format!("kk: {} must be plain text", texts[0].0)));
    }

    #[test]
    fn its_messages_and_only_they_are_page_texts() {
        assert!(message_ids().all(is_page_text));
        assert!(!is_page_text("page-accessibility-title"));
        assert!(!is_page_text("site-name"));
    }
}
