//! `process`: are the workers running, how many, and are they healthy?
//!
//! Processes are found ([`crate::check::find`]) by exact name, command-line regex,
//! pidfile or systemd unit in the one process-table scan shared by every
//! check of the run. hm never counts itself (its own command line contains
//! the pattern when run as `hm add ... --pattern`), its ancestors or pid 1.
//! Zombies are counted apart: a defunct worker is not a running one.
//!
//! Per-process CPU % uses the same trick as the `cpu` kind: each run stores
//! every matched process's CPU time keyed by pid *and start time* (so a
//! reused pid never yields a delta), and the next run divides the difference
//! by the elapsed time.
//!
//! Here: the check; its spec, keys and validation are `config::kinds::process`.

use crate::check::find::{Found, find};
use crate::check::{CheckCtx, CheckOutput, Metric, SAMPLE, level};
use crate::config::ProcessSpec;
use crate::host::ProcInfo;
use crate::status::Status;
use crate::units::format_bytes;
use anyhow::Result;

fn time_key(p: &ProcInfo) -> String {
    format!("proc.{}.{}.cpu_ms", p.pid, p.start_ticks)
}

fn pct_key(p: &ProcInfo) -> String {
    format!("proc.{}.{}.cpu_pct", p.pid, p.start_ticks)
}

/// Counters to store: key and value.
type Counters = Vec<(String, f64)>;

/// A window shorter than this gives CPU % in steps of a clock tick: too
/// coarse, so the last figure stands instead.
const MIN_WINDOW_S: f64 = 1.0;

/// CPU % (of one core) per process, and the counters to store. Known from
/// the stored counters when recent; for a process seen for the first time,
/// sampled briefly only when `sample` (the monitor has CPU thresholds),
/// else unknown until the next run.
fn cpu_percent(ctx: &CheckCtx<'_>, running: &[ProcInfo], sample: bool) -> (Vec<(u32, f64)>, Counters) {
    let mut known = Vec::new();
    let mut counters = Vec::new();
    let mut unseen = Vec::new();
    for p in running {
        match ctx.recent_counter(&time_key(p)) {
            Some(c) if ctx.now - c.ts >= MIN_WINDOW_S => {
                let pct = (p.cpu_time_ms as f64 - c.value).max(0.0) / ((ctx.now - c.ts) * 1000.0) * 100.0;
                known.push((p.pid, pct));
                counters.push((time_key(p), p.cpu_time_ms as f64));
                counters.push((pct_key(p), pct));
            }
            Some(_) => {
                if let Some(last) = ctx.recent_counter(&pct_key(p)) {
                    known.push((p.pid, last.value));
                }
            }
            None => {
                counters.push((time_key(p), p.cpu_time_ms as f64));
                unseen.push(p);
            }
        }
    }
    if sample && !unseen.is_empty() {
        std::thread::sleep(SAMPLE);
        for p in unseen {
            if let Some(q) = ctx.host.process(p.pid).filter(|q| q.start_ticks == p.start_ticks) {
                let pct = q.cpu_time_ms.saturating_sub(p.cpu_time_ms) as f64 / SAMPLE.as_secs_f64() / 10.0;
                known.push((p.pid, pct));
            }
        }
    }
    (known, counters)
}

