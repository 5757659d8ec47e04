//! Security review (issue 7), one test per claim of SECURITY.md, part one:
//! what hm may delete, and the tricks that must not widen it — symlinks,
//! hard links, `..` and other filesystems in clean roots, and slashes, dots
//! and shell characters in names; plus what hm, as root, trusts.
//!
//! Real files, real symlinks, real processes and the real binary. Three of
//! these failed when written (a symlinked clean root, a symlinked worker
//! log, a config others may write, as root); each is fixed.

mod issue14;
mod issue25;
mod issue25_modes;

use crate::common::security::{q, qp};
use crate::common::{Test, is_root};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A 1000-byte file `days` old, with its parent directories.
fn aged(path: &Path, days: u64) {
    crate::common::aged_file(path, 1000, Duration::from_secs(days * 86_400));
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
    let out = t.run(&["clean-disk", &sneaky, "--older-than", "1s"]);
    out.code(1);
    assert!(out.one_line_error().contains("refusing to clean /etc"), "{}", out.stderr);
    let usr = format!("{}/a/../../../usr/./", t.root().display());
    let out = t.run(&["clean-disk", &usr, "--dry-run"]);
    out.code(1);
    assert!(out.one_line_error().contains("refusing to clean /usr"), "{}", out.stderr);
    // In a rule, `hm validate` already refuses it, and so does every command that loads the config.
    let t = t.config(&format!("[[clean]]\nname = \"sneaky\"\nroots = [{}]\nolder_than = \"1s\"\n", q(&sneaky)));
    for args in [&["clean-disk", "--dry-run"][..], &["clean-disk"], &["validate"]] {
        let out = t.run(args);
        assert!(out.code != 0, "{args:?}: {out:?}");
        assert!(format!("{}{}", out.stdout, out.stderr).contains("refusing to clean /etc"), "{args:?}: {out:?}");
    }
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
