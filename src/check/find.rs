//! Finding a `process` monitor's processes: by name, command-line pattern,
//! pidfile or systemd unit, in the run's one process-table scan.
//!
//! What is found here may be signalled (restart, heal), so nothing is
//! taken on trust:
//! - pid 1, hm itself and hm's ancestors are never found, however they
//!   match: a loose pattern could match the shell that started hm.
//! - A match in the scan counts only for the process the scan read: its
//!   details are read, then `/proc/PID` must still have the inode number
//!   the scan listed it under (`Host::listed`; a reused pid gets a new
//!   one). When that cannot be told, the match is confirmed on a fresh
//!   read of the process's start time, then its name and command line,
//!   and counts only if the details read afterwards show the same start
//!   time. Either way a pid reused in between never inherits the match.
//!   (Only matches are read again: start times for the whole scan would
//!   double its cost.) What a remedy signals is always confirmed afresh
//!   ([`running`]): in `hm run` the scan's command line may come from the
//!   cache (`host::proc_cache`), and a process that retitled itself since
//!   must not be signalled for a title it no longer has.
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
    Ok(match find_as(ctx, spec, Confirm::Afresh)? {
        Found::Procs(p) => p.into_iter().filter(|p| !p.zombie).collect(),
        Found::Missing(..) => Vec::new(),
        Found::Untrusted(why) => bail!("{why}; nothing was signalled or started"),
    })
}

/// How a match in the scan is confirmed.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Confirm {
    /// The process is still the one the scan read (`Host::listed`): enough
    /// to count it. Its command line may come from `hm run`'s cache, read
    /// minutes ago.
    Listed,
    /// Its command line is read again now: what a remedy signals must
    /// match now, not when the scan or the cache read it.
    Afresh,
}

/// The processes the monitor finds now, as a check counts them.
pub(crate) fn find(ctx: &CheckCtx<'_>, spec: &ProcessSpec) -> Result<Found> {
    find_as(ctx, spec, Confirm::Listed)
}

fn find_as(ctx: &CheckCtx<'_>, spec: &ProcessSpec, confirm: Confirm) -> Result<Found> {
    let host = ctx.host;
    let protected = host.protected_pids();
    let both = ProcNeeds { cmdline: true, names: true };
    // Each candidate as the scan read it.
    let candidates: Vec<&ProcEntry> = match &spec.matcher {
        Matcher::Name(name) => host.processes()?.iter().filter(|e| e.has_name(name)).collect(),
        Matcher::Pattern(re) => ctx.patterns.matches(host, re)?,
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
    // For a check, the scan's match holds when the process is still the
    // one the scan read (`Host::listed`), and its details are read then.
    // Otherwise (and always for a remedy) it is confirmed on a fresh read
    // bound to the process's start time (checked in `details`), so a pid
    // reused since the scan read its command line never inherits the match.
    let mut procs = Vec::with_capacity(candidates.len());
    let mut confirmed = Vec::new();
    let needs = ProcNeeds { cmdline: true, names: matches!(spec.matcher, Matcher::Name(_)) };
    for scanned in candidates.into_iter().filter(|e| !protected.contains(&e.pid)) {
        let pid = scanned.pid;
        // Read before the inode is checked again, so it is this process's too.
        let uid = spec.user.as_ref().map(|_| host.uid(pid));
        if let Some(p) = host.listed(scanned).filter(|_| confirm == Confirm::Listed) {
            if user_ok(spec, uid) {
                procs.push(p);
            }
            continue;
        }
        // The same command line read again matches as it did: only a
        // changed one is matched again (a whole set per process costs a
        // sixth of a cycle).
        let unchanged = |e: &ProcEntry| matches!(spec.matcher, Matcher::Pattern(_)) && e.cmdline == scanned.cmdline;
        if let Some(e) = host.entry(pid, needs)
            && (unchanged(&e) || fits(ctx, &spec.matcher, &e)?)
        {
            confirmed.push((pid, e.start_ticks));
        }
    }
    procs.extend(details(ctx, spec, &protected, &confirmed));
    procs.sort_unstable_by_key(|p| p.pid);
    Ok(Found::Procs(procs))
}

/// Whether `uid` (read for a monitor with `user`) is that user's.
fn user_ok(spec: &ProcessSpec, uid: Option<Option<u32>>) -> bool {
    match (&spec.user, uid) {
        (Some(u), Some(uid)) => uid == Some(u.uid),
        _ => true,
    }
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
            (same && user_ok(spec, uid)).then_some(p)
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
