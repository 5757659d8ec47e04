use super::*;

const W: Status = Status::Warning;
const C: Status = Status::Critical;
const OK: Status = Status::Ok;

fn policy(for_checks: u32) -> Policy {
    Policy { for_checks, cooldown: Duration::from_secs(300), silenced: false }
}

/// Feed a series of (time, status) checks; return the alert after each and
/// every event kind, in order.
fn run(p: &Policy, checks: &[(f64, Status)]) -> (Option<Alert>, Vec<(f64, EventKind, Status)>) {
    let mut alert: Option<Alert> = None;
    let mut events = Vec::new();
    for &(t, s) in checks {
        let step = step(alert.as_ref(), "web", "process", s, "msg", t, p);
        events.extend(step.events.iter().map(|e| (t, e.kind, e.severity)));
        alert = match step.next {
            Next::Keep(a) if a.state == AlertState::Resolved => None,
            Next::Keep(mut a) => {
                a.id = 7;
                Some(a)
            }
            Next::Nothing | Next::Drop(_) => None,
        };
    }
    (alert, events)
}

#[test]
fn fires_after_exactly_for_checks_in_a_row() {
    let (a, ev) = run(&policy(3), &[(0.0, C), (60.0, C)]);
    assert_eq!(a.as_ref().map(|a| a.state), Some(AlertState::Pending));
    assert!(ev.is_empty());
    let (a, ev) = run(&policy(3), &[(0.0, C), (60.0, C), (120.0, C)]);
    assert_eq!(a.map(|a| a.state), Some(AlertState::Firing));
    assert_eq!(ev, vec![(120.0, EventKind::Firing, C)]);
}

#[test]
fn for_one_fires_at_the_first_failure() {
    let (_, ev) = run(&policy(1), &[(0.0, W)]);
    assert_eq!(ev, vec![(0.0, EventKind::Firing, W)]);
}

#[test]
fn an_ok_in_between_restarts_the_streak_and_says_nothing() {
    let (a, ev) = run(&policy(2), &[(0.0, C), (60.0, OK), (120.0, C), (180.0, OK)]);
    assert!(a.is_none());
    assert!(ev.is_empty(), "a pending alert that never fired is never notified: {ev:?}");
}

#[test]
fn repeats_only_after_the_cooldown_and_refreshes_in_between() {
    let checks: Vec<(f64, Status)> = (0..8).map(|i| (f64::from(i) * 60.0, C)).collect();
    let (_, ev) = run(&policy(2), &checks);
    let kinds: Vec<(f64, EventKind)> = ev.iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(
        kinds,
        vec![
            (60.0, EventKind::Firing),
            (120.0, EventKind::Refresh),
            (180.0, EventKind::Refresh),
            (240.0, EventKind::Refresh),
            (300.0, EventKind::Refresh),
            (360.0, EventKind::Repeat), // 300 s after the firing at 60
            (420.0, EventKind::Refresh),
        ]
    );
}

#[test]
fn a_new_severity_is_sent_at_once_whatever_the_cooldown() {
    let (a, ev) = run(&policy(2), &[(0.0, W), (60.0, W), (90.0, C)]);
    assert_eq!(ev, vec![(60.0, EventKind::Firing, W), (90.0, EventKind::Changed, C)]);
    assert_eq!(a.map(|a| a.severity), Some(C));
    let mut p = policy(2);
    p.cooldown = Duration::from_secs(3600);
    let alert = run(&p, &[(0.0, W), (60.0, W), (90.0, C)]).0;
    let s = step(alert.as_ref(), "web", "process", W, "better", 120.0, &p);
    assert_eq!(s.events, vec![Event { kind: EventKind::Changed, severity: W, previous: Some(C) }]);
}

#[test]
fn resolves_on_the_first_ok_with_the_last_severity() {
    let (a, ev) = run(&policy(2), &[(0.0, C), (60.0, C), (120.0, OK)]);
    assert!(a.is_none());
    assert_eq!(ev, vec![(60.0, EventKind::Firing, C), (120.0, EventKind::Resolved, C)]);
}

#[test]
fn the_resolved_alert_keeps_its_history() {
    let alert = run(&policy(1), &[(10.0, C)]).0;
    let s = step(alert.as_ref(), "web", "process", OK, "fine", 70.0, &policy(1));
    let Next::Keep(a) = s.next else { panic!("expected the resolved alert, got {:?}", s.next) };
    assert_eq!(
        (a.state, a.started_at, a.fired_at, a.resolved_at),
        (AlertState::Resolved, 10.0, Some(10.0), Some(70.0))
    );
    assert_eq!(a.id, 7);
}

#[test]
fn silenced_monitors_are_tracked_but_not_notified() {
    let mut p = policy(2);
    p.silenced = true;
    let (a, ev) = run(&p, &[(0.0, C), (60.0, C), (400.0, C), (460.0, W)]);
    assert!(ev.is_empty(), "{ev:?}");
    let a = a.expect("still firing");
    assert_eq!((a.state, a.severity, a.last_sent_at), (AlertState::Firing, W, None));
    // Silenced from the start: nobody was told, so nobody is told it resolved.
    let s = step(Some(&a), "web", "process", OK, "fine", 500.0, &p);
    assert!(s.events.is_empty());
    // The silence ends while it still fires: it is notified as firing now.
    let s = step(Some(&a), "web", "process", W, "still", 500.0, &policy(2));
    assert_eq!(s.events, vec![Event { kind: EventKind::Firing, severity: W, previous: None }]);
}

#[test]
fn a_resolve_goes_out_under_a_silence_if_the_firing_did() {
    let alert = run(&policy(1), &[(0.0, C)]).0;
    let mut p = policy(1);
    p.silenced = true;
    let s = step(alert.as_ref(), "web", "process", OK, "fine", 60.0, &p);
    assert_eq!(s.events, vec![Event { kind: EventKind::Resolved, severity: C, previous: None }]);
}

#[test]
fn an_ack_stops_repeats_until_it_gets_worse() {
    let mut alert = run(&policy(1), &[(0.0, W)]).0.expect("firing");
    alert.acked = true;
    let s = step(Some(&alert), "web", "process", W, "m", 1000.0, &policy(1));
    assert_eq!(s.events.iter().map(|e| e.kind).collect::<Vec<_>>(), vec![EventKind::Refresh]);
    let s = step(Some(&alert), "web", "process", C, "m", 1000.0, &policy(1));
    assert_eq!(s.events.iter().map(|e| e.kind).collect::<Vec<_>>(), vec![EventKind::Changed]);
    let Next::Keep(a) = s.next else { panic!() };
    assert!(!a.acked, "a worse severity clears the ack");
}

#[test]
fn unknown_is_an_alert_severity_like_any_other() {
    let (_, ev) = run(&policy(2), &[(0.0, Status::Unknown), (60.0, Status::Unknown)]);
    assert_eq!(ev, vec![(60.0, EventKind::Firing, Status::Unknown)]);
}
