//! Security review (issue 7), one test per claim of SECURITY.md, part two:
//! what hm may kill and signal, and what reaches a shell — reused pids,
//! stale pidfiles, lookalike command lines, database holders, and shell
//! characters in arguments and alert text.
//!
//! Real files, real processes and the real binary. One of these failed
//! when written (a stale pidfile); it is fixed.

mod issue14;

use crate::common::renamed::renamed;
use crate::common::security::{q, qp};
use crate::common::{Test, Worker, is_root};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

/// Whether this child (a process of the test) is still running, not dead.
fn alive(child: &mut Child) -> bool {
    matches!(child.try_wait(), Ok(None))
}

/// SIGKILL every pid listed in a report's `new_pids`.
fn kill_new(doc: &serde_json::Value) {
    for pid in doc["new_pids"].as_array().into_iter().flatten().filter_map(|p| p.as_i64()) {
        let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid as i32), nix::sys::signal::Signal::SIGKILL);
    }
}

/// A process holding `db` open on fd 3, whose argv\[0\] is `argv0`.
fn holder(db: &Path, argv0: &str) -> Worker {
    let child = Command::new("bash")
        .args(["-c", &format!("exec 3<\"$0\"; exec -a '{argv0}' sleep 60"), db.to_str().expect("utf8")])
        .stdin(Stdio::null())
        .spawn()
        .expect("spawn holder");
    let pid = child.id();
    let start = Instant::now();
    loop {
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let held = std::fs::read_dir(format!("/proc/{pid}/fd"))
            .map(|d| d.flatten().any(|fd| std::fs::read_link(fd.path()).is_ok_and(|l| l == db)))
            .unwrap_or(false);
        if held && cmdline.starts_with(argv0.as_bytes()) {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(5), "holder {argv0} never held {}", db.display());
        std::thread::sleep(Duration::from_millis(10));
    }
    Worker(child)
}

// --------------------------------------------------------------- signalling

#[test]
fn only_processes_the_matcher_finds_are_signalled() {
    let (start, pattern) = renamed("hm-test-sec-api serve", "hm-test-sec-api serve new", "", "sleep 30");
    let t = Test::new().config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"{pattern}\"\n\
         start = {start}\nrestart_delay = \"300ms\"\ngrace = \"2s\"\n",
    ));
    let mut worker = Worker::spawn("hm-test-sec-api serve old");
    // Lookalikes: a longer name, the pattern not at the start, another name.
    let mut lookalikes = [
        Worker::spawn("hm-test-sec-api2 serve"),
        Worker::spawn("sudo hm-test-sec-api serve"),
        Worker::spawn("hm-test-sec-apı serve"),
    ];
    let out = t.run(&["restart-worker", "api", "--json"]);
    let doc = out.json();
    kill_new(&doc);
    out.code(0);
    assert_eq!(doc["old_pids"], serde_json::json!([worker.pid()]), "{doc:#}");
    let _ = worker.0.wait();
    for w in &mut lookalikes {
        assert!(alive(&mut w.0), "pid {} does not match the pattern but was signalled: {doc:#}", w.pid());
    }
}

const NS_LAST_PID: &str = "/proc/sys/kernel/ns_last_pid";

/// Start `argv0` (a sleep) with exactly `pid`, by setting the pid namespace's
/// last pid just below it; other processes forking at the same time may win
/// the race, so try again.
fn spawn_with_pid(pid: u32, argv0: &str) -> Worker {
    use std::os::unix::process::CommandExt;
    for _ in 0..2000 {
        std::fs::write(NS_LAST_PID, (pid - 1).to_string()).expect("ns_last_pid");
        let child = Command::new("sleep").arg0(argv0).arg("600").stdin(Stdio::null()).spawn().expect("spawn");
        let mut w = Worker(child);
        if w.pid() == pid {
            return w;
        }
        w.kill();
    }
    panic!("could not get pid {pid} back");
}

