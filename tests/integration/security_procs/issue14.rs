//! Issue 14, signalling: a pidfile is believed only when nobody but root
//! (or the monitor's `user`) could have written it or chosen where its path
//! leads, and hm never counts or signals pid 1, itself or its ancestors.
//! Staged with real processes and, where it takes another user, as
//! `hm-attacker` (tests/integration/common/security.rs).

use super::{alive, kill_new};
use crate::common::renamed::renamed;
use crate::common::security::{Attacker, q, qp};
use crate::common::{Test, Worker};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

// ------------------------------------------------ pidfiles and ancestors
// Issue 14: a pidfile anyone else could write, or a pattern that matches
// the shell that started hm, must never get root's processes or hm's own
// parent killed.

/// A `process` monitor `name` whose worker is found by `pidfile`, plus `extra` keys.
fn pidfile_monitor(name: &str, pidfile: &Path, extra: &str) -> String {
    format!(
        "[[monitor]]\nname = \"{name}\"\nkind = \"process\"\npidfile = {}\nstart = [\"true\"]\n\
         grace = \"1s\"\nrestart_delay = \"200ms\"\n{extra}\n",
        qp(pidfile)
    )
}

/// `path` holding `pid`, written by root with `mode`.
fn root_pidfile(path: &Path, pid: u32, mode: u32) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, format!("{pid}\n")).expect("pidfile");
    std::fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(mode)).expect("chmod");
}

