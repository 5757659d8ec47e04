//! A pool instance's history: a row when its status or message changes
//! (a death, a restart), otherwise one every five minutes; its latest
//! check is still what `hm status` shows. Other monitors keep a row per
//! check.

use super::{Reap, pool};
use crate::common::{Test, Worker};

fn rows(t: &Test, monitor: &str) -> i64 {
    let db = rusqlite::Connection::open(t.db_path()).expect("open db");
    db.query_row("SELECT count(*) FROM checks WHERE monitor = ?1", [monitor], |r| r.get(0)).expect("count")
}

#[test]
fn issue29_an_unchanged_instance_is_kept_as_its_latest_not_as_a_history_row_per_check() {
    let prefix = "hm-test-pool-hist";
    let _r = Reap(prefix);
    let plain = format!("\n[[monitor]]\nname = \"plain\"\nkind = \"process\"\npattern = \"^{prefix}-1 \"\n");
    let t = Test::new().config(&(pool(prefix, 2, "") + &plain));
    let one = Worker::spawn(&format!("{prefix}-1"));
    let mut two = Worker::spawn(&format!("{prefix}-2"));
    for _ in 0..3 {
        t.run(&["check"]).code(0);
    }
    // Three checks within seconds: each instance's first, then nothing
    // new (its phase in the period may fall between two of them: one more).
    for name in ["api@1", "api@2"] {
        assert!((1..=2).contains(&rows(&t, name)), "{name}: {} rows", rows(&t, name));
    }
    assert_eq!(rows(&t, "plain"), 3, "a monitor outside a pool: a row per check");
    let before = rows(&t, "api@2");
    let status = t.run(&["status", "--all", "--json"]).json();
    let checked = |doc: &serde_json::Value, name: &str| {
        doc["monitors"].as_array().expect("monitors").iter().find(|m| m["monitor"] == name).cloned().expect(name)
    };
    let last = t.run(&["check", "--json"]).json();
    let again = t.run(&["status", "--all", "--json"]).json();
    assert_ne!(
        checked(&status, "api@2")["checked_at"],
        checked(&again, "api@2")["checked_at"],
        "the latest check's time"
    );
    assert_eq!(checked(&again, "api@2")["message"], format!("1 running (pid {})", two.pid()), "{again:#}");
    assert_eq!(last["status"], "ok");

    // A death is a change: written at once, and so is the return.
    two.kill();
    t.run(&["check"]).code(2);
    assert!(rows(&t, "api@2") > before, "the death is in history");
    let db = rusqlite::Connection::open(t.db_path()).expect("open db");
    let last: String = db
        .query_row("SELECT status FROM checks WHERE monitor = 'api@2' ORDER BY ts DESC LIMIT 1", [], |r| r.get(0))
        .expect("last row");
    assert_eq!(last, "critical");
    let history = t.run(&["history", "api@2", "--json"]).json();
    let count = history["series"].as_array().expect("series").iter().find(|s| s["metric"] == "count").cloned();
    assert_eq!(count.map(|c| c["last"].clone()), Some(serde_json::json!(0.0)), "{history:#}");
    drop(one);
}
