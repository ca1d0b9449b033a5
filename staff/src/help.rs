//! The help, in English and in Russian: the press office writes in Russian
//! and Kazakh, the developers read English.

/// Russian when asked (`--help ru`, `help ru`) or when the system speaks it
/// (`LANG`, `LC_ALL` or `LC_MESSAGES` starting with `ru`), unless `en` is asked.
pub fn wants_russian(args: &[String]) -> bool {
    if args.iter().any(|a| a == "en") {
        return false;
    }
    if args.iter().any(|a| a == "ru") {
        return true;
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .is_some_and(|value| value.starts_with("ru"))
}

pub fn short(russian: bool) -> &'static str {
    if russian {
        "Справка: tools/staff.sh --help ru"
    } else {
        "Help: tools/staff.sh --help"
    }
}

pub fn text(russian: bool) -> &'static str {
    if russian {
        RU
    } else {
        EN
    }
}

const EN: &str = "\
tools/staff.sh: the press office's command for the portal's content.
It checks and prepares statements in seconds, without building the site.

Commands:
  check
      Checks every statement, the Platform and Union Day pages and
      public/contacts.json with the build's own rules. Each problem is printed
      as file:line: what is wrong and how to fix it. Exits with 1 on a problem.
  status
      Lists the statements that lack a language, the translations made before
      their source text changed, and the statements scheduled for later.
  new --date YYYY-MM-DD --slug WORDS --kind KIND --lang LANG
      Starts a statement: the folder content/YYYY-MM-DD-WORDS/ with the source
      text's file LANG.md, its header filled in. Leave --date out when the
      source gives no date. KIND: announcement, letter, address, report, appeal.
  new SLUG --lang LANG
      Starts the translation LANG.md of the statement SLUG.
  stamp SLUG [LANG ...]
      After checking a translation against the source text, records which
      revision of the source it matches (all translations when no LANG is
      given). Stamps nothing if the statement breaks a rule.
  stamp --all
      Stamps every translation of every statement.

Options:
  --content DIR     another content folder (default: content/)
  --contacts FILE   the contacts file to check (default: public/contacts.json)
  --help [ru|en]    this help; in Russian with `ru`

KASIPODAQ_NOW=2026-12-10T09:00:00+05:00 checks as if it were that moment
(for publish_at).
";

const RU: &str = "\
tools/staff.sh — команда пресс-службы для материалов портала.
Проверяет и готовит заявления за секунды, не собирая сайт.

Команды:
  check
      Проверяет все заявления, страницы «Платформа» и «День профсоюзов» и файл
      public/contacts.json по тем же правилам, что и сборка сайта. Каждая
      ошибка выводится как файл:строка: что не так и как исправить. При
      ошибке завершается с кодом 1.
  status
      Показывает заявления без перевода на какой-либо язык, переводы,
      сделанные до изменения исходного текста, и заявления, запланированные
      к публикации позже.
  new --date ГГГГ-ММ-ДД --slug СЛОВА --kind ВИД --lang ЯЗЫК
      Начинает заявление: папка content/ГГГГ-ММ-ДД-СЛОВА/ с файлом исходного
      текста ЯЗЫК.md и заполненным заголовком. Если в источнике нет даты, не
      указывайте --date. ВИД: announcement, letter, address, report, appeal.
      ЯЗЫК: kk, ru или en.
  new ПАПКА --lang ЯЗЫК
      Начинает перевод ЯЗЫК.md заявления из папки ПАПКА.
  stamp ПАПКА [ЯЗЫК ...]
      После сверки перевода с исходным текстом записывает в перевод, с какой
      редакцией исходного текста он сверен (все переводы, если язык не
      указан). Ничего не записывает, если заявление нарушает правила.
  stamp --all
      Отмечает все переводы всех заявлений.

Параметры:
  --content ПАПКА   другая папка с материалами (по умолчанию content/)
  --contacts ФАЙЛ   файл контактов для проверки (по умолчанию public/contacts.json)
  --help [ru|en]    эта справка; по-английски с `en`

KASIPODAQ_NOW=2026-12-10T09:00:00+05:00 — проверить так, как если бы сейчас
был этот момент (для publish_at).
";
