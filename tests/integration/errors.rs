//! Bad input is reported in one line, with exit 3 for health commands, and
//! nothing the user had is overwritten.

mod properties;

use crate::common::{Test, is_root};

const BAD: &str =
    "# ops config\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"gunicorn\"\nwarn = 3\nmin = \"two\"\n";

#[test]
fn a_malformed_config_names_file_line_and_field() {
    let t = Test::new().config(BAD);
    let out = t.run(&["check"]);
    out.code(3);
    let err = out.one_line_error();
    let file = t.config_path().display().to_string();
    assert!(
        err.contains(&format!("{file}:6: monitor[api].warn: `warn` does not apply to a `process` monitor")),
        "{err}"
    );
    assert!(err.contains("(and 1 more; run `hm validate`)"), "{err}");
    // Under NRPE (stdout not a terminal) the plugin line says UNKNOWN too.
    assert!(out.stdout.starts_with("HM UNKNOWN - ") && out.stdout.lines().count() == 1, "{}", out.stdout);
    assert_eq!(std::fs::read_to_string(t.config_path()).expect("read"), BAD, "config untouched");

    let out = t.run(&["validate"]);
    out.code(1);
    assert!(out.stdout.contains(":6: monitor[api].warn:"), "{}", out.stdout);
    assert!(out.stdout.contains(":7: monitor[api].min:"), "{}", out.stdout);
    let doc = t.run(&["validate", "--json"]).json();
    assert_eq!(doc["valid"], false);
    assert_eq!(doc["errors"].as_array().map(Vec::len), Some(2));
    assert_eq!(doc["errors"][1]["line"], 7);
    assert_eq!(doc["errors"][1]["field"], "monitor[api].min");
}

#[test]
fn invalid_toml_syntax() {
    let t = Test::new().config("interval = \"30s\"\n[[monitor]\nname = 1\n");
    let out = t.run(&["check", "--json"]);
    out.code(3);
    assert!(out.one_line_error().contains("hm.toml:2:"), "{}", out.stderr);
    let doc = out.json();
    assert_eq!(doc["status"], "unknown");
    assert!(doc["error"].as_str().expect("error").contains("hm.toml:2:"));
}

#[test]
fn a_named_config_must_exist() {
    let t = Test::new();
    let out = t.run(&["check", "--config", "/nonexistent/hm.toml"]);
    out.code(3);
    assert!(out.one_line_error().contains("cannot read config /nonexistent/hm.toml"));
    t.run(&["validate", "--config", "/nonexistent/hm.toml"]).code(1);
}

#[test]
fn a_database_that_is_not_sqlite_is_refused_and_kept() {
    let t = Test::new();
    let db = t.path("notes.db");
    let content = "these are my notes, not a database\n".repeat(100);
    std::fs::write(&db, &content).expect("write");
    let out = t.run(&["check", "--db", db.to_str().expect("utf8")]);
    out.code(3);
    let err = out.one_line_error();
    assert!(err.contains("notes.db") && err.contains("not a database"), "{err}");
    assert_eq!(std::fs::read_to_string(&db).expect("read"), content, "nothing overwritten");
    assert!(!t.path("notes.db-wal").exists());
    t.run(&["status", "--db", db.to_str().expect("utf8")]).code(3);
}

#[test]
fn another_programs_sqlite_database_is_left_alone() {
    let t = Test::new();
    let db = t.path("app.db");
    let c = rusqlite::Connection::open(&db).expect("open");
    c.execute_batch("CREATE TABLE users (name TEXT); INSERT INTO users VALUES ('ada');").expect("create");
    drop(c);
    let before = std::fs::read(&db).expect("read");
    let out = t.run(&["check", "--db", db.to_str().expect("utf8")]);
    out.code(3);
    assert!(out.one_line_error().contains("not hm's"), "{}", out.stderr);
    assert_eq!(std::fs::read(&db).expect("read"), before);
}

