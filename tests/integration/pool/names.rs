//! Every subcommand that takes a monitor's name, given a pool (`api`),
//! an instance (`api@2`) or an instance the pool does not have (`api@0`,
//! `api@1001`, `api@x`): it works, or says in one line what to type
//! instead, with its documented exit code. Never a panic, never silence.

use super::pool;
use crate::common::Test;

#[test]
fn issue29_every_name_taking_subcommand_tells_pools_instances_and_strays_apart() {
    let t = Test::new();
    // Never started: nothing runs, nothing is acted on.
    let config = pool("hm-test-pool-names", 3, "").replace("start = ", "# start = ");
    let t = t.config(&config);
    t.run(&["check"]).code(2);

    let out_of_range = "pool `api` has 3 instances (api@1 … api@3)";
    for stray in ["api@0", "api@1001", "api@x"] {
        let want = format!("hm: error: no monitor named `{stray}`: {out_of_range}");
        let out = t.run(&["check", stray]);
        out.code(3);
        assert_eq!(out.one_line_error(), want);
        for args in [
            &["heal", stray][..],
            &["history", stray],
            &["why", stray],
            &["restart-worker", stray],
            &["stop-worker", stray],
            &["start-worker", stray],
            &["monitor", "pause", stray],
            &["monitor", "resume", stray],
        ] {
            let out = t.run(args);
            let code = if args[0] == "heal" { 3 } else { 1 };
            out.code(code);
            assert_eq!(out.one_line_error(), want, "{args:?}");
        }
    }

    // The pool where one instance is needed: which to name.
    let out = t.run(&["history", "api"]);
    out.code(1);
    assert_eq!(
        out.one_line_error(),
        "hm: error: `api` is a pool of 3 (api@1 … api@3): name one instance, e.g. `api@1`"
    );
    // Where the pool makes sense, it is each instance.
    t.run(&["why", "api"]).code(0);
    let doc = t.run(&["check", "api", "--json"]).json();
    assert_eq!(doc["results"].as_array().map(Vec::len), Some(3), "{doc:#}");
    assert_eq!(doc["pools"][0]["down"], serde_json::json!(["api@1", "api@2", "api@3"]));
    // An instance alone is its own row, not a pool of one.
    let out = t.run(&["check", "api@2"]);
    out.code(2);
    assert!(out.stdout.contains("api@2") && !out.stdout.contains("1 of 1"), "{}", out.stdout);
    t.run(&["history", "api@2"]).code(0);
    let out = t.run(&["stop-worker", "api"]);
    out.code(1);
    assert!(
        out.one_line_error().contains("pool `api`: monitor `api@1` cannot be restarted: add start ="),
        "{}",
        out.stderr
    );
    let out = t.run(&["monitor", "pause", "api", "--for", "1h"]);
    out.code(0);
    assert!(out.stdout.contains("api: pause done on 3 of 3 instances"), "{}", out.stdout);
    t.run(&["monitor", "resume", "api@2"]).code(0);

    // Silencing: the pool has one alert, under its name.
    let out = t.run(&["alerts", "silence", "api@2", "--for", "1h"]);
    out.code(1);
    assert!(
        out.one_line_error().contains("`api@2` is an instance of pool `api`, whose alert is one"),
        "{}",
        out.stderr
    );
    t.run(&["alerts", "silence", "api", "--for", "1h"]).code(0);

    // Editing: an instance is no table; its pool's `instances` is.
    for args in [&["monitor", "remove", "api@2"][..], &["remove", "api@2"]] {
        let out = t.run(args);
        out.code(1);
        let err = out.one_line_error();
        assert!(
            err.contains(
                "`api@2` is an instance of pool `api` (instances = 3), not a [[monitor]] of its own: lower `instances`"
            ),
            "{err}"
        );
    }
    assert_eq!(std::fs::read_to_string(t.config_path()).expect("config"), config, "the file is untouched");

    // Completion offers the pool and each instance.
    let names = t.run(&["__names", "monitors"]);
    let names: Vec<&str> = names.stdout.lines().collect();
    assert_eq!(names, ["api", "api@1", "api@2", "api@3"]);
}

#[test]
fn issue29_stop_and_start_a_whole_pool_by_its_name() {
    let prefix = "hm-test-pool-stopall";
    let _r = super::Reap(prefix);
    let t = Test::new().config(&pool(prefix, 3, ""));
    t.run(&["heal"]);
    assert!(super::within(std::time::Duration::from_secs(10), || super::exactly(prefix, 3)));

    let out = t.run(&["stop-worker", "api"]);
    out.code(0);
    assert!(out.stdout.contains("api: stop-worker done on 3 of 3 instances"), "{}", out.stdout);
    assert!(super::pids(prefix).is_empty(), "{:?}", super::pids(prefix));
    // Before any check: what status shows is the hold, not the last check's "1 running".
    let doc = t.run(&["status", "--json"]).json();
    for m in doc["monitors"].as_array().expect("monitors") {
        assert!(m["message"].as_str().is_some_and(|s| s.starts_with("not checked since: stopped by")), "{m:#}");
    }
    // Checked: nothing alerts, and the pool's row counts them stopped, not running.
    let out = t.run(&["check"]);
    out.code(0);
    assert!(out.stdout.contains("api: 0 of 3 running, 3 stopped on purpose"), "{}", out.stdout);
    t.run(&["heal"]).code(0);
    assert!(super::pids(prefix).is_empty(), "a heal started a stopped instance");

    let out = t.run(&["start-worker", "api", "--json"]);
    out.code(0);
    let doc = out.json();
    assert_eq!((doc["pool"].as_str(), doc["failed"].as_array().map(Vec::len)), (Some("api"), Some(0)), "{doc:#}");
    assert!(super::exactly(prefix, 3), "{:?}", super::pids(prefix));
}
