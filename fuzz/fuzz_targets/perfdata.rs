//! Nagios plugin output and perfdata
//! (`'label'=value[UOM];[warn];[crit];[min];[max]`).
//!
//! Properties, for any text:
//! - every item has a non-empty label and finite numbers, and its ranges
//!   are valid (`start <= end`, no NaN);
//! - every item is read from the text: its label is written there (quotes
//!   doubled or not) and so is its unit;
//! - the items written back in canonical perfdata syntax parse to the same
//!   items, each on its own and all together;
//! - `output` takes the message from the first line only, and reads the
//!   same items from a one-line output as `perfdata` reads after its `|`;
//! - turning an item into an hm metric keeps the numbers finite.
#![no_main]

use hm::parsers::{Perf, Range, metric, output, perfdata};
use libfuzzer_sys::fuzz_target;

fn num(v: f64) -> String {
    format!("{v:?}")
}

fn range(r: &Range) -> String {
    let at = if r.inside { "@" } else { "" };
    let start = if r.start == f64::NEG_INFINITY { "~".to_string() } else { num(r.start) };
    let end = if r.end == f64::INFINITY { String::new() } else { num(r.end) };
    format!("{at}{start}:{end}")
}

/// One item in canonical syntax: label always quoted, every field written.
fn write(p: &Perf) -> String {
    let opt = |v: Option<String>| v.unwrap_or_default();
    format!(
        "'{}'={}{};{};{};{};{}",
        p.label.replace('\'', "''"),
        num(p.value),
        p.uom,
        opt(p.warn.as_ref().map(range)),
        opt(p.crit.as_ref().map(range)),
        opt(p.min.map(num)),
        opt(p.max.map(num)),
    )
}

fn check_range(text: &str, r: &Range) {
    assert!(!r.start.is_nan() && !r.end.is_nan() && r.start <= r.end, "{text:?}: {r:?}");
}

fn check_items(text: &str, items: &[Perf]) {
    for p in items {
        assert!(!p.label.is_empty(), "{text:?}: {p:?}");
        assert!(text.contains(&p.label) || text.contains(&p.label.replace('\'', "''")), "{text:?}: label of {p:?}");
        assert!(text.contains(&p.uom), "{text:?}: unit of {p:?}");
        assert!(p.value.is_finite(), "{text:?}: {p:?}");
        assert!(p.min.is_none_or(f64::is_finite) && p.max.is_none_or(f64::is_finite), "{text:?}: {p:?}");
        p.warn.iter().chain(p.crit.iter()).for_each(|r| check_range(text, r));
        let m = metric(p);
        assert!(m.value.is_finite(), "{text:?}: {p:?} -> {m:?}");
        assert!(m.warn.is_none_or(f64::is_finite) && m.crit.is_none_or(f64::is_finite), "{text:?}: {p:?} -> {m:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };

    let items = perfdata(text);
    check_items(text, &items);
    for p in &items {
        let written = write(p);
        assert_eq!(perfdata(&written), std::slice::from_ref(p), "{text:?}: {p:?} written as {written:?}");
    }
    let all: Vec<String> = items.iter().map(write).collect();
    let all = all.join(" ");
    assert_eq!(perfdata(&all), items, "{text:?} written as {all:?}");

    let (message, perf) = output(text);
    assert!(!message.contains('\n') && !message.contains('|'), "{text:?}: message {message:?}");
    assert_eq!(message, message.trim(), "{text:?}");
    check_items(text, &perf);
    let first = text.lines().next().unwrap_or("");
    assert!(first.contains(&message), "{text:?}: message {message:?}");
    if !text.contains('|') {
        assert!(perf.is_empty(), "{text:?}: {perf:?}");
    }
    if text.lines().count() <= 1
        && let Some((_, after)) = text.split_once('|')
    {
        assert_eq!(perf, perfdata(after.trim_end_matches(['\r', '\n'])), "{text:?}");
    }
});
