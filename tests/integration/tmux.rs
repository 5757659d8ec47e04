//! The `tmux` check and its remedy against a real tmux server, on a
//! private socket (stuck means no output, not no keystrokes).
//!
//! Every session runs a bash script that notes each SIGINT it gets in a
//! file of its own, so a test sees exactly which sessions got Ctrl+C.

mod budget;
mod issue25;
mod issue26;

use crate::common::{Test, have_tool, result};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A tmux server of the test's own, killed with it.
pub(crate) struct Server {
    pub socket: PathBuf,
    dir: PathBuf,
    /// The tmux server's pid, once it runs: killed on drop even when the
    /// socket is already gone with the test's directory (a `Test` declared
    /// after its `Server` is dropped first, and `kill-server` then finds
    /// no server: four tmux servers outlived every run).
    pid: std::cell::Cell<Option<i32>>,
}

impl Server {
    pub(crate) fn new(t: &Test) -> Server {
        Server { socket: t.path("tmux.sock"), dir: t.root().to_path_buf(), pid: std::cell::Cell::new(None) }
    }

    /// Start the session `name` running `script` (bash), 80x24, no user
    /// config; `trap_int` is what it does on SIGINT besides noting it in
    /// the file `int-NAME`.
    pub(crate) fn session(&self, name: &str, script: &str, trap_int: &str) {
        let mark = self.mark(name);
        let body = format!("trap 'echo int >> {}; {trap_int}' INT; {script}", mark.display());
        let status = Command::new("tmux")
            .arg("-f")
            .arg("/dev/null")
            .arg("-S")
            .arg(&self.socket)
            .args(["new-session", "-d", "-x", "80", "-y", "24", "-s", name, "bash", "-c", &body])
            .status()
            .expect("tmux");
        assert!(status.success(), "tmux new-session {name}");
        if self.pid.get().is_none() {
            let out = Command::new("tmux")
                .arg("-S")
                .arg(&self.socket)
                .args(["display-message", "-p", "#{pid}"])
                .output()
                .expect("tmux");
            self.pid.set(String::from_utf8_lossy(&out.stdout).trim().parse().ok());
        }
    }

    pub(crate) fn mark(&self, name: &str) -> PathBuf {
        self.dir.join(format!("int-{name}"))
    }

    /// How many SIGINTs the session `name` got.
    pub(crate) fn interrupts(&self, name: &str) -> usize {
        std::fs::read_to_string(self.mark(name)).map_or(0, |s| s.lines().count())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("tmux").arg("-S").arg(&self.socket).arg("kill-server").stderr(Stdio::null()).status();
        // Only if that pid is still this tmux server (its socket is in its
        // command line): a pid reused by anything else is left alone.
        let socket = self.socket.to_string_lossy().into_owned();
        if let Some(pid) = self.pid.get()
            && std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|c| String::from_utf8_lossy(&c).contains(&socket) && c.starts_with(b"tmux"))
        {
            let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL);
        }
    }
}

/// Prints a line every half second, forever.
pub(crate) const BUSY: &str = "while :; do echo tick; sleep 0.5; done";
/// Prints one line, then nothing, forever.
pub(crate) const SILENT: &str = "echo task 42 started; while :; do sleep 1; done";

pub(crate) fn monitor(name: &str, session: &str, socket: &Path, extra: &str) -> String {
    format!(
        "[[monitor]]\nname = \"{name}\"\nkind = \"tmux\"\nsession = \"{session}\"\nsocket = \"{}\"\n{extra}\n",
        socket.display()
    )
}

#[test]
fn issue15_a_session_that_prints_is_never_stuck_and_never_gets_keys() {
    if !have_tool("tmux") {
        return;
    }
    let t = Test::new();
    let server = Server::new(&t);
    server.session("busy", BUSY, "");
    let t = t.config(&format!(
        "host_defaults = false\n\n{}",
        monitor("busy", "busy", &server.socket, "stuck_after = \"2s\"\nsettle = \"300ms\"")
    ));
    // Before the fix tmux's session_activity, which only typing moves,
    // made it "idle 3s" here, and `hm heal` sent it Ctrl+C.
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) {
        let out = t.run(&["heal", "--json"]);
        let doc = out.json();
        assert_eq!(result(&doc["before"], "busy")["status"], "ok", "{doc:#}");
        assert_eq!(doc["remedies"], serde_json::json!([]), "{doc:#}");
        out.code(0);
        std::thread::sleep(Duration::from_millis(500));
    }
    assert_eq!(server.interrupts("busy"), 0);
    let out = t.run(&["check", "--json"]);
    assert_eq!(result(&out.json(), "busy")["message"], "1 session printing");
}

