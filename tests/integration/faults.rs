//! Fault injection (issue 7): real processes killed mid-write, many runs
//! at once on one database, a config edited under a running `hm run`. The
//! database faults (full disk, corrupt file) are in faults_db.rs.

use crate::common::Test;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// A `command` monitor whose plugin prints `n` perfdata items: one run
/// records `n` samples in one transaction.
fn many_samples(t: &Test, n: usize) -> String {
    let plugin = t.path("plugin.sh");
    std::fs::write(&plugin, format!("#!/bin/sh\nprintf 'OK |'\nseq 1 {n} | sed 's/.*/ m&=&/' | tr -d '\\n'\necho\n"))
        .expect("plugin");
    std::fs::set_permissions(&plugin, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    format!(
        "host_defaults = false\n[[monitor]]\nname = \"many\"\nkind = \"command\"\ncommand = [\"{}\"]\n",
        plugin.display()
    )
}

fn count(db: &rusqlite::Connection, sql: &str) -> i64 {
    db.query_row(sql, [], |r| r.get(0)).expect(sql)
}

#[test]
fn sigkill_while_recording_ten_thousand_samples_loses_nothing_committed() {
    let t = Test::new();
    let text = many_samples(&t, 10_000);
    let t = t.config(&text);
    t.run(&["check"]).code(0);
    t.run(&["check"]).code(0);
    let committed = {
        let db = rusqlite::Connection::open(t.db_path()).expect("db");
        count(&db, "SELECT count(*) FROM checks, json_each(checks.metrics)")
    };
    assert_eq!(committed, 20_000);
    // Kill runs at staggered moments, so some die inside the big transaction.
    for delay_ms in [5u64, 20, 40, 60, 80, 100, 150, 200] {
        let mut child = t.command(&["check"]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("hm");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
    }
    let db = rusqlite::Connection::open(t.db_path()).expect("db");
    let integrity: String = db.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("integrity");
    assert_eq!(integrity, "ok");
    let samples = count(&db, "SELECT count(*) FROM checks, json_each(checks.metrics)");
    assert!(samples >= committed && samples % 10_000 == 0, "{samples} samples: a run is all in or all out");
    let runs = count(&db, "SELECT count(DISTINCT ts) FROM checks");
    assert_eq!(samples / 10_000, runs, "every recorded run has all its samples");
    drop(db);
    t.run(&["check"]).code(0);
}

#[test]
fn ten_concurrent_checks_never_see_a_locked_database() {
    let t = Test::new();
    let text = many_samples(&t, 2_000);
    let t = t.config(&text);
    // No database yet: the ten runs create it at once. (Were the schema
    // version and the table count read apart, one could see another's
    // fresh tables with version 0 and refuse "another program's database".)
    let start = Instant::now();
    let children: Vec<_> = (0..10)
        .map(|_| t.command(&["check", "--json"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("hm"))
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
        assert!(!stderr.contains("locked"), "{stderr}");
    }
    let db = rusqlite::Connection::open(t.db_path()).expect("db");
    assert_eq!(count(&db, "SELECT count(*) FROM checks"), 10);
    assert_eq!(count(&db, "SELECT count(*) FROM checks, json_each(checks.metrics)"), 20_000);
    eprintln!("10 concurrent checks of 2,000 samples each took {:?}", start.elapsed());
}

/// The monitors of each JSON line `hm run --json` printed so far.
fn cycles(out: &str) -> Vec<Vec<String>> {
    out.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|doc| {
            let results = doc["results"].as_array().cloned().unwrap_or_default();
            results.iter().filter_map(|r| r["monitor"].as_str().map(String::from)).collect()
        })
        .collect()
}

#[test]
fn a_config_edited_while_hm_run_runs_changes_nothing_until_sighup() {
    use crate::common::daemon::Daemon;
    use nix::sys::signal::Signal;
    let t = Test::new();
    let one = format!("host_defaults = false\n{}", crate::common::hb_monitor(&t));
    crate::common::beat(&t, 0);
    let t = t.config(&one);
    let hb = || vec!["hb".to_string()];
    let mut hm = Daemon::start(&t, &["run", "--interval", "200ms", "--json"]);
    hm.wait_for(Duration::from_secs(10), "a first cycle", |out, _| cycles(out).first() == Some(&hb()));
    let started = hm.stderr();
    assert!(started.starts_with("hm: checking: config ") && started.lines().count() == 1, "{started}");
    let more_cycles = |hm: &Daemon| {
        let seen = cycles(&hm.stdout()).len();
        hm.wait_for(Duration::from_secs(10), "more cycles", |out, _| cycles(out).len() >= seen + 2);
        assert_eq!(cycles(&hm.stdout()).last(), Some(&hb()), "still the config hm started with");
    };

    // Half saved: cut mid-word, the way an editor writing in place leaves it.
    let two =
        format!("{one}\n[[monitor]]\nname = \"two\"\nkind = \"heartbeat\"\nfile = \"{}\"\n", t.path("beat").display());
    std::fs::write(t.config_path(), &two[..one.len() + 20]).expect("half write");
    more_cycles(&hm);
    assert_eq!(hm.stderr(), started, "an edit alone is not read");
    hm.signal(Signal::SIGHUP);
    hm.wait_for(Duration::from_secs(10), "the reload error", |_, err| err.contains("reload failed"));
    more_cycles(&hm);

    // Moved away while editing: not a switch to the embedded defaults.
    std::fs::rename(t.config_path(), t.path("hm.toml.editing")).expect("mv");
    hm.signal(Signal::SIGHUP);
    hm.wait_for(Duration::from_secs(10), "a second reload error", |_, err| {
        err.lines().filter(|l| l.contains("reload failed")).count() == 2
    });
    let err = hm.stderr();
    assert!(err.contains("cannot read config") && err.contains("keeping the previous config"), "{err}");
    more_cycles(&hm);

    // Saved whole: the next SIGHUP takes it.
    std::fs::write(t.config_path(), &two).expect("write");
    hm.signal(Signal::SIGHUP);
    hm.wait_for(Duration::from_secs(10), "the new config", |out, _| {
        cycles(out).last().is_some_and(|c| c == &["hb".to_string(), "two".to_string()])
    });
    hm.signal(Signal::SIGTERM);
    assert_eq!(hm.wait_exit(Duration::from_secs(3)).and_then(|s| s.code()), Some(0));
}

/// Whether a pid runs (a zombie does not count).
fn running(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|s| s.rsplit(')').next().map(str::trim).is_some_and(|s| !s.starts_with('Z')))
}

#[test]
fn issue16_ctrl_c_or_sigterm_takes_running_plugins_and_their_children_along() {
    use nix::sys::signal::{Signal, kill};
    for (args, sig) in [
        (&["check"][..], Signal::SIGINT),
        (&["check"], Signal::SIGTERM),
        (&["run", "--interval", "1h"], Signal::SIGTERM),
        (&["run", "--interval", "1h"], Signal::SIGINT),
    ] {
        let t = Test::new();
        let (plugin, child) = (t.path("plugin.pid"), t.path("child.pid"));
        let script = format!("echo $$ > {}; sleep 60 & echo $! > {}; wait", plugin.display(), child.display());
        let text = format!(
            "host_defaults = false\n[[monitor]]\nname = \"slow\"\nkind = \"command\"\ncommand = [\"/bin/sh\", \"-c\", {script:?}]\ntimeout = \"60s\"\n"
        );
        let t = t.config(&text);
        let mut hm = t.command(args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("hm");
        let start = Instant::now();
        while !(child.exists() && std::fs::read_to_string(&child).is_ok_and(|s| s.ends_with('\n'))) {
            assert!(start.elapsed() < Duration::from_secs(10), "{args:?}: the plugin never started");
            std::thread::sleep(Duration::from_millis(20));
        }
        let pids: Vec<String> =
            [&plugin, &child].iter().map(|p| std::fs::read_to_string(p).expect("pid").trim().to_string()).collect();
        kill(nix::unistd::Pid::from_raw(i32::try_from(hm.id()).expect("pid")), sig).expect("signal");
        let _ = hm.wait();
        let gone = Instant::now();
        while pids.iter().any(|p| running(p)) && gone.elapsed() < Duration::from_secs(3) {
            std::thread::sleep(Duration::from_millis(20));
        }
        for p in &pids {
            if running(p) {
                let _ = std::process::Command::new("kill").arg("-9").arg(p).status();
                panic!("{args:?} {sig:?}: the plugin's process {p} outlived hm");
            }
        }
    }
}
