//! A heartbeat's cron `schedule` (`"0 2 * * *"`, 6 fields with seconds,
//! `@daily` and friends), read by croner, in a named time zone (`tz`,
//! from chrono-tz's database) or the host's: the times it was due, the
//! next time it is, and how a time is shown in that zone. Wall-clock
//! times follow the zone across a DST change (a 02:30 job on the night
//! the clock skips 02:00–03:00 is due at 03:00, croner's rule).
//!
//! Plain data and arithmetic on times: the check that judges a heartbeat
//! against it is `check::kinds::heartbeat_schedule`.

use chrono::{DateTime, Local, TimeZone, Utc};
use croner::Cron;
use croner::parser::{CronParser, Seconds, Year};
use std::time::Duration;

/// A heartbeat's schedule: when it must have run, and how late it may be.
#[derive(Debug, Clone)]
pub(crate) struct Schedule {
    /// As written.
    pub expr: String,
    cron: Cron,
    pub zone: Zone,
    /// How long after a scheduled time a run may still come.
    pub grace: Duration,
    /// How long a run begun with `hm ping --start` may take.
    pub max_runtime: Option<Duration>,
}

/// The zone the schedule's wall-clock times are in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Zone {
    /// The host's (`TZ`, else `/etc/localtime`).
    Local,
    Named(chrono_tz::Tz),
}

/// Parse `expr`: 5 fields, 6 (seconds first) or a nickname. The error
/// names the field at fault, by position, where one is.
pub(crate) fn parse_cron(expr: &str) -> Result<Cron, String> {
    let parser = CronParser::builder().seconds(Seconds::Optional).year(Year::Disallowed).build();
    let whole = match parser.parse(expr) {
        Ok(c) => return Ok(c),
        Err(e) => e.to_string(),
    };
    let fields: Vec<&str> = expr.split_whitespace().collect();
    if expr.trim_start().starts_with('@') || !(5..=6).contains(&fields.len()) {
        return Err(format!(
            "`{expr}` is not a cron expression: {whole} (5 fields, 6 with seconds, or @daily, @hourly, ...)"
        ));
    }
    let names: &[&str] = if fields.len() == 6 {
        &["second", "minute", "hour", "day of month", "month", "day of week"]
    } else {
        &["minute", "hour", "day of month", "month", "day of week"]
    };
    // The first field that fails with every other one `*`.
    for (i, f) in fields.iter().enumerate() {
        let alone: Vec<&str> = (0..fields.len()).map(|j| if j == i { *f } else { "*" }).collect();
        if let Err(e) = parser.parse(&alone.join(" ")) {
            return Err(format!("`{expr}`: field {} ({}) `{f}` is not valid: {e}", i + 1, names[i]));
        }
    }
    Err(format!("`{expr}`: {whole}"))
}

/// The zone named `tz` (`Europe/Berlin`), or why not.
pub(crate) fn parse_zone(tz: &str) -> Result<Zone, String> {
    tz.parse::<chrono_tz::Tz>().map(Zone::Named).map_err(|_| {
        format!("unknown time zone `{}`: use a name from the tz database, e.g. Europe/Berlin", crate::units::cut(tz))
    })
}

fn utc(t: f64) -> Option<DateTime<Utc>> {
    let secs = t.floor();
    DateTime::from_timestamp(secs as i64, ((t - secs) * 1e9) as u32)
}

fn secs<Z: TimeZone>(d: &DateTime<Z>) -> f64 {
    d.timestamp() as f64 + f64::from(d.timestamp_subsec_nanos()) / 1e9
}

impl Schedule {
    pub(crate) fn new(expr: &str, cron: Cron, zone: Zone, grace: Duration, max_runtime: Option<Duration>) -> Schedule {
        Schedule { expr: expr.to_string(), cron, zone, grace, max_runtime }
    }

    /// The first scheduled time strictly after `t` (Unix seconds).
    pub(crate) fn after(&self, t: f64) -> Option<f64> {
        let at = utc(t)?;
        let next = |c: &Cron| match self.zone {
            Zone::Local => c.find_next_occurrence(&at.with_timezone(&Local), false).ok().map(|d| secs(&d)),
            Zone::Named(z) => c.find_next_occurrence(&at.with_timezone(&z), false).ok().map(|d| secs(&d)),
        };
        next(&self.cron)
    }

    /// `t` as a wall-clock time in the schedule's zone: `02:00` on the
    /// day of `now`, else `2027-03-10 02:00` (seconds when not whole minutes).
    pub(crate) fn show(&self, t: f64, now: f64) -> String {
        self.show_as(t, now, true)
    }

