use leptos::prelude::*;

use crate::components::copy_button::CopyButton;
use crate::i18n::msg;

/// "Copy link to the selected text": while the reader has words selected
/// within one paragraph of the statement, a bar offers a link that opens
/// the page on them, marked by the browser (`#pN:~:text=…`, see
/// [`kasipodaq_core::urls::passage_fragment`]).
#[component]
pub fn PassageLink(
    /// The statement's address in the page's language, without a fragment.
    #[prop(into)]
    page_url: Signal<String>,
) -> impl IntoView {
    let fragment = RwSignal::new(None::<String>);
    #[cfg(not(feature = "ssr"))]
    {
        use wasm_bindgen::{closure::Closure, JsCast};
        // `selectionchange` is fired at the document only (it does not reach
        // the window), and also while a phone's selection handles are moved.
        let listener = Closure::<dyn Fn()>::new(move || fragment.set(selected_passage()));
        let listener = send_wrapper::SendWrapper::new(listener);
        let _ = document().add_event_listener_with_callback("selectionchange", listener.as_ref().unchecked_ref());
        on_cleanup(move || {
            let _ =
                document().remove_event_listener_with_callback("selectionchange", listener.as_ref().unchecked_ref());
        });
    }
    let link = Signal::derive(move || format!("{}{}", page_url.get(), fragment.get().unwrap_or_default()));
    // Always there and shown while words are selected (`hidden` costs the
    // WebAssembly less than a view built and dropped on each selection).
    view! {
        <div class="passage-link" hidden=move || fragment.with(Option::is_none)>
            <CopyButton value=link label=msg::STATEMENT_COPY_PASSAGE_LINK done=msg::STATEMENT_PASSAGE_LINK_COPIED/>
        </div>
    }
}

/// The fragment for the words selected now, when they lie within one of the
/// statement's paragraphs.
#[cfg(not(feature = "ssr"))]
fn selected_passage() -> Option<String> {
    use wasm_bindgen::JsCast;
    let selection = window().get_selection().ok()??;
    if selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    // Across two paragraphs the common ancestor is outside both.
    let ancestor = range.common_ancestor_container().ok()?;
    let element = match ancestor.dyn_into::<web_sys::Element>() {
        Ok(element) => element,
        Err(node) => node.parent_element()?,
    };
    let paragraph = element.closest(".para__text").ok()??;
    let n = paragraph.parent_element()?.id().get(1..)?.parse().ok()?;
    // The paragraph's text before and after the selection.
    let before = range.clone_range();
    before.set_start(&paragraph, 0).ok()?;
    before.set_end(&range.start_container().ok()?, range.start_offset().ok()?).ok()?;
    let after = range.clone_range();
    after.set_end(&paragraph, paragraph.child_nodes().length()).ok()?;
    after.set_start(&range.end_container().ok()?, range.end_offset().ok()?).ok()?;
    let text = |range: &web_sys::Range| String::from(range.to_string());
    kasipodaq_core::urls::passage_fragment(n, &text(&before), &text(&range), &text(&after))
}
