use kasipodaq_core::{site::escape, urls::Page, Lang};
use leptos::prelude::*;

use crate::{
    components::{footer::FEDERATION_SITE, page_header::PageHeader},
    i18n::{message, text},
};

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

/// The statement after its title and lead, in order: each text is one
/// message of `locales/{lang}/accessibility.ftl`.
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

/// `/{lang}/accessibility/`: the accessibility statement — the standard the
/// portal aims at, what the tests check on every build, the limits known,
/// and how to report a problem.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <PageHeader page=Page::Accessibility/>
        <div class="accessibility-statement" inner_html=text(statement_html)></div>
    }
}

/// The blocks as HTML in `lang`: fixed tags around our own compiled-in
/// messages, each escaped, so no translation holds HTML (the website link
/// is added here). One element instead of a view per block: the same page
/// as separate Leptos views measured 1.6 KB more compressed WebAssembly,
/// which the size budget does not have.
fn statement_html(lang: Lang) -> String {
    let mut html = String::new();
    let mut in_list = false;
    for block in BLOCKS {
        let (tag, id) = match block {
            Heading(id) => ("h2", id),
            Paragraph(id) | Report(id) => ("p", id),
            Item(id) => ("li", id),
        };
        if in_list != (tag == "li") {
            in_list = !in_list;
            html.push_str(if in_list { "<ul>" } else { "</ul>" });
        }
        html.push_str(&format!("<{tag}>{}", escape(&message(lang, id))));
        if let Report(_) = block {
            html.push_str(&format!(" <a href=\"{FEDERATION_SITE}\" rel=\"external\">kasipodaq.kz</a>"));
        }
        html.push_str(&format!("</{tag}>"));
    }
    if in_list {
        html.push_str("</ul>");
    }
    html
}
