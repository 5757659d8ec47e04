//! `process`: are the workers running, how many, and are they healthy?
//!
//! Processes are found by exact name, command-line regex, pidfile or systemd
//! unit in the one process-table scan shared by every check of the run. hm
//! never counts itself (its own command line contains the pattern when run
//! as `hm add ... --pattern`). Zombies are counted apart: a defunct worker
//! is not a running one.
//!
//! Per-process CPU % uses the same trick as the `cpu` kind: each run stores
//! every matched process's CPU time keyed by pid *and start time* (so a
//! reused pid never yields a delta), and the next run divides the difference
//! by the elapsed time.

use super::{CheckCtx, CheckOutput, Metric, SAMPLE, level};
use crate::config::{Matcher, ProcessSpec};
use crate::host::ProcInfo;
use crate::status::Status;
use crate::units::format_bytes;
use anyhow::Result;

fn counter_key(p: &ProcInfo) -> String {
    format!("proc.{}.{}.cpu_ms", p.pid, p.start_time)
}

/// Why no processes could be looked for: reported as the check's message.
enum Found {
    Procs(Vec<ProcInfo>),
    Missing(Status, String),
}

fn find(ctx: &CheckCtx<'_>, matcher: &Matcher) -> Result<Found> {
    let own = ctx.host.own_pid();
    let procs = ctx.host.processes()?;
    let select = |f: &dyn Fn(&ProcInfo) -> bool| -> Vec<ProcInfo> {
        procs.iter().filter(|p| p.pid != own && f(p)).cloned().collect()
    };
    Ok(match matcher {
        Matcher::Name(name) => Found::Procs(select(&|p| p.has_name(name))),
        Matcher::Pattern(re) => Found::Procs(select(&|p| re.is_match(&p.cmdline))),
        Matcher::Pidfile(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(t) => t,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Ok(Found::Missing(Status::Critical, format!("pidfile {} does not exist", path.display())));
                }
                Err(e) => return Ok(Found::Missing(Status::Unknown, format!("cannot read {}: {e}", path.display()))),
            };
            match text.trim().parse::<u32>() {
                Ok(pid) => Found::Procs(select(&|p| p.pid == pid)),
                Err(_) => Found::Missing(Status::Critical, format!("pidfile {} holds no pid", path.display())),
            }
        }
        Matcher::Unit(unit) => {
            let info = match ctx.host.unit(unit) {
                Ok(i) => i,
                Err(e) => return Ok(Found::Missing(Status::Unknown, format!("{e:#}"))),
            };
            if info.active_state != "active" && info.active_state != "reloading" {
                return Ok(Found::Missing(Status::Critical, format!("unit {unit} is {}", info.active_state)));
            }
            Found::Procs(select(&|p| info.pids.contains(&p.pid)))
        }
    })
}

/// CPU % (of one core) per process: against the stored counter when recent,
/// else over a short sample.
fn cpu_percent(ctx: &CheckCtx<'_>, running: &[ProcInfo]) -> Vec<(ProcInfo, f64)> {
    let all_known = running.iter().all(|p| ctx.recent_counter(&counter_key(p)).is_some());
    if all_known {
        return running
            .iter()
            .map(|p| {
                let c = ctx.recent_counter(&counter_key(p)).unwrap_or(super::Counter { value: 0.0, ts: ctx.now });
                let pct = (p.cpu_time_ms as f64 - c.value).max(0.0) / ((ctx.now - c.ts) * 1000.0) * 100.0;
                (p.clone(), pct)
            })
            .collect();
    }
    std::thread::sleep(SAMPLE);
    running
        .iter()
        .map(|p| match ctx.host.process(p.pid).filter(|q| q.start_time == p.start_time) {
            Some(q) => {
                let pct = q.cpu_time_ms.saturating_sub(p.cpu_time_ms) as f64 / SAMPLE.as_secs_f64() / 10.0;
                (q, pct)
            }
            None => (p.clone(), 0.0),
        })
        .collect()
}

