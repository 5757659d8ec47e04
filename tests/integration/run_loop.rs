//! `hm run` (issue 5): a real process, real signals.

use crate::common::Test;
use crate::common::daemon::Daemon;
use nix::sys::signal::Signal;
use std::time::{Duration, Instant};

fn heartbeat(t: &Test, name: &str) -> String {
    let file = t.path(name);
    std::fs::write(&file, "").expect("beat");
    format!("\n[[monitor]]\nname = \"{name}\"\nkind = \"heartbeat\"\nfile = \"{}\"\n", file.display())
}

/// The monitors of each JSON line printed so far.
fn cycles(out: &str) -> Vec<Vec<String>> {
    out.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|doc| {
            doc["results"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| r["monitor"].as_str().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn sighup_reloads_the_config_and_keeps_the_old_one_when_the_new_is_invalid() {
    let t = Test::new();
    let one = format!("host_defaults = false\n{}", heartbeat(&t, "one"));
    let t = t.config(&one);
    let mut hm = Daemon::start(&t, &["run", "--interval", "300ms", "--json"]);
    hm.wait_for(Duration::from_secs(10), "a first cycle", |out, _| {
        cycles(out).first() == Some(&vec!["one".to_string()])
    });

    std::fs::write(t.config_path(), format!("{one}{}", heartbeat(&t, "two"))).expect("write config");
    hm.signal(Signal::SIGHUP);
    hm.wait_for(Duration::from_secs(10), "a cycle with the new monitor", |out, err| {
        err.contains("reloaded") && cycles(out).last().is_some_and(|c| c.len() == 2)
    });

    std::fs::write(t.config_path(), "host_defaults = false\n[[monitor]]\nname = \"three\"\nkind = \"nope\"\n")
        .expect("write");
    hm.signal(Signal::SIGHUP);
    hm.wait_for(Duration::from_secs(10), "the reload error", |_, err| err.contains("reload failed"));
    let err = hm.stderr();
    let line = err.lines().find(|l| l.contains("reload failed")).expect("line");
    assert!(line.contains("hm.toml:4: monitor[three].kind: unknown kind `nope`"), "{line}");
    assert!(line.contains("keeping the previous config"), "{line}");
    let seen = cycles(&hm.stdout()).len();
    hm.wait_for(Duration::from_secs(10), "more cycles", |out, _| cycles(out).len() > seen + 1);
    assert_eq!(cycles(&hm.stdout()).last().map(Vec::len), Some(2), "still the old config's two monitors");

    hm.signal(Signal::SIGTERM);
    let status = hm.wait_exit(Duration::from_secs(2)).expect("stopped");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn sigterm_stops_it_within_a_second_even_mid_check_and_cycles_never_overlap() {
    let t = Test::new();
    let db = t.path("app.db");
    // The test holds the write lock: every cycle's sqlite check waits its
    // whole lock_timeout (1 s) for it, much longer than the interval.
    let mut app = rusqlite::Connection::open(&db).expect("app db");
    app.execute_batch("CREATE TABLE jobs (id INTEGER PRIMARY KEY)").expect("schema");
    let lock = app.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).expect("lock");
    let t = t.config(&format!(
        "host_defaults = false\n[[monitor]]\nname = \"app\"\nkind = \"sqlite\"\npath = \"{}\"\nlock_timeout = \"1s\"\n",
        db.display()
    ));
    let mut hm = Daemon::start(&t, &["run", "--interval", "200ms", "--json"]);
    hm.wait_for(Duration::from_secs(15), "three cycles", |out, _| cycles(out).len() >= 3);
    let starts: Vec<f64> = hm
        .stdout()
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|d| d["checked_at"].as_str().and_then(|s| humantime::parse_rfc3339(s).ok()))
        .map(|t| t.duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64()))
        .collect();
    for pair in starts.windows(2) {
        assert!(pair[1] - pair[0] >= 0.95, "a cycle began before the previous one ended: {starts:?}");
    }
    // Mid-cycle now (each takes a second); it must still stop within one.
    std::thread::sleep(Duration::from_millis(300));
    let sent = Instant::now();
    hm.signal(Signal::SIGTERM);
    let status = hm.wait_exit(Duration::from_secs(3)).expect("stopped");
    let took = sent.elapsed();
    drop(lock);
    assert_eq!(status.code(), Some(0));
    assert!(took <= Duration::from_millis(1000), "took {took:?} to stop");
}

#[test]
fn a_hung_check_is_not_started_again_while_it_hangs() {
    let t = Test::new();
    let Some((hung, _listener)) = crate::common::hanging_monitor(&t, "hung", "300ms") else { return };
    let t = t.config(&format!("host_defaults = false\n{hung}"));
    let hm = Daemon::start(&t, &["run", "--interval", "100ms", "--json"]);
    hm.wait_for(Duration::from_secs(15), "twenty cycles", |out, _| cycles(out).len() >= 20);
    let messages: Vec<String> = hm
        .stdout()
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|d| d["results"][0]["message"].as_str().map(String::from))
        .collect();
    assert_eq!(messages[0], "timed out after 0.3s");
    assert!(messages[1..].iter().all(|m| m.contains("still hung")), "{messages:?}");
    let status = std::fs::read_to_string(format!("/proc/{}/status", hm.child.id())).expect("status");
    let threads: usize =
        status.lines().find_map(|l| l.strip_prefix("Threads:")).and_then(|n| n.trim().parse().ok()).expect("threads");
    assert!(threads < 12, "{threads} threads after 20 cycles: hung checks pile up");
}

