//! Security review (issue 7), one test per claim of SECURITY.md: what hm
//! may delete, kill and signal, and the tricks that must not widen it —
//! symlinks, hard links, reused pids, `..` and shell characters in names,
//! paths and arguments, secrets in output, and HTTP that acts.
//!
//! Real files, real symlinks, real processes, real HTTP on 127.0.0.1 and
//! the real binary. Five of these failed when written (a symlinked clean
//! root, a stale pidfile, a symlinked worker log, a password in an http
//! monitor's URL, a config others may write, as root); each is fixed.

mod common;

use common::daemon::{Daemon, wait_port};
use common::receiver::free_port;
use common::{Test, Worker, is_root};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

/// `s` as a TOML basic string (JSON's escapes are a subset of TOML's).
fn q(s: impl AsRef<str>) -> String {
    serde_json::to_string(s.as_ref()).expect("quote")
}

fn qp(p: &Path) -> String {
    q(p.to_str().expect("utf-8 path"))
}

/// A 1000-byte file `days` old, with its parent directories.
fn aged(path: &Path, days: u64) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, vec![b'x'; 1000]).expect("write");
    let f = std::fs::File::options().write(true).open(path).expect("open");
    f.set_modified(SystemTime::now() - Duration::from_secs(days * 86_400)).expect("mtime");
}

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

// ---------------------------------------------------------------- deleting

#[test]
fn a_directory_swapped_for_a_symlink_mid_walk_leads_nowhere() {
    let t = Test::new();
    let root = t.path("logs");
    let outside = t.path("precious");
    let stash = t.path("stash");
    for i in 0..40 {
        aged(&outside.join(format!("keep-{i}.log")), 99);
    }
    // Two things take turns at logs/sub: a real directory and a symlink to `precious`.
    for i in 0..40 {
        aged(&stash.join(format!("dir/f-{i}.log")), 99);
    }
    std::os::unix::fs::symlink(&outside, stash.join("link")).expect("symlink");
    aged(&root.join("old.log"), 30);
    let t = t.config(&format!("[[clean]]\nname = \"logs\"\nroots = [{}]\nglobs = [\"*.log\"]\n", qp(&root)));

    let stop = std::sync::atomic::AtomicBool::new(false);
    let swaps = std::thread::scope(|s| {
        let flipper = s.spawn(|| {
            let sub = root.join("sub");
            let mut n = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                for what in ["dir", "link"] {
                    let _ = std::fs::rename(stash.join(what), &sub);
                    std::thread::yield_now();
                    let _ = std::fs::rename(&sub, stash.join(what));
                }
                n += 1;
            }
            n
        });
        let start = Instant::now();
        let mut runs = 0;
        while start.elapsed() < Duration::from_millis(1500) || runs < 5 {
            let out = t.run(&["clean-disk", "--json"]);
            assert!(out.code == 0 || out.code == 1, "{out:?}");
            runs += 1;
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        flipper.join().expect("flipper")
    });
    assert!(swaps > 10, "the swap raced the walk ({swaps} swaps)");
    for i in 0..40 {
        assert!(outside.join(format!("keep-{i}.log")).exists(), "keep-{i}.log, outside the root, was deleted");
    }
    assert!(!root.join("old.log").exists(), "the rule itself still worked");
}

#[test]
fn a_hard_link_or_a_fifo_inside_a_root_costs_nothing_outside() {
    let t = Test::new();
    let root = t.path("logs");
    let outside = t.path("etc-like/shadow.log");
    aged(&outside, 99);
    std::fs::create_dir_all(&root).expect("mkdir");
    // A hard link: the same inode under a name inside the root.
    std::fs::hard_link(&outside, root.join("old.log")).expect("hard link");
    // A fifo with a matching name and age: not a regular file.
    let fifo = root.join("pipe.log");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o644)).expect("mkfifo");
    let ok = Command::new("touch").args(["-h", "-d", "30 days ago"]).arg(&fifo).status().expect("touch");
    assert!(ok.success());

    let out = t.run(&["clean-disk", root.to_str().expect("utf8"), "--glob", "*.log", "--json"]);
    out.code(0);
    assert_eq!(out.json()["files"], 1, "{}", out.stdout);
    assert!(!root.join("old.log").exists(), "the name inside the root goes");
    assert_eq!(std::fs::read(&outside).expect("the outside name survives"), vec![b'x'; 1000]);
    assert!(fifo.symlink_metadata().is_ok(), "a fifo is not a regular file: left alone");
}