    /// A time seen (a run, a start), to the minute: `02:05` on the day of
    /// `now`, else with its date.
    pub(crate) fn show_seen(&self, t: f64, now: f64) -> String {
        self.show_as(t, now, false)
    }

    /// A time seen, with its date, to the minute.
    pub(crate) fn show_dated(&self, t: f64) -> String {
        self.show_as(t, f64::NAN, false)
    }

    fn show_as(&self, t: f64, now: f64, seconds: bool) -> String {
        match self.zone {
            Zone::Local => show_in(&Local, t, now, seconds),
            Zone::Named(z) => show_in(&z, t, now, seconds),
        }
    }
}

fn show_in<Z: TimeZone>(zone: &Z, t: f64, now: f64, seconds: bool) -> String
where
    Z::Offset: std::fmt::Display,
{
    let (Some(at), now) = (utc(t), utc(now)) else { return format!("{t}") };
    let at = at.with_timezone(zone);
    let time = if !seconds || at.format("%S").to_string() == "00" { "%H:%M" } else { "%H:%M:%S" };
    match now.map(|n| n.with_timezone(zone).date_naive()) {
        Some(day) if day == at.date_naive() => at.format(time).to_string(),
        _ => at.format(&format!("%Y-%m-%d {time}")).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule(expr: &str, tz: &str) -> Schedule {
        let cron = parse_cron(expr).expect("cron");
        Schedule::new(expr, cron, parse_zone(tz).expect("zone"), Duration::from_secs(1800), None)
    }

    fn at(s: &str) -> f64 {
        DateTime::parse_from_rfc3339(s).expect("time").timestamp() as f64
    }

    #[test]
    fn issue30_five_and_six_fields_and_nicknames_follow_the_named_zone() {
        let s = schedule("0 2 * * *", "Europe/Berlin");
        // 2027-03-10 02:00 in Berlin is 01:00 UTC (winter time).
        assert_eq!(s.after(at("2027-03-10T00:00:00Z")), Some(at("2027-03-10T01:00:00Z")));
        assert_eq!(s.show(at("2027-03-10T01:00:00Z"), at("2027-03-10T05:00:00Z")), "02:00");
        assert_eq!(s.show_dated(at("2027-03-10T01:05:00Z")), "2027-03-10 02:05");
        let daily = schedule("@daily", "UTC");
        assert_eq!(daily.after(at("2027-03-10T00:00:00Z")), Some(at("2027-03-11T00:00:00Z")));
        let six = schedule("30 0 2 * * *", "UTC");
        assert_eq!(six.after(at("2027-03-10T00:00:00Z")), Some(at("2027-03-10T02:00:30Z")));
        assert_eq!(six.show(at("2027-03-10T02:00:30Z"), at("2027-03-10T03:00:00Z")), "02:00:30");
    }

    #[test]
    fn issue30_across_a_dst_change_the_wall_clock_time_holds() {
        let s = schedule("0 2 * * *", "Europe/Berlin");
        // Summer time from 2027-03-28: 02:00 does not exist that night
        // (due at 03:00 CEST, 01:00 UTC); the day after, 02:00 CEST is 00:00 UTC.
        assert_eq!(s.after(at("2027-03-27T12:00:00Z")), Some(at("2027-03-28T01:00:00Z")));
        assert_eq!(s.after(at("2027-03-28T12:00:00Z")), Some(at("2027-03-29T00:00:00Z")));
        // Back in October: 02:00 comes twice, the job is due once.
        let first = s.after(at("2027-10-30T12:00:00Z")).expect("due");
        assert_eq!(first, at("2027-10-31T00:00:00Z"));
        assert_eq!(s.after(first), Some(at("2027-11-01T01:00:00Z")));
    }

    #[test]
    fn issue30_a_bad_expression_names_its_field_and_a_bad_zone_its_name() {
        let e = parse_cron("0 25 * * *").expect_err("hour 25");
        assert!(e.starts_with("`0 25 * * *`: field 2 (hour) `25` is not valid"), "{e}");
        let e = parse_cron("0 2 * *").expect_err("four fields");
        assert!(e.contains("5 fields, 6 with seconds"), "{e}");
        assert!(parse_cron("@sometimes").is_err());
        let e = parse_zone("Mars/Olympus").expect_err("zone");
        assert!(e.starts_with("unknown time zone `Mars/Olympus`"), "{e}");
    }
}
