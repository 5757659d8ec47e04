//! Remote pings (issue 19): `POST /ping/NAME[/fail|/start]` of `hm serve`,
//! the healthchecks.io pattern, over real HTTP (ureq, and raw bytes where
//! a client would tidy the request) to the real binary.

use crate::common::Test;
use crate::common::daemon::{Daemon, http, wait_port};
use crate::common::receiver::free_port;
use std::io::{Read, Write};
use std::time::{Duration, Instant};

const SERVE_TOKEN: &str = "SERVETOKEN-issue19-0123456789";
const PING_TOKEN: &str = "PINGTOKEN-issue19-0123456789";

/// A heartbeat `backup` and a tasks monitor `etl`, both fed by pings, and
/// a process monitor `api` (what a restart would name).
fn config(serve: &str) -> String {
    format!(
        "host_defaults = false\n{serve}\n\
         [[monitor]]\nname = \"backup\"\nkind = \"heartbeat\"\nwarn = \"1h\"\ncrit = \"2h\"\n\n\
         [[monitor]]\nname = \"etl\"\nkind = \"tasks\"\nwindow = \"1h\"\nexpected = \"10s\"\n\n\
         [[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^hm-issue19-none \"\nstart = [\"true\"]\n"
    )
}

fn tokens() -> String {
    format!("[serve]\ntoken = {{ env = \"HM_T19_SERVE\" }}\nping_token = \"{PING_TOKEN}\"\n")
}

/// `hm serve` on a free loopback port, answering once its first cycle ran.
fn serve(t: &Test) -> (Daemon, String) {
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let hm = Daemon::start(t, &["serve", "--listen", &listen, "--interval", "1h"]);
    wait_port(port, Duration::from_secs(10));
    let base = format!("http://{listen}");
    let start = Instant::now();
    while http("GET", &format!("{base}/status"), None).0 != 200 {
        assert!(start.elapsed() < Duration::from_secs(10), "hm serve never answered /status");
        std::thread::sleep(Duration::from_millis(50));
    }
    (hm, base)
}

/// Send a request as written, no client-side tidying: status, headers and body.
fn raw(base: &str, method: &str, path: &str, auth: Option<&str>) -> (u16, String) {
    let addr = base.trim_start_matches("http://");
    let mut s = std::net::TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
    let auth = auth.map(|a| format!("Authorization: Bearer {a}\r\n")).unwrap_or_default();
    let req =
        format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{auth}Content-Length: 0\r\n\r\n");
    s.write_all(req.as_bytes()).expect("send");
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    (answer.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0), answer)
}

fn status_of(t: &Test, monitor: &str) -> String {
    let doc = t.run(&["check", "--json", monitor]).json();
    doc["results"][0]["status"].as_str().unwrap_or("").to_string()
}

fn rows(t: &Test, name: &str) -> Vec<(String, Option<f64>)> {
    let c = rusqlite::Connection::open(t.db_path()).expect("open");
    let mut stmt = c.prepare("SELECT kind, duration_ms FROM pings WHERE name = ?1 ORDER BY ts").expect("prepare");
    stmt.query_map([name], |r| Ok((r.get(0)?, r.get(1)?))).expect("query").map(|r| r.expect("row")).collect()
}

