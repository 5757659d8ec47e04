//! Issue 18: `hm run` watches the workers it found (pidfds) and the stale
//! heartbeat files (inotify), and acts when one changes, not at the next
//! cycle. Real workers, real `kill -9`, the real binary.

use crate::common::daemon::Daemon;
use crate::common::{Test, procs};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use std::time::{Duration, Instant};

fn is_zombie(pid: i32) -> bool {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rfind(')').is_some_and(|i| stat[i + 1..].trim_start().starts_with('Z'))
}

fn kill9(pids: &[i32]) {
    for pid in pids {
        let _ = kill(Pid::from_raw(*pid), Signal::SIGKILL);
    }
}

/// The workers hm started outlive it (they are detached): killed when the
/// test ends, whatever happened.
struct Workers(&'static str);

impl Drop for Workers {
    fn drop(&mut self) {
        kill9(&procs(self.0));
    }
}

/// Wait up to `within` for `cond`; whether it came.
fn within(within: Duration, cond: impl Fn() -> bool) -> bool {
    let start = Instant::now();
    while !cond() {
        if start.elapsed() > within {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    true
}

/// A process monitor `name` for workers whose argv\[0\] is `prefix`, each
/// running `sleep SECS`.
fn worker(name: &str, prefix: &str, secs: &str, extra: &str) -> String {
    format!(
        "\n[[monitor]]\nname = \"{name}\"\nkind = \"process\"\npattern = \"^{prefix} \"\n\
         start = [\"bash\", \"-c\", \"exec -a '{prefix} w' sleep {secs}\"]\nrestart_delay = \"100ms\"\n{extra}"
    )
}

/// The JSON lines printed so far.
fn lines(out: &str) -> Vec<serde_json::Value> {
    out.lines().filter_map(|l| serde_json::from_str(l).ok()).collect()
}

/// The remedy outcomes of `monitor`, line after line; a restart's
/// `started` line is left out: its verification, in a line of its own
/// once its delay is up, says how it went.
fn outcomes(out: &str, monitor: &str) -> Vec<String> {
    lines(out)
        .iter()
        .flat_map(|doc| doc["remedies"].as_array().cloned().unwrap_or_default())
        .filter(|r| r["monitor"] == monitor && r["outcome"] != "started")
        .filter_map(|r| r["outcome"].as_str().map(String::from))
        .collect()
}

#[test]
fn issue18_a_worker_killed_with_sigkill_runs_again_within_a_second() {
    let prefix = "hm-test-ev-one";
    let _w = Workers(prefix);
    let t = Test::new().config(&format!("host_defaults = false\n{}", worker("one", prefix, "600", "")));
    let hm = Daemon::start(&t, &["run", "--heal", "--interval", "30s", "--json"]);
    // The first cycle finds it down and starts it; the next is 30 s away.
    assert!(within(Duration::from_secs(10), || procs(prefix).len() == 1), "{}", hm.stderr());
    let restarted = |out: &str| outcomes(out, "one").iter().filter(|o| *o == "restarted").count();
    hm.wait_for(Duration::from_secs(10), "the first heal", |out, _| restarted(out) == 1);
    for round in 0..3 {
        let old = procs(prefix);
        kill9(&old);
        let back = within(Duration::from_secs(1), || procs(prefix).iter().any(|p| !old.contains(p)));
        assert!(back, "round {round}: not running again within 1 s\n{}\n{}", hm.stdout(), hm.stderr());
        // Verified and recorded before the next kill, so the next restart
        // watches the new pid. (A kill within 2 × restart_delay of a
        // restart is backed off first, and retried when the backoff ends.)
        hm.wait_for(Duration::from_secs(5), "the restart's line", |out, _| restarted(out) == round + 2);
        // And the dead one was reaped, not left a zombie of hm: zombies
        // piled up, one per restart, in every scan of the process table.
        assert!(old.iter().all(|p| !is_zombie(*p)), "round {round}: {old:?} left a zombie");
    }
    assert!(!hm.stderr().contains("pidfd"), "{}", hm.stderr());
}

#[test]
fn issue18_a_worker_that_keeps_dying_backs_off_then_gives_up() {
    // Each worker lives 0.5 s; restart_delay 100 ms doubles with each
    // restart (200, 400, 800 ms...): a death is acted on at once, but the
    // backoff and the budget hold as they do at the interval.
    let prefix = "hm-test-ev-crashy";
    let _w = Workers(prefix);
    let t = Test::new().config(&format!(
        "host_defaults = false\n{}",
        worker("crashy", prefix, "0.5", "max_restarts = 4\nrestart_window = \"10m\"\n")
    ));
    let hm = Daemon::start(&t, &["run", "--heal", "--interval", "30s", "--json"]);
    // Well before the next cycle: a backoff that ends is tried again then.
    hm.wait_for(Duration::from_secs(20), "giving up", |out, _| {
        outcomes(out, "crashy").last().is_some_and(|o| o == "gave up")
    });
    let seen = outcomes(&hm.stdout(), "crashy");
    assert_eq!(seen.iter().filter(|o| *o == "restarted").count(), 4, "{seen:?}");
    assert!(seen.iter().any(|o| o == "backing off"), "{seen:?}");
    let first_backoff = seen.iter().position(|o| o == "backing off").expect("backing off");
    assert!(first_backoff >= 2, "deaths between cycles were acted on: {seen:?}");
    // Given up: nothing more is started, and it stays critical.
    std::thread::sleep(Duration::from_secs(3));
    assert!(procs(prefix).is_empty());
    let actions = t.run(&["actions", "--json"]).json();
    assert_eq!(actions["actions"].as_array().map(Vec::len), Some(4), "{actions:#}");
    let last = lines(&hm.stdout()).pop().expect("a line");
    assert_eq!(last["before"]["results"][0]["status"], "critical", "{last:#}");
}

#[test]
fn issue18_a_reload_that_removes_a_monitor_stops_its_watch() {
    let (kept, dropped) = ("hm-test-ev-kept", "hm-test-ev-dropped");
    let (_k, _d) = (Workers(kept), Workers(dropped));
    let both =
        format!("host_defaults = false\n{}{}", worker("kept", kept, "600", ""), worker("dropped", dropped, "600", ""));
    let t = Test::new().config(&both);
    let hm = Daemon::start(&t, &["run", "--heal", "--interval", "30s", "--json"]);
    hm.wait_for(Duration::from_secs(10), "both started", |out, _| {
        outcomes(out, "kept") == ["restarted"] && outcomes(out, "dropped") == ["restarted"]
    });
    std::fs::write(t.config_path(), format!("host_defaults = false\n{}", worker("kept", kept, "600", "")))
        .expect("config");
    let before = lines(&hm.stdout()).len();
    hm.signal(Signal::SIGHUP);
    hm.wait_for(Duration::from_secs(10), "the reload's cycle", |out, err| {
        err.contains("reloaded") && lines(out).len() > before
    });
    let printed = lines(&hm.stdout()).len();
    kill9(&procs(dropped));
    std::thread::sleep(Duration::from_secs(1));
    assert!(procs(dropped).is_empty(), "dropped was restarted after its monitor was removed");
    assert_eq!(lines(&hm.stdout()).len(), printed, "its death woke the loop:\n{}", hm.stdout());
    // The other monitor's watch was armed again.
    kill9(&procs(kept));
    assert!(within(Duration::from_secs(2), || procs(kept).len() == 1), "kept is still watched\n{}", hm.stdout());
}

#[test]
fn issue18_without_pidfds_a_dead_worker_waits_for_the_interval_and_hm_says_so_once() {
    let prefix = "hm-test-ev-nopidfd";
    let _w = Workers(prefix);
    let t = Test::new()
        .config(&format!("host_defaults = false\n{}", worker("slow", prefix, "600", "")))
        .env("HM_NO_PIDFD", "1");
    let hm = Daemon::start(&t, &["run", "--heal", "--interval", "3s", "--json"]);
    hm.wait_for(Duration::from_secs(10), "the first heal", |out, _| outcomes(out, "slow") == ["restarted"]);
    // Killed right after a cycle: the next one is nearly 3 s away.
    let printed = lines(&hm.stdout()).len();
    hm.wait_for(Duration::from_secs(10), "a cycle", |out, _| lines(out).len() > printed);
    let old = procs(prefix);
    kill9(&old);
    std::thread::sleep(Duration::from_secs(1));
    assert!(procs(prefix).is_empty(), "restarted before the interval without pidfds");
    assert!(within(Duration::from_secs(6), || procs(prefix).len() == 1), "not restarted at the interval");
    let err = hm.stderr();
    assert_eq!(err.matches("HM_NO_PIDFD is set").count(), 1, "{err}");
    assert!(err.contains("a dead worker is found at the next cycle"), "{err}");
}

#[test]
fn issue18_a_stale_heartbeat_file_touched_resolves_at_once() {
    let t = Test::new();
    let beat = t.path("beats/beat");
    crate::common::aged_file(&beat, 0, Duration::from_secs(120));
    let t = t.config(&format!(
        "host_defaults = false\n[alerts]\nfor = 1\n[[monitor]]\nname = \"hb\"\nkind = \"heartbeat\"\nfile = \"{}\"\nwarn = \"20s\"\ncrit = \"40s\"\n",
        beat.display()
    ));
    let hm = Daemon::start(&t, &["run", "--interval", "30s", "--json"]);
    hm.wait_for(Duration::from_secs(10), "the alert", |out, _| {
        lines(out).first().is_some_and(|d| d["alerts"][0]["event"] == "firing")
    });
    // Written the way many jobs do: a new file renamed over the old.
    std::fs::write(t.path("beats/.beat.new"), "").expect("beat");
    std::fs::rename(t.path("beats/.beat.new"), &beat).expect("rename");
    hm.wait_for(Duration::from_secs(2), "the alert resolved", |out, _| {
        lines(out).get(1).is_some_and(|d| d["results"][0]["status"] == "ok" && d["alerts"][0]["event"] == "resolved")
    });
}

/// The times of the restarts recorded, oldest first.
fn restart_times(t: &Test) -> Vec<f64> {
    let db = rusqlite::Connection::open(t.db_path()).expect("db");
    let mut q = db.prepare("SELECT ts FROM actions WHERE action = 'restart' ORDER BY ts").expect("query");
    q.query_map([], |r| r.get::<_, f64>(0)).expect("rows").map(|r| r.expect("ts")).collect()
}

#[test]
fn issue18_workers_killed_together_are_restarted_side_by_side() {
    // 16 workers, restart_delay 500 ms: one after another, two restarts
    // were at least 500 ms apart; 8 at a time, 8 start within moments.
    let prefix = "hm-test-ev-many";
    let _w = Workers(prefix);
    let monitors: String = (0..16)
        .map(|i| {
            let mut m = worker(&format!("w{i}"), &format!("{prefix}-{i}"), "600", "");
            m = m.replace("restart_delay = \"100ms\"", "restart_delay = \"500ms\"");
            m
        })
        .collect();
    let t = Test::new().config(&format!("host_defaults = false\n{monitors}"));
    let hm = Daemon::start(&t, &["run", "--heal", "--interval", "30s", "--json"]);
    assert!(within(Duration::from_secs(20), || procs(prefix).len() == 16), "{}", hm.stdout());
    hm.wait_for(Duration::from_secs(10), "the first heal, verified", |out, _| {
        (0..16).all(|i| outcomes(out, &format!("w{i}")) == ["restarted"])
    });
    // Past the backoff of a first restart (2 x restart_delay).
    std::thread::sleep(Duration::from_millis(1200));
    let first = restart_times(&t).len();
    assert_eq!(first, 16);
    kill9(&procs(prefix));
    assert!(within(Duration::from_secs(20), || procs(prefix).len() == 16), "{}", hm.stdout());
    hm.wait_for(Duration::from_secs(10), "16 more restarts recorded", |_, _| restart_times(&t).len() == 32);
    let times = restart_times(&t).split_off(first);
    let most_in_400ms = times.iter().map(|a| times.iter().filter(|b| **b >= *a && **b < a + 0.4).count()).max();
    assert!(most_in_400ms >= Some(4), "restarted one after another: {times:?}");
    let outcomes: Vec<String> = (0..16).flat_map(|i| outcomes(&hm.stdout(), &format!("w{i}"))).collect();
    assert!(outcomes.iter().all(|o| o == "restarted"), "{outcomes:?}");
}

#[test]
fn issue29_a_worker_killed_before_its_restart_is_verified_is_healed_again_before_the_next_cycle() {
    // restart_delay 1 s: the new worker is killed before its verification,
    // while its pid is not watched yet. The verification finds it down;
    // it used to stay down until the next full cycle (60 s away).
    let prefix = "hm-test-ev-unverified";
    let _w = Workers(prefix);
    let extra = "max_restarts = 100\n".to_string();
    let t = Test::new()
        .config(&format!("host_defaults = false\n{}", worker("w", prefix, "600", &extra).replace("100ms", "1s")));
    let hm = Daemon::start(&t, &["run", "--heal", "--interval", "60s", "--json"]);
    hm.wait_for(Duration::from_secs(10), "the first heal, verified", |out, _| outcomes(out, "w") == ["restarted"]);
    let first = procs(prefix);
    kill9(&first);
    assert!(within(Duration::from_secs(5), || procs(prefix).iter().any(|p| !first.contains(p))), "{}", hm.stderr());
    // Started, not verified yet: killed again.
    let second = procs(prefix);
    kill9(&second);
    let seen = [first, second].concat();
    let back = within(Duration::from_secs(15), || procs(prefix).iter().any(|p| !seen.contains(p)));
    assert!(back, "not started again before the next cycle\n{}\n{}", hm.stdout(), hm.stderr());
}

#[test]
fn issue29_a_worker_killed_after_cycles_that_changed_nothing_runs_again_within_a_second() {
    // Cycles that match the same pid leave the watcher thread asleep (its
    // want is unchanged): the pid must still be watched. Started here, not
    // by hm, so that only the watcher (no reaper of hm's) sees it die.
    let prefix = "hm-test-ev-same";
    let _w = Workers(prefix);
    let mut first = std::process::Command::new("bash")
        .args(["-c", &format!("exec -a '{prefix} w' sleep 600")])
        .spawn()
        .expect("worker");
    let t = Test::new().config(&format!("host_defaults = false\n{}", worker("same", prefix, "600", "")));
    let hm = Daemon::start(&t, &["run", "--heal", "--interval", "3s", "--json"]);
    let cycles = |out: &str| out.lines().filter(|l| l.starts_with('{')).count();
    // Three full cycles that found the same worker, then a kill just
    // after the last: the next cycle is 3 s away.
    hm.wait_for(Duration::from_secs(15), "three cycles", |out, _| cycles(out) >= 3);
    let old = procs(prefix);
    assert_eq!(old, vec![i32::try_from(first.id()).expect("pid")], "{}", hm.stdout());
    kill9(&old);
    let _ = first.wait();
    let back = within(Duration::from_secs(1), || procs(prefix).iter().any(|p| !old.contains(p)));
    assert!(back, "not running again within 1 s\n{}\n{}", hm.stdout(), hm.stderr());
    let restarted = |out: &str| outcomes(out, "same").iter().any(|o| o == "restarted");
    hm.wait_for(Duration::from_secs(5), "the restart's line", |out, _| restarted(out));
}
