//! Issue 25: nothing a user owns can make root's hm write into, or read
//! from, what that user could not. An application's database, a heartbeat
//! file and a workspace that belong to `hm-attacker` (a real user, through
//! `setpriv`) are turned against root's `hm check`, `heal` and
//! `clear-locks`: a symlink to root's database with a crafted hot journal
//! beside it, a directory swapped under a running check, a database its
//! owner made read-only, symlinks into a directory only root may read, and
//! a query that never ends.

use crate::common::security::{Attacker, qp};
use crate::common::{Test, result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Not a test of hm: the attacker's swapping loop (see issue14.rs).
#[test]
fn attacker_swap_loop() {
    crate::common::security::swap_loop_if_asked();
}

const SWAP_FN: &str = "security_files::issue25::attacker_swap_loop";

/// A database of `n` rows whose value is `v`, in rollback-journal mode.
fn db_of(path: &Path, v: &str) {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.execute_batch(&format!(
        "PRAGMA journal_mode = DELETE;
         CREATE TABLE kv (k INTEGER PRIMARY KEY, v TEXT);
         WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2000)
         INSERT INTO kv SELECT x, '{v}' FROM n;"
    ))
    .expect("rows");
}

/// A hot journal whose rollback writes pages saying 'attacker': made from
/// a database of the attacker's, mid-transaction, as a crash leaves it.
fn crafted_journal(work: &Path) -> PathBuf {
    let db = work.join("crafted.db");
    db_of(&db, "attacker");
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch("PRAGMA cache_size = 1; BEGIN; UPDATE kv SET v = 'half-written';").expect("update");
    let journal = work.join("crafted.journal");
    std::fs::copy(work.join("crafted.db-journal"), &journal).expect("copy journal");
    conn.execute_batch("ROLLBACK").expect("rollback");
    journal
}

fn chown_r(att: &Attacker, path: &Path) {
    let ok = Command::new("chown").arg("-hR").arg(format!("{}:{}", att.uid, att.gid)).arg(path).status();
    assert!(ok.is_ok_and(|s| s.success()), "chown -R {}", path.display());
}

fn sqlite_monitor(name: &str, path: &Path) -> String {
    format!("[[monitor]]\nname = \"{name}\"\nkind = \"sqlite\"\npath = {}\nlock_timeout = \"100ms\"\n", qp(path))
}

#[test]
fn issue25_a_users_symlink_to_roots_database_never_gets_a_journal_rolled_into_it() {
    let Some(att) = Attacker::get("issue25 sqlite symlink") else { return };
    let t = Test::new();
    // Root's database in a sticky directory (as /tmp), which the attacker
    // may add files to but not change root's.
    let sticky = t.path("tmp");
    std::fs::create_dir(&sticky).expect("mkdir");
    std::fs::set_permissions(&sticky, std::os::unix::fs::PermissionsExt::from_mode(0o1777)).expect("chmod");
    let roots = sticky.join("root.db");
    db_of(&roots, "root");
    let before = std::fs::read(&roots).expect("read");
    // The attacker's application directory: jobs.db leads to root's
    // database, and the crafted journal sits beside root's database.
    let work = att.owned_dir(&t.path("work"));
    let journal = crafted_journal(&work);
    chown_r(&att, &work);
    let app = att.owned_dir(&t.path("app"));
    att.sh(&format!("cp {} {}-journal && ln -s {} {}/jobs.db", qp(&journal), qp(&roots), qp(&roots), qp(&app)));
    let jobs = app.join("jobs.db");
    let t = t.config(&format!("host_defaults = false\n\n{}", sqlite_monitor("jobs", &jobs)));

    let out = t.run(&["check", "--json"]);
    assert!(std::fs::read(&roots).expect("read") == before, "root's database was written through the user's symlink");
    out.code(2);
    let message = result(&out.json(), "jobs")["message"].as_str().expect("message").to_string();
    assert!(message.contains("is a symlink") && message.contains("does not follow"), "{message}");
    for args in [&["heal", "--json"][..], &["clear-locks", "--json"], &["clear-locks", jobs.to_str().expect("utf-8")]] {
        let out = t.run(args);
        assert!(out.stderr.contains("is a symlink") || out.stdout.contains("is a symlink"), "{args:?}: {out:?}");
    }
    assert!(std::fs::read(&roots).expect("read") == before, "root's database was written through the user's symlink");
    assert!(sticky.join("root.db-journal").exists(), "the planted journal was rolled back (and removed)");
}