#[test]
fn dot_dot_in_a_root_is_resolved_before_the_system_directory_check() {
    let t = Test::new();
    // /tmp/.tmpXXXX/a/../../../etc is /etc.
    std::fs::create_dir_all(t.path("a")).expect("mkdir");
    let sneaky = format!("{}/a/../../../etc", t.root().display());
    let t = t.config(&format!("[[clean]]\nname = \"sneaky\"\nroots = [{}]\nolder_than = \"1s\"\n", q(&sneaky)));
    for args in [&["clean-disk", "--dry-run"][..], &["clean-disk"], &["clean-disk", &sneaky, "--older-than", "1s"]] {
        let out = t.run(args);
        out.code(1);
        assert!(out.one_line_error().contains("refusing to clean /etc"), "{args:?}: {}", out.stderr);
    }
    let usr = format!("{}/a/../../../usr/./", t.root().display());
    let out = t.run(&["clean-disk", &usr, "--dry-run"]);
    out.code(1);
    assert!(out.one_line_error().contains("refusing to clean /usr"), "{}", out.stderr);
}

#[test]
fn globs_match_names_never_paths() {
    let t = Test::new();
    let root = t.path("app/logs");
    let outside = t.path("app/precious");
    aged(&outside.join("data.log"), 99);
    aged(&root.join("sub/old.log"), 99);
    let globs = ["../precious/*.log", "../*/*.log", "*/old.log", "/**/*.log", "**/../*"];
    let t = t.config(&format!(
        "[[clean]]\nname = \"logs\"\nroots = [{}]\nglobs = [{}]\n",
        qp(&root),
        globs.map(q).join(", ")
    ));
    let out = t.run(&["clean-disk", "--json"]);
    out.code(0);
    assert_eq!(out.json()["files"], 0, "no glob holding a `/` can match a file name: {}", out.stdout);
    assert!(outside.join("data.log").exists() && root.join("sub/old.log").exists());
}

/// A tmpfs mounted at a path, unmounted when dropped.
struct Mount(PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn another_filesystem_mounted_inside_a_root_is_not_entered() {
    let t = Test::new();
    let root = t.path("logs");
    let mnt = root.join("mnt");
    std::fs::create_dir_all(&mnt).expect("mkdir");
    let mounted = is_root()
        && Command::new("mount")
            .args(["-t", "tmpfs", "hm-test-sec", mnt.to_str().expect("utf8")])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("SKIPPED: mounting a tmpfs needs root");
        return;
    }
    let _mount = Mount(mnt.clone());
    aged(&mnt.join("old.log"), 99);
    aged(&root.join("old.log"), 99);
    let out = t.run(&["clean-disk", root.to_str().expect("utf8"), "--json"]);
    out.code(0);
    assert_eq!(out.json()["files"], 1, "{}", out.stdout);
    assert!(mnt.join("old.log").exists(), "the other filesystem was entered");
}

#[test]
fn a_root_that_is_a_symlink_is_not_followed() {
    // The app's user owns /srv/app and swaps logs/ for a symlink to another
    // user's files; hm, as root, must not clean there.
    let t = Test::new();
    let app = t.path("srv-app");
    let victim = t.path("home-alice/notes.log");
    aged(&victim, 30);
    std::fs::create_dir_all(&app).expect("mkdir");
    std::os::unix::fs::symlink(victim.parent().expect("dir"), app.join("logs")).expect("symlink");
    let t = t.config(&format!("[[clean]]\nname = \"app\"\nroots = [{}]\nglobs = [\"*.log\"]\n", qp(&app.join("logs"))));
    let _ = t.run(&["clean-disk", "--json"]);
    assert!(victim.exists(), "hm followed the symlinked root and deleted {}", victim.display());
}

