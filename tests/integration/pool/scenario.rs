//! A tired operator's evening, coming from supervisord and Monit: a
//! `numprocs = 4` program and an `if failed port … protocol http then
//! restart` rule, written as one `[[monitor]]` each, under `hm run
//! --heal`. Everything those tools let them do, done with hm: status,
//! stop one, start one, restart all, see why one died and its log's last
//! lines, a frozen one restarted by its port check, scale by SIGHUP.
//! Real HTTP servers, real signals.

use super::{Reap, exactly, pids, within};
use crate::common::daemon::Daemon;
use crate::common::http_worker::{answers, python, script};
use crate::common::{Test, have_tool};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use std::time::Duration;

/// A 4-digit `base` whose ports `base1` … `base4` are free now.
fn free_base() -> u32 {
    let start = 2000 + std::process::id() % 4000;
    (start..6000)
        .find(|b| (1..=4).all(|i| std::net::TcpListener::bind(("127.0.0.1", (b * 10 + i) as u16)).is_ok()))
        .expect("four free ports")
}

/// hm.toml as the operator writes it, each block beside what it replaces.
fn config(t: &Test, prefix: &str, base: u32, n: u32) -> String {
    let python = python();
    let (root, script) = (t.root().display(), t.path("server.py"));
    let script = script.display();
    format!(
        r#"host_defaults = false

# supervisord: [program:api] command=server.py 80%(process_num)d, numprocs=4,
# stdout_logfile=/var/log/api-%(process_num)d.log
[[monitor]]
name = "api"
kind = "process"
instances = {n}
pattern = "^{prefix}-{{i}} "
start = ["bash", "-c", "exec -a '{prefix}-{{i}} w' {python} {script} {base}{{i}}"]
log = "{root}/api-{{i}}.log"
restart_delay = "300ms"
# supervisord: startsecs=3, stopwaitsecs=1
min_uptime = "3s"
grace = "1s"

# Monit: if failed port 80%(process_num)d protocol http then restart
[[monitor]]
name = "api-http"
kind = "http"
url = "http://127.0.0.1:{base}{{i}}/"
timeout = "1s"
worker = "api"
"#
    )
}

