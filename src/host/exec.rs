//! Running commands for remedies: to completion with a timeout (stop
//! commands, `systemctl restart`), or detached (a worker's start command).
//!
//! Commands are argv arrays and run without a shell; a config that wants
//! one says `shell = true` and gets `/bin/sh -c` as argv\[0\] and \[1\].

use anyhow::{Context, Result, anyhow, bail};
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn command(argv: &[String]) -> Result<Command> {
    let (program, args) = argv.split_first().ok_or_else(|| anyhow!("empty command"))?;
    let mut cmd = Command::new(program);
    cmd.args(args).stdin(Stdio::null());
    Ok(cmd)
}

fn not_found(argv: &[String], e: std::io::Error) -> anyhow::Error {
    let program = argv.first().map_or("", String::as_str);
    match e.kind() {
        std::io::ErrorKind::NotFound => NotFound { program: program.to_string() }.into(),
        _ => anyhow!("cannot run {program}: {e}"),
    }
}

/// The program is not installed (not on `PATH`, or no such file): callers
/// that tell "cannot judge" from a failure branch on it (the tmux check).
#[derive(Debug, thiserror::Error)]
#[error("{program} not found")]
pub(crate) struct NotFound {
    pub program: String,
}

/// Run to completion and return its stdout, read as it comes (so a large
/// output cannot fill the pipe and stall the command); an error names the
/// exit status and stderr's first line.
pub(crate) fn output(argv: &[String], timeout: Duration) -> Result<String> {
    output_with(argv, None, &[], timeout)
}

/// What a finished command left.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Captured {
    /// The exit code; `None` when a signal ended it.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// A pipe read to its end on a thread of its own, into a buffer the
/// caller can take at any time.
struct Drain {
    buf: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    done: std::sync::mpsc::Receiver<()>,
}

impl Drain {
    fn start(pipe: Option<impl Read + Send + 'static>) -> Drain {
        let buf = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (tx, done) = std::sync::mpsc::channel();
        if let Some(mut p) = pipe {
            let b = buf.clone();
            std::thread::spawn(move || {
                let mut chunk = [0u8; 8192];
                while let Ok(n) = p.read(&mut chunk) {
                    if n == 0 {
                        break;
                    }
                    if let Ok(mut b) = b.lock() {
                        b.extend_from_slice(&chunk[..n]);
                    }
                }
                let _ = tx.send(());
            });
        }
        Drain { buf, done }
    }