// --------------------------------------------------------------- signalling

#[test]
fn only_processes_the_matcher_finds_are_signalled() {
    let t = Test::new().config(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^hm-test-sec-api serve\"\n\
         start = [\"bash\", \"-c\", \"exec -a 'hm-test-sec-api serve new' sleep 30\"]\nrestart_delay = \"300ms\"\n\
         grace = \"2s\"\n",
    );
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
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^hm-test-sec-reuse \"\n\
         start = [\"bash\", \"-c\", \"exec -a 'hm-test-sec-reuse new' sleep 30\"]\nstop = [\"bash\", \"-c\", {}]\n\
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
    assert_eq!(common::result(&out.json(), "plugin")["message"], tricks.join(" "));
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

// ------------------------------------------------------------------- names

#[test]
fn names_with_slashes_dots_or_shell_characters_are_refused() {
    let bad = ["a/b", "../etc", "..\\x", "$(touch x)", "a;b", "Api", "a b", "a\nb", "x`id`"];
    let mut text = String::from("host_defaults = false\n");
    for name in bad {
        text.push_str(&format!("\n[[monitor]]\nname = {}\nkind = \"heartbeat\"\n", q(name)));
    }
    text.push_str("\n[[clean]]\nname = \"../logs\"\nroots = [\"/srv/app/logs\"]\n");
    text.push_str("\n[[channel]]\nname = \"a/b\"\nkind = \"log\"\n");
    let t = Test::new().config(&text);
    let out = t.run(&["validate", "--json"]);
    out.code(1);
    let doc = out.json();
    let refused = doc["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter(|e| e["message"].as_str().is_some_and(|m| m.contains("is not a valid name")))
        .count();
    assert_eq!(refused, bad.len() + 2, "{doc:#}");
    t.run(&["check"]).code(3);

    let t = Test::new();
    for name in ["../../etc/cron.d/x", "a/b", "$(touch x)"] {
        let out = t.run(&["ping", name]);
        out.code(1);
        assert!(out.one_line_error().contains("is not a valid ping name"), "{}", out.stderr);
        let out = t.run(&["add", "heartbeat", name]);
        assert_ne!(out.code, 0, "{out:?}");
        assert!(!t.config_path().exists(), "no config written for {name:?}");
    }
}

#[test]
fn values_given_to_hm_add_stay_values() {
    let t = Test::new();
    let marker = t.path("pwned");
    let pattern = format!(
        "x\"\nstart = [\"touch\", {}]\n[[monitor]]\nname = \"evil\"\nkind = \"process\"\nprocess = \"y",
        qp(&marker)
    );
    t.run(&["add", "process", "api", "--pattern", &pattern]).code(0);
    let list = t.run(&["list", "--json"]).json();
    let names: Vec<&str> = list["monitors"]
        .as_array()
        .expect("monitors")
        .iter()
        .filter(|m| m["origin"] == "config")
        .filter_map(|m| m["name"].as_str())
        .collect();
    assert_eq!(names, ["api"], "{list:#}");
    assert_eq!(
        list["monitors"].as_array().and_then(|m| m.iter().find(|m| m["name"] == "api")).map(|m| &m["target"]),
        Some(&serde_json::json!(format!("pattern {pattern}")))
    );
    let out = t.run(&["restart-worker", "api"]);
    out.code(1);
    assert!(out.one_line_error().contains("cannot be restarted: add start = ["), "{}", out.stderr);
    assert!(!marker.exists());
}

// ----------------------------------------------------------------- secrets

const SECRETS: [&str; 4] = ["WEBHOOKPATHSECRET", "WEBHOOKTOKENSECRET", "SERVETOKENSECRET", "/hooks/"];

#[track_caller]
fn assert_no_secret(what: &str, text: &str) {
    for s in SECRETS {
        assert!(!text.contains(s), "{s} leaked in {what}:\n{text}");
    }
}

#[test]
fn tokens_and_webhook_urls_never_print() {
    let t = Test::new();
    common::beat(&t, 60);
    let dead = free_port();
    let config = format!(
        "host_defaults = false\n\n[serve]\ntoken = \"SERVETOKENSECRET-0123456789\"\n\n[alerts]\nfor = 1\n\n{}\n\
         [[channel]]\nname = \"hook\"\nkind = \"webhook\"\nurl = \"http://127.0.0.1:{dead}/hooks/WEBHOOKPATHSECRET\"\n\
         token = \"WEBHOOKTOKENSECRET\"\n",
        common::hb_monitor(&t)
    );
    let t = t.config(&config);
    let mut outputs = Vec::new();
    for args in [
        &["check", "--json"][..],
        &["check"],
        &["alerts", "outbox", "--json"],
        &["alerts", "outbox"],
        &["alerts", "test", "hook", "--json"],
        &["alerts", "test", "hook"],
        &["alerts", "--all", "--json"],
        &["alerts", "flush", "--json"],
        &["validate", "--json"],
        &["validate"],
        &["status", "--json"],
        &["list", "--json"],
        &["export"],
        &["heal", "--dry-run", "--json"],
    ] {
        let out = t.run(args);
        outputs.push((format!("hm {}", args.join(" ")), format!("{}\n{}", out.stdout, out.stderr)));
    }
    let outbox = t.run(&["alerts", "outbox", "--json"]).json();
    assert!(
        outbox["notifications"][0]["last_error"].as_str().is_some_and(|e| !e.is_empty()),
        "the delivery failed and says why: {outbox:#}"
    );
    // Nor is any secret written to the database.
    for suffix in ["", "-wal"] {
        let mut path = t.db_path().into_os_string();
        path.push(suffix);
        let bytes = std::fs::read(&path).unwrap_or_default();
        outputs.push((format!("{path:?}"), String::from_utf8_lossy(&bytes).into_owned()));
    }
    // Nor served: /status, /metrics and a refused restart.
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "1h"]);
    wait_serving(port);
    for path in ["/status", "/metrics", "/history/hb"] {
        outputs.push((path.to_string(), get(port, path).1));
    }
    outputs.push(("POST".into(), post(port, "/monitors/hb/restart", Some("Bearer SERVETOKENSECRET-wrong")).1));
    drop(hm);
    for (what, text) in &outputs {
        assert_no_secret(what, text);
    }

    // Mistakes on the secrets' own lines do not echo them either.
    for (bad, secret) in [
        (config.replace("token = \"WEBHOOKTOKENSECRET\"", "token = \"WEBHOOKTOKENSECRET"), "WEBHOOKTOKENSECRET"),
        (config.replace("http://127.0.0.1", "ftp://user:FTPPASSWORD@files.example"), "FTPPASSWORD"),
        (config.replace("\"SERVETOKENSECRET-0123456789\"", "\"SHORTSECRET\""), "SHORTSECRET"),
        (config.replace("token = \"WEBHOOKTOKENSECRET\"", "token = [\"WEBHOOKTOKENSECRET\"]"), "WEBHOOKTOKENSECRET"),
    ] {
        let t = Test::new().config(&bad);
        for args in [&["check", "--json"][..], &["validate"], &["validate", "--json"]] {
            let out = t.run(args);
            assert_ne!(out.code, 0, "{bad}");
            assert!(
                !out.stdout.contains(secret) && !out.stderr.contains(secret) && !out.stdout.contains("/hooks/"),
                "hm {}: {secret} leaked:\n{out:?}",
                args.join(" ")
            );
        }
    }
}