#[test]
fn issue25_a_directory_swapped_under_running_checks_never_lets_root_write_roots_database() {
    let Some(att) = Attacker::get("issue25 sqlite swap race") else { return };
    let t = Test::new();
    // Root's database, in a directory only root may write.
    let rootdir = t.path("rootdir");
    std::fs::create_dir(&rootdir).expect("mkdir");
    let roots = rootdir.join("jobs.db");
    db_of(&roots, "root");
    let before = std::fs::read(&roots).expect("read");
    // The attacker's: srv/app holds its own jobs.db with the crafted hot
    // journal; srv/evil leads to root's directory. It exchanges the two
    // names all the time, so SQLite, resolving names at different moments,
    // would open root's database and the attacker's journal.
    let srv = att.owned_dir(&t.path("srv"));
    let work = att.owned_dir(&t.path("work"));
    let journal = crafted_journal(&work);
    std::fs::create_dir(srv.join("app")).expect("mkdir");
    db_of(&srv.join("app/jobs.db"), "theirs");
    std::fs::copy(&journal, srv.join("app/jobs.db-journal")).expect("journal");
    std::os::unix::fs::symlink(&rootdir, srv.join("evil")).expect("symlink");
    chown_r(&att, &srv);
    chown_r(&att, &work);
    let jobs = srv.join("app/jobs.db");
    let t = t.config(&format!(
        "host_defaults = false\n\n{}\n[[monitor]]\nname = \"beat\"\nkind = \"heartbeat\"\ndatabase = {}\n\
         query = \"SELECT max(k) FROM kv\"\nwarn = \"100y\"\ncrit = \"100y\"\n",
        sqlite_monitor("jobs", &jobs),
        qp(&jobs)
    ));
    let _swapper = att.swap(t.root(), SWAP_FN, &srv, "app", "evil");
    // A rollback uses the journal up: the attacker plants it again, in
    // whichever of the two names is its real directory at the moment.
    let _planter = att.spawn_sh(&format!(
        "end=$(($(date +%s) + 40)); while [ $(date +%s) -lt $end ]; do \
         for d in app evil; do [ -e {srv}/$d/jobs.db-journal ] || cp {j} {srv}/$d/jobs.db-journal 2>/dev/null; done; \
         sleep 0.002; done",
        srv = qp(&srv),
        j = qp(&journal),
    ));
    let (mut runs, mut refused, mut looked) = (0, 0, 0);
    let start = Instant::now();
    while runs < 300 && start.elapsed() < Duration::from_secs(25) {
        let out = t.run(&["check", "--json"]);
        runs += 1;
        let doc = out.json();
        let message = result(&doc, "jobs")["message"].as_str().unwrap_or_default().to_string();
        if message.contains("symlink") {
            refused += 1;
        } else {
            looked += 1;
        }
        assert!(
            std::fs::read(&roots).expect("read") == before,
            "run {runs}: root's database was written (a journal of the attacker's rolled into it): {message}"
        );
    }
    eprintln!("{runs} runs under the swap: {looked} looked at the attacker's database, {refused} refused the symlink");
    assert!(refused > 0 && looked > 0, "the swap raced the runs ({looked} looked, {refused} refused)");
}

#[test]
fn issue25_clear_locks_writes_a_users_database_with_that_users_rights_only() {
    let Some(att) = Attacker::get("issue25 clear-locks rights") else { return };
    let t = Test::new();
    let app = att.owned_dir(&t.path("app"));
    let work = att.owned_dir(&t.path("work"));
    let journal = crafted_journal(&work);
    let jobs = app.join("jobs.db");
    db_of(&jobs, "theirs");
    std::fs::copy(&journal, app.join("jobs.db-journal")).expect("journal");
    chown_r(&att, &app);
    // The owner made its database read-only: root could write it anyway;
    // its owner, and so hm on its behalf, may not.
    std::fs::set_permissions(&jobs, std::os::unix::fs::PermissionsExt::from_mode(0o444)).expect("chmod");
    let before = std::fs::read(&jobs).expect("read");
    let t = t.config(&format!("host_defaults = false\n\n{}", sqlite_monitor("jobs", &jobs)));
    let out = t.run(&["check", "--json"]);
    out.code(2);
    assert_eq!(result(&out.json(), "jobs")["message"], "hot journal (an unfinished transaction); run hm clear-locks");
    let out = t.run(&["clear-locks", "--json"]);
    assert_ne!(out.code, 0, "{out:?}");
    assert!(out.stderr.contains("may not be written with the rights of its owner"), "{out:?}");
    assert!(std::fs::read(&jobs).expect("read") == before, "root's rights wrote a file its owner made read-only");
    // Writable by its owner again: clear-locks rolls the journal back, and
    // what it leaves beside the database is the owner's, not root's.
    std::fs::set_permissions(&jobs, std::os::unix::fs::PermissionsExt::from_mode(0o644)).expect("chmod");
    let out = t.run(&["clear-locks", "--json"]);
    out.code(0);
    assert_eq!(out.json()["databases"][0]["steps"][0], "rolled back the hot journal", "{}", out.stdout);
    assert!(!app.join("jobs.db-journal").exists());
    use std::os::unix::fs::MetadataExt;
    assert_eq!(std::fs::metadata(&jobs).expect("stat").uid(), att.uid);
    let conn = rusqlite::Connection::open(&jobs).expect("open");
    conn.execute_batch("PRAGMA journal_mode = WAL").expect("wal");
    drop(conn);
    chown_r(&att, &app);
    t.run(&["check"]).code(0);
    for f in ["jobs.db-wal", "jobs.db-shm"] {
        if let Ok(m) = std::fs::metadata(app.join(f)) {
            assert_eq!(m.uid(), att.uid, "{f} was created by root's rights");
        }
    }
}

