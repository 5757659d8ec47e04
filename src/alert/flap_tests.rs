use super::*;
use Status::{Critical as C, Ok as O};

fn limits() -> FlapLimits {
    FlapLimits::default()
}

/// The row after checks of `states`, oldest first.
fn after(states: &[Status]) -> FlapRow {
    let mut row: Option<FlapRow> = None;
    for s in states {
        row = Some(next(row.as_ref(), *s));
    }
    row.expect("at least one check")
}

fn pct(states: &[Status]) -> f64 {
    percent(after(states).changes)
}

#[test]
fn issue30_the_percent_weighs_newer_changes_more_as_nagios_does() {
    // No change, no percent; every one of 20 transitions a change: 100%.
    assert_eq!(pct(&[O; 21]), 0.0);
    let toggling: Vec<Status> = (0..21).map(|i| if i % 2 == 0 { O } else { C }).collect();
    assert!((pct(&toggling) - 100.0).abs() < 1e-9, "{}", pct(&toggling));
    // One change: 1.2 of 20 when newest, 0.8 when oldest.
    let mut newest = vec![O; 20];
    newest.push(C);
    assert!((pct(&newest) - 6.0).abs() < 1e-9);
    let mut oldest = vec![O];
    oldest.extend([C; 20]);
    assert!((pct(&oldest) - 4.0).abs() < 1e-9);
    // Only the last 21 count; fewer are the newest of a quiet window.
    let mut long = toggling.clone();
    long.extend([C; 21]);
    assert_eq!(pct(&long), 0.0);
    assert!((pct(&[O, C]) - 6.0).abs() < 1e-9);
    assert_eq!(pct(&[C]), 0.0);
}

#[test]
fn issue30_a_steady_monitor_keeps_its_row_unchanged_so_it_is_never_rewritten() {
    let steady = after(&[O; 30]);
    assert_eq!(next(Some(&steady), O), steady);
    let down = after(&[O, O, C, C, C]);
    assert_eq!((down.worst, down.last), (C, C));
    // Back to ok: the worst is kept while the change is in the window.
    let mut calm = after(&[O, C, O]);
    assert_eq!(calm.worst, C);
    for _ in 0..20 {
        calm = next(Some(&calm), O);
    }
    assert_eq!((calm.changes, calm.worst), (0, O));
    assert_eq!(next(Some(&calm), O), calm);
}

#[test]
fn issue30_flapping_starts_at_high_and_ends_only_below_low() {
    let l = limits();
    assert_eq!(decide(false, 49.9, l), Change::Quiet);
    assert_eq!(decide(false, 50.0, l), Change::Started);
    assert_eq!(decide(true, 30.0, l), Change::Flapping, "between the two: it stays as it was");
    assert_eq!(decide(false, 30.0, l), Change::Quiet);
    assert_eq!(decide(true, 24.9, l), Change::Ended);
    assert!(Change::Flapping.holds_back(C) && Change::Started.holds_back(O));
    assert!(Change::Ended.holds_back(O), "settled ok: the resolve comes from the flap's announcement");
    assert!(!Change::Ended.holds_back(C) && !Change::Quiet.holds_back(C));
}
