//! Calendar arithmetic on plain dates, so the "next Trade Union Day" rule is
//! tested without a browser. Which day it is *today* comes from the browser's
//! clock, read in Kazakhstan's time zone ([`kazakhstan_date_at`]).

/// A day of the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Trade Union Day: 10 October (Government Resolution No. 303 of 22 May 2019).
pub const UNION_DAY_MONTH: u32 = 10;
pub const UNION_DAY_DAY: u32 = 10;

impl Date {
    /// A valid date, or `None` (month 13, 30 February, …).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD`, exactly.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &text[range];
            part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok())?
        };
        Date::new(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
    }

    /// Days since 1970-01-01 (negative before), after H. Hinnant's
    /// `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let (m, d) = (self.month as i64, self.day as i64);
        let y = self.year as i64 - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01 (before it when negative), after
    /// H. Hinnant's `civil_from_days`: the inverse of [`Date::days_since_epoch`].
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

/// Kazakhstan's clocks: one time zone for the whole country, UTC+5, since
/// 1 March 2024 (the IANA time-zone database, 2024a: Asia/Almaty and
/// Asia/Qostanay moved from UTC+6 to UTC+5), without summer time.
///
/// A fixed offset, not the browser's `Intl.DateTimeFormat` with
/// `timeZone: "Asia/Almaty"`: building that formatter loads the browser's
/// date and time-zone data, a long task on every home page
/// (docs/performance.md, "Starting the app"). A component test compares this
/// rule with the browser's own time-zone data, so a change of Kazakhstan's
/// clocks shows as a failing test.
pub const KAZAKHSTAN_UTC_OFFSET_MINUTES: i64 = 5 * 60;

/// The date in Kazakhstan at `unix_ms` (milliseconds since 1970-01-01 UTC,
/// what the browser's `Date.now()` gives).
pub fn kazakhstan_date_at(unix_ms: f64) -> Date {
    const DAY_MS: i64 = 24 * 60 * 60 * 1000;
    let local_ms = unix_ms.floor() as i64 + KAZAKHSTAN_UTC_OFFSET_MINUTES * 60 * 1000;
    Date::from_days_since_epoch(local_ms.div_euclid(DAY_MS))
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The next Trade Union Day on or after `today`, and how many days away it
/// is (0 on the day itself).
pub fn next_union_day(today: Date) -> (Date, i64) {
    let this_year = Date { year: today.year, month: UNION_DAY_MONTH, day: UNION_DAY_DAY };
    let next = if today <= this_year { this_year } else { Date { year: today.year + 1, ..this_year } };
    (next, next.days_since_epoch() - today.days_since_epoch())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    #[test]
    fn iso_dates_parse_strictly() {
        assert_eq!(date("2019-05-12"), Date { year: 2019, month: 5, day: 12 });
        for bad in [
            "2019-5-12",
            "2019-05-12T00:00",
            "2019/05/12",
            "2019-13-01",
            "2019-02-29",
            "2019-00-10",
            "",
            "２０19-05-12",
            "+019-05-12",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
        assert!(Date::parse_iso("2020-02-29").is_some());
        assert_eq!(date("2023-01-27").to_string(), "2023-01-27");
    }

    #[test]
    fn days_since_epoch_matches_known_days() {
        assert_eq!(date("1970-01-01").days_since_epoch(), 0);
        assert_eq!(date("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(date("1969-12-31").days_since_epoch(), -1);
    }

    #[test]
    fn days_since_epoch_round_trips_over_eight_centuries() {
        // Every day from 1600-01-01 to 2400-12-31: leap centuries and all.
        let (first, last) = (date("1600-01-01").days_since_epoch(), date("2400-12-31").days_since_epoch());
        let mut previous = Date::from_days_since_epoch(first - 1);
        assert_eq!(previous, date("1599-12-31"));
        for days in first..=last {
            let day = Date::from_days_since_epoch(days);
            assert_eq!(day.days_since_epoch(), days, "{day}");
            assert!(Date::new(day.year, day.month, day.day).is_some(), "{day} is not a real date");
            assert!(day > previous, "{day} does not follow {previous}");
            previous = day;
        }
        assert_eq!(Date::from_days_since_epoch(0), date("1970-01-01"));
        assert_eq!(Date::from_days_since_epoch(-1), date("1969-12-31"));
        assert_eq!(Date::from_days_since_epoch(11_016), date("2000-02-29"));
    }

    #[test]
    fn the_day_in_kazakhstan_turns_at_19_00_utc() {
        // 2026-11-23T18:59:59.999Z and 2026-11-23T19:00:00Z.
        let midnight_almaty = 1_795_460_400_000.0;
        assert_eq!(kazakhstan_date_at(midnight_almaty - 1.0), date("2026-11-23"));
        assert_eq!(kazakhstan_date_at(midnight_almaty), date("2026-11-24"));
        assert_eq!(kazakhstan_date_at(0.0), date("1970-01-01"));
        assert_eq!(kazakhstan_date_at(-5.0 * 3_600_000.0 - 1.0), date("1969-12-31"));
        // New Year in Almaty comes five hours before it comes in London.
        assert_eq!(kazakhstan_date_at(1_798_743_600_000.0), date("2027-01-01"));
        assert_eq!(kazakhstan_date_at(1_798_743_599_999.0), date("2026-12-31"));
    }

    #[test]
    fn union_day_is_today_on_10_october() {
        assert_eq!(next_union_day(date("2026-10-10")), (date("2026-10-10"), 0));
    }

    #[test]
    fn before_10_october_it_is_this_year() {
        assert_eq!(next_union_day(date("2026-10-09")), (date("2026-10-10"), 1));
        assert_eq!(next_union_day(date("2026-01-01")), (date("2026-10-10"), 282));
    }

    #[test]
    fn after_10_october_it_is_next_year_across_a_leap_day() {
        assert_eq!(next_union_day(date("2026-10-11")), (date("2027-10-10"), 364));
        assert_eq!(next_union_day(date("2027-11-23")), (date("2028-10-10"), 322));
        assert_eq!(next_union_day(date("2026-12-31")), (date("2027-10-10"), 283));
    }
}