#[test]
fn issue29_an_operator_replaces_supervisord_numprocs_and_a_monit_port_rule() {
    if !have_tool("python3") {
        return;
    }
    let prefix = "hm-test-pool-scenario";
    let _r = Reap(prefix);
    let t = Test::new();
    script(&t);
    let base = free_base();
    let text = config(&t, prefix, base, 4);
    let t = t.config(&text);
    t.run(&["validate"]).code(0);
    let hm = Daemon::start(&t, &["run", "--heal", "--interval", "500ms"]);
    let port = |i: u32| u16::try_from(base * 10 + i).expect("a port");
    let all_answer = |n: u32| exactly(prefix, n) && (1..=n).all(|i| answers(port(i)));
    assert!(within(Duration::from_secs(20), || all_answer(4)), "{:?}\n{}", pids(prefix), hm.stderr());

    // supervisorctl status
    assert!(within(Duration::from_secs(5), || t.run(&["status"]).stdout.contains("api-http: 4 of 4 running")));
    let out = t.run(&["status"]);
    out.code(0);
    assert!(out.stdout.contains("api: 4 of 4 running"), "{}", out.stdout);

    // supervisorctl stop api:api_02: held down, and its port check with it.
    t.run(&["stop-worker", "api@2"]).code(0);
    std::thread::sleep(Duration::from_millis(1500));
    assert!(!pids(prefix).contains_key(&2), "restarted while stopped: {:?}", pids(prefix));
    let out = t.run(&["status"]);
    out.code(0);
    assert!(out.stdout.contains("api: 3 of 4 running, 1 stopped on purpose"), "{}", out.stdout);
    assert_eq!(t.run(&["alerts", "--json"]).json()["alerts"], serde_json::json!([]), "a stop on purpose alerts no one");

    // supervisorctl start api:api_02
    t.run(&["start-worker", "api@2"]).code(0);
    assert!(within(Duration::from_secs(5), || all_answer(4)), "{:?}", pids(prefix));

    // supervisorctl restart api:*: one at a time, each verified.
    let before = pids(prefix);
    t.run(&["restart-worker", "api"]).code(0);
    let after = pids(prefix);
    assert!((1..=4).all(|i| after[&i] != before[&i]), "{before:?} {after:?}");
    assert!(within(Duration::from_secs(5), || all_answer(4)));

    // A worker dies: restarted alone; `hm why` says how, with its log's tail.
    let three = after[&3][0];
    // Once `hm run` has seen it (its watch is of what its last scan found;
    // a worker that a one-shot hm started and that dies before that scan
    // is found dead, its cause unknown).
    let seen = || {
        let doc = t.run(&["status", "--json"]).json();
        let m = doc["monitors"].as_array().and_then(|m| m.iter().find(|m| m["monitor"] == "api@3").cloned());
        m.is_some_and(|m| m["message"].as_str().is_some_and(|s| s.contains(&format!("pid {three}"))))
    };
    assert!(within(Duration::from_secs(5), seen), "{}", t.run(&["status", "--all"]).stdout);
    kill(Pid::from_raw(three), Signal::SIGKILL).expect("kill");
    let back = within(Duration::from_secs(10), || pids(prefix).get(&3).is_some_and(|p| p[0] != three));
    assert!(back, "{:?}\n{}", pids(prefix), hm.stderr());
    let now = pids(prefix);
    assert!([1, 2, 4].iter().all(|i| now[i] == after[i]), "the others were touched: {after:?} {now:?}");
    let killed = || {
        let doc = t.run(&["why", "api@3", "--all", "--json"]).json();
        doc["deaths"].as_array().and_then(|d| d.iter().find(|d| d["pid"] == three).cloned())
    };
    let all = || t.run(&["why", "api@3", "--all", "--json"]).stdout;
    assert!(within(Duration::from_secs(5), || killed().is_some()), "{three}: {}\n{}", all(), hm.stderr());
    let d = killed().expect("its death");
    assert_eq!((d["monitor"].as_str(), d["signal"].as_str()), (Some("api@3"), Some("SIGKILL")), "{d:#}");
    let tail = d["tail"].as_array().map(Vec::len).unwrap_or(0);
    assert!(tail > 0, "its log's last lines: {d:#}");
    // The pool's name: the last death among its instances.
    let last = t.run(&["why", "api", "--json"]).json();
    assert!(last["deaths"][0]["monitor"].as_str().is_some_and(|m| m.starts_with("api@")), "{last:#}");
    let log = std::fs::read_to_string(t.path("api-3.log")).expect("api@3's log");
    assert!(log.contains("served \"GET / HTTP"), "{log}");

    // Monit's port rule: api@4 frozen (alive, deaf) is killed and restarted.
    let four = now[&4][0];
    kill(Pid::from_raw(four), Signal::SIGSTOP).expect("SIGSTOP");
    let thawed =
        within(Duration::from_secs(20), || pids(prefix).get(&4).is_some_and(|p| p[0] != four) && answers(port(4)));
    assert!(thawed, "{:?}\n{}", pids(prefix), hm.stderr());

    // numprocs=2, `supervisorctl update`: a SIGHUP; then back to 4.
    std::fs::write(t.config_path(), config(&t, prefix, base, 2)).expect("config");
    hm.signal(Signal::SIGHUP);
    assert!(within(Duration::from_secs(10), || exactly(prefix, 2)), "{:?}\n{}", pids(prefix), hm.stderr());
    std::fs::write(t.config_path(), config(&t, prefix, base, 4)).expect("config");
    hm.signal(Signal::SIGHUP);
    assert!(within(Duration::from_secs(15), || all_answer(4)), "{:?}\n{}", pids(prefix), hm.stderr());
    let four = || t.run(&["status"]).stdout.contains("api: 4 of 4 running");
    assert!(within(Duration::from_secs(5), four), "{}", t.run(&["status"]).stdout);
    // A cycle that met the rolling restart's run lock checked, and said so.
    assert!(!hm.stderr().contains("error"), "{}", hm.stderr());
}

#[test]
fn issue29_a_heal_cycle_that_meets_a_held_run_lock_checks_and_stays_healthy() {
    use crate::common::daemon::{http, wait_port};
    use nix::fcntl::{Flock, FlockArg};
    let t = Test::new();
    let t = t.config(&super::pool("hm-test-pool-busy", 2, "").replace("start = ", "# start = "));
    t.run(&["check"]).code(2);
    // Another hm acting: the run lock held, as a long rolling restart holds it.
    let lock = std::fs::File::create(format!("{}.lock", t.db_path().display())).expect("lock file");
    let held = Flock::lock(lock, FlockArg::LockExclusive).expect("lock");
    let port = crate::common::receiver::free_port();
    let listen = format!("127.0.0.1:{port}");
    let hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "300ms", "--heal"]);
    wait_port(port, Duration::from_secs(10));
    let said = || hm.stderr().contains("warning: not healed this cycle: another hm run holds");
    assert!(within(Duration::from_secs(10), said), "{}\n{}", hm.stdout(), hm.stderr());
    let (code, body) = http("GET", &format!("http://{listen}/health"), None);
    assert_eq!(code, 200, "{body}");
    assert!(!hm.stderr().contains("hm: error"), "{}", hm.stderr());
    drop(held);
}
