//! Validation of `process` monitors: how the worker is found, its limits,
//! and how (and whether) it may be restarted.

use super::{
    DEFAULT_GRACE, DEFAULT_MAX_RESTARTS, DEFAULT_MIN_UPTIME, DEFAULT_RESTART_DELAY, DEFAULT_RESTART_WINDOW, Matcher,
    ProcessSpec, RestartHow, RestartSpec, RunAs,
};
use crate::config::checker::{Checker, argv};
use crate::config::{Limits, RawMonitor};

pub(super) fn process(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<ProcessSpec> {
    let given: Vec<&str> =
        [("process", raw.process.is_some()), ("pattern", raw.pattern.is_some()), ("unit", raw.unit.is_some())]
            .iter()
            .filter(|(_, set)| *set)
            .map(|(k, _)| *k)
            .collect();
    // A pidfile may name the worker's identity too (`process` or
    // `pattern`): its pid is then believed only for such a process.
    let pidfile = raw.pidfile.is_some();
    let ok = match given.as_slice() {
        [] => pidfile,
        [one] => !pidfile || *one != "unit",
        _ => false,
    };
    if !ok {
        let msg = if given.is_empty() {
            "a process monitor needs one of `process`, `pattern`, `pidfile` or `unit`".to_string()
        } else {
            let all: Vec<&str> = given.iter().copied().chain(pidfile.then_some("pidfile")).collect();
            format!("set only one of {} (a pidfile may add `process` or `pattern`)", all.join(", "))
        };
        c.err(given.get(1).copied().unwrap_or(if pidfile { "pidfile" } else { "" }), msg);
        return None;
    }
    let found = if let Some(p) = &raw.pattern {
        match crate::config::pattern::pattern_error(p) {
            None => Some(Matcher::Pattern(p.clone())),
            Some(e) => {
                c.err("pattern", format!("invalid regex: {e}"));
                return None;
            }
        }
    } else if let Some(n) = &raw.process {
        Some(Matcher::Name(n.clone()))
    } else {
        raw.unit.clone().map(Matcher::Unit)
    };
    let matcher = match (&raw.pidfile, found) {
        (Some(path), is) => Matcher::Pidfile { path: path.clone(), is: is.map(Box::new) },
        (None, Some(m)) => m,
        (None, None) => return None,
    };
    let user = raw.user.as_ref().and_then(|name| match nix::unistd::User::from_name(name) {
        Ok(Some(u)) => Some(RunAs { name: name.clone(), uid: u.uid.as_raw() }),
        Ok(None) => {
            c.err("user", format!("no user named `{name}` on this host"));
            None
        }
        Err(e) => {
            c.err("user", format!("cannot look up user `{name}`: {e}"));
            None
        }
    });
    let min = raw.min.unwrap_or(1);
    if let Some(max) = raw.max
        && max < min
    {
        c.err("max", format!("max ({max}) is below min ({min})"));
    }
    let cpu = Limits { warn: raw.cpu_warn, crit: raw.cpu_crit };
    let rss =
        Limits { warn: c.size("rss_warn", raw.rss_warn.as_ref()), crit: c.size("rss_crit", raw.rss_crit.as_ref()) };
    let zombies = Limits { warn: Some(raw.zombies_warn.unwrap_or(0.0)), crit: raw.zombies_crit };
    let restart = restart(c, raw, &matcher);
    Some(ProcessSpec {
        matcher,
        user,
        min,
        max: raw.max,
        cpu: c.limits("cpu_warn", "cpu_crit", cpu, Some((0.0, f64::MAX))),
        rss: c.limits("rss_warn", "rss_crit", rss, Some((0.0, f64::MAX))),
        zombies: c.limits("zombies_warn", "zombies_crit", zombies, Some((0.0, f64::MAX))),
        restart,
        min_uptime: c.duration("min_uptime", raw.min_uptime.as_deref(), DEFAULT_MIN_UPTIME),
    })
}

/// How this process monitor's worker may be restarted, if at all.
fn restart(c: &mut Checker<'_, '_>, raw: &RawMonitor, matcher: &Matcher) -> Option<RestartSpec> {
    let shell = raw.shell.unwrap_or(false);
    let start = raw.start.as_ref().and_then(|s| argv(c, "start", s, shell));
    let stop = raw.stop.as_ref().and_then(|s| argv(c, "stop", s, shell));
    if raw.stop.is_some() && raw.start.is_none() {
        c.err("stop", "`stop` needs a `start` command too");
    }
    let delay = c.duration("restart_delay", raw.restart_delay.as_deref(), DEFAULT_RESTART_DELAY);
    let grace = c.duration("grace", raw.grace.as_deref(), DEFAULT_GRACE);
    let window = c.duration("restart_window", raw.restart_window.as_deref(), DEFAULT_RESTART_WINDOW);
    let max_restarts = raw.max_restarts.unwrap_or(DEFAULT_MAX_RESTARTS);
    let launch = super::launch::launch(c, raw, raw.start.is_some());
    if raw.heal == Some(false) {
        return None;
    }
    let how = match (start, matcher) {
        (Some(start), _) => RestartHow::Commands { start, stop },
        (None, Matcher::Unit(unit)) => RestartHow::Unit(unit.clone()),
        (None, _) => return None,
    };
    Some(RestartSpec { how, delay, grace, max_restarts, window, log: raw.log.clone(), launch })
}
