//! Writing a death certificate: from what the watchers saw
//! (pid, start, when it died, the exit status the connector heard) and
//! what hm can read after (the kernel log, the memory cgroup's counter,
//! the worker's log, the history), the cause and its evidence.

use super::Gone;
use crate::config::{Monitor, Spec};
use crate::engine::report::Death;
use crate::host::oom;
use crate::safe_path::{Symlinks, open_file};
use crate::store::RestartsBy;
use crate::store::Store;
use crate::time::rfc3339;
use nix::fcntl::OFlag;
use nix::sys::signal::Signal;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::time::Duration;

/// The most of a log read from its end.
const TAIL_BYTES: u64 = 64 * 1024;
/// The lines of a log shown.
const TAIL_LINES: usize = 20;
/// The checks whose RSS and CPU make the trend.
const TREND: usize = 5;

/// How the exit status is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Status {
    /// wait(2)'s status, and who told it.
    Known(u32, Source),
    /// Not known: the certificate's note, saying why ("exit status
    /// unknown (events lost)").
    Unknown(String),
}

impl Status {
    /// Unknown, and why: `reason` in the note's parentheses.
    pub(crate) fn unknown(reason: &str) -> Status {
        Status::Unknown(format!("exit status unknown ({reason})"))
    }
}

/// Who told an exit status (`status.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// The kernel's process-event connector (root).
    Kernel,
    /// waitpid(2): hm started the worker itself.
    Child,
    /// systemd, of a unit's main process; whether it said `Result=oom-kill`.
    Unit { oom_kill: bool },
}

impl Source {
    /// As the certificate's `status_from` says it.
    fn as_str(self) -> &'static str {
        match self {
            Source::Kernel => "kernel",
            Source::Child => "wait",
            Source::Unit { .. } => "systemd",
        }
    }
}

/// The cause in words, from the status, the OOM evidence and the uptime.
pub(crate) fn cause(status: &Status, oom: bool, uptime: Option<f64>, min_uptime: Duration) -> String {
    if oom {
        return "oom-killed".into();
    }
    if uptime.is_some_and(|u| u < min_uptime.as_secs_f64()) {
        return "crash loop".into();
    }
    match status {
        Status::Known(s, _) if s & 0x7f == 0 => format!("exited {}", (s >> 8) & 0xff),
        Status::Known(s, _) => format!("killed by {}", signal_name(s & 0x7f)),
        Status::Unknown(_) => "unknown".into(),
    }
}

/// A signal's name (`SIGSEGV`), or its number.
pub(crate) fn signal_name(n: u32) -> String {
    i32::try_from(n)
        .ok()
        .and_then(|n| Signal::try_from(n).ok())
        .map_or_else(|| format!("signal {n}"), |s| s.as_str().to_string())
}

/// The certificate of `gone`, which `m` watched; `kernel` is where the
/// OOM killer's lines are read.
pub(super) fn write(
    gone: &Gone,
    status: Status,
    m: Option<&Monitor>,
    store: Option<&Store>,
    kernel: &mut oom::KernelLog,
) -> Death {
    let min_uptime = match m.map(|m| &m.spec) {
        Some(Spec::Process(p)) => p.min_uptime,
        _ => crate::config::kinds::process::DEFAULT_MIN_UPTIME,
    };
    let uptime = gone.started_at.map(|s| (gone.wall - s).max(0.0));
    let mut d = Death {
        monitor: gone.monitor.clone(),
        at: rfc3339(gone.at),
        ts: gone.at,
        pid: gone.pid,
        uptime_s: uptime,
        status_from: "none".into(),
        ..Death::default()
    };
    match &status {
        &Status::Known(s, from) => {
            d.status_from = from.as_str().into();
            if s & 0x7f == 0 {
                d.exit_code = i32::try_from((s >> 8) & 0xff).ok();
            } else {
                d.signal = Some(signal_name(s & 0x7f));
                d.core_dumped = s & 0x80 != 0;
            }
        }
        Status::Unknown(note) => d.status_note = Some(note.clone()),
    }
    // An OOM kill is a SIGKILL; an unknown status may be one too.
    let maybe_oom = match status {
        Status::Known(s, _) => s & 0x7f == 9,
        _ => true,
    };
    if let Status::Known(_, Source::Unit { oom_kill: true }) = status {
        d.oom = Some("systemd: Result=oom-kill".into());
    } else if maybe_oom {
        oom_evidence(gone, &mut d, kernel);
    }
    d.cause = cause(&status, d.oom.is_some(), uptime, min_uptime);
    // Stopped on purpose (`hm stop-worker` holds it down first): no crash.
    let held = store.and_then(|s| s.hold(&gone.monitor, gone.at).ok().flatten());
    if held.is_some_and(|h| h.kind == crate::store::HoldKind::Stopped && h.since <= gone.at) {
        d.cause = "stopped".into();
    }
    if let Some(log) = m.and_then(log_of) {
        d.log = Some(log.display().to_string());
        match tail(log) {
            Ok(lines) => d.tail = lines,
            Err(why) => d.tail_note = Some(why),
        }
    } else {
        d.tail_note = Some("no log: the monitor has no `log`".into());
    }
    if let Some(store) = store {
        history(store, &mut d);
    }
    d
}

fn oom_evidence(gone: &Gone, d: &mut Death, kernel: &mut oom::KernelLog) {
    match kernel.line_of(gone.pid) {
        Ok(Some(line)) => d.oom = Some(format!("kernel: {}", crate::text::escape(&line))),
        Ok(None) => {}
        Err(_) => d.oom_note = Some("OOM: unknown (no kernel log)".into()),
    }
    if let Some(before) = &gone.oom
        && let Some(after) = oom::reread(before)
        && after.kills > before.kills
        && d.oom.is_none()
    {
        d.oom = Some(format!("{}: oom_kill {} -> {}", before.file.display(), before.kills, after.kills));
    }
}

