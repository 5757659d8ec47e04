//! Issue 15: `hm add` creates every kind. Each kind is added with its flags,
//! the file still validates, and `hm check NAME` runs it against something
//! real on this host: a tmux server on a private socket, an SQLite file, a
//! directory, an HTTP server and a TCP listener on 127.0.0.1, a plugin, pings.
//! A bad value names its flag and leaves the file as it was, byte for byte.

use crate::common::receiver::Receiver;
use crate::common::{Test, have_tool, result};

const CONFIG: &str = "# hand-written\nhost_defaults = false   # only what the test adds\n";

/// Add a monitor with `args`, validate the file, check the monitor, and
/// return its result.
#[track_caller]
fn add_and_check(t: &Test, args: &[&str]) -> serde_json::Value {
    let name = args[1];
    t.run(&[&["add"], args].concat()).code(0);
    t.run(&["validate"]).code(0);
    let out = t.run(&["check", name, "--json"]);
    assert!((0..=3).contains(&out.code), "{}", out.stderr);
    result(&out.json(), name).clone()
}

#[track_caller]
fn assert_ok(r: &serde_json::Value) {
    assert_eq!(r["status"], "ok", "{r:#}");
}

fn text(p: &std::path::Path) -> &str {
    p.to_str().expect("utf8 path")
}

struct TmuxServer(std::path::PathBuf);

impl Drop for TmuxServer {
    fn drop(&mut self) {
        let _ = std::process::Command::new("tmux")
            .arg("-S")
            .arg(&self.0)
            .arg("kill-server")
            .stderr(std::process::Stdio::null())
            .status();
    }
}

#[test]
fn issue15_add_tmux_watches_a_real_session() {
    if !have_tool("tmux") {
        return;
    }
    let t = Test::new().config(CONFIG);
    let socket = t.path("tmux.sock");
    let status = std::process::Command::new("tmux")
        .arg("-S")
        .arg(&socket)
        .args(["new-session", "-d", "-s", "jobs", "sleep", "600"])
        .status()
        .expect("tmux");
    assert!(status.success());
    let _server = TmuxServer(socket.clone());
    let args = ["tmux", "jobs", "--session", "jobs", "--socket", text(&socket), "--stuck-after", "30m"];
    let r = add_and_check(&t, &[&args[..], &["--keys", "C-c", "--keys", "Enter", "--on-stuck", "true"]].concat());
    assert_ok(&r);
    let file = std::fs::read_to_string(t.config_path()).expect("read");
    assert!(file.contains("keys = [\"C-c\", \"Enter\"]\non_stuck = [\"true\"]\n"), "{file}");
}

#[test]
fn issue15_add_sqlite_checks_a_real_database() {
    let t = Test::new().config(CONFIG);
    let db = t.path("jobs.db");
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch("CREATE TABLE jobs (id INTEGER PRIMARY KEY); INSERT INTO jobs DEFAULT VALUES;").expect("sql");
    drop(conn);
    let r = add_and_check(
        &t,
        &["sqlite", "jobs-db", "--path", text(&db), "--quick-check", "--lock-timeout", "2s", "--wal-warn", "64MiB"],
    );
    assert_ok(&r);
}

#[test]
fn issue15_add_workspace_checks_a_real_directory() {
    let t = Test::new().config(CONFIG);
    let dir = t.path("ws");
    std::fs::create_dir_all(dir.join("conf")).expect("mkdir");
    std::fs::write(dir.join("conf/app.yaml"), "x: 1\n").expect("write");
    let r = add_and_check(
        &t,
        &["workspace", "ws", "--path", text(&dir), "--required", "conf/app.yaml", "--writable", "--warn", "1GiB"],
    );
    assert_ok(&r);
    std::fs::remove_file(dir.join("conf/app.yaml")).expect("rm");
    let doc = t.run(&["check", "ws", "--json"]).json();
    assert_eq!(result(&doc, "ws")["status"], "critical", "a missing required file counts: {doc:#}");
}

#[test]
fn issue15_add_http_and_tcp_probe_real_listeners() {
    let t = Test::new().config(CONFIG);
    let server = Receiver::start();
    let url = server.url("/health");
    let r = add_and_check(&t, &["http", "api", "--url", &url, "--contains", "ok", "--expect-status", "200"]);
    assert_ok(&r);
    assert_eq!(server.requests().len(), 1);

    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("addr").to_string();
    let r = add_and_check(&t, &["tcp", "db", "--address", &address, "--warn", "1", "--crit", "5s"]);
    assert_ok(&r);
}

