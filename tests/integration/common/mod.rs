//! The `Test` builder: a temp dir with its own config and state paths, and
//! the real `hm` binary run inside it, as an operator would run it.
#![allow(dead_code)]

pub(crate) mod daemon;
pub(crate) mod http_worker;
pub(crate) mod receiver;
pub(crate) mod renamed;
pub(crate) mod security;

use std::ffi::OsString;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub(crate) struct Test {
    dir: tempfile::TempDir,
    env: Vec<(String, OsString)>,
    uid: Option<u32>,
}

/// What one run of hm gave.
#[derive(Debug)]
pub(crate) struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Assert the exit code, showing everything on failure.
    #[track_caller]
    pub(crate) fn code(&self, expected: i32) -> &Output {
        assert_eq!(self.code, expected, "exit code\nstdout:\n{}\nstderr:\n{}", self.stdout, self.stderr);
        self
    }

    /// stdout as JSON.
    #[track_caller]
    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }

    /// The error line: exactly one line on stderr, no panic, no backtrace.
    #[track_caller]
    pub(crate) fn one_line_error(&self) -> &str {
        let err = self.stderr.trim_end();
        assert_eq!(err.lines().count(), 1, "expected a one-line error, got:\n{}", self.stderr);
        assert!(err.starts_with("hm: error: "), "{err}");
        assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "{err}");
        err
    }
}

impl Test {
    pub(crate) fn new() -> Test {
        let dir = tempfile::tempdir().expect("tempdir");
        // World-readable, so a test can run hm as an unprivileged user.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let p = dir.path();
        let env = vec![
            ("XDG_CONFIG_HOME".to_string(), p.join("config").into_os_string()),
            ("XDG_STATE_HOME".to_string(), p.join("state").into_os_string()),
            ("HOME".to_string(), p.as_os_str().to_owned()),
            ("NO_COLOR".to_string(), "1".into()),
        ];
        Test { dir, env, uid: None }
    }

    pub(crate) fn root(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Where hm looks for its config by default in this test.
    pub(crate) fn config_path(&self) -> PathBuf {
        self.path("config/hm/hm.toml")
    }

    /// Where hm keeps its database by default in this test.
    pub(crate) fn db_path(&self) -> PathBuf {
        self.path("state/hm/hm.db")
    }

    /// Write the default config file.
    pub(crate) fn config(self, text: &str) -> Test {
        let path = self.config_path();
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write config");
        self
    }

    pub(crate) fn env(mut self, key: &str, value: impl Into<OsString>) -> Test {
        self.env.push((key.to_string(), value.into()));
        self
    }

    /// Run hm as this user id (tests running as root use it to lose root's
    /// power to ignore permissions).
    pub(crate) fn uid(mut self, uid: u32) -> Test {
        self.uid = Some(uid);
        self
    }

    pub(crate) fn command(&self, args: &[&str]) -> Command {
        let mut bin = PathBuf::from(env!("CARGO_BIN_EXE_hm"));
        if self.uid.is_some() {
            // The build directory may sit under a home only root can enter.
            let copy = self.path("hm-bin");
            if !copy.exists() {
                copy_exe(&bin, &copy);
            }
            bin = copy;
        }
        let mut cmd = Command::new(bin);
        cmd.args(args).current_dir(self.dir.path()).env_remove("HM_CONFIG").env_remove("HM_DB");
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        if let Some(uid) = self.uid {
            use std::os::unix::process::CommandExt;
            cmd.uid(uid).gid(uid);
        }
        cmd
    }

    pub(crate) fn run(&self, args: &[&str]) -> Output {
        let out = self.command(args).stdin(Stdio::null()).output().expect("run hm");
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// Copy an executable that this process runs next. `cp` writes it, not this
/// process: a file this process held open for writing would be inherited by
/// the fork of any other test thread starting a process at that moment, and
/// running the copy fails with ETXTBSY (text file busy) until that child
/// execs. With every test in one binary such forks are always near.
pub(crate) fn copy_exe(from: &Path, to: &Path) {
    let status = Command::new("cp").arg("--").arg(from).arg(to).status().expect("run cp");
    assert!(status.success(), "cp {} {}: {status}", from.display(), to.display());
}

/// A real process with a recognisable command line, killed when dropped.
pub(crate) struct Worker(pub Child);

impl Worker {
    /// `sleep` whose argv\[0\] is `argv0` (so `/proc/PID/cmdline` shows it).
    pub(crate) fn spawn(argv0: &str) -> Worker {
        use std::os::unix::process::CommandExt;
        let child = Command::new("sleep")
            .arg0(argv0)
            .arg("600")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn worker");
        // Wait until the exec is visible in /proc.
        for _ in 0..200 {
            let cmdline = std::fs::read(format!("/proc/{}/cmdline", child.id())).unwrap_or_default();
            if cmdline.starts_with(argv0.as_bytes()) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        Worker(child)
    }

    pub(crate) fn pid(&self) -> u32 {
        self.0.id()
    }

    pub(crate) fn kill(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Whether the tests run as root.
pub(crate) fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("Uid:")).map(|l| l.split_whitespace().nth(2) == Some("0")))
        .unwrap_or(false)
}

/// The result with this monitor's name in a `check --json` document.
#[track_caller]
pub(crate) fn result<'a>(doc: &'a serde_json::Value, monitor: &str) -> &'a serde_json::Value {
    doc["results"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["monitor"] == monitor))
        .unwrap_or_else(|| panic!("no result for {monitor} in {doc:#}"))
}

