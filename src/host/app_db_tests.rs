use super::*;

fn db(dir: &Path, name: &str, wal: bool) -> PathBuf {
    let p = dir.join(name);
    let conn = Connection::open(&p).expect("open");
    if wal {
        conn.pragma_update(None, "journal_mode", "WAL").expect("wal");
    }
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").expect("rows");
    p
}

#[test]
fn issue25_a_writer_is_found_in_the_kernels_locks_without_taking_one() {
    let d = tempfile::tempdir().expect("tmp");
    for wal in [false, true] {
        let p = db(d.path(), if wal { "wal.db" } else { "journal.db" }, wal);
        let opened = AppDb::open(&p).expect("open");
        assert_eq!(opened.writer(), None, "wal {wal}: nobody writes");
        let writer = Connection::open(&p).expect("writer");
        writer.execute_batch("BEGIN IMMEDIATE; INSERT INTO t VALUES (2);").expect("lock");
        assert_eq!(opened.writer(), Some(std::process::id()), "wal {wal}: the writer's pid");
        // Looking (and closing what was opened to look) leaves the locks
        // of this process's own SQLite connections alone.
        let other = AppDb::open(&p).expect("open");
        assert!(!other.hot_journal());
        drop(other);
        assert_eq!(opened.writer(), Some(std::process::id()), "wal {wal}: a closed look dropped the writer's lock");
        let start = Instant::now();
        assert_eq!(opened.writer_within(Duration::from_millis(100)), Some(std::process::id()));
        assert!(start.elapsed() >= Duration::from_millis(100));
        writer.execute_batch("COMMIT").expect("the writer was not disturbed");
        assert_eq!(opened.writer(), None, "wal {wal}: free again");
    }
}

#[test]
fn issue25_a_hot_journal_is_found_and_a_read_never_rolls_it_back() {
    let d = tempfile::tempdir().expect("tmp");
    let live = d.path().join("live.db");
    let conn = Connection::open(&live).expect("open");
    conn.execute_batch(
        "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 1; CREATE TABLE kv (k INTEGER PRIMARY KEY, v TEXT);
         WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2000) INSERT INTO kv SELECT x, 'a' FROM n;
         BEGIN; UPDATE kv SET v = 'b';",
    )
    .expect("rows");
    let crashed = d.path().join("crashed.db");
    std::fs::copy(&live, &crashed).expect("copy");
    std::fs::copy(d.path().join("live.db-journal"), d.path().join("crashed.db-journal")).expect("journal");
    conn.execute_batch("ROLLBACK").expect("rollback");
    let before = std::fs::read(&crashed).expect("read");
    let opened = AppDb::open(&crashed).expect("open");
    assert!(opened.hot_journal());
    assert!(opened.companion_size("-journal") > 0);
    let err = opened.sqlite(false, Instant::now() + Duration::from_secs(5), |c| {
        Ok(c.query_row("SELECT count(*) FROM kv", [], |r| r.get::<_, i64>(0))?)
    });
    let err = format!("{:#}", err.expect_err("a read-only open refuses a hot journal"));
    assert!(err.ends_with(HOT_JOURNAL), "{err}");
    assert!(std::fs::read(&crashed).expect("read") == before, "the read rolled the journal back");
    assert!(opened.hot_journal(), "the journal is still there");
}

#[test]
fn issue25_a_symlink_a_hard_link_and_other_files_are_refused() {
    let d = tempfile::tempdir().expect("tmp");
    let real = db(d.path(), "real.db", false);
    std::os::unix::fs::symlink(&real, d.path().join("link.db")).expect("symlink");
    let err = AppDb::open(&d.path().join("link.db")).expect_err("symlink");
    assert!(matches!(err, AppDbError::Path(PathError::Symlink { .. })), "{err}");
    std::fs::hard_link(&real, d.path().join("second.db")).expect("link");
    let err = AppDb::open(&real).expect_err("hard link");
    assert!(err.to_string().contains("2 names (hard links)"), "{err}");
    std::fs::create_dir(d.path().join("dir.db")).expect("mkdir");
    assert!(matches!(AppDb::open(&d.path().join("dir.db")), Err(AppDbError::NotFile(_))));
    assert!(matches!(AppDb::open(&d.path().join("none.db")), Err(AppDbError::Missing(_))));
    assert!(matches!(AppDb::open(&d.path().join("none/x.db")), Err(AppDbError::Missing(_))));
}

#[test]
fn issue25_roots_database_where_others_may_write_is_refused() {
    if !nix::unistd::geteuid().is_root() {
        eprintln!("SKIPPED: issue25_roots_database_where_others_may_write_is_refused needs root's files");
        return;
    }
    let d = tempfile::tempdir().expect("tmp");
    let open = d.path().join("open");
    std::fs::create_dir(&open).expect("mkdir");
    std::fs::set_permissions(&open, std::os::unix::fs::PermissionsExt::from_mode(0o777)).expect("chmod");
    let p = db(&open, "root.db", false);
    let err = AppDb::open(&p).expect_err("root's file in a directory anyone may write");
    assert!(err.to_string().contains("may be written by anyone"), "{err}");
    // Sticky (as /tmp): nobody else may replace root's entry.
    std::fs::set_permissions(&open, std::os::unix::fs::PermissionsExt::from_mode(0o1777)).expect("chmod");
    AppDb::open(&p).expect("root's file in a sticky directory");
}

#[test]
fn issue25_a_query_still_running_at_the_deadline_is_stopped() {
    let d = tempfile::tempdir().expect("tmp");
    let p = db(d.path(), "q.db", false);
    let opened = AppDb::open(&p).expect("open");
    let start = Instant::now();
    let err = opened
        .sqlite(false, Instant::now() + Duration::from_millis(300), |c| {
            let q = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c";
            c.query_row(q, [], |r| r.get::<_, i64>(0)).map_err(|e| sql_error(e, Path::new("q.db"), "query"))
        })
        .expect_err("an endless query");
    assert!(start.elapsed() < Duration::from_secs(2), "{:?}", start.elapsed());
    assert!(format!("{err:#}").ends_with("stopped at the check's timeout"), "{err:#}");
}
