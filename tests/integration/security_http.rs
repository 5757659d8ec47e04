//! Security review (issue 7), one test per claim of SECURITY.md, part
//! three: secrets in output, and HTTP that acts — where `hm serve` listens,
//! when a token is usable, and what a request must carry to restart.
//!
//! Real HTTP on 127.0.0.1, real processes and the real binary. One of these
//! failed when written (a password in an http monitor's URL); it is fixed.

mod issue25;
mod issue25_flood;
mod secrets;

use crate::common::Test;
use crate::common::daemon::{Daemon, wait_port};
use crate::common::receiver::free_port;
use crate::common::security::qp;
use std::io::{Read, Write};
use std::time::{Duration, Instant};

// ----------------------------------------------------------------- secrets

const SECRETS: [&str; 4] = ["WEBHOOKPATHSECRET", "WEBHOOKTOKENSECRET", "SERVETOKENSECRET", "/hooks/"];

#[track_caller]
fn assert_no_secret(what: &str, text: &str) {
    for s in SECRETS {
        assert!(!text.contains(s), "{s} leaked in {what}:\n{text}");
    }
}

#[test]
fn tokens_and_webhook_urls_never_print() {
    let t = Test::new();
    crate::common::beat(&t, 60);
    let dead = free_port();
    let config = format!(
        "host_defaults = false\n\n[serve]\ntoken = \"SERVETOKENSECRET-0123456789\"\n\n[alerts]\nfor = 1\n\n{}\n\
         [[channel]]\nname = \"hook\"\nkind = \"webhook\"\nurl = \"http://127.0.0.1:{dead}/hooks/WEBHOOKPATHSECRET\"\n\
         token = \"WEBHOOKTOKENSECRET\"\n",
        crate::common::hb_monitor(&t)
    );
    let t = t.config(&config);
    let mut outputs = Vec::new();
    for args in [
        &["check", "--json"][..],
        &["check"],
        &["alerts", "outbox", "--json"],
        &["alerts", "outbox"],
        &["alerts", "test", "hook", "--json"],
        &["alerts", "test", "hook"],
        &["alerts", "--all", "--json"],
        &["alerts", "flush", "--json"],
        &["validate", "--json"],
        &["validate"],
        &["status", "--json"],
        &["list", "--json"],
        &["export"],
        &["heal", "--dry-run", "--json"],
    ] {
        let out = t.run(args);
        outputs.push((format!("hm {}", args.join(" ")), format!("{}\n{}", out.stdout, out.stderr)));
    }
    let outbox = t.run(&["alerts", "outbox", "--json"]).json();
    assert!(
        outbox["notifications"][0]["last_error"].as_str().is_some_and(|e| !e.is_empty()),
        "the delivery failed and says why: {outbox:#}"
    );
    // Nor is any secret written to the database.
    for suffix in ["", "-wal"] {
        let mut path = t.db_path().into_os_string();
        path.push(suffix);
        let bytes = std::fs::read(&path).unwrap_or_default();
        outputs.push((format!("{path:?}"), String::from_utf8_lossy(&bytes).into_owned()));
    }
    // Nor served: /status, /metrics and a refused restart.
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "1h"]);
    wait_serving(port);
    for path in ["/status", "/metrics", "/history/hb"] {
        outputs.push((path.to_string(), get(port, path).1));
    }
    outputs.push(("POST".into(), post(port, "/monitors/hb/restart", Some("Bearer SERVETOKENSECRET-wrong")).1));
    drop(hm);
    for (what, text) in &outputs {
        assert_no_secret(what, text);
    }

    // Mistakes on the secrets' own lines do not echo them either.
    for (bad, secret) in [
        (config.replace("token = \"WEBHOOKTOKENSECRET\"", "token = \"WEBHOOKTOKENSECRET"), "WEBHOOKTOKENSECRET"),
        (config.replace("http://127.0.0.1", "ftp://user:FTPPASSWORD@files.example"), "FTPPASSWORD"),
        (config.replace("\"SERVETOKENSECRET-0123456789\"", "\"SHORTSECRET\""), "SHORTSECRET"),
        (config.replace("token = \"WEBHOOKTOKENSECRET\"", "token = [\"WEBHOOKTOKENSECRET\"]"), "WEBHOOKTOKENSECRET"),
    ] {
        let t = Test::new().config(&bad);
        for args in [&["check", "--json"][..], &["validate"], &["validate", "--json"]] {
            let out = t.run(args);
            assert_ne!(out.code, 0, "{bad}");
            assert!(
                !out.stdout.contains(secret) && !out.stderr.contains(secret) && !out.stdout.contains("/hooks/"),
                "hm {}: {secret} leaked:\n{out:?}",
                args.join(" ")
            );
        }
    }
}

