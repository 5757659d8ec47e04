//! One daemon per database (issue 26): two `hm run --heal` on one database
//! ran side by side, doubling heals and notifications. Real processes, the
//! real lock files.

use crate::common::daemon::{Daemon, http, wait_port};
use crate::common::receiver::free_port;
use crate::common::{Test, beat, hb_monitor};
use nix::fcntl::{Flock, FlockArg};
use nix::sys::signal::Signal;
use std::time::{Duration, Instant};

fn cycled(out: &str) -> bool {
    out.lines().any(|l| l.starts_with('{'))
}

#[test]
fn issue26_a_second_hm_run_or_serve_on_one_database_refuses_within_a_second() {
    let t = Test::new();
    beat(&t, 0);
    let text = format!("host_defaults = false\n{}", hb_monitor(&t));
    let t = t.config(&text);
    let mut first = Daemon::start(&t, &["run", "--heal", "--interval", "300ms", "--json"]);
    first.wait_for(Duration::from_secs(10), "a first cycle", |out, _| cycled(out));
    let pid = first.child.id();
    let db = t.db_path();
    let want = format!("another hm run (pid {pid}) already watches {}", db.display());
    let port = free_port().to_string();
    let listen = format!("127.0.0.1:{port}");
    for args in [&["run", "--heal", "--interval", "300ms"][..], &["serve", "--listen", &listen, "--heal"][..]] {
        let asked = Instant::now();
        let out = t.run(args);
        let took = asked.elapsed();
        out.code(3);
        assert!(out.one_line_error().contains(&want), "{args:?}: {}", out.stderr);
        assert!(took < Duration::from_secs(1), "{args:?} took {took:?} to refuse");
    }
    assert!(std::net::TcpStream::connect(&listen).is_err(), "the refused serve took no port");
    // A one-shot check goes beside the daemon.
    t.run(&["check"]).code(0);
    first.signal(Signal::SIGTERM);
    assert_eq!(first.wait_exit(Duration::from_secs(3)).and_then(|s| s.code()), Some(0));
    // Gone with its process: the next one starts.
    let mut next = Daemon::start(&t, &["run", "--interval", "300ms", "--json"]);
    next.wait_for(Duration::from_secs(10), "the next daemon's first cycle", |out, _| cycled(out));
    next.signal(Signal::SIGTERM);
    assert_eq!(next.wait_exit(Duration::from_secs(3)).and_then(|s| s.code()), Some(0));
}

#[test]
fn issue26_an_http_restart_waits_for_the_run_lock_instead_of_failing() {
    let t = Test::new();
    let token = "s3cret-token-0123456789";
    beat(&t, 0);
    let text = format!(
        "host_defaults = false\n[serve]\ntoken = \"{token}\"\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\n\
         pattern = \"^hm-test-i26-api \"\nstart = [\"bash\", \"-c\", \"exec -a 'hm-test-i26-api run' sleep 30\"]\n\
         restart_delay = \"300ms\"\n"
    );
    let t = t.config(&text);
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let _hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "1h"]);
    wait_port(port, Duration::from_secs(10));
    // Another run (a heal) holds the run lock for 3 s, longer than a
    // one-shot run waits for it (2 s).
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(t.path("state/hm/hm.db.lock"))
        .expect("lock file");
    let held = Flock::lock(file, FlockArg::LockExclusiveNonblock).map_err(|(_, e)| e).expect("lock");
    let url = format!("http://{listen}/monitors/api/restart");
    let post = std::thread::spawn(move || http("POST", &url, Some(token)));
    std::thread::sleep(Duration::from_secs(3));
    drop(held);
    let (code, body) = post.join().expect("post");
    let started = crate::common::kill_procs(b"hm-test-i26-api ");
    assert_eq!(code, 200, "{body}");
    let doc: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(doc["outcome"], "restarted", "{body}");
    assert_eq!(started, 1, "one worker started");
}
