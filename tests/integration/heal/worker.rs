//! Issue 15, part 2: a worker that is alive but stalled (its heartbeat is
//! critical) is restarted by `hm heal` and `hm run --heal`, with real
//! processes and a real heartbeat file; a worker that beats is left alone.

use crate::common::daemon::Daemon;
use crate::common::{Test, Worker, result};
use std::time::{Duration, SystemTime};

/// Every process whose command line starts with `prefix`.
fn pids_of(prefix: &str) -> Vec<u32> {
    let mut pids = Vec::new();
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|p| p.parse::<u32>().ok()) else { continue };
        if std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default().starts_with(prefix.as_bytes()) {
            pids.push(pid);
        }
    }
    pids
}

/// Kills what hm started under `prefix` when the test ends, passed or not.
struct Reap(&'static str);

impl Drop for Reap {
    fn drop(&mut self) {
        for pid in pids_of(self.0) {
            let _ = nix::sys::signal::kill(
                nix::unistd::Pid::from_raw(i32::try_from(pid).expect("pid")),
                nix::sys::signal::Signal::SIGKILL,
            );
        }
    }
}

/// Set the heartbeat file's mtime to `ago` in the past (creating it).
fn beat(file: &std::path::Path, ago: Duration) {
    let f = std::fs::File::options().create(true).append(true).open(file).expect("beat file");
    f.set_modified(SystemTime::now() - ago).expect("mtime");
}

/// A process monitor `api` whose `start` beats once, then runs as
/// `ARGV0 run`, and a heartbeat monitor `beat` (crit 60s) naming it.
fn config(t: &Test, argv0: &str) -> String {
    let file = t.path("beat");
    format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^{argv0} \"\n\
         start = [\"bash\", \"-c\", \"touch '{file}'; exec -a '{argv0} run' sleep 600\"]\nrestart_delay = \"300ms\"\n\
         grace = \"2s\"\n\n[[monitor]]\nname = \"beat\"\nkind = \"heartbeat\"\nfile = \"{file}\"\nwarn = \"30s\"\n\
         crit = \"60s\"\nworker = \"api\"\n",
        file = file.display()
    )
}

fn restarts(t: &Test) -> Vec<serde_json::Value> {
    let doc = t.run(&["actions", "--json"]).json();
    doc["actions"].as_array().into_iter().flatten().filter(|a| a["action"] == "restart").cloned().collect()
}

#[test]
fn a_live_worker_whose_heartbeat_stopped_is_restarted_then_left_alone() {
    const ARGV0: &str = "hm-test-stalled-a";
    let _reap = Reap(ARGV0);
    let t = Test::new();
    let text = config(&t, ARGV0);
    let t = t.config(&text);
    let mut old = Worker::spawn(&format!("{ARGV0} run"));
    beat(&t.path("beat"), Duration::from_secs(11 * 60));

    let out = t.run(&["heal", "--json"]);
    let doc = out.json();
    out.code(0);
    let remedy = &doc["remedies"][0];
    assert_eq!(
        (&remedy["monitor"], &remedy["remedy"], &remedy["outcome"]),
        (&"beat".into(), &"restart".into(), &"restarted".into()),
        "{doc:#}"
    );
    let details = remedy["details"].as_str().expect("details");
    assert!(details.starts_with("worker api: heartbeat beat critical: "), "{details}");
    assert!(details.contains("11m"), "the last beat's age: {details}");
    // The old process is gone (it got SIGTERM), a new one runs and beat.
    let gone = old.0.try_wait().expect("wait");
    assert!(
        gone.is_some() || {
            std::thread::sleep(Duration::from_millis(500));
            old.0.try_wait().expect("wait").is_some()
        }
    );
    let now = pids_of(ARGV0);
    assert_eq!(now.len(), 1, "{now:?}");
    assert_ne!(now[0], old.pid());
    assert_eq!(result(&doc["after"], "beat")["status"], "ok", "{doc:#}");
    assert_eq!(result(&doc["after"], "api")["status"], "ok", "{doc:#}");
    let actions = restarts(&t);
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0]["monitor"], "api");
    assert!(actions[0]["details"].as_str().expect("d").starts_with("heartbeat beat critical: "), "{actions:?}");

    // It beats: the next heal leaves it alone.
    let out = t.run(&["heal", "--json"]);
    out.code(0);
    assert_eq!(out.json()["remedies"], serde_json::json!([]));
    assert_eq!(pids_of(ARGV0), now);

    // Stale again right after its restart: it gets the heartbeat's crit to
    // beat before hm judges it again, rather than a restart every cycle.
    beat(&t.path("beat"), Duration::from_secs(11 * 60));
    let out = t.run(&["heal", "--json"]);
    out.code(2);
    let doc = out.json();
    assert_eq!(doc["remedies"][0]["outcome"], "waiting", "{doc:#}");
    assert!(doc["remedies"][0]["details"].as_str().expect("d").contains("it has 1m to show life"), "{doc:#}");
    assert_eq!(pids_of(ARGV0), now);
    assert_eq!(restarts(&t).len(), 1);
}