#[test]
fn issue25_an_endless_query_is_stopped_at_the_checks_timeout_and_burns_no_core() {
    let Some(att) = Attacker::get("issue25 endless query") else { return };
    let t = Test::new();
    let app = att.owned_dir(&t.path("app"));
    let db = app.join("runs.db");
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch(
        "CREATE VIEW beats AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x AS ts FROM c;",
    )
    .expect("view");
    drop(conn);
    chown_r(&att, &app);
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"beat\"\nkind = \"heartbeat\"\ndatabase = {}\n\
         query = \"SELECT max(ts) FROM beats\"\ntimeout = \"1s\"\n",
        qp(&db)
    ));
    let start = Instant::now();
    let out = t.run(&["check", "--json"]);
    assert!(start.elapsed() < Duration::from_secs(4), "took {:?}", start.elapsed());
    let message = result(&out.json(), "beat")["message"].as_str().expect("message").to_string();
    assert!(message.contains("stopped at the check's timeout") || message.contains("timed out"), "{message}");

    // hm run: no thread may spin on after its check's timeout. Cycles
    // every 3 s, each running the query for its 1 s timeout: about a third
    // of a core; a thread left spinning would take a whole one.
    let mut run = t.command(&["run", "--interval", "3s"]).stdout(std::process::Stdio::null()).spawn().expect("hm run");
    let cpu = |pid: u32| -> f64 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or_default().split_whitespace().collect();
        let ticks: f64 = fields.get(11..13).map_or(0.0, |f| f.iter().filter_map(|v| v.parse::<f64>().ok()).sum());
        ticks / 100.0
    };
    std::thread::sleep(Duration::from_millis(4500));
    let (c0, t0) = (cpu(run.id()), Instant::now());
    std::thread::sleep(Duration::from_secs(4));
    let used = (cpu(run.id()) - c0) / t0.elapsed().as_secs_f64();
    let status = t.run(&["status", "--json"]);
    let _ = run.kill();
    let _ = run.wait();
    let doc = status.json();
    let beat = doc["monitors"].as_array().and_then(|m| m.iter().find(|m| m["monitor"] == "beat")).expect("beat");
    let message = beat["message"].as_str().unwrap_or_default().to_string();
    assert!(!message.contains("still hung"), "{message}");
    assert!(used < 0.7, "hm run used {used:.2} cores: a stopped query's thread spins on ({message})");
}

#[test]
fn issue25_symlinks_of_a_user_show_root_nothing_of_roots_files() {
    let Some(att) = Attacker::get("issue25 read with the owner's rights") else { return };
    let t = Test::new();
    // A directory only root may read, with a file in it.
    let secret = t.path("secret");
    std::fs::create_dir(&secret).expect("mkdir");
    std::fs::set_permissions(&secret, std::os::unix::fs::PermissionsExt::from_mode(0o700)).expect("chmod");
    std::fs::write(secret.join("key"), vec![b'k'; 1 << 20]).expect("write");
    // The attacker's heartbeat file is a symlink to root's file; its
    // workspace holds a symlink into root's directory, and another
    // workspace is itself a symlink to it.
    let home = att.owned_dir(&t.path("home"));
    let ws = att.owned_dir(&home.join("ws"));
    att.sh(&format!(
        "ln -s {key} {home}/beat && ln -s {secret} {ws}/peek && ln -s {secret} {home}/ws2",
        key = qp(&secret.join("key")),
        secret = qp(&secret),
        home = qp(&home),
        ws = qp(&ws),
    ));
    let t = t.config(&format!(
        "host_defaults = false\n\n\
         [[monitor]]\nname = \"beat\"\nkind = \"heartbeat\"\nfile = {}\nwarn = \"100y\"\ncrit = \"100y\"\n\n\
         [[monitor]]\nname = \"ws\"\nkind = \"workspace\"\npath = {}\nrequired = [\"peek/key\"]\n\n\
         [[monitor]]\nname = \"ws2\"\nkind = \"workspace\"\npath = {}\n",
        qp(&home.join("beat")),
        qp(&ws),
        qp(&home.join("ws2")),
    ));
    let out = t.run(&["check", "--json"]);
    let doc = out.json();
    let beat = result(&doc, "beat")["message"].as_str().expect("message").to_string();
    assert!(beat.contains("symlink") && !beat.contains("modified"), "the mtime of root's file leaked: {beat}");
    let ws = result(&doc, "ws")["message"].as_str().expect("message").to_string();
    assert!(ws.contains("missing peek/key"), "root's file was seen through the user's symlink: {ws}");
    let ws2 = result(&doc, "ws2");
    assert!(ws2["message"].as_str().expect("message").contains("symlink"), "{ws2}");
    assert!(ws2["metrics"].as_array().is_none_or(|m| m.is_empty()), "the size of root's directory leaked: {ws2}");
}
