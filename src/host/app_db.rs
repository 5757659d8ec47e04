//! An application's SQLite database, resolved once and used only as opened,
//! so that its owner cannot redirect what root opens.
//!
//! The `sqlite` check, a heartbeat's `database` and `hm clear-locks` all
//! touch databases that usually belong to an application's user, in that
//! user's directory. SQLite itself opens a database, then its `-journal`,
//! `-wal` and `-shm`, each by name and when it needs them, following
//! symlinks; run as root against a directory its owner controls, that let
//! the owner make root roll a crafted journal back into any file. So here:
//!
//! - the path is walked once ([`crate::safe_path`]), the database opened
//!   `O_NOFOLLOW` in the directory that walk opened, and judged by `fstat`:
//!   a regular file with one name (a hard link is refused), and not root's
//!   unless nobody else could have put it there;
//! - what hm learns by itself (the companions' sizes, a hot journal, who
//!   holds the write lock, which processes have it open) is read through
//!   that directory's descriptor, never by name from `/`;
//! - SQLite runs only confined ([`super::confine`]): chrooted into that
//!   directory, so every name it opens is there, with `SQLITE_OPEN_NOFOLLOW`,
//!   and with the rights of the database file's owner, so the kernel refuses
//!   whatever that user could not do.
//!
//! Whether a writer holds the database is read from the kernel's table of
//! record locks (`/proc/locks`), which is where SQLite keeps them, so a
//! check learns it without taking a lock or opening a connection that
//! could write. hm never opens the database itself but `O_PATH` (outside
//! SQLite): closing any other descriptor of a file drops every POSIX lock
//! the process holds on it, and so would silently unlock a connection of
//! SQLite's in another thread (a heartbeat query on the same database, or
//! hm's own store watched by a `sqlite` monitor).

use super::confine::{ConfineError, Rights, confined};
use super::locks::{RESERVED_BYTE, WAL_WRITE_LOCK_BYTE};
use crate::safe_path::{self, PathError, Symlinks};
use nix::errno::Errno;
use nix::fcntl::{AtFlags, OFlag, openat};
use nix::sys::stat::{FileStat, Mode, fstat, fstatat};
use rusqlite::{Connection, OpenFlags};
use std::ffi::{OsStr, OsString};
use std::os::fd::{AsFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Why a database was not opened.
#[derive(Debug, thiserror::Error)]
pub(crate) enum AppDbError {
    #[error("{0} does not exist")]
    Missing(PathBuf),
    #[error("{0}")]
    Path(#[from] PathError),
    #[error("{0} is not a regular file")]
    NotFile(PathBuf),
    #[error("{path} has {links} names (hard links); hm uses a database only through its one name")]
    HardLinked { path: PathBuf, links: u64 },
    #[error(
        "refusing {path}: it belongs to root but {why}, so another user could have put it there; \
         chown it to the user that writes it, or move it"
    )]
    RootsFileOutOfRootsHands { path: PathBuf, why: String },
}

/// A database opened by [`AppDb::open`].
#[derive(Debug)]
pub(crate) struct AppDb {
    dir: safe_path::Dir,
    name: OsString,
    /// The file as opened (`O_PATH`: closing it drops no lock), held so
    /// that its inode, and so `stat`'s identity, cannot be reused while hm
    /// works on it.
    _file: OwnedFd,
    stat: FileStat,
    rights: Rights,
    path: PathBuf,
}

impl AppDb {
    /// Walk to `path`'s directory (following only symlinks root placed),
    /// open the database there without following a symlink, and judge it.
    pub(crate) fn open(path: &Path) -> Result<AppDb, AppDbError> {
        let name = path.file_name().filter(|n| *n != "..").ok_or_else(|| AppDbError::NotFile(path.to_path_buf()))?;
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let parent = crate::safe_write::absolute(parent).map_err(|_| PathError::Relative(parent.to_path_buf()))?;
        let dir = safe_path::open_dir(&parent, &[], Symlinks::FollowTrusted).map_err(|e| {
            if e.is_not_found() { AppDbError::Missing(path.to_path_buf()) } else { AppDbError::Path(e) }
        })?;
        let shown = dir.path.join(name);
        // O_PATH with O_NOFOLLOW opens a symlink itself, which fstat shows.
        let flags = OFlag::O_PATH | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
        let file = match openat(&dir.fd, name, flags, Mode::empty()) {
            Ok(fd) => fd,
            Err(Errno::ENOENT) => return Err(AppDbError::Missing(shown)),
            Err(errno) => return Err(PathError::Io { at: shown, errno }.into()),
        };
        let stat = fstat(&file).map_err(|errno| PathError::Io { at: shown.clone(), errno })?;
        if stat.st_mode & libc::S_IFMT == libc::S_IFLNK {
            return Err(PathError::Symlink { at: shown }.into());
        }
        if stat.st_mode & libc::S_IFMT != libc::S_IFREG {
            return Err(AppDbError::NotFile(shown));
        }
        if stat.st_nlink > 1 {
            return Err(AppDbError::HardLinked { path: shown, links: stat.st_nlink });
        }
        let own = safe_path::who_may_change(&dir.stat, Some(&stat), &[]).map(|w| format!("{} {w}", dir.path.display()));
        if stat.st_uid == 0
            && let Some(why) = dir.untrusted.clone().or(own)
        {
            return Err(AppDbError::RootsFileOutOfRootsHands { path: shown, why });
        }
        let rights = Rights::owner_of(&stat);
        Ok(AppDb { dir, name: name.to_os_string(), _file: file, stat, rights, path: shown })
    }

