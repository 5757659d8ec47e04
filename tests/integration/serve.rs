//! `hm serve` (issue 5): real HTTP on 127.0.0.1, real signals, a real worker.

use crate::common::beat;
use crate::common::promtool_accepts;

use crate::common::Test;
use crate::common::daemon::{Daemon, http, wait_port};
use crate::common::receiver::free_port;
use nix::sys::signal::Signal;
use std::time::{Duration, Instant};

fn config(t: &Test, extra: &str) -> String {
    format!(
        "host_defaults = false\n{extra}\n[[monitor]]\nname = \"hb\"\nkind = \"heartbeat\"\nfile = \"{}\"\nwarn = \"20s\"\ncrit = \"40s\"\n",
        t.path("beat").display()
    )
}

/// Poll `url` until `cond(status, body)` holds.
#[track_caller]
fn poll(url: &str, what: &str, cond: impl Fn(u16, &str) -> bool) -> (u16, String) {
    let start = Instant::now();
    loop {
        let (code, body) = http("GET", url, None);
        if cond(code, &body) {
            return (code, body);
        }
        assert!(start.elapsed() < Duration::from_secs(15), "{what}: last answer {code} {body}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn every_endpoint_answers_and_ready_follows_the_critical_monitors() {
    let t = Test::new();
    beat(&t, 60);
    let text = config(&t, "");
    let t = t.config(&text);
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let mut hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "500ms"]);
    wait_port(port, Duration::from_secs(10));
    let url = |p: &str| format!("http://{listen}{p}");

    assert_eq!(http("GET", &url("/health"), None), (200, "ok\n".to_string()));
    let (code, body) = poll(&url("/ready"), "not ready while hb is critical", |c, _| c == 503);
    let doc: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(doc["ready"], false);
    assert!(doc["reasons"][0].as_str().is_some_and(|r| r.starts_with("hb: ")), "{body}");
    assert_eq!(code, 503);

    let status: serde_json::Value = serde_json::from_str(&http("GET", &url("/status"), None).1).expect("status");
    assert_eq!(status["monitors"][0]["monitor"], "hb");
    assert_eq!(status["monitors"][0]["status"], "critical");
    assert_eq!(status["monitors"][0]["score"], 0.0);

    let (code, metrics) = http("GET", &url("/metrics"), None);
    assert_eq!(code, 200);
    assert!(metrics.contains("hm_monitor_status{monitor=\"hb\",kind=\"heartbeat\"} 2\n"), "{metrics}");
    promtool_accepts(&metrics);

    let (code, history) = http("GET", &url("/history/hb?since=1h"), None);
    assert_eq!(code, 200);
    let h: serde_json::Value = serde_json::from_str(&history).expect("history");
    assert_eq!(h["series"][0]["metric"], "age");
    assert!(h["series"][0]["points"].as_array().is_some_and(|p| !p.is_empty()));
    assert_eq!(http("GET", &url("/history/nope"), None).0, 404);
    // A bad `points` is refused, not silently replaced.
    for bad in ["-1", "0", "x", "99999999999999999999"] {
        let (code, body) = http("GET", &url(&format!("/history/hb?points={bad}")), None);
        assert_eq!(code, 400, "points={bad}: {body}");
    }
    assert_eq!(http("GET", &url("/history/hb?points=5"), None).0, 200);
    assert_eq!(http("GET", &url("/nope"), None).0, 404);
    let (code, page) = http("GET", &url("/"), None);
    assert!(code == 200 && page.contains("<tbody id=\"monitors\">"), "{page}");
    let (code, body) = http("POST", &url("/monitors/hb/restart"), None);
    assert!(code == 403 && body.contains("[serve] token"), "no token configured: refused outright: {code} {body}");

    beat(&t, 0);
    poll(&url("/ready"), "ready once hb is fresh", |c, _| c == 200);

    let sent = Instant::now();
    hm.signal(Signal::SIGTERM);
    let status = hm.wait_exit(Duration::from_secs(3)).expect("stopped");
    assert_eq!(status.code(), Some(0));
    assert!(sent.elapsed() <= Duration::from_millis(1000), "took {:?} to stop", sent.elapsed());
}

#[test]
fn concurrent_requests_never_trigger_extra_checks() {
    let t = Test::new();
    beat(&t, 0);
    let text = config(&t, "");
    let t = t.config(&text);
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let _hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "1h"]);
    wait_port(port, Duration::from_secs(10));
    // /ready is 200 before anything is checked (never-checked is unknown, not critical): wait for the record.
    poll(&format!("http://{listen}/status"), "the first cycle", |c, body| {
        c == 200 && body.contains("\"checked_at\": \"2")
    });
    let checks = || -> i64 {
        let db = rusqlite::Connection::open(t.db_path()).expect("db");
        db.query_row("SELECT count(*) FROM checks", [], |r| r.get(0)).expect("count")
    };
    let before = checks();
    std::thread::scope(|s| {
        for i in 0..8 {
            let listen = listen.clone();
            s.spawn(move || {
                for path in ["/metrics", "/status", "/ready", "/", "/history/hb"].iter().cycle().skip(i).take(10) {
                    assert_eq!(http("GET", &format!("http://{listen}{path}"), None).0, 200, "{path}");
                }
            });
        }
    });
    assert_eq!(before, 1);
    assert_eq!(checks(), before, "80 requests, no extra check");
}

