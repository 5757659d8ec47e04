//! The actions table across the `target` migration: rows an hm of the
//! previous schema wrote read back typed, and an unstick's session, once
//! only the start of its details, is its `target`.

use super::super::{MIGRATIONS, Store};
use super::{ActionKind, ActionOutcome, ActionRow, RestartsBy};

/// A database at the schema before `target`, with the rows that hm wrote.
fn previous_schema(path: &std::path::Path) {
    let c = rusqlite::Connection::open(path).expect("open");
    let before = MIGRATIONS.iter().position(|m| m.contains("ADD COLUMN target TEXT")).expect("the target migration");
    for sql in &MIGRATIONS[..before] {
        c.execute_batch(sql).expect("old schema");
    }
    c.pragma_update(None, "user_version", i64::try_from(before).expect("small")).expect("version");
    c.execute_batch(
        "INSERT INTO actions (ts, monitor, action, outcome, details, targets, manual, pid, finished_at) VALUES
           (100.0, 'api', 'restart', 'ok', 'started; running: [7]', 'start /srv/api', 0, 41, 101.0),
           (110.0, 'agents', 'unstick', 'failed', 'build-1: sent Enter; still no output', 'session build-1: send Enter', 0, 42, 111.0),
           (120.0, 'agents', 'unstick', 'gave up', 'build-1: 3 tries within 1h', '', 0, 42, 120.0),
           (130.0, 'agents', 'unstick', 'ok', 'web: sent Enter; printed', 'session web: send Enter', 0, 43, 131.0),
           (140.0, 'disk', 'clean-disk', 'partial', 'deleted 3 files, freed 1.0 KiB', '/var/log', 0, 44, 141.0),
           (150.0, 'db', 'clear-locks', 'pending', '', 'checkpoint /srv/app.db', 0, 45, NULL),
           (160.0, 'api', 'reset', 'ok', 'restart budget reset by an operator', '', 0, 46, 160.0),
           (170.0, 'api', 'reboot', 'half done', 'a newer hm''s words', '', 0, 47, 171.0);",
    )
    .expect("old rows");
}

#[test]
fn issue27_rows_of_the_previous_schema_migrate_and_read_back_typed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("hm.db");
    previous_schema(&path);
    let s = Store::open(&path).expect("migrated");
    let rows = s.actions_since(0.0).expect("actions");
    let read: Vec<(ActionKind, ActionOutcome, Option<&str>)> =
        rows.iter().map(|r| (r.action.clone(), r.outcome.clone(), r.target.as_deref())).collect();
    use ActionKind as K;
    use ActionOutcome as O;
    assert_eq!(
        read,
        vec![
            (K::Restart, O::Ok, None),
            (K::Unstick, O::Failed, Some("build-1")),
            (K::Unstick, O::GaveUp, Some("build-1")),
            (K::Unstick, O::Ok, Some("web")),
            (K::CleanDisk, O::Partial, None),
            (K::ClearLocks, O::Pending, None),
            (K::Reset, O::Ok, None),
            (K::Unknown("reboot".into()), O::Unknown("half done".into()), None),
        ]
    );
    // The words are stored as they were: nothing was rewritten.
    let words: Vec<(String, String)> = s
        .conn
        .prepare("SELECT action, outcome FROM actions ORDER BY ts")
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    assert_eq!(words[2], ("unstick".to_string(), "gave up".to_string()));
    // The reset still bounds the budget it resets.
    assert!(s.restarts_since("api", 0.0, RestartsBy::Hm).expect("restarts").is_empty());
}

#[test]
fn issue27_an_action_is_written_with_its_words_and_target() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = Store::open(&dir.path().join("hm.db")).expect("open");
    let row = ActionRow {
        target: Some("build-1".into()),
        details: "build-1: sending Enter".into(),
        ..ActionRow::new(10.0, "agents", ActionKind::Unstick)
    };
    let ids = s.begin_actions(&[row]).expect("intent");
    s.finish_action(ids[0], &ActionOutcome::GaveUp, "build-1: spent", 11.0).expect("finish");
    let raw: (String, String, Option<String>) = s
        .conn
        .query_row("SELECT action, outcome, target FROM actions", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("raw");
    assert_eq!(raw, ("unstick".into(), "gave up".into(), Some("build-1".into())));
    let back = s.attempts_since("agents", &ActionKind::Unstick, 0.0).expect("attempts");
    assert_eq!((back[0].target.as_deref(), &back[0].outcome), (Some("build-1"), &ActionOutcome::GaveUp));
}

#[test]
fn issue29_restarts_of_many_monitors_at_once_are_each_ones_restarts_since() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = Store::open(&dir.path().join("hm.db")).expect("open");
    let row = |ts: f64, monitor: &str, action: ActionKind, manual: bool| {
        let mut r = ActionRow::new(ts, monitor, action);
        r.manual = manual;
        s.record_action(&r).expect("row");
    };
    for (ts, m) in [(100.0, "api@1"), (200.0, "api@1"), (300.0, "api@1"), (150.0, "api@2"), (250.0, "api@2")] {
        row(ts, m, ActionKind::Restart, false);
    }
    row(260.0, "api@1", ActionKind::Restart, true); // by a person
    row(220.0, "api@2", ActionKind::Reset, false); // budget reset: earlier restarts no longer count
    row(240.0, "web", ActionKind::Restart, false); // not asked about
    row(120.0, "api@3", ActionKind::Unstick, false); // not a restart
    let since = std::collections::HashMap::from([("api@1", 150.0), ("api@2", 0.0), ("api@3", 0.0), ("db", 50.0)]);
    for by in [RestartsBy::Hm, RestartsBy::Anyone] {
        let many = s.restarts_of_many(&since, by).expect("many");
        assert_eq!(many.len(), since.len(), "one history per monitor asked about");
        for (m, &from) in &since {
            assert_eq!(many[*m], s.restarts_since(m, from, by).expect("one"), "{m}, {by:?}");
        }
    }
    let many = s.restarts_of_many(&since, RestartsBy::Hm).expect("many");
    assert_eq!((many["api@1"].as_slice(), many["api@2"].as_slice()), (&[200.0, 300.0][..], &[250.0][..]));
}