/// The hung check's thread takes its name out of the hung set once it
/// ends (here: its socket closes), so the next cycle runs it again; a
/// check that ends just as the waiting thread gives up on it must not stay
/// "still hung" for ever.
#[test]
fn a_hung_check_runs_again_once_it_ends() {
    let t = Test::new();
    let Some((hung, listener)) = crate::common::hanging_monitor(&t, "hung", "300ms") else { return };
    let t = t.config(&format!("host_defaults = false\n{hung}"));
    let hm = Daemon::start(&t, &["run", "--interval", "100ms", "--json"]);
    let message = |line: &str| {
        serde_json::from_str::<serde_json::Value>(line).ok()?["results"][0]["message"].as_str().map(String::from)
    };
    hm.wait_for(Duration::from_secs(15), "a cycle told it is still hung", |out, _| {
        out.lines().filter_map(message).any(|m| m.contains("still hung"))
    });
    drop(listener);
    let seen = hm.stdout().lines().count();
    hm.wait_for(Duration::from_secs(15), "a cycle that ran it again", |out, _| {
        out.lines().skip(seen).filter_map(message).any(|m| !m.contains("still hung"))
    });
}

#[test]
fn a_bad_config_at_start_is_a_one_line_error() {
    let t = Test::new().config("[[monitor]]\nname = \"x\"\nkind = \"cpu\"\nwarn = \"lots\"\n");
    let out = t.run(&["run"]);
    out.code(1);
    assert!(out.one_line_error().contains("monitor[x].warn"), "{}", out.stderr);
}

#[test]
fn issue7_a_database_moved_away_under_hm_run_is_opened_anew_not_written_blind() {
    // `hm run` keeps its connection from cycle to cycle; a database moved
    // aside (as a corrupt one is by another hm) or deleted must not go on
    // receiving the loop's writes where nobody can see them. Cycles come on
    // SIGHUP only (the interval is an hour), so none is in flight while the
    // file moves.
    let t = Test::new();
    let one = format!("host_defaults = false\n{}", heartbeat(&t, "one"));
    let t = t.config(&one);
    let mut hm = Daemon::start(&t, &["run", "--interval", "1h", "--json"]);
    hm.wait_for(Duration::from_secs(10), "a first cycle", |out, _| cycles(out).len() == 1);
    let checks = |path: &std::path::Path| -> i64 {
        let conn = rusqlite::Connection::open(path).expect("open");
        conn.query_row("SELECT count(*) FROM checks", [], |r| r.get(0)).expect("count")
    };
    let (db, aside) = (t.db_path(), t.path("state/hm/hm.db.aside"));
    for suffix in ["", "-wal", "-shm"] {
        let from = format!("{}{suffix}", db.display());
        if std::path::Path::new(&from).exists() {
            std::fs::rename(&from, format!("{}{suffix}", aside.display())).expect("move aside");
        }
    }
    assert_eq!(checks(&aside), 1);
    for n in 2..=3 {
        hm.signal(Signal::SIGHUP);
        hm.wait_for(Duration::from_secs(10), "a cycle after SIGHUP", |out, _| cycles(out).len() == n);
    }
    assert_eq!(checks(&aside), 1, "nothing more written to the moved file");
    assert_eq!(checks(&db), 2, "a new database at the path gets the cycles");
    for line in hm.stdout().lines() {
        let doc: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        assert_eq!(doc["recorded"], true, "{line}");
    }

    hm.signal(Signal::SIGTERM);
    assert_eq!(hm.wait_exit(Duration::from_secs(2)).expect("stopped").code(), Some(0));
}
