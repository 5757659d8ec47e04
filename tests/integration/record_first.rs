//! Record before acting (issue 26): with hm's database held by another
//! writer (`BEGIN EXCLUSIVE`, as a `sqlite3` shell holds it), no remedy
//! acts, each says so in one line naming the holder's pid, and nothing is
//! left unrecorded; on the full disk that holds the database, clean-disk
//! frees it anyway, telling stderr and the system log first, and records
//! it once there is room.

use crate::common::{Test, aged_file, is_root};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// The pids whose command line starts with `argv0`.
pub(crate) fn pids_of(argv0: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else { continue };
        if std::fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|c| c.starts_with(argv0.as_bytes())) {
            out.push(pid);
        }
    }
    out
}

/// SIGKILL every process whose command line starts with `argv0`.
pub(crate) fn kill_all(argv0: &str) {
    for pid in pids_of(argv0) {
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(i32::try_from(pid).expect("pid")),
            nix::sys::signal::Signal::SIGKILL,
        );
    }
}

/// Kills, when dropped (a test that ends or fails), every process whose
/// command line starts with one of its names.
pub(crate) struct Cleanup<'a>(pub &'a [&'a str]);

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        self.0.iter().for_each(|argv0| kill_all(argv0));
    }
}

/// A process monitor `w` whose worker is `sleep` shown as `argv0`.
pub(crate) fn worker_config(argv0: &str, delay: &str, extra: &str) -> String {
    format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"w\"\nkind = \"process\"\npattern = \"^{argv0}\"\n\
         start = [\"bash\", \"-c\", \"exec -a {argv0} sleep 600\"]\nrestart_delay = \"{delay}\"\n{extra}"
    )
}

fn actions(t: &Test, db: &Path) -> Vec<serde_json::Value> {
    let out = t.run(&["actions", "--json", "--db", db.to_str().expect("utf8")]);
    out.json()["actions"].as_array().expect("actions").clone()
}

#[test]
fn issue26_a_locked_database_stops_every_remedy_and_names_its_holder() {
    let argv0 = "hm-test-i26-locked";
    let t = Test::new();
    let junk = t.path("junk");
    aged_file(&junk.join("old.log"), 10, Duration::from_secs(7200));
    let clean = format!("\n[[clean]]\nname = \"junk\"\nroots = [\"{}\"]\nolder_than = \"1h\"\n", junk.display());
    let t = t.config(&worker_config(argv0, "200ms", &clean));
    let db = t.db_path();
    t.run(&["check"]).code(2);
    // Another process's writer, as `sqlite3 hm.db 'BEGIN EXCLUSIVE'` is:
    // a real POSIX lock that hm, another process, meets.
    let holder = rusqlite::Connection::open(&db).expect("open");
    holder.execute_batch("BEGIN EXCLUSIVE").expect("begin exclusive");
    let said = format!("not acting: cannot record it: hm.db is locked by pid {}", std::process::id());

    let heal = t.run(&["heal"]);
    heal.code(3);
    assert!(heal.stderr.contains(&said), "{}", heal.stderr);
    assert!(pids_of(argv0).is_empty(), "the worker was started unrecorded");

    for args in [&["restart-worker", "w"][..], &["clean-disk"][..]] {
        let out = t.run(args);
        out.code(1);
        assert_eq!(out.one_line_error(), format!("hm: error: {said}"), "{args:?}");
    }
    assert!(pids_of(argv0).is_empty(), "restart-worker started it unrecorded");
    assert!(junk.join("old.log").exists(), "clean-disk deleted unrecorded");

    holder.execute_batch("ROLLBACK").expect("rollback");
    drop(holder);
    assert_eq!(actions(&t, &db), Vec::<serde_json::Value>::new(), "nothing done, nothing recorded");
    // Free again: the heal acts, and its row was written before it did.
    let heal = t.run(&["heal", "--json"]);
    kill_all(argv0);
    assert_eq!(heal.json()["remedies"][0]["outcome"], "restarted", "{}", heal.stdout);
    let rows = actions(&t, &db);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["outcome"], "ok");
    assert_eq!(rows[0]["targets"], format!("start bash -c exec -a {argv0} sleep 600"));
}

/// A tmpfs of `size`, unmounted when dropped.
struct Mounted(std::path::PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[test]
fn issue26_clean_disk_frees_the_full_disk_of_the_database_then_records_it() {
    if !is_root() {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI runs as root: this test must run");
        eprintln!("SKIPPED issue26_clean_disk_frees_the_full_disk_of_the_database_then_records_it: needs root");
        return;
    }
    let t = Test::new();
    let mnt = t.path("small");
    std::fs::create_dir_all(&mnt).expect("mkdir");
    let ok = Command::new("mount").args(["-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs"]).arg(&mnt).status();
    assert!(ok.is_ok_and(|s| s.success()), "mount a tmpfs");
    let _mounted = Mounted(mnt.clone());
    let db = mnt.join("hm.db");
    let junk = mnt.join("junk");
    let clean = format!("[[clean]]\nname = \"junk\"\nroots = [\"{}\"]\nolder_than = \"1h\"\n", junk.display());
    let t = t.config(&format!("host_defaults = false\n{clean}"));
    let db_arg = db.to_str().expect("utf8");
    t.run(&["check", "--db", db_arg]).code(0);
    // Fill the disk with an old file the rule deletes.
    {
        use std::io::Write;
        std::fs::create_dir_all(&junk).expect("junk");
        let mut f = std::fs::File::create(junk.join("filler.log")).expect("filler");
        while f.write_all(&[7u8; 4096]).and_then(|()| f.sync_all()).is_ok() {}
        f.set_modified(std::time::SystemTime::now() - Duration::from_secs(7200)).expect("mtime");
    }
    let log = t.path("log.sock");
    let syslog = std::os::unix::net::UnixDatagram::bind(&log).expect("bind the log socket");
    syslog.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    let out = t.command(&["clean-disk", "--db", db_arg]).env("HM_SYSLOG_SOCKET", &log).output().expect("hm");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let said = format!("the disk that holds {} is full: clean-disk rule junk frees it first", db.display());
    assert!(stderr.contains(&said), "{stderr}");
    // What the system log got: one datagram, daemon.warning, tagged hm.
    let mut buf = vec![0u8; 4096];
    let n = syslog.recv(&mut buf).expect("nothing reached the system log");
    let line = String::from_utf8_lossy(&buf[..n]);
    assert!(line.starts_with("<28>hm["), "{line}");
    assert!(line.contains(&said), "{line}");
    assert!(!junk.join("filler.log").exists());
    let rows = actions(&t, &db);
    assert_eq!(rows.len(), 1, "recorded once space was freed: {rows:?}");
    assert_eq!((rows[0]["action"].as_str(), rows[0]["outcome"].as_str()), (Some("clean-disk"), Some("ok")));
}