/// A bash that waits for `go` to exist, then runs `script` (hm as its
/// child) and says `survived`; its pid is known before hm starts.
fn parent_shell(t: &Test, go: &Path, script: &str) -> Child {
    Command::new("bash")
        .arg("-c")
        .arg(format!("while [ ! -e {} ]; do sleep 0.02; done; {script}; echo survived", go.display()))
        .env("HM", env!("CARGO_BIN_EXE_hm"))
        .env("HM_CONFIG", t.config_path())
        .env("HM_DB", t.db_path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("parent shell")
}

#[test]
fn issue14_a_pidfile_another_user_could_write_is_never_believed() {
    let Some(attacker) = Attacker::get("issue14_a_pidfile_another_user_could_write_is_never_believed") else { return };
    let t = Test::new();
    let mut bystander = Worker::spawn("hm-test-sec-root-bystander"); // root's, started first
    let go = t.path("go");
    let parent = parent_shell(
        &t,
        &go,
        "$HM restart-worker own --json; $HM heal --json > \"$HM_DB.heal.json\"; $HM check --json > \"$HM_DB.check.json\"",
    );
    // (a) The attacker's own pidfile in its run directory names hm's parent.
    let own = attacker.owned_dir(&t.path("app/run")).join("api.pid");
    attacker.sh(&format!("echo {} > {}", parent.id(), own.display()));
    // (b) The same, naming a root process.
    let root = attacker.owned_dir(&t.path("app2/run")).join("api.pid");
    attacker.sh(&format!("echo {} > {}", bystander.pid(), root.display()));
    // (c) root's own pidfile (0644) in a directory the attacker owns.
    let in_theirs = attacker.owned_dir(&t.path("app3/run")).join("api.pid");
    root_pidfile(&in_theirs, bystander.pid(), 0o644);
    // (d) The attacker swaps its run directory for a symlink to root's,
    // where a root pidfile of the same name names a root process.
    let real = t.path("rootrun/api.pid");
    root_pidfile(&real, bystander.pid(), 0o644);
    let app4 = attacker.owned_dir(&t.path("app4"));
    attacker.owned_dir(&app4.join("run"));
    attacker.sh(&format!(
        "cd {} && mv run run.old && ln -s {} run",
        app4.display(),
        real.parent().expect("dir").display()
    ));
    let swapped = app4.join("run/api.pid");
    // (e) A pidfile others may write, in root's own directory.
    let writable = t.path("rootrun2/api.pid");
    root_pidfile(&writable, bystander.pid(), 0o666);
    let cases =
        [("own", &own), ("root", &root), ("theirs", &in_theirs), ("swapped", &swapped), ("writable", &writable)];
    let config: String = cases.iter().map(|(name, p)| pidfile_monitor(name, p, "")).collect();
    let t = t.config(&format!("host_defaults = false\n\n{config}"));
    std::fs::write(&go, "").expect("go");
    let out = parent.wait_with_output().expect("parent");
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(stdout.ends_with("survived\n"), "hm's parent was killed: {:?}\n{stdout}\n{stderr}", out.status);
    assert!(stderr.contains("pidfile not trusted") && stderr.contains("nothing was signalled"), "{stderr}");
    assert!(alive(&mut bystander.0), "root's process was signalled:\n{stdout}\n{stderr}");
    let heal: serde_json::Value =
        serde_json::from_slice(&std::fs::read(format!("{}.heal.json", t.db_path().display())).expect("heal"))
            .expect("json");
    let check: serde_json::Value =
        serde_json::from_slice(&std::fs::read(format!("{}.check.json", t.db_path().display())).expect("check"))
            .expect("json");
    for (name, _) in cases {
        let remedy = heal["remedies"].as_array().into_iter().flatten().find(|r| r["monitor"] == name);
        let details = remedy.map(|r| r["details"].to_string()).unwrap_or_default();
        assert!(details.contains("pidfile not trusted"), "{name}: {heal:#}");
        let message = crate::common::result(&check, name)["message"].as_str().unwrap_or("").to_string();
        assert!(message.starts_with("pidfile not trusted: "), "{name}: {message}");
        let out = t.run(&["restart-worker", name, "--json"]);
        out.code(1);
        assert!(out.stderr.contains("pidfile not trusted"), "{name}: {}", out.stderr);
    }
    assert!(alive(&mut bystander.0), "root's process was signalled");
}

#[test]
fn issue14_a_pidfile_naming_init_or_hm_itself_is_not_believed() {
    let t = Test::new();
    let (init, own) = (t.path("run/init.pid"), t.path("run/own.pid"));
    root_pidfile(&init, 1, 0o644);
    let t = t.config(&format!(
        "host_defaults = false\n\n{}{}",
        pidfile_monitor("init", &init, ""),
        pidfile_monitor("own", &own, "")
    ));
    let out = t.run(&["check", "init", "--json"]);
    let message = crate::common::result(&out.json(), "init")["message"].as_str().unwrap_or("").to_string();
    assert!(message.contains("not trusted") && message.contains("pid 1,"), "{message}");
    // hm writes its own pid (the shell's, which execs hm) into the pidfile.
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!("umask 022; echo $$ > {}; exec \"$0\" check own --json", own.display()))
        .arg(env!("CARGO_BIN_EXE_hm"))
        .env("HM_CONFIG", t.config_path())
        .env("HM_DB", t.db_path())
        .output()
        .expect("hm");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let message = crate::common::result(&doc, "own")["message"].as_str().unwrap_or("").to_string();
    assert!(message.contains("not trusted") && message.contains("which is init, hm or an ancestor of hm"), "{message}");
}

#[test]
fn issue14_a_trusted_pidfile_still_restarts_its_worker() {
    let t = Test::new();
    let pidfile = t.path("run/api.pid");
    let mut worker = Worker::spawn("hm-test-sec-pidfile-worker");
    root_pidfile(&pidfile, worker.pid(), 0o644);
    let start = format!("umask 022; echo $$ > {}; exec -a hm-test-sec-pidfile-new sleep 30", pidfile.display());
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npidfile = {}\n\
         process = \"hm-test-sec-pidfile-worker\"\nstart = [\"bash\", \"-c\", {}]\ngrace = \"2s\"\nrestart_delay = \"300ms\"\n",
        qp(&pidfile),
        q(&start)
    ));
    t.run(&["check"]).code(0);
    let out = t.run(&["restart-worker", "api", "--json"]);
    let doc = out.json();
    kill_new(&doc);
    assert_eq!(doc["old_pids"], serde_json::json!([worker.pid()]), "{doc:#}");
    assert!(!alive(&mut worker.0), "the worker named by a trusted pidfile was stopped: {doc:#}");
    // The new worker is not `hm-test-sec-pidfile-worker`: its pidfile is
    // believed about nothing else.
    // (Stopped again, it is gone: hm reaps the workers it starts. Left a
    // zombie, it would still be a pid, of another process.)
    let message = crate::common::result(&t.run(&["check", "--json"]).json(), "api")["message"].to_string();
    assert!(
        message.contains("which is not process hm-test-sec-pidfile-worker") || message.contains("none running"),
        "{message}"
    );
}

