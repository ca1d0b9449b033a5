# Байланыс беті, сондай-ақ төменгі деректемедегі және басты беттегі жедел желі.
# Терминдер content/GLOSSARY.md бойынша (жедел желі, штаб, штаб басшысы).

contacts-hotline = Жедел желі
home-all-contacts = Штабтардың барлық байланыс деректері
contacts-loading = Байланыс деректері жүктелуде…
contacts-no-hotline = Байланыс файлында қазіргі жедел желі көрсетілмеген.
# $age — салыстырмалы уақыт, мысалы «5 минут бұрын».
contacts-updated = { $age } жаңартылды.
contacts-age-second = { $count } секунд бұрын
contacts-age-minute = { $count } минут бұрын
contacts-age-hour = { $count } сағат бұрын
contacts-age-day = { $count } күн бұрын
contacts-dropped = Байланыс файлындағы { $count } жазбаны көрсету мүмкін болмады.
contacts-error-network = Байланыс деректерін жаңарту мүмкін болмады: сервермен байланыс жоқ.
contacts-error-timeout = Байланыс деректерін жаңарту мүмкін болмады: сервер уақытында жауап бермеді.
contacts-error-status = Байланыс деректерін жаңарту мүмкін болмады: сервер { $status } қатесімен жауап берді.
contacts-error-refused = Байланыс деректерін жаңарту мүмкін болмады: сервердегі байланыс файлы бүлінген.
contacts-error-future = Байланыс деректерін жаңарту мүмкін болмады: сервердегі байланыс файлының күні болашақта. Жылын тексеріңіз.
contacts-error-too-many = Байланыс деректерін жаңарту мүмкін болмады: сервердегі байланыс файлында { $max } штабтан артық бар, ал бет одан көпті қабылдамайды.
contacts-showing-saved = Соңғы алынған байланыс деректері көрсетілген.
contacts-showing-built-in = Сайтпен бірге жарияланған байланыс деректері көрсетілген.
contacts-retry = Қайталау
contacts-checking = Тексерілуде…
contacts-filter-region = Өңір
contacts-all-regions = Барлық өңір
contacts-filter-city = Қала немесе елді мекен
contacts-count = { $count } штаб
contacts-no-match = Таңдалған өңір мен елді мекенде штаб жоқ.
contacts-show-all = Барлық штабты көрсету
contacts-show-more = Тағы көрсету (әлі көрсетілмегені: { $left })
contacts-none = Қазір тізімде штаб жоқ.
contacts-level-republican = Республикалық штаб
contacts-level-regional = Өңірлік штабтар
contacts-level-city = Қалалық штабтар
contacts-level-district = Аудандық штабтар
contacts-city = Елді мекен
contacts-address = Мекенжай
contacts-phones = Телефон
contacts-email = Электрондық пошта
contacts-hours = Жұмыс уақыты
contacts-head = Штаб басшысы
contacts-website = Сайт
contacts-period = Кезеңі
# Байланыс файлындағы кезеңнен кейін, мысалы: «2019 жылғы Президент сайлауы науқаны — нөмір қазір жұмыс істемеуі мүмкін.»
contacts-historical-number = нөмір қазір жұмыс істемеуі мүмкін.
contacts-historical-headquarters = штаб қазір жұмыс істемеуі мүмкін.
