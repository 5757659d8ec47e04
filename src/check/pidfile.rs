//! Reading a pidfile only when nobody but root (or the worker's own user)
//! could have written it.
//!
//! A pid names a process to signal. Whoever can write the pidfile, or swap
//! any directory on the way to it, could otherwise make hm (as root) stop
//! any process: another user's, root's, hm's own parent shell.
//! So the file is opened once through [`crate::safe_path`] (walked from `/`
//! with `O_NOFOLLOW`; a symlink is followed only where trusted owners
//! alone could have planted it), judged on that descriptor, and read from
//! it, a few bytes at most. It is believed only when it is a regular file
//! owned by root or by a trusted owner, not writable by group or others,
//! and nothing on the way could be changed by anyone else.

use crate::safe_path::{self, PathError, Symlinks};
use nix::fcntl::OFlag;
use nix::sys::stat::{FileStat, Mode};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Why a pidfile gave no pid. The check's status follows from the variant.
#[derive(Debug, thiserror::Error)]
pub(crate) enum PidfileError {
    #[error("pidfile {0} does not exist")]
    Missing(PathBuf),
    /// Someone other than root and the trusted owners could have written
    /// it (or chosen where its path leads): never acted upon.
    #[error("pidfile not trusted: {path}: {why}")]
    NotTrusted { path: PathBuf, why: String },
    #[error("cannot read pidfile {path}: {why}")]
    Unreadable { path: PathBuf, why: String },
    #[error("pidfile {0} holds no pid")]
    NoPid(PathBuf),
}

/// What a trusted pidfile says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Pidfile {
    pub pid: u32,
    /// When it was last written: a process that started later did not
    /// write it (its pid was reused).
    pub written: SystemTime,
}

/// More than any pid and its newline; a bigger file is not a pidfile.
const MAX_BYTES: u64 = 64;

/// Read the pid in `path`, trusting root and `owners` (uids) only.
pub(crate) fn read(path: &Path, owners: &[u32]) -> Result<Pidfile, PidfileError> {
    let not_trusted = |why: String| PidfileError::NotTrusted { path: path.to_path_buf(), why };
    let file = match safe_path::open_file(path, owners, Symlinks::FollowTrusted, OFlag::O_RDONLY, Mode::empty()) {
        Ok(f) => f,
        Err(e) if e.is_not_found() => return Err(PidfileError::Missing(path.to_path_buf())),
        Err(e @ (PathError::Symlink { .. } | PathError::UntrustedSymlink { .. })) => {
            return Err(not_trusted(e.to_string()));
        }
        Err(e) => return Err(PidfileError::Unreadable { path: path.to_path_buf(), why: e.to_string() }),
    };
    if let Some(why) = &file.untrusted {
        return Err(not_trusted(why.clone()));
    }
    if let Some(why) = judge(&file.stat, owners) {
        return Err(not_trusted(why));
    }
    let mut text = String::new();
    std::fs::File::from(file.fd)
        .take(MAX_BYTES)
        .read_to_string(&mut text)
        .map_err(|e| PidfileError::Unreadable { path: path.to_path_buf(), why: e.to_string() })?;
    let pid = match text.trim().parse::<u32>() {
        Ok(pid) if pid > 0 && i32::try_from(pid).is_ok() => pid,
        _ => return Err(PidfileError::NoPid(path.to_path_buf())),
    };
    Ok(Pidfile { pid, written: mtime(&file.stat) })
}

/// Why the file itself is not to be believed, if it is not.
fn judge(st: &FileStat, owners: &[u32]) -> Option<String> {
    if st.st_mode & libc::S_IFMT != libc::S_IFREG {
        return Some("it is not a regular file".into());
    }
    if st.st_uid != 0 && !owners.contains(&st.st_uid) {
        return Some(format!("it belongs to uid {}, not root or the monitor's user", st.st_uid));
    }
    if st.st_mode & 0o022 != 0 {
        return Some(format!("it may be written by group or others (mode {:o}); chmod go-w it", st.st_mode & 0o7777));
    }
    None
}

fn mtime(st: &FileStat) -> SystemTime {
    let secs = u64::try_from(st.st_mtime).unwrap_or(0);
    let nanos = u32::try_from(st.st_mtime_nsec).unwrap_or(0);
    UNIX_EPOCH + Duration::new(secs, nanos)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn dir() -> tempfile::TempDir {
        let d = tempfile::tempdir().expect("tempdir");
        std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
        d
    }

    #[test]
    fn a_plain_pidfile_is_read_and_odd_ones_are_not() {
        let d = dir();
        let p = d.path().join("x.pid");
        std::fs::write(&p, "123\n").expect("write");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let me = nix::unistd::geteuid().as_raw();
        assert_eq!(read(&p, &[me]).expect("read").pid, 123);
        for bad in ["0", "-1", "x", "99999999999", ""] {
            std::fs::write(&p, bad).expect("write");
            assert!(matches!(read(&p, &[me]), Err(PidfileError::NoPid(_))), "{bad:?}");
        }
        std::fs::write(&p, format!("12{}", " ".repeat(100))).expect("write");
        assert_eq!(read(&p, &[me]).expect("spaces after the pid are cut, not refused").pid, 12);
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o664)).expect("chmod");
        let err = read(&p, &[me]).expect_err("group-writable");
        assert!(err.to_string().starts_with("pidfile not trusted: "), "{err}");
        assert!(matches!(read(&d.path().join("none.pid"), &[me]), Err(PidfileError::Missing(_))));
        let fifo = d.path().join("fifo.pid");
        nix::unistd::mkfifo(&fifo, Mode::from_bits_truncate(0o600)).expect("mkfifo");
        let err = read(&fifo, &[me]).expect_err("fifo");
        assert!(err.to_string().contains("not a regular file"), "{err}");
    }
}
