//! A long-running hm (`hm run`, `hm serve`) as a real child process, with
//! its output in files and signals sent by the test; killed when dropped.

use super::Test;
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use std::process::{Child, ExitStatus, Stdio};
use std::time::{Duration, Instant};

pub(crate) struct Daemon {
    pub child: Child,
    out: std::path::PathBuf,
    err: std::path::PathBuf,
}

impl Daemon {
    /// Start `hm ARGS` in the test's directory; stdout and stderr go to files.
    pub(crate) fn start(t: &Test, args: &[&str]) -> Daemon {
        let mut cmd = t.command(args);
        cmd.stdin(Stdio::null());
        Daemon::spawn(t, args[0], cmd)
    }

    /// `cmd` (hm under some wrapper), its output kept as `start` keeps it.
    pub(crate) fn spawn(t: &Test, name: &str, mut cmd: std::process::Command) -> Daemon {
        let (out, err) = (t.path(&format!("daemon-{name}.out")), t.path(&format!("daemon-{name}.err")));
        let child = cmd
            .stdout(std::fs::File::create(&out).expect("out"))
            .stderr(std::fs::File::create(&err).expect("err"))
            .spawn()
            .expect("start hm");
        Daemon { child, out, err }
    }

    pub(crate) fn signal(&self, sig: Signal) {
        kill(Pid::from_raw(i32::try_from(self.child.id()).expect("pid")), sig).expect("signal");
    }

    pub(crate) fn stdout(&self) -> String {
        std::fs::read_to_string(&self.out).unwrap_or_default()
    }

    pub(crate) fn stderr(&self) -> String {
        std::fs::read_to_string(&self.err).unwrap_or_default()
    }

    /// Poll `cond` on (stdout, stderr) for up to `within`.
    #[track_caller]
    pub(crate) fn wait_for(&self, within: Duration, what: &str, cond: impl Fn(&str, &str) -> bool) {
        let start = Instant::now();
        while !cond(&self.stdout(), &self.stderr()) {
            assert!(
                start.elapsed() < within,
                "timed out waiting for {what}\nstdout:\n{}\nstderr:\n{}",
                self.stdout(),
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait for the process to exit, up to `within`.
    pub(crate) fn wait_exit(&mut self, within: Duration) -> Option<ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < within {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Wait until something accepts connections on 127.0.0.1:`port`.
#[track_caller]
pub(crate) fn wait_port(port: u16, within: Duration) {
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < within, "nothing listens on port {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// GET (or POST) a URL on 127.0.0.1: status and body.
pub(crate) fn http(method: &str, url: &str, token: Option<&str>) -> (u16, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let result = match method {
        "POST" => {
            let mut req = agent.post(url);
            if let Some(t) = token {
                req = req.header("Authorization", &format!("Bearer {t}"));
            }
            req.send_empty()
        }
        _ => agent.get(url).call(),
    };
    let mut resp = result.expect("request");
    let status = resp.status().as_u16();
    (status, resp.body_mut().read_to_string().unwrap_or_default())
}
