//! The `tmux` check and its remedy against a real tmux server.

mod common;

use common::{Test, have_tool, result};
use std::time::Duration;

struct Server(std::path::PathBuf);

impl Drop for Server {
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
fn a_session_idle_past_its_limit_gets_ctrl_c() {
    if !have_tool("tmux") {
        return;
    }
    let t = Test::new();
    let socket = t.path("tmux.sock");
    let mark = t.path("interrupted");
    // A job that waits forever, silently, and notes when it is interrupted.
    let job = format!("trap 'echo yes > {}; exit' INT; while :; do sleep 1; done", mark.display());
    let status = std::process::Command::new("tmux")
        .arg("-S")
        .arg(&socket)
        .args(["new-session", "-d", "-s", "job", "bash", "-c", &job])
        .status()
        .expect("tmux");
    assert!(status.success());
    let _server = Server(socket.clone());
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"job\"\nkind = \"tmux\"\nsession = \"job\"\nsocket = \"{}\"\nstuck_after = \"1s\"\n",
        socket.display()
    ));
    t.run(&["check"]).code(0);
    std::thread::sleep(Duration::from_millis(2100));
    let out = t.run(&["check", "--json"]);
    out.code(2);
    assert!(result(&out.json(), "job")["message"].as_str().expect("msg").starts_with("stuck: job idle"));

    let out = t.run(&["heal", "--json"]);
    let doc = out.json();
    assert_eq!(doc["remedies"][0]["remedy"], "unstick", "{doc:#}");
    assert_eq!(doc["remedies"][0]["details"], "sent C-c to job");
    for _ in 0..100 {
        if mark.exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(std::fs::read_to_string(&mark).expect("the job got C-c"), "yes\n");
    assert_eq!(t.run(&["actions", "--json"]).json()["actions"][0]["action"], "unstick");
}

#[test]
fn no_server_and_missing_sessions() {
    if !have_tool("tmux") {
        return;
    }
    let t = Test::new();
    let socket = t.path("none.sock");
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"any\"\nkind = \"tmux\"\nsocket = \"{0}\"\n\n\
         [[monitor]]\nname = \"named\"\nkind = \"tmux\"\nsession = \"build\"\nsocket = \"{0}\"\n",
        socket.display()
    ));
    let out = t.run(&["check", "--json"]);
    out.code(2);
    let doc = out.json();
    assert_eq!(result(&doc, "any")["message"], "no tmux server");
    assert_eq!(result(&doc, "named")["message"], "no tmux server (session build expected)");
}
