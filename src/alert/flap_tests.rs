use super::*;
use Status::{Critical as C, Ok as O};

fn limits() -> FlapLimits {
    FlapLimits::default()
}

#[test]
fn issue30_the_percent_weighs_newer_changes_more_as_nagios_does() {
    // No change, no percent; every one of 20 transitions a change: 100%.
    assert_eq!(percent(&[O; 21]), 0.0);
    let toggling: Vec<Status> = (0..21).map(|i| if i % 2 == 0 { O } else { C }).collect();
    assert!((percent(&toggling) - 100.0).abs() < 1e-9, "{}", percent(&toggling));
    // One change: 1.2 of 20 when newest, 0.8 when oldest.
    let mut newest = vec![O; 20];
    newest.push(C);
    assert!((percent(&newest) - 6.0).abs() < 1e-9);
    let mut oldest = vec![O];
    oldest.extend([C; 20]);
    assert!((percent(&oldest) - 4.0).abs() < 1e-9);
    // Only the last 21 count; fewer are the newest of a quiet window.
    let mut long = toggling.clone();
    long.extend([C; 21]);
    assert_eq!(percent(&long), 0.0);
    assert!((percent(&[O, C]) - 6.0).abs() < 1e-9);
    assert_eq!(percent(&[]), 0.0);
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