#[test]
fn a_pid_reused_between_scan_and_signal_is_not_signalled() {
    if !is_root() || std::fs::OpenOptions::new().write(true).open(NS_LAST_PID).is_err() {
        eprintln!("SKIPPED: reusing a pid on purpose needs root (write access to {NS_LAST_PID})");
        return;
    }
    let t = Test::new();
    let (ready, done) = (t.path("stop-ready"), t.path("stop-done"));
    // The stop command runs after hm scanned the worker and before it
    // signals: it says it is running and waits while the test kills the
    // worker and hands its pid to an innocent process.
    let stop = format!(
        "touch {r}; i=0; while [ ! -e {d} ] && [ $i -lt 300 ]; do sleep 0.05; i=$((i+1)); done",
        r = ready.display(),
        d = done.display()
    );
    let (start, pattern) = renamed("hm-test-sec-reuse ", "hm-test-sec-reuse new", "", "sleep 30");
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"{pattern}\"\n\
         start = {start}\nstop = [\"bash\", \"-c\", {}]\n\
         grace = \"20s\"\nrestart_delay = \"300ms\"\n",
        q(&stop)
    ));
    let mut worker = Worker::spawn("hm-test-sec-reuse old");
    let pid = worker.pid();
    let hm = t.command(&["restart-worker", "api", "--json"]).stdout(Stdio::piped()).spawn().expect("hm");
    let start = Instant::now();
    while !ready.exists() {
        assert!(start.elapsed() < Duration::from_secs(10), "the stop command never ran");
        std::thread::sleep(Duration::from_millis(10));
    }
    worker.kill(); // killed and reaped: its pid is free
    let mut innocent = spawn_with_pid(pid, "hm-test-sec-innocent");
    std::fs::write(&done, "").expect("done");
    let out = hm.wait_with_output().expect("hm");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    kill_new(&doc);
    assert_eq!(doc["old_pids"], serde_json::json!([pid]), "{doc:#}");
    assert!(alive(&mut innocent.0), "pid {pid}, now another process, was signalled: {doc:#}");
    let steps = doc["steps"].to_string();
    assert!(steps.contains(&format!("pid {pid} already gone (or reused): not signalled")), "{doc:#}");
}

#[test]
fn a_stale_pidfile_naming_another_process_is_not_signalled() {
    let t = Test::new();
    let pidfile = t.path("api.pid");
    let mut bystander = Worker::spawn("hm-test-sec-bystander");
    // Written an hour ago by a worker long gone; its pid now belongs to the bystander.
    std::fs::write(&pidfile, format!("{}\n", bystander.pid())).expect("pidfile");
    let f = std::fs::File::options().write(true).open(&pidfile).expect("open");
    f.set_modified(SystemTime::now() - Duration::from_secs(3600)).expect("mtime");
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npidfile = {}\n\
         start = [\"true\"]\ngrace = \"1s\"\nrestart_delay = \"200ms\"\n",
        qp(&pidfile)
    ));
    let doc = t.run(&["restart-worker", "api", "--json"]).json();
    assert!(alive(&mut bystander.0), "the bystander (pid {}) was signalled: {doc:#}", bystander.pid());
}

#[test]
fn a_database_holder_is_stopped_only_when_every_holder_is_killable() {
    let t = Test::new();
    let db = t.path("jobs.db");
    {
        let conn = rusqlite::Connection::open(&db).expect("open");
        conn.pragma_update(None, "journal_mode", "WAL").expect("wal");
        conn.pragma_update(None, "wal_autocheckpoint", 0).expect("no checkpoint");
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true).expect("cfg");
        conn.execute_batch(
            "CREATE TABLE jobs (id INTEGER PRIMARY KEY);
             WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300) INSERT INTO jobs SELECT x FROM n;",
        )
        .expect("rows");
    }
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"jobs\"\nkind = \"sqlite\"\npath = {}\n\
         killable = [\"^hm-test-sec-reporter \"]\n",
        qp(&db)
    ));
    let mut reporter = holder(&db, "hm-test-sec-reporter run");
    let mut reader = holder(&db, "hm-test-sec-reader run");
    let out = t.run(&["clear-locks", "--json"]);
    out.code(1);
    let doc = out.json();
    assert!(doc["databases"][0]["steps"][0].as_str().is_some_and(|s| s.contains("left alone")), "{doc:#}");
    assert!(alive(&mut reporter.0) && alive(&mut reader.0), "one innocent holder: nobody is signalled");

    reader.kill();
    let out = t.run(&["clear-locks", "--json"]);
    out.code(0);
    assert!(!alive(&mut reporter.0), "every holder killable: it is stopped");
    let n: i64 = rusqlite::Connection::open(&db)
        .and_then(|c| c.query_row("SELECT count(*) FROM jobs", [], |r| r.get(0)))
        .expect("count");
    assert_eq!(n, 300, "and no committed row is lost");
}

