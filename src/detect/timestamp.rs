//! Timestamps at the start of log lines, so a deduplicated secret can say *when* it leaked (first
//! and last time seen), not only where.
//!
//! Recognised, at the start of a line (an opening `[` is allowed before the first two):
//!
//! | form | example | normalised to |
//! |---|---|---|
//! | ISO 8601 / RFC 3339 | `2026-10-12T10:00:00Z`, `2026-10-12 10:00:00.123`, `…+02:00` | `2026-10-12T10:00:00Z` (UTC when the line gives an offset; no offset when it gives none) |
//! | common log format (nginx, Apache) | `[12/Oct/2026:10:00:00 +0000]` | `2026-10-12T10:00:00Z` |
//! | syslog (BSD) | `Oct 12 10:00:00` | `Oct 12 10:00:00` (no year, so not RFC 3339) |
//!
//! The common log format puts the client address first (`10.0.0.9 - - [12/Oct/2026:…]`), so its
//! bracket is looked for within the first `CLF_REACH` bytes of the line, not only at its start.
//!
//! Timestamps are compared by instant: offsets are applied, a timestamp without an offset counts as
//! UTC for ordering, and a syslog timestamp (no year) sorts before every dated one.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;

/// How far into a line the `[` of a common-log-format timestamp may be (client address, ident and
/// user come first; an IPv6 address with a long user name still fits).
pub(crate) const CLF_REACH: usize = 96;

/// How many bytes of a line [`at_line_start`] may look at: callers pass at most this much.
pub(crate) const LINE_HEAD: usize = CLF_REACH + 32;

const MONTHS: [&[u8; 3]; 12] =
    [b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec"];

/// A normalised timestamp: its text (what reports show) and the instant it stands for (what
/// ordering uses).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp {
    text: String,
    /// Seconds since 1970-01-01T00:00:00 UTC and nanoseconds; for yearless syslog stamps, the
    /// seconds are counted from year 0 so they sort first.
    key: (i64, u32),
}

impl Timestamp {
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key).then_with(|| self.text.cmp(&other.text))
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

/// Reading a report back (merge, checkpoints): normalised text parses as a line-start timestamp.
impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        at_line_start(s.as_bytes()).ok_or_else(|| serde::de::Error::custom(format!("not a timestamp: {s:?}")))
    }
}

/// The timestamp a log line starts with, if any. `line` is the line's first bytes (at most
/// [`LINE_HEAD`] are looked at); it may run past the line's end.
pub(crate) fn at_line_start(line: &[u8]) -> Option<Timestamp> {
    let line = &line[..line.len().min(LINE_HEAD)];
    let bracketed = line.strip_prefix(b"[").unwrap_or(line);
    iso(bracketed).or_else(|| syslog(bracketed)).or_else(|| clf(line))
}