/// Issue 7: the database is not needed to check. A directory hm cannot
/// write (a filesystem remounted read-only) still gets results and an exit
/// code by health, with a warning naming the file; nothing is created.
#[test]
fn a_read_only_database_directory_still_checks_and_says_it_did_not_record() {
    let t = Test::new().config(
        "host_defaults = false\n[[monitor]]\nname = \"down\"\nkind = \"command\"\ncommand = [\"sh\", \"-c\", \"echo CRITICAL - down; exit 2\"]\n",
    );
    let dir = t.path("ro");
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::write(dir.join("keep.txt"), "x").expect("write");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    // Root ignores permissions: run hm as `nobody` to see what a user sees.
    let t = if is_root() { t.uid(65534) } else { t };
    let db = dir.join("hm.db");
    let out = t.run(&["check", "--json", "--db", db.to_str().expect("utf8")]);
    out.code(2);
    let doc = out.json();
    assert_eq!(doc["results"][0]["status"], "critical");
    assert_eq!(doc["recorded"], false);
    let warning = doc["warnings"][0].as_str().expect("a warning").to_string();
    assert!(warning.contains(&db.display().to_string()) && warning.ends_with("results were not recorded"), "{warning}");
    assert!(out.stderr.contains(&format!("hm: warning: {warning}")), "{}", out.stderr);
    assert!(!db.exists());
    assert_eq!(std::fs::read_dir(&dir).expect("ls").count(), 1);
    // Healing needs its lock and a record of what it does, so it refuses.
    let out = t.run(&["heal", "--db", db.to_str().expect("utf8")]);
    out.code(3);
    assert!(out.one_line_error().contains(&dir.display().to_string()), "{}", out.stderr);
}

#[test]
fn usage_errors_exit_3_for_health_commands_and_2_otherwise() {
    let t = Test::new();
    let out = t.run(&["check", "--no-such-flag"]);
    out.code(3);
    assert!(out.stderr.contains("--no-such-flag"));
    t.run(&["--db", "/tmp/x.db", "status", "--bogus"]).code(3);
    t.run(&["list", "--bogus"]).code(2);
    t.run(&["ping"]).code(2);
    t.run(&[]).code(2);
    t.run(&["--help"]).code(0);
    t.run(&["--version"]).code(0);
}