#[test]
fn issue19_a_remote_ping_turns_a_heartbeat_ok_and_fail_and_start_work_as_hm_pings_do() {
    let t = Test::new();
    let t = t.config(&config(&tokens())).env("HM_T19_SERVE", SERVE_TOKEN);
    let (_hm, base) = serve(&t);
    assert_eq!(status_of(&t, "backup"), "critical", "no ping yet");

    let (code, body) = http("POST", &format!("{base}/ping/backup"), Some(PING_TOKEN));
    assert_eq!(code, 200, "{body}");
    let doc: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(
        (doc["schema"].as_u64(), doc["monitor"].as_str(), doc["ok"].as_bool()),
        (Some(1), Some("backup"), Some(true))
    );
    // `hm serve` checks it at once (its interval is an hour): /status follows,
    // before any `hm check` records anything.
    let start = Instant::now();
    loop {
        let (_, body) = http("GET", &format!("{base}/status"), None);
        let doc: serde_json::Value = serde_json::from_str(&body).expect("status");
        let backup = doc["monitors"].as_array().and_then(|m| m.iter().find(|m| m["monitor"] == "backup").cloned());
        if backup.as_ref().is_some_and(|b| b["status"] == "ok") {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "/status never showed backup ok: {body}");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(status_of(&t, "backup"), "ok", "a remote ping turns the heartbeat ok");

    // The serve token pings too; /fail is a failure, as `hm ping --fail`.
    assert_eq!(http("POST", &format!("{base}/ping/backup/fail"), Some(SERVE_TOKEN)).0, 200);
    assert_eq!(status_of(&t, "backup"), "critical");
    assert_eq!(http("POST", &format!("{base}/ping/backup"), Some(PING_TOKEN)).0, 200);
    assert_eq!(status_of(&t, "backup"), "ok");

    // start then end: the end gets the time since the start; a start is not a heartbeat.
    let (code, body) = http("POST", &format!("{base}/ping/etl/start"), Some(PING_TOKEN));
    assert_eq!(code, 200, "{body}");
    std::thread::sleep(Duration::from_millis(400));
    let (code, body) = http("POST", &format!("{base}/ping/etl"), Some(PING_TOKEN));
    assert_eq!(code, 200, "{body}");
    let took = serde_json::from_str::<serde_json::Value>(&body).expect("json")["duration_ms"].as_f64();
    assert!(took.is_some_and(|d| (400.0..60_000.0).contains(&d)), "{body}");
    // An explicit duration wins, as `hm ping --duration`.
    assert_eq!(http("POST", &format!("{base}/ping/etl/fail?duration=2.5"), Some(PING_TOKEN)).0, 200);
    assert_eq!(raw(&base, "POST", "/ping/etl?duration=soon", Some(PING_TOKEN)).0, 400);
    let etl = rows(&t, "etl");
    assert_eq!(etl.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["start", "ok", "fail"], "{etl:?}");
    assert_eq!(etl[0].1, None);
    assert_eq!(etl[2].1, Some(2500.0));
    let doc = t.run(&["check", "--json", "etl"]).json();
    assert!(doc["results"][0]["message"].as_str().is_some_and(|m| !m.is_empty()), "{doc}");

    // The same on the host: `hm ping --start`, then `hm ping` with the duration since.
    t.run(&["ping", "etl", "--start"]).code(0);
    std::thread::sleep(Duration::from_millis(200));
    let end = t.run(&["ping", "etl", "--json"]);
    let took = end.code(0).json()["duration_ms"].as_f64();
    assert!(took.is_some_and(|d| d >= 200.0), "{}", end.stdout);
    assert_eq!(t.run(&["ping", "etl", "--start", "--fail"]).code, 2, "--start is neither ok nor fail");
}

#[test]
fn issue19_tokens_guard_pings_unknown_names_are_404_and_the_ping_token_cannot_restart() {
    let t = Test::new();
    let t = t.config(&config(&tokens())).env("HM_T19_SERVE", SERVE_TOKEN);
    let (hm, base) = serve(&t);
    let ping = |path: &str, auth: Option<&str>| raw(&base, "POST", path, auth);
    assert_eq!(ping("/ping/backup", None).0, 401);
    let (code, answer) = ping("/ping/backup", Some("wrong-token-0123456789"));
    assert!(code == 401 && answer.contains("WWW-Authenticate: Bearer"), "{answer}");
    assert_eq!(ping("/ping/backup", Some(&PING_TOKEN[..PING_TOKEN.len() - 1])).0, 401);
    assert_eq!(ping(&format!("/ping/backup?token={PING_TOKEN}"), None).0, 401);
    // The token is checked before the name: a wrong token learns no names.
    assert_eq!(ping("/ping/nope", Some("wrong-token-0123456789")).0, 401);
    assert_eq!(raw(&base, "GET", "/ping/backup", Some(PING_TOKEN)).0, 405);
    let long = "a".repeat(4000);
    let evil = [
        "/ping/nope",
        "/ping/api",
        "/ping/",
        "/ping/..",
        "/ping/../status",
        "/ping/backup%2Ffail",
        "/ping/%ff%fe",
        "/ping/BACKUP",
        "/ping/backup/",
        "/ping/backup/fail/fail",
        "/ping/<script>x</script>",
    ];
    for path in evil.iter().map(|p| p.to_string()).chain([format!("/ping/{long}")]) {
        let (code, answer) = ping(&path, Some(PING_TOKEN));
        // An escaped `/`, or escapes that are not UTF-8, are refused
        // before routing: they name no monitor.
        let refused = if path.contains("%2F") || path.contains("%ff") { 400 } else { 404 };
        assert_eq!(code, refused, "{path}: {answer}");
        assert!(!answer.contains("<script>") && !answer.contains("nope") && !answer.contains(PING_TOKEN), "{answer}");
    }
    // The ping token only pings: restarting needs the serve token.
    let (code, answer) = ping("/monitors/api/restart", Some(PING_TOKEN));
    assert_eq!(code, 401, "{answer}");
    assert!(rows(&t, "backup").is_empty(), "nothing refused was stored");
    assert_eq!(t.run(&["actions", "--json"]).json()["actions"].as_array().map(Vec::len), Some(0));
    assert_eq!(ping("/ping/backup", Some(PING_TOKEN)).0, 200);
    drop(hm);
    let logs = std::fs::read_dir(t.root())
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("daemon-"));
    for log in logs {
        let text = std::fs::read_to_string(log.path()).unwrap_or_default();
        assert!(!text.contains(PING_TOKEN) && !text.contains(SERVE_TOKEN), "a token in {:?}: {text}", log.path());
    }

    // No token configured: pinging over HTTP is off for everyone.
    let t = Test::new();
    let t = t.config(&config(""));
    let (_hm, base) = serve(&t);
    let (code, answer) = raw(&base, "POST", "/ping/backup", Some(PING_TOKEN));
    assert!(code == 403 && answer.contains("ping_token"), "{answer}");
}

