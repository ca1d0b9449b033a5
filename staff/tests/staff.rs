//! The staff command as a press officer runs it, on a copy of the real
//! content folder: each test changes the copy and asserts the exact output.

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, Output},
};

struct Copy(PathBuf);

impl Copy {
    /// The repository's `content/` copied into a folder of its own.
    fn of_content(name: &str) -> Copy {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let dir = std::env::temp_dir().join(format!("kasipodaq-staff-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        copy_dir(&root.join("content"), &dir.join("content"));
        fs::copy(root.join("public/contacts.json"), dir.join("contacts.json")).unwrap();
        Copy(dir)
    }

    fn content(&self) -> PathBuf {
        self.0.join("content")
    }

    /// Runs `staff ARGS` in the copy's folder, at a fixed moment.
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_staff"))
            .args(args)
            .args(["--content", "content", "--contacts", "contacts.json"])
            .current_dir(&self.0)
            .env("KASIPODAQ_NOW", "2026-12-04T12:00:00+05:00")
            .env("LANG", "C.UTF-8")
            .env_remove("KASIPODAQ_CONTENT_DIR")
            .output()
            .unwrap()
    }

    fn edit(&self, file: &str, change: impl FnOnce(String) -> String) {
        let path = self.content().join(file);
        let before = fs::read_to_string(&path).unwrap();
        let after = change(before.clone());
        assert_ne!(before, after, "{file} unchanged");
        fs::write(path, after).unwrap();
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

const HQ: &str = "2019-05-12-republican-headquarters-opened";

#[test]
fn check_passes_the_published_content() {
    let copy = Copy::of_content("ok");
    let output = copy.run(&["check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "content: 5 statement(s), every rule holds\ncontacts.json: 1 headquarters, readable\n");
}

#[test]
fn check_names_file_line_and_fix_and_fails() {
    let copy = Copy::of_content("broken");
    copy.edit(&format!("{HQ}/en.md"), |text| text.replace("kind = \"announcement\"", "kind = \"speech\""));
    copy.edit(&format!("{HQ}/ru.md"), |text| text.replacen("\n+++\n\n", "\n+++\n\nНовый абзац.\n\n", 1));
    let output = copy.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "content/{HQ}/en.md:4: unknown kind \"speech\": use one of announcement, letter, address, report, appeal\n\
             1 problem(s): nothing is published until they are fixed\n"
        )
    );
    copy.edit(&format!("{HQ}/en.md"), |text| text.replace("kind = \"speech\"", "kind = \"announcement\""));
    let output = copy.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<&str> = std::str::from_utf8(&output.stderr).unwrap().lines().collect();
    assert!(lines[0].starts_with(&format!("content/{HQ}: paragraph counts differ (kk.md ")), "{lines:?}");
}

#[test]
fn check_reads_the_contacts_file_as_the_page_does() {
    let copy = Copy::of_content("contacts");
    let file = copy.0.join("contacts.json");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replacen("\"updated_at\": \"20", "\"updated_at\": \"2O", 1)).unwrap();
    let output = copy.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "contacts.json: the Contacts page would refuse this file and keep showing the last good one: \
         updated_at is not a date and time with offset, e.g. 2026-11-23T10:00:00+05:00 (shape)\n\
         1 problem(s): nothing is published until they are fixed\n"
    );
}

#[test]
fn check_says_when_the_contacts_file_lists_more_headquarters_than_the_page_reads() {
    let copy = Copy::of_content("contacts-many");
    let file = copy.0.join("contacts.json");
    let mut json: serde_json::Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    let first = json["headquarters"][0].clone();
    let many: Vec<serde_json::Value> = (0..=kasipodaq_core::contacts::MAX_HEADQUARTERS)
        .map(|i| {
            let mut entry = first.clone();
            entry["id"] = format!("hq-{i}").into();
            entry
        })
        .collect();
    json["headquarters"] = many.into();
    fs::write(&file, json.to_string()).unwrap();
    let output = copy.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "contacts.json: the Contacts page would refuse this file and keep showing the last good one: \
         it lists 3001 headquarters, more than the 3000 the page reads\n\
         1 problem(s): nothing is published until they are fixed\n"
    );
}

