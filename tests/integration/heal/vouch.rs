//! Any check can vouch for a worker (issue 29 §2, Monit's `if failed port
//! then restart`): an `http` monitor with `worker = "web"` that fails gets
//! `web`'s live worker restarted. The worker is a real HTTP server frozen
//! with SIGSTOP: alive, listening, answering nothing, and deaf to SIGTERM
//! (its handler cannot run), so only the SIGKILL after `grace` stops it.

use crate::common::http_worker::{answers, python, script};
use crate::common::receiver::free_port;
use crate::common::{Test, have_tool, until};
use crate::record_first::{Cleanup, pids_of};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use std::time::Duration;

#[test]
fn issue29_a_frozen_http_worker_is_killed_after_grace_and_restarted_by_its_http_check() {
    if !have_tool("python3") {
        return;
    }
    let argv0 = "hm-test-i29-web";
    let _c = Cleanup(&[argv0]);
    let t = Test::new();
    let script = script(&t);
    let port = free_port();
    let python = python();
    let start = format!("exec -a {argv0} {python} {} {port}", script.display());
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"web\"\nkind = \"process\"\npattern = \"^{argv0} \"\n\
         start = [\"bash\", \"-c\", \"{start}\"]\nrestart_delay = \"1s\"\ngrace = \"1s\"\n\n\
         [[monitor]]\nname = \"web-http\"\nkind = \"http\"\nurl = \"http://127.0.0.1:{port}/\"\ntimeout = \"1s\"\n\
         worker = \"web\"\n"
    ));
    let ok = std::process::Command::new("setsid")
        .args(["-f", "bash", "-c", &start])
        .stdout(std::process::Stdio::null())
        .status()
        .expect("setsid");
    assert!(ok.success());
    let old = until(Duration::from_secs(10), || pids_of(argv0).first().copied()).expect("the server started");
    until(Duration::from_secs(10), || answers(port).then_some(())).expect("the server answers");
    t.run(&["check"]).code(0);

    kill(Pid::from_raw(i32::try_from(old).expect("pid")), Signal::SIGSTOP).expect("SIGSTOP");
    let doc = t.run(&["heal", "--json"]).json();
    let before = crate::common::result(&doc["before"], "web-http");
    assert_eq!(before["status"], "critical", "{doc:#}");
    assert_eq!(crate::common::result(&doc["before"], "web")["status"], "ok", "alive, only frozen: {doc:#}");
    let remedies = doc["remedies"].as_array().expect("remedies");
    assert_eq!(remedies.len(), 1, "{doc:#}");
    let r = &remedies[0];
    assert_eq!((r["monitor"].as_str(), r["outcome"].as_str()), (Some("web-http"), Some("restarted")), "{doc:#}");
    let details = r["details"].as_str().expect("details");
    assert!(details.contains("http web-http critical"), "the reason comes first: {details}");
    assert!(details.contains(&format!("pid {old} killed after")), "SIGTERM cannot stop it: {details}");
    let new = pids_of(argv0);
    assert_eq!(new.len(), 1, "{new:?}");
    assert_ne!(new[0], old);
    until(Duration::from_secs(10), || answers(port).then_some(())).expect("the new server answers");
    assert_eq!(doc["after"]["status"], "ok", "{doc:#}");
    // Recorded as the restart of `web`, with why.
    let actions = t.run(&["actions", "--json"]).json();
    let rows: Vec<_> = actions["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .filter(|a| a["action"] == "restart" && a["monitor"] == "web")
        .collect();
    assert_eq!(rows.len(), 1, "{actions:#}");
    assert_eq!(rows[0]["outcome"], "ok", "{actions:#}");
    // Just restarted, but it answered (the heal's check after): freezing
    // now is a real failure, not a slow start, and `min_uptime` is not
    // waited out (a worker that never answered does wait: heal/startup.rs).
    kill(Pid::from_raw(i32::try_from(new[0]).expect("pid")), Signal::SIGSTOP).expect("SIGSTOP");
    let doc = t.run(&["heal", "--json"]).json();
    assert_eq!(doc["remedies"][0]["outcome"], "restarted", "{doc:#}");
    let again = pids_of(argv0);
    assert_eq!(again.len(), 1, "{again:?}");
    assert_ne!(again, new);
}
