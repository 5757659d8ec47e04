//! Opening the database, and what to do when that fails.
//!
//! Three kinds of failure need three answers, so [`OpenError`] tells them
//! apart:
//! - a file that is not hm's (another program's SQLite file, text, a newer
//!   hm's schema) is refused and left exactly as it is: the operator pointed
//!   `--db` at the wrong file;
//! - hm's own database that SQLite finds damaged is moved aside (renamed
//!   with its `-wal` and `-shm`, never deleted, so it can still be read or
//!   recovered) and a new one is started: monitoring must go on;
//! - a database that cannot be used right now (disk full, read-only
//!   filesystem, permissions) is unavailable: `hm check` still checks and
//!   prints, and says it could not record.
//!
//! A file is only ever moved aside when it starts with SQLite's header: a
//! file that does not is not provably hm's.

use super::{MIGRATIONS, Store};
use anyhow::Context;
use rusqlite::{Connection, ErrorCode};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Why a database could not be opened.
#[derive(Debug, thiserror::Error)]
pub(crate) enum OpenError {
    /// Not hm's to touch; left as it is.
    #[error("{0}")]
    Refused(String),
    /// hm's database (it has SQLite's header), damaged.
    #[error("database {} is corrupt ({reason})", path.display())]
    Corrupt { path: PathBuf, reason: String },
    /// Cannot be opened or set up now (disk full, read-only, permissions).
    #[error("{0:#}")]
    Unavailable(anyhow::Error),
}

/// What a failure on a database that was open calls for. The store sorts
/// its own errors, since it alone knows SQLite's codes; the caller
/// branches on the variant.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Failure {
    /// SQLite found the file damaged (`reason`: what it said): it is to
    /// be moved aside and a new one started ([`Store::start_anew`]).
    #[error("database is corrupt ({reason})")]
    Corrupt { reason: String },
    /// Another process held its write lock past the busy timeout.
    #[error("{0:#}")]
    Busy(anyhow::Error),
    /// The disk that holds it is full.
    #[error("{0:#}")]
    Full(anyhow::Error),
    /// It may not be written (a permission, a read-only mount).
    #[error("{0:#}")]
    ReadOnly(anyhow::Error),
    /// Anything else. Like the three above, what was being written is
    /// not recorded this time.
    #[error("{0:#}")]
    Other(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Failure {
        match sqlite_code(&e) {
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                Failure::Corrupt { reason: e.root_cause().to_string() }
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Failure::Busy(e),
            Some(ErrorCode::DiskFull) => Failure::Full(e),
            Some(ErrorCode::ReadOnly) => Failure::ReadOnly(e),
            _ => Failure::Other(e),
        }
    }
}

/// The code of the first SQLite error in `e`'s chain.
fn sqlite_code(e: &anyhow::Error) -> Option<ErrorCode> {
    e.chain().find_map(|c| {
        let sqlite = c.downcast_ref::<rusqlite::Error>().or_else(|| c.downcast_ref::<Sqlite>().map(|s| &s.0))?;
        sqlite.sqlite_error_code()
    })
}

/// An SQLite error said once. rusqlite's text repeats SQLite's message
/// and its code's ("attempt to write a readonly database: Error code 8:
/// attempt to write a readonly database"), and a read-only database is
/// most often a permission.
#[derive(Debug, thiserror::Error)]
#[error("{}", concise(.0))]
pub(crate) struct Sqlite(pub rusqlite::Error);

fn concise(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(f, message) => {
            let text = message.clone().unwrap_or_else(|| f.to_string());
            if f.code == ErrorCode::ReadOnly {
                format!("{text} (may uid {} write it, its -wal and -shm, and their directory?)", nix::unistd::geteuid())
            } else {
                text
            }
        }
        other => other.to_string(),
    }
}

/// Sort a failed open: damage is corruption, anything else is unavailable.
fn classify(path: &Path, e: anyhow::Error) -> OpenError {
    match Failure::from(e) {
        Failure::Corrupt { reason } => OpenError::Corrupt { path: path.to_path_buf(), reason },
        Failure::Busy(e) | Failure::Full(e) | Failure::ReadOnly(e) | Failure::Other(e) => {
            OpenError::Unavailable(with_space_hint(path, e))
        }
    }
}

