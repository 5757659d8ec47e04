//! Which processes hold an SQLite database open, found by reading every
//! `/proc/PID/fd`, and how many processes could not be looked at.
//!
//! Only root may read another user's `/proc/PID/fd`. Run as anyone else,
//! the scan is blind to other users' processes, and "no holder found" does
//! not mean "no holder": [`Scan::unseen`] counts what was hidden, so that
//! callers say so and look for a writer another way (SQLite's own lock).

use anyhow::{Context, Result};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// A process holding the database (or its -wal, -shm, -journal) open.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub(crate) struct Holder {
    pub pid: u32,
    /// Its command line (or name, for processes without one).
    pub command: String,
}

/// What a scan of the process table found.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Scan {
    pub holders: Vec<Holder>,
    /// Processes whose open files may not be read (other users', when hm
    /// is not root); any of them may hold the database.
    pub unseen: usize,
}

/// `app.db` + `-wal` → `app.db-wal`.
pub(crate) fn companion(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// The database and the files SQLite keeps beside it.
fn companions(db: &Path) -> Vec<PathBuf> {
    let mut out = vec![db.to_path_buf()];
    out.extend(["-wal", "-shm", "-journal"].map(|s| companion(db, s)));
    out
}

/// Every process (but this one) with the database or a companion open, and
/// how many processes could not be looked at.
pub(crate) fn scan(db: &Path) -> Result<Scan> {
    let wanted = companions(db);
    let own = std::process::id();
    let mut out = Scan::default();
    for entry in std::fs::read_dir("/proc").context("cannot list /proc")?.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
        if pid == own {
            continue;
        }
        let fds = match std::fs::read_dir(entry.path().join("fd")) {
            Ok(fds) => fds,
            // Gone meanwhile: it holds nothing.
            Err(e) if e.kind() == ErrorKind::NotFound => continue,
            Err(_) => {
                out.unseen += 1;
                continue;
            }
        };
        let holds = fds.flatten().any(|fd| std::fs::read_link(fd.path()).is_ok_and(|target| wanted.contains(&target)));
        if holds {
            let raw = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
            let command = String::from_utf8_lossy(raw.strip_suffix(&[0]).unwrap_or(&raw)).replace('\0', " ");
            out.holders.push(Holder { pid, command });
        }
    }
    Ok(out)
}

/// The holders a scan can see.
pub(crate) fn holders(db: &Path) -> Result<Vec<Holder>> {
    Ok(scan(db)?.holders)
}

/// A file's size; 0 when it does not exist.
pub(crate) fn file_size(p: &Path) -> u64 {
    std::fs::metadata(p).map_or(0, |m| m.len())
}

/// `12, 345`: the holders' pids, for messages.
pub(crate) fn pid_list(holders: &[Holder]) -> String {
    holders.iter().map(|h| h.pid.to_string()).collect::<Vec<_>>().join(", ")
}

/// Whether `journal` may be hot: it exists and its first byte is not zero,
/// the test SQLite itself makes. A journal SQLite is done with is deleted,
/// truncated or has its header zeroed (`journal_mode` DELETE, TRUNCATE,
/// PERSIST).
pub(crate) fn journal_live(journal: &Path) -> bool {
    let mut first = [0u8; 1];
    std::fs::File::open(journal).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut first)).is_ok()
        && first[0] != 0
}
