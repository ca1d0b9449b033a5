# The contacts page, and the hotline in the footer and on the home page.
# Terms as in content/GLOSSARY.md (hotline, headquarters, head of staff).

contacts-hotline = Hotline
home-all-contacts = All headquarters contacts
contacts-loading = Loading the contacts…
contacts-no-hotline = The contacts file names no current hotline.
# $age is a relative time such as "5 minutes ago".
contacts-updated = Updated { $age }.
contacts-age-second =
    { $count ->
        [one] { $count } second ago
       *[other] { $count } seconds ago
    }
contacts-age-minute =
    { $count ->
        [one] { $count } minute ago
       *[other] { $count } minutes ago
    }
contacts-age-hour =
    { $count ->
        [one] { $count } hour ago
       *[other] { $count } hours ago
    }
contacts-age-day =
    { $count ->
        [one] { $count } day ago
       *[other] { $count } days ago
    }
contacts-dropped =
    { $count ->
        [one] { $count } entry of the contacts file could not be shown.
       *[other] { $count } entries of the contacts file could not be shown.
    }
contacts-error-network = The contacts could not be updated: there is no connection to the server.
contacts-error-timeout = The contacts could not be updated: the server did not answer in time.
contacts-error-status = The contacts could not be updated: the server answered with error { $status }.
contacts-error-refused = The contacts could not be updated: the contacts file on the server is damaged.
contacts-error-future = The contacts could not be updated: the date of the contacts file on the server is in the future. Check its year.
contacts-error-too-many = The contacts could not be updated: the contacts file on the server lists more than { $max } headquarters, the most the page accepts.
contacts-showing-saved = The contacts shown are the last ones received.
contacts-showing-built-in = The contacts shown are the copy published with the site.
contacts-retry = Try again
contacts-checking = Checking…
contacts-filter-region = Region
contacts-all-regions = All regions
contacts-filter-city = City, town or village
contacts-count =
    { $count ->
        [one] { $count } headquarters
       *[other] { $count } headquarters
    }
contacts-no-match = No headquarters match the chosen region and place.
contacts-show-all = Show all headquarters
contacts-show-more = Show more ({ $left } not yet shown)
contacts-none = No headquarters are listed at the moment.
contacts-level-republican = Republican headquarters
contacts-level-regional = Regional headquarters
contacts-level-city = City headquarters
contacts-level-district = District headquarters
contacts-city = Place
contacts-address = Address
contacts-phones = Phone
contacts-email = E-mail
contacts-hours = Opening hours
contacts-head = Head of staff
contacts-website = Website
contacts-period = Period
# After the period the contacts file gives, e.g. "2019 presidential election campaign — this number may no longer be in service."
contacts-historical-number = this number may no longer be in service.
contacts-historical-headquarters = this headquarters may no longer operate.
