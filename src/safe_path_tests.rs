use super::*;
use std::os::unix::fs::{PermissionsExt, symlink};

fn root() -> bool {
    nix::unistd::geteuid().is_root()
}

fn dir() -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("tempdir");
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    d
}

#[test]
fn a_real_path_opens_and_dot_dot_is_the_real_parent() {
    let d = dir();
    std::fs::create_dir_all(d.path().join("a/b")).expect("mkdir");
    let opened = open_dir(&d.path().join("a/./b/../b"), &[], Symlinks::Refuse).expect("open");
    assert_eq!(opened.path, d.path().join("a/b"));
    assert!(matches!(open_dir(Path::new("a/b"), &[], Symlinks::Refuse), Err(PathError::Relative(_))));
    let err = open_dir(&d.path().join("missing"), &[], Symlinks::Refuse).expect_err("missing");
    assert!(err.is_not_found(), "{err}");
}

#[test]
fn issue14_a_symlink_anywhere_on_the_way_is_refused() {
    let d = dir();
    std::fs::create_dir_all(d.path().join("real/logs")).expect("mkdir");
    symlink(d.path().join("real"), d.path().join("link")).expect("symlink");
    for p in ["link/logs", "link", "real/logs/../../link/logs"] {
        let err = open_dir(&d.path().join(p), &[], Symlinks::Refuse).expect_err(p);
        assert!(matches!(err, PathError::Symlink { .. }), "{p}: {err}");
        assert!(err.to_string().contains("link is a symlink"), "{err}");
    }
    std::fs::write(d.path().join("real/f"), "x").expect("write");
    symlink(d.path().join("real/f"), d.path().join("real/l")).expect("symlink");
    let err = open_file(&d.path().join("real/l"), &[], Symlinks::Refuse, OFlag::O_RDONLY, Mode::empty())
        .expect_err("file link");
    assert!(matches!(err, PathError::Symlink { .. }), "{err}");
    let err = open_file(&d.path().join("link/f"), &[], Symlinks::Refuse, OFlag::O_RDONLY, Mode::empty())
        .expect_err("dir link");
    assert!(matches!(err, PathError::Symlink { .. }), "{err}");
}

#[test]
fn trusted_symlinks_are_followed_and_others_refused() {
    let d = dir();
    std::fs::create_dir_all(d.path().join("etc")).expect("mkdir");
    std::fs::create_dir_all(d.path().join("repo")).expect("mkdir");
    std::fs::write(d.path().join("repo/hm.toml"), "x").expect("write");
    symlink("../repo/hm.toml", d.path().join("etc/hm.toml")).expect("symlink");
    let f = open_file(&d.path().join("etc/hm.toml"), &[], Symlinks::FollowTrusted, OFlag::O_RDONLY, Mode::empty())
        .expect("followed");
    assert_eq!(f.path, d.path().join("repo/hm.toml"));
    if !root() {
        eprintln!("SKIPPED: the untrusted half needs root (to own a directory as another user)");
        return;
    }
    assert_eq!(f.untrusted, None);
    // The same link in a directory another user owns is not followed.
    nix::unistd::chown(&d.path().join("etc"), Some(65534.into()), None).expect("chown");
    let err = open_file(&d.path().join("etc/hm.toml"), &[], Symlinks::FollowTrusted, OFlag::O_RDONLY, Mode::empty())
        .expect_err("untrusted");
    assert!(matches!(err, PathError::UntrustedSymlink { .. }), "{err}");
    assert!(err.to_string().contains("belongs to uid 65534"), "{err}");
    // ... unless that user is trusted.
    open_file(&d.path().join("etc/hm.toml"), &[65534], Symlinks::FollowTrusted, OFlag::O_RDONLY, Mode::empty())
        .expect("trusted owner");
}

#[test]
fn who_could_change_the_path_is_reported() {
    let d = dir();
    std::fs::create_dir_all(d.path().join("open/inner")).expect("mkdir");
    std::fs::write(d.path().join("open/inner/f"), "x").expect("write");
    let path = d.path().join("open/inner/f");
    let f = open_file(&path, &[], Symlinks::Refuse, OFlag::O_RDONLY, Mode::empty()).expect("open");
    let me = nix::unistd::geteuid().as_raw();
    if me == 0 {
        assert_eq!(f.untrusted, None, "root-owned 0755 all the way (the tempdir's parent is sticky /tmp)");
    }
    std::fs::set_permissions(d.path().join("open"), std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let f = open_file(&path, &[me], Symlinks::Refuse, OFlag::O_RDONLY, Mode::empty()).expect("open");
    let why = f.untrusted.expect("a 0777 directory on the way");
    assert!(why.contains("/open may be written by anyone (mode 777)"), "{why}");
    // Sticky: writers cannot touch what they do not own.
    std::fs::set_permissions(d.path().join("open"), std::fs::Permissions::from_mode(0o1777)).expect("chmod");
    let f = open_file(&path, &[me], Symlinks::Refuse, OFlag::O_RDONLY, Mode::empty()).expect("open");
    assert_eq!(f.untrusted, None);
}

#[test]
fn a_fifo_opens_without_waiting_and_files_are_created_at_the_real_path() {
    let d = dir();
    nix::unistd::mkfifo(&d.path().join("fifo"), Mode::from_bits_truncate(0o600)).expect("mkfifo");
    let f = open_file(&d.path().join("fifo"), &[], Symlinks::Refuse, OFlag::O_RDONLY, Mode::empty()).expect("fifo");
    assert_eq!(f.stat.st_mode & 0o170000, 0o010000);
    let f = open_file(
        &d.path().join("new.log"),
        &[],
        Symlinks::Refuse,
        OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_APPEND,
        Mode::from_bits_truncate(0o640),
    )
    .expect("create");
    assert_eq!(f.stat.st_mode & 0o7777, 0o640);
    assert!(d.path().join("new.log").is_file());
}

#[test]
fn mount_ids_are_read() {
    let d = dir();
    let a = open_dir(d.path(), &[], Symlinks::Refuse).expect("open");
    let proc = open_dir(Path::new("/proc"), &[], Symlinks::Refuse).expect("open /proc");
    let (a, p) = (mount_id(&a.fd).expect("id"), mount_id(&proc.fd).expect("id"));
    assert_ne!(a, p, "/proc is a mount of its own");
}
