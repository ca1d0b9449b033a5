//! Component tests in a real browser (`cargo test --target
//! wasm32-unknown-unknown`): the rules that live in the browser — plural
//! categories from `Intl`, today's date in Kazakhstan — and the shell mounted
//! on a deep link.
#![cfg(target_arch = "wasm32")]

use kasipodaq_core::Lang;
use kasipodaq_portal::i18n::{self, msg};
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

/// The app's messages, read as the app reads each language's messages file
/// once fetched (here the build's own copies).
fn with_messages() {
    let files = [
        (Lang::Kk, include_str!(concat!(env!("OUT_DIR"), "/messages-kk.json"))),
        (Lang::Ru, include_str!(concat!(env!("OUT_DIR"), "/messages-ru.json"))),
        (Lang::En, include_str!(concat!(env!("OUT_DIR"), "/messages-en.json"))),
    ];
    for (lang, json) in files {
        if !i18n::has_messages(lang) {
            let value = serde_json::from_str(json).unwrap();
            let (patterns, ends) = kasipodaq_core::i18n::packed::read_language(&value, lang, msg::COUNT).unwrap();
            i18n::keep_messages(lang, patterns, ends);
        }
    }
}

#[wasm_bindgen_test]
fn russian_plurals_come_from_the_browser() {
    with_messages();
    use kasipodaq_portal::i18n::format_in;
    let days = |lang, n: i64| format_in(lang, msg::UNION_DAY_COUNTDOWN, &[("days", n.into())]);
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
fn the_day_in_kazakhstan_is_the_browsers_day_in_asia_almaty() {
    with_messages();
    // The app counts Kazakhstan's day with a fixed UTC+5 (no `Intl`, for
    // speed); the browser's time-zone database must agree, on each side of
    // every midnight in Almaty for a year from today, and now.
    use kasipodaq_core::calendar::{kazakhstan_date_at, Date};
    let almaty = js_sys::Intl::DateTimeFormat::new(
        &js_sys::Array::of1(&"en-CA".into()),
        &js_options(&[("timeZone", "Asia/Almaty")]),
    );
    let browsers_day = |ms: f64| {
        let text = almaty.format().call1(&JsValue::NULL, &js_sys::Date::new(&ms.into())).unwrap();
        Date::parse_iso(&text.as_string().unwrap()).unwrap()
    };
    const DAY_MS: f64 = 86_400_000.0;
    let now = js_sys::Date::now();
    assert_eq!(browser::today_in_kazakhstan(), Some(browsers_day(now)));
    // 19:00 UTC is midnight at UTC+5.
    let first_midnight = (now / DAY_MS).floor() * DAY_MS + 19.0 * 3_600_000.0;
    for day in 0..366 {
        let midnight = first_midnight + day as f64 * DAY_MS;
        for instant in [midnight - 1.0, midnight, midnight + 12.0 * 3_600_000.0] {
            assert_eq!(kazakhstan_date_at(instant), browsers_day(instant), "at {instant} ms");
        }
    }
}

#[wasm_bindgen_test]
fn dates_are_written_in_the_page_language() {
    with_messages();
    let date = kasipodaq_core::calendar::Date::parse_iso("2027-10-10").unwrap();
    assert_eq!(i18n::format_date(date, Lang::En), "10 October 2027");
    assert!(i18n::format_date(date, Lang::Ru).starts_with("10 октября 2027"));
    assert_eq!(i18n::format_date(date, Lang::Kk), "2027 жылғы 10 қазан");
}

fn js_options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        js_sys::Reflect::set(&object, &(*key).into(), &(*value).into()).unwrap();
    }
    object
}