#[test]
fn the_password_in_an_http_monitors_url_never_prints() {
    let t = Test::new();
    let dead = free_port();
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"site\"\nkind = \"http\"\n\
         url = \"http://admin:HTTPPASSWORD@127.0.0.1:{dead}/health\"\n"
    ));
    for args in [&["check", "--json"][..], &["status", "--json"], &["list", "--json"], &["export"]] {
        let out = t.run(args);
        assert!(!out.stdout.contains("HTTPPASSWORD") && !out.stderr.contains("HTTPPASSWORD"), "{args:?}: {out:?}");
    }
}

// -------------------------------------------------------------------- HTTP

/// Send a request, byte for byte as written (no client-side path
/// normalisation), and read the status and body.
fn raw(port: u16, method: &str, path: &str, headers: &[String]) -> (u16, String) {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    for h in headers {
        req.push_str(h);
        req.push_str("\r\n");
    }
    req.push_str("Content-Length: 0\r\n\r\n");
    s.write_all(req.as_bytes()).expect("send");
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    let code = answer.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (code, answer.split_once("\r\n\r\n").map_or(String::new(), |(_, b)| b.to_string()))
}

/// Wait until the daemon on `port` answers and its first cycle has set up the database.
fn wait_serving(port: u16) {
    wait_port(port, Duration::from_secs(10));
    let start = Instant::now();
    while get(port, "/status").0 != 200 {
        assert!(start.elapsed() < Duration::from_secs(10), "hm serve never answered /status");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn get(port: u16, path: &str) -> (u16, String) {
    raw(port, "GET", path, &[])
}

fn post(port: u16, path: &str, authorization: Option<&str>) -> (u16, String) {
    let headers: Vec<String> = authorization.map(|a| format!("Authorization: {a}")).into_iter().collect();
    raw(port, "POST", path, &headers)
}

/// A process monitor `api` whose start command leaves a marker file.
fn marked_api(t: &Test, serve: &str) -> String {
    format!(
        "host_defaults = false\n{serve}\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^hm-test-sec-http \"\n\
         start = [\"touch\", {}]\nrestart_delay = \"100ms\"\n",
        qp(&t.path("restarted"))
    )
}

#[test]
fn serve_listens_on_loopback_unless_told_otherwise() {
    const PORT: u16 = 9184;
    let listening = |port: u16| -> Vec<String> {
        let mut found = Vec::new();
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            for line in std::fs::read_to_string(table).unwrap_or_default().lines().skip(1) {
                let f: Vec<&str> = line.split_whitespace().collect();
                if f.len() > 3 && f[3] == "0A" && f[1].ends_with(&format!(":{port:04X}")) {
                    found.push(f[1].to_string());
                }
            }
        }
        found
    };
    if !listening(PORT).is_empty() {
        eprintln!("SKIPPED: something already listens on port {PORT}");
        return;
    }
    let t = Test::new();
    crate::common::beat(&t, 0);
    let text = crate::common::hb_monitor(&t);
    let t = t.config(&format!("host_defaults = false\n{text}"));
    let hm = Daemon::start(&t, &["serve", "--interval", "1h"]);
    wait_port(PORT, Duration::from_secs(10));
    let sockets = listening(PORT);
    drop(hm);
    assert_eq!(sockets, [format!("0100007F:{PORT:04X}")], "only 127.0.0.1");
}

#[test]
fn without_a_usable_token_nothing_acts_and_nothing_listens_off_loopback() {
    let t = Test::new();
    // The token comes from a variable that is not set.
    let text = marked_api(&t, "[serve]\ntoken = { env = \"HM_TEST_SEC_UNSET_TOKEN\" }\n");
    let t = t.config(&text);
    let port = free_port();
    // Off loopback, an unusable token is no token: hm refuses to start.
    let mut refused = Daemon::start(&t, &["serve", "--listen", &format!("0.0.0.0:{port}"), "--interval", "1h"]);
    let code = refused.wait_exit(Duration::from_secs(10)).and_then(|s| s.code());
    assert_eq!(code, Some(1), "{}", refused.stderr());
    assert!(refused.stderr().contains("[serve] token or ping_token"), "{}", refused.stderr());
    let hm = Daemon::start(&t, &["serve", "--listen", &format!("127.0.0.1:{port}"), "--interval", "1h"]);
    wait_serving(port);
    for auth in [None, Some("Bearer "), Some("Bearer anything-at-all-0123456789")] {
        let (code, body) = post(port, "/monitors/api/restart", auth);
        assert_eq!(code, 403, "{auth:?}: {body}");
    }
    drop(hm);
    let t = Test::new();
    let text = marked_api(&t, "");
    let t = t.config(&text);
    let port = free_port();
    let hm = Daemon::start(&t, &["serve", "--listen", &format!("127.0.0.1:{port}"), "--interval", "1h"]);
    wait_serving(port);
    assert_eq!(post(port, "/monitors/api/restart", Some("Bearer x")).0, 403, "no [serve] token: refused outright");
    drop(hm);
    assert!(!t.path("restarted").exists());
    assert_eq!(t.run(&["actions", "--json"]).json()["actions"].as_array().map(Vec::len), Some(0));
}

#[test]
fn only_the_exact_bearer_token_restarts_and_only_a_configured_monitor() {
    let t = Test::new();
    let token = "SERVETOKEN-0123456789abcdef";
    let text = marked_api(&t, "[serve]\ntoken = { env = \"HM_TEST_SEC_TOKEN\" }\n");
    let t = t.config(&text).env("HM_TEST_SEC_TOKEN", token);
    let port = free_port();
    let _hm = Daemon::start(&t, &["serve", "--listen", &format!("127.0.0.1:{port}"), "--interval", "1h"]);
    wait_serving(port);
    let near_misses = [
        format!("bearer {token}"),
        format!("Basic {token}"),
        format!("Bearer {token}x"),
        format!("Bearer {}", &token[..token.len() - 1]),
        format!("Bearer  {}", token.to_lowercase()),
        format!("Token {token}"),
        token.to_string(),
    ];
    for auth in &near_misses {
        assert_eq!(post(port, "/monitors/api/restart", Some(auth)).0, 401, "{auth}");
    }
    // In the query string it is not a token.
    assert_eq!(post(port, &format!("/monitors/api/restart?token={token}"), None).0, 401);
    // A wrong token learns nothing about which monitors exist.
    assert_eq!(post(port, "/monitors/nope/restart", Some("Bearer wrong")).0, 401);
    let bearer = format!("Bearer {token}");
    for path in [
        "/monitors/../monitors/api/restart",
        "/monitors/api/../api/restart",
        "/monitors/..%2Fapi/restart",
        "/monitors/api%2F..%2Fapi/restart",
        "/monitors/api%00/restart",
        "/monitors/API/restart",
        "/monitors//restart",
    ] {
        let (code, body) = post(port, path, Some(&bearer));
        // A `/` or NUL written as an escape is refused before any route.
        let refused = path.contains("%2F") || path.contains("%00");
        assert_eq!(code, if refused { 400 } else { 404 }, "{path}: {body}");
    }
    for path in ["/history/../status", "/history/..%2F..%2Fetc%2Fpasswd", "/../../etc/passwd"] {
        let (code, body) = get(port, path);
        assert_eq!(code, if path.contains("%2F") { 400 } else { 404 }, "{path}: {body}");
        assert!(!body.contains("root:"), "{body}");
    }
    assert_eq!(get(port, "/monitors/api/restart").0, 405, "GET never acts");
    assert!(!t.path("restarted").exists(), "nothing restarted yet");
    assert_eq!(t.run(&["actions", "--json"]).json()["actions"].as_array().map(Vec::len), Some(0));
    // The exact token does act (the start command runs).
    let (code, body) = post(port, "/monitors/api/restart", Some(&bearer));
    assert!(code == 200 || code == 500, "{code} {body}");
    assert!(t.path("restarted").exists(), "{body}");
}

// ------------------------------------------------------ stalls and limits

/// Connect with a small receive buffer, set before the handshake so the
/// window hm sees is small from the start.
fn small_window(port: u16) -> std::net::TcpStream {
    use nix::sys::socket::{AddressFamily, SockFlag, SockType, SockaddrIn, connect, setsockopt, socket, sockopt};
    use std::os::fd::AsRawFd;
    let fd = socket(AddressFamily::Inet, SockType::Stream, SockFlag::SOCK_CLOEXEC, None).expect("socket");
    setsockopt(&fd, sockopt::RcvBuf, &2048).expect("SO_RCVBUF");
    connect(fd.as_raw_fd(), &SockaddrIn::new(127, 0, 0, 1, port)).expect("connect");
    let s = std::net::TcpStream::from(fd);
    s.set_write_timeout(Some(Duration::from_secs(2))).expect("timeout");
    s
}

/// A client that pipelines `n` requests for `path` and never reads an answer.
fn non_reader(port: u16, path: &str, n: usize) -> std::net::TcpStream {
    let mut s = small_window(port);
    let _ = s.write_all(format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").repeat(n).as_bytes());
    s
}

/// A client whose request never ends: a header line every 100 ms, for at
/// most 10 s or until `stop`.
fn trickler(port: u16, stop: std::sync::Arc<std::sync::atomic::AtomicBool>) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) else { return };
        let _ = s.set_write_timeout(Some(Duration::from_secs(1)));
        let _ = s.write_all(b"GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for _ in 0..100 {
            if stop.load(std::sync::atomic::Ordering::SeqCst) || s.write_all(b"X-Slow: a\r\n").is_err() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    })
}