/// Whether an outside tool is installed. Locally a missing tool skips the
/// test, loudly; under `CI=true` it is a failure.
pub(crate) fn have_tool(tool: &str) -> bool {
    // Looked up on PATH, not run: some tools (chromedriver) take any
    // unknown flag as "start serving" and never exit.
    let found = std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| {
            std::fs::metadata(dir.join(tool)).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
    });
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{tool} is not installed, and CI=true: install it (.ci/run does)"
        );
        eprintln!("SKIPPED: {tool} is not installed");
    }
    found
}

/// Assert that Prometheus's `promtool check metrics` accepts `text`
/// (nothing checked, and SKIPPED said, where promtool is missing).
#[track_caller]
pub(crate) fn promtool_accepts(text: &str) {
    if !have_tool("promtool") {
        return;
    }
    let check = pipe("promtool", &["check", "metrics"], text.as_bytes());
    assert!(
        check.status.success(),
        "promtool check metrics:\n{}{}\nmetrics:\n{text}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
}

/// Run an outside program with `input` on its stdin.
pub(crate) fn pipe(program: &str, args: &[&str], input: &[u8]) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input).expect("write stdin");
    }
    child.wait_with_output().expect("wait")
}

/// Make the test's heartbeat file `beat` `age_s` seconds old (0: fresh).
pub(crate) fn beat(t: &Test, age_s: u64) {
    aged_file(&t.path("beat"), 0, std::time::Duration::from_secs(age_s));
}

/// A file of `bytes` bytes last modified `age` ago, with its parent
/// directories: old logs for clean rules, stale heartbeats.
pub(crate) fn aged_file(path: &Path, bytes: usize, age: std::time::Duration) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, vec![b'x'; bytes]).expect("write");
    let f = std::fs::File::options().write(true).open(path).expect("open");
    f.set_modified(std::time::SystemTime::now() - age).expect("mtime");
}

/// A `[[monitor]]` named `hb` on the test's `beat` file: warning after 20 s, critical after 40 s.
pub(crate) fn hb_monitor(t: &Test) -> String {
    format!(
        "[[monitor]]\nname = \"hb\"\nkind = \"heartbeat\"\nfile = \"{}\"\nwarn = \"20s\"\ncrit = \"40s\"\n",
        t.path("beat").display()
    )
}

/// A monitor whose check hangs past its `timeout` (about 5 s): a `tmux`
/// monitor whose socket's server accepts and never answers, and tmux is
/// given 5 s. (A FIFO named as a database does not hang: hm opens what
/// it watches `O_PATH` or `O_NONBLOCK` and refuses what is not a file.)
/// `None`, after SKIPPED, without tmux. Keep the listener while it hangs.
pub(crate) fn hanging_monitor(
    t: &Test,
    name: &str,
    timeout: &str,
) -> Option<(String, std::os::unix::net::UnixListener)> {
    if !have_tool("tmux") {
        return None;
    }
    let socket = t.path(&format!("{name}.sock"));
    let listener = std::os::unix::net::UnixListener::bind(&socket).expect("bind");
    let monitor = format!(
        "[[monitor]]\nname = \"{name}\"\nkind = \"tmux\"\nsession = \"jobs\"\nsocket = \"{}\"\ntimeout = \"{timeout}\"\n",
        socket.display()
    );
    Some((monitor, listener))
}

/// Kill (SIGKILL) the processes whose command line starts with `prefix`;
/// how many there were.
pub(crate) fn kill_procs(prefix: &[u8]) -> usize {
    let pids: Vec<i32> = std::fs::read_dir("/proc")
        .expect("proc")
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .filter(|pid: &i32| std::fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|c| c.starts_with(prefix)))
        .collect();
    for pid in &pids {
        let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(*pid), nix::sys::signal::Signal::SIGKILL);
    }
    pids.len()
}

/// The pids whose command line starts with `prefix` (zombies have none).
pub(crate) fn procs(prefix: &str) -> Vec<i32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|n| n.parse::<i32>().ok()) else { continue };
        if std::fs::read(e.path().join("cmdline")).is_ok_and(|c| c.starts_with(prefix.as_bytes())) {
            out.push(pid);
        }
    }
    out
}

/// Poll `f` every 5 ms until it says something, or `within` is over.
pub(crate) fn until<T>(within: std::time::Duration, f: impl Fn() -> Option<T>) -> Option<T> {
    let start = std::time::Instant::now();
    loop {
        if let Some(v) = f() {
            return Some(v);
        }
        if start.elapsed() > within {
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}