/// The app writes dates and relative times from our translations (building
/// the browser's formatters cost 55-62 ms of a page's start); for Russian and
/// English they must be exactly what the browser's `Intl` writes.
#[wasm_bindgen_test]
fn our_dates_and_relative_times_are_the_browsers_words() {
    with_messages();
    use js_sys::{Array, Intl};
    use kasipodaq_core::{calendar::Date, contacts::TimeUnit};
    for (lang, locale) in [(Lang::Ru, "ru"), (Lang::En, "en-GB")] {
        let locales = Array::of1(&locale.into());
        let dates = Intl::DateTimeFormat::new(
            &locales,
            &js_options(&[("timeZone", "UTC"), ("day", "numeric"), ("month", "long"), ("year", "numeric")]),
        );
        for month in 1..=12 {
            for day in [1, 9, 10, 21, 28] {
                let date = Date { year: 2019, month, day };
                let at = js_sys::Date::new(&format!("{date}T12:00:00Z").into());
                let intl = dates.format().call1(&JsValue::NULL, &at).unwrap().as_string().unwrap();
                assert_eq!(i18n::format_date(date, lang), intl, "{date} {lang}");
            }
        }
        let relative =
            Intl::RelativeTimeFormat::new(&Array::of1(&lang.code().into()), &js_options(&[("numeric", "always")]));
        for unit in [TimeUnit::Second, TimeUnit::Minute, TimeUnit::Hour, TimeUnit::Day] {
            for count in [1, 2, 3, 5, 11, 21, 22, 25, 101, 111] {
                let intl = String::from(relative.format(-(count as f64), unit.code()));
                assert_eq!(i18n::time_ago(count, unit, lang), intl, "{count} {} {lang}", unit.code());
            }
        }
    }
}

#[wasm_bindgen_test]
async fn the_shell_on_a_deep_link_offers_the_same_place_in_every_language() {
    with_messages();
    // The test page is /wasm-bindgen-test: put the app on a deep link first.
    let history = web_sys::window().unwrap().history().unwrap();
    history.replace_state_with_url(&JsValue::NULL, "", Some("/ru/platform/?year=2019#p2")).unwrap();
    leptos::mount::mount_to_body(App);
    next_tick(50).await;

    let doc = document();
    assert_eq!(doc.document_element().unwrap().get_attribute("lang").as_deref(), Some("ru"));
    let h1 = doc.query_selector("main h1").unwrap().expect("a heading");
    assert_eq!(h1.text_content().unwrap(), message(Lang::Ru, msg::PAGE_PLATFORM_TITLE));

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
    assert_eq!(h1_text(&doc), message(Lang::En, msg::PAGE_PLATFORM_TITLE));
    assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), "#p2");
    assert_eq!(browser::saved_language().as_deref(), Some("en"));
}

fn h1_text(doc: &web_sys::Document) -> String {
    doc.query_selector("main h1").unwrap().unwrap().text_content().unwrap()
}