/// SQLite reports a full filesystem in several ways ("disk I/O error" when
/// its shared-memory file cannot grow); say plainly when that is the cause.
pub(crate) fn with_space_hint(path: &Path, e: anyhow::Error) -> anyhow::Error {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    match nix::sys::statvfs::statvfs(dir) {
        Ok(fs) if fs.blocks_available().saturating_mul(fs.fragment_size()) < 64 * 1024 => {
            e.context(format!("the filesystem holding {} is full", dir.display()))
        }
        _ => e,
    }
}

/// Why SQLite could not open `path`, said once and plainly: SQLite's own
/// text repeats itself ("unable to open database file: … Error code 14:
/// unable to open database file") and never says that a permission is
/// what is missing.
fn open_failure(path: &Path, e: rusqlite::Error) -> anyhow::Error {
    use nix::unistd::{AccessFlags, access};
    let shown = path.display();
    if e.sqlite_error_code() == Some(ErrorCode::CannotOpen) {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let uid = nix::unistd::geteuid();
        let hint = if path.exists() && access(path, AccessFlags::R_OK | AccessFlags::W_OK).is_err() {
            Some(format!("permission denied: uid {uid} may not read and write it"))
        } else if access(dir, AccessFlags::W_OK | AccessFlags::X_OK).is_err() {
            Some(format!(
                "permission denied: uid {uid} may not create files in {} (SQLite needs the database and its -wal and -shm there)",
                dir.display()
            ))
        } else {
            None
        };
        return anyhow::anyhow!(
            "cannot open database {shown}: {}",
            hint.unwrap_or_else(|| "SQLite cannot open it".into())
        );
    }
    // Anything else keeps SQLite's error in the chain (damage is told
    // apart from it by `Failure::from`).
    anyhow::Error::new(Sqlite(e)).context(format!("cannot open database {shown}"))
}

/// Refuse a non-empty file that does not start with SQLite's header before
/// SQLite opens it (opening would create a `-wal` beside it).
pub(super) fn check_header(path: &Path) -> Result<(), OpenError> {
    let mut head = Vec::with_capacity(16);
    match std::fs::File::open(path) {
        Ok(f) => {
            f.take(16)
                .read_to_end(&mut head)
                .with_context(|| format!("cannot read database {}", path.display()))
                .map_err(OpenError::Unavailable)?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(OpenError::Unavailable(
                anyhow::Error::new(e).context(format!("cannot open database {}", path.display())),
            ));
        }
    }
    if head.is_empty() || head == SQLITE_HEADER {
        return Ok(());
    }
    Err(OpenError::Refused(format!(
        "{} is not a database (it does not start with SQLite's header); refusing to touch it",
        path.display()
    )))
}

/// Create the database file, empty, mode 0640 (SQLite's own is
/// 0644, and its history, alerts and outbox are nobody else's business),
/// unless it exists. SQLite gives `-wal` and `-shm` the database's mode.
/// An explicit mode rather than a umask: a umask would pass to the workers
/// and commands hm starts.
fn create_private(path: &Path) {
    use std::os::unix::fs::OpenOptionsExt;
    // An existing file is left as it is. Any other failure (a read-only
    // directory) SQLite meets too, and reports with `open_failure`'s hints.
    let _ = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o640)
        .custom_flags(nix::libc::O_NOFOLLOW | nix::libc::O_CLOEXEC)
        .open(path);
}

/// How long an open waits for another connection that holds the database.
const BUSY: Duration = Duration::from_secs(5);