#[test]
fn issue14_with_user_the_users_own_pidfile_is_believed_about_its_processes_only() {
    let Some(attacker) = Attacker::get("issue14_with_user_the_users_own_pidfile_is_believed_about_its_processes_only")
    else {
        return;
    };
    let t = Test::new();
    let run = attacker.owned_dir(&t.path("app/run"));
    let pidfile = run.join("api.pid");
    let mut app = attacker.spawn_sh(&format!("echo $$ > {}; exec sleep 600", pidfile.display()));
    let start = Instant::now();
    while std::fs::read_to_string(&pidfile).unwrap_or_default().trim() != app.pid().to_string() {
        assert!(start.elapsed() < Duration::from_secs(5), "the app never wrote its pidfile");
        std::thread::sleep(Duration::from_millis(10));
    }
    let t = t.config(&format!(
        "host_defaults = false\n\n{}",
        pidfile_monitor("api", &pidfile, &format!("user = {}", q(crate::common::security::ATTACKER)))
    ));
    t.run(&["check"]).code(0);
    let doc = t.run(&["restart-worker", "api", "--json"]).json();
    assert_eq!(doc["old_pids"], serde_json::json!([app.pid()]), "{doc:#}");
    assert!(!alive(&mut app.0), "the user's own worker was stopped");
    // The user names a root process instead: it does not run as the user.
    let mut bystander = Worker::spawn("hm-test-sec-root-bystander");
    attacker.sh(&format!("echo {} > {}", bystander.pid(), pidfile.display()));
    let doc = t.run(&["restart-worker", "api", "--json"]).json();
    assert_eq!(doc["old_pids"], serde_json::json!([]), "{doc:#}");
    assert!(alive(&mut bystander.0), "a root process named by the user's pidfile was signalled: {doc:#}");
}

#[test]
fn issue14_a_pattern_matching_hms_own_ancestors_never_counts_or_signals_them() {
    let (start, pattern) = renamed("hm-test-sec-marker ", "hm-test-sec-marker new", "", "sleep 30");
    let t = Test::new().config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"{pattern}\"\n\
         start = {start}\nrestart_delay = \"300ms\"\ngrace = \"2s\"\n",
    ));
    let mut worker = Worker::spawn("hm-test-sec-marker worker");
    // hm's parent (and grandparent) command lines match the pattern too.
    let go = t.path("go");
    std::fs::write(&go, "").expect("go");
    let parent = parent_shell(
        &t,
        &go,
        "exec -a 'hm-test-sec-marker grandparent' bash -c 'exec -a \"hm-test-sec-marker parent\" bash -c \"\\$HM check --json; \\$HM restart-worker api --json; echo survived\"'",
    );
    let out = parent.wait_with_output().expect("parent");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let docs: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&stdout).into_iter().flatten().collect();
    for d in &docs {
        kill_new(d);
    }
    assert!(stdout.trim_end().ends_with("survived"), "hm's ancestors were killed: {:?}\n{stdout}", out.status);
    assert_eq!(docs.len(), 2, "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(crate::common::result(&docs[0], "api")["message"], format!("1 running (pid {})", worker.pid()));
    assert_eq!(docs[1]["old_pids"], serde_json::json!([worker.pid()]), "{:#}", docs[1]);
    let _ = worker.0.wait();
}
