//! Any check can vouch for a worker (issue 29 §2, Monit's `if failed port
//! then restart`): an `http` monitor with `worker = "web"` that fails gets
//! `web`'s live worker restarted. The worker is a real HTTP server frozen
//! with SIGSTOP: alive, listening, answering nothing, and deaf to SIGTERM
//! (its handler cannot run), so only the SIGKILL after `grace` stops it.

use crate::common::receiver::free_port;
use crate::common::{Test, have_tool, until};
use crate::record_first::{kill_all, pids_of};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use std::time::Duration;

/// A server that answers `ok` and leaves on SIGTERM, as a real one does.
const SERVER: &str = r#"
import http.server, signal, sys
signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.end_headers(); self.wfile.write(b'ok')
    def log_message(self, *a):
        pass
http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
"#;

struct Cleanup(&'static str);
impl Drop for Cleanup {
    fn drop(&mut self) {
        kill_all(self.0);
    }
}

/// Whether the server answers 200 within a second.
fn answers(port: u16) -> bool {
    use std::io::{Read, Write};
    let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) else { return false };
    let _ = s.set_read_timeout(Some(Duration::from_secs(1)));
    let _ = s.write_all(b"GET / HTTP/1.0\r\n\r\n");
    let mut got = String::new();
    let _ = s.read_to_string(&mut got);
    got.starts_with("HTTP/1.0 200")
}

#[test]
fn issue29_a_frozen_http_worker_is_killed_after_grace_and_restarted_by_its_http_check() {
    if !have_tool("python3") {
        return;
    }
    let argv0 = "hm-test-i29-web";
    let _c = Cleanup(argv0);
    let t = Test::new();
    let script = t.path("server.py");
    std::fs::write(&script, SERVER).expect("script");
    let port = free_port();
    // The interpreter itself, not a wrapper (pyenv's shim) that would
    // exec it again and drop the name the monitor matches.
    let python = std::process::Command::new("python3").args(["-c", "import sys; print(sys.executable)"]).output();
    let python = String::from_utf8(python.expect("python3").stdout).expect("utf8").trim().to_string();
    let start = format!("exec -a {argv0} {python} {} {port}", script.display());
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"web\"\nkind = \"process\"\npattern = \"^{argv0} \"\n\
         start = [\"bash\", \"-c\", \"{start}\"]\nrestart_delay = \"1s\"\ngrace = \"1s\"\n\n\
         [[monitor]]\nname = \"web-http\"\nkind = \"http\"\nurl = \"http://127.0.0.1:{port}/\"\ntimeout = \"1s\"\n\
         worker = \"web\"\n"
    ));
    let ok = std::process::Command::new("setsid").args(["-f", "bash", "-c", &start]).status().expect("setsid");
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
