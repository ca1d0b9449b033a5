# The shell and the home page. Kept in the same order in kk, ru and en.

site-name = Federation of Trade Unions of the Republic of Kazakhstan
site-short-name = FPRK
# The browser tab: the page's own title, then the site.
document-title = { $page } — { site-short-name }
# Each language names itself in the switcher.
language-autonym = English
language-switcher-label = Language
nav-label = Main navigation
skip-to-content = Skip to main content
footer-official-site = The federation's official website:

page-home-nav = Home
page-home-title = Home
page-home-description = Statements, candidate platforms and Trade Union Day material of the Federation of Trade Unions of the Republic of Kazakhstan, in Kazakh, Russian and English.
page-statements-nav = Statements
page-statements-title = Statements
page-statements-description = Statements of the federation and other documents published on this portal, newest first, each with its source.
page-platform-nav = Platform
page-platform-title = Platforms and proposals
page-platform-description = The 2019 platform of presidential candidate Amangeldy Taspikhov, the measures the federation's General Council proposed in its 2019 letter to the President, and the 2023 platform “Trade Unions for Justice!”.
page-union-day-nav = Trade Union Day
page-union-day-title = Trade Union Day, 10 October
page-union-day-description = How 10 October became the Day of Trade Unions of Kazakhstan, the 2019 celebration in Almaty, its awards, and the next Trade Union Day.
page-contacts-nav = Contacts
page-contacts-title = Contacts
page-contacts-description = Headquarters and hotline contacts.

home-lead = The public information portal of the Federation of Trade Unions of the Republic of Kazakhstan: its statements, candidate platforms and Trade Union Day material in Kazakh, Russian and English.
home-federation-facts = The federation unites about two million trade union members in about 16 thousand primary organisations (figures of 2022).
home-sections = Sections
union-day-next-heading = Next Trade Union Day
union-day-every-year = Every year on 10 October.
union-day-countdown = { $days ->
    [0] Trade Union Day is today.
    [1] Tomorrow.
   *[other] In { $days } days.
}

not-found-title = Page not found
not-found-text = There is no page at this address. The link may be mistyped, or the page may have moved.
# Shown in its own language beside the two others.
not-found-home-link = Home page in English
not-found-sections = Sections of the portal

# Dates where the browser has no month names for the language.
date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

# The prerendered site: feeds and link previews.
feed-title = Federation of Trade Unions of the Republic of Kazakhstan: statements and documents
feed-subtitle = Statements, appeals and letters of the FPRK and other documents, newest first.
preview-image-alt = The federation's name in Kazakh, Russian and English on a blue field.
