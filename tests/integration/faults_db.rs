//! Fault injection on the database (issue 7): a full filesystem and a
//! corrupt file. The database is not needed to check, so `hm check` still
//! prints results and exits by health, saying what it could not record; a
//! damaged database is moved aside, never deleted.

use crate::common::{Test, is_root};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A critical `command` monitor whose plugin prints `n` perfdata items, so
/// every run has something to write.
fn critical_with_samples(t: Test, n: usize) -> Test {
    let plugin = t.path("plugin.sh");
    let script =
        format!("#!/bin/sh\nprintf 'CRITICAL - down |'\nseq 1 {n} | sed 's/.*/ m&=&/' | tr -d '\\n'\necho\nexit 2\n");
    std::fs::write(&plugin, script).expect("plugin");
    std::fs::set_permissions(&plugin, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    let text = format!(
        "host_defaults = false\n[[monitor]]\nname = \"down\"\nkind = \"command\"\ncommand = [\"{}\"]\n",
        plugin.display()
    );
    t.config(&text)
}

fn count(db: &Path, sql: &str) -> i64 {
    let c = rusqlite::Connection::open(db).expect("open");
    c.query_row(sql, [], |r| r.get(0)).expect(sql)
}

fn integrity(db: &Path) -> String {
    let c = rusqlite::Connection::open(db).expect("open");
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("integrity_check")
}

/// A small tmpfs, unmounted when dropped; None where this test cannot mount.
struct SmallFs(PathBuf);

impl SmallFs {
    fn mount(dir: PathBuf) -> Option<SmallFs> {
        std::fs::create_dir_all(&dir).expect("mkdir");
        let ok = is_root()
            && Command::new("mount")
                .args(["-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs"])
                .arg(&dir)
                .status()
                .is_ok_and(|s| s.success());
        ok.then_some(SmallFs(dir))
    }

    /// Write a file until the filesystem says it is full, and stays full:
    /// space freed a moment later (a file deleted by a process that just
    /// ended) is taken too.
    fn fill(&self) -> PathBuf {
        use std::io::Write;
        let path = self.0.join("filler");
        let mut f = std::fs::File::create(&path).expect("filler");
        let chunk = vec![7u8; 4096];
        for _ in 0..20 {
            while f.write_all(&chunk).and_then(|_| f.sync_all()).is_ok() {}
            std::thread::sleep(std::time::Duration::from_millis(50));
            if self.free() == 0 {
                break;
            }
        }
        path
    }

    /// Bytes free, and what takes the space, for a failure message.
    fn free(&self) -> u64 {
        let s = nix::sys::statvfs::statvfs(&self.0).expect("statvfs");
        s.blocks_available() * s.fragment_size()
    }

    fn describe(&self) -> String {
        let files: Vec<String> = std::fs::read_dir(&self.0)
            .map(|d| {
                d.flatten()
                    .map(|e| format!("{} {}", e.file_name().to_string_lossy(), e.metadata().map_or(0, |m| m.len())))
                    .collect()
            })
            .unwrap_or_default();
        format!("{} bytes free; {}", self.free(), files.join(", "))
    }
}

impl Drop for SmallFs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[test]
fn a_full_filesystem_still_gets_results_and_an_exit_code_by_health() {
    let t = critical_with_samples(Test::new(), 2_000);
    let mnt = t.path("small");
    let small = SmallFs::mount(mnt.clone());
    let db = mnt.join("hm.db");
    let db_arg = db.to_str().expect("utf8").to_string();
    let check = |limit_kib: Option<u32>| {
        let mut cmd = match limit_kib {
            // No tmpfs here: a file-size limit makes every write past it
            // fail the way a full disk does (SIGXFSZ ignored, as a daemon
            // would, so the write returns an error instead of killing hm).
            Some(kib) => {
                let mut c = t.command(&[]);
                let hm = PathBuf::from(c.get_program());
                c = Command::new("bash");
                c.args(["-c", &format!("ulimit -f {kib}; trap '' XFSZ; exec \"$0\" \"$@\"")])
                    .arg(hm)
                    .args(["check", "--json", "--db", &db_arg])
                    .current_dir(t.root())
                    .envs(t.command(&[]).get_envs().filter_map(|(k, v)| v.map(|v| (k, v))));
                c
            }
            None => t.command(&["check", "--json", "--db", &db_arg]),
        };
        let out = cmd.output().expect("hm");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    if small.is_none() {
        eprintln!("SKIPPED (in part): cannot mount a tmpfs here (not root?); using a file-size limit instead");
    }
    for _ in 0..2 {
        let (code, _, err) = check(None);
        assert_eq!(code, Some(2), "{err}");
    }
    let before = count(&db, "SELECT count(*) FROM checks, json_each(checks.metrics)");
    assert_eq!(before, 4_000);

    let filler = small.as_ref().map(SmallFs::fill);
    let (code, out, err) = check(if small.is_some() { None } else { Some(1) });
    assert_eq!(code, Some(2), "exit by health, not 3\nstdout: {out}\nstderr: {err}");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(doc["status"], "critical");
    assert_eq!(doc["results"][0]["monitor"], "down");
    assert_eq!(doc["results"][0]["metrics"].as_array().map(Vec::len), Some(2_000), "results are all there");
    let fs = small.as_ref().map(SmallFs::describe).unwrap_or_default();
    assert_eq!(doc["recorded"], false, "{fs}\nstderr: {err}");
    let warning = doc["warnings"][0].as_str().expect("a warning");
    assert!(warning.contains(&db_arg) && warning.ends_with("results were not recorded"), "{warning}");
    if small.is_some() {
        assert!(warning.contains("full"), "{warning}");
    }
    assert!(err.contains("hm: warning: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    // Space again: the next run records, and nothing committed was lost.
    if let Some(f) = filler {
        std::fs::remove_file(f).expect("rm filler");
    }
    let (code, out, err) = check(None);
    assert_eq!(code, Some(2), "{err}");
    assert!(out.contains("\"recorded\": true"), "{out}");
    assert_eq!(integrity(&db), "ok");
    assert_eq!(count(&db, "SELECT count(*) FROM checks, json_each(checks.metrics)"), 6_000);
    assert_eq!(count(&db, "SELECT count(*) FROM checks"), 3);
}

#[test]
fn a_new_database_on_a_full_filesystem_is_reported_not_crashed_on() {
    let t = critical_with_samples(Test::new(), 10);
    let Some(small) = SmallFs::mount(t.path("small")) else {
        eprintln!("SKIPPED: cannot mount a tmpfs here (not root?)");
        return;
    };
    small.fill();
    let db = small.0.join("state/hm.db");
    let out = t.run(&["check", "--db", db.to_str().expect("utf8")]);
    out.code(2);
    assert!(out.stdout.contains("down") && out.stdout.contains("CRITICAL"), "{}", out.stdout);
    assert!(out.stderr.starts_with("hm: warning: ") && out.stderr.contains("not recorded"), "{}", out.stderr);
}

/// Overwrite `len` bytes at `offset` with a pattern SQLite cannot read.
fn scribble(db: &Path, offset: u64, len: usize) {
    use std::io::{Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new().write(true).open(db).expect("open");
    f.seek(SeekFrom::Start(offset)).expect("seek");
    f.write_all(&vec![0xA5; len]).expect("write");
}

/// Two recorded runs, the WAL folded into the main file: all in one file.
fn two_runs(t: &Test) -> PathBuf {
    t.run(&["check"]).code(2);
    t.run(&["check"]).code(2);
    let db = t.db_path();
    let c = rusqlite::Connection::open(&db).expect("open");
    c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).expect("checkpoint");
    db
}

/// The one `hm.db.corrupt-*` file beside the database.
fn moved_aside(db: &Path) -> PathBuf {
    let dir = db.parent().expect("dir");
    let moved: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("ls")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("hm.db.corrupt-") && !n.contains("-wal") && !n.contains("-shm"))
        })
        .collect();
    assert_eq!(moved.len(), 1, "{moved:?}");
    moved[0].clone()
}

#[test]
fn a_corrupt_database_is_moved_aside_never_deleted_and_a_new_one_started() {
    let t = critical_with_samples(Test::new(), 100);
    let db = two_runs(&t);
    // Damage the schema page, right after the 100-byte file header.
    scribble(&db, 100, 400);
    let damaged = std::fs::read(&db).expect("read");

    let out = t.run(&["check", "--json"]);
    out.code(2);
    let doc = out.json();
    assert_eq!(doc["recorded"], true);
    let warning = doc["warnings"][0].as_str().expect("a warning");
    assert!(warning.contains("was corrupt") && warning.contains("moved it to"), "{warning}");
    assert!(out.stderr.contains(&format!("hm: warning: {warning}")), "{}", out.stderr);
    let aside = moved_aside(&db);
    assert!(warning.contains(&aside.display().to_string()), "{warning}");
    assert_eq!(std::fs::read(&aside).expect("read"), damaged, "kept byte for byte");
    assert_eq!(integrity(&db), "ok");
    assert_eq!(count(&db, "SELECT count(*) FROM checks"), 1, "this run, in the new database");

    let out = t.run(&["check", "--json"]);
    assert_eq!(out.json()["warnings"], serde_json::json!([]));
    assert_eq!(count(&db, "SELECT count(*) FROM checks"), 2);
}

#[test]
fn damage_found_after_opening_also_moves_the_database_aside() {
    let t = critical_with_samples(Test::new(), 2_000);
    let db = two_runs(&t);
    // The schema page is fine, every table page after it is not.
    let len = std::fs::metadata(&db).expect("stat").len() as usize;
    scribble(&db, 4096, len - 4096);
    let out = t.run(&["check", "--json"]);
    out.code(2);
    let doc = out.json();
    assert_eq!(doc["recorded"], true, "{doc}");
    assert!(doc["warnings"][0].as_str().is_some_and(|w| w.contains("was corrupt")), "{doc}");
    moved_aside(&db);
    assert_eq!(integrity(&db), "ok");
    assert_eq!(count(&db, "SELECT count(*) FROM checks, json_each(checks.metrics)"), 2_000);
}

#[test]
fn other_commands_move_a_corrupt_database_aside_too() {
    let t = critical_with_samples(Test::new(), 10);
    let db = two_runs(&t);
    scribble(&db, 100, 400);
    let out = t.run(&["status"]);
    assert!(out.stderr.contains("hm: warning: database") && out.stderr.contains("was corrupt"), "{}", out.stderr);
    moved_aside(&db);
    assert_eq!(integrity(&db), "ok");
}
