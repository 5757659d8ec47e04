//! Threshold ranges (`10`, `10:`, `~:10`, `10:20`, `@10:20`).
//!
//! Properties, for any text that parses:
//! - the bounds are numbers (never NaN) and `start <= end`;
//! - the range written back in Nagios syntax parses to the same range
//!   (long form `a:b`, and the short form `b` when it starts at 0);
//! - `@a:b` alerts exactly where `a:b` does not, for any value;
//! - `upper()`, when given, is the level above which it alerts.
#![no_main]

use hm::parsers::Range;
use libfuzzer_sys::fuzz_target;

fn num(v: f64) -> String {
    format!("{v:?}")
}

/// `r` in Nagios syntax, long form (`a:b`, `~:b`, `a:`).
fn long(r: &Range) -> String {
    let at = if r.inside { "@" } else { "" };
    let start = if r.start == f64::NEG_INFINITY { "~".to_string() } else { num(r.start) };
    let end = if r.end == f64::INFINITY { String::new() } else { num(r.end) };
    format!("{at}{start}:{end}")
}

fn probes(r: &Range, extra: f64) -> Vec<f64> {
    let mut v = vec![0.0, -0.0, 1.0, -1.0, f64::MAX, f64::MIN, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, extra];
    for b in [r.start, r.end, extra] {
        v.extend([b, b.next_up(), b.next_down(), b / 2.0, b * 2.0]);
    }
    v
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Some(r) = Range::parse(text) else { return };
    assert!(!r.start.is_nan() && !r.end.is_nan(), "{text:?} -> {r:?}");
    assert!(r.start <= r.end, "{text:?} -> {r:?}");

    let written = long(&r);
    assert_eq!(Range::parse(&written), Some(r), "{text:?} -> {r:?} -> {written:?}");
    if r.start == 0.0 {
        let short = format!("{}{}", if r.inside { "@" } else { "" }, num(r.end));
        assert_eq!(Range::parse(&short), Some(r), "{text:?} -> {r:?} -> {short:?}");
    }

    // `@a:b` against `a:b`, as written and as parsed.
    let bare = text.trim().strip_prefix('@').unwrap_or(text.trim());
    let outside = Range::parse(bare).unwrap_or_else(|| panic!("{text:?} parses but {bare:?} does not"));
    let inside = Range::parse(&format!("@{bare}")).unwrap_or_else(|| panic!("{text:?} parses but @{bare:?} does not"));
    assert!(!outside.inside && inside.inside, "{text:?}");
    assert_eq!((outside.start, outside.end), (inside.start, inside.end), "{text:?}");
    let extra = text.len() as f64 - 8.0;
    for v in probes(&r, extra) {
        assert_ne!(outside.alerts(v), inside.alerts(v), "{text:?} at {v}");
        let within = r.start <= v && v <= r.end;
        assert_eq!(r.alerts(v), within == r.inside, "{text:?} -> {r:?} at {v}");
    }

    if let Some(u) = r.upper() {
        assert!(u.is_finite() && !r.inside, "{text:?} -> {r:?} upper {u}");
        assert!(!r.alerts(u) && r.alerts(u.next_up()), "{text:?} -> {r:?} upper {u}");
    }
});
