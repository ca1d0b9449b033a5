use leptos::prelude::*;

use crate::routes::not_found::NotFoundPage;

/// `/{lang}/statements/{slug}/`. No statement is published yet, so every slug
/// is unknown and gets the not-found page.
#[component]
pub fn StatementPage() -> impl IntoView {
    view! { <NotFoundPage/> }
}
