//! Which processes hold an SQLite database open, found by reading every
//! `/proc/PID/fd`, and how many processes could not be looked at.
//!
//! Only root may read another user's `/proc/PID/fd`. Run as anyone else,
//! the scan is blind to other users' processes, and "no holder found" does
//! not mean "no holder": [`Scan::unseen`] counts what was hidden, so that
//! callers say so and look for a writer another way (SQLite's own lock).

use anyhow::{Context, Result};
use std::io::ErrorKind;

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

/// Every process (but this one) with one of `files` open (`(st_dev,
/// st_ino)` pairs: the database and its companions, as
/// [`super::app_db::AppDb::identities`] found them), and how many processes
/// could not be looked at. A file is taken by identity, not by its path:
/// a path says nothing once a directory on the way was renamed or swapped.
/// Only links whose last name is one of `names` are looked at more closely
/// (a `stat` of a file on a dead NFS server could hang).
pub(crate) fn scan(files: &[(u64, u64)], names: &[std::ffi::OsString]) -> Result<Scan> {
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
        // stat(2) of a /proc/PID/fd link is the open file's own status; it
        // opens nothing (a FIFO or a device is not touched).
        let holds = fds.flatten().any(|fd| {
            std::fs::read_link(fd.path()).is_ok_and(|l| l.file_name().is_some_and(|n| names.iter().any(|w| w == n)))
                && nix::sys::stat::stat(&fd.path()).is_ok_and(|st| files.contains(&(st.st_dev, st.st_ino)))
        });
        if holds {
            let raw = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
            let command = String::from_utf8_lossy(raw.strip_suffix(&[0]).unwrap_or(&raw)).replace('\0', " ");
            out.holders.push(Holder { pid, command });
        }
    }
    Ok(out)
}

/// `12, 345`: the holders' pids, for messages.
pub(crate) fn pid_list(holders: &[Holder]) -> String {
    holders.iter().map(|h| h.pid.to_string()).collect::<Vec<_>>().join(", ")
}