/// Reads exactly `n` ASCII digits at `b[at..]`.
fn digits(b: &[u8], at: usize, n: usize) -> Option<i64> {
    let s = b.get(at..at + n)?;
    s.iter().try_fold(0i64, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0')))
}

fn expect(b: &[u8], at: usize, c: u8) -> Option<()> {
    (b.get(at) == Some(&c)).then_some(())
}

fn month(b: &[u8], at: usize) -> Option<i64> {
    let m = b.get(at..at + 3)?;
    MONTHS.iter().position(|n| &n[..] == m).map(|i| i as i64 + 1)
}

/// Wall-clock fields as written in the log.
struct Civil {
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    min: i64,
    sec: i64,
    /// Fraction digits as written (at most 9), empty if none.
    frac: String,
}

impl Civil {
    fn valid(&self) -> bool {
        (1..=12).contains(&self.month)
            && (1..=31).contains(&self.day)
            && self.hour < 24
            && self.min < 60
            && self.sec <= 60
    }

    fn nanos(&self) -> u32 {
        let mut n: u32 = 0;
        for i in 0..9 {
            let d = self.frac.as_bytes().get(i).map_or(0, |c| u32::from(c - b'0'));
            n = n * 10 + d;
        }
        n
    }

    /// Seconds since the Unix epoch, taking the wall clock as UTC.
    fn epoch(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86400 + self.hour * 3600 + self.min * 60 + self.sec
    }

    /// RFC 3339 text: converted to UTC when the offset is known, without an offset otherwise.
    fn normalised(self, offset_secs: Option<i64>) -> Timestamp {
        let nanos = self.nanos();
        let frac = if self.frac.is_empty() { String::new() } else { format!(".{}", self.frac) };
        let (epoch, zone) = match offset_secs {
            Some(off) => (self.epoch() - off, "Z"),
            None => (self.epoch(), ""),
        };
        Timestamp { text: format!("{}{frac}{zone}", wall_clock(epoch)), key: (epoch, nanos) }
    }
}

/// `YYYY-MM-DD[T ]HH:MM:SS[.f+][Z|±HH:MM|±HHMM]`.
fn iso(b: &[u8]) -> Option<Timestamp> {
    let year = digits(b, 0, 4)?;
    expect(b, 4, b'-')?;
    let month = digits(b, 5, 2)?;
    expect(b, 7, b'-')?;
    let day = digits(b, 8, 2)?;
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let (hour, min, sec) = hms(b, 11)?;
    let mut at = 19;
    let mut frac = String::new();
    if matches!(b.get(at), Some(b'.' | b',')) {
        at += 1;
        while let Some(c) = b.get(at).filter(|c| c.is_ascii_digit()) {
            if frac.len() < 9 {
                frac.push(*c as char);
            }
            at += 1;
        }
    }
    let offset = match b.get(at) {
        Some(b'Z' | b'z') => Some(0),
        Some(&sign @ (b'+' | b'-')) => {
            let h = digits(b, at + 1, 2)?;
            let colon = usize::from(b.get(at + 3) == Some(&b':'));
            let m = digits(b, at + 3 + colon, 2)?;
            let s = (h * 60 + m) * 60;
            Some(if sign == b'-' { -s } else { s })
        }
        _ => None,
    };
    let c = Civil { year, month, day, hour, min, sec, frac };
    c.valid().then(|| c.normalised(offset))
}

/// `HH:MM:SS` at `b[at..]`.
fn hms(b: &[u8], at: usize) -> Option<(i64, i64, i64)> {
    let h = digits(b, at, 2)?;
    expect(b, at + 2, b':')?;
    let m = digits(b, at + 3, 2)?;
    expect(b, at + 5, b':')?;
    let s = digits(b, at + 6, 2)?;
    Some((h, m, s))
}

/// `Mon DD HH:MM:SS` (day space-padded or not).
fn syslog(b: &[u8]) -> Option<Timestamp> {
    let month = month(b, 0)?;
    expect(b, 3, b' ')?;
    let (day, at) = match (digits(b, 4, 2), b.get(4), digits(b, 5, 1)) {
        (Some(d), _, _) => (d, 6),
        (None, Some(b' '), Some(d)) => (d, 6),
        (None, _, _) => (digits(b, 4, 1)?, 5),
    };
    expect(b, at, b' ')?;
    let (hour, min, sec) = hms(b, at + 1)?;
    let c = Civil { year: 0, month, day, hour, min, sec, frac: String::new() };
    c.valid().then(|| Timestamp {
        text: format!(
            "{} {day:>2} {hour:02}:{min:02}:{sec:02}",
            std::str::from_utf8(MONTHS[month as usize - 1]).expect("ASCII")
        ),
        key: (c.epoch(), 0),
    })
}

/// `[DD/Mon/YYYY:HH:MM:SS ±HHMM]`, its `[` within the first `CLF_REACH` bytes.
fn clf(line: &[u8]) -> Option<Timestamp> {
    let reach = &line[..line.len().min(CLF_REACH)];
    let open = memchr::memchr(b'[', reach)?;
    let b = &line[open + 1..];
    let day = digits(b, 0, 2)?;
    expect(b, 2, b'/')?;
    let month = month(b, 3)?;
    expect(b, 6, b'/')?;
    let year = digits(b, 7, 4)?;
    expect(b, 11, b':')?;
    let (hour, min, sec) = hms(b, 12)?;
    expect(b, 20, b' ')?;
    let sign = *b.get(21)?;
    let off = digits(b, 22, 2)? * 3600 + digits(b, 24, 2)? * 60;
    let off = match sign {
        b'+' => off,
        b'-' => -off,
        _ => return None,
    };
    let c = Civil { year, month, day, hour, min, sec, frac: String::new() };
    c.valid().then(|| c.normalised(Some(off)))
}

/// `YYYY-MM-DDTHH:MM:SS` of a count of seconds since the epoch, read as a wall clock (no zone).
fn wall_clock(epoch: i64) -> String {
    let (days, secs) = (epoch.div_euclid(86400), epoch.rem_euclid(86400));
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
}

/// RFC 3339 in the zone `offset_minutes` east of UTC, as `git log --date=iso-strict` shows a
/// commit's date in its author's zone.
pub(crate) fn rfc3339_in_zone(time: i64, offset_minutes: i32) -> String {
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let off = offset_minutes.unsigned_abs();
    format!("{}{sign}{:02}:{:02}", wall_clock(time + i64::from(offset_minutes) * 60), off / 60, off % 60)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_rfc3339_in_the_given_zone() {
        assert_eq!(rfc3339_in_zone(0, 0), "1970-01-01T00:00:00+00:00");
        assert_eq!(rfc3339_in_zone(1_500_000_000, 0), "2017-07-14T02:40:00+00:00");
        assert_eq!(rfc3339_in_zone(1_500_000_000, 120), "2017-07-14T04:40:00+02:00");
        assert_eq!(rfc3339_in_zone(1_500_000_000, -330), "2017-07-13T21:10:00-05:30");
        assert_eq!(rfc3339_in_zone(951_782_400, 0), "2000-02-29T00:00:00+00:00");
        assert_eq!(rfc3339_in_zone(-86_400, 0), "1969-12-31T00:00:00+00:00");
    }

    fn ts(s: &str) -> Option<String> {
        at_line_start(s.as_bytes()).map(|t| t.text)
    }

    #[test]
    fn each_form_normalises() {
        let cases = [
            ("2026-10-12T10:00:00Z INFO x", "2026-10-12T10:00:00Z"),
            ("2026-10-12 10:00:00.123 DEBUG x", "2026-10-12T10:00:00.123"),
            ("2026-10-12T01:30:00+02:00 x", "2026-10-11T23:30:00Z"),
            ("2026-12-31T23:30:00-0100 x", "2027-01-01T00:30:00Z"),
            ("[2026-10-12 10:00:00,5] x", "2026-10-12T10:00:00.5"),
            ("10.0.0.9 - - [12/Oct/2026:10:00:00 +0000] \"GET /\"", "2026-10-12T10:00:00Z"),
            ("[01/Mar/2024:00:30:00 +0100] x", "2024-02-29T23:30:00Z"),
            ("Oct 12 10:00:00 host sshd[1]: x", "Oct 12 10:00:00"),
            ("Oct  2 10:00:00 host x", "Oct  2 10:00:00"),
        ];
        for (line, want) in cases {
            assert_eq!(ts(line).as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn non_timestamps_are_refused() {
        for line in [
            "INFO 2026-10-12T10:00:00Z later in the line",
            "2026-13-12T10:00:00Z bad month",
            "2026-10-12T25:00:00Z bad hour",
            "Foo 12 10:00:00 not a month",
            "{\"ts\":\"2026-10-12T10:00:00Z\"}",
            "2026-10-1",
            "",
        ] {
            assert_eq!(ts(line), None, "{line}");
        }
    }

    #[test]
    fn ordering_is_by_instant_and_text_round_trips() {
        let a = at_line_start(b"2026-10-12T10:00:00+02:00").unwrap(); // 08:00Z
        let b = at_line_start(b"2026-10-12T09:00:00Z").unwrap();
        let c = at_line_start(b"2026-10-12T09:00:00.5Z").unwrap();
        let s = at_line_start(b"Dec 31 23:59:59").unwrap();
        assert!(s < a && a < b && b < c);
        let back: Timestamp = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(back, c);
    }
}
