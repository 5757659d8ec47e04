//! Issue 26: stuck means a job is running and silent. A session whose
//! pane sits at a real `bash` prompt is idle: ok, and never sent keys,
//! however long it stays silent. A silent job typed at that prompt (a
//! program, or a script, which tmux names `bash` while it runs) still
//! gets Ctrl+C.

use super::{Server, monitor};
use crate::common::{Test, have_tool, result};
use std::process::Command;
use std::time::{Duration, Instant};

fn tmux(server: &Server, args: &[&str]) -> String {
    let out = Command::new("tmux").arg("-S").arg(&server.socket).args(args).output().expect("tmux");
    assert!(out.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Start the session `name` at an interactive `bash` prompt (no rc
/// files) whose SIGINTs are noted in the file `int-NAME`: bash at its
/// prompt catches SIGINT itself (it gets Ctrl+C when nothing else runs).
fn at_prompt(server: &Server, name: &str) {
    let status = Command::new("tmux")
        .args(["-f", "/dev/null", "-S"])
        .arg(&server.socket)
        .args(["new-session", "-d", "-x", "80", "-y", "24", "-s", name, "bash --norc --noprofile"])
        .status()
        .expect("tmux");
    assert!(status.success());
    let trap = format!("trap 'echo int >> {}' INT; clear", server.mark(name).display());
    tmux(server, &["send-keys", "-t", &format!("={name}:"), &trap, "Enter"]);
    wait_for(server, name, |screen| screen.trim_start().starts_with("bash") && !screen.contains("trap"));
}

fn screen(server: &Server, name: &str) -> String {
    tmux(server, &["capture-pane", "-p", "-t", &format!("={name}:")])
}

fn wait_for(server: &Server, name: &str, what: impl Fn(&str) -> bool) {
    let start = Instant::now();
    while !what(&screen(server, name)) {
        assert!(start.elapsed() < Duration::from_secs(10), "{}", screen(server, name));
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn with_monitor(t: Test, server: &Server, session: &str) -> Test {
    let extra = "stuck_after = \"1s\"\nsettle = \"300ms\"\nmax_restarts = 20";
    t.config(&format!("host_defaults = false\n\n{}", monitor(session, session, &server.socket, extra)))
}

#[test]
fn issue26_a_session_at_a_bash_prompt_for_three_stuck_afters_gets_no_keys_and_stays_ok() {
    if !have_tool("tmux") || !have_tool("bash") {
        return;
    }
    let t = Test::new();
    let server = Server::new(&t);
    at_prompt(&server, "idle");
    let t = with_monitor(t, &server, "idle");
    let before = screen(&server, "idle");
    // Before the fix: critical after 1s, Ctrl+C at every heal, then "gave up".
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(3500) {
        let out = t.run(&["heal", "--json"]);
        let doc = out.json();
        assert_eq!(result(&doc["before"], "idle")["status"], "ok", "{doc:#}");
        assert_eq!(doc["remedies"], serde_json::json!([]), "{doc:#}");
        out.code(0);
        std::thread::sleep(Duration::from_millis(300));
    }
    let out = t.run(&["check", "--json"]);
    out.code(0);
    assert_eq!(result(&out.json(), "idle")["message"], "idle at a prompt (bash)");
    assert_eq!(server.interrupts("idle"), 0);
    assert_eq!(screen(&server, "idle"), before, "no key reached the prompt");
    assert_eq!(t.run(&["actions", "--json"]).json()["actions"], serde_json::json!([]));
}

#[test]
fn issue26_a_silent_job_typed_at_the_prompt_still_gets_ctrl_c() {
    if !have_tool("tmux") || !have_tool("bash") {
        return;
    }
    let t = Test::new();
    let server = Server::new(&t);
    at_prompt(&server, "job");
    // A script, whose foreground process tmux names `bash`, then a program.
    let script = t.path("job.sh");
    std::fs::write(&script, "#!/bin/bash\nsleep 1000\n").expect("script");
    let mode = std::os::unix::fs::PermissionsExt::from_mode(0o755);
    std::fs::set_permissions(&script, mode).expect("chmod");
    let t = with_monitor(t, &server, "job");
    for job in [script.display().to_string(), "sleep 1000".to_string()] {
        tmux(&server, &["send-keys", "-t", "=job:", "clear", "Enter"]);
        std::thread::sleep(Duration::from_millis(200));
        tmux(&server, &["send-keys", "-t", "=job:", &job, "Enter"]);
        let current = || tmux(&server, &["display-message", "-p", "-t", "=job:", "#{pane_current_command}"]);
        let start = Instant::now();
        while current().trim() == "bash" && job.starts_with("sleep") {
            assert!(start.elapsed() < Duration::from_secs(10));
            std::thread::sleep(Duration::from_millis(50));
        }
        std::thread::sleep(Duration::from_millis(1300));
        let out = t.run(&["check", "--json"]);
        out.code(2);
        let msg = result(&out.json(), "job")["message"].as_str().expect("msg").to_string();
        assert!(msg.starts_with("stuck: job printed nothing for "), "{job}: {msg}");
        let doc = t.run(&["heal", "--json"]).json();
        let r = &doc["remedies"][0];
        assert_eq!(r["outcome"], "unstuck", "{job}: {doc:#}");
        assert!(r["details"].as_str().expect("details").starts_with("job: sent C-c; printed again"), "{doc:#}");
        // Back at the prompt: idle again, and the next heal sends nothing.
        let out = t.run(&["heal", "--json"]);
        let doc = out.json();
        assert_eq!(doc["remedies"], serde_json::json!([]), "{job}: {doc:#}");
        assert_eq!(result(&doc["before"], "job")["message"], "idle at a prompt (bash)", "{doc:#}");
    }
    assert_eq!(server.interrupts("job"), 0, "the jobs got Ctrl+C, not the shell");
}

#[test]
fn issue26_busy_if_makes_a_silent_session_at_a_prompt_stuck() {
    if !have_tool("tmux") || !have_tool("bash") {
        return;
    }
    let t = Test::new();
    let server = Server::new(&t);
    at_prompt(&server, "repl");
    // `hm add` writes it as an argv; it is told the session.
    let t = t.config("host_defaults = false\n");
    let has_task = t.path("has-task");
    let socket = server.socket.display().to_string();
    let busy_if = format!("test -e {} -a \"$HM_SESSION\" = repl", has_task.display());
    t.run(&["add", "tmux", "repl", "--session", "repl", "--socket", &socket, "--stuck-after", "1s"]).code(0);
    t.run(&["add", "tmux", "r2", "--session", "repl", "--socket", &socket, "--busy-if", "/bin/sh -c x"]).code(0);
    let text = std::fs::read_to_string(t.config_path()).expect("config");
    assert!(text.contains("busy_if = [\"/bin/sh\", \"-c\", \"x\"]\n"), "{text}");
    let good =
        text.replace("stuck_after = \"1s\"", &format!("stuck_after = \"1s\"\nbusy_if = {busy_if:?}\nshell = true"));
    // Validation names the file, the line and the field.
    std::fs::write(t.config_path(), good.replace("busy_if = [\"/bin/sh\", \"-c\", \"x\"]", "busy_if = \"x\""))
        .expect("w");
    let out = t.run(&["check"]);
    out.code(3);
    assert!(out.stderr.contains(": monitor[r2].busy_if: give the command as an argv array"), "{}", out.stderr);
    std::fs::write(t.config_path(), good.replace("busy_if = [\"/bin/sh\", \"-c\", \"x\"]", "busy_if = [\"false\"]"))
        .expect("w");

    std::thread::sleep(Duration::from_millis(1300));
    let out = t.run(&["check", "--json"]);
    out.code(0);
    assert_eq!(result(&out.json(), "repl")["message"], "idle at a prompt (bash)");
    assert_eq!(result(&out.json(), "r2")["message"], "idle at a prompt (bash)");
    // It has a task now, and prints nothing: stuck, and it gets Ctrl+C.
    std::fs::write(&has_task, "").expect("task");
    let out = t.run(&["heal", "--json"]);
    let doc = out.json();
    assert_eq!(result(&doc["before"], "repl")["status"], "critical", "{doc:#}");
    assert_eq!(result(&doc["before"], "r2")["status"], "ok", "{doc:#}");
    let remedies = doc["remedies"].as_array().expect("remedies");
    assert_eq!(remedies.len(), 1, "{doc:#}");
    assert_eq!(remedies[0]["remedy"], "unstick", "{doc:#}");
    assert_eq!(server.interrupts("repl"), 1);
}
