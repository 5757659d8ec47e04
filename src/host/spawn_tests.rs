//! The start path (`spawn.rs`) on real processes: what the worker gets,
//! and what a start that fails says.

use crate::host::exec::{NotFound, spawn_detached};
use crate::host::launch::Launch;

fn argv(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

fn status_field(pid: u32, key: &str) -> String {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    text.lines().find_map(|l| l.strip_prefix(&format!("{key}:"))).expect("field").trim().to_string()
}

fn kill(pid: u32) {
    let pid = nix::unistd::Pid::from_raw(i32::try_from(pid).expect("pid"));
    let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
}

#[test]
fn issue29_a_started_worker_has_no_signal_of_hms_ignored_blocked_or_caught() {
    // This test's process ignores SIGPIPE (as every Rust program) and
    // has handlers (the harness's); the worker has neither.
    let pid = spawn_detached(&argv(&["sleep", "5"]), None, &Launch::default()).expect("spawn");
    let (ign, blk, cgt) = (status_field(pid, "SigIgn"), status_field(pid, "SigBlk"), status_field(pid, "SigCgt"));
    kill(pid);
    let mask = |s: &str| u64::from_str_radix(s, 16).expect("hex");
    assert_eq!(mask(&ign) & (1 << (libc::SIGPIPE - 1)), 0, "SIGPIPE is not ignored: {ign}");
    assert_eq!(mask(&blk), 0, "nothing blocked: {blk}");
    assert_eq!(mask(&cgt), 0, "no handler: {cgt}");
}

#[test]
fn issue29_a_worker_gets_its_directory_environment_and_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("out.log");
    let launch = Launch {
        cwd: Some(dir.path().to_path_buf()),
        env: vec![("HM_TEST_SPAWN".into(), "yes".into())],
        umask: Some(0o077),
        nofile: Some(100),
        ..Launch::default()
    };
    let script = "echo \"$PWD $HM_TEST_SPAWN $(umask) $(ulimit -n)\"; echo err >&2; read x || echo eof";
    spawn_detached(&argv(&["sh", "-c", script]), Some(&log), &launch).expect("spawn");
    let mut text = String::new();
    for _ in 0..500 {
        text = std::fs::read_to_string(&log).unwrap_or_default();
        if text.lines().count() >= 3 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(text, format!("{} yes 0077 100\nerr\neof\n", dir.path().display()));
}

#[test]
fn issue29_a_start_that_fails_says_which_step() {
    let missing = spawn_detached(&argv(&["hm-no-such-program-x"]), None, &Launch::default()).expect_err("missing");
    assert!(missing.downcast_ref::<NotFound>().is_some(), "{missing:#}");
    let launch = Launch { cwd: Some("/nonexistent/hm-test".into()), ..Launch::default() };
    let err = spawn_detached(&argv(&["true"]), None, &launch).expect_err("no such directory");
    assert!(err.to_string().contains("cannot enter its directory"), "{err:#}");
    let dir = tempfile::tempdir().expect("tempdir");
    let err = spawn_detached(&argv(&[&dir.path().display().to_string()]), None, &Launch::default())
        .expect_err("a directory is not a program");
    assert!(err.to_string().contains("ermission denied"), "{err:#}");
}

#[test]
fn issue29_a_file_that_is_not_a_program_is_run_by_the_shell_as_execvp_did() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let (script, out) = (dir.path().join("run"), dir.path().join("out"));
    std::fs::write(&script, format!("echo \"$0 $1\" > {}\n", out.display())).expect("write");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let path = script.display().to_string();
    spawn_detached(&argv(&[&path, "arg"]), None, &Launch::default()).expect("spawn");
    let mut text = String::new();
    for _ in 0..500 {
        text = std::fs::read_to_string(&out).unwrap_or_default();
        if !text.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(text, format!("{path} arg\n"));
}
