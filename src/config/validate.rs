//! Semantic checks on the raw config, turning it into resolved types.
//!
//! serde has already refused unknown keys and wrong types; here go the rules
//! that need more than one field or the monitor's kind: a key that does not
//! apply to the kind, warn above crit, a regex that does not compile, a
//! process monitor with no way (or two ways) to find its processes.

use super::ConfigIssue;
use super::checker::{Checker, nested_offset, nested_table};
use super::kinds::{COMMON, KINDS};
use super::load::Doc;
use super::model::*;
use super::validate_process::{argv, process};
use std::time::Duration;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Default timeout of one check.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// Whether `name` is a valid monitor (or ping) name: `[a-z0-9_.-]+`, at
/// most 128 bytes (it ends up in metrics labels and URLs), and not `.` or
/// `..`.
pub fn valid_name(name: &str) -> bool {
    name_problem(name, "name").is_none()
}

/// What is wrong with `name` (a `what`: "name", "ping name"), in words
/// that fit the mistake, quoting at most its first 40 characters.
pub fn name_problem(name: &str, what: &str) -> Option<String> {
    let shown = crate::units::cut(name);
    if name.is_empty() {
        return Some(format!("an empty {what} is not allowed"));
    }
    if name == "." || name == ".." {
        return Some(format!("`{name}` is not a valid {what}: it reads as a directory"));
    }
    let bad_char = !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_.-".contains(&b));
    if bad_char {
        return Some(format!("`{shown}` is not a valid {what}: use lower-case letters, digits, `_`, `.` and `-`"));
    }
    if name.len() > 128 {
        return Some(format!("`{shown}` is {} bytes long: a {what} is at most 128", name.len()));
    }
    None
}

/// Resolve the global settings.
pub(crate) fn settings(
    doc: &Doc<'_>,
    table: &DeTable<'_>,
    raw: RawSettings,
    issues: &mut Vec<ConfigIssue>,
) -> Settings {
    let defaults = Settings::default();
    let mut c = Checker::new(doc, table, 0, String::new(), issues);
    let interval = c.duration("interval", raw.interval.as_deref(), defaults.interval);
    if interval < super::MIN_INTERVAL {
        c.err("interval", "is shorter than 100ms, the shortest interval (a shorter one is a busy loop)");
    }
    let retention = c.duration("retention", raw.retention.as_deref(), defaults.retention);
    let mut thresholds = defaults.thresholds;
    if let Some(t) = raw.thresholds {
        type Override<'a> = (&'static str, Option<Limits>, &'a mut Limits, Option<(f64, f64)>);
        let pairs: [Override<'_>; 6] = [
            ("cpu", t.cpu, &mut thresholds.cpu, Some((0.0, 100.0))),
            ("memory", t.memory, &mut thresholds.memory, Some((0.0, 100.0))),
            ("swap", t.swap, &mut thresholds.swap, Some((0.0, 100.0))),
            ("load", t.load, &mut thresholds.load, None),
            ("disk", t.disk, &mut thresholds.disk, Some((0.0, 100.0))),
            ("inodes", t.inodes, &mut thresholds.inodes, Some((0.0, 100.0))),
        ];
        for (key, given, slot, range) in pairs {
            let Some(given) = given else { continue };
            let merged = Limits { warn: given.warn.or(slot.warn), crit: given.crit.or(slot.crit) };
            let at = nested_offset(table, &["thresholds", key]).unwrap_or(0);
            let inner = nested_table(table, &["thresholds", key]).unwrap_or(table);
            let mut sub = Checker::new(doc, inner, at, format!("thresholds.{key}"), c.issues);
            *slot = sub.limits("warn", "crit", merged, range);
        }
    }
    let alerts = match raw.alerts {
        None => super::channels::AlertSettings::default(),
        Some(a) => {
            let at = nested_offset(table, &["alerts"]).unwrap_or(0);
            let inner = nested_table(table, &["alerts"]).unwrap_or(table);
            let mut sub = Checker::new(doc, inner, at, "alerts".into(), c.issues);
            super::validate_channels::alerts(&mut sub, a)
        }
    };
    let serve_token = raw.serve.and_then(|s| s.token);
    if let Some(super::channels::Secret::Value(v)) = &serve_token
        && v.len() < 16
    {
        c.err("serve", "`token` is too short to guard anything: use at least 16 characters");
    }
    Settings {
        interval,
        retention,
        db: raw.db,
        host_defaults: raw.host_defaults.unwrap_or(true),
        thresholds,
        alerts,
        serve_token,
    }
}

