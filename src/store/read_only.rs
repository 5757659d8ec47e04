//! Opening the database for a command that only reads it (`hm status`,
//! `actions`, `history`, `export`, `alerts`).
//!
//! Such a command opens the file read-only (`SQLITE_OPEN_READONLY`), so
//! it works where hm may not write: a filesystem remounted read-only, a
//! disk that is full. A database in WAL mode is read through its `-shm`
//! index; when that cannot be used (no `-shm` and none can be created on
//! a read-only filesystem), the file is read as `immutable`: without the
//! WAL, as of its last checkpoint, and one warning line says so. A
//! database that needs writing first (an older schema to migrate, a new
//! empty file, damage to move aside) goes to the writing open, as before.

use super::open::Sqlite;
use super::{MIGRATIONS, OpenError, Store};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// What the read-only open found.
pub(crate) enum ReadOnly {
    /// Open; with a warning when its WAL could not be used.
    Open(Store, Option<String>),
    /// It must be written before it can be read (schema, repair).
    NeedsWrite,
}

/// `path` as an SQLite URI's path: anything but unreserved bytes and `/`
/// percent-encoded (a `?` or `#` in a name would end the path).
fn uri_path(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Open with `query` (`mode=ro`, or with `immutable=1`) and read the
/// schema version; the version, or why it could not be read.
fn try_open(path: &Path, query: &str) -> Result<(Connection, i64), rusqlite::Error> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(format!("file:{}?{query}", uri_path(path)), flags)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    // The schema too, as the writing open reads it: that is what finds a
    // damaged first page, which the writing open then moves aside.
    let version = conn.query_row(
        "SELECT user_version, (SELECT count(*) FROM sqlite_master) FROM pragma_user_version",
        [],
        |r| r.get(0),
    )?;
    Ok((conn, version))
}

/// The warning for a database read as `immutable`: why the WAL could not
/// be used, and what that hides.
fn immutable_note(path: &Path, why: &rusqlite::Error) -> String {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let read_only =
        nix::sys::statvfs::statvfs(dir).is_ok_and(|fs| fs.flags().contains(nix::sys::statvfs::FsFlags::ST_RDONLY));
    let cause =
        if read_only { "its filesystem is read-only, and no -shm can be made there".to_string() } else { said(why) };
    let mut wal = path.as_os_str().to_os_string();
    wal.push("-wal");
    let pending = std::fs::metadata(&wal).map_or(0, |m| m.len());
    let hidden = if pending > 0 {
        format!("what its -wal holds ({pending} bytes, the newest records) is not shown")
    } else {
        "it has no -wal, so nothing is missing".to_string()
    };
    format!(
        "database {}: its write-ahead log cannot be used ({cause}); read as of its last checkpoint: {hidden}",
        path.display()
    )
}

/// SQLite's message for `e`, once.
fn said(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(f, m) => m.clone().unwrap_or_else(|| f.to_string()),
        other => other.to_string(),
    }
}

/// Whether SQLite says the file is damaged (or not a database).
fn damaged(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase))
}

impl Store {
    /// Open the existing database at `path` read-only (see the module
    /// docs). The caller makes sure a file is there.
    pub(crate) fn open_read_only(path: &Path) -> Result<ReadOnly, OpenError> {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        crate::safe_write::refuse_untrusted_dir_as_root(dir, "the database")
            .map_err(|e| OpenError::Refused(format!("{e:#}")))?;
        super::open::check_header(path)?;
        let (conn, version, note) = match try_open(path, "mode=ro") {
            Ok((conn, version)) => (conn, version, None),
            Err(e) if damaged(&e) => return Ok(ReadOnly::NeedsWrite),
            Err(first) => match try_open(path, "mode=ro&immutable=1") {
                Ok((conn, version)) => (conn, version, Some(immutable_note(path, &first))),
                Err(e) if damaged(&e) => return Ok(ReadOnly::NeedsWrite),
                Err(_) => {
                    let e =
                        anyhow::Error::new(Sqlite(first)).context(format!("cannot read database {}", path.display()));
                    return Err(OpenError::Unavailable(e));
                }
            },
        };
        let target = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
        if version > target {
            return Err(OpenError::Refused(format!(
                "database {} has schema version {version}, newer than this hm ({target}); upgrade hm",
                path.display()
            )));
        }
        if version < target {
            // Older or not set up: the writing open migrates it (and
            // refuses another program's database).
            return Ok(ReadOnly::NeedsWrite);
        }
        Ok(ReadOnly::Open(Store { conn, path: path.to_path_buf(), read_only: true }, note))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue26_uri_paths_escape_what_would_end_them() {
        assert_eq!(uri_path(Path::new("/var/lib/hm/hm.db")), "/var/lib/hm/hm.db");
        assert_eq!(uri_path(Path::new("/a b/x?y#z%.db")), "/a%20b/x%3Fy%23z%25.db");
    }

    #[test]
    fn issue26_a_database_is_read_without_being_written() {
        let dir = tempfile::tempdir().expect("tmp");
        let db = dir.path().join("weird ?name#.db");
        drop(Store::open(&db).expect("create"));
        let before = std::fs::read(&db).expect("read");
        let ReadOnly::Open(store, note) = Store::open_read_only(&db).expect("open") else { panic!("needs write") };
        assert!(note.is_none(), "{note:?}");
        assert!(store.conn.execute("CREATE TABLE x (y)", []).is_err(), "read-only");
        drop(store);
        assert_eq!(std::fs::read(&db).expect("read"), before);
    }
}
