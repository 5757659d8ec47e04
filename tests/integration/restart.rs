//! `hm restart-worker` with real processes: killed workers come back, a
//! worker that cannot start uses up its automatic budget and hm gives up,
//! while a person's restart is neither held back nor counted (issue 26).

use crate::common::renamed::renamed;
use crate::common::{Test, Worker};

fn kill(pids: &serde_json::Value) {
    for pid in pids.as_array().into_iter().flatten().filter_map(|p| p.as_i64()) {
        let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid as i32), nix::sys::signal::Signal::SIGKILL);
    }
}

#[test]
fn a_killed_worker_is_started_again_and_outlives_hm() {
    let t = Test::new();
    let log = t.path("worker.log");
    let (start, pattern) = renamed("hm-test-rw-api ", "hm-test-rw-api serve", "echo starting; ", "sleep 600");
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"{pattern}\"\n\
         start = {start}\nrestart_delay = \"300ms\"\nlog = \"{}\"\n",
        log.display()
    ));
    let mut first = Worker::spawn("hm-test-rw-api serve");
    let old = first.pid();
    let dry = t.run(&["restart-worker", "api", "--dry-run", "--json"]);
    dry.code(0);
    assert_eq!(dry.json()["outcome"], "would restart");
    assert_eq!(dry.json()["old_pids"][0], old);

    let out = t.run(&["restart-worker", "api", "--json"]);
    let doc = out.json();
    kill(&doc["new_pids"]);
    out.code(0);
    assert_eq!(doc["outcome"], "restarted", "{doc:#}");
    assert_ne!(doc["new_pids"][0], old);
    let _ = first.0.wait();
    assert!(doc["steps"][0].as_str().expect("step").contains(&format!("pid {old}")), "{doc:#}");
    assert_eq!(std::fs::read_to_string(&log).expect("log"), "starting\n");

    let new = doc["new_pids"][0].as_i64().expect("pid");
    assert!(std::path::Path::new(&format!("/proc/{new}")).exists(), "the worker outlives hm");

    // Killed with SIGKILL behind hm's back: brought back.
    let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(new as i32), nix::sys::signal::Signal::SIGKILL);
    std::thread::sleep(std::time::Duration::from_millis(100));
    t.run(&["check", "api"]).code(2);
    let out = t.run(&["restart-worker", "api", "--json"]);
    let doc = out.json();
    kill(&doc["new_pids"]);
    out.code(0);
    assert_eq!(doc["old_pids"].as_array().map(Vec::len), Some(0), "{doc:#}");
    assert_eq!(doc["new_pids"].as_array().map(Vec::len), Some(1), "{doc:#}");

    let actions = t.run(&["actions", "--json"]).json();
    let outcomes: Vec<&str> =
        actions["actions"].as_array().expect("a").iter().filter_map(|a| a["outcome"].as_str()).collect();
    assert_eq!(outcomes, ["ok", "ok"]);
    let status = t.run(&["status", "--json"]).json();
    assert_eq!(status["recent_actions"][1]["action"], "restart", "{status:#}");
    assert!(t.run(&["status"]).stdout.contains("recent actions:"));
}

#[test]
fn a_worker_that_dies_at_once_spends_its_budget_and_hm_gives_up() {
    let t = Test::new().config(
        "host_defaults = false\n\n[[monitor]]\nname = \"crashy\"\nkind = \"process\"\npattern = \"^hm-test-never-runs\"\n\
         start = [\"false\"]\nrestart_delay = \"100ms\"\nmax_restarts = 2\n",
    );
    let heal = |t: &Test| {
        let doc = t.run(&["heal", "--json"]).json();
        let r = doc["remedies"][0].clone();
        (r["outcome"].as_str().unwrap_or_default().to_string(), r["details"].as_str().unwrap_or_default().to_string())
    };
    for _ in 0..2 {
        assert_eq!(heal(&t).0, "failed");
        // Past the backoff (100 ms, doubled per restart in the window).
        std::thread::sleep(std::time::Duration::from_millis(450));
    }
    let (outcome, details) = heal(&t);
    assert_eq!(outcome, "gave up");
    assert!(details.starts_with("crash loop: 2 restarts in 30m; next automatic restart in "), "{details}");
    let rows = |t: &Test| t.run(&["actions", "--json"]).json()["actions"].as_array().expect("actions").clone();
    let count = |t: &Test| rows(t).iter().filter(|a| a["action"] == "restart").count();
    assert_eq!(count(&t), 2, "no attempt once the budget is spent");
    // A person's restart is not held back by the automatic budget, and
    // does not use it up: recorded as manual.
    let out = t.run(&["restart-worker", "crashy", "--json"]);
    out.code(1);
    assert_eq!(out.json()["outcome"], "failed");
    assert_eq!(out.json()["manual"], true);
    assert_eq!(count(&t), 3);
    assert_eq!(rows(&t).last().expect("row")["manual"], true);
    assert_eq!(heal(&t).0, "gave up", "the manual restart neither spent nor freed the budget");
    t.run(&["restart-worker", "crashy", "--reset", "--json"]).code(1);
    assert_eq!(count(&t), 4);
    assert_eq!(heal(&t).0, "failed", "the reset allows automatic restarts again");
    assert_eq!(count(&t), 5);
}

