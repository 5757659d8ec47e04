//! `hm status`: the latest recorded state of each monitor.

use crate::common::Test;

#[test]
fn never_checked_monitors_are_unknown() {
    let t = Test::new();
    let out = t.run(&["status", "--json"]);
    out.code(3);
    let doc = out.json();
    assert_eq!(doc["status"], "unknown");
    assert_eq!(doc["monitors"][0]["message"], "never checked");
    assert!(doc["summary"].as_str().expect("summary").starts_with("nothing recorded yet"), "{doc}");
}

#[test]
fn status_reports_the_latest_check_and_how_long_it_has_held() {
    let t = Test::new().config("host_defaults = false\n\n[[monitor]]\nname = \"job\"\nkind = \"heartbeat\"\n");
    t.run(&["check"]).code(2);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    t.run(&["check"]).code(2);
    let out = t.run(&["status", "--json"]);
    out.code(2);
    let doc = out.json();
    let job = &doc["monitors"][0];
    assert_eq!(job["status"], "critical");
    assert!(job["for_s"].as_f64().expect("for_s") >= 1.0, "critical since the first check: {job}");
    assert!(job["age_s"].as_f64().expect("age_s") < 1.0, "{job}");
    t.run(&["ping", "job"]).code(0);
    t.run(&["check"]).code(0);
    let doc = t.run(&["status", "--json"]).json();
    assert_eq!(doc["monitors"][0]["status"], "ok");
    assert!(doc["monitors"][0]["for_s"].as_f64().expect("for_s") < 1.0);
    assert_eq!(doc["summary"], "1 ok");
    let text = t.run(&["status"]);
    text.code(0);
    assert!(text.stdout.contains("OK: 1 ok"), "{}", text.stdout);
}

#[test]
fn issue16_reading_commands_create_no_database() {
    let t = Test::new().config("host_defaults = false\n\n[[monitor]]\nname = \"l\"\nkind = \"load\"\n");
    let out = t.run(&["status"]);
    out.code(3);
    assert!(out.stdout.contains("nothing recorded yet"), "{}", out.stdout);
    for args in [
        &["status", "--json"][..],
        &["export"],
        &["export", "--format", "nagios"],
        &["history", "l"],
        &["actions"],
        &["alerts"],
        &["alerts", "outbox"],
    ] {
        let out = t.run(args);
        assert!(out.code == 0 || out.code == 3, "{args:?}: {out:?}");
        assert!(!out.stderr.contains("error"), "{args:?}: {out:?}");
    }
    let state = t.db_path().parent().expect("dir").to_path_buf();
    let left: Vec<_> =
        std::fs::read_dir(&state).map(|d| d.flatten().map(|e| e.file_name()).collect()).unwrap_or_default();
    assert!(left.is_empty(), "reading created {left:?} in {}", state.display());
    // Once something is recorded, status reads it.
    t.run(&["check"]);
    assert!(t.db_path().exists());
    let doc = t.run(&["status", "--json"]).json();
    assert_ne!(doc["monitors"][0]["message"], "never checked", "{doc}");
}
