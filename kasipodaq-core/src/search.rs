//! The archive's full-text search results as the app shows them: Pagefind
//! (tools/search-index.mjs) finds the pages; these rules read what it
//! returns, so they are tested here without a browser.

use crate::{urls::Page, Lang};

/// A Pagefind excerpt (escaped text with `<mark>` around the words found)
/// as runs of plain text, `true` where marked. The app makes its own
/// elements from them: nothing of the excerpt becomes HTML.
pub fn excerpt_runs(excerpt: &str) -> Vec<(bool, String)> {
    let mut runs = Vec::new();
    let mut marked = false;
    let mut rest = excerpt;
    loop {
        let tag = if marked { "</mark>" } else { "<mark>" };
        let (text, next) = match rest.find(tag) {
            Some(at) => (&rest[..at], Some(&rest[at + tag.len()..])),
            None => (rest, None),
        };
        let text = crate::html::unescape(text);
        if !text.is_empty() {
            runs.push((marked, text));
        }
        match next {
            Some(next) => {
                rest = next;
                marked = !marked;
            }
            None => return runs,
        }
    }
}

/// The link of a result: the statement page Pagefind names, rebuilt by our
/// own URL rules, with `#pn` of its paragraph; `None` for any address that
/// is not one of our statements (a result never brings a link of its own).
pub fn statement_href(url: &str, paragraph: Option<u32>) -> Option<String> {
    match Page::parse(url)? {
        (lang, Page::Statement(slug)) => {
            let fragment = paragraph.map(|n| format!("#p{n}")).unwrap_or_default();
            Some(format!("{}{fragment}", Page::Statement(slug).path(lang)))
        }
        _ => None,
    }
}

/// The paragraph (`n` of `#pn`) holding the word at `location`, from the
/// page's anchors (`(id, location of the first word after it)`, in page
/// order): the last paragraph anchor at or before the word.
pub fn paragraph_at(anchors: &[(String, u32)], location: u32) -> Option<u32> {
    anchors
        .iter()
        .rev()
        .filter(|(_, at)| *at <= location)
        .find_map(|(id, _)| id.strip_prefix('p')?.parse::<u32>().ok().filter(|n| *n > 0))
}

/// The words of a query as Pagefind is asked for them: each Kazakh word cut
/// to its stem. Pagefind has no Kazakh stemmer but matches words by their
/// beginning, so the stem finds every inflected form of the word
/// (кәсіподақтарының finds кәсіподақ, кәсіподаққа, кәсіподағы). On the
/// Kazakh page every Cyrillic word is taken as Kazakh; elsewhere only a word
/// with a letter Russian does not have, so a Russian word is left to the
/// Russian index's own stemmer. A stem is a beginning of the word, so the
/// search finds everything it found before, and more.
pub fn kazakh_stems(query: &str, kazakh_page: bool) -> String {
    let mut out = String::with_capacity(query.len());
    let mut word = String::new();
    for c in query.chars().chain(['\n']) {
        if matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё') || kazakh_letter(c).is_some() {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            let kazakh = word.chars().any(|c| kazakh_letter(c).is_some());
            if kazakh || kazakh_page {
                out.push_str(&kazakh_stem(&word));
            } else {
                out.push_str(&word);
            }
            word.clear();
        }
        out.push(c);
    }
    out.pop();
    out
}

/// The language whose index a query is searched in first: the page's,
/// unless its letters say that index cannot hold it. A letter Kazakh adds to
/// Russian's is Kazakh (on any page); other Cyrillic on the English page is
/// Russian. So a quote pasted in another script loads that language's index
/// alone, not the page's as well.
pub fn query_language(query: &str, page: Lang) -> Lang {
    if query.chars().any(|c| kazakh_letter(c).is_some()) {
        Lang::Kk
    } else if page == Lang::En && query.chars().any(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё')) {
        Lang::Ru
    } else {
        page
    }
}

/// The lowercase of one of the letters Kazakh adds to Russian's, `None` for
/// any other character (Rust's own case tables would weigh on the app).
fn kazakh_letter(c: char) -> Option<char> {
    const PAIRS: [(char, char); 9] =
        [('Ә', 'ә'), ('Ғ', 'ғ'), ('Қ', 'қ'), ('Ң', 'ң'), ('Ө', 'ө'), ('Ұ', 'ұ'), ('Ү', 'ү'), ('Һ', 'һ'), ('І', 'і')];
    PAIRS.iter().find(|(upper, lower)| c == *upper || c == *lower).map(|(_, lower)| *lower)
}

/// The letters that stay of a stem: a shorter one would find too much.
const MIN_STEM: usize = 3;