    /// The database's real path, as walked: for messages.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// `jobs.db` + `-wal`.
    fn companion(&self, suffix: &str) -> OsString {
        let mut n = self.name.clone();
        n.push(suffix);
        n
    }

    /// A companion's status, if it is a regular file in the directory.
    fn companion_stat(&self, suffix: &str) -> Option<FileStat> {
        let st = fstatat(&self.dir.fd, self.companion(suffix).as_os_str(), AtFlags::AT_SYMLINK_NOFOLLOW).ok()?;
        (st.st_mode & libc::S_IFMT == libc::S_IFREG).then_some(st)
    }

    /// A companion's size (`-wal`, `-journal`); 0 when there is none.
    pub(crate) fn companion_size(&self, suffix: &str) -> u64 {
        self.companion_stat(suffix).map_or(0, |st| u64::try_from(st.st_size).unwrap_or(0))
    }

    /// `(st_dev, st_ino)` of the database and of each companion there is,
    /// to find the processes that have them open.
    pub(crate) fn identities(&self) -> Vec<(u64, u64)> {
        let mut ids = vec![(self.stat.st_dev, self.stat.st_ino)];
        ids.extend(
            ["-wal", "-shm", "-journal"].iter().filter_map(|s| self.companion_stat(s)).map(|s| (s.st_dev, s.st_ino)),
        );
        ids
    }

    /// The processes (but hm) that have the database or a companion open,
    /// and how many processes hm could not look at.
    pub(crate) fn holders(&self) -> anyhow::Result<super::db_holders::Scan> {
        let names: Vec<OsString> = ["", "-wal", "-shm", "-journal"].iter().map(|s| self.companion(s)).collect();
        super::db_holders::scan(&self.identities(), &names)
    }

    /// A companion opened read-only in the directory, never through a
    /// symlink, never waiting on a FIFO.
    fn open_companion(&self, suffix: &str) -> Option<OwnedFd> {
        let flags = OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_NONBLOCK | OFlag::O_CLOEXEC | OFlag::O_NOCTTY;
        let fd = openat(&self.dir.fd, self.companion(suffix).as_os_str(), flags, Mode::empty()).ok()?;
        let st = fstat(&fd).ok()?;
        (st.st_mode & libc::S_IFMT == libc::S_IFREG).then_some(fd)
    }

    /// A writer holding the database's write lock now: `Some(pid)` (0
    /// when the kernel does not say whose lock it is). SQLite's writer
    /// holds the `RESERVED` byte of the database (rollback journal) or the
    /// write-lock byte of the `-shm` file (WAL).
    pub(crate) fn writer(&self) -> Option<u32> {
        let mut wanted = vec![((self.stat.st_dev, self.stat.st_ino), RESERVED_BYTE)];
        if let Some(shm) = self.companion_stat("-shm") {
            wanted.push(((shm.st_dev, shm.st_ino), WAL_WRITE_LOCK_BYTE));
        }
        let table = std::fs::read_to_string("/proc/locks").unwrap_or_default();
        super::locks::write_locked(&table, &wanted)
    }