/// The log a started worker writes to.
fn log_of(m: &Monitor) -> Option<&Path> {
    match &m.spec {
        Spec::Process(p) => p.restart.as_ref()?.log.as_deref(),
        _ => None,
    }
}

/// The last lines of `path`, read through the safe walk, at most
/// [`TAIL_BYTES`] from its end, each escaped; `Err` says why not.
pub(crate) fn tail(path: &Path) -> Result<Vec<String>, String> {
    let opened = open_file(path, &[], Symlinks::Refuse, OFlag::O_RDONLY, nix::sys::stat::Mode::empty())
        .map_err(|e| format!("cannot read the log: {e}"))?;
    if opened.stat.st_mode & 0o170000 != 0o100000 {
        return Err(format!("cannot read the log: {} is not a regular file", path.display()));
    }
    // Its tail is shown to whoever reads `hm why`, a notification or
    // `/status`: never the tail of a file its directory's owner linked
    // there (another name of root's file, or root's file where others
    // could have put it), as for a worker's log everywhere else.
    if opened.stat.st_nlink > 1 {
        return Err(format!("cannot read the log: {} has other names (hard links)", path.display()));
    }
    if opened.stat.st_uid == 0
        && let Some(why) = &opened.untrusted
    {
        return Err(format!("cannot read the log: {} is root's, but {why}", path.display()));
    }
    let mut f = std::fs::File::from(opened.fd);
    let size = u64::try_from(opened.stat.st_size).unwrap_or(0);
    let from = size.saturating_sub(TAIL_BYTES);
    f.seek(SeekFrom::Start(from)).map_err(|e| format!("cannot read the log: {e}"))?;
    let mut buf = Vec::new();
    f.take(TAIL_BYTES).read_to_end(&mut buf).map_err(|e| format!("cannot read the log: {e}"))?;
    let text = String::from_utf8_lossy(&buf);
    let mut lines: Vec<&str> = text.lines().collect();
    if from > 0 && !lines.is_empty() {
        lines.remove(0); // cut in the middle
    }
    let skip = lines.len().saturating_sub(TAIL_LINES);
    Ok(lines[skip..].iter().map(|l| crate::text::escape(l).into_owned()).collect())
}

/// The last RSS and CPU measured, their trend, the restarts in 24 h.
fn history(store: &Store, d: &mut Death) {
    let since = d.ts - 3600.0;
    for (metric, last, trend) in [("rss", &mut d.rss, &mut d.rss_trend), ("cpu", &mut d.cpu, &mut d.cpu_trend)] {
        if let Ok(samples) = store.samples(&d.monitor, metric, since) {
            let skip = samples.len().saturating_sub(TREND);
            *trend = samples[skip..].iter().map(|(_, v)| *v).collect();
            *last = trend.last().copied();
        }
    }
    let restarts = store.restarts_since(&d.monitor, d.ts - 86_400.0, RestartsBy::Anyone).unwrap_or_default();
    d.restarts_24h = restarts.iter().filter(|t| **t <= d.ts).count();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn causes_in_words() {
        const K: Source = Source::Kernel;
        let min = Duration::from_secs(60);
        assert_eq!(cause(&Status::Known(0, K), false, Some(100.0), min), "exited 0");
        assert_eq!(cause(&Status::Known(3 << 8, K), false, Some(100.0), min), "exited 3");
        assert_eq!(cause(&Status::Known(9, K), false, Some(100.0), min), "killed by SIGKILL");
        assert_eq!(cause(&Status::Known(0x80 | 11, K), false, None, min), "killed by SIGSEGV");
        assert_eq!(cause(&Status::Known(9, K), true, Some(1.0), min), "oom-killed");
        assert_eq!(cause(&Status::Known(3 << 8, K), false, Some(1.0), min), "crash loop");
        assert_eq!(cause(&Status::unknown("not root"), false, Some(100.0), min), "unknown");
        assert_eq!(signal_name(200), "signal 200");
    }

    #[test]
    fn a_tail_is_the_last_lines_escaped_and_bounded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = dir.path().join("w.log");
        let mut text = String::new();
        for i in 0..10_000 {
            text.push_str(&format!("line {i}\n"));
        }
        text.push_str("bye \x1b[2J\n");
        std::fs::write(&log, text).expect("write");
        let lines = tail(&log).expect("tail");
        assert_eq!(lines.len(), TAIL_LINES);
        assert_eq!(lines[TAIL_LINES - 2], "line 9999");
        assert_eq!(lines[TAIL_LINES - 1], "bye \\x1b[2J");
        assert!(tail(&dir.path().join("none")).is_err_and(|e| e.starts_with("cannot read the log")));
    }

    #[test]
    fn issue28_a_log_with_another_name_or_roots_where_others_may_write_shows_no_tail() {
        let dir = tempfile::tempdir().expect("tempdir");
        let secret = dir.path().join("secret");
        std::fs::write(&secret, "password\n").expect("write");
        std::fs::hard_link(&secret, dir.path().join("w.log")).expect("link");
        let err = tail(&dir.path().join("w.log")).expect_err("a hard link");
        assert!(err.contains("has other names"), "{err}");
        if nix::unistd::geteuid().is_root() {
            let open = dir.path().join("open");
            std::fs::create_dir(&open).expect("mkdir");
            std::fs::set_permissions(&open, std::os::unix::fs::PermissionsExt::from_mode(0o777)).expect("chmod");
            std::fs::write(open.join("w.log"), "x\n").expect("write");
            let err = tail(&open.join("w.log")).expect_err("root's file where anyone may write");
            assert!(err.contains("is root's, but"), "{err}");
        }
    }
}
