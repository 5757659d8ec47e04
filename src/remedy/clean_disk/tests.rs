//! Tests of `clean_disk`: real trees in temp dirs.

use super::*;
use std::os::unix::ffi::OsStringExt;
use std::path::Path;
use std::time::Duration;

/// The rule applied (or planned) without progress reports.
fn run(rule: &Rule, now: SystemTime, dry_run: bool) -> Result<Cleaned> {
    run_with_progress(rule, now, dry_run.into(), &|_, _| {})
}

fn aged(path: &Path, days: u64) {
    std::fs::write(path, vec![b'x'; 100]).expect("write");
    let f = std::fs::File::options().write(true).open(path).expect("open");
    f.set_modified(SystemTime::now() - Duration::from_secs(days * 86_400)).expect("mtime");
}

#[test]
fn deletes_old_matching_files_only_and_never_follows_symlinks() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("logs");
    let outside = tmp.path().join("outside");
    std::fs::create_dir_all(root.join("a/b")).expect("mkdir");
    std::fs::create_dir_all(&outside).expect("mkdir");
    aged(&root.join("old.log"), 10);
    aged(&root.join("new.log"), 1);
    aged(&root.join("old.txt"), 10);
    aged(&root.join("a/b/deep.log"), 30);
    let odd = root.join(std::ffi::OsString::from_vec(b"bad\nname\xff.log".to_vec()));
    aged(&odd, 10);
    aged(&outside.join("secret.log"), 99);
    std::os::unix::fs::symlink(&outside, root.join("link")).expect("symlink");
    std::os::unix::fs::symlink(outside.join("secret.log"), root.join("alias.log")).expect("symlink");

    let rule = Rule {
        name: "logs".into(),
        roots: vec![root.clone()],
        globs: vec![glob::Pattern::new("*.log").expect("glob")],
        older_than: Duration::from_secs(7 * 86_400),
        journal_vacuum: None,
        budget: None,
    };
    let plan = run(&rule, SystemTime::now(), true).expect("dry run");
    assert_eq!(plan.removed.len(), 3, "{plan:?}");
    assert!(root.join("old.log").exists(), "a dry run deletes nothing");

    let done = run(&rule, SystemTime::now(), false).expect("run");
    let mut paths: Vec<PathBuf> = done.removed.iter().map(|r| r.path.clone()).collect();
    paths.sort();
    let canonical = root.canonicalize().expect("canonical");
    let mut want =
        vec![canonical.join("a/b/deep.log"), canonical.join(odd.file_name().expect("name")), canonical.join("old.log")];
    want.sort();
    assert_eq!(paths, want);
    assert_eq!(done.removed.iter().map(|r| r.bytes).sum::<u64>(), 300);
    assert!(done.errors.is_empty(), "{:?}", done.errors);
    for kept in ["new.log", "old.txt", "link", "alias.log"] {
        assert!(root.join(kept).symlink_metadata().is_ok(), "{kept} must survive");
    }
    assert!(outside.join("secret.log").exists(), "nothing outside the root");
}

#[test]
fn system_directories_are_refused() {
    for p in ["/", "/etc", "/usr", "/var/log", "/proc/self"] {
        assert!(refuse_root(Path::new(p)).is_some(), "{p}");
    }
    assert!(refuse_root(Path::new("relative/dir")).is_some());
    let tmp = tempfile::tempdir().expect("tmp");
    assert_eq!(refuse_root(tmp.path()), None);
    let rule = Rule {
        name: "x".into(),
        roots: vec!["/etc".into()],
        globs: vec![],
        older_than: Duration::ZERO,
        journal_vacuum: None,
        budget: None,
    };
    assert!(run(&rule, SystemTime::now(), true).is_err());
}

#[test]
fn over_budget_the_oldest_young_files_go_too() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("cache");
    std::fs::create_dir(&root).expect("mkdir");
    // Five 1000-byte files, 1..5 hours old; none older than the 7-day minimum.
    for h in 1..=5u64 {
        let p = root.join(format!("f{h}.bin"));
        std::fs::write(&p, vec![0u8; 1000]).expect("write");
        let f = std::fs::File::options().write(true).open(&p).expect("open");
        f.set_modified(SystemTime::now() - Duration::from_secs(h * 3600)).expect("mtime");
    }
    let rule = Rule {
        name: "cache".into(),
        roots: vec![root.clone()],
        globs: vec![],
        older_than: Duration::from_secs(7 * 86_400),
        journal_vacuum: None,
        budget: Some(2500),
    };
    let plan = run(&rule, SystemTime::now(), true).expect("dry run");
    assert_eq!(plan.removed.len(), 3, "{plan:?}");
    let done = run(&rule, SystemTime::now(), false).expect("run");
    let mut gone: Vec<String> =
        done.removed.iter().filter_map(|r| r.path.file_name()).map(|n| n.to_string_lossy().into_owned()).collect();
    gone.sort();
    assert_eq!(gone, ["f3.bin", "f4.bin", "f5.bin"]);
    assert!(root.join("f1.bin").exists() && root.join("f2.bin").exists());
}
