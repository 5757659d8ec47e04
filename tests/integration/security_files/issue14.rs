//! Issue 14: an ordinary user who owns a directory that hm (as root) walks
//! into must not steer what hm deletes, writes or runs. Each attack is
//! staged for real, as `hm-attacker` (tests/integration/common/security.rs), and the
//! races run long enough to have hit the old code many times.

use super::aged;
use crate::common::security::{Attacker, q, qp};
use crate::common::{Test, is_root};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Not a test of hm: the attacker's swapping loop, when this binary is
/// re-run as the attacker by `Attacker::swap` (it returns at once otherwise).
#[test]
fn attacker_swap_loop() {
    crate::common::security::swap_loop_if_asked();
}

const SWAP_FN: &str = "security_files::issue14::attacker_swap_loop";

fn chown_r(att: &Attacker, path: &Path) {
    let ok = Command::new("chown").arg("-hR").arg(format!("{}:{}", att.uid, att.gid)).arg(path).status();
    assert!(ok.is_ok_and(|s| s.success()), "chown -R {}", path.display());
}

#[test]
fn issue14_a_clean_root_swapped_for_a_symlink_between_check_and_open_is_never_followed() {
    let Some(att) = Attacker::get("issue14 clean root race") else { return };
    let t = Test::new();
    // Root's files, which the attacker wants gone: victim/logs/*.log.
    let victim = t.path("victim");
    for i in 0..5 {
        aged(&victim.join(format!("logs/precious-{i}.log")), 30);
    }
    // The application's directory, which the attacker owns: app/logs is
    // the clean root; `evil` is a symlink to the victim. The attacker
    // exchanges `app` and `evil` all the time.
    let srv = t.path("srv");
    aged(&srv.join("app/logs/junk.log"), 30);
    std::os::unix::fs::symlink(&victim, srv.join("evil")).expect("symlink");
    chown_r(&att, &srv);
    let root = srv.join("app/logs");
    let t = t.config(&format!(
        "host_defaults = false\n\n[[clean]]\nname = \"app\"\nroots = [{}]\nglobs = [\"*.log\"]\nolder_than = \"1d\"\n",
        qp(&root)
    ));
    let _swapper = att.swap(t.root(), SWAP_FN, &srv, "app", "evil");
    let (mut refused, mut cleaned) = (0, 0);
    let start = Instant::now();
    let mut runs = 0;
    while runs < 300 && start.elapsed() < Duration::from_secs(20) {
        let args: &[&str] = if runs % 2 == 0 { &["clean-disk", "--json"] } else { &["clean-disk", "--rule", "app"] };
        let out = t.run(args);
        runs += 1;
        match out.code {
            0 => cleaned += 1,
            1 if out.stderr.contains("leads through a symlink") || out.stderr.contains("cannot open") => refused += 1,
            _ => panic!("unexpected: {out:?}"),
        }
        for i in 0..5 {
            assert!(
                victim.join(format!("logs/precious-{i}.log")).exists(),
                "run {runs}: hm followed the swapped symlink and deleted root's precious-{i}.log\n{out:?}"
            );
        }
    }
    eprintln!("{runs} runs under the swap: {cleaned} cleaned the real root, {refused} refused the symlink");
    assert!(refused > 0 && cleaned > 0, "the swap raced the runs ({cleaned} cleaned, {refused} refused)");
}

/// A bind mount, unmounted when dropped.
struct Bind(std::path::PathBuf);