/// `GET path` must be answered 200 within `within`.
#[track_caller]
fn answers_within(port: u16, path: &str, within: Duration) {
    let start = Instant::now();
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(within)).expect("timeout");
    s.write_all(format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").as_bytes())
        .expect("send");
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    let took = start.elapsed();
    assert!(answer.starts_with("HTTP/1.1 200 "), "{path}: no 200 within {within:?} (took {took:?}): {answer:?}");
    assert!(took <= within, "{path} took {took:?}");
}

fn stalled_serve(t: &Test) -> (Daemon, u16) {
    crate::common::beat(t, 0);
    let port = free_port();
    let hm = Daemon::start(t, &["serve", "--listen", &format!("127.0.0.1:{port}"), "--interval", "1h"]);
    wait_serving(port);
    (hm, port)
}

/// Issue 14: clients that never read their answers, and clients whose
/// request never ends, held every tiny_http worker: /health timed out and
/// SIGTERM waited for them (20 s and more).
#[test]
fn stalled_clients_neither_starve_health_nor_delay_exit() {
    let t = Test::new();
    let text = crate::common::hb_monitor(&t);
    let t = t.config(&format!("host_defaults = false\n{text}"));
    let (mut hm, port) = stalled_serve(&t);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let trickling: Vec<_> = (0..8).map(|_| trickler(port, stop.clone())).collect();
    let stalled: Vec<_> = (0..8).map(|i| non_reader(port, ["/", "/metrics"][i % 2], 300)).collect();
    // More half-sent requests than hm keeps connections: the oldest make room.
    let crowd: Vec<_> = (0..300)
        .filter_map(|_| {
            let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
            s.write_all(b"GET /status HTTP/1.1\r\n").ok()?;
            Some(s)
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    for _ in 0..5 {
        answers_within(port, "/health", Duration::from_secs(1));
    }
    answers_within(port, "/status", Duration::from_secs(2));
    let sent = Instant::now();
    hm.signal(nix::sys::signal::Signal::SIGTERM);
    let exited = hm.wait_exit(Duration::from_secs(3));
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    for c in trickling {
        let _ = c.join();
    }
    drop((stalled, crowd));
    assert!(exited.is_some(), "hm did not stop on SIGTERM");
    assert!(sent.elapsed() <= Duration::from_secs(1), "took {:?} to stop", sent.elapsed());
}

/// Issue 14: one connection with 1,500 pipelined requests held the workers.
/// Now it is served one request at a time and closed after a few dozen.
#[test]
fn one_connection_of_pipelined_requests_does_not_hog_the_server() {
    let t = Test::new();
    let text = crate::common::hb_monitor(&t);
    let t = t.config(&format!("host_defaults = false\n{text}"));
    let (_hm, port) = stalled_serve(&t);
    let hog = std::thread::spawn(move || non_reader(port, "/status", 1500));
    std::thread::sleep(Duration::from_millis(300));
    for _ in 0..5 {
        answers_within(port, "/health", Duration::from_secs(1));
    }
    answers_within(port, "/status", Duration::from_secs(2));
    drop(hog.join());
    // A client that reads gets some of its 100 pipelined answers, then the close.
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    s.write_all("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".repeat(100).as_bytes()).expect("send");
    let mut answers = String::new();
    let _ = s.read_to_string(&mut answers);
    let n = answers.matches("HTTP/1.1 200 OK").count();
    assert!((1..100).contains(&n), "{n} answers on one connection");
    assert!(answers.ends_with("ok\n") && answers.contains("Connection: close"), "{answers}");
}

/// Issue 14: the request line and headers are capped at 8 KiB, bodies at
/// 1 KiB, and no error repeats what the request carried.
#[test]
fn oversized_requests_are_refused_and_nothing_sent_is_echoed() {
    let t = Test::new();
    let text = crate::common::hb_monitor(&t);
    let t = t.config(&format!("host_defaults = false\n{text}"));
    let (_hm, port) = stalled_serve(&t);
    let long = format!("/LONGURL{}", "x".repeat(9 * 1024));
    let (code, body) = get(port, &long);
    assert_eq!(code, 414, "{body}");
    assert!(!body.contains("LONGURL") && !body.contains("xxxx"), "{body}");
    let headers: Vec<String> = (0..90).map(|i| format!("X-Filler-{i}: HEADERTEXT{}", "h".repeat(90))).collect();
    let (code, body) = raw(port, "GET", "/status", &headers);
    assert_eq!(code, 431, "{body}");
    assert!(!body.contains("HEADERTEXT") && !body.contains("X-Filler"), "{body}");
    // A body over 1 KiB is refused from its Content-Length, before it is sent.
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(5))).expect("timeout");
    s.write_all(b"POST /monitors/hb/restart HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n").expect("send");
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 413 "), "{answer}");
    let script = "<script>alert(1)</script>";
    for path in [
        format!("/{script}"),
        format!("/nope/{script}"),
        format!("/history/{script}"),
        format!("/history/hb?metric={script}"),
        format!("/history/hb?since={script}"),
        format!("/monitors/{script}/restart"),
    ] {
        let (code, body) = if path.starts_with("/monitors/") { post(port, &path, None) } else { get(port, &path) };
        assert!((400..500).contains(&code), "{path}: {code} {body}");
        assert!(!body.contains("<script>") && !body.contains("alert(1)"), "{path}: {body}");
    }
}
