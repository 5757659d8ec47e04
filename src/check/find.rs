//! Finding a `process` monitor's processes: by name, command-line pattern,
//! pidfile or systemd unit, in the run's one process-table scan.
//!
//! What is found here may be signalled (restart, heal), so nothing is
//! taken on trust (issue 14):
//! - pid 1, hm itself and hm's ancestors are never found, however they
//!   match: a loose pattern once matched the shell that started hm.
//! - A match in the scan is confirmed on a fresh read of the process's
//!   start time, then its name and command line; it counts only if the
//!   details read afterwards show the same start time: a pid reused in
//!   between never inherits the match. (Only matches are read again: start
//!   times for the whole scan would double its cost.)
//! - A pidfile is believed only when trusted ([`super::pidfile`]), never
//!   about a process that started after it was written (its pid was
//!   reused), and only about a process with the monitor's `process` name
//!   or `pattern`, when it gives one.
//! - With `user`, only processes running as that user count.

use super::CheckCtx;
use super::pidfile::{self, PidfileError};
use crate::config::{Matcher, ProcessSpec};
use crate::host::{ProcEntry, ProcInfo, ProcNeeds};
use crate::status::Status;
use anyhow::{Result, bail};

/// What looking for a monitor's processes gave.
pub(crate) enum Found {
    Procs(Vec<ProcInfo>),
    /// Why no processes could be looked for; the check's status and message.
    Missing(Status, String),
    /// A pidfile that is not to be believed: reported, and nothing acts.
    Untrusted(String),
}

/// The running (not zombie) processes the monitor finds now; none when the
/// pidfile or unit cannot be read. For remedies, which act on these: an
/// untrusted pidfile is an error, so that nothing is signalled or started.
pub(crate) fn running(ctx: &CheckCtx<'_>, spec: &ProcessSpec) -> Result<Vec<ProcInfo>> {
    Ok(match find(ctx, spec)? {
        Found::Procs(p) => p.into_iter().filter(|p| !p.zombie).collect(),
        Found::Missing(..) => Vec::new(),
        Found::Untrusted(why) => bail!("{why}; nothing was signalled or started"),
    })
}

