# Заявления, архив, страницы «Платформа» и «День профсоюзов».

date-not-stated = Дата в источнике не указана
kind-announcement = Сообщение
kind-letter = Письмо
kind-address = Приветствие
kind-report = Репортаж
kind-appeal = Обращение
# On a statement card whose title and summary are the portal's translation.
card-translated = перевод портала

archive-search-label = Поиск по заявлениям
archive-search-hint = Слова из заголовков и текстов на казахском, русском или английском языке.
archive-filter-year = Год
archive-all-years = Все годы
archive-filter-kind = Вид
archive-all-kinds = Все виды
archive-count = { $count ->
    [0] Ни одно заявление не подходит.
    [one] { $count } заявление
    [few] { $count } заявления
    [many] { $count } заявлений
   *[other] { $count } заявления
}
archive-clear = Показать все заявления
archive-search-submit = Найти
archive-searching = Идёт поиск…
archive-search-failed = Не удалось загрузить поиск: нет связи с сервером. Годы и виды выше по-прежнему работают.
archive-search-more = Ещё результаты
archive-search-older = Идёт поиск и по более ранним заявлениям…
archive-search-older-failed = Поиск по более ранним заявлениям не выполнен: нет связи с сервером. Показаны только последние.
search-found-in-kk = На казахском языке
search-found-in-ru = На русском языке
search-found-in-en = На английском языке
archive-pages = Страницы списка
archive-page-previous = Предыдущая страница
archive-page-next = Следующая страница
# В заголовке следующих страниц архива: «Заявления, 2019, страница 2».
archive-page = страница { $page }
archive-page-label = Страница { $page }
archive-browse = Просмотр архива

statement-issuer = Автор
statement-source = Источник
translated-from-kk = Перевод с казахского языка, выполненный порталом.
translated-from-ru = Перевод с русского языка, выполненный порталом.
translated-from-en = Перевод с английского языка, выполненный порталом.
statement-read-source = Читать исходный текст
statement-source-text = Это исходный текст.
# A statement published before its translation into the page's language:
# the source text follows. $source: the source language (kk, ru, en).
statement-untranslated = Перевод на русский язык ещё не готов. { $source ->
        [kk] Ниже приводится текст на казахском языке.
        [en] Ниже приводится текст на английском языке.
       *[ru] Ниже приводится текст на русском языке.
    }
# A translation made before its source text last changed; $date: that day.
statement-stale = { $source ->
        [kk] Текст на казахском языке
        [en] Текст на английском языке
       *[ru] Текст на русском языке
    } обновлён { $date }; перевод может пока не учитывать этих изменений.
statement-paragraph-link = Ссылка на абзац { $n }
statement-note = Примечание редакции:
statement-context = Контекст
# Before the context's notice in a link preview's description.
statement-context-preview = Контекст:
statement-original = Первая публикация
statement-original-where = { $site }, { $date }
statement-on-portal = На портале
statement-published = опубликовано { $date }
statement-updated = обновлено { $date }
statement-dated-by-publication = (дата первой публикации: в самом тексте дата не указана)
statement-history = История изменений
history-version-kk = Казахская версия
history-version-ru = Русская версия
history-version-en = Английская версия
change-typo-fixed = исправлена опечатка
change-translation-corrected = исправлен перевод
change-wording-corrected = уточнена формулировка заголовка, краткого содержания или примечания
change-date-corrected = исправлена дата
change-source-added = добавлены сведения о первой публикации
# The page at an address a statement had before.
statement-moved = Материал перенесён по новому адресу:
# The statements a page lists or shows (its headers file), before they come.
page-loading = Загружается страница…
page-failed = Не удалось загрузить страницу: нет связи с сервером.
texts-loading = Загружается текст…
texts-failed = Не удалось загрузить текст: нет связи с сервером.
texts-retry = Повторить
statement-share = Поделиться и процитировать
statement-share-button = Поделиться…
statement-copy-link = Копировать ссылку
statement-link-copied = Ссылка скопирована в буфер обмена.
statement-copy-passage-link = Копировать ссылку на выделенный текст
statement-passage-link-copied = Ссылка на выделенный текст скопирована в буфер обмена.
statement-cite = Библиографическая ссылка
statement-copy-citation = Копировать библиографическую ссылку
statement-citation-copied = Библиографическая ссылка скопирована в буфер обмена.
# The citation a reader copies, close to GOST R 7.0.100: issuer, title, the
# portal's translation if it is one, date, the language version and
# paragraph, address. The access date is added when read
# (statement-citation-accessed).
statement-citation = { $issuer }. { $title } [Электронный ресурс]{ $translated }. — { $date }. — { $version }{ $paragraph }. — URL: { $url }
statement-citation-accessed = (дата обращения: { $date }).
citation-no-date = [б. г.]
citation-paragraph = , абз. { $n }
citation-translated-from-kk = , перевод с казахского языка выполнен порталом
citation-translated-from-ru = , перевод с русского языка выполнен порталом
citation-translated-from-en = , перевод с английского языка выполнен порталом
copy-failed = Браузер не разрешил копирование. Выделите текст ниже и скопируйте его.
statement-neighbours = Другие заявления
statement-older = Более раннее заявление:
statement-newer = Более позднее заявление:

point-paragraph = абзац { $n }
point-source = (источник: { $source })
points-from = Источник:

home-latest = Последние заявления
home-all-statements = Все заявления
home-platform = Платформы вкратце
