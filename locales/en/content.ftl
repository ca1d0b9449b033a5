# Statements, the archive, and the Platform and Union Day pages.

date-not-stated = Date not stated in the source
kind-announcement = Announcement
kind-letter = Letter
kind-address = Address
kind-report = Report
kind-appeal = Appeal
# On a statement card whose title and summary are the portal's translation.
card-translated = translated by the portal

archive-search-label = Search the statements
archive-search-hint = Words in the titles and texts, in Kazakh, Russian or English.
archive-filter-year = Year
archive-all-years = All years
archive-filter-kind = Kind
archive-all-kinds = All kinds
archive-count = { $count ->
    [0] No statement matches.
    [one] { $count } statement
   *[other] { $count } statements
}
archive-clear = Show all statements
archive-search-submit = Search
archive-searching = Searching…
archive-search-failed = The search could not be loaded: there is no connection to the server. The years and kinds above still work.
archive-search-more = More results
archive-search-older = Searching the older statements too…
archive-search-older-failed = The older statements could not be searched: there is no connection to the server. Only the newest are shown.
search-found-in-kk = In Kazakh
search-found-in-ru = In Russian
search-found-in-en = In English
archive-pages = Pages of the list
archive-page-previous = Previous page
archive-page-next = Next page
# In the title of the archive's later pages: "Statements, 2019, page 2".
archive-page = page { $page }
archive-page-label = Page { $page }
archive-browse = Browse the archive

statement-issuer = Issued by
statement-source = Source
translated-from-kk = Translated from Kazakh by the portal.
translated-from-ru = Translated from Russian by the portal.
translated-from-en = Translated from English by the portal.
statement-read-source = Read the source text
statement-source-text = This is the source text.
# A statement published before its translation into the page's language:
# the source text follows. $source: the source language (kk, ru, en).
statement-untranslated = Not yet translated into English. { $source ->
        [kk] The Kazakh text follows.
        [ru] The Russian text follows.
       *[en] The English text follows.
    }
# A translation made before its source text last changed; $date: that day.
statement-stale = { $source ->
        [kk] The Kazakh text
        [ru] The Russian text
       *[en] The English text
    } was updated on { $date }; this translation may not yet reflect it.
statement-paragraph-link = Link to paragraph { $n }
statement-note = Editor's note:
statement-context = Context
# Before the context's notice in a link preview's description.
statement-context-preview = Context:
statement-original = First published
statement-original-where = { $site }, { $date }
statement-on-portal = On this portal
statement-published = published { $date }
statement-updated = updated { $date }
statement-dated-by-publication = (the day it was first published: the text itself gives no date)
statement-history = History of changes
history-version-kk = Kazakh version
history-version-ru = Russian version
history-version-en = English version
change-typo-fixed = typo fixed
change-translation-corrected = translation corrected
change-wording-corrected = wording of the title, summary or note corrected
change-date-corrected = date corrected
change-source-added = first publication added
# The page at an address a statement had before.
statement-moved = This page has moved to a new address:
# The statements a page lists or shows (its headers file), before they come.
page-loading = Loading the page…
page-failed = The page could not be loaded: there is no connection to the server.
texts-loading = Loading the text…
texts-failed = The text could not be loaded: there is no connection to the server.
texts-retry = Try again
statement-share = Share and cite
statement-share-button = Share…
statement-copy-link = Copy link
statement-link-copied = The link is on the clipboard.
statement-copy-passage-link = Copy link to the selected text
statement-passage-link-copied = The link to the selected text is on the clipboard.
statement-cite = Citation
statement-copy-citation = Copy citation
statement-citation-copied = The citation is on the clipboard.
# The citation a reader copies: issuer, title, the portal's translation if
# it is one, date, the language version and paragraph, address. The access
# date is added when read (statement-citation-accessed).
statement-citation = { $issuer }. “{ $title }”{ $translated }. { $date }. { $version }{ $paragraph }. { $url }
statement-citation-accessed = (accessed { $date }).
citation-no-date = n.d.
citation-paragraph = , para. { $n }
citation-translated-from-kk = , translated from Kazakh by the portal
citation-translated-from-ru = , translated from Russian by the portal
citation-translated-from-en = , translated from English by the portal
copy-failed = The browser did not allow copying. Select the text below and copy it.
statement-neighbours = More statements
statement-older = Older statement:
statement-newer = Newer statement:

point-paragraph = paragraph { $n }
point-source = (source: { $source })
points-from = From:

home-latest = Latest statements
home-all-statements = All statements
home-platform = The platforms in brief