#[test]
fn issue27_a_usage_error_with_json_anywhere_is_one_json_document() {
    let t = Test::new();
    // `--json` after the word clap stopped at still asks for JSON.
    for (args, code, status) in [
        (&["check", "--bogus", "--json"][..], 3, Some("unknown")),
        (&["--db", "/tmp/x.db", "status", "extra", "--json"], 3, Some("unknown")),
        (&["export", "--bogus", "--json"], 2, None),
        (&["chek", "--json"], 2, None),
        (&["alerts", "silence", "cpu", "--for", "0s", "--json"], 2, None),
    ] {
        let out = t.run(args);
        assert_eq!(out.code, code, "{args:?}: {out:?}");
        let doc = out.json();
        assert!(doc["error"].as_str().is_some_and(|e| !e.is_empty()), "{args:?}: {doc}");
        assert_eq!(doc["status"].as_str(), status, "{args:?}: {doc}");
        assert!(!out.stderr.is_empty(), "{args:?}: the usage text still goes to stderr");
    }
    // Without `--json`, nothing on stdout but a plugin's line.
    let out = t.run(&["export", "--bogus"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{out:?}");
}

#[test]
fn a_closed_stdout_pipe_is_not_an_error() {
    let t = Test::new();
    let mut child = t
        .command(&["check", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "{stderr}");
    assert_ne!(out.status.code(), Some(3));
}

#[test]
fn issue16_as_a_nagios_plugin_every_error_is_unknown_with_one_line() {
    let t = Test::new();
    let missing = t.path("missing.toml");
    let missing = missing.to_str().expect("utf8");
    let garbage = t.path("garbage.db");
    std::fs::write(&garbage, "not a database at all").expect("write");
    let garbage = garbage.to_str().expect("utf8");
    let dir_db = t.path("a-directory.db");
    std::fs::create_dir_all(&dir_db).expect("mkdir");
    let dir_db = dir_db.to_str().expect("utf8");
    let cases: [&[&str]; 6] = [
        &["--config", missing, "export", "--format", "nagios"],
        &["--db", garbage, "export", "--format", "nagios"],
        &["--db", dir_db, "export", "--format=nagios"],
        &["export", "--format", "nagios", "--bogus"],
        &["--config", missing, "check"],
        &["check", "--bogus"],
    ];
    for args in cases {
        let out = t.run(args);
        assert_eq!(out.code, 3, "{args:?}: Nagios reads 1 as WARNING and 2 as CRITICAL: {out:?}");
        assert_eq!(out.stdout.lines().count(), 1, "{args:?}: {out:?}");
        assert!(out.stdout.starts_with("HM UNKNOWN - ") && !out.stdout[13..].contains('|'), "{args:?}: {out:?}");
    }
    // Other formats keep the ordinary error codes.
    t.run(&["--config", missing, "export"]).code(1);
    t.run(&["export", "--bogus"]).code(2);
}

#[test]
fn issue16_a_ping_no_monitor_reads_is_an_error_unless_created() {
    let t = Test::new().config(
        "host_defaults = false\n\n[[monitor]]\nname = \"backup\"\nkind = \"heartbeat\"\nwarn = \"26h\"\ncrit = \"50h\"\n",
    );
    let out = t.run(&["ping", "bakup"]);
    out.code(1);
    let err = out.one_line_error();
    assert!(err.contains("no monitor reads the ping `bakup` (known: backup)"), "{err}");
    assert!(!t.db_path().exists(), "nothing recorded for the typo");
    t.run(&["ping", "backup"]).code(0);
    t.run(&["ping", "later", "--create"]).code(0);
}

#[test]
fn issue16_cron_without_home_says_what_is_missing_instead_of_reading_roots_files() {
    // As a user (nobody, when the tests run as root) with cron's bare environment.
    let t = Test::new();
    let t = if is_root() { t.uid(65534) } else { t };
    let run = |args: &[&str]| {
        let out = t
            .command(args)
            .env_remove("HOME")
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("XDG_STATE_HOME")
            .output()
            .expect("run hm");
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    if is_root() || std::env::var_os("HOME").is_some() {
        for args in [&["check"][..], &["status"], &["validate"], &["ping", "x"]] {
            let (code, err) = run(args);
            assert!(err.contains("neither $XDG_CONFIG_HOME nor HOME is set"), "{args:?}: {err}");
            assert!(!err.contains("/etc/hm") && !err.contains("/var/lib/hm"), "{err}");
            let health = matches!(args[0], "check" | "status");
            assert_eq!(code, Some(if health { 3 } else { 1 }), "{args:?}: {err}");
        }
    }
    // Named files need no HOME.
    let config = t.path("cfg/hm.toml");
    std::fs::create_dir_all(config.parent().expect("dir")).expect("mkdir");
    std::fs::write(&config, "host_defaults = false\n\n[[monitor]]\nname = \"l\"\nkind = \"load\"\n").expect("write");
    let state = t.path("st");
    std::fs::create_dir_all(&state).expect("mkdir");
    if is_root() {
        nix::unistd::chown(&state, Some(65534.into()), Some(65534.into())).expect("chown");
    }
    let db = state.join("hm.db");
    let (code, err) = run(&["--config", config.to_str().expect("utf8"), "--db", db.to_str().expect("utf8"), "check"]);
    assert!(code.is_some_and(|c| c < 3), "{err}");
    let (code, err) = run(&["--config", config.to_str().expect("utf8"), "check"]);
    assert_eq!(code, Some(3), "no --db and no HOME: {err}");
    assert!(err.contains("neither $XDG_STATE_HOME nor HOME is set"), "{err}");
}

#[test]
fn issue16_durations_have_one_bound_in_config_and_flags_and_never_panic() {
    let t = Test::new();
    for args in [
        &["alerts", "silence", "cpu", "--for", "8000y"][..],
        &["alerts", "silence", "cpu", "--for", "0s"],
        &["run", "--interval", "0s"],
        &["run", "--interval", "1ns"],
        &["serve", "--interval", "18446744073709551615s"],
        &["history", "cpu", "--since", "1e300"],
    ] {
        let out = t.run(args);
        assert_eq!(out.code, 2, "{args:?}: a usage error: {out:?}");
        assert!(!out.stderr.contains("panicked"), "{args:?}: {}", out.stderr);
    }
    for (key, value) in
        [("timeout", "18446744073709551615s"), ("interval", "0s"), ("interval", "50ms"), ("retention", "8000y")]
    {
        let monitor = "[[monitor]]\nname = \"p\"\nkind = \"tcp\"\naddress = \"127.0.0.1:9\"\n";
        let text = if key == "timeout" {
            format!("host_defaults = false\n{monitor}{key} = \"{value}\"\n")
        } else {
            format!("host_defaults = false\n{key} = \"{value}\"\n{monitor}")
        };
        let t = Test::new().config(&text);
        let out = t.run(&["validate", "--json"]);
        assert_eq!(out.code, 1, "{key} = {value}: {out:?}");
        assert!(out.json()["errors"][0]["field"].as_str().is_some_and(|f| f.ends_with(key)), "{}", out.stdout);
        t.run(&["check"]).code(3);
    }
    // A silence stored before durations were bounded does not panic the printer.
    let t = Test::new();
    t.run(&["alerts", "silence", "cpu", "--for", "1h"]).code(0);
    let db = rusqlite::Connection::open(t.db_path()).expect("db");
    db.execute("UPDATE silences SET until = 1e300", []).expect("update");
    drop(db);
    for args in [&["alerts"][..], &["alerts", "--json"], &["status"]] {
        let out = t.run(args);
        assert!(!out.stderr.contains("panicked") && out.code != 101, "{args:?}: {out:?}");
    }
}

#[test]
fn issue16_a_database_hm_may_not_open_says_so_once_and_names_the_permission() {
    // Root ignores permissions: run hm as `nobody` to see what a user sees.
    let t = Test::new();
    let t = if is_root() { t.uid(65534) } else { t };
    let dir = t.path("locked");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::set_permissions(&dir, std::os::unix::fs::PermissionsExt::from_mode(0o555)).expect("chmod");
    let db = dir.join("hm.db");
    let out = t.run(&["--db", db.to_str().expect("utf8"), "ping", "x", "--create"]);
    out.code(1);
    let err = out.one_line_error();
    assert!(err.contains("permission denied: uid") && err.contains("may not create files in"), "{err}");
    assert!(!err.contains("Error code"), "said once: {err}");
    // A database file it may read but not write.
    std::fs::set_permissions(&dir, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    let ro = t.path("ro.db");
    rusqlite::Connection::open(&ro).expect("db").execute_batch("PRAGMA user_version = 0").expect("create");
    std::fs::set_permissions(&ro, std::os::unix::fs::PermissionsExt::from_mode(0o444)).expect("chmod");
    let out = t.run(&["--db", ro.to_str().expect("utf8"), "ping", "x", "--create"]);
    out.code(1);
    let err = out.one_line_error();
    assert!(err.matches("readonly").count() <= 1 && !err.contains("Error code"), "said once: {err}");
}

#[test]
fn issue16_validate_warns_of_a_secret_whose_variable_is_not_set() {
    let t = Test::new().config(
        "host_defaults = false\n\n[[channel]]\nname = \"hook\"\nkind = \"webhook\"\nurl = { env = \"HM_TEST_UNSET_HOOK\" }\n\n\
         [[channel]]\nname = \"set\"\nkind = \"webhook\"\nurl = { env = \"HM_TEST_SET_HOOK\" }\n",
    );
    let t = t.env("HM_TEST_SET_HOOK", "http://127.0.0.1:9/x");
    let out = t.run(&["validate"]);
    out.code(0);
    assert!(out.stdout.contains("warning: channel[hook]: $HM_TEST_UNSET_HOOK is not set"), "{}", out.stdout);
    assert!(!out.stdout.contains("HM_TEST_SET_HOOK"), "{}", out.stdout);
    let doc = t.run(&["validate", "--json"]).json();
    assert_eq!(doc["valid"], true);
    assert_eq!(doc["warnings"].as_array().map(Vec::len), Some(1), "{doc}");
}

#[test]
fn issue16_config_and_db_from_the_environment_are_not_shown_as_required_flags() {
    let t = Test::new();
    let (config, db) = (t.path("x.toml"), t.path("x.db"));
    let t = t.env("HM_CONFIG", config).env("HM_DB", db);
    let out = t.run(&["ping"]);
    out.code(2);
    let usage = out.stderr.lines().find(|l| l.starts_with("Usage:")).unwrap_or_default().to_string();
    assert_eq!(usage, "Usage: hm ping <NAME>", "{}", out.stderr);
    // And the variables still name the files.
    let out = t.run(&["validate"]);
    out.code(1);
    assert!(out.one_line_error().contains("x.toml"), "{}", out.stderr);
}

#[test]
fn issue16_export_to_a_directory_says_so_once() {
    let t = Test::new();
    let dir = t.path("textfile");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let out = t.run(&["export", "-o", dir.to_str().expect("utf8")]);
    out.code(1);
    let err = out.one_line_error();
    assert!(err.ends_with("it exists and is not a regular file"), "{err}");
    assert!(!err.contains("os error"), "{err}");
}
