# Мәлімдемелер, мұрағат, «Платформа» және «Кәсіподақтар күні» беттері.

date-not-stated = Дереккөзде күні көрсетілмеген
kind-announcement = Хабарлама
kind-letter = Хат
kind-address = Құттықтау сөз
kind-report = Репортаж
kind-appeal = Үндеу
# On a statement card whose title and summary are the portal's translation.
card-translated = портал аудармасы

archive-search-label = Мәлімдемелерден іздеу
archive-search-hint = Тақырыптар мен мәтіндердегі сөздер, қазақ, орыс немесе ағылшын тілінде.
archive-filter-year = Жыл
archive-all-years = Барлық жылдар
archive-filter-kind = Түрі
archive-all-kinds = Барлық түрлер
archive-count = { $count ->
    [0] Сәйкес келетін мәлімдеме жоқ.
   *[other] { $count } мәлімдеме
}
archive-clear = Барлық мәлімдемені көрсету
archive-search-submit = Іздеу
archive-searching = Іздеу жүріп жатыр…
archive-search-failed = Іздеуді жүктеу мүмкін болмады: сервермен байланыс жоқ. Жоғарыдағы жылдар мен түрлер бұрынғыша жұмыс істейді.
archive-search-more = Тағы нәтижелер
archive-search-older = Ертеректегі мәлімдемелерден де ізделуде…
archive-search-older-failed = Ертеректегі мәлімдемелерден іздеу мүмкін болмады: сервермен байланыс жоқ. Тек соңғылары көрсетілген.
search-found-in-kk = Қазақ тілінде
search-found-in-ru = Орыс тілінде
search-found-in-en = Ағылшын тілінде
archive-pages = Тізім беттері
archive-page-previous = Алдыңғы бет
archive-page-next = Келесі бет
# Мұрағаттың келесі беттерінің тақырыбында: «Мәлімдемелер, 2019, 2-бет».
archive-page = { $page }-бет
archive-page-label = { $page }-бет
archive-browse = Мұрағатты шолу

statement-issuer = Авторы
statement-source = Дереккөзі
translated-from-kk = Қазақ тілінен портал аударған.
translated-from-ru = Орыс тілінен портал аударған.
translated-from-en = Ағылшын тілінен портал аударған.
statement-read-source = Бастапқы мәтінді оқу
statement-source-text = Бұл — бастапқы мәтін.
# A statement published before its translation into the page's language:
# the source text follows. $source: the source language (kk, ru, en).
statement-untranslated = Қазақ тіліне әлі аударылған жоқ. { $source ->
        [ru] Төменде орыс тіліндегі мәтін берілген.
        [en] Төменде ағылшын тіліндегі мәтін берілген.
       *[kk] Төменде қазақ тіліндегі мәтін берілген.
    }
# A translation made before its source text last changed; $date: that day.
statement-stale = { $source ->
        [ru] Орыс тіліндегі мәтін
        [en] Ағылшын тіліндегі мәтін
       *[kk] Қазақ тіліндегі мәтін
    } жаңартылды: { $date }. Бұл аударма ол өзгерістерді әлі қамтымауы мүмкін.
statement-paragraph-link = { $n }-абзацқа сілтеме
statement-note = Редакция ескертпесі:
statement-context = Контекст
# Before the context's notice in a link preview's description.
statement-context-preview = Контекст:
statement-original = Алғаш жарияланған жері
statement-original-where = { $site }, { $date }
statement-on-portal = Порталда
statement-published = жарияланды: { $date }
statement-updated = жаңартылды: { $date }
statement-dated-by-publication = (алғаш жарияланған күні: мәтіннің өзінде күні көрсетілмеген)
statement-history = Өзгерістер тарихы
history-version-kk = Қазақша нұсқасы
history-version-ru = Орысша нұсқасы
history-version-en = Ағылшынша нұсқасы
change-typo-fixed = қате басылған жер түзетілді
change-translation-corrected = аударма түзетілді
change-wording-corrected = тақырыптың, қысқаша мазмұнның немесе ескертпенің тұжырымы нақтыланды
change-date-corrected = күні түзетілді
change-source-added = алғашқы жариялану туралы мәлімет қосылды
# The page at an address a statement had before.
statement-moved = Бұл материал жаңа мекенжайға көшірілді:
# The statements a page lists or shows (its headers file), before they come.
page-loading = Бет жүктелуде…
page-failed = Бетті жүктеу мүмкін болмады: сервермен байланыс жоқ.
texts-loading = Мәтін жүктелуде…
texts-failed = Мәтінді жүктеу мүмкін болмады: сервермен байланыс жоқ.
texts-retry = Қайталау
statement-share = Бөлісу және дәйексөз келтіру
statement-share-button = Бөлісу…
statement-copy-link = Сілтемені көшіру
statement-link-copied = Сілтеме алмасу буферіне көшірілді.
statement-copy-passage-link = Таңдалған мәтінге сілтемені көшіру
statement-passage-link-copied = Таңдалған мәтінге сілтеме алмасу буферіне көшірілді.
statement-cite = Библиографиялық сілтеме
statement-copy-citation = Библиографиялық сілтемені көшіру
statement-citation-copied = Библиографиялық сілтеме алмасу буферіне көшірілді.
# The citation a reader copies, close to GOST R 7.0.100: issuer, title, the
# portal's translation if it is one, date, the language version and
# paragraph, address. The access date is added when read
# (statement-citation-accessed).
statement-citation = { $issuer }. { $title } [Электрондық ресурс]{ $translated }. — { $date }. — { $version }{ $paragraph }. — URL: { $url }
statement-citation-accessed = (қаралған күні: { $date }).
citation-no-date = [күні көрсетілмеген]
citation-paragraph = , { $n }-абзац
citation-translated-from-kk = , қазақ тілінен портал аударған
citation-translated-from-ru = , орыс тілінен портал аударған
citation-translated-from-en = , ағылшын тілінен портал аударған
copy-failed = Браузер көшіруге рұқсат бермеді. Төмендегі мәтінді белгілеп, көшіріп алыңыз.
statement-neighbours = Басқа мәлімдемелер
statement-older = Ертеректегі мәлімдеме:
statement-newer = Кейінгі мәлімдеме:

point-paragraph = { $n }-абзац
point-source = (дереккөзі: { $source })
points-from = Дереккөзі:

home-latest = Соңғы мәлімдемелер
home-all-statements = Барлық мәлімдемелер
home-platform = Платформалар қысқаша