impl Drop for Bind {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn issue14_a_bind_mount_of_the_same_filesystem_inside_a_root_is_not_entered() {
    if !is_root() {
        eprintln!("SKIPPED: a bind mount needs root");
        return;
    }
    let t = Test::new();
    let root = t.path("logs");
    let outside = t.path("elsewhere");
    aged(&outside.join("precious.log"), 99);
    aged(&root.join("old.log"), 99);
    std::fs::create_dir_all(root.join("bound")).expect("mkdir");
    let ok = Command::new("mount").arg("--bind").arg(&outside).arg(root.join("bound")).status().expect("mount");
    assert!(ok.success(), "mount --bind");
    let _bind = Bind(root.join("bound"));
    let out = t.run(&["clean-disk", root.to_str().expect("utf8"), "--glob", "*.log", "--json"]);
    out.code(0);
    assert_eq!(out.json()["files"], 1, "{}", out.stdout);
    assert!(outside.join("precious.log").exists(), "clean-disk went through the bind mount");
}

#[test]
fn issue14_system_trees_are_refused_as_roots_and_application_directories_are_not() {
    let t = Test::new();
    let refused = [
        "/usr/lib",
        "/usr/bin",
        "/usr/share",
        "/usr/local/lib",
        "/var/lib/dpkg",
        "/var/lib",
        "/boot",
        "/lib64",
        "/bin",
        "/sbin",
        "/etc/ssl",
        "/run/user",
        "/proc/1",
        "/sys/kernel",
        "/dev/shm",
        "/var/log",
        "/home/ann",
    ];
    for root in refused {
        let out = t.run(&["clean-disk", root, "--dry-run"]);
        out.code(1);
        assert!(out.one_line_error().contains(&format!("refusing to clean {root}")), "{root}: {}", out.stderr);
    }
    let allowed =
        ["/var/log/app", "/var/cache/app", "/var/tmp/app", "/srv/app/cache", "/opt/app/logs", "/home/ann/tmp"];
    let rules: String = refused
        .iter()
        .chain(&allowed)
        .enumerate()
        .map(|(i, r)| format!("[[clean]]\nname = \"r{i}\"\nroots = [{}]\n\n", q(r)))
        .collect();
    let t = t.config(&rules);
    let out = t.run(&["validate", "--json"]);
    let errors = out.json()["errors"].as_array().expect("errors").clone();
    assert_eq!(errors.len(), refused.len(), "exactly the system trees: {errors:#?}");
    for (i, _) in refused.iter().enumerate() {
        assert!(errors.iter().any(|e| e["field"] == format!("clean[r{i}].roots")), "r{i}: {errors:#?}");
    }
}

#[test]
fn issue14_a_worker_log_behind_a_directory_swapped_for_a_symlink_is_refused() {
    let Some(att) = Attacker::get("issue14 worker log") else { return };
    let t = Test::new();
    // Root's file that the attacker wants the worker's output appended to.
    let precious = t.path("rootonly/worker.log");
    std::fs::create_dir_all(precious.parent().expect("dir")).expect("mkdir");
    std::fs::write(&precious, "root:x:0:0::/root:/bin/sh\n").expect("write");
    // The worker's log directory belongs to the worker's user, who
    // replaces a directory on the way with a symlink to rootonly/.
    let logs = att.owned_dir(&t.path("app-logs"));
    let log = logs.join("run/worker.log");
    att.sh(&format!("ln -s {} {}", t.path("rootonly").display(), logs.join("run").display()));
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^hm-test-14-log \"\n\
         start = [\"echo\", \"evil::0:0::/root:/bin/sh\"]\nlog = {}\nrestart_delay = \"100ms\"\n",
        qp(&log)
    ));
    let out = t.run(&["restart-worker", "api"]);
    out.code(1);
    assert!(out.stdout.contains("app-logs/run is a symlink"), "{out:?}");
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(std::fs::read_to_string(&precious).expect("read"), "root:x:0:0::/root:/bin/sh\n");
    // The same log in a real directory of the attacker's still works.
    att.sh(&format!("rm {0} && mkdir {0}", logs.join("run").display()));
    let _ = t.run(&["restart-worker", "api"]);
    let start = Instant::now();
    while !std::fs::read_to_string(&log).unwrap_or_default().contains("evil")
        && start.elapsed() < Duration::from_secs(5)
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(std::fs::read_to_string(&log).unwrap_or_default().contains("evil"), "the worker's output reaches its log");
}

#[test]
fn issue14_a_hard_linked_file_frees_nothing_and_counts_nothing() {
    let t = Test::new();
    let root = t.path("logs");
    aged(&t.path("keep/other.log"), 99);
    std::fs::create_dir_all(&root).expect("mkdir");
    std::fs::hard_link(t.path("keep/other.log"), root.join("linked.log")).expect("link");
    aged(&root.join("own.log"), 99);
    let out = t.run(&["clean-disk", root.to_str().expect("utf8"), "--glob", "*.log", "--json"]);
    out.code(0);
    let doc = out.json();
    assert_eq!(doc["files"], 2, "{doc:#}");
    assert_eq!(doc["bytes"], 1000, "only own.log frees its 1000 bytes: {doc:#}");
}