// ---------------------------------------------------------------- commands

#[test]
fn arguments_never_reach_a_shell() {
    let t = Test::new();
    let dir = t.root().to_path_buf();
    let p = |n: &str| dir.join(format!("pwned-{n}")).display().to_string();
    // `|` is left out: in a plugin's output it starts the perfdata.
    let tricks = [
        format!("$(touch {})", p("1")),
        format!("`touch {}`", p("2")),
        format!("; touch {}", p("3")),
        format!("&& touch {}", p("4")),
        format!("> {}", p("5")),
    ];
    let argv = std::iter::once(q("/bin/echo")).chain(tricks.iter().map(q)).collect::<Vec<_>>().join(", ");
    let log = t.path("worker.log");
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"plugin\"\nkind = \"command\"\ncommand = [{argv}]\n\n\
         [[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^hm-test-sec-never \"\nstart = [{argv}]\n\
         stop = [{argv}]\nlog = {}\nrestart_delay = \"100ms\"\n",
        qp(&log)
    ));
    let out = t.run(&["check", "plugin", "--json"]);
    out.code(0);
    assert_eq!(crate::common::result(&out.json(), "plugin")["message"], tricks.join(" "));
    let out = t.run(&["restart-worker", "api", "--json"]);
    out.code(1); // echo is not a worker that keeps running
    assert_eq!(std::fs::read_to_string(&log).expect("log"), format!("{}\n", tricks.join(" ")));
    for n in 1..=5 {
        assert!(!Path::new(&p(&n.to_string())).exists(), "pwned-{n} exists: a shell ran");
    }
}

#[test]
fn alert_text_reaches_commands_and_mail_as_data() {
    let t = Test::new();
    let pwned = t.path("pwned");
    // A plugin whose first line (the alert's message) holds shell syntax and,
    // after a carriage return, a mail header.
    let plugin = t.path("plugin.sh");
    std::fs::write(
        &plugin,
        format!(
            "#!/bin/sh\nprintf '%s\\r%s\\n' 'CRIT $(touch {p}) `touch {p}`' 'Bcc: evil@example.org'\nexit 2\n",
            p = pwned.display()
        ),
    )
    .expect("plugin");
    let mail = t.path("mail.txt");
    let sendmail = t.path("sendmail");
    std::fs::write(&sendmail, format!("#!/bin/sh\ncat > {}\n", mail.display())).expect("sendmail");
    for f in [&plugin, &sendmail] {
        std::fs::set_permissions(f, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    }
    let got = t.path("got.txt");
    let t = t.config(&format!(
        "host_defaults = false\n\n[alerts]\nfor = 1\nhost = \"box1\"\n\n\
         [[monitor]]\nname = \"plugin\"\nkind = \"command\"\ncommand = [{}]\n\n\
         [[channel]]\nname = \"script\"\nkind = \"command\"\ncommand = [\"sh\", \"-c\", {}]\n\n\
         [[channel]]\nname = \"mail\"\nkind = \"email\"\nto = [\"ops@example.org\"]\nsendmail = {}\n",
        qp(&plugin),
        q(format!("printf '%s' \"$HM_MESSAGE\" > {}", got.display())),
        qp(&sendmail)
    ));
    let out = t.run(&["check", "--json"]);
    out.code(2);
    assert_eq!(out.json()["notifications"]["delivered"], 2, "{}", out.stdout);
    let message = std::fs::read_to_string(&got).expect("the command channel ran");
    assert!(message.starts_with(&format!("CRIT $(touch {}) `touch", pwned.display())), "{message:?}");
    assert!(!pwned.exists(), "the alert's text was run as code");
    let text = std::fs::read_to_string(&mail).expect("mail");
    let headers = text.split("\n\n").next().expect("headers");
    assert!(headers.lines().any(|l| l.starts_with("Subject: [CRITICAL] plugin on box1: CRIT")), "{text}");
    assert!(
        !headers.split(['\n', '\r']).any(|l| l.trim_start().to_ascii_lowercase().starts_with("bcc:")),
        "a header was injected: {headers:?}"
    );
}