/// Kazakh endings as they follow each other from the end of a word, one of
/// each group at most, the longest first: case (and a finite verb's
/// ending), possessive or person, plural, then a verb's participle, verbal
/// noun or converb. One string a group: a table of slices would weigh more.
const ENDINGS: [&str; 4] = [
    "ндағы ндегі атын етін йтын йтін дағы дегі тағы тегі ндан нден дан ден тан тен нан нен ның нің дың дің тың тің \
     мен бен пен ады еді йды йді нда нде да де та те ға ге қа ке на не ны ні ды ді ты ті ғы гі қы кі н",
    "ымыз іміз ыңыз іңіз амыз еміз мыз міз ңыз ңіз сы сі ым ім ың ің ы і",
    "лар лер дар дер тар тер",
    "атын етін йтын йтін ған ген қан кен ып іп п у й",
];

/// One word's stem (lowercase), or the word itself when no ending is found.
fn kazakh_stem(word: &str) -> String {
    let lower = |c: char| match c {
        'А'..='Я' => char::from_u32(c as u32 + 32).unwrap_or(c),
        'Ё' => 'ё',
        _ => kazakh_letter(c).unwrap_or(c),
    };
    let mut stem: String = word.chars().map(lower).collect();
    let letters = |text: &str| text.chars().count();
    for group in ENDINGS {
        let found = group.split(' ').find_map(|ending| {
            let rest = stem.strip_suffix(ending)?;
            let before = rest.chars().next_back();
            let vowel = matches!(
                before,
                Some('а' | 'ә' | 'е' | 'и' | 'о' | 'ө' | 'у' | 'ұ' | 'ү' | 'ы' | 'і' | 'э' | 'ю' | 'я')
            );
            // Endings that start with `н` or `с` come only after a vowel
            // (жұмысын, партиясы; the genitive and ablative also after `м`,
            // `н`, `ң`: Қазақстанның), `ым` only after a consonant: a
            // word's own letters stay.
            let fits = match ending {
                "н" => matches!(before, Some('ы' | 'і')),
                "ның" | "нің" | "нан" | "нен" => vowel || matches!(before, Some('м' | 'н' | 'ң')),
                "ым" | "ім" => !vowel,
                _ => !(ending.starts_with('н') || ending.starts_with('с')) || vowel,
            };
            (fits && letters(rest) >= MIN_STEM).then_some(rest.len())
        });
        if let Some(len) = found {
            stem.truncate(len);
        }
    }
    // A stem's last consonant sounds (and is written) differently before
    // an ending: кәсіподақ, кәсіподағы; without it the stem finds both.
    if letters(&stem) > MIN_STEM && matches!(stem.chars().next_back(), Some('ғ' | 'г' | 'қ' | 'к' | 'б' | 'п')) {
        stem.pop();
    }
    if letters(&stem) == letters(word) {
        return word.to_owned();
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_searched_first_in_the_language_its_letters_say() {
        for (query, page, first) in [
            ("ratify", Lang::En, Lang::En),
            ("профсоюзов", Lang::En, Lang::Ru),
            ("«Профсоюзы за справедливость!»", Lang::En, Lang::Ru),
            ("Кәсіподақтар", Lang::En, Lang::Kk),
            ("Кәсіподақтар", Lang::Ru, Lang::Kk),
            ("ҚАЗАҚСТАН", Lang::Ru, Lang::Kk),
            ("профсоюзов", Lang::Ru, Lang::Ru),
            // Kazakh uses every Russian letter: the Kazakh page keeps its own.
            ("профсоюзов", Lang::Kk, Lang::Kk),
            ("ratify", Lang::Ru, Lang::Ru),
            ("ILO 2019", Lang::Kk, Lang::Kk),
            ("", Lang::En, Lang::En),
        ] {
            assert_eq!(query_language(query, page), first, "{query:?} on the {page:?} page");
        }
    }

    #[test]
    fn an_excerpt_becomes_marked_and_plain_runs() {
        assert_eq!(
            excerpt_runs("the <mark>trade</mark> unions &amp; <mark>workers</mark>"),
            [
                (false, "the ".to_string()),
                (true, "trade".to_string()),
                (false, " unions & ".to_string()),
                (true, "workers".to_string())
            ]
        );
        assert_eq!(excerpt_runs(""), []);
        assert_eq!(excerpt_runs("<mark>Кәсіподақ</mark>"), [(true, "Кәсіподақ".to_string())]);
    }

    #[test]
    fn nothing_in_an_excerpt_becomes_markup() {
        let runs = excerpt_runs("&lt;script&gt;alert(1)&lt;/script&gt; <b>x</b> <mark>y");
        assert_eq!(runs[0], (false, "<script>alert(1)</script> <b>x</b> ".to_string()));
        assert_eq!(runs[1], (true, "y".to_string()), "an unclosed mark ends with the text");
        assert_eq!(excerpt_runs("&amp;lt;"), [(false, "&lt;".to_string())], "unescaped once");
    }

    #[test]
    fn a_result_links_only_to_one_of_our_statements() {
        assert_eq!(
            statement_href("/en/statements/2019-05-12-x/", Some(3)).as_deref(),
            Some("/en/statements/2019-05-12-x/#p3")
        );
        assert_eq!(
            statement_href("/ru/statements/2019-05-12-x", None).as_deref(),
            Some("/ru/statements/2019-05-12-x/")
        );
        for hostile in [
            "javascript:alert(1)",
            "https://evil.example/en/statements/x/",
            "//evil.example/en/statements/x/",
            "/en/statements/",
            "/en/contacts/",
            "/en/statements/x/\"><script>",
            "",
        ] {
            assert_eq!(statement_href(hostile, Some(1)), None, "{hostile}");
        }
    }

    #[test]
    fn a_kazakh_word_is_searched_by_its_stem() {
        assert_eq!(kazakh_stems("кәсіподақтарының", true), "кәсіпода");
        for form in ["кәсіподақ", "кәсіподақтар", "кәсіподаққа", "кәсіподағы", "кәсіподағының"]
        {
            assert!(form.starts_with("кәсіпода"), "{form}");
        }
        // Capitals, several words, the marks between them kept.
        assert_eq!(
            kazakh_stems("«КӘСІПОДАҚТАРЫНЫҢ» Федерациясының, жұмыстарыңызда!", true),
            "«кәсіпода» федерация, жұмыс!"
        );
    }

    #[test]
    fn every_form_of_a_word_has_a_stem_that_begins_each_of_them() {
        // Forms from our Kazakh texts, one word a line.
        let words = [
            "кәсіподақ кәсіподақтар кәсіподаққа кәсіподағы кәсіподағының кәсіподақтардың кәсіподақтарына",
            "ұйым ұйымы ұйымын ұйымының ұйымдардың ұйымдарымен ұйымдарға ұйымды",
            "федерация федерацияның федерациясы федерациясын федерациясынан федерациясының",
            "қорғау қорғай қорғайтын қорғайтындарды қорғап қорғауда қорғаудың",
            "құттықтау құттықтады құттықтаймыз құттықтап құттықтаулармен құттықтауында",
            "жұмыс жұмыста жұмыстарыңызда жұмысымыздағы жұмысына жұмысқа",
            "сайлау сайлауда сайлаудың сайлауы сайлауындағы сайлауға",
            "қазақстан қазақстанда қазақстандағы қазақстанды қазақстанның",
            "біріктіру біріктіреді біріктіретін біріктіруге",
            "нарық нарығын нарығында нарығындағы",
            "мүше мүшелер мүшелерінің мүшесі мүшесінің",
            "жыл жылдан жылдағы жылы жылғы",
        ];
        for line in words {
            let forms: Vec<&str> = line.split(' ').collect();
            for form in &forms {
                let stem = kazakh_stems(form, true);
                assert!(forms.iter().all(|other| other.starts_with(&stem)), "{form}: {stem}");
            }
        }
    }

    #[test]
    fn a_stem_is_the_beginning_of_its_word_so_nothing_found_before_is_lost() {
        for word in ["кәсіподақтарының", "қызметін", "науқанына", "штабтар", "міндетін", "ауқатын", "жеткізе"]
        {
            let stem = kazakh_stems(word, true);
            assert!(word.starts_with(&stem) && stem.chars().count() >= MIN_STEM, "{word}: {stem}");
        }
        // Short words keep their letters: a two-letter stem would find too much.
        for word in ["іске", "мен", "және", "елде", "дау"] {
            assert_eq!(kazakh_stems(word, true), word);
        }
    }

    #[test]
    fn russian_and_english_words_are_left_to_their_own_stemmers() {
        for query in ["профсоюзов", "депутатов Мажилиса Парламента", "МАСЛИХАТОВ", "ratify", "trade unions", "Её"]
        {
            assert_eq!(kazakh_stems(query, false), query);
        }
        // A word in Kazakh letters is Kazakh on any page.
        assert_eq!(kazakh_stems("Кәсіподақтарының профсоюзов", false), "кәсіпода профсоюзов");
        // On the Kazakh page a word in Cyrillic is taken as Kazakh; a Latin one never.
        assert_eq!(kazakh_stems("партиясының ratify workers", true), "партия ratify workers");
    }

    #[test]
    fn a_word_is_in_the_last_paragraph_that_starts_before_it() {
        let anchors: Vec<(String, u32)> =
            [("share-heading", 0), ("p1", 12), ("p2", 40), ("p10", 90)].map(|(id, at)| (id.to_string(), at)).into();
        assert_eq!(paragraph_at(&anchors, 5), None, "in the header, before the text");
        assert_eq!(paragraph_at(&anchors, 12), Some(1));
        assert_eq!(paragraph_at(&anchors, 39), Some(1));
        assert_eq!(paragraph_at(&anchors, 40), Some(2));
        assert_eq!(paragraph_at(&anchors, 1000), Some(10));
        let odd: Vec<(String, u32)> = [("p0", 1), ("px", 2), ("pp3", 3)].map(|(id, at)| (id.to_string(), at)).into();
        assert_eq!(paragraph_at(&odd, 10), None);
    }
}