/// Every contacts fixture of the host tests, read the browser's way.
const CONTACTS_FIXTURES: &[(&str, &[u8])] = &[
    ("all-entries-bad.json", include_bytes!("fixtures/contacts/all-entries-bad.json")),
    ("bad-emails.json", include_bytes!("fixtures/contacts/bad-emails.json")),
    ("bad-historical.json", include_bytes!("fixtures/contacts/bad-historical.json")),
    ("bad-hotline.json", include_bytes!("fixtures/contacts/bad-hotline.json")),
    ("bad-ids.json", include_bytes!("fixtures/contacts/bad-ids.json")),
    ("bad-levels.json", include_bytes!("fixtures/contacts/bad-levels.json")),
    ("bad-phones.json", include_bytes!("fixtures/contacts/bad-phones.json")),
    ("blank-fields-and-bom.json", include_bytes!("fixtures/contacts/blank-fields-and-bom.json")),
    ("control-characters.json", include_bytes!("fixtures/contacts/control-characters.json")),
    ("data-links.json", include_bytes!("fixtures/contacts/data-links.json")),
    ("deeply-nested.json", include_bytes!("fixtures/contacts/deeply-nested.json")),
    ("duplicate-ids.json", include_bytes!("fixtures/contacts/duplicate-ids.json")),
    ("empty.json", include_bytes!("fixtures/contacts/empty.json")),
    ("entries-not-objects.json", include_bytes!("fixtures/contacts/entries-not-objects.json")),
    ("future-updated-at.json", include_bytes!("fixtures/contacts/future-updated-at.json")),
    ("headquarters-not-a-list.json", include_bytes!("fixtures/contacts/headquarters-not-a-list.json")),
    ("historical.json", include_bytes!("fixtures/contacts/historical.json")),
    ("hotline-not-an-object.json", include_bytes!("fixtures/contacts/hotline-not-an-object.json")),
    ("html-and-script-in-text.json", include_bytes!("fixtures/contacts/html-and-script-in-text.json")),
    ("invalid-updated-at.json", include_bytes!("fixtures/contacts/invalid-updated-at.json")),
    ("javascript-links.json", include_bytes!("fixtures/contacts/javascript-links.json")),
    ("missing-required-fields.json", include_bytes!("fixtures/contacts/missing-required-fields.json")),
    ("missing-updated-at.json", include_bytes!("fixtures/contacts/missing-updated-at.json")),
    ("missing-version.json", include_bytes!("fixtures/contacts/missing-version.json")),
    ("not-json.json", include_bytes!("fixtures/contacts/not-json.json")),
    ("other-links.json", include_bytes!("fixtures/contacts/other-links.json")),
    ("strings-at-the-limits.json", include_bytes!("fixtures/contacts/strings-at-the-limits.json")),
    ("too-long-strings.json", include_bytes!("fixtures/contacts/too-long-strings.json")),
    ("top-level-array.json", include_bytes!("fixtures/contacts/top-level-array.json")),
    ("truncated.json", include_bytes!("fixtures/contacts/truncated.json")),
    ("unknown-fields.json", include_bytes!("fixtures/contacts/unknown-fields.json")),
    ("unknown-top-level-field.json", include_bytes!("fixtures/contacts/unknown-top-level-field.json")),
    ("updated-at-not-rfc3339.json", include_bytes!("fixtures/contacts/updated-at-not-rfc3339.json")),
    ("updated-at-wrong-type.json", include_bytes!("fixtures/contacts/updated-at-wrong-type.json")),
    ("valid-full.json", include_bytes!("fixtures/contacts/valid-full.json")),
    ("valid-hotline-only.json", include_bytes!("fixtures/contacts/valid-hotline-only.json")),
    ("valid-minimal.json", include_bytes!("fixtures/contacts/valid-minimal.json")),
    ("version-as-string.json", include_bytes!("fixtures/contacts/version-as-string.json")),
    ("windows-1251.json", include_bytes!("fixtures/contacts/windows-1251.json")),
    ("wrong-types.json", include_bytes!("fixtures/contacts/wrong-types.json")),
    ("wrong-version.json", include_bytes!("fixtures/contacts/wrong-version.json")),
];