    /// Wait up to `within` for the write lock to be free; the holder when
    /// it never was.
    pub(crate) fn writer_within(&self, within: Duration) -> Option<u32> {
        let deadline = Instant::now() + within;
        loop {
            let held = self.writer()?;
            if Instant::now() >= deadline {
                return Some(held);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Whether the `-journal` is hot: it holds an unfinished transaction
    /// (a non-empty journal whose header is not zeroed) and no writer is
    /// at work on it. Opening the database would roll it back.
    pub(crate) fn hot_journal(&self) -> bool {
        // SQLite locks the database, never its journal: closing this
        // descriptor unlocks nothing.
        let Some(journal) = self.open_companion("-journal") else { return false };
        let mut first = [0u8; 1];
        let read = std::os::unix::fs::FileExt::read_at(&std::fs::File::from(journal), &mut first, 0);
        read.is_ok_and(|n| n == 1 && first[0] != 0) && self.writer().is_none()
    }

    /// Whether SQLite takes the file for a database (its header), asked
    /// read-only and confined; a hot journal, which a read-only open
    /// refuses, does not say it is not one.
    pub(crate) fn is_database(&self, deadline: Instant) -> anyhow::Result<bool> {
        let shown = self.path.clone();
        let read = self.sqlite(false, deadline, |c| {
            c.query_row("PRAGMA schema_version", [], |r| r.get::<_, i64>(0)).map_err(|e| sql_error(e, &shown, "read"))
        });
        match read {
            Ok(_) => Ok(true),
            Err(e) if HotJournal::in_chain(&e) => Ok(true),
            Err(e) if e.downcast_ref::<NotADatabase>().is_some() => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Run `work` on an SQLite connection to this database: confined to
    /// its directory with its owner's rights, read-only unless `write`,
    /// stopped when `deadline` passes (a query that never ends is
    /// interrupted, its thread does not live on). The connection is closed
    /// before this returns, without a checkpoint.
    pub(crate) fn sqlite<T: Send>(
        &self,
        write: bool,
        deadline: Instant,
        work: impl FnOnce(&Connection) -> anyhow::Result<T> + Send,
    ) -> anyhow::Result<T> {
        let name: &OsStr = &self.name;
        let want = (self.stat.st_dev, self.stat.st_ino);
        let shown = &self.path;
        let owner = self.rights.uid;
        confined(self.dir.fd.as_fd(), &self.dir.path, &self.rights, move |base| -> anyhow::Result<T> {
            let path = base.join(name);
            let mode = if write { OpenFlags::SQLITE_OPEN_READ_WRITE } else { OpenFlags::SQLITE_OPEN_READ_ONLY };
            let flags = mode | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_NOFOLLOW;
            let mut conn = Connection::open_with_flags(&path, flags).map_err(|e| sql_error(e, shown, "open"))?;
            // The name may have been replaced since hm opened the file:
            // then SQLite has another file open, and nothing is done.
            let now = nix::sys::stat::lstat(&path).map(|st| (st.st_dev, st.st_ino));
            if now != Ok(want) {
                anyhow::bail!("{} was replaced while hm opened it; nothing done", shown.display());
            }
            let _ = conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true);
            conn.pragma_update(None, "temp_store", "MEMORY").map_err(|e| sql_error(e, shown, "use"))?;
            if !write {
                conn.pragma_update(None, "query_only", true).map_err(|e| sql_error(e, shown, "use"))?;
            }
            conn.busy_timeout(deadline.saturating_duration_since(Instant::now()).min(Duration::from_secs(2)))?;
            conn.progress_handler(1000, Some(move || Instant::now() >= deadline))?;
            if write && conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
                anyhow::bail!(
                    "{} may not be written with the rights of its owner (uid {}), which are the only rights hm \
                     writes it with: nothing done",
                    shown.display(),
                    owner
                );
            }
            work(&conn).map_err(|e| match e.downcast::<rusqlite::Error>() {
                Ok(e) => sql_error(e, shown, "use"),
                Err(e) => e,
            })
        })
        .map_err(|e: ConfineError| anyhow::anyhow!(e))?
    }
}

/// SQLite's error, said for people; a hot journal and a stopped query in
/// words of their own.
pub(crate) fn sql_error(e: rusqlite::Error, db: &Path, doing: &str) -> anyhow::Error {
    const READONLY_ROLLBACK: i32 = rusqlite::ffi::SQLITE_READONLY | (3 << 8);
    match &e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            anyhow::Error::new(NotADatabase(db.to_path_buf()))
        }
        rusqlite::Error::SqliteFailure(f, _) if f.extended_code == READONLY_ROLLBACK => {
            anyhow::Error::new(HotJournal(db.to_path_buf()))
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::OperationInterrupted => {
            anyhow::anyhow!("{}: stopped at the check's timeout", db.display())
        }
        _ => anyhow::anyhow!("cannot {doing} {}: {e}", db.display()),
    }
}

/// SQLite's "file is not a database".
#[derive(Debug, thiserror::Error)]
#[error("{0} is not an SQLite database (it does not start with SQLite's header)")]
pub(crate) struct NotADatabase(PathBuf);

/// What a hot journal means and what to do about it.
pub(crate) const HOT_JOURNAL: &str = "hot journal (an unfinished transaction); run hm clear-locks";

/// A read-only connection refused to open: the database has a hot
/// journal, which only `hm clear-locks` rolls back.
#[derive(Debug, thiserror::Error)]
#[error("{}: {HOT_JOURNAL}", .0.display())]
pub(crate) struct HotJournal(PathBuf);

impl HotJournal {
    /// Whether `e` (anywhere in its chain) is a hot journal.
    pub(crate) fn in_chain(e: &anyhow::Error) -> bool {
        e.chain().any(|c| c.is::<HotJournal>())
    }
}

#[cfg(test)]
#[path = "app_db_tests.rs"]
mod tests;
