//! A watched worker's death as hm saw it on this host: the certificate,
//! a plain record of what the host told (exit status, signal, OOM
//! evidence, the log's tail) and what hm measured before. It sits below
//! the store and the alerts, which keep and send it; `engine/death/`
//! writes it and `hm why` shows it.

use serde::{Deserialize, Serialize};

/// How one watched worker died, with the evidence: what `hm why` shows,
/// what each restart in `hm actions` answered, and what `healed` and
/// `firing` notifications carry as `death`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, schemars::JsonSchema)]
#[serde(default)]
pub(crate) struct Death {
    /// The monitor that watched it.
    pub monitor: String,
    /// When it died (RFC 3339).
    pub at: String,
    /// When it died (unix seconds).
    pub ts: f64,
    pub pid: u32,
    /// How long it had run, seconds; `None` when its start is unknown.
    pub uptime_s: Option<f64>,
    /// `exited 0`, `exited N`, `killed by SIGNAME`, `oom-killed`,
    /// `crash loop` (it died within `min_uptime` of its start), or
    /// `unknown` (its exit status could not be known: see `status_note`).
    pub cause: String,
    /// Its exit code, when it exited.
    pub exit_code: Option<i32>,
    /// The signal that killed it, by name (`SIGSEGV`).
    pub signal: Option<String>,
    /// Whether it dumped core.
    pub core_dumped: bool,
    /// Who told the exit status: `kernel` (the process-event connector),
    /// `wait` (waitpid: hm started it), `systemd` (a unit's main process),
    /// or `none`.
    pub status_from: String,
    /// Why the exit status is unknown: `exit status unknown (no
    /// process-event connector: not root)`, `exit status unknown (events
    /// lost)`, `exit status unknown (found dead by hm heal: ...)`.
    pub status_note: Option<String>,
    /// The evidence of an OOM kill: the kernel's line, or the memory
    /// cgroup's `oom_kill` counter before and after.
    pub oom: Option<String>,
    /// Why an OOM kill could not be ruled out or in (`OOM: unknown (no
    /// kernel log)`).
    pub oom_note: Option<String>,
    /// The last resident memory hm measured, bytes.
    pub rss: Option<f64>,
    /// The last CPU % (of one core) hm measured.
    pub cpu: Option<f64>,
    /// Resident memory at the last checks, oldest first.
    pub rss_trend: Vec<f64>,
    /// CPU % at the last checks, oldest first.
    pub cpu_trend: Vec<f64>,
    /// The log the tail is from.
    pub log: Option<String>,
    /// Its last lines (at most 20), control characters escaped.
    pub tail: Vec<String>,
    /// Why there is no tail (no `log`, unreadable).
    pub tail_note: Option<String>,
    /// Restarts of its monitor in the 24 hours before it died.
    pub restarts_24h: usize,
}

impl Death {
    /// Its pid, or `unknown` (0: a run that found it dead knew none).
    pub(crate) fn pid_shown(&self) -> String {
        if self.pid == 0 { "unknown".into() } else { self.pid.to_string() }
    }

    /// One line for a chat, a mail or a page: cause, pid, uptime, evidence.
    pub(crate) fn line(&self) -> String {
        let mut s = format!("died {}: {} (pid {}", self.at, self.cause, self.pid_shown());
        if let Some(up) = self.uptime_s {
            s.push_str(&format!(", up {}", crate::units::format_duration(crate::units::secs(up))));
        }
        if let Some(sig) = &self.signal
            && !self.cause.contains(sig.as_str())
        {
            s.push_str(&format!(", {sig}"));
        }
        if let Some(code) = self.exit_code
            && !self.cause.starts_with("exited")
        {
            s.push_str(&format!(", exit {code}"));
        }
        if self.core_dumped {
            s.push_str(", core dumped");
        }
        s.push(')');
        if let Some(note) = &self.status_note {
            s.push_str(&format!("; {note}"));
        }
        if let Some(oom) = &self.oom {
            s.push_str(&format!("; {oom}"));
        }
        s
    }
}