fn without_detail(result: Result<kasipodaq_core::contacts::Parsed, kasipodaq_core::contacts::Rejection>) -> String {
    use kasipodaq_core::contacts::Rejection;
    match result {
        // The two JSON parsers word their syntax errors differently.
        Err(Rejection::NotJson { .. }) => "not-json".to_owned(),
        other => format!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn contacts_read_in_the_browser_exactly_as_the_host_tests_read_them() {
    with_messages();
    use kasipodaq_core::contacts::{parse, Rejection};
    use kasipodaq_portal::contacts::read;
    assert!(CONTACTS_FIXTURES.len() >= 25);
    for (name, bytes) in CONTACTS_FIXTURES {
        let now = (js_sys::Date::now() / 1000.0) as i64;
        // As the page does after fetching: UTF-8 first, then JSON.parse and the checks.
        let in_browser = match std::str::from_utf8(bytes) {
            Ok(text) => read(text),
            Err(_) => Err(Rejection::NotJson { detail: String::new() }),
        };
        assert_eq!(without_detail(in_browser), without_detail(parse(bytes, now)), "{name}");
    }
}

#[wasm_bindgen_test]
fn hostile_contacts_bodies_are_refused_without_harm() {
    with_messages();
    use kasipodaq_core::contacts::Rejection;
    use kasipodaq_portal::contacts::read;
    // 100 000 nested arrays: JSON.parse takes them, our reading stops at 128
    // levels instead of exhausting the stack.
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    assert!(matches!(read(&deep), Err(Rejection::NotJson { .. })));
    assert!(matches!(read("{\"schema_version\": 1,"), Err(Rejection::NotJson { .. })));
    let huge = format!("\"{}\"", "x".repeat(kasipodaq_core::contacts::MAX_BODY_BYTES));
    assert_eq!(read(&huge), Err(Rejection::TooLarge { bytes: kasipodaq_core::contacts::MAX_BODY_BYTES + 2 }));
    // A version written as 1.5 is not version 1.
    let file = r#"{"schema_version": 1.5, "updated_at": "2026-11-23T10:00:00Z", "hotline": {"phone": "20-10-90"}}"#;
    assert_eq!(read(file), Err(Rejection::UnsupportedVersion { found: None }));
    let file = file.replace("1.5", "1");
    assert_eq!(read(&file).unwrap().contacts.hotline.unwrap().phone, "20-10-90");
    // Notepad's byte order mark is accepted.
    let built_in = include_str!("../public/contacts.json");
    assert_eq!(read(&format!("\u{feff}{built_in}")), read(built_in));
    assert_eq!(read(built_in).unwrap().contacts.headquarters.len(), 1);
}

#[wasm_bindgen_test]
fn relative_times_are_written_in_the_page_language() {
    with_messages();
    use kasipodaq_core::contacts::TimeUnit;
    use kasipodaq_portal::i18n::time_ago;
    assert_eq!(time_ago(5, TimeUnit::Minute, Lang::Ru), "5 минут назад");
    assert_eq!(time_ago(1, TimeUnit::Hour, Lang::En), "1 hour ago");
    assert_eq!(time_ago(3, TimeUnit::Day, Lang::En), "3 days ago");
    // Kazakh: the browser's words where it has them, else ours; never "-5 min".
    assert_eq!(time_ago(5, TimeUnit::Minute, Lang::Kk), "5 минут бұрын");
    assert_eq!(time_ago(2, TimeUnit::Day, Lang::Kk), "2 күн бұрын");
}

/// The contacts search matches text through
/// `kasipodaq_core::archive::normalize`, which in the browser uses the
/// browser's Unicode tables; it must give exactly the words Rust's rule gives
/// (the host tests check the rule with Rust's).
#[wasm_bindgen_test]
fn text_matching_in_the_browser_gives_the_same_words_as_rust() {
    with_messages();
    use kasipodaq_core::archive::{normalize, normalize_in_rust};
    let mut samples: Vec<String> = [
        "«ҚАЗАҚСТАН» Кәсіподақтар! ӘҒҚҢӨҰҮҺІ әғқңөұүһі",
        "Её, ПРОФСОЮЗ — Workers’ … 20-10-90 № 1-4",
        "  \u{a0}\t\n ",
        "",
        "İstanbul Ⅻ x² ½ ٣ Ǆemal ﬁnal ß",
        "e\u{301}te\u{301} cafe\u{301} a\u{308}",
        "😀 emoji, <script>alert(1)</script> & \"quotes\"",
        "Нұр-Сұлтан/Астана; Алматы: 2019 ж.",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for file in [
        include_str!("../content/2019-05-12-republican-headquarters-opened/kk.md"),
        include_str!("../content/2019-05-12-republican-headquarters-opened/ru.md"),
        include_str!("../content/2019-05-12-republican-headquarters-opened/en.md"),
        include_str!("../content/2019-06-12-general-council-congratulates-president/kk.md"),
        include_str!("../content/2019-06-12-general-council-congratulates-president/ru.md"),
        include_str!("../content/2019-06-12-general-council-congratulates-president/en.md"),
        include_str!("../content/2019-10-14-trade-union-day-almaty/kk.md"),
        include_str!("../content/2019-10-14-trade-union-day-almaty/ru.md"),
        include_str!("../content/2019-10-14-trade-union-day-almaty/en.md"),
        include_str!("../content/2023-01-27-appeal-on-mazhilis-and-maslikhat-elections/kk.md"),
        include_str!("../content/2023-01-27-appeal-on-mazhilis-and-maslikhat-elections/ru.md"),
        include_str!("../content/2023-01-27-appeal-on-mazhilis-and-maslikhat-elections/en.md"),
        include_str!("../content/2020-09-02-xxvi-congress-address-of-the-president/kk.md"),
        include_str!("../content/2020-09-02-xxvi-congress-address-of-the-president/ru.md"),
        include_str!("../content/2020-09-02-xxvi-congress-address-of-the-president/en.md"),
        include_str!("../public/contacts.json"),
    ] {
        samples.extend(file.lines().map(str::to_owned));
    }
    assert!(samples.len() > 100);
    for sample in &samples {
        assert_eq!(normalize(sample), normalize_in_rust(sample), "{sample:?}");
    }
}