pub fn check(ctx: &CheckCtx<'_>, spec: &ProcessSpec) -> Result<CheckOutput> {
    let matched = match find(ctx, &spec.matcher)? {
        Found::Procs(p) => p,
        Found::Missing(status, message) => return Ok(CheckOutput { status, message, ..Default::default() }),
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
        let with_cpu = cpu_percent(ctx, &running);
        for (p, _) in &with_cpu {
            counters.push((counter_key(p), p.cpu_time_ms as f64));
        }
        if let Some((p, pct)) = with_cpu.iter().max_by(|a, b| a.1.total_cmp(&b.1)) {
            let m = Metric::new("cpu", *pct, "%").limits(spec.cpu);
            if m.status() != Status::Ok {
                notes.push(format!("pid {} at {pct:.1}% CPU", p.pid));
            }
            metrics.push(m);
        }
        if let Some(p) = with_cpu.iter().map(|(p, _)| p).max_by_key(|p| p.rss) {
            let m = Metric::new("rss", p.rss as f64, "B").limits(spec.rss);
            if level(p.rss as f64, spec.rss) != Status::Ok {
                notes.push(format!("pid {} uses {}", p.pid, format_bytes(p.rss as f64)));
            }
            metrics.push(m);
        }
        let youngest = running.iter().map(|p| p.start_time).max().unwrap_or(0) as f64;
        metrics.push(Metric::new("uptime", (ctx.now - youngest).max(0.0), "s"));
    }
    let mut out = CheckOutput::from_metrics(notes.join(", "), metrics);
    out.status = Status::worst_of(statuses.into_iter().chain([out.status]));
    out.counters = counters;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Counter;
    use crate::config::Limits;
    use crate::host::fake::FakeHost;
    use regex::Regex;
    use std::collections::HashMap;

    fn proc(pid: u32, cmdline: &str, zombie: bool) -> ProcInfo {
        ProcInfo {
            pid,
            name: cmdline.split(' ').next().unwrap_or("").to_string(),
            cmdline: cmdline.to_string(),
            zombie,
            start_time: 100,
            cpu_time_ms: 5_000,
            rss: 1 << 20,
        }
    }

    fn spec(matcher: Matcher, min: u32) -> ProcessSpec {
        ProcessSpec {
            matcher,
            min,
            max: None,
            cpu: Limits { warn: Some(50.0), crit: None },
            rss: Limits::default(),
            zombies: Limits { warn: Some(0.0), crit: None },
        }
    }

    #[test]
    fn counts_by_pattern_excluding_self_and_zombies() {
        let host = FakeHost {
            procs: vec![
                proc(1, "hm add process api --pattern gunicorn.*api", false),
                proc(10, "gunicorn: master api", false),
                proc(11, "gunicorn: worker api", true),
                proc(12, "nginx", false),
            ],
            ..Default::default()
        };
        let counters: HashMap<String, Counter> =
            [("proc.10.100.cpu_ms".to_string(), Counter { value: 4_000.0, ts: 990.0 })].into();
        let p = HashMap::new();
        let ctx = CheckCtx { host: &host, now: 1000.0, counters: &counters, pings: &p };
        let re = Regex::new("gunicorn.*api").expect("regex");
        let out = check(&ctx, &spec(Matcher::Pattern(re.clone()), 2)).expect("check");
        assert_eq!(out.status, Status::Critical);
        assert_eq!(out.message, "1 running, expected at least 2, 1 zombie");
        let cpu = out.metrics.iter().find(|m| m.name == "cpu").expect("cpu metric");
        assert_eq!(cpu.value, 10.0);
        assert_eq!(out.counters, vec![("proc.10.100.cpu_ms".to_string(), 5_000.0)]);
        let out = check(&ctx, &spec(Matcher::Pattern(re), 1)).expect("check");
        assert_eq!(out.status, Status::Warning, "{out:?}");
    }

    #[test]
    fn missing_pidfile_is_critical() {
        let host = FakeHost::default();
        let (c, p) = (HashMap::new(), HashMap::new());
        let ctx = CheckCtx { host: &host, now: 0.0, counters: &c, pings: &p };
        let out = check(&ctx, &spec(Matcher::Pidfile("/nonexistent/x.pid".into()), 1)).expect("check");
        assert_eq!((out.status, out.message.as_str()), (Status::Critical, "pidfile /nonexistent/x.pid does not exist"));
    }

    #[test]
    fn unknown_unit_is_unknown() {
        let host = FakeHost::default();
        let (c, p) = (HashMap::new(), HashMap::new());
        let ctx = CheckCtx { host: &host, now: 0.0, counters: &c, pings: &p };
        let out = check(&ctx, &spec(Matcher::Unit("api.service".into()), 1)).expect("check");
        assert_eq!(out.status, Status::Unknown);
    }
}
