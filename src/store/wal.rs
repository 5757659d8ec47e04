//! Switching a database into WAL mode when other hm processes open it too.
//!
//! The busy timeout does not make `PRAGMA journal_mode=WAL` safe on a
//! database still in rollback mode: the switch needs the file to itself,
//! and while another connection is switching or setting it up SQLite can
//! answer `SQLITE_BUSY` to it all the same. Ten `hm check`s creating one
//! new database together had a run refused ("database is locked", its
//! results unrecorded) in 21 of 300 tries. The switch is tried again until
//! the busy timeout would have ended; once another process has switched
//! the file, the pragma finds it in WAL mode and does nothing.

use rusqlite::{Connection, ErrorCode};
use std::time::{Duration, Instant};

/// How long to wait between two tries.
const PAUSE: Duration = Duration::from_millis(5);

/// Put the database of `conn` in WAL mode, trying again for up to `within`
/// while another connection holds it.
pub(super) fn switch(conn: &Connection, within: Duration) -> rusqlite::Result<()> {
    let until = Instant::now() + within;
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy) && Instant::now() < until => {
                std::thread::sleep(PAUSE);
            }
            done => return done,
        }
    }
}