#[test]
fn issue15_add_command_runs_the_words_after_the_double_dash() {
    let t = Test::new().config(CONFIG);
    assert_ok(&add_and_check(&t, &["command", "truth", "--", "/bin/true"]));
    let script = t.path("check_jobs");
    std::fs::write(&script, "#!/bin/sh\necho \"JOBS WARNING - $1 queued\"\nexit 1\n").expect("write");
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    let r = add_and_check(&t, &["command", "jobs", "--", text(&script), "12"]);
    assert_eq!(r["status"], "warning", "{r:#}");
    assert!(r["message"].as_str().expect("message").contains("12 queued"), "{r:#}");
    let r = add_and_check(&t, &["command", "piped", "--shell", "--", "echo", "fine", "|", "grep", "-q", "fine"]);
    assert_ok(&r);
}

#[test]
fn issue15_add_tasks_reads_pings() {
    let t = Test::new().config(CONFIG);
    t.run(&["add", "tasks", "etl", "--window", "2h", "--error-warn", "20", "--error-crit", "50", "--expected", "1m"])
        .code(0);
    t.run(&["ping", "etl", "--duration", "3"]).code(0);
    t.run(&["validate"]).code(0);
    let doc = t.run(&["check", "etl", "--json"]).json();
    assert_ok(result(&doc, "etl"));
}

#[test]
fn issue15_add_gpu_runs_with_or_without_a_gpu() {
    let t = Test::new().config(CONFIG);
    let r = add_and_check(&t, &["gpu", "gpus", "--warn", "90", "--crit", "98", "--temp-warn", "80"]);
    if have_gpu() {
        assert_ne!(r["status"], "unknown", "{r:#}");
    } else {
        eprintln!("NOTE: no nvidia-smi here: the gpu monitor is ok with a note");
        assert_ok(&r);
        assert!(r["message"].as_str().expect("message").contains("no GPU"), "{r:#}");
    }
}

fn have_gpu() -> bool {
    std::process::Command::new("nvidia-smi").arg("-L").output().is_ok_and(|o| o.status.success())
}

#[test]
fn issue15_add_host_kinds_take_every_key() {
    let t = Test::new().config(CONFIG);
    let db = t.path("runs.db");
    rusqlite::Connection::open(&db)
        .expect("open")
        .execute_batch("CREATE TABLE runs (finished_at REAL); INSERT INTO runs VALUES (unixepoch());")
        .expect("sql");
    let adds: &[&[&str]] = &[
        &["memory", "mem", "--warn", "95", "--crit", "99", "--swap-warn", "80", "--for", "3", "--cooldown", "10m"],
        &["load", "load", "--warn", "50", "--crit", "100", "--anomaly", "4", "--description", "per CPU"],
        &["disk", "root", "--path", "/", "--inode-warn", "90", "--fs-types", "tmpfs", "--forecast-warn", "12h"],
        &[
            "heartbeat",
            "runs",
            "--database",
            text(&db),
            "--query",
            "SELECT max(finished_at) FROM runs",
            "--warn",
            "1h",
            "--crit",
            "2h",
        ],
        &[
            "process",
            "init",
            "--pidfile",
            "/nonexistent/x.pid",
            "--user",
            "root",
            "--zombies-warn",
            "5",
            "--heal",
            "false",
        ],
        &["cpu", "cpu-off", "--enabled", "false", "--timeout", "5s"],
    ];
    for args in adds {
        t.run(&[&["add"], *args].concat()).code(0);
    }
    t.run(&["validate"]).code(0);
    let doc = t.run(&["check", "mem", "load", "root", "runs", "--json"]).json();
    for name in ["mem", "load", "root", "runs"] {
        assert!(["ok", "warning"].contains(&result(&doc, name)["status"].as_str().unwrap_or("")), "{doc:#}");
    }
}