/// Check a `[[monitor]]` table's keys against its kind, before serde reads
/// it, so a misplaced key is reported even when another field has a type
/// error.
pub(crate) fn keys(doc: &Doc<'_>, table: &Spanned<DeTable<'_>>, prefix: &str, issues: &mut Vec<ConfigIssue>) {
    let mut c = Checker::new(doc, table.get_ref(), table.span().start, prefix.to_string(), issues);
    let kind = table.get_ref().iter().find(|(k, _)| k.get_ref() == "kind").map(|(_, v)| v.get_ref());
    let known: Vec<&str> = KINDS.iter().map(|(k, _)| *k).collect();
    let allowed = match kind {
        None => {
            c.err("", "missing `kind`");
            return;
        }
        Some(DeValue::String(kind)) => match KINDS.iter().find(|(k, _)| *k == kind.as_ref()) {
            Some((_, allowed)) => (kind.as_ref(), *allowed),
            None => {
                c.err("kind", format!("unknown kind `{kind}`; known kinds: {}", known.join(", ")));
                return;
            }
        },
        Some(_) => return, // a type error serde reports
    };
    for (key, _) in table.get_ref().iter() {
        let key = key.get_ref().as_ref();
        if COMMON.contains(&key) || allowed.1.contains(&key) {
            continue;
        }
        if KINDS.iter().any(|(_, keys)| keys.contains(&key)) {
            c.err(key, format!("`{key}` does not apply to a `{}` monitor", allowed.0));
        } else {
            let mut valid: Vec<&str> = COMMON.iter().chain(allowed.1.iter()).copied().collect();
            valid.retain(|k| *k != "name" && *k != "kind");
            c.err(key, format!("unknown key `{key}`; a `{}` monitor takes {}", allowed.0, valid.join(", ")));
        }
    }
}