impl Store {
    /// Open (creating if needed) the database at `path` and bring its schema
    /// up to date.
    pub(crate) fn open(path: &Path) -> Result<Store, OpenError> {
        let shown = path.display();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.exists()
        {
            use std::os::unix::fs::DirBuilderExt;
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o750)
                .create(dir)
                .with_context(|| format!("cannot create the database directory {}", dir.display()))
                .map_err(OpenError::Unavailable)?;
        }
        // As root, only in a directory nobody else may change:
        // its owner could plant `hm.db` or `hm.db-wal` as a symlink.
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        crate::safe_write::refuse_untrusted_dir_as_root(dir, "the database")
            .map_err(|e| OpenError::Refused(format!("{e:#}")))?;
        check_header(path)?;
        create_private(path);
        let conn = Connection::open(path).map_err(|e| classify(path, open_failure(path, e)))?;
        let used = |e: rusqlite::Error| {
            classify(path, anyhow::Error::new(Sqlite(e)).context(format!("cannot use database {shown}")))
        };
        conn.busy_timeout(BUSY).map_err(used)?;
        // One statement, so one read transaction: read apart, another hm
        // creating the same new database could commit its schema in
        // between, and its tables with a version of 0 would look like
        // another program's database. Reading the schema is also what
        // finds a damaged first page.
        let (version, tables): (i64, i64) = conn
            .query_row("SELECT user_version, (SELECT count(*) FROM sqlite_master) FROM pragma_user_version", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(used)?;
        let target = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
        if version > target {
            return Err(OpenError::Refused(format!(
                "database {shown} has schema version {version}, newer than this hm ({target}); upgrade hm"
            )));
        }
        if version == 0 && tables > 0 {
            return Err(OpenError::Refused(format!(
                "{shown} is an SQLite database but not hm's (it has tables and no hm schema); refusing to touch it"
            )));
        }
        super::wal::switch(&conn, BUSY)
            .and_then(|_| conn.pragma_update(None, "synchronous", "NORMAL"))
            // A one-shot run must not pay for a full checkpoint (and the
            // WAL's deletion) at every exit; the cut on close (`Drop for
            // Store`, past `WAL_LIMIT`) and the auto-checkpoint keep the
            // WAL small instead, which also bounds the next open's WAL
            // recovery (a read of the whole WAL). A run of 100 process
            // monitors changes about 75 pages (each `checks` series ends on
            // its own page of the index): checkpointed every few runs
            // rather than every run, the pages the runs share are copied
            // and synced once.
            .and_then(|_| conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true))
            .and_then(|_| conn.pragma_update(None, "wal_autocheckpoint", super::AUTO_CHECKPOINT_PAGES))
            // Room for those pages (8 MiB; SQLite's default is 2 MiB): a
            // transaction that changes more pages than the cache holds
            // writes some of them to the WAL twice, and `hm run`'s kept
            // connection would read them again every cycle.
            .and_then(|_| conn.pragma_update(None, "cache_size", -8192))
            .map_err(used)?;
        let mut store = Store { conn, path: path.to_path_buf(), read_only: false };
        store
            .migrate(version)
            .with_context(|| format!("cannot set up database {shown}"))
            .map_err(|e| classify(path, e))?;
        Ok(store)
    }

    /// An empty database in memory: what a read-only command (`status`,
    /// `export`, `history`) sees before anything was recorded, without
    /// creating a file.
    pub(crate) fn empty() -> Result<Store, OpenError> {
        let conn = Connection::open_in_memory()
            .context("cannot open an empty database in memory")
            .map_err(OpenError::Unavailable)?;
        let mut store = Store { conn, path: PathBuf::from(":memory:"), read_only: false };
        store.migrate(0).context("cannot set up an empty database").map_err(OpenError::Unavailable)?;
        Ok(store)
    }

    /// Open the database, moving a corrupt one aside and starting anew; the
    /// second value says what was moved where.
    pub(crate) fn open_or_recover(path: &Path) -> Result<(Store, Option<String>), OpenError> {
        match Store::open(path) {
            Err(OpenError::Corrupt { reason, .. }) => Store::start_anew(path, &reason).map(|(s, note)| (s, Some(note))),
            other => other.map(|s| (s, None)),
        }
    }

    /// Move the damaged database at `path` aside and open a new one there;
    /// the note says what was moved where (`reason`: what SQLite said).
    pub(crate) fn start_anew(path: &Path, reason: &str) -> Result<(Store, String), OpenError> {
        let moved = move_aside(path).map_err(OpenError::Unavailable)?;
        let store = Store::open(path)?;
        let note = format!(
            "database {} was corrupt ({reason}); moved it to {} and started a new one",
            path.display(),
            moved.display()
        );
        Ok((store, note))
    }
}

/// Rename a damaged database and its `-wal`/`-shm`/`-journal` companions to
/// `<name>.corrupt-<UTC time>` (plus the same suffixes); returns the new path.
fn move_aside(path: &Path) -> anyhow::Result<PathBuf> {
    let stamp = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string().replace([':', '-'], "");
    let with = |p: &Path, suffix: &str| {
        let mut s = p.as_os_str().to_os_string();
        s.push(suffix);
        PathBuf::from(s)
    };
    let mut target = with(path, &format!(".corrupt-{stamp}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = with(path, &format!(".corrupt-{stamp}-{n}"));
    }
    std::fs::rename(path, &target)
        .with_context(|| format!("cannot move corrupt database {} aside to {}", path.display(), target.display()))?;
    for companion in ["-wal", "-shm", "-journal"] {
        let from = with(path, companion);
        if from.exists() {
            let to = with(&target, companion);
            std::fs::rename(&from, &to).with_context(|| format!("cannot move {} aside", from.display()))?;
        }
    }
    Ok(target)
}