pub(crate) fn check(ctx: &CheckCtx<'_>, spec: &ProcessSpec) -> Result<CheckOutput> {
    let matched = match find(ctx, spec)? {
        Found::Procs(p) => p,
        Found::Missing(status, message) => return Ok(CheckOutput { status, message, ..Default::default() }),
        Found::Untrusted(message) => {
            return Ok(CheckOutput { status: Status::Critical, message, ..Default::default() });
        }
    };
    let (zombies, running): (Vec<ProcInfo>, Vec<ProcInfo>) = matched.into_iter().partition(|p| p.zombie);
    let count = running.len() as u32;
    let mut statuses = Vec::new();
    let mut notes = Vec::new();
    if count < spec.min {
        statuses.push(Status::Critical);
        notes.push(if count == 0 {
            format!("none running, expected at least {}", spec.min)
        } else {
            format!("{count} running, expected at least {}", spec.min)
        });
    } else {
        let pids: Vec<String> = running.iter().take(5).map(|p| p.pid.to_string()).collect();
        let more = if running.len() > 5 { ", ..." } else { "" };
        notes.push(format!("{count} running (pid {}{more})", pids.join(", ")));
    }
    if let Some(max) = spec.max
        && count > max
    {
        statuses.push(Status::Warning);
        notes.push(format!("more than {max}"));
    }
    let mut metrics = vec![Metric::new("count", count as f64, "")];
    let z = Metric::new("zombies", zombies.len() as f64, "").limits(spec.zombies);
    if z.status() != Status::Ok {
        notes.push(format!("{} zombie{}", zombies.len(), if zombies.len() == 1 { "" } else { "s" }));
    }
    metrics.push(z);
    let mut counters = Vec::new();
    if !running.is_empty() {
        let sample = spec.cpu.warn.is_some() || spec.cpu.crit.is_some();
        let (cpu, to_store) = cpu_percent(ctx, &running, sample);
        counters = to_store;
        if let Some((pid, pct)) = cpu.iter().max_by(|a, b| a.1.total_cmp(&b.1)) {
            let m = Metric::new("cpu", *pct, "%").limits(spec.cpu);
            if m.status() != Status::Ok {
                notes.push(format!("pid {pid} at {pct:.1}% CPU"));
            }
            metrics.push(m);
        }
        if let Some(p) = running.iter().max_by_key(|p| p.rss) {
            let m = Metric::new("rss", p.rss as f64, "B").limits(spec.rss);
            if level(p.rss as f64, spec.rss) != Status::Ok {
                notes.push(format!("pid {} uses {}", p.pid, format_bytes(p.rss as f64)));
            }
            metrics.push(m);
        }
        let youngest = running.iter().map(|p| p.started_at).fold(0.0, f64::max);
        metrics.push(Metric::new("uptime", (ctx.now - youngest).max(0.0), "s"));
    }
    let mut out = CheckOutput::from_metrics(notes.join(", "), metrics);
    out.status = Status::worst_of(statuses.into_iter().chain([out.status]));
    out.counters = counters;
    // Not the zombies: they are dead already (a zombie's pidfd is readable
    // at once, and watching one would check the monitor again and again).
    out.procs = running.iter().map(|p| (p.pid, p.start_ticks)).collect();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Inputs;
    use crate::config::{Limits, Matcher};
    use crate::host::ProcEntry;
    use crate::host::fake::FakeHost;

    fn host(procs: &[(u32, &str, bool)]) -> FakeHost {
        FakeHost {
            entries: procs
                .iter()
                .map(|(pid, cmdline, zombie)| ProcEntry {
                    pid: *pid,
                    name: cmdline.split(' ').next().unwrap_or("").to_string(),
                    cmdline: if *zombie { String::new() } else { cmdline.to_string() },
                    start_ticks: Some(100),
                    ino: 0,
                })
                .collect(),
            procs: procs
                .iter()
                .map(|(pid, cmdline, zombie)| ProcInfo {
                    pid: *pid,
                    name: cmdline.split(' ').next().unwrap_or("").to_string(),
                    zombie: *zombie,
                    start_ticks: 100,
                    started_at: 900.0,
                    cpu_time_ms: 5_000,
                    rss: 1 << 20,
                })
                .collect(),
            ..Default::default()
        }
    }

    fn spec(matcher: Matcher, min: u32) -> ProcessSpec {
        ProcessSpec {
            matcher,
            user: None,
            min,
            max: None,
            cpu: Limits { warn: Some(50.0), crit: None },
            rss: Limits::default(),
            zombies: Limits { warn: Some(0.0), crit: None },
            restart: None,
            min_uptime: std::time::Duration::from_secs(60),
        }
    }

    #[test]
    fn counts_by_pattern_excluding_self_and_zombies() {
        let host = host(&[
            (1, "hm add process api --pattern gunicorn.*api", false),
            (10, "gunicorn: master api", false),
            (11, "gunicorn: worker api", false),
            (12, "nginx", false),
        ]);
        let f = Inputs::default().counters(&[("proc.10.100.cpu_ms", 4_000.0)], 990.0);
        let ctx = f.ctx(&host, 1000.0);
        let re = "gunicorn.*api".to_string();
        let out = check(&ctx, &spec(Matcher::Pattern(re.clone()), 3)).expect("check");
        assert_eq!(out.status, Status::Critical);
        assert_eq!(out.message, "2 running, expected at least 3");
        let out = check(&ctx, &spec(Matcher::Pattern(re), 1)).expect("check");
        assert_eq!(out.status, Status::Ok, "{out:?}");
        assert_eq!(out.message, "2 running (pid 10, 11)");
        let uptime = out.metrics.iter().find(|m| m.name == "uptime").expect("uptime");
        assert_eq!(uptime.value, 100.0);
    }

    /// A check believes the scan (its command line maybe from `hm run`'s
    /// cache) while the process is the one listed; what a remedy would
    /// signal is matched on the command line read now.
    #[test]
    fn issue18_a_check_counts_the_listed_process_a_remedy_reads_it_again() {
        let mut host = host(&[(10, "worker q1", false), (11, "worker q1", false)]);
        for e in &mut host.entries {
            e.ino = 5000 + u64::from(e.pid);
        }
        // 11 retitled itself after the scan read it.
        host.retitled = vec![(11, "sshd: session".to_string())];
        let f = Inputs::default();
        let ctx = f.ctx(&host, 1000.0);
        let s = spec(Matcher::Pattern("^worker q1$".into()), 1);
        let out = check(&ctx, &s).expect("check");
        assert_eq!(out.message, "2 running (pid 10, 11)");
        let signalled: Vec<u32> =
            crate::check::find::running(&ctx, &s).expect("running").iter().map(|p| p.pid).collect();
        assert_eq!(signalled, [10]);
        // Without the listing's inode, a check reads it again too.
        host.entries[1].ino = 0;
        let ctx = f.ctx(&host, 1000.0);
        assert_eq!(check(&ctx, &s).expect("check").message, "1 running (pid 10)");
    }

    #[test]
    fn issue14_ancestors_and_pids_reused_after_the_scan_are_not_counted() {
        // 20 is hm's parent shell; 30's pid went to another process (a
        // later start) after its command line was read.
        let mut host = host(&[(20, "sh -c worker-api", false), (30, "worker-api", false), (40, "worker-api", false)]);
        host.ancestors = vec![20];
        host.procs.iter_mut().filter(|p| p.pid == 30).for_each(|p| p.start_ticks = 555);
        let f = Inputs::default();
        let ctx = f.ctx(&host, 1000.0);
        let out = check(&ctx, &spec(Matcher::Pattern("worker-api".into()), 1)).expect("check");
        assert_eq!(out.message, "1 running (pid 40)");
    }

    #[test]
    fn cpu_from_counters_and_zombies_by_name() {
        let host = host(&[(10, "worker a", false), (11, "worker b", true)]);
        let f = Inputs::default().counters(&[("proc.10.100.cpu_ms", 4_000.0)], 990.0);
        let ctx = f.ctx(&host, 1000.0);
        let out = check(&ctx, &spec(Matcher::Name("worker".into()), 1)).expect("check");
        assert_eq!(out.status, Status::Warning, "{out:?}");
        assert_eq!(out.message, "1 running (pid 10), 1 zombie");
        let cpu = out.metrics.iter().find(|m| m.name == "cpu").expect("cpu metric");
        assert_eq!(cpu.value, 10.0);
        assert_eq!(
            out.counters,
            vec![("proc.10.100.cpu_ms".to_string(), 5_000.0), ("proc.10.100.cpu_pct".to_string(), 10.0)]
        );
    }

    #[test]
    fn a_process_gone_between_scan_and_read_is_not_counted() {
        let mut host = host(&[(10, "worker a", false), (11, "worker b", false)]);
        host.procs.retain(|p| p.pid != 11);
        let f = Inputs::default();
        let ctx = f.ctx(&host, 1000.0);
        let out = check(&ctx, &spec(Matcher::Name("worker".into()), 2)).expect("check");
        assert_eq!(out.message, "1 running, expected at least 2");
    }

    #[test]
    fn missing_pidfile_is_critical() {
        let host = FakeHost::default();
        let f = Inputs::default();
        let ctx = f.ctx(&host, 0.0);
        let out =
            check(&ctx, &spec(Matcher::Pidfile { path: "/nonexistent/x.pid".into(), is: None }, 1)).expect("check");
        assert_eq!((out.status, out.message.as_str()), (Status::Critical, "pidfile /nonexistent/x.pid does not exist"));
    }

    #[test]
    fn unknown_unit_is_unknown() {
        let host = FakeHost::default();
        let f = Inputs::default();
        let ctx = f.ctx(&host, 0.0);
        let out = check(&ctx, &spec(Matcher::Unit("api.service".into()), 1)).expect("check");
        assert_eq!(out.status, Status::Unknown);
    }
}