#[test]
fn restarting_over_http_needs_the_bearer_token() {
    let t = Test::new();
    let token = "s3cret-token-0123456789";
    let extra = format!(
        "[serve]\ntoken = \"{token}\"\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^hm-test-serve-api \"\n\
         start = [\"bash\", \"-c\", \"exec -a 'hm-test-serve-api run' sleep 30\"]\nrestart_delay = \"300ms\"\n"
    );
    beat(&t, 0);
    let text = config(&t, &extra);
    let t = t.config(&text);
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let _hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "1h"]);
    wait_port(port, Duration::from_secs(10));
    let url = format!("http://{listen}/monitors/api/restart");
    assert_eq!(http("POST", &url, None).0, 401);
    assert_eq!(http("POST", &url, Some("wrong-token-0123456789")).0, 401);
    assert_eq!(http("GET", &url, Some(token)).0, 405);
    assert_eq!(http("POST", &format!("http://{listen}/monitors/nope/restart"), Some(token)).0, 404);
    // A half-saved hm.toml on disk changes nothing until SIGHUP; the
    // restart acts on the config in force (reading the file again, it
    // would fail with 409).
    std::fs::write(t.config_path(), "[[monitor]\nname = ").expect("half-saved config");
    let (code, body) = http("POST", &url, Some(token));
    let doc: serde_json::Value = serde_json::from_str(&body).expect("json");
    // The worker hm started: find it and make sure it goes with the test.
    let pids: Vec<u32> = std::fs::read_dir("/proc")
        .expect("proc")
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .filter(|pid: &u32| {
            std::fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|c| c.starts_with(b"hm-test-serve-api "))
        })
        .collect();
    for pid in &pids {
        let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(i32::try_from(*pid).expect("pid")), Signal::SIGKILL);
    }
    assert_eq!(code, 200, "{body}");
    assert_eq!(doc["outcome"], "restarted", "{body}");
    assert_eq!(pids.len(), 1, "one worker started");
    assert!(!body.contains(token));
}

/// The processes whose command line starts with `prefix`, killed.
fn kill_workers(prefix: &[u8]) -> usize {
    let pids: Vec<u32> = std::fs::read_dir("/proc")
        .expect("proc")
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .filter(|pid: &u32| std::fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|c| c.starts_with(prefix)))
        .collect();
    for pid in &pids {
        let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(i32::try_from(*pid).expect("pid")), Signal::SIGKILL);
    }
    pids.len()
}

#[test]
fn issue17_restarts_over_http_never_hold_the_workers_that_answer_reads() {
    // A restart waits `restart_delay` for its worker to come up, and a
    // second one waits up to 2 s for the run lock. Eight at once must not
    // take all four HTTP workers for seconds, with `/status` waiting behind
    // them: each restart runs on a thread of its own.
    let t = Test::new();
    let token = "s3cret-token-0123456789";
    let extra = format!(
        "[serve]\ntoken = \"{token}\"\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^hm-test-serve-slow \"\n\
         start = [\"bash\", \"-c\", \"exec -a 'hm-test-serve-slow run' sleep 30\"]\nrestart_delay = \"4s\"\n"
    );
    beat(&t, 0);
    let text = config(&t, &extra);
    let t = t.config(&text);
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let _hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "1h"]);
    wait_port(port, Duration::from_secs(10));
    let restart = format!("http://{listen}/monitors/api/restart");
    let posts: Vec<_> = (0..8)
        .map(|_| {
            let url = restart.clone();
            std::thread::spawn(move || http("POST", &url, Some(token)).0)
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let asked = Instant::now();
    let (code, _) = http("GET", &format!("http://{listen}/status"), None);
    let took = asked.elapsed();
    let codes: Vec<u16> = posts.into_iter().map(|p| p.join().expect("post")).collect();
    let started = kill_workers(b"hm-test-serve-slow ");
    assert_eq!(code, 200);
    assert!(took < Duration::from_millis(1500), "/status waited {took:?} behind the restarts");
    // One restart ran; the others found it in progress and said so (one
    // that meets the run lock waits for it).
    assert_eq!(codes.iter().filter(|c| **c == 200).count(), 1, "{codes:?}");
    assert!(codes.iter().all(|c| *c == 200 || *c == 409), "{codes:?}");
    assert_eq!(started, 1, "one worker started");
}

#[test]
fn issue16_a_failing_cycle_turns_health_and_ready_to_503_until_one_succeeds() {
    let t = Test::new();
    beat(&t, 0);
    let text = config(&t, "");
    let t = t.config(&text);
    // The run lock cannot be taken at all (its file is a directory): every
    // heal cycle fails. (Another hm holding it is no failure: the cycle
    // checks, and heals at the next: pool::scenario.)
    std::fs::create_dir_all(t.db_path().parent().expect("dir")).expect("mkdir");
    let mut lock = t.db_path().into_os_string();
    lock.push(".lock");
    std::fs::create_dir(&lock).expect("a directory where the lock file goes");
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let mut hm = Daemon::start(&t, &["serve", "--heal", "--listen", &listen, "--interval", "500ms"]);
    wait_port(port, Duration::from_secs(10));
    let url = |p: &str| format!("http://{listen}{p}");
    let (_, body) = poll(&url("/health"), "health fails while cycles fail", |c, _| c == 503);
    assert!(body.contains("the last check cycle failed") && body.contains(".lock"), "{body}");
    let (_, body) = poll(&url("/ready"), "not ready either", |c, _| c == 503);
    assert!(body.contains("the last check cycle failed"), "{body}");
    std::fs::remove_dir(&lock).expect("the lock file may be made again");
    poll(&url("/health"), "healthy again after a good cycle", |c, _| c == 200);
    poll(&url("/ready"), "ready again", |c, _| c == 200);
    hm.signal(Signal::SIGTERM);
    assert!(hm.wait_exit(Duration::from_secs(5)).is_some());
}