/// Resolve one `[[monitor]]` table; `None` when it has errors (pushed to `issues`).
pub(crate) fn monitor(
    doc: &Doc<'_>,
    table: &Spanned<DeTable<'_>>,
    prefix: &str,
    raw: RawMonitor,
    settings: &Settings,
    issues: &mut Vec<ConfigIssue>,
) -> Option<Monitor> {
    let mut c = Checker::new(doc, table.get_ref(), table.span().start, prefix.to_string(), issues);
    if let Some(why) = name_problem(&raw.name, "name") {
        c.err("name", why);
    }
    if !KINDS.iter().any(|(k, _)| *k == raw.kind) {
        return None; // reported by `keys`
    }
    let timeout = c.duration("timeout", raw.timeout.as_deref(), DEFAULT_TIMEOUT);
    let t = &settings.thresholds;
    let pct = Some((0.0, 100.0));
    let spec = match raw.kind.as_str() {
        "cpu" => {
            let l = Limits {
                warn: c.number("warn", raw.warn.as_ref()).or(t.cpu.warn),
                crit: c.number("crit", raw.crit.as_ref()).or(t.cpu.crit),
            };
            Spec::Cpu { limits: c.limits("warn", "crit", l, pct) }
        }
        "load" => {
            let l = Limits {
                warn: c.number("warn", raw.warn.as_ref()).or(t.load.warn),
                crit: c.number("crit", raw.crit.as_ref()).or(t.load.crit),
            };
            Spec::Load { limits: c.limits("warn", "crit", l, Some((0.0, f64::MAX))) }
        }
        "memory" => {
            let m = Limits {
                warn: c.number("warn", raw.warn.as_ref()).or(t.memory.warn),
                crit: c.number("crit", raw.crit.as_ref()).or(t.memory.crit),
            };
            let s = Limits { warn: raw.swap_warn.or(t.swap.warn), crit: raw.swap_crit.or(t.swap.crit) };
            Spec::Memory { memory: c.limits("warn", "crit", m, pct), swap: c.limits("swap_warn", "swap_crit", s, pct) }
        }
        "disk" => {
            let space = Limits {
                warn: c.number("warn", raw.warn.as_ref()).or(t.disk.warn),
                crit: c.number("crit", raw.crit.as_ref()).or(t.disk.crit),
            };
            let inodes = Limits { warn: raw.inode_warn.or(t.inodes.warn), crit: raw.inode_crit.or(t.inodes.crit) };
            Spec::Disk(DiskSpec {
                path: raw.path.clone(),
                fs_types: raw.fs_types.clone().unwrap_or_default(),
                space: c.limits("warn", "crit", space, pct),
                inodes: c.limits("inode_warn", "inode_crit", inodes, pct),
                forecast: super::validate_probe::forecast(&mut c, &raw),
            })
        }
        "process" => Spec::Process(Box::new(process(&mut c, &raw)?)),
        "http" | "tcp" | "command" | "workspace" | "tasks" | "gpu" => super::validate_probe::spec(&mut c, &raw)?,
        "sqlite" => {
            let Some(path) = raw.path.clone() else {
                c.err("", "a sqlite monitor needs `path`, the database file");
                return None;
            };
            let mut killable = Vec::new();
            for k in raw.killable.clone().unwrap_or_default() {
                match crate::check::patterns::pattern_error(&k) {
                    None => killable.push(k),
                    Some(e) => c.err("killable", format!("invalid regex: {e}")),
                }
            }
            let wal = Limits {
                warn: c.size("wal_warn", raw.wal_warn.as_ref()),
                crit: c.size("wal_crit", raw.wal_crit.as_ref()),
            };
            Spec::Sqlite(SqliteSpec {
                path,
                quick_check: raw.quick_check.unwrap_or(false),
                lock_timeout: c.duration("lock_timeout", raw.lock_timeout.as_deref(), Duration::from_secs(1)),
                wal: c.limits("wal_warn", "wal_crit", wal, Some((0.0, f64::MAX))),
                killable,
                heal: raw.heal.unwrap_or(true),
            })
        }
        "tmux" => {
            let on_stuck =
                raw.on_stuck.as_ref().and_then(|cmd| argv(&mut c, "on_stuck", cmd, raw.shell.unwrap_or(false)));
            if let Some(s) = raw.session.as_deref().filter(|s| super::kinds::is_glob(s))
                && let Err(e) = glob::Pattern::new(s)
            {
                c.err("session", format!("invalid glob: {e}"));
            }
            if raw.socket.as_ref().is_some_and(|s| !s.is_absolute()) {
                c.err("socket", "give the socket's absolute path");
            }
            use super::validate_process::{DEFAULT_MAX_RESTARTS, DEFAULT_RESTART_WINDOW};
            Spec::Tmux(TmuxSpec {
                session: raw.session.clone(),
                socket: raw.socket.clone(),
                stuck_after: c.duration("stuck_after", raw.stuck_after.as_deref(), Duration::from_secs(30 * 60)),
                keys: raw.keys.clone().unwrap_or_else(|| vec!["C-c".to_string()]),
                on_stuck,
                heal: raw.heal.unwrap_or(true),
                settle: c.duration("settle", raw.settle.as_deref(), Duration::from_secs(2)),
                max_restarts: raw.max_restarts.unwrap_or(DEFAULT_MAX_RESTARTS),
                window: c.duration("restart_window", raw.restart_window.as_deref(), DEFAULT_RESTART_WINDOW),
            })
        }
        "heartbeat" => {
            let source = match (&raw.file, &raw.ping) {
                _ if raw.database.is_some() || raw.query.is_some() => {
                    super::validate_probe::sql_heartbeat(&mut c, &raw)?
                }
                (Some(_), Some(_)) => {
                    c.err("ping", "set either `file` or `ping`, not both");
                    HeartbeatSource::Ping(raw.name.clone())
                }
                (Some(f), None) => HeartbeatSource::File(f.clone()),
                (None, Some(p)) => {
                    if let Some(why) = name_problem(p, "ping name") {
                        c.err("ping", why);
                    }
                    HeartbeatSource::Ping(p.clone())
                }
                (None, None) => HeartbeatSource::Ping(raw.name.clone()),
            };
            let warn = c.seconds("warn", raw.warn.as_ref(), Duration::from_secs(30));
            let crit = c.seconds("crit", raw.crit.as_ref(), Duration::from_secs(60));
            if warn > crit {
                c.err(
                    "warn",
                    format!(
                        "warn ({}) is above crit ({})",
                        crate::units::format_duration(warn),
                        crate::units::format_duration(crit)
                    ),
                );
            }
            Spec::Heartbeat(HeartbeatSpec { source, warn, crit })
        }
        _ => return None,
    };
    if raw.for_checks == Some(0) {
        c.err("for", "must be at least 1 (the number of consecutive non-ok checks before an alert fires)");
    }
    let cooldown = raw.cooldown.as_deref().map(|v| c.duration("cooldown", Some(v), settings.alerts.cooldown));
    if let Some(z) = raw.anomaly
        && !(z.is_finite() && z > 0.0)
    {
        c.err("anomaly", "the z-score must be a positive number, e.g. 4");
    }
    if c.failed {
        return None;
    }
    Some(Monitor {
        name: raw.name,
        origin: Origin::Config,
        enabled: raw.enabled.unwrap_or(true),
        timeout,
        for_checks: raw.for_checks,
        cooldown,
        anomaly: raw.anomaly,
        worker: raw.worker,
        spec,
    })
}