// ------------------------------------------------------------------ config

fn command_monitor(marker: &Path) -> String {
    format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"x\"\nkind = \"command\"\ncommand = [\"touch\", {}]\n",
        qp(marker)
    )
}

#[test]
fn issue14_a_config_swapped_by_the_owner_of_its_directory_never_runs() {
    let Some(att) = Attacker::get("issue14 config swap") else { return };
    let t = Test::new();
    let marker = t.path("pwned");
    // The config's directory belongs to the attacker; the config itself
    // is root's, and harmless. The attacker's own file runs a command.
    let dir = att.owned_dir(&t.path("conf"));
    std::fs::write(dir.join("hm.toml"), "host_defaults = false\n").expect("write");
    std::fs::write(dir.join("evil.toml"), command_monitor(&marker)).expect("write");
    nix::unistd::chown(&dir.join("evil.toml"), Some(att.uid.into()), Some(att.gid.into())).expect("chown");
    let config = dir.join("hm.toml");
    let c = config.to_str().expect("utf8");
    for args in [&["--config", c, "check"][..], &["--config", c, "validate"]] {
        let out = t.run(args);
        assert!(out.code != 0, "{out:?}");
        assert!(out.one_line_error().contains("belongs to uid"), "{args:?}: {}", out.stderr);
    }
    let _swapper = att.swap(t.root(), SWAP_FN, &dir, "hm.toml", "evil.toml");
    let start = Instant::now();
    let mut runs = 0;
    while runs < 200 && start.elapsed() < Duration::from_secs(15) {
        let out = t.run(&["--config", c, "check"]);
        out.code(3);
        runs += 1;
        assert!(!marker.exists(), "run {runs}: a command from the attacker's config ran as root");
    }
}

#[test]
fn issue14_a_config_in_a_directory_others_may_write_is_refused_unless_sticky() {
    if !is_root() {
        eprintln!("SKIPPED: only matters as root");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let t = Test::new();
    let marker = t.path("ran");
    let dir = t.path("conf");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("hm.toml"), command_monitor(&marker)).expect("write");
    let c = dir.join("hm.toml");
    let c = c.to_str().expect("utf8");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    for args in [&["--config", c, "check"][..], &["--config", c, "validate"]] {
        let out = t.run(args);
        assert!(out.code != 0, "{out:?}");
        assert!(out.one_line_error().contains("may be written by anyone (mode 777)"), "{}", out.stderr);
    }
    assert!(!marker.exists());
    // Sticky (like /tmp): others cannot replace root's file there.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o1777)).expect("chmod");
    t.run(&["--config", c, "check"]).code(0);
    assert!(marker.exists(), "a root-owned config in a sticky directory is used");
    // validate refuses exactly what check refuses: a 0666 file.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::set_permissions(dir.join("hm.toml"), std::fs::Permissions::from_mode(0o666)).expect("chmod");
    for args in [&["--config", c, "check"][..], &["--config", c, "validate"]] {
        assert!(t.run(args).one_line_error().contains("writable by its group and others (mode 666)"), "{args:?}");
    }
}

#[test]
fn issue14_a_config_that_is_a_fifo_a_device_or_huge_is_refused_at_once() {
    let t = Test::new();
    let fifo = t.path("fifo.toml");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o644)).expect("mkfifo");
    let big = t.path("big.toml");
    std::fs::write(&big, "#".repeat(2 << 20)).expect("write");
    for (path, why) in [
        (fifo.as_path(), "not a regular file"),
        (Path::new("/dev/zero"), "not a regular file"),
        (&big, "larger than 1 MiB"),
    ] {
        let p = path.to_str().expect("utf8");
        for args in [&["--config", p, "check"][..], &["--config", p, "validate"]] {
            let start = Instant::now();
            let out = t.run(args);
            assert!(start.elapsed() < Duration::from_secs(5), "{args:?} took {:?}", start.elapsed());
            assert!(out.code != 0, "{out:?}");
            assert!(out.one_line_error().contains(why), "{args:?}: {}", out.stderr);
        }
    }
}

