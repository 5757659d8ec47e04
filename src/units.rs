//! Human units in config and flags: durations (`30s`, `5m`, `7d`) and byte
//! sizes (`512MiB`, `2G`).
//!
//! Durations go through `humantime`, which already knows every suffix an
//! operator types; sizes are small enough to parse here.

use std::time::Duration;

/// The longest duration hm takes, from the config or a flag: a hundred
/// years. Longer ones mean nothing to a monitor, and one bound keeps every
/// place where a duration meets a clock (`now + timeout`, a silence's end,
/// a date to print) far from overflow.
pub const MAX_DURATION: Duration = Duration::from_secs(100 * 36_525 * 864);

/// Parse a duration such as `30s`, `5m`, `1h30m` or `7d`. A bare number is
/// taken as seconds, which is what people mean in `--duration 1.5`. At most
/// [`MAX_DURATION`]; the one parser of config values and flags alike.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let d = if let Ok(secs) = t.parse::<f64>() {
        // `try_`: a finite number of seconds can still be too long for a
        // `Duration` (`1e300`), which `from_secs_f64` panics on.
        Duration::try_from_secs_f64(secs)
            .map_err(|_| format!("`{}` is not a valid duration (negative, not finite or too long)", cut(s)))?
    } else {
        // humantime's message quotes the input too: cut as well.
        humantime::parse_duration(t).map_err(|e| {
            format!("`{}` is not a valid duration ({}); use e.g. 30s, 5m, 7d", cut(s), cut_to(&e.to_string(), 80))
        })?
    };
    if d > MAX_DURATION {
        return Err(format!("`{}` is longer than 100 years", cut(s)));
    }
    Ok(d)
}

/// At most 40 characters of what was typed, for a message: input is never
/// echoed whole (a name may be 100 KB).
pub(crate) fn cut(s: &str) -> String {
    cut_to(s, 40)
}

/// At most `n` bytes of `s` (`n` characters of ASCII), cut on a character
/// boundary, with `…` when it was longer: counted in characters, a size's
/// message quoting two cuts of forty 4-byte characters each ran past 300
/// bytes.
fn cut_to(s: &str, n: usize) -> String {
    if s.len() <= n {
        return s.to_string();
    }
    let end = s.char_indices().map(|(i, c)| i + c.len_utf8()).take_while(|&e| e <= n).last().unwrap_or(0);
    format!("{}…", &s[..end])
}

/// Seconds (computed: ages, latencies, timestamps' differences) as a
/// duration, saturating: negative or NaN is zero, and anything past
/// [`MAX_DURATION`] is that. `Duration::from_secs_f64` panics instead, and
/// the seconds may come from outside (a heartbeat query's timestamp).
pub fn secs(v: f64) -> Duration {
    if v.is_nan() || v <= 0.0 {
        Duration::ZERO
    } else if v >= MAX_DURATION.as_secs_f64() {
        MAX_DURATION
    } else {
        Duration::from_secs_f64(v)
    }
}

/// Format a duration compactly: `45s`, `3m12s`, `2h5m`, `3d4h`; a zero
/// second part is left out (`5m`, `1h`, `2d`).
pub fn format_duration(d: Duration) -> String {
    let s = d.as_secs();
    if s < 60 {
        if d.as_secs_f64() < 10.0 && d.subsec_millis() > 0 {
            return format!("{:.1}s", d.as_secs_f64());
        }
        return format!("{s}s");
    }
    let (d_, h, m, sec) = (s / 86_400, (s / 3600) % 24, (s / 60) % 60, s % 60);
    let (big, small) = if d_ > 0 {
        ((d_, 'd'), (h, 'h'))
    } else if h > 0 {
        ((h, 'h'), (m, 'm'))
    } else {
        ((m, 'm'), (sec, 's'))
    };
    if small.0 == 0 { format!("{}{}", big.0, big.1) } else { format!("{}{}{}{}", big.0, big.1, small.0, small.1) }
}

/// Parse a byte size: `1048576`, `512KiB`, `512K`, `100MB`, `2GiB`, `1.5G`.
/// Single-letter and `iB` suffixes are binary (what `ps` and `free` show);
/// `KB`/`MB`/`GB`/`TB` are decimal.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (num, suffix) = t.split_at(split);
    let value: f64 = num.parse().map_err(|_| format!("`{}` is not a size; use e.g. 512MiB or 2G", cut(s)))?;
    let mult: f64 = match suffix.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kib" => 1024.0,
        "m" | "mib" => 1024.0f64.powi(2),
        "g" | "gib" => 1024.0f64.powi(3),
        "t" | "tib" => 1024.0f64.powi(4),
        "kb" => 1e3,
        "mb" => 1e6,
        "gb" => 1e9,
        "tb" => 1e12,
        other => {
            return Err(format!(
                "`{}` has an unknown size unit `{}`; use B, KiB, MiB, GiB, TiB, KB, MB, GB or TB",
                cut(s),
                cut(other)
            ));
        }
    };
    let bytes = (value * mult).round();
    if bytes > MAX_SIZE as f64 {
        return Err(format!("`{}` is more than 1 EiB", cut(s)));
    }
    Ok(bytes as u64)
}

