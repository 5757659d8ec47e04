use super::*;
use std::os::fd::AsFd;
use std::os::unix::fs::{PermissionsExt, symlink};

/// Root, or SKIPPED (loudly); under `CI=true`, which runs as root, a failure.
fn root(test: &str) -> bool {
    if can_confine() {
        return true;
    }
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{test} needs root under CI=true");
    eprintln!("SKIPPED: {test} needs root (confinement lends rights and chroots)");
    false
}

fn opened(d: &Path) -> crate::safe_path::Dir {
    crate::safe_path::open_dir(d, &[], crate::safe_path::Symlinks::Refuse).expect("open dir")
}

fn nobody() -> Rights {
    Rights { uid: 65534, gid: 65534, groups: Vec::new() }
}

#[test]
fn issue25_confined_work_sees_only_the_opened_directory() {
    if !root("issue25_confined_work_sees_only_the_opened_directory") {
        return;
    }
    let d = tempfile::tempdir().expect("tempdir");
    std::fs::write(d.path().join("inside"), "x").expect("write");
    // An absolute symlink leads inside the directory, never out of it.
    symlink("/etc/hostname", d.path().join("escape")).expect("symlink");
    let dir = opened(d.path());
    let root_rights = Rights { uid: 0, gid: 0, groups: vec![0] };
    let (names, escaped, base) = confined(dir.fd.as_fd(), &dir.path, &root_rights, |base| {
        let mut names: Vec<String> = std::fs::read_dir(base)
            .expect("read_dir /")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        (names, std::fs::read(base.join("escape")).is_ok(), base.to_path_buf())
    })
    .expect("confined");
    assert_eq!(names, ["escape", "inside"]);
    assert!(!escaped, "an absolute symlink led out of the directory");
    assert_eq!(base, Path::new("/"));
    // The rest of the process keeps its root.
    assert!(Path::new("/etc/hostname").exists() || Path::new("/proc/self").exists());
    assert!(std::env::current_dir().is_ok());
}

#[test]
fn issue25_confined_work_has_the_owners_rights_only() {
    if !root("issue25_confined_work_has_the_owners_rights_only") {
        return;
    }
    let d = tempfile::tempdir().expect("tempdir");
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::write(d.path().join("roots"), "secret").expect("write");
    std::fs::set_permissions(d.path().join("roots"), std::fs::Permissions::from_mode(0o600)).expect("chmod");
    std::fs::write(d.path().join("public"), "hello").expect("write");
    std::fs::set_permissions(d.path().join("public"), std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let dir = opened(d.path());
    let (secret, public, created) = confined(dir.fd.as_fd(), &dir.path, &nobody(), |base| {
        (
            std::fs::read(base.join("roots")).map_err(|e| e.kind()),
            std::fs::read(base.join("public")).map_err(|e| e.kind()),
            std::fs::write(base.join("new"), "x").map_err(|e| e.kind()),
        )
    })
    .expect("confined");
    assert_eq!(secret, Err(std::io::ErrorKind::PermissionDenied), "root's 0600 file read with nobody's rights");
    assert_eq!(public.as_deref().ok(), Some(&b"hello"[..]));
    assert_eq!(created, Err(std::io::ErrorKind::PermissionDenied), "wrote into root's 0755 directory");
    // The calling thread was never changed.
    assert_eq!(std::fs::read(d.path().join("roots")).expect("root reads"), b"secret");
}

#[test]
fn issue25_other_threads_keep_their_root_while_work_is_confined() {
    if !root("issue25_other_threads_keep_their_root_while_work_is_confined") {
        return;
    }
    let d = tempfile::tempdir().expect("tempdir");
    let dir = &opened(d.path());
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    std::thread::scope(|s| {
        s.spawn(move || {
            confined(dir.fd.as_fd(), &dir.path, &nobody(), move |_| {
                tx.send(()).expect("send");
                // Hold the confinement until the other thread has looked.
                done_rx.recv().expect("recv");
            })
            .expect("confined");
        });
        rx.recv().expect("confined started");
        assert!(Path::new("/proc/self/status").exists(), "the process's root moved with the confined thread");
        let me = std::fs::read_to_string("/proc/thread-self/status").expect("status");
        let fsuid = me.lines().find(|l| l.starts_with("Uid:")).expect("Uid line");
        assert!(fsuid.split_whitespace().nth(4) == Some("0"), "this thread's fsuid changed: {fsuid}");
        done_tx.send(()).expect("send");
    });
}

#[test]
fn the_owners_rights_come_from_the_user_database() {
    let st = nix::sys::stat::stat("/").expect("stat /");
    let r = Rights::owner_of(&st);
    assert_eq!((r.uid, r.gid), (0, 0));
    let mut unknown = st;
    (unknown.st_uid, unknown.st_gid) = (4_000_000_001, 4_000_000_002);
    assert_eq!(Rights::owner_of(&unknown), Rights { uid: 4_000_000_001, gid: 4_000_000_002, groups: Vec::new() });
}

#[test]
fn without_root_the_work_runs_here_on_the_real_path() {
    if can_confine() {
        return;
    }
    let d = tempfile::tempdir().expect("tempdir");
    let dir = opened(d.path());
    let base = confined(dir.fd.as_fd(), &dir.path, &nobody(), Path::to_path_buf).expect("confined");
    assert_eq!(base, dir.path);
}
