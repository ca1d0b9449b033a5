# Страница контактов, а также горячая линия в подвале и на главной странице.
# Термины — по content/GLOSSARY.md (горячая линия, штаб, руководитель штаба).

contacts-hotline = Горячая линия
home-all-contacts = Все контакты штабов
contacts-loading = Загрузка контактов…
contacts-no-hotline = В файле контактов нет действующей горячей линии.
# $age — относительное время, например «5 минут назад».
contacts-updated = Обновлено { $age }.
contacts-age-second =
    { $count ->
        [one] { $count } секунду назад
        [few] { $count } секунды назад
        [many] { $count } секунд назад
       *[other] { $count } секунды назад
    }
contacts-age-minute =
    { $count ->
        [one] { $count } минуту назад
        [few] { $count } минуты назад
        [many] { $count } минут назад
       *[other] { $count } минуты назад
    }
contacts-age-hour =
    { $count ->
        [one] { $count } час назад
        [few] { $count } часа назад
        [many] { $count } часов назад
       *[other] { $count } часа назад
    }
contacts-age-day =
    { $count ->
        [one] { $count } день назад
        [few] { $count } дня назад
        [many] { $count } дней назад
       *[other] { $count } дня назад
    }
contacts-dropped =
    { $count ->
        [one] Не удалось показать { $count } запись файла контактов.
        [few] Не удалось показать { $count } записи файла контактов.
        [many] Не удалось показать { $count } записей файла контактов.
       *[other] Не удалось показать { $count } записи файла контактов.
    }
contacts-error-network = Не удалось обновить контакты: нет связи с сервером.
contacts-error-timeout = Не удалось обновить контакты: сервер не ответил вовремя.
contacts-error-status = Не удалось обновить контакты: сервер ответил ошибкой { $status }.
contacts-error-refused = Не удалось обновить контакты: файл контактов на сервере повреждён.
contacts-error-future = Не удалось обновить контакты: дата файла контактов на сервере — в будущем. Проверьте год.
contacts-error-too-many = Не удалось обновить контакты: в файле контактов на сервере больше { $max } штабов, а страница принимает не больше { $max }.
contacts-showing-saved = Показаны последние полученные контакты.
contacts-showing-built-in = Показаны контакты, опубликованные вместе с сайтом.
contacts-retry = Повторить
contacts-checking = Проверка…
contacts-filter-region = Регион
contacts-all-regions = Все регионы
contacts-filter-city = Город или населённый пункт
contacts-count =
    { $count ->
        [one] { $count } штаб
        [few] { $count } штаба
        [many] { $count } штабов
       *[other] { $count } штаба
    }
contacts-no-match = Нет штабов в выбранном регионе и населённом пункте.
contacts-show-all = Показать все штабы
contacts-show-more = Показать ещё (не показано: { $left })
contacts-none = Сейчас в списке нет штабов.
contacts-level-republican = Республиканский штаб
contacts-level-regional = Региональные штабы
contacts-level-city = Городские штабы
contacts-level-district = Районные штабы
contacts-city = Населённый пункт
contacts-address = Адрес
contacts-phones = Телефон
contacts-email = Эл. почта
contacts-hours = Часы работы
contacts-head = Руководитель штаба
contacts-website = Сайт
contacts-period = Период
# После периода из файла контактов, например: «Президентская избирательная кампания 2019 года — номер, возможно, уже не работает.»
contacts-historical-number = номер, возможно, уже не работает.
contacts-historical-headquarters = штаб, возможно, уже не работает.