#[test]
fn a_silent_session_gets_ctrl_c_then_on_stuck_with_its_context() {
    if !have_tool("tmux") {
        return;
    }
    let t = Test::new();
    let server = Server::new(&t);
    server.session("job", SILENT, "exit");
    let (env, stdin) = (t.path("on_stuck.env"), t.path("on_stuck.stdin"));
    let on_stuck = format!(
        "on_stuck = \"env | grep ^HM_ | sort > {}; cat > {}\"\nshell = true\nstuck_after = \"1s\"\nsettle = \"300ms\"",
        env.display(),
        stdin.display()
    );
    let t = t.config(&format!("host_defaults = false\n\n{}", monitor("job", "job", &server.socket, &on_stuck)));
    std::thread::sleep(Duration::from_millis(2100));
    let out = t.run(&["check", "--json"]);
    out.code(2);
    let msg = result(&out.json(), "job")["message"].as_str().expect("msg").to_string();
    assert!(msg.starts_with("stuck: job printed nothing for "), "{msg}");

    // A dry run sends nothing, runs nothing, records nothing.
    let doc = t.run(&["heal", "--dry-run", "--json"]).json();
    assert_eq!(doc["remedies"][0]["outcome"], "would unstick", "{doc:#}");
    assert!(doc["remedies"][0]["details"].as_str().expect("details").starts_with("job: would send C-c; would run"));
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(server.interrupts("job"), 0);
    assert!(!env.exists());
    assert_eq!(t.run(&["actions", "--json"]).json()["actions"], serde_json::json!([]));

    let doc = t.run(&["heal", "--json"]).json();
    let r = &doc["remedies"][0];
    assert_eq!((&r["remedy"], &r["outcome"]), (&"unstick".into(), &"unstuck".into()), "{doc:#}");
    let details = r["details"].as_str().expect("details");
    assert!(details.starts_with("job: sent C-c; the session ended; ran /bin/sh -c"), "{details}");
    assert_eq!(server.interrupts("job"), 1);
    let env = std::fs::read_to_string(&env).expect("on_stuck ran");
    let idle: u64 = env
        .lines()
        .find_map(|l| l.strip_prefix("HM_IDLE_SECONDS="))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no HM_IDLE_SECONDS: {env}"));
    assert!(idle >= 2, "{env}");
    for line in ["HM_MONITOR=job", "HM_SESSION=job", "HM_OUTCOME=unstuck"] {
        assert!(env.lines().any(|l| l == line), "{line} in {env}");
    }
    let tail = std::fs::read_to_string(&stdin).expect("stdin");
    assert_eq!(tail.lines().next(), Some("task 42 started"), "the pane's last lines: {tail}");
    let actions = t.run(&["actions", "--json"]).json();
    assert_eq!(actions["actions"][0]["action"], "unstick");
    assert_eq!(actions["actions"][0]["outcome"], "ok");
}

#[test]
fn a_glob_watches_each_matching_session_and_unsticks_each_on_its_own() {
    if !have_tool("tmux") {
        return;
    }
    let t = Test::new();
    let server = Server::new(&t);
    server.session("worker-1", BUSY, "");
    server.session("worker-2", SILENT, "exit");
    server.session("worker-3", SILENT, "exit");
    server.session("other", SILENT, "exit");
    let t = t.config(&format!(
        "host_defaults = false\n\n{}",
        monitor("workers", "worker-*", &server.socket, "stuck_after = \"2s\"\nsettle = \"300ms\"")
    ));
    std::thread::sleep(Duration::from_millis(2300));
    let out = t.run(&["check", "--json"]);
    out.code(2);
    let doc = out.json();
    let r = result(&doc, "workers");
    let msg = r["message"].as_str().expect("msg");
    assert!(msg.starts_with("stuck: worker-2 printed nothing for "), "{msg}");
    assert!(msg.contains(", worker-3 printed nothing for ") && !msg.contains("worker-1"), "{msg}");
    let metrics: Vec<&str> =
        r["metrics"].as_array().expect("metrics").iter().filter_map(|m| m["name"].as_str()).collect();
    assert_eq!(metrics, ["idle:worker-1", "idle:worker-2", "idle:worker-3"]);

    let doc = t.run(&["heal", "--json"]).json();
    let remedies = doc["remedies"].as_array().expect("remedies");
    assert_eq!(remedies.len(), 2, "{doc:#}");
    for (r, name) in remedies.iter().zip(["worker-2", "worker-3"]) {
        assert_eq!(r["outcome"], "unstuck", "{doc:#}");
        assert!(r["details"].as_str().expect("details").starts_with(&format!("{name}: sent C-c")), "{doc:#}");
    }
    let got: Vec<usize> = ["worker-1", "worker-2", "worker-3", "other"].iter().map(|n| server.interrupts(n)).collect();
    assert_eq!(got, [0, 1, 1, 0]);
    let actions = t.run(&["actions", "--json"]).json();
    assert_eq!(actions["actions"].as_array().map(Vec::len), Some(2));
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