pub(crate) fn find(ctx: &CheckCtx<'_>, spec: &ProcessSpec) -> Result<Found> {
    let host = ctx.host;
    let protected = host.protected_pids();
    let both = ProcNeeds { cmdline: true, names: true };
    // Each candidate with the command line it matched on in the scan.
    let candidates: Vec<(u32, &str)> = match &spec.matcher {
        Matcher::Name(name) => {
            host.processes()?.iter().filter(|e| e.has_name(name)).map(|e| (e.pid, e.cmdline.as_str())).collect()
        }
        Matcher::Pattern(re) => ctx.patterns.matches(host, re)?.iter().map(|e| (e.pid, e.cmdline.as_str())).collect(),
        Matcher::Unit(unit) => {
            let info = match host.unit(unit) {
                Ok(i) => i,
                Err(e) => return Ok(Found::Missing(Status::Unknown, format!("{e:#}"))),
            };
            if info.active_state != "active" && info.active_state != "reloading" {
                return Ok(Found::Missing(Status::Critical, format!("unit {unit} is {}", info.active_state)));
            }
            let pids: Vec<(u32, Option<u64>)> = info.pids.iter().map(|&pid| (pid, None)).collect();
            return Ok(Found::Procs(details(ctx, spec, &protected, &pids)));
        }
        Matcher::Pidfile { path, is } => {
            let owners: Vec<u32> =
                std::iter::once(nix::unistd::geteuid().as_raw()).chain(spec.user.as_ref().map(|u| u.uid)).collect();
            let pf = match pidfile::read(path, &owners) {
                Ok(pf) => pf,
                Err(e @ PidfileError::NotTrusted { .. }) => return Ok(Found::Untrusted(e.to_string())),
                Err(e @ PidfileError::Unreadable { .. }) => return Ok(Found::Missing(Status::Unknown, e.to_string())),
                Err(e) => return Ok(Found::Missing(Status::Critical, e.to_string())),
            };
            let pid = pf.pid;
            if protected.contains(&pid) {
                return Ok(Found::Untrusted(format!(
                    "pidfile not trusted: {}: it names pid {pid}, which is init, hm or an ancestor of hm",
                    path.display()
                )));
            }
            let Some(entry) = host.entry(pid, both) else { return Ok(Found::Procs(Vec::new())) };
            if let Some(is) = is
                && !fits(ctx, is, &entry)?
            {
                return Ok(Found::Missing(
                    Status::Critical,
                    format!("pidfile {} names pid {pid} ({}), which is not {}", path.display(), entry.name, what(is)),
                ));
            }
            let procs = details(ctx, spec, &protected, &[(pid, entry.start_ticks)]);
            // A process that started after the pidfile was written did not
            // write it: its pid was reused. Never take it for the worker (a
            // restart would signal it). Start times are known to about a
            // second (the boot time is).
            let written_s = unix_secs(pf.written) + 2.0;
            return Ok(match procs.iter().find(|p| p.started_at > written_s) {
                Some(p) => Found::Missing(
                    Status::Critical,
                    format!("pidfile {} is stale: pid {pid} ({}) started after it was written", path.display(), p.name),
                ),
                None => Found::Procs(procs),
            });
        }
    };
    // The scan's match is confirmed on a fresh read bound to the process's
    // start time (checked in `details`), so a pid reused since the scan
    // read its command line never inherits the match.
    let mut confirmed = Vec::with_capacity(candidates.len());
    let needs = ProcNeeds { cmdline: true, names: matches!(spec.matcher, Matcher::Name(_)) };
    for (pid, scanned) in candidates.into_iter().filter(|(pid, _)| !protected.contains(pid)) {
        // The same command line read again matches as it did: only a
        // changed one is matched again (a whole set per process was a
        // sixth of a cycle, issue 18).
        let unchanged = |e: &ProcEntry| matches!(spec.matcher, Matcher::Pattern(_)) && e.cmdline == scanned;
        if let Some(e) = host.entry(pid, needs)
            && (unchanged(&e) || fits(ctx, &spec.matcher, &e)?)
        {
            confirmed.push((pid, e.start_ticks));
        }
    }
    Ok(Found::Procs(details(ctx, spec, &protected, &confirmed)))
}

/// The candidates read in detail, less the protected ones, those whose
/// start time changed since their command line was read, and those not
/// running as the monitor's `user`.
fn details(
    ctx: &CheckCtx<'_>,
    spec: &ProcessSpec,
    protected: &[u32],
    candidates: &[(u32, Option<u64>)],
) -> Vec<ProcInfo> {
    candidates
        .iter()
        .filter(|(pid, _)| !protected.contains(pid))
        .filter_map(|&(pid, start)| {
            // The uid is read between the two start times, so it is this
            // process's too.
            let uid = spec.user.as_ref().map(|_| ctx.host.uid(pid));
            let p = ctx.host.process(pid)?;
            let same = start.is_none_or(|s| s == p.start_ticks);
            let user_ok = match (&spec.user, uid) {
                (Some(u), Some(uid)) => uid == Some(u.uid),
                _ => true,
            };
            (same && user_ok).then_some(p)
        })
        .collect()
}

/// Whether `e` has the name or matches the pattern of `m`.
fn fits(ctx: &CheckCtx<'_>, m: &Matcher, e: &ProcEntry) -> Result<bool> {
    Ok(match m {
        Matcher::Name(name) => e.has_name(name),
        Matcher::Pattern(re) => ctx.patterns.is_match(re, &e.cmdline)?,
        _ => true,
    })
}

fn what(is: &Matcher) -> String {
    match is {
        Matcher::Name(name) => format!("process {name}"),
        Matcher::Pattern(re) => format!("matched by pattern {re}"),
        _ => "the worker".into(),
    }
}

fn unix_secs(t: std::time::SystemTime) -> f64 {
    t.duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64())
}