#[test]
fn only_restartable_monitors() {
    let t = Test::new().config("[[monitor]]\nname = \"api\"\nkind = \"process\"\nprocess = \"x\"\n");
    let out = t.run(&["restart-worker", "api"]);
    out.code(1);
    assert!(out.one_line_error().contains("cannot be restarted: add start = ["));
    let out = t.run(&["restart-worker", "cpu"]);
    out.code(1);
    assert!(out.one_line_error().contains("not a process monitor"));
    let bad = Test::new()
        .config("[[monitor]]\nname = \"api\"\nkind = \"process\"\nprocess = \"x\"\nstart = \"run-me --now\"\n");
    let out = bad.run(&["restart-worker", "api"]);
    out.code(1);
    assert!(out.one_line_error().contains("argv array"), "{}", out.stderr);
}

/// Issue 7 (found in the newcomer's walk-through): a `start` that runs
/// something the monitor does not match left one more stray process behind
/// on every heal. Now the started process is stopped again, and the step
/// says why.
#[test]
fn a_started_process_the_monitor_does_not_see_is_stopped_again() {
    let t = Test::new().config(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^hm-test-rw-nomatch \"\n\
         start = [\"bash\", \"-c\", \"exec -a hm-test-rw-unseen sleep 600\"]\nrestart_delay = \"300ms\"\ngrace = \"1s\"\n",
    );
    let out = t.run(&["restart-worker", "api", "--json"]);
    out.code(1);
    let doc = out.json();
    assert_eq!(doc["outcome"], "failed");
    let steps = doc["steps"].to_string();
    let pid: i32 = steps
        .split("(pid ")
        .nth(1)
        .and_then(|s| s.split(')').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no started pid in {steps}"));
    assert!(steps.contains("the monitor does not find it"), "{steps}");
    assert!(steps.contains(&format!("pid {pid} stopped on SIGTERM")), "{steps}");
    // Gone, or a zombie waiting for init to reap it: not running.
    let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let running = !state.is_empty() && state.rsplit(") ").next().is_some_and(|rest| !rest.starts_with('Z'));
    if running {
        kill(&serde_json::json!([pid]));
    }
    assert!(!running, "pid {pid} still runs: {state}");
}

/// A worker renamed through bash is matched before bash reaches its
/// `exec` (here 2 s later, the gap a loaded machine opens): the restart's
/// check after `restart_delay` finds it, and a lookalike with the name
/// further on is still not counted. Anchored on the name alone, the
/// verification failed and hm stopped the worker it had just started.
#[test]
fn issue29_a_worker_renamed_through_bash_is_matched_before_bash_execs() {
    let (start, pattern) = renamed("hm-test-rw-gap ", "hm-test-rw-gap run", "sleep 2; ", "sleep 600");
    let t = Test::new().config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"{pattern}\"\n\
         start = {start}\nrestart_delay = \"100ms\"\ngrace = \"1s\"\n",
    ));
    let mut lookalike = Worker::spawn("sudo hm-test-rw-gap run");
    let out = t.run(&["restart-worker", "api", "--json"]);
    let doc = out.json();
    kill(&doc["new_pids"]);
    let _ = lookalike.0.kill();
    let _ = lookalike.0.wait();
    assert_eq!(doc["outcome"], "restarted", "{doc:#}");
    assert_eq!(doc["old_pids"], serde_json::json!([]), "the lookalike is not the worker: {doc:#}");
    assert_eq!(doc["new_pids"].as_array().map(Vec::len), Some(1), "{doc:#}");
}