#[test]
fn a_worker_whose_heartbeat_is_fresh_is_left_alone() {
    const ARGV0: &str = "hm-test-stalled-b";
    let _reap = Reap(ARGV0);
    let t = Test::new();
    let text = config(&t, ARGV0);
    let t = t.config(&text);
    let mut worker = Worker::spawn(&format!("{ARGV0} run"));
    beat(&t.path("beat"), Duration::from_secs(5));
    let out = t.run(&["heal", "--json"]);
    out.code(0);
    assert_eq!(out.json()["remedies"], serde_json::json!([]));
    // Warning (past `warn`, not `crit`): still left alone, and told why.
    beat(&t.path("beat"), Duration::from_secs(45));
    let out = t.run(&["heal", "--json"]);
    out.code(1);
    let doc = out.json();
    assert_eq!(doc["remedies"][0]["outcome"], "not healed", "{doc:#}");
    assert!(doc["remedies"][0]["details"].as_str().expect("d").contains("only when this monitor is critical"));
    assert!(worker.0.try_wait().expect("wait").is_none(), "the worker still runs");
    assert_eq!(pids_of(ARGV0), [worker.pid()]);
    assert!(restarts(&t).is_empty());
}

#[test]
fn a_worker_both_down_and_stalled_is_restarted_once() {
    const ARGV0: &str = "hm-test-stalled-c";
    let _reap = Reap(ARGV0);
    let t = Test::new();
    let text = config(&t, ARGV0);
    let t = t.config(&text);
    beat(&t.path("beat"), Duration::from_secs(11 * 60));
    let out = t.run(&["heal", "--json"]);
    let doc = out.json();
    out.code(0);
    let outcomes: Vec<(&str, &str)> = doc["remedies"]
        .as_array()
        .expect("remedies")
        .iter()
        .map(|r| (r["monitor"].as_str().unwrap_or(""), r["outcome"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(outcomes, [("api", "restarted"), ("beat", "already restarted")], "{doc:#}");
    assert_eq!(restarts(&t).len(), 1);
    assert_eq!(pids_of(ARGV0).len(), 1);
}

#[test]
fn hm_run_heal_restarts_a_stalled_worker_once() {
    const ARGV0: &str = "hm-test-stalled-d";
    let _reap = Reap(ARGV0);
    let t = Test::new();
    let text = config(&t, ARGV0);
    let t = t.config(&text);
    let old = Worker::spawn(&format!("{ARGV0} run"));
    beat(&t.path("beat"), Duration::from_secs(11 * 60));
    let mut hm = Daemon::start(&t, &["run", "--heal", "--interval", "300ms", "--json"]);
    let healed = |out: &str| out.lines().filter(|l| l.contains("\"outcome\":\"restarted\"")).count();
    hm.wait_for(Duration::from_secs(15), "a restart", |out, _| healed(out) == 1);
    let lines = |out: &str| out.lines().filter(|l| l.starts_with('{')).count();
    let seen = lines(&hm.stdout());
    hm.wait_for(Duration::from_secs(15), "three more cycles", |out, _| lines(out) >= seen + 3);
    hm.signal(nix::sys::signal::Signal::SIGTERM);
    hm.wait_exit(Duration::from_secs(3)).expect("stopped");
    let out = hm.stdout();
    assert_eq!(healed(&out), 1, "{out}");
    let last: serde_json::Value =
        serde_json::from_str(out.lines().rfind(|l| l.starts_with('{')).expect("a cycle")).expect("json");
    assert_eq!(result(&last["before"], "beat")["status"], "ok", "{last:#}");
    let now = pids_of(ARGV0);
    assert_eq!(now.len(), 1, "{now:?}");
    assert_ne!(now[0], old.pid());
    assert_eq!(restarts(&t).len(), 1);
}

#[test]
fn validate_refuses_a_worker_hm_cannot_restart() {
    let t = Test::new().config(
        "[[monitor]]\nname = \"api\"\nkind = \"process\"\nprocess = \"api\"\n\n\
         [[monitor]]\nname = \"beat\"\nkind = \"heartbeat\"\nworker = \"api\"\n\n\
         [[monitor]]\nname = \"load2\"\nkind = \"load\"\nworker = \"api\"\n",
    );
    let out = t.run(&["validate"]);
    assert_ne!(out.code, 0);
    let said = format!("{}{}", out.stdout, out.stderr);
    assert!(said.contains("monitor[beat].worker: `api` has no way to start its worker"), "{said}");
    assert!(said.contains("monitor[load2].worker: `worker` does not apply to a `load` monitor"), "{said}");
}