#[test]
fn issue19_hm_serve_refuses_a_non_loopback_address_without_a_token() {
    for serve in ["", "[serve]\nping_token = { env = \"HM_T19_UNSET\" }\n"] {
        let t = Test::new().config(&config(serve));
        for listen in ["0.0.0.0:0", "[::]:0"] {
            let mut hm = Daemon::start(&t, &["serve", "--listen", listen, "--interval", "1h"]);
            let code = hm.wait_exit(Duration::from_secs(10)).and_then(|s| s.code());
            let err = hm.stderr();
            assert_eq!(code, Some(1), "{listen}: {err}");
            assert_eq!(err.trim_end().lines().count(), 1, "{err}");
            assert!(err.starts_with("hm: error: refusing to listen on ") && err.contains("ping_token"), "{err}");
        }
    }
    // With a token it listens on every address.
    let t = Test::new().config(&config(&format!("[serve]\nping_token = \"{PING_TOKEN}\"\n")));
    let port = free_port();
    let _hm = Daemon::start(&t, &["serve", "--listen", &format!("0.0.0.0:{port}"), "--interval", "1h"]);
    wait_port(port, Duration::from_secs(10));
}

#[test]
fn issue19_a_ping_flood_is_429_the_database_stays_small_and_a_busy_database_is_503() {
    let t = Test::new();
    let t = t.config(&config(&tokens())).env("HM_T19_SERVE", SERVE_TOKEN);
    let (_hm, base) = serve(&t);
    let start = Instant::now();
    let codes: Vec<u16> = (0..60).map(|_| http("POST", &format!("{base}/ping/backup"), Some(PING_TOKEN)).0).collect();
    let elapsed = start.elapsed().as_secs_f64();
    let stored = codes.iter().filter(|c| **c == 200).count();
    assert!(codes.iter().all(|c| *c == 200 || *c == 429), "{codes:?}");
    assert!(stored >= 10 && (stored as f64) <= 11.0 + elapsed, "{stored} stored in {elapsed} s: {codes:?}");
    let (code, answer) = raw(&base, "POST", "/ping/backup", Some(PING_TOKEN));
    if code == 429 {
        assert!(answer.contains("Retry-After: 1"), "{answer}");
    }
    assert_eq!(rows(&t, "backup").len(), stored + usize::from(code == 200), "only what was answered 200 is stored");
    // Another name has its own bucket.
    assert_eq!(http("POST", &format!("{base}/ping/etl"), Some(PING_TOKEN)).0, 200);

    // A writer holds the database: 503 soon, never a hung worker.
    let c = rusqlite::Connection::open(t.db_path()).expect("open");
    c.execute_batch("BEGIN IMMEDIATE").expect("lock");
    let start = Instant::now();
    let (code, answer) = raw(&base, "POST", "/ping/etl/fail", Some(PING_TOKEN));
    assert_eq!(code, 503, "{answer}");
    assert!(start.elapsed() < Duration::from_secs(8), "{:?}", start.elapsed());
    assert_eq!(http("GET", &format!("{base}/health"), None).0, 200);
    c.execute_batch("ROLLBACK").expect("unlock");
    assert_eq!(http("POST", &format!("{base}/ping/etl/fail"), Some(PING_TOKEN)).0, 200);
}
