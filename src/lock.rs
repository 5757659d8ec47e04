//! One run at a time: an `flock` on a lock file next to the database.
//!
//! Cron can fire while an earlier run still heals; two runs must never
//! apply a remedy at once. The second one waits a short while, then gives
//! up with a clear message. The kernel drops the lock when the process
//! exits, however it exits, so a crashed run never leaves a stale lock.
//!
//! One daemon per database: `hm run` and `hm serve` also hold
//! `hm.db.daemon.lock` for as long as they live, with their pid in it.
//! Two side by side would double every heal and notification; the second
//! refuses at once ([`AlreadyWatched`], exit 3). It is a lock of its own,
//! not the run lock, so one-shot runs (`hm check`, `hm heal`, a manual
//! restart) still go beside a daemon, taking turns on the run lock.

use crate::asked::DryRun;
use anyhow::{Context, Result, bail};
use nix::errno::Errno;
use nix::fcntl::{Flock, FlockArg};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Held until dropped.
#[derive(Debug)]
pub(crate) struct RunLock {
    _lock: Flock<File>,
}

/// The lock file for a database: `hm.db` → `hm.db.lock`.
pub(crate) fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// The outbox's own lock, held while notifications are sent, so two runs
/// that overlap never send the same one twice. `None` when another run
/// holds it: that run is delivering, this one need not.
pub(crate) fn try_outbox(db: &Path) -> Result<Option<Flock<File>>> {
    let mut name = db.as_os_str().to_owned();
    name.push(".outbox.lock");
    let path = PathBuf::from(name);
    let file = crate::safe_write::open_lock_file(&path)?;
    match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
        Ok(lock) => Ok(Some(lock)),
        Err((_, Errno::EWOULDBLOCK)) => Ok(None),
        Err((_, e)) => bail!("cannot lock {}: {e}", path.display()),
    }
}

/// Held by `hm run`/`hm serve` until they exit.
#[derive(Debug)]
pub(crate) struct DaemonLock {
    _lock: Flock<File>,
}

/// A second daemon on one database: refused (`lib.rs` exits 3 on it).
#[derive(Debug, thiserror::Error)]
#[error("another hm run (pid {pid}) already watches {db}; stop it first (hm check may run beside it)")]
pub(crate) struct AlreadyWatched {
    /// The holder's pid as its lock file says, or `unknown`.
    pub pid: String,
    pub db: String,
}

/// Take `db`'s daemon lock without waiting, and write this process's pid
/// into it; [`AlreadyWatched`] (with the holder's pid) when another
/// `hm run`/`hm serve` holds it.
pub(crate) fn watch(db: &Path) -> Result<DaemonLock> {
    use std::io::{Read, Seek, Write};
    let mut name = db.as_os_str().to_owned();
    name.push(".daemon.lock");
    let path = PathBuf::from(name);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
        use std::os::unix::fs::DirBuilderExt;
        // As the database's own directory is made (`store::open`).
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o750)
            .create(dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut file = crate::safe_write::open_lock_file(&path)?;
    let start = Instant::now();
    loop {
        match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
            Ok(mut lock) => {
                let pid = std::process::id();
                lock.set_len(0)
                    .and_then(|()| lock.rewind())
                    .and_then(|()| writeln!(lock, "{pid}"))
                    .with_context(|| format!("cannot write pid {pid} into {}", path.display()))?;
                return Ok(DaemonLock { _lock: lock });
            }
            Err((mut f, Errno::EWOULDBLOCK)) => {
                let mut text = String::new();
                let pid = f.rewind().and_then(|()| f.read_to_string(&mut text)).ok().and_then(|_| {
                    let t = text.trim();
                    t.parse::<u32>().is_ok().then(|| t.to_string())
                });
                // The holder writes its pid just after it locks: give it
                // a moment, well within the second a refusal may take.
                if pid.is_none() && start.elapsed() < Duration::from_millis(300) {
                    file = f;
                    std::thread::sleep(Duration::from_millis(20));
                    continue;
                }
                let pid = pid.unwrap_or_else(|| "unknown".into());
                return Err(AlreadyWatched { pid, db: db.display().to_string() }.into());
            }
            Err((_, e)) => bail!("cannot lock {}: {e}", path.display()),
        }
    }
}

/// The run lock stayed held by another run (a heal, a person's restart:
/// a pool's rolling restart holds it throughout) for all of the wait.
#[derive(Debug, thiserror::Error)]
#[error("another hm run holds {path} (waited {wait:.0?}); try again when it ends")]
pub(crate) struct Busy {
    path: String,
    wait: Duration,
}

impl Busy {
    /// Whether `e` is, or was caused by, a [`Busy`].
    pub(crate) fn is(e: &anyhow::Error) -> bool {
        e.chain().any(|c| c.is::<Busy>())
    }
}

/// How long a run that changes the host waits for another one to finish.
pub(crate) const WAIT: Duration = Duration::from_secs(2);

/// The lock a command that changes the host needs: none for a dry run
/// (it changes nothing), else the run lock, waiting up to [`WAIT`].
pub(crate) fn unless_dry_run(db: &Path, dry_run: DryRun) -> Result<Option<RunLock>> {
    match dry_run {
        DryRun::Yes => Ok(None),
        DryRun::No => acquire(db, WAIT).map(Some),
    }
}

/// Take the lock for `db`, waiting up to `wait` for another run to finish.
pub(crate) fn acquire(db: &Path, wait: Duration) -> Result<RunLock> {
    let path = lock_path(db);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut file = crate::safe_write::open_lock_file(&path)?;
    let start = Instant::now();
    loop {
        match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
            Ok(lock) => return Ok(RunLock { _lock: lock }),
            Err((f, Errno::EWOULDBLOCK)) if start.elapsed() < wait => {
                file = f;
                std::thread::sleep(Duration::from_millis(50));
            }
            Err((_, Errno::EWOULDBLOCK)) => return Err(Busy { path: path.display().to_string(), wait }.into()),
            Err((_, e)) => bail!("cannot lock {}: {e}", path.display()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_waits_then_gives_up() {
        let dir = tempfile::tempdir().expect("tmp");
        let db = dir.path().join("hm.db");
        let first = acquire(&db, Duration::ZERO).expect("first");
        let err = acquire(&db, Duration::from_millis(120)).expect_err("second must fail");
        assert!(err.to_string().contains("another hm run holds"), "{err}");
        drop(first);
        acquire(&db, Duration::ZERO).expect("free again");
    }

    #[test]
    fn issue26_a_second_daemon_is_refused_with_the_first_ones_pid() {
        let dir = tempfile::tempdir().expect("tmp");
        let db = dir.path().join("hm.db");
        let first = watch(&db).expect("first");
        let err = watch(&db).expect_err("second must be refused");
        let refused = err.downcast_ref::<AlreadyWatched>().expect("typed");
        assert_eq!(refused.pid, std::process::id().to_string());
        assert!(err.to_string().starts_with("another hm run (pid "), "{err}");
        // The run lock is another lock: a one-shot run goes beside it.
        drop(acquire(&db, Duration::ZERO).expect("run lock free"));
        drop(first);
        watch(&db).expect("free again");
    }
}
