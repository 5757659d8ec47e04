//! `hm restart-worker POOL`: a rolling restart, each instance verified
//! before the next; the first that fails stops the roll, named, exit 1.

use super::{Reap, exactly, pids, pool, within};
use crate::common::Test;
use std::time::Duration;

#[test]
fn issue29_a_rolling_restart_stops_at_the_instance_that_fails() {
    let prefix = "hm-test-pool-roll";
    let _r = Reap(prefix);
    let t = Test::new();
    // An instance whose `broken-i` file exists fails to start.
    let guard = format!("test -e {}/broken-{{i}} && exit 1; ", t.root().display());
    let config = pool(prefix, 5, "").replace("[\"bash\", \"-c\", \"", &format!("[\"bash\", \"-c\", \"{guard}"));
    let t = t.config(&config);
    t.run(&["heal"]);
    assert!(within(Duration::from_secs(10), || exactly(prefix, 5)), "{:?}", pids(prefix));
    let before = pids(prefix);

    // All well: each restarted once, in order.
    let out = t.run(&["restart-worker", "api", "--json"]);
    out.code(0);
    let doc = out.json();
    let order: Vec<&str> =
        doc["restarts"].as_array().expect("restarts").iter().filter_map(|r| r["monitor"].as_str()).collect();
    assert_eq!(order, ["api@1", "api@2", "api@3", "api@4", "api@5"], "{doc:#}");
    let middle = pids(prefix);
    assert!((1..=5).all(|i| middle[&i] != before[&i]), "{before:?} {middle:?}");

    // api@3 cannot start: the roll stops there; 4 and 5 are not touched.
    std::fs::write(t.path("broken-3"), "").expect("broken");
    let out = t.run(&["restart-worker", "api", "--parallel", "1"]);
    out.code(1);
    assert!(out.stdout.contains("rolling restart stopped: api@3 failed"), "{}", out.stdout);
    assert!(out.stdout.contains("not restarted: api@4, api@5"), "{}", out.stdout);
    let after = pids(prefix);
    assert!(after[&1] != middle[&1] && after[&2] != middle[&2], "{middle:?} {after:?}");
    assert!(!after.contains_key(&3), "{after:?}");
    assert_eq!((after[&4].clone(), after[&5].clone()), (middle[&4].clone(), middle[&5].clone()));

    // One instance alone, by its name; the others untouched.
    std::fs::remove_file(t.path("broken-3")).expect("fix");
    t.run(&["restart-worker", "api@3"]).code(0);
    let last = pids(prefix);
    assert!(last.contains_key(&3));
    assert_eq!(last[&4], after[&4]);
    // `--parallel 2`: in pairs, all verified.
    let doc = t.run(&["restart-worker", "api", "--parallel", "2", "--json"]).json();
    assert_eq!(doc["parallel"], 2);
    assert_eq!(doc["failed"], serde_json::Value::Null, "{doc:#}");
}