#[test]
fn issue14_a_config_linked_by_root_from_a_root_directory_is_followed() {
    let t = Test::new();
    let repo = t.path("repo/hm.toml");
    std::fs::create_dir_all(repo.parent().expect("dir")).expect("mkdir");
    std::fs::write(&repo, "host_defaults = false\n\n[[monitor]]\nname = \"linked\"\nkind = \"load\"\n").expect("write");
    std::fs::create_dir_all(t.path("etc")).expect("mkdir");
    std::os::unix::fs::symlink("../repo/hm.toml", t.path("etc/hm.toml")).expect("symlink");
    let out = t.run(&["--config", t.path("etc/hm.toml").to_str().expect("utf8"), "check", "--json"]);
    assert!(out.code < 3, "{out:?}");
    assert_eq!(out.json()["results"][0]["monitor"], "linked");
}

// --------------------------------------------------- state and exports

#[test]
fn issue14_hm_keeps_no_state_where_another_user_could_plant_a_symlink() {
    let Some(att) = Attacker::get("issue14 database directory") else { return };
    let t = Test::new();
    // Files root has, or must not get: an empty one SQLite would happily
    // turn into a database, and a path that must never be created.
    let empty = t.path("root-empty");
    std::fs::write(&empty, "").expect("write");
    let never = t.path("etc-nologin");
    let state = att.owned_dir(&t.path("state-att"));
    att.sh(&format!(
        "ln -s {} {}/hm.db && ln -s {} {}/hm.db.lock && ln -s {} {}/hm.db.outbox.lock",
        empty.display(),
        state.display(),
        never.display(),
        state.display(),
        never.display(),
        state.display()
    ));
    let db = state.join("hm.db");
    let db = db.to_str().expect("utf8");
    let logs = t.path("logs");
    std::fs::create_dir_all(&logs).expect("mkdir");
    let logs = logs.to_str().expect("utf8");
    let t = t.config("host_defaults = false\n\n[[monitor]]\nname = \"l\"\nkind = \"load\"\n");
    let runs: [&[&str]; 4] =
        [&["--db", db, "check"], &["--db", db, "heal"], &["--db", db, "status"], &["--db", db, "clean-disk", logs]];
    for args in runs {
        let out = t.run(args);
        assert!(out.stderr.contains("refusing to keep") && out.stderr.contains("belongs to uid"), "{args:?}: {out:?}");
        assert_eq!(std::fs::read(&empty).expect("read"), b"", "{args:?}: hm wrote into root's file");
        assert!(!never.exists(), "{args:?}: hm created a file through the attacker's symlink");
    }
}

#[test]
fn issue14_an_export_goes_only_into_the_directory_named() {
    let Some(att) = Attacker::get("issue14 export") else { return };
    let t = Test::new();
    let rootdir = t.path("rootdir");
    std::fs::create_dir_all(&rootdir).expect("mkdir");
    // node_exporter's textfile directory may belong to another user; that
    // user points a directory on the way at root's directory.
    let textfile = att.owned_dir(&t.path("textfile"));
    att.sh(&format!("ln -s {} {}/sub", rootdir.display(), textfile.display()));
    let t = t.config("host_defaults = false\n\n[[monitor]]\nname = \"l\"\nkind = \"load\"\n");
    t.run(&["check"]);
    let out = t.run(&["export", "-o", textfile.join("sub/hm.prom").to_str().expect("utf8")]);
    out.code(1);
    assert!(out.one_line_error().contains("sub is a symlink in"), "{}", out.stderr);
    assert_eq!(std::fs::read_dir(&rootdir).expect("ls").count(), 0, "nothing written through the symlink");
    // Straight into the other user's directory is fine, and atomic.
    t.run(&["export", "-o", textfile.join("hm.prom").to_str().expect("utf8")]).code(0);
    let text = std::fs::read_to_string(textfile.join("hm.prom")).expect("written");
    assert!(text.contains("hm_up"), "{text}");
    let names: Vec<_> = std::fs::read_dir(&textfile).expect("ls").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(names.len(), 2, "hm.prom and the attacker's link, no temp file left: {names:?}");
}