/// Issue 15: a bad value of any kind's flag is refused with the flag's
/// name (as the file's own validation finds it) and nothing is written.
#[test]
fn issue15_bad_values_name_the_flag_and_add_nothing() {
    let t = Test::new().config(CONFIG);
    let cases: &[(&[&str], &str)] = &[
        (
            &["tmux", "jobs", "--session", "jobs", "--stuck-after", "30x"],
            "hm: error: --stuck-after: `30x` is not a valid duration",
        ),
        (&["tmux", "jobs", "--on-stuck", "mark \"failed"], "hm: error: --on-stuck: cannot split"),
        (
            &["sqlite", "db", "--path", "/srv/j.db", "--lock-timeout", "0s"],
            "hm: error: --lock-timeout: must be longer than zero",
        ),
        (&["sqlite", "db", "--path", "/srv/j.db", "--killable", "(("], "hm: error: --killable: invalid regex"),
        (&["sqlite", "db"], "hm: error: a sqlite monitor needs `--path`"),
        (
            &["workspace", "ws", "--path", "/srv/ws", "--required", "../etc/passwd"],
            "hm: error: --required: `../etc/passwd` must be a path inside",
        ),
        (&["workspace", "ws", "--path", "/srv/ws", "--warn", "5GiB", "--crit", "1GiB"], "hm: error: --warn: "),
        (&["http", "api", "--url", "ftp://x/"], "hm: error: --url: `ftp://x/` is not an http:// or https:// URL"),
        (
            &["http", "api", "--url", "http://x/", "--expect-status", "999"],
            "hm: error: --expect-status: 999 is not an HTTP status code",
        ),
        (
            &["http", "api", "--url", "http://x/", "--method", "FETCH"],
            "hm: error: --method: unknown HTTP method `FETCH`",
        ),
        (&["http", "api", "--url", "http://x/", "--warn", "soon"], "hm: error: --warn: "),
        (&["tcp", "db", "--address", "localhost"], "hm: error: --address: `localhost` is not host:port"),
        (&["command", "c", "--", ""], "hm: error: COMMAND: the command is empty"),
        (&["tasks", "etl", "--window", "0s"], "hm: error: --window: must be longer than zero"),
        (&["tasks", "etl", "--error-warn", "50", "--error-crit", "20"], "hm: error: --error-warn: "),
        (&["tasks", "Etl"], "NAME: `Etl` is not a valid name"),
        (&["gpu", "g", "--temp-warn", "90", "--temp-crit", "80"], "hm: error: --temp-warn: "),
        (&["gpu", "g", "--util-warn", "120"], "hm: error: --util-warn: 120 is out of range"),
        (&["tcp", "db", "--address", "127.0.0.1:1", "--cooldown", "later"], "hm: error: --cooldown: "),
        (&["tcp", "db", "--address", "127.0.0.1:1", "--for", "0"], "hm: error: --for: must be at least 1"),
        (&["tcp", "db", "--address", "127.0.0.1:1", "--anomaly=-1"], "hm: error: --anomaly: "),
    ];
    for (args, want) in cases {
        let out = t.run(&[&["add"], *args].concat());
        out.code(1);
        let err = out.one_line_error();
        assert!(err.contains(want) && err.ends_with("nothing was added"), "{args:?}: {err}");
        assert_eq!(std::fs::read_to_string(t.config_path()).expect("read"), CONFIG, "{args:?}");
    }
    // Values of the wrong type, and flags of another kind, are usage errors
    // that name the flag.
    let usage: &[(&[&str], &str)] = &[
        (&["http", "api", "--url", "http://x/", "--expect-status", "70000"], "--expect-status"),
        (&["tasks", "etl", "--error-warn", "many"], "--error-warn"),
        (&["tcp", "db", "--url", "http://x/"], "--url"),
        (&["command", "c"], "<COMMAND>"),
    ];
    for (args, want) in usage {
        let out = t.run(&[&["add"], *args].concat());
        out.code(2);
        assert!(out.stderr.contains(want), "{args:?}: {}", out.stderr);
        assert_eq!(std::fs::read_to_string(t.config_path()).expect("read"), CONFIG, "{args:?}");
    }
}

/// Issue 15 (SECURITY.md section 3): the new kinds' flags, like
/// `--pattern`, are written as TOML values: text that looks like TOML
/// (quotes, newlines, `[[monitor]]`) stays one string of its own key.
#[test]
fn issue15_values_of_every_kind_stay_values() {
    let t = Test::new().config(CONFIG);
    let inject = "x\"\nshell = true\n[[monitor]]\nname = \"evil\"\nkind = \"command\"\ncommand = \"touch /tmp/pwned";
    t.run(&["add", "http", "api", "--url", "http://127.0.0.1:1/", "--contains", inject]).code(0);
    t.run(&["add", "tmux", "jobs", "--keys", inject, "--session", inject]).code(0);
    t.run(&["add", "command", "echo", "--", "/bin/echo", inject]).code(0);
    t.run(&["add", "sqlite", "db", "--path", inject, "--killable", "^x\\]\n"]).code(0);
    t.run(&["validate"]).code(0);
    let list = t.run(&["list", "--json"]).json();
    let names: Vec<&str> =
        list["monitors"].as_array().expect("monitors").iter().filter_map(|m| m["name"].as_str()).collect();
    assert_eq!(names, ["api", "jobs", "echo", "db"], "{list:#}");
    let file: toml::Table = std::fs::read_to_string(t.config_path()).expect("read").parse().expect("toml");
    let monitors = file["monitor"].as_array().expect("monitors");
    assert_eq!(monitors[0]["contains"].as_str(), Some(inject));
    assert_eq!(monitors[1]["keys"][0].as_str(), Some(inject));
    assert_eq!(monitors[2]["command"][1].as_str(), Some(inject));
    assert_eq!(monitors[3]["path"].as_str(), Some(inject));
}
