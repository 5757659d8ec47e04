//! A dead instance is restarted alone: the other instances' workers are
//! never touched.

use super::{Reap, exactly, kill9, pids, pool, within};
use crate::common::Test;
use crate::common::daemon::Daemon;
use std::time::Duration;

#[test]
fn issue29_killing_one_instance_of_a_pool_of_12_restarts_it_alone() {
    let prefix = "hm-test-pool-kill";
    let _r = Reap(prefix);
    let t = Test::new().config(&pool(prefix, 12, ""));
    let hm = Daemon::start(&t, &["run", "--heal", "--interval", "30s", "--json"]);
    assert!(within(Duration::from_secs(20), || exactly(prefix, 12)), "{}\n{}", hm.stdout(), hm.stderr());
    // Every restart verified, so the watch holds the new pids.
    hm.wait_for(Duration::from_secs(10), "12 verified", |out, _| out.matches("\"restarted\"").count() >= 12);
    // Past twice restart_delay since its start: a kill sooner is backed off first.
    std::thread::sleep(Duration::from_millis(300));
    let before = pids(prefix);
    let seven = before[&7].clone();
    kill9(&seven);
    let back =
        within(Duration::from_secs(2), || pids(prefix).get(&7).is_some_and(|p| p.iter().all(|p| !seven.contains(p))));
    assert!(back, "api@7 not running again\n{}\n{}", hm.stdout(), hm.stderr());
    hm.wait_for(Duration::from_secs(5), "13 verified", |out, _| out.matches("\"restarted\"").count() >= 13);
    let after = pids(prefix);
    for i in (1..=12).filter(|i| *i != 7) {
        assert_eq!(before[&i], after[&i], "api@{i} was touched");
    }
    let actions = t.run(&["actions", "--json"]).json();
    let restarts: Vec<&str> =
        actions["actions"].as_array().expect("actions").iter().filter_map(|a| a["monitor"].as_str()).collect();
    assert_eq!(restarts.iter().filter(|m| **m == "api@7").count(), 2, "{actions:#}");
    assert_eq!(restarts.len(), 13, "{actions:#}");
    // Its history and status row are its own.
    let status = t.run(&["status", "--json"]).json();
    assert!(status.to_string().contains("\"api@7\""), "{status:#}");
}
