//! Reading a database whose filesystem was remounted read-only (issue 26):
//! `hm check` worked, but `status`, `actions`, `history`, `export` and
//! `alerts` failed with "unable to open database file". A real tmpfs,
//! really remounted `ro`.

use crate::common::{Test, beat, hb_monitor, is_root};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A tmpfs, unmounted when dropped; `None` (said loudly, a failure under
/// CI=true) where this test cannot mount.
struct Mount(PathBuf);

impl Mount {
    fn tmpfs(dir: PathBuf) -> Option<Mount> {
        std::fs::create_dir_all(&dir).expect("mkdir");
        let ok = is_root() && mount(&["-t", "tmpfs", "-o", "size=16m,mode=0755", "tmpfs"], &dir);
        if !ok {
            assert!(std::env::var("CI").as_deref() != Ok("true"), "cannot mount a tmpfs, and CI=true: run as root");
            eprintln!("SKIPPED: cannot mount a tmpfs here (not root?)");
        }
        ok.then_some(Mount(dir))
    }

    fn remount(&self, how: &str) {
        assert!(mount(&["-o", &format!("remount,{how}")], &self.0), "remount {how}");
    }
}

fn mount(args: &[&str], dir: &Path) -> bool {
    Command::new("mount").args(args).arg(dir).status().is_ok_and(|s| s.success())
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// Each read command, with the exit code it must give (status: critical).
const READS: &[(&[&str], i32)] = &[
    (&["status", "--json"], 2),
    (&["actions"], 0),
    (&["history", "hb"], 0),
    (&["export"], 0),
    (&["export", "--format", "nagios"], 2),
    (&["alerts"], 0),
    (&["alerts", "outbox"], 0),
];

#[test]
fn issue26_every_read_command_works_on_a_database_remounted_read_only() {
    let t = Test::new();
    beat(&t, 100); // critical: an alert, a status to read back
    let text = format!("host_defaults = false\n{}", hb_monitor(&t));
    let t = t.config(&text);
    let Some(fs) = Mount::tmpfs(t.path("ro")) else { return };
    let db = fs.0.join("hm.db");
    let db = db.to_str().expect("utf8");
    for _ in 0..3 {
        t.run(&["check", "--db", db]).code(2);
    }
    // hm leaves its -wal and -shm: read through them, no warning.
    fs.remount("ro");
    assert!(std::fs::write(fs.0.join("probe"), "").is_err(), "really read-only");
    for (args, code) in READS {
        let out = t.run(&[&["--db", db][..], args].concat());
        out.code(*code);
        assert!(out.stderr.is_empty(), "{args:?}: {}", out.stderr);
    }
    let status = t.run(&["--db", db, "status", "--json"]).json();
    assert_eq!(status["monitors"][0]["status"], "critical", "{status}");
    assert!(t.run(&["--db", db, "alerts", "--json"]).stdout.contains("\"hb\""));

    // Checkpointed and closed by SQLite, which removes the -wal and -shm:
    // none can be made on the read-only filesystem, so it is read
    // immutable, with one warning line that says what that means.
    fs.remount("rw");
    let out = Command::new("sqlite3").arg(db).arg("PRAGMA wal_checkpoint(TRUNCATE);").output().expect("sqlite3");
    assert!(out.status.success(), "{out:?}");
    assert!(!fs.0.join("hm.db-shm").exists(), "SQLite removed its -shm");
    fs.remount("ro");
    for (args, code) in READS {
        let out = t.run(&[&["--db", db][..], args].concat());
        out.code(*code);
        let warning = out.stderr.trim_end();
        assert_eq!(warning.lines().count(), 1, "{args:?}: one line: {}", out.stderr);
        assert!(warning.starts_with("hm: warning: database ") && warning.contains("read-only"), "{warning}");
        assert!(warning.contains("nothing is missing"), "{warning}");
    }
    let status = t.run(&["--db", db, "status", "--json"]).json();
    assert_eq!(status["monitors"][0]["status"], "critical", "{status}");
}
