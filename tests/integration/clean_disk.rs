//! `hm clean-disk` on real trees: what goes, what must survive, and the
//! record it leaves.

use crate::common::Test;
use std::os::unix::ffi::OsStringExt;
use std::path::Path;
use std::time::Duration;

fn aged(path: &Path, days: u64) {
    crate::common::aged_file(path, 1000, Duration::from_secs(days * 86_400));
}

/// A tree with old and new logs, nested dirs, odd names, and symlinks out.
fn tree(t: &Test) -> (std::path::PathBuf, std::path::PathBuf) {
    let root = t.path("app/logs");
    let outside = t.path("precious");
    aged(&root.join("old.log"), 10);
    aged(&root.join("today.log"), 0);
    aged(&root.join("2026/11/old.log"), 40);
    aged(&root.join("keep.db"), 99);
    aged(&root.join(std::ffi::OsString::from_vec(b"evil\nname\xfe.log".to_vec())), 10);
    aged(&outside.join("passwd.log"), 99);
    std::os::unix::fs::symlink(&outside, root.join("escape")).expect("symlink");
    std::os::unix::fs::symlink(outside.join("passwd.log"), root.join("link.log")).expect("symlink");
    (root, outside)
}

#[test]
fn dry_run_then_real_run_by_a_configured_rule() {
    let t = Test::new();
    let (root, outside) = tree(&t);
    let t = t.config(&format!(
        "[[clean]]\nname = \"app-logs\"\nroots = [\"{}\"]\nglobs = [\"*.log\"]\nolder_than = \"7d\"\n",
        root.display()
    ));
    let out = t.run(&["clean-disk", "--dry-run", "--json"]);
    out.code(0);
    let doc = out.json();
    assert_eq!(
        (doc["dry_run"].as_bool(), doc["files"].as_u64(), doc["bytes"].as_u64()),
        (Some(true), Some(3), Some(3000))
    );
    assert!(root.join("old.log").exists(), "dry run deletes nothing");
    let text = t.run(&["clean-disk", "--dry-run"]);
    assert!(text.stdout.contains("would delete") && text.stdout.contains("evil\\nname"), "{}", text.stdout);
    assert_eq!(
        t.run(&["actions", "--json"]).json()["actions"].as_array().map(Vec::len),
        Some(0),
        "dry runs are not actions"
    );

    let out = t.run(&["clean-disk", "--rule", "app-logs", "--json"]);
    out.code(0);
    assert_eq!(out.json()["files"], 3);
    for gone in ["old.log", "2026/11/old.log"] {
        assert!(!root.join(gone).exists(), "{gone}");
    }
    for kept in ["today.log", "keep.db", "escape", "link.log", "2026/11"] {
        assert!(root.join(kept).symlink_metadata().is_ok(), "{kept} must survive");
    }
    assert!(outside.join("passwd.log").exists(), "nothing outside the root is touched");
    let doc = t.run(&["actions", "--json"]).json();
    let action = &doc["actions"][0];
    assert_eq!((action["monitor"].as_str(), action["action"].as_str()), (Some("app-logs"), Some("clean-disk")));
    assert_eq!(action["details"], "deleted 3 files, freed 2.9 KiB");
}

#[test]
fn paths_and_flags_without_config() {
    let t = Test::new();
    let (root, _) = tree(&t);
    let out = t.run(&["clean-disk", root.to_str().expect("utf8"), "--older-than", "30d", "--json"]);
    out.code(0);
    let doc = out.json();
    assert_eq!(doc["rules"][0]["rule"], "command-line");
    // Only the 40-day-old log and the 99-day-old db: every file, no glob.
    assert_eq!(doc["files"], 2, "{doc:#}");
    assert!(root.join("old.log").exists());
}

#[test]
fn system_directories_and_unknown_rules_are_refused() {
    let t = Test::new();
    for args in [&["clean-disk", "/", "--dry-run"][..], &["clean-disk", "/etc"], &["clean-disk", "relative/dir"]] {
        let out = t.run(args);
        out.code(1);
        out.one_line_error();
    }
    let link = t.path("sneaky");
    std::os::unix::fs::symlink("/etc", &link).expect("symlink");
    let out = t.run(&["clean-disk", link.to_str().expect("utf8"), "--dry-run"]);
    out.code(1);
    // Refused before anything is read through it: a symlinked root is never followed.
    assert!(out.one_line_error().contains("sneaky leads through a symlink at"), "{}", out.stderr);
    let out = t.run(&["clean-disk"]);
    out.code(1);
    assert!(out.one_line_error().contains("no [[clean]] rules"));
    let out = t.run(&["clean-disk", "--rule", "nope"]);
    out.code(1);
    assert!(out.one_line_error().contains("no clean rule named `nope`"));
    t.run(&["clean-disk", "--glob", "*.log"]).code(2);
}

#[test]
fn a_run_in_progress_locks_out_a_second_one() {
    let t = Test::new();
    let (root, _) = tree(&t);
    let lock_path = t.db_path().with_extension("db.lock");
    std::fs::create_dir_all(lock_path.parent().expect("dir")).expect("mkdir");
    let file = std::fs::File::create(&lock_path).expect("lock file");
    let held = nix::fcntl::Flock::lock(file, nix::fcntl::FlockArg::LockExclusive).expect("lock");
    let out = t.run(&["clean-disk", root.to_str().expect("utf8")]);
    out.code(1);
    assert!(out.one_line_error().contains("another hm run holds"), "{}", out.stderr);
    assert!(root.join("old.log").exists());
    drop(held);
    t.run(&["clean-disk", root.to_str().expect("utf8")]).code(0);
    assert!(!root.join("old.log").exists());
}

#[test]
fn a_journal_vacuum_without_journalctl_is_reported() {
    let t = Test::new();
    let root = t.path("tmp");
    aged(&root.join("a.tmp"), 30);
    let empty = t.path("empty-bin");
    let t = t
        .config(&format!("[[clean]]\nname = \"tmp\"\nroots = [\"{}\"]\njournal_vacuum = \"14d\"\n", root.display()))
        // Nothing on PATH: journalctl cannot be found.
        .env("PATH", empty);
    let dry = t.run(&["clean-disk", "--dry-run", "--json"]);
    dry.code(0);
    assert_eq!(dry.json()["rules"][0]["journal"], "would run journalctl --vacuum-time=1209600s");
    let out = t.run(&["clean-disk", "--json"]);
    out.code(1);
    let doc = out.json();
    assert_eq!(doc["rules"][0]["errors"][0], "journal: journalctl not found");
    assert_eq!(doc["files"], 1, "the files were still cleaned");
}

#[test]
fn progress_is_shown_on_a_terminal_only() {
    if !crate::common::have_tool("script") {
        return;
    }
    let t = Test::new();
    let (root, _) = tree(&t);
    let root = root.to_str().expect("utf8").to_string();
    let piped = t.run(&["clean-disk", &root, "--dry-run"]);
    assert!(!piped.stderr.contains("entries scanned"), "{}", piped.stderr);
    // util-linux's `script` gives hm a terminal.
    let hm = env!("CARGO_BIN_EXE_hm");
    let mut script = std::process::Command::new("script");
    script.args(["-qec", &format!("{hm} clean-disk {root} --dry-run"), "/dev/null"]);
    for (k, v) in [("XDG_STATE_HOME", t.path("state")), ("XDG_CONFIG_HOME", t.path("config"))] {
        script.env(k, v);
    }
    let out = script.output().expect("script");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("command-line: ") && text.contains("entries scanned"), "{text}");
}