    /// What was read, waiting until `deadline` for the writer's end: a
    /// background child the command left behind may hold the pipe open
    /// long after the command itself answered.
    fn take(self, deadline: Instant) -> String {
        let _ = self.done.recv_timeout(deadline.saturating_duration_since(Instant::now()));
        let bytes = self.buf.lock().map(|b| b.clone()).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

/// Run to completion within `timeout` (then it is killed and this is an
/// error), with `input` written to its stdin from a thread of its own (so
/// a command that does not read it cannot stall hm), extra environment
/// variables, and stdout and stderr read as they come (so a chatty command
/// cannot fill a pipe and stall). The command runs in a process group of
/// its own, and at the timeout the whole group is killed: a plugin's
/// children do not outlive it.
pub(crate) fn capture(
    argv: &[String],
    input: Option<&[u8]>,
    env: &[(&str, &str)],
    timeout: Duration,
) -> Result<Captured> {
    let mut cmd = command(argv)?;
    cmd.envs(env.iter().copied()).stdout(Stdio::piped()).stderr(Stdio::piped()).process_group(0);
    if input.is_some() {
        cmd.stdin(Stdio::piped());
    }
    let mut child = cmd.spawn().map_err(|e| not_found(argv, e))?;
    if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
        let input = input.to_vec();
        std::thread::spawn(move || {
            use std::io::Write;
            // A command that exits without reading all of it is its business.
            let _ = stdin.write_all(&input);
        });
    }
    // A pid the kernel gave out fits in an i32 (pid_max is at most 2^22).
    let group = i32::try_from(child.id()).context("the command's pid is out of range")?;
    let _running = Running::register(group);
    let (out, err) = (Drain::start(child.stdout.take()), Drain::start(child.stderr.take()));
    let start = Instant::now();
    let group = nix::unistd::Pid::from_raw(group);
    let status = loop {
        if let Some(status) = child.try_wait().context("cannot wait for the command")? {
            break status;
        }
        if start.elapsed() > timeout {
            let _ = nix::sys::signal::killpg(group, nix::sys::signal::Signal::SIGKILL);
            let _ = child.kill();
            let _ = child.wait();
            return Err(TimedOut { command: argv.join(" "), within: timeout }.into());
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    // The command answered; what it left running has until the timeout to
    // let go of its output, and is not waited for after that.
    let deadline = start + timeout;
    Ok(Captured { code: status.code(), stdout: out.take(deadline), stderr: err.take(deadline) })
}

/// A command killed at its timeout: callers that gave it a little less
/// than their own timeout say theirs (not "did not finish within 900ms"
/// for `timeout = "1s"`).
#[derive(Debug, thiserror::Error)]
#[error("`{command}` did not finish within {}", crate::units::format_duration(*within))]
pub(crate) struct TimedOut {
    pub command: String,
    pub within: Duration,
}

/// The process groups of the commands [`capture`] runs now. Each runs in a
/// group of its own, which a terminal's Ctrl-C (sent to hm's group) does
/// not reach and which would outlive hm: when hm is told to stop, it kills
/// them first ([`kill_running`]).
static RUNNING: std::sync::Mutex<Vec<i32>> = std::sync::Mutex::new(Vec::new());

/// One entry of [`RUNNING`], taken out when the command is done.
struct Running(i32);

impl Running {
    fn register(group: i32) -> Running {
        RUNNING.lock().unwrap_or_else(|p| p.into_inner()).push(group);
        Running(group)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.lock().unwrap_or_else(|p| p.into_inner()).retain(|g| *g != self.0);
    }
}

/// Kill the process group of every command running now (hm is stopping).
pub(crate) fn kill_running() {
    let groups = RUNNING.lock().unwrap_or_else(|p| p.into_inner()).clone();
    for g in groups {
        let _ = nix::sys::signal::killpg(nix::unistd::Pid::from_raw(g), nix::sys::signal::Signal::SIGKILL);
    }
}

/// How long a remedy under way may take to complete its record once hm
/// is told to stop: hm is gone within a second.
pub(crate) const RECORD_ON_STOP: Duration = Duration::from_millis(800);

/// For a one-shot command: on SIGINT or SIGTERM, kill the running
/// commands' groups, let a remedy under way record what it did (at most
/// [`RECORD_ON_STOP`]; its waits end at once, `host::stop`), then exit as
/// the signal would have (128 + its number).
pub(crate) fn stop_children_on_signal() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else { return };
    let _ = std::thread::Builder::new().name("hm-signals".into()).spawn(move || {
        if let Some(sig) = signals.forever().next() {
            super::stop::request();
            kill_running();
            super::stop::wait_idle(RECORD_ON_STOP);
            // Whatever the remedy ran meanwhile goes too.
            kill_running();
            std::process::exit(128 + sig);
        }
    });
}

/// [`output`], with input and environment as [`capture`] takes them.
pub(crate) fn output_with(
    argv: &[String],
    input: Option<&[u8]>,
    env: &[(&str, &str)],
    timeout: Duration,
) -> Result<String> {
    let c = capture(argv, input, env, timeout)?;
    if c.code == Some(0) {
        return Ok(c.stdout);
    }
    let first = c.stderr.lines().next().unwrap_or("").trim();
    let how = c.code.map_or_else(|| "killed by a signal".to_string(), |n| format!("exit status: {n}"));
    bail!("`{}` failed ({how}){}", argv.join(" "), if first.is_empty() { String::new() } else { format!(": {first}") })
}

/// Open a worker's log for appending. It may sit in a directory that its
/// worker's user owns while hm is root, so the path is walked from `/`
/// without following any symlink (a directory on the way swapped for one
/// would send the output into a root-owned file elsewhere), and
/// only a regular file with no other hard link is taken (`O_NONBLOCK`: a
/// FIFO put there fails at once instead of hanging hm).
pub(crate) fn open_log(path: &Path) -> Result<std::fs::File> {
    use crate::safe_path::{Symlinks, open_file};
    use nix::fcntl::OFlag;
    let flags = OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_APPEND;
    let opened = open_file(path, &[], Symlinks::Refuse, flags, nix::sys::stat::Mode::from_bits_truncate(0o640))
        .with_context(|| format!("cannot open the worker log {}", path.display()))?;
    if opened.stat.st_mode & 0o170000 != 0o100000 {
        bail!("the worker log {} is not a regular file", path.display());
    }
    if opened.stat.st_nlink > 1 {
        bail!("the worker log {} has other hard links; hm appends only to a file of its own", path.display());
    }
    Ok(std::fs::File::from(opened.fd))
}

/// Start detached: its own session (no controlling terminal, not killed
/// with hm's process group), output appended to `log`. Started by
/// `host::spawn`, which does not copy hm's memory as fork(2) would.
pub(crate) fn spawn_detached(argv: &[String], log: Option<&Path>, launch: &super::launch::Launch) -> Result<u32> {
    if argv.is_empty() {
        bail!("empty command");
    }
    let (prepared, env) = launch.prepare()?;
    let null = |write: bool| {
        std::fs::OpenOptions::new().read(!write).write(write).open("/dev/null").context("cannot open /dev/null")
    };
    let (out, err) = match log {
        Some(path) => {
            let file = open_log(path)?;
            let err = file.try_clone().with_context(|| format!("cannot open the worker log {}", path.display()))?;
            (file, err)
        }
        None => (null(true)?, null(true)?),
    };
    let plan = prepared.plan([null(false)?.into(), out.into(), err.into()])?;
    let pid = super::spawn::spawn(argv, &env, &plan).map_err(|e| not_found(argv, e))?;
    // Not reaped yet: its /proc entry is its own, zombie or not.
    let ticks = super::children::start_ticks(pid);
    if let Some(t) = ticks {
        super::children::spawned(pid, t);
    }
    // Reaped when it exits: else every worker that died would stay a zombie
    // of a long-running `hm run --heal`, and the process table that every
    // scan reads would grow by one per restart. Its status goes to its
    // death certificate (`host::children`).
    super::reaper::reap(pid, ticks);
    Ok(pid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn run_reports_failures_and_timeouts() {
        assert_eq!(output(&argv(&["echo", "hi"]), Duration::from_secs(5)).expect("echo"), "hi\n");
        let err = output(&argv(&["sh", "-c", "echo boom >&2; exit 3"]), Duration::from_secs(5)).expect_err("fails");
        assert!(err.to_string().ends_with(": boom"), "{err}");
        let err = output(&argv(&["sleep", "5"]), Duration::from_millis(100)).expect_err("times out");
        assert!(err.to_string().contains("did not finish"), "{err}");
        let err = output(&argv(&["/nonexistent/x"]), Duration::from_secs(1)).expect_err("missing");
        assert_eq!(err.to_string(), "/nonexistent/x not found");
    }

    #[test]
    fn input_and_environment_reach_the_command() {
        let out = output_with(
            &argv(&["sh", "-c", "printf %s \"$X:\"; cat"]),
            Some(b"data"),
            &[("X", "1")],
            Duration::from_secs(5),
        )
        .expect("sh");
        assert_eq!(out, "1:data");
        // A command that never reads its input still finishes.
        let big = vec![b'x'; 1 << 20];
        assert_eq!(output_with(&argv(&["true"]), Some(&big), &[], Duration::from_secs(5)).expect("true"), "");
    }

    #[test]
    fn detached_workers_get_their_own_session() {
        let pid = spawn_detached(&argv(&["sleep", "5"]), None, &Default::default()).expect("spawn");
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
        let after = &stat[stat.rfind(')').expect(")") + 2..];
        let session: u32 = after.split(' ').nth(3).expect("session").parse().expect("number");
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(i32::try_from(pid).expect("pid")),
            nix::sys::signal::Signal::SIGKILL,
        );
        assert_eq!(session, pid, "session leader");
    }
}
