//! `hm monitor add/remove/list` (and the short forms) edit hm.toml in place.

mod edits;
mod kinds;

use crate::common::{Test, Worker};

const CONFIG: &str = "\
# Production web host — owned by the ops team.
interval = \"30s\"   # how often hm run checks
retention = \"7d\"

[thresholds]
disk = { warn = 80, crit = 90 }  # our disks fill fast

# The API workers: gunicorn, four of them.
[[monitor]]
name = \"api\"
kind = \"process\"
pattern = \"gunicorn.*api\"   # master and workers
min = 4

# Nightly backup pings us when done.
[[monitor]]
name = \"backup\"
kind = \"heartbeat\"
warn = \"26h\"
crit = \"50h\"

# trailing notes stay at the end
";

#[test]
fn add_then_remove_round_trips_byte_for_byte() {
    let t = Test::new().config(CONFIG);
    let out = t.run(&["add", "process", "worker", "--pattern", "celery.*worker", "--min", "2", "--json"]);
    out.code(0);
    assert_eq!(out.json()["action"], "added");
    let added = std::fs::read_to_string(t.config_path()).expect("read");
    assert!(
        added.contains("name = \"worker\"\nkind = \"process\"\npattern = \"celery.*worker\"\nmin = 2\n"),
        "{added}"
    );
    // Everything that was there is still there, byte for byte, in order.
    let without_new: String = added
        .replace("\n[[monitor]]\nname = \"worker\"\nkind = \"process\"\npattern = \"celery.*worker\"\nmin = 2\n", "");
    assert_eq!(without_new, CONFIG, "only the new entry was added:\n{added}");

    t.run(&["monitor", "remove", "worker"]).code(0);
    assert_eq!(std::fs::read_to_string(t.config_path()).expect("read"), CONFIG);
}

#[test]
fn remove_keeps_everything_outside_the_entry() {
    let t = Test::new().config(CONFIG);
    t.run(&["remove", "api"]).code(0);
    let after = std::fs::read_to_string(t.config_path()).expect("read");
    let entry = "\n# The API workers: gunicorn, four of them.\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"gunicorn.*api\"   # master and workers\nmin = 4\n";
    assert_eq!(after, CONFIG.replace(entry, ""));
    t.run(&["validate"]).code(0);
}

