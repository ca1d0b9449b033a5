//! `updated_at`: an RFC 3339 date and time, such as
//! `2026-11-23T10:00:00+05:00`, read strictly into Unix seconds.

use super::limits;
use crate::calendar::Date;

/// What is wrong with a date and time, in the order it is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeProblem {
    /// Not `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`.
    Shape,
    /// No such day (30 February, month 13).
    Date,
    /// No such time of day (hour 24, minute 60).
    Time,
    /// No such offset (`+24:00`, `+05:60`).
    Offset,
}

impl TimeProblem {
    /// Stable id for the app's translated message.
    pub fn code(self) -> &'static str {
        match self {
            TimeProblem::Shape => "shape",
            TimeProblem::Date => "date",
            TimeProblem::Time => "time",
            TimeProblem::Offset => "offset",
        }
    }
}

const SECONDS_PER_DAY: i64 = 86_400;

/// Unix seconds (UTC) of `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`: `T`
/// and `Z` in either case, 1 to 9 fraction digits (dropped: the page shows
/// minutes at best), and second 60 for a leap second (counted as the next
/// minute's second 0, as Unix time has no leap seconds). Nothing else: no
/// space for `T`, no missing seconds, no offset without a colon.
pub fn parse_rfc3339(text: &str) -> Result<i64, TimeProblem> {
    let bytes = text.as_bytes();
    if !(20..=limits::UPDATED_AT).contains(&bytes.len()) {
        return Err(TimeProblem::Shape);
    }
    let separators_ok = bytes[4] == b'-'
        && bytes[7] == b'-'
        && matches!(bytes[10], b'T' | b't')
        && bytes[13] == b':'
        && bytes[16] == b':';
    if !separators_ok {
        return Err(TimeProblem::Shape);
    }
    let number = |start: usize, len: usize| digits(&bytes[start..start + len]).ok_or(TimeProblem::Shape);
    let (year, month, day) = (number(0, 4)?, number(5, 2)?, number(8, 2)?);
    let (hour, minute, second) = (number(11, 2)?, number(14, 2)?, number(17, 2)?);

    let mut rest = &bytes[19..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let fraction_len = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if !(1..=9).contains(&fraction_len) {
            return Err(TimeProblem::Shape);
        }
        rest = &fraction[fraction_len..];
    }
    let offset_seconds = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), hours @ .., b':', m1, m2] if hours.len() == 2 => {
            let hours = digits(hours).ok_or(TimeProblem::Shape)?;
            let minutes = digits(&[*m1, *m2]).ok_or(TimeProblem::Shape)?;
            if hours > 23 || minutes > 59 {
                return Err(TimeProblem::Offset);
            }
            let magnitude = hours * 3600 + minutes * 60;
            if *sign == b'-' {
                -magnitude
            } else {
                magnitude
            }
        }
        _ => return Err(TimeProblem::Shape),
    };

    let date = Date::new(year as i32, month as u32, day as u32).ok_or(TimeProblem::Date)?;
    if hour > 23 || minute > 59 || second > 60 {
        return Err(TimeProblem::Time);
    }
    Ok(date.days_since_epoch() * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - offset_seconds)
}

/// The value of a run of ASCII digits; `None` if anything else is in it.
fn digits(bytes: &[u8]) -> Option<i64> {
    bytes.iter().try_fold(0i64, |value, &b| b.is_ascii_digit().then(|| value * 10 + i64::from(b - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_utc_give_the_same_instant() {
        // 2026-11-23T05:00:00Z: 20 780 days after 1970-01-01 (Python's datetime agrees).
        let expected = 20_780 * SECONDS_PER_DAY + 5 * 3600;
        for text in [
            "2026-11-23T05:00:00Z",
            "2026-11-23t05:00:00z",
            "2026-11-23T10:00:00+05:00",
            "2026-11-23T00:30:00-04:30",
            "2026-11-23T05:00:00.999999999+00:00",
            "2026-11-23T05:00:00-00:00",
        ] {
            assert_eq!(parse_rfc3339(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn the_epoch_and_a_leap_second() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Ok(0));
        assert_eq!(parse_rfc3339("1969-12-31T23:59:59Z"), Ok(-1));
        assert_eq!(parse_rfc3339("2016-12-31T23:59:60Z"), parse_rfc3339("2017-01-01T00:00:00Z"));
    }

    #[test]
    fn anything_else_is_refused_with_its_problem() {
        for (text, problem) in [
            ("2026-11-23 10:00:00+05:00", TimeProblem::Shape),
            ("2026-11-23T10:00+05:00", TimeProblem::Shape),
            ("2026-11-23T10:00:00", TimeProblem::Shape),
            ("2026-11-23T10:00:00+0500", TimeProblem::Shape),
            ("2026-11-23T10:00:00+5:00", TimeProblem::Shape),
            ("2026-11-23T10:00:00.+05:00", TimeProblem::Shape),
            ("2026-11-23T10:00:00.1234567890+05:00", TimeProblem::Shape),
            ("23.11.2026 10:00", TimeProblem::Shape),
            ("2026-11-23", TimeProblem::Shape),
            ("", TimeProblem::Shape),
            ("２026-11-23T10:00:00Z", TimeProblem::Shape),
            ("+2026-11-23T10:00:00Z", TimeProblem::Shape),
            ("2026-11-23T10:00:00ZZ", TimeProblem::Shape),
            ("2026-02-30T10:00:00+05:00", TimeProblem::Date),
            ("2026-13-01T10:00:00+05:00", TimeProblem::Date),
            ("2026-11-00T10:00:00+05:00", TimeProblem::Date),
            ("2026-11-23T24:00:00+05:00", TimeProblem::Time),
            ("2026-11-23T10:60:00+05:00", TimeProblem::Time),
            ("2026-11-23T10:00:61+05:00", TimeProblem::Time),
            ("2026-11-23T10:00:00+24:00", TimeProblem::Offset),
            ("2026-11-23T10:00:00+05:60", TimeProblem::Offset),
        ] {
            assert_eq!(parse_rfc3339(text), Err(problem), "{text}");
        }
    }
}
