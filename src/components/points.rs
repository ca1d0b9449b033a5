use kasipodaq_core::{
    content::{in_lang, PointsPage},
    urls::Page,
};
use leptos::prelude::*;

use crate::i18n::msg;
use crate::{
    components::texts_file::{fetch_texts, texts_view},
    content::{load_points, points, PointsSource},
    i18n::{format_in, page_href, text, tr, use_i18n},
};

/// The sections of a page of points, from its texts file.
#[component]
pub fn PointsFromFile(source: &'static PointsSource) -> impl IntoView {
    let (page, retry) = fetch_texts(points(source), move || load_points(source));
    texts_view(page, retry, |page: &&'static PointsPage| view! { <PointsSections page=*page/> }.into_any())
}

/// The sections of the Platform or Union Day page: each point links to the
/// statement paragraph it comes from, or names its public source.
#[component]
fn PointsSections(page: &'static PointsPage) -> impl IntoView {
    let i18n = use_i18n();
    page.sections
        .iter()
        .map(|section| {
            let heading_id = format!("{}-heading", section.id);
            let labelled_by = heading_id.clone();
            let statement = section.statement.as_deref().zip(section.statement_title.as_ref());
            let points = section
                .points
                .iter()
                .map(|point| {
                    let link = point.paragraph.zip(statement).map(|(n, (slug, _))| {
                        let href = text(move |lang| format!("{}#p{n}", Page::Statement(slug.to_owned()).path(lang)));
                        view! {
                            " "
                            <a class="point__link" href=href>{text(move |lang| format_in(lang, msg::POINT_PARAGRAPH, &[("n", n.into())]))}</a>
                        }
                    });
                    let source = point.source.as_ref().map(|source| {
                        view! {
                            " "
                            <span class="point__source">
                                {text(move |lang| format_in(lang, msg::POINT_SOURCE, &[("source", in_lang(source, lang).into())]))}
                            </span>
                        }
                    });
                    // Build-time HTML of our own page file (escaped text and <span lang>,
                    // see kasipodaq_build::content::points), from a texts file whose
                    // content matched the hash in its name compiled into the app
                    // (crate::content::fetch_checked); never data from elsewhere.
                    view! { <li class="point"><span inner_html=move || in_lang(&point.text, i18n.lang.get()).to_string()></span>{link}{source}</li> }
                })
                .collect_view();
            // A name in its own language, shown where the page is in another.
            let original = section.original.as_ref().map(|(lang, text)| {
                let lang = *lang;
                view! {
                    {move || (i18n.lang.get() != lang).then(|| view! {
                        " " <span class="original" lang=lang.code()>{text.to_string()}</span>
                    })}
                }
            });
            let from = statement.map(|(slug, title)| {
                let href = page_href(Page::Statement(slug.to_owned()));
                view! {
                    <p class="points__from">
                        {tr(msg::POINTS_FROM)} " "
                        <a href=href>{text(move |lang| in_lang(title, lang).to_string())}</a>
                    </p>
                }
            });
            view! {
                <section class="points" id=section.id.to_string() aria-labelledby=labelled_by>
                    <h2 id=heading_id>{text(move |lang| in_lang(&section.title, lang).to_string())}{original}</h2>
                    {section.intro.as_ref().map(|intro| view! { <p>{text(move |lang| in_lang(intro, lang).to_string())}</p> })}
                    <ul class="points__list">{points}</ul>
                    {from}
                    {section.context.as_ref().map(|context| view! {
                        <p class="context-note">
                            <strong>{tr(msg::STATEMENT_CONTEXT)}</strong> " "
                            {text(move |lang| in_lang(context, lang).to_string())}
                        </p>
                    })}
                </section>
            }
        })
        .collect_view()
}
