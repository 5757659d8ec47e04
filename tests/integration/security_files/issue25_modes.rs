//! Issue 25, secrets at rest: hm's database files are nobody else's to
//! read (0640 or stricter, `-wal` and `-shm` included), and `hm validate`
//! warns when a config others may read holds a secret inline.
//!
//! The real binary on real files; SQLite makes the `-wal` and `-shm`.

use crate::common::daemon::Daemon;
use crate::common::security::q;
use crate::common::{Test, is_root};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::time::{Duration, Instant};

/// The permission bits of every file in `dir`, by name.
fn modes(dir: &Path) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = std::fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| {
            let e = e.expect("entry");
            (e.file_name().to_string_lossy().into_owned(), e.metadata().expect("stat").mode() & 0o7777)
        })
        .collect();
    out.sort();
    out
}

#[track_caller]
fn assert_private(dir: &Path, expected: &[&str]) {
    let found = modes(dir);
    for name in expected {
        assert!(found.iter().any(|(n, _)| n == name), "{name} not in {found:?}");
    }
    for (name, mode) in &found {
        assert_eq!(mode & 0o027, 0, "{name} has mode {mode:o}, readable by others: {found:?}");
    }
}

#[test]
fn issue25_the_database_its_wal_shm_and_locks_are_not_readable_by_others() {
    let t =
        Test::new().config("host_defaults = false\n[[monitor]]\nname = \"tmp\"\nkind = \"disk\"\npath = \"/tmp\"\n");
    // hm run's effective uid is root in CI; any user's database is private.
    t.run(&["check"]).code(0);
    let dir = t.db_path().parent().expect("dir").to_path_buf();
    assert_private(&dir, &["hm.db"]);
    t.run(&["heal"]).code(0);
    assert_private(&dir, &["hm.db", "hm.db.lock"]);
    assert_eq!(std::fs::metadata(&dir).expect("stat").mode() & 0o027, 0, "hm made its directory 0750 or stricter");
    // While a connection is open the WAL and its index are there.
    let hm = Daemon::start(&t, &["run", "--interval", "1h"]);
    let start = Instant::now();
    while !(dir.join("hm.db-wal").exists() && dir.join("hm.db-shm").exists()) {
        assert!(start.elapsed() < Duration::from_secs(10), "no -wal and -shm: {:?}", modes(&dir));
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_private(&dir, &["hm.db", "hm.db-wal", "hm.db-shm", "hm.db.lock"]);
    drop(hm);
    // The textfile collector's export stays world-readable: node_exporter
    // runs as another user.
    let prom = t.path("hm.prom");
    t.run(&["export", "-o", prom.to_str().expect("utf-8")]).code(0);
    assert_eq!(std::fs::metadata(&prom).expect("stat").mode() & 0o777, 0o644);
}

/// A webhook whose URL is written inline, or read from `$VAR`.
fn hook(url: &str) -> String {
    format!("host_defaults = false\n[[channel]]\nname = \"ops\"\nkind = \"webhook\"\nurl = {url}\n")
}

fn validate(t: &Test, mode: u32) -> String {
    std::fs::set_permissions(t.config_path(), std::fs::Permissions::from_mode(mode)).expect("chmod");
    let out = t.run(&["validate"]);
    out.code(0);
    format!("{}{}", out.stdout, out.stderr)
}

#[test]
fn issue25_validate_warns_when_others_may_read_an_inline_secret() {
    let t = Test::new().config(&hook(&q("https://hooks.example/T0/SECRETPATH")));
    let path = t.config_path();
    let said = validate(&t, 0o644);
    let warning = format!(
        "warning: {} holds an inline secret (channel[ops].url) and is readable by others (mode 644): chmod 640",
        path.display()
    );
    assert!(said.contains(&warning), "{said}");
    assert!(!said.contains("SECRETPATH"), "{said}");
    for mode in [0o600, 0o640] {
        let said = validate(&t, mode);
        assert!(!said.contains("inline secret"), "{mode:o}: {said}");
    }
    if is_root() {
        // Readable by a group that is not root's: as bad.
        nix::unistd::chown(&path, None, Some(1.into())).expect("chgrp");
        let said = validate(&t, 0o640);
        assert!(said.contains("is readable by its group (mode 640): chmod 600"), "{said}");
    }
    // The secret in the environment: nothing to hide in the file.
    let t = Test::new().config(&hook("{ env = \"HM_TEST_ISSUE25_HOOK\" }")).env("HM_TEST_ISSUE25_HOOK", "https://h/x");
    let said = validate(&t, 0o644);
    assert!(!said.contains("inline secret"), "{said}");
    // A URL with nothing secret in it (no path, query or password).
    let t = Test::new().config(&hook(&q("http://127.0.0.1:9")));
    let said = validate(&t, 0o644);
    assert!(!said.contains("inline secret"), "{said}");
}