/// The largest size hm takes (1 EiB): beyond it a threshold means nothing,
/// and it stays exact in the `f64` that metrics are.
pub const MAX_SIZE: u64 = 1 << 60;

/// `1 file`, `2 files`: a count with its noun, plural but for one
/// (never "1 files").
pub(crate) fn count(n: impl Into<u64>, noun: &str) -> String {
    let n = n.into();
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// Format bytes with a binary unit: `512.0 MiB`.
pub fn format_bytes(b: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = b;
    let mut i = 0;
    while v.abs() >= 1024.0 && i < UNITS.len() - 1 {
        v /= 1024.0;
        i += 1;
    }
    if i == 0 { format!("{v:.0} B") } else { format!("{v:.1} {}", UNITS[i]) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue26_one_file_is_singular() {
        assert_eq!(
            (count(1u64, "file"), count(0u64, "file"), count(2u64, "file")),
            ("1 file".into(), "0 files".into(), "2 files".into())
        );
    }

    #[test]
    fn a_message_about_wide_characters_stays_short_in_bytes() {
        // Found by the `units` fuzz target: counted in characters, the two
        // cuts of 4-byte characters in a size's message came to more than
        // 300 bytes.
        let text = "0s\u{f45bd}\u{f45bd}\u{f45bd}\u{f45bd}s\u{f45bd}\u{f45bd}m\u{a0}\u{a0}\u{a0}s\u{f45bd}\u{f45bd}\u{f45bd}\u{f45bd}s\u{f45bd}m\u{a0}\u{f45bd}\u{f45bd}\u{f45bd}\u{f45bd}s\u{f45bd}\u{f45bd}m\u{a0}\u{a0}\u{a0}s\u{f45bd}\u{f45bd}\u{f45bd}\u{f45bd}s\u{f45bd}\u{a0}\u{a0}";
        let e = parse_size(text).expect_err("not a size");
        assert!(e.len() < 300, "{} bytes: {e}", e.len());
        let e = parse_duration(text).expect_err("not a duration");
        assert!(e.len() < 300, "{} bytes: {e}", e.len());
        assert_eq!(cut_to("héllo", 2), "h…");
        assert_eq!(cut_to("héllo", 3), "hé…");
        assert_eq!(cut_to("hello", 5), "hello");
    }

    #[test]
    fn issue16_durations_are_bounded_and_computed_seconds_saturate() {
        assert_eq!(parse_duration("100y").map(|d| d <= MAX_DURATION), Ok(true));
        for s in ["101y", "8000y", "18446744073709551615s", "1e300", "-1", "nan", "inf"] {
            let err = parse_duration(s).expect_err(s);
            assert!(err.len() < 120, "{err}");
        }
        let long = "9".repeat(100_000);
        assert!(parse_duration(&long).expect_err("huge").len() < 200, "the input is cut in the message");
        // Found by fuzzing: humantime's own message quotes the unit whole.
        let unit = format!("4K{}B45303703", "i".repeat(100));
        assert!(parse_duration(&unit).expect_err("unit").len() < 300, "{}", parse_duration(&unit).expect_err("unit"));
        assert!(parse_size(&unit).expect_err("unit").len() < 300);
        assert_eq!(secs(-5.0), Duration::ZERO);
        assert_eq!(secs(f64::NAN), Duration::ZERO);
        assert_eq!(secs(1e300), MAX_DURATION);
        assert_eq!(secs(f64::INFINITY), MAX_DURATION);
        assert_eq!(secs(1.5), Duration::from_millis(1500));
        assert!(parse_size("1EiB").is_err());
        assert!(parse_size("999999999999999999999T").expect_err("huge").contains("more than 1 EiB"));
        assert_eq!(parse_size("1024T"), Ok(1 << 50));
    }

    #[test]
    fn issue7_config_huge_number_of_seconds_is_an_error_not_a_panic() {
        // Found while fuzzing the config parser: `interval = "1e300"` panicked.
        for bad in ["1e300", "1.8446744073709552e19", "-1", "inf", "NaN"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_duration("1.5"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("-0"), Ok(Duration::ZERO));
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("5m"), Ok(Duration::from_secs(300)));
        assert_eq!(parse_duration("7d"), Ok(Duration::from_secs(7 * 86_400)));
        assert_eq!(parse_duration("1.5"), Ok(Duration::from_millis(1500)));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("-3").is_err());
        assert_eq!(format_duration(Duration::from_secs(192)), "3m12s");
        assert_eq!(format_duration(Duration::from_secs(3 * 3600 + 720)), "3h12m");
        assert_eq!(format_duration(Duration::from_secs(45)), "45s");
        assert_eq!(format_duration(Duration::from_secs(300)), "5m");
        assert_eq!(format_duration(Duration::from_secs(3600)), "1h");
        assert_eq!(format_duration(Duration::from_secs(2 * 86_400)), "2d");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("512MiB"), Ok(512 * 1024 * 1024));
        assert_eq!(parse_size("2G"), Ok(2 * 1024 * 1024 * 1024));
        assert_eq!(parse_size("100MB"), Ok(100_000_000));
        assert_eq!(parse_size("4096"), Ok(4096));
        assert!(parse_size("12 parsecs").is_err());
        assert!(parse_size("MiB").is_err());
        assert_eq!(format_bytes(1536.0), "1.5 KiB");
    }
}
