//! Component tests in a real browser (`cargo test --target
//! wasm32-unknown-unknown`): the rules that live in the browser — plural
//! categories from `Intl`, today's date in Kazakhstan — and the shell mounted
//! on a deep link.
#![cfg(target_arch = "wasm32")]

use kasipodaq_core::Lang;
use kasipodaq_portal::{app::App, browser, i18n::message};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn next_tick(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
fn russian_plurals_come_from_the_browser() {
    use kasipodaq_portal::i18n::format_in;
    let days = |lang, n: i64| format_in(lang, "union-day-countdown", &[("days", n.into())]);
    assert_eq!(days(Lang::Ru, 1), "Завтра.");
    assert_eq!(days(Lang::Ru, 3), "Через 3 дня.");
    assert_eq!(days(Lang::Ru, 5), "Через 5 дней.");
    assert_eq!(days(Lang::Ru, 11), "Через 11 дней.");
    assert_eq!(days(Lang::Ru, 21), "Через 21 день.");
    assert_eq!(days(Lang::Ru, 0), "Сегодня — День профсоюзов.");
    assert_eq!(days(Lang::En, 2), "In 2 days.");
    assert_eq!(days(Lang::Kk, 40), "40 күннен кейін.");
}

#[wasm_bindgen_test]
fn today_in_kazakhstan_is_a_real_date() {
    let today = browser::today_in_kazakhstan().expect("Intl gives a date in Asia/Almaty");
    assert!(today.year >= 2025, "{today}");
}

#[wasm_bindgen_test]
fn dates_are_written_in_the_page_language() {
    let date = kasipodaq_core::calendar::Date::parse_iso("2027-10-10").unwrap();
    assert_eq!(browser::format_date(date, Lang::En), "10 October 2027");
    assert!(browser::format_date(date, Lang::Ru).starts_with("10 октября 2027"));
    // Chromium's ICU has no Kazakh month names: our own pattern steps in
    assert_eq!(browser::format_date(date, Lang::Kk), "2027 жылғы 10 қазан");
}

#[wasm_bindgen_test]
async fn the_shell_on_a_deep_link_offers_the_same_place_in_every_language() {
    // The test page is /wasm-bindgen-test: put the app on a deep link first.
    let history = web_sys::window().unwrap().history().unwrap();
    history.replace_state_with_url(&JsValue::NULL, "", Some("/ru/platform/?year=2019#p2")).unwrap();
    leptos::mount::mount_to_body(App);
    next_tick(50).await;

    let doc = document();
    assert_eq!(doc.document_element().unwrap().get_attribute("lang").as_deref(), Some("ru"));
    let h1 = doc.query_selector("main h1").unwrap().expect("a heading");
    assert_eq!(h1.text_content().unwrap(), message(Lang::Ru, "page-platform-title"));

    let link = |lang: &str| {
        doc.query_selector(&format!(".language-switcher a[hreflang=\"{lang}\"]"))
            .unwrap()
            .unwrap()
            .dyn_into::<web_sys::HtmlAnchorElement>()
            .unwrap()
    };
    assert_eq!(link("kk").get_attribute("href").as_deref(), Some("/kk/platform/?year=2019#p2"));
    assert_eq!(link("en").get_attribute("href").as_deref(), Some("/en/platform/?year=2019#p2"));
    assert_eq!(link("ru").get_attribute("aria-current").as_deref(), Some("true"));
    assert_eq!(link("kk").get_attribute("aria-current"), None);

    // following a switcher link changes the language in place
    link("en").click();
    next_tick(50).await;
    assert_eq!(doc.document_element().unwrap().get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(h1_text(&doc), message(Lang::En, "page-platform-title"));
    assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), "#p2");
    assert_eq!(browser::saved_language().as_deref(), Some("en"));
}

fn h1_text(doc: &web_sys::Document) -> String {
    doc.query_selector("main h1").unwrap().unwrap().text_content().unwrap()
}