#[test]
fn new_starts_a_statement_that_check_then_guides_to_completion() {
    let copy = Copy::of_content("new");
    let output =
        copy.run(&["new", "--date", "2026-12-04", "--slug", "appeal-on-wages", "--kind", "appeal", "--lang", "ru"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let path = "content/2026-12-04-appeal-on-wages/ru.md";
    assert_eq!(
        stdout(&output),
        format!("written: {path}\nnext: write the empty lines and the text, then run tools/staff.sh check\n")
    );
    let written = fs::read_to_string(copy.0.join(path)).unwrap();
    assert!(written.starts_with("+++\ntitle = \"\""), "{written}");
    assert!(written.contains(
        "\ndate = \"2026-12-04\"\nkind = \"appeal\"\nissuer = \"Федерация профсоюзов Республики Казахстан\"\n"
    ));
    assert!(written.contains("\nsource_language = \"ru\"\ntranslation = false\npublished = \"2026-12-04\""));
    let output = copy.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "{path}:2: title is empty\n{path}:6: source is empty\n{path}:10: summary is empty\n\
             {path}:13: no paragraphs: the text goes after the header, paragraphs separated by an empty line\n\
             4 problem(s): nothing is published until they are fixed\n"
        )
    );
    copy.edit("2026-12-04-appeal-on-wages/ru.md", |text| {
        text.replacen("title = \"\"", "title = \"Обращение\"", 1)
            .replacen("source = \"\"", "source = \"Текст федерации\"", 1)
            .replacen("summary = \"\"", "summary = \"Одно предложение.\"", 1)
            + "Первый абзац.\n"
    });
    let output = copy.run(&["check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // Published in Russian only: the other languages are missing, not wrong.
    let output = copy.run(&["status"]);
    assert_eq!(
        stdout(&output),
        "content: 6 statement(s); 2 translation(s) missing, 0 behind their source, 0 scheduled\n\
         2026-12-04-appeal-on-wages: not yet translated into kk, en\n"
    );
    // A translation started later, stamped once written.
    let output = copy.run(&["new", "2026-12-04-appeal-on-wages", "--lang", "kk"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = copy.run(&["check"]);
    let kk = "content/2026-12-04-appeal-on-wages/kk.md";
    assert!(stderr(&output).starts_with(&format!("{kk}:2: title is empty\n")), "{}", stderr(&output));
    copy.edit("2026-12-04-appeal-on-wages/kk.md", |text| {
        text.replacen("title = \"\"", "title = \"Үндеу\"", 1)
            .replacen("issuer = \"\"", "issuer = \"Қазақстан Республикасы Кәсіподақтар федерациясы\"", 1)
            .replacen("source = \"\"", "source = \"Федерация мәтіні\"", 1)
            .replacen("summary = \"\"", "summary = \"Бір сөйлем.\"", 1)
            + "Бірінші абзац.\n"
    });
    let output = copy.run(&["check"]);
    assert_eq!(
        stderr(&output),
        format!("{kk}: not stamped: once this translation has been checked against the source text, run tools/staff.sh stamp 2026-12-04-appeal-on-wages kk\n1 problem(s): nothing is published until they are fixed\n")
    );
    let output = copy.run(&["stamp", "2026-12-04-appeal-on-wages"]);
    assert_eq!(stdout(&output), format!("stamped: {kk}\n"));
    assert!(copy.run(&["check"]).status.success());
}

#[test]
fn new_refuses_what_would_not_build() {
    let copy = Copy::of_content("new-wrong");
    let output = copy.run(&["new", "--date", "2026-12-04", "--slug", "Appeal", "--kind", "appeal", "--lang", "ru"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with(
        "staff: new: \"2026-12-04-Appeal\" is not a valid address: lowercase a-z, digits and single hyphens, e.g. appeal-on-wages\n"
    ));
    let output = copy.run(&["new", "--slug", "x", "--kind", "speech", "--lang", "ru"]);
    assert!(stderr(&output)
        .starts_with("staff: new: --kind \"speech\": use one of announcement, letter, address, report, appeal\n"));
    let output = copy.run(&["new", HQ, "--lang", "en"]);
    assert!(stderr(&output).starts_with("staff: new: en is the statement's source language\n"), "{}", stderr(&output));
}

#[test]
fn a_changed_source_makes_its_translations_stale_until_stamped() {
    let copy = Copy::of_content("stale");
    copy.edit(&format!("{HQ}/en.md"), |text| {
        text.replacen("\n+++\n", "\n\n[[changes]]\ndate = \"2026-12-04\"\nwhat = \"typo-fixed\"\n+++\n", 1)
            .replacen(".\n", ". \n", 0)
            .replacen("the", "teh", 1)
    });
    let output = copy.run(&["check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "content: 5 statement(s), every rule holds\n\
             behind its source: content/{HQ}/kk.md was made before content/{HQ}/en.md changed on 2026-12-04 (tools/staff.sh status)\n\
             behind its source: content/{HQ}/ru.md was made before content/{HQ}/en.md changed on 2026-12-04 (tools/staff.sh status)\n\
             contacts.json: 1 headquarters, readable\n"
        )
    );
    assert_eq!(
        stdout(&copy.run(&["status"])),
        format!(
            "content: 5 statement(s); 0 translation(s) missing, 2 behind their source, 0 scheduled\n\
             {HQ}: kk behind the en text changed on 2026-12-04; ru behind the en text changed on 2026-12-04\n"
        )
    );
    let output = copy.run(&["stamp", HQ, "ru"]);
    assert_eq!(stdout(&output), format!("stamped: content/{HQ}/ru.md\n"));
    assert!(stdout(&copy.run(&["status"])).contains(", 1 behind their source"));
}

#[test]
fn stamp_changes_nothing_when_the_statement_breaks_a_rule() {
    let copy = Copy::of_content("stamp-broken");
    copy.edit(&format!("{HQ}/en.md"), |text| text.replacen("the", "teh", 1));
    copy.edit(&format!("{HQ}/kk.md"), |text| text + "\nАртық абзац.\n");
    let before = fs::read_to_string(copy.content().join(HQ).join("ru.md")).unwrap();
    let output = copy.run(&["stamp", HQ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("paragraph counts differ"), "{}", stderr(&output));
    assert!(stderr(&output).ends_with("nothing stamped\n"));
    assert_eq!(fs::read_to_string(copy.content().join(HQ).join("ru.md")).unwrap(), before);
}

#[test]
fn a_scheduled_statement_is_named_with_its_moment_and_no_page_cites_it_before() {
    let copy = Copy::of_content("scheduled");
    let at = "translation = false\npublish_at = \"2026-12-10T09:00:00+05:00\"\n";
    let congress = "2020-09-02-xxvi-congress-address-of-the-president";
    copy.edit(&format!("{congress}/en.md"), |text| text.replacen("translation = false\n", at, 1));
    let output = copy.run(&["check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains(&format!(
        "scheduled: {congress} is published from 2026-12-10T09:00:00+05:00 on; until then no page, feed or index has it\n"
    )));
    assert!(stdout(&copy.run(&["status"])).ends_with(&format!("{congress}: scheduled for 2026-12-10T09:00:00+05:00\n")));
    // The Platform page cites this one: it cannot wait.
    copy.edit(&format!("{HQ}/en.md"), |text| text.replacen("translation = false\n", at, 1));
    let output = copy.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!("content/pages/platform.toml: [[sections]] candidate-2019: its statement {HQ} is scheduled for 2026-12-10T09:00:00+05:00; the page can cite it from then on\n1 problem(s): nothing is published until they are fixed\n")
    );
}

#[test]
fn help_is_in_english_and_in_russian() {
    let copy = Copy::of_content("help");
    let english = stdout(&copy.run(&["--help"]));
    assert!(english.starts_with("tools/staff.sh: the press office's command"), "{english}");
    let russian = stdout(&copy.run(&["--help", "ru"]));
    assert!(russian.starts_with("tools/staff.sh — команда пресс-службы"), "{russian}");
    for command in ["check", "status", "new --date", "stamp --all"] {
        assert!(english.contains(command) && russian.contains(command), "{command}");
    }
    let output = copy.run(&["publish"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr(&output), "staff: unknown command \"publish\"\nHelp: tools/staff.sh --help\n");
}