#[test]
fn the_password_in_an_http_monitors_url_never_prints() {
    let t = Test::new();
    let dead = free_port();
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"site\"\nkind = \"http\"\n\
         url = \"http://admin:HTTPPASSWORD@127.0.0.1:{dead}/health\"\n"
    ));
    for args in [&["check", "--json"][..], &["status", "--json"], &["list", "--json"], &["export"]] {
        let out = t.run(args);
        assert!(!out.stdout.contains("HTTPPASSWORD") && !out.stderr.contains("HTTPPASSWORD"), "{args:?}: {out:?}");
    }
}

// -------------------------------------------------------------------- HTTP

/// Send a request, byte for byte as written (no client-side path
/// normalisation), and read the status and body.
fn raw(port: u16, method: &str, path: &str, headers: &[String]) -> (u16, String) {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    for h in headers {
        req.push_str(h);
        req.push_str("\r\n");
    }
    req.push_str("Content-Length: 0\r\n\r\n");
    s.write_all(req.as_bytes()).expect("send");
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    let code = answer.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (code, answer.split_once("\r\n\r\n").map_or(String::new(), |(_, b)| b.to_string()))
}

/// Wait until the daemon on `port` answers and its first cycle has set up the database.
fn wait_serving(port: u16) {
    wait_port(port, Duration::from_secs(10));
    let start = Instant::now();
    while get(port, "/status").0 != 200 {
        assert!(start.elapsed() < Duration::from_secs(10), "hm serve never answered /status");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn get(port: u16, path: &str) -> (u16, String) {
    raw(port, "GET", path, &[])
}

fn post(port: u16, path: &str, authorization: Option<&str>) -> (u16, String) {
    let headers: Vec<String> = authorization.map(|a| format!("Authorization: {a}")).into_iter().collect();
    raw(port, "POST", path, &headers)
}

/// A process monitor `api` whose start command leaves a marker file.
fn marked_api(t: &Test, serve: &str) -> String {
    format!(
        "host_defaults = false\n{serve}\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^hm-test-sec-http \"\n\
         start = [\"touch\", {}]\nrestart_delay = \"100ms\"\n",
        qp(&t.path("restarted"))
    )
}

#[test]
fn serve_listens_on_loopback_unless_told_otherwise() {
    const PORT: u16 = 9184;
    let listening = |port: u16| -> Vec<String> {
        let mut found = Vec::new();
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            for line in std::fs::read_to_string(table).unwrap_or_default().lines().skip(1) {
                let f: Vec<&str> = line.split_whitespace().collect();
                if f.len() > 3 && f[3] == "0A" && f[1].ends_with(&format!(":{port:04X}")) {
                    found.push(f[1].to_string());
                }
            }
        }
        found
    };
    if !listening(PORT).is_empty() {
        eprintln!("SKIPPED: something already listens on port {PORT}");
        return;
    }
    let t = Test::new();
    common::beat(&t, 0);
    let text = common::hb_monitor(&t);
    let t = t.config(&format!("host_defaults = false\n{text}"));
    let hm = Daemon::start(&t, &["serve", "--interval", "1h"]);
    wait_port(PORT, Duration::from_secs(10));
    let sockets = listening(PORT);
    drop(hm);
    assert_eq!(sockets, [format!("0100007F:{PORT:04X}")], "only 127.0.0.1");
}

#[test]
fn on_any_address_without_a_usable_token_nothing_acts() {
    let t = Test::new();
    // The token comes from a variable that is not set.
    let text = marked_api(&t, "[serve]\ntoken = { env = \"HM_TEST_SEC_UNSET_TOKEN\" }\n");
    let t = t.config(&text);
    let port = free_port();
    let hm = Daemon::start(&t, &["serve", "--listen", &format!("0.0.0.0:{port}"), "--interval", "1h"]);
    wait_serving(port);
    for auth in [None, Some("Bearer "), Some("Bearer anything-at-all-0123456789")] {
        let (code, body) = post(port, "/monitors/api/restart", auth);
        assert_eq!(code, 403, "{auth:?}: {body}");
    }
    drop(hm);
    let t = Test::new();
    let text = marked_api(&t, "");
    let t = t.config(&text);
    let port = free_port();
    let hm = Daemon::start(&t, &["serve", "--listen", &format!("0.0.0.0:{port}"), "--interval", "1h"]);
    wait_serving(port);
    assert_eq!(post(port, "/monitors/api/restart", Some("Bearer x")).0, 403, "no [serve] token: refused outright");
    drop(hm);
    assert!(!t.path("restarted").exists());
    assert_eq!(t.run(&["actions", "--json"]).json()["actions"].as_array().map(Vec::len), Some(0));
}

#[test]
fn only_the_exact_bearer_token_restarts_and_only_a_configured_monitor() {
    let t = Test::new();
    let token = "SERVETOKEN-0123456789abcdef";
    let text = marked_api(&t, "[serve]\ntoken = { env = \"HM_TEST_SEC_TOKEN\" }\n");
    let t = t.config(&text).env("HM_TEST_SEC_TOKEN", token);
    let port = free_port();
    let _hm = Daemon::start(&t, &["serve", "--listen", &format!("127.0.0.1:{port}"), "--interval", "1h"]);
    wait_serving(port);
    let near_misses = [
        format!("bearer {token}"),
        format!("Basic {token}"),
        format!("Bearer {token}x"),
        format!("Bearer {}", &token[..token.len() - 1]),
        format!("Bearer  {}", token.to_lowercase()),
        format!("Token {token}"),
        token.to_string(),
    ];
    for auth in &near_misses {
        assert_eq!(post(port, "/monitors/api/restart", Some(auth)).0, 401, "{auth}");
    }
    // In the query string it is not a token.
    assert_eq!(post(port, &format!("/monitors/api/restart?token={token}"), None).0, 401);
    // A wrong token learns nothing about which monitors exist.
    assert_eq!(post(port, "/monitors/nope/restart", Some("Bearer wrong")).0, 401);
    let bearer = format!("Bearer {token}");
    for path in [
        "/monitors/../monitors/api/restart",
        "/monitors/api/../api/restart",
        "/monitors/..%2Fapi/restart",
        "/monitors/api%2F..%2Fapi/restart",
        "/monitors/api%00/restart",
        "/monitors/API/restart",
        "/monitors//restart",
    ] {
        let (code, body) = post(port, path, Some(&bearer));
        assert_eq!(code, 404, "{path}: {body}");
    }
    for path in ["/history/../status", "/history/..%2F..%2Fetc%2Fpasswd", "/../../etc/passwd"] {
        let (code, body) = get(port, path);
        assert_eq!(code, 404, "{path}: {body}");
        assert!(!body.contains("root:"), "{body}");
    }
    assert_eq!(get(port, "/monitors/api/restart").0, 405, "GET never acts");
    assert!(!t.path("restarted").exists(), "nothing restarted yet");
    assert_eq!(t.run(&["actions", "--json"]).json()["actions"].as_array().map(Vec::len), Some(0));
    // The exact token does act (the start command runs).
    let (code, body) = post(port, "/monitors/api/restart", Some(&bearer));
    assert!(code == 200 || code == 500, "{code} {body}");
    assert!(t.path("restarted").exists(), "{body}");
}

// ------------------------------------------------------- root and owners

#[test]
fn a_worker_log_that_is_a_symlink_is_not_followed() {
    // The log lives in the worker user's directory; that user points it at
    // a file only root may write, and the worker's output lands there.
    let t = Test::new();
    let precious = t.path("etc-passwd");
    std::fs::write(&precious, "root:x:0:0::/root:/bin/sh\n").expect("precious");
    let log = t.path("worker.log");
    std::os::unix::fs::symlink(&precious, &log).expect("symlink");
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^hm-test-sec-log \"\n\
         start = [\"echo\", \"evil::0:0::/root:/bin/sh\"]\nlog = {}\nrestart_delay = \"100ms\"\n",
        qp(&log)
    ));
    let _ = t.run(&["restart-worker", "api", "--json"]);
    assert_eq!(std::fs::read_to_string(&precious).expect("read"), "root:x:0:0::/root:/bin/sh\n");
}

#[test]
fn as_root_a_config_others_may_write_is_refused() {
    if !is_root() {
        eprintln!("SKIPPED: only matters as root");
        return;
    }
    let t = Test::new();
    let marker = t.path("pwned");
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"x\"\nkind = \"command\"\ncommand = [\"touch\", {}]\n",
        qp(&marker)
    ));
    std::fs::set_permissions(t.config_path(), std::os::unix::fs::PermissionsExt::from_mode(0o666)).expect("chmod");
    let out = t.run(&["check"]);
    assert!(!marker.exists(), "a command from a world-writable config ran as root");
    out.code(3);
}
