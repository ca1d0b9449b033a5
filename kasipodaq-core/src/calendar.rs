//! Calendar arithmetic on plain dates, so the "next Trade Union Day" rule is
//! tested without a browser. Which day it is *today* comes from the browser,
//! read in Kazakhstan's time zone (Asia/Almaty).

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