#[test]
fn invalid_additions_are_refused_and_the_file_untouched() {
    let t = Test::new().config(CONFIG);
    let cases: &[&[&str]] = &[
        &["add", "process", "bad", "--pattern", "gunicorn(("],
        &["add", "process", "api", "--process", "gunicorn"],
        &["add", "process", "Bad Name", "--process", "x"],
        &["add", "process", "two", "--process", "x", "--unit", "x.service"],
        &["add", "cpu", "hot", "--warn", "99", "--crit", "90"],
        &["add", "heartbeat", "late", "--warn", "soon"],
    ];
    for args in cases {
        let out = t.run(args);
        out.code(1);
        let err = out.one_line_error();
        assert!(err.contains("nothing was added") || err.contains("already exists"), "{args:?}: {err}");
        assert_eq!(std::fs::read_to_string(t.config_path()).expect("read"), CONFIG, "{args:?}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(t.config_path().parent().expect("dir"))
        .expect("ls")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .filter(|n| n != "hm.toml.lock") // the edit lock stays, empty
        .collect();
    assert_eq!(leftovers.len(), 1, "no temp files left: {leftovers:?}");
    // A flag of another kind is a usage error: each kind has its own flags.
    let out = t.run(&["add", "cpu", "misfit", "--pattern", "x"]);
    out.code(2);
    assert!(out.stderr.contains("--pattern"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(t.config_path()).expect("read"), CONFIG);
}

#[test]
fn removing_an_unknown_monitor_fails() {
    let t = Test::new().config(CONFIG);
    let out = t.run(&["remove", "nope"]);
    out.code(1);
    assert!(out.one_line_error().contains("no monitor named `nope`"));
}

#[test]
fn add_creates_the_config_and_the_monitor_runs() {
    let t = Test::new();
    assert!(!t.config_path().exists());
    t.run(&["add", "process", "sleeper", "--pattern", "^hm-test-sleeper", "--min", "1"]).code(0);
    let text = std::fs::read_to_string(t.config_path()).expect("created");
    assert!(text.starts_with("# hm configuration"), "{text}");
    let out = t.run(&["check", "--json", "sleeper"]);
    out.code(2);
    let _w = Worker::spawn("hm-test-sleeper");
    t.run(&["check", "sleeper"]).code(0);
}

#[test]
fn list_shows_configured_and_embedded_monitors() {
    let t = Test::new().config(CONFIG);
    let doc = t.run(&["list", "--json"]).json();
    let rows: Vec<(String, String)> = doc["monitors"]
        .as_array()
        .expect("monitors")
        .iter()
        .map(|m| (m["name"].as_str().unwrap_or("").to_string(), m["origin"].as_str().unwrap_or("").to_string()))
        .collect();
    assert_eq!(rows[0], ("api".into(), "config".into()));
    assert_eq!(rows[2], ("cpu".into(), "embedded".into()));
    assert_eq!(doc["monitors"][0]["target"], "pattern gunicorn.*api");
    assert_eq!(doc["monitors"][1]["thresholds"], "warn 1d2h crit 2d2h");
    let disk = doc["monitors"].as_array().and_then(|m| m.iter().find(|m| m["name"] == "disk")).expect("disk");
    assert_eq!(disk["thresholds"], "warn 80 crit 90 inode_warn 85 inode_crit 95");
    let text = t.run(&["monitor", "list"]);
    text.code(0);
    assert!(text.stdout.contains("embedded") && text.stdout.contains("gunicorn.*api"), "{}", text.stdout);
}

/// Issue 7: a newcomer types flags, so `hm add`'s errors name the flags,
/// not the TOML keys they become.
#[test]
fn issue7_add_errors_name_the_flags() {
    let t = Test::new().config(CONFIG);
    let cases: &[(&[&str], &str)] = &[
        (&["add", "process", "x"], "needs one of `--process`, `--pattern`, `--pidfile` or `--unit`"),
        (
            &["add", "process", "x", "--pattern", "a", "--min", "3", "--max", "1"],
            "hm: error: --max: max (1) is below min (3)",
        ),
        (&["add", "heartbeat", "z", "--warn", "5m", "--crit", "2m"], "hm: error: --warn: warn (5m) is above crit (2m)"),
        (&["add", "process", "w", "--pattern", "("], "hm: error: --pattern: invalid regex: unclosed group"),
        (&["add", "process", "w", "--pattern", "a", "--start", "a \"b"], "hm: error: --start: cannot split `a \"b`"),
        (&["add", "process", "Bad", "--process", "a"], "hm: error: NAME: `Bad` is not a valid name"),
    ];
    for (args, want) in cases {
        let out = t.run(args);
        out.code(1);
        let err = out.one_line_error();
        assert!(err.contains(want), "{args:?}: {err}");
        assert_eq!(std::fs::read_to_string(t.config_path()).expect("read"), CONFIG, "{args:?}");
    }
}

/// Issue 7: `hm add` can make a worker that `hm heal` restarts: `--start`
/// is split into words like a shell would, or kept whole for `sh -c`.
#[test]
fn issue7_add_start_stop_log_and_shell() {
    let t = Test::new().config(CONFIG);
    let log = t.path("w.log");
    let log_s = log.display().to_string();
    t.run(&[
        "add",
        "process",
        "w",
        "--pattern",
        "^sleep 7341$",
        "--start",
        "sleep '7341'",
        "--stop",
        "pkill -f '^sleep 7341$'",
        "--log",
        &log_s,
    ])
    .code(0);
    t.run(&["add", "process", "v", "--pattern", "^sleep 7342$", "--start", "cd / && exec sleep 7342", "--shell"])
        .code(0);
    let text = std::fs::read_to_string(t.config_path()).expect("read");
    let want = format!(
        "name = \"w\"\nkind = \"process\"\npattern = \"^sleep 7341$\"\nstart = [\"sleep\", \"7341\"]\n\
         stop = [\"pkill\", \"-f\", \"^sleep 7341$\"]\nlog = \"{log_s}\"\n"
    );
    assert!(text.contains(&want), "{text}");
    assert!(text.contains("start = \"cd / && exec sleep 7342\"\nshell = true\n"), "{text}");
    t.run(&["validate"]).code(0);
    let dry = t.run(&["heal", "--dry-run", "--json", "w", "v"]).json();
    let details: Vec<&str> =
        dry["remedies"].as_array().expect("remedies").iter().filter_map(|r| r["details"].as_str()).collect();
    assert!(details.iter().any(|d| d.contains("would start sleep 7341")), "{dry:#}");
    assert!(details.iter().any(|d| d.contains("would start /bin/sh -c cd / && exec sleep 7342")), "{dry:#}");
    // --stop, --shell and --log only mean something with --start.
    let out = t.run(&["add", "process", "u", "--pattern", "u", "--log", &log_s]);
    out.code(2);
    assert!(out.stderr.contains("--start"), "{}", out.stderr);
}
