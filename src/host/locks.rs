//! Reading the kernel's table of record locks (`/proc/locks`), the way
//! `lslocks` does: who holds a write lock on a byte of a file, asked
//! without opening the file (see [`super::app_db`] for why that matters).

/// Where SQLite keeps its write locks (`sqlite3.c`: `RESERVED_BYTE` of
/// the database in rollback mode; the `-shm` file's `UNIX_SHM_BASE` +
/// `WAL_WRITE_LOCK` in WAL mode).
pub(crate) const RESERVED_BYTE: u64 = 0x4000_0001;
pub(crate) const WAL_WRITE_LOCK_BYTE: u64 = 120;

/// The pid of the process holding the write lock of the SQLite database
/// at `db` now (a `sqlite3` shell in `BEGIN EXCLUSIVE`, another writer):
/// `Some(0)` when the kernel does not say whose lock it is. For hm's own
/// database, which root owns in a directory only root may change: a
/// plain `stat` by path (an application's database goes through
/// `app_db`).
pub(crate) fn sqlite_writer(db: &std::path::Path) -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    let id = |suffix: &str| {
        let mut p = db.as_os_str().to_os_string();
        p.push(suffix);
        std::fs::metadata(p).ok().map(|m| (m.dev(), m.ino()))
    };
    let mut wanted = Vec::new();
    wanted.extend(id("").map(|i| (i, RESERVED_BYTE)));
    wanted.extend(id("-shm").map(|i| (i, WAL_WRITE_LOCK_BYTE)));
    if wanted.is_empty() {
        return None;
    }
    let table = std::fs::read_to_string("/proc/locks").unwrap_or_default();
    write_locked(&table, &wanted)
}

/// The pid holding a lock that would stop a writer (a `WRITE` lock, or
/// any lock kind of `FLOCK`) on one of `wanted`'s bytes (`(st_dev, st_ino)`
/// and the byte), in `table` (the text of `/proc/locks`); 0 when the table
/// gives no pid (an open file description's lock). Waiting requests
/// (`->`) hold nothing and are skipped.
pub(crate) fn write_locked(table: &str, wanted: &[((u64, u64), u64)]) -> Option<u32> {
    let keys: Vec<(String, u64)> = wanted
        .iter()
        .map(|&((dev, ino), byte)| (format!("{:02x}:{:02x}:{ino}", libc::major(dev), libc::minor(dev)), byte))
        .collect();
    for line in table.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        // "1: POSIX  ADVISORY  WRITE 8842 fe:00:10013832 120 120"
        let [_, kind, _, mode, pid, file, start, end] = fields[..] else { continue };
        if mode != "WRITE" || !matches!(kind, "POSIX" | "OFDLCK") {
            continue;
        }
        let Ok(start) = start.parse::<u64>() else { continue };
        let end = if end == "EOF" { u64::MAX } else { end.parse::<u64>().unwrap_or(0) };
        if keys.iter().any(|(k, byte)| k == file && (start..=end).contains(byte)) {
            return Some(pid.parse::<u32>().unwrap_or(0));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "1: POSIX  ADVISORY  WRITE 8842 fe:00:10013832 120 120
2: POSIX  ADVISORY  READ 8842 fe:00:10013832 124 124
3: -> POSIX  ADVISORY  WRITE 9999 fe:00:10013819 1073741825 1073741825
4: OFDLCK ADVISORY  WRITE -1 103:02:77 0 EOF
5: FLOCK  ADVISORY  WRITE 12 fe:00:5 0 EOF
";

    fn id(major: u32, minor: u32, ino: u64) -> (u64, u64) {
        (libc::makedev(major, minor), ino)
    }

    #[test]
    fn issue25_a_write_lock_on_the_byte_names_its_holder() {
        assert_eq!(write_locked(TABLE, &[(id(0xfe, 0, 10_013_832), 120)]), Some(8842));
        // A reader's lock on another byte is not a writer.
        assert_eq!(write_locked(TABLE, &[(id(0xfe, 0, 10_013_832), 124)]), None);
        // A request still waiting holds nothing.
        assert_eq!(write_locked(TABLE, &[(id(0xfe, 0, 10_013_819), 0x4000_0001)]), None);
        // An open file description's lock to the end of the file, no pid.
        assert_eq!(write_locked(TABLE, &[(id(0x103, 2, 77), 0x4000_0001)]), Some(0));
        // flock(2) is not a record lock: SQLite's unix VFS never takes one.
        assert_eq!(write_locked(TABLE, &[(id(0xfe, 0, 5), 1)]), None);
        assert_eq!(write_locked("", &[(id(0xfe, 0, 1), 1)]), None);
    }
}
