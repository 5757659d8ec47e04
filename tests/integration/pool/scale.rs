//! A SIGHUP that lowers a pool's `instances` stops the instances above
//! it (recorded in `hm actions`); one that raises it starts the new ones.

use super::{Reap, exactly, pids, pool, within};
use crate::common::Test;
use crate::common::daemon::Daemon;
use nix::sys::signal::Signal;
use std::time::Duration;

#[test]
fn issue29_sighup_scales_a_pool_from_12_to_8_and_back() {
    let prefix = "hm-test-pool-scale";
    let _r = Reap(prefix);
    let t = Test::new().config(&pool(prefix, 12, ""));
    let hm = Daemon::start(&t, &["run", "--heal", "--interval", "30s", "--json"]);
    assert!(within(Duration::from_secs(20), || exactly(prefix, 12)), "{}\n{}", hm.stdout(), hm.stderr());
    let twelve = pids(prefix);

    std::fs::write(t.config_path(), pool(prefix, 8, "")).expect("config");
    hm.signal(Signal::SIGHUP);
    let eight = within(Duration::from_secs(10), || exactly(prefix, 8));
    assert!(eight, "{:?}\n{}\n{}", pids(prefix), hm.stdout(), hm.stderr());
    let now = pids(prefix);
    assert!((1..=8).all(|i| now[&i] == twelve[&i]), "the kept instances were touched: {twelve:?} {now:?}");
    let stopped = || {
        let actions = t.run(&["actions", "--json"]).json();
        let mut stopped: Vec<String> = actions["actions"]
            .as_array()
            .expect("actions")
            .iter()
            .filter(|a| a["action"] == "scale-down" && a["outcome"] == "ok")
            .filter_map(|a| a["monitor"].as_str().map(String::from))
            .collect();
        stopped.sort_unstable();
        stopped
    };
    let recorded = within(Duration::from_secs(5), || stopped() == ["api@10", "api@11", "api@12", "api@9"]);
    assert!(recorded, "{:?}\n{}", stopped(), hm.stderr());
    // Stopped, not restarted by the next cycles.
    std::thread::sleep(Duration::from_millis(500));
    assert!(exactly(prefix, 8), "{:?}", pids(prefix));

    std::fs::write(t.config_path(), pool(prefix, 12, "")).expect("config");
    hm.signal(Signal::SIGHUP);
    let back = within(Duration::from_secs(10), || exactly(prefix, 12));
    assert!(back, "{:?}\n{}\n{}", pids(prefix), hm.stdout(), hm.stderr());
    let last = pids(prefix);
    assert!((1..=8).all(|i| last[&i] == twelve[&i]), "{twelve:?} {last:?}");
}
