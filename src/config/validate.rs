//! Semantic checks on the raw config, turning it into resolved types.
//!
//! serde has already refused unknown keys and wrong types; here go the rules
//! that need more than one field or the monitor's kind: a key that does not
//! apply to the kind, warn above crit, a regex that does not compile, a
//! process monitor with no way (or two ways) to find its processes.

use super::ConfigIssue;
use super::checker::{Checker, nested_offset, nested_table};
use super::kinds;
use super::kinds::COMMON;
use super::load::Doc;
use super::model::*;
use std::time::Duration;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Default timeout of one check.
/// The least length of a `[serve]` token, inline or from the environment.
pub(crate) const MIN_TOKEN_LEN: usize = 16;

pub(crate) const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// What is wrong with `name` (a `what`: "name", "ping name"), in words
/// that fit the mistake, quoting at most its first 40 characters.
pub(crate) fn name_problem(name: &str, what: &str) -> Option<String> {
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
    let (serve_token, serve_ping_token) = raw.serve.map(|s| (s.token, s.ping_token)).unwrap_or_default();
    for (key, token) in [("token", &serve_token), ("ping_token", &serve_ping_token)] {
        if let Some(super::channels::Secret::Value(v)) = token
            && v.len() < MIN_TOKEN_LEN
        {
            c.err("serve", format!("`{key}` is too short to guard anything: use at least {MIN_TOKEN_LEN} characters"));
        }
    }
    let otlp = raw.otlp.and_then(|o| {
        let at = nested_offset(table, &["otlp"]).unwrap_or(0);
        let inner = nested_table(table, &["otlp"]).unwrap_or(table);
        super::otlp::settings(&mut Checker::new(doc, inner, at, "otlp".into(), c.issues), o)
    });
    Settings {
        interval,
        retention,
        db: raw.db,
        host_defaults: raw.host_defaults.unwrap_or(true),
        thresholds,
        alerts,
        serve_token,
        serve_ping_token,
        otlp,
    }
}

/// Check a `[[monitor]]` table's keys against its kind, before serde reads
/// it, so a misplaced key is reported even when another field has a type
/// error.
pub(crate) fn keys(doc: &Doc<'_>, table: &Spanned<DeTable<'_>>, prefix: &str, issues: &mut Vec<ConfigIssue>) {
    let mut c = Checker::new(doc, table.get_ref(), table.span().start, prefix.to_string(), issues);
    let kind = table.get_ref().iter().find(|(k, _)| k.get_ref() == "kind").map(|(_, v)| v.get_ref());
    let known: Vec<&str> = kinds::ALL.iter().map(|k| k.name).collect();
    let allowed = match kind {
        None => {
            c.err("", "missing `kind`");
            return;
        }
        Some(DeValue::String(kind)) => match kinds::find(kind) {
            Some(k) => (k.name, k.keys),
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
        if kinds::ALL.iter().any(|k| k.keys.contains(&key)) {
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
    raw: &RawMonitor,
    settings: &Settings,
    issues: &mut Vec<ConfigIssue>,
) -> Option<Monitor> {
    let mut c = Checker::new(doc, table.get_ref(), table.span().start, prefix.to_string(), issues);
    if let Some(why) = name_problem(&raw.name, "name") {
        c.err("name", why);
    }
    let Some(kind) = kinds::find(&raw.kind) else {
        return None; // reported by `keys`
    };
    let timeout = c.duration("timeout", raw.timeout.as_deref(), DEFAULT_TIMEOUT);
    let spec = (kind.validate)(&mut c, raw, &settings.thresholds)?;
    if raw.for_checks == Some(0) {
        c.err("for", "must be at least 1 (the number of consecutive non-ok checks before an alert fires)");
    }
    let cooldown = raw.cooldown.as_deref().map(|v| c.duration("cooldown", Some(v), settings.alerts.cooldown));
    let flap = (raw.flap_high.is_some() || raw.flap_low.is_some())
        .then(|| super::validate_channels::flap_limits(&mut c, raw.flap_high, raw.flap_low, settings.alerts.flap));
    if let Some(z) = raw.anomaly
        && !(z.is_finite() && z > 0.0)
    {
        c.err("anomaly", "the z-score must be a positive number, e.g. 4");
    }
    if c.failed {
        return None;
    }
    Some(Monitor {
        name: raw.name.clone(),
        origin: Origin::Config,
        enabled: raw.enabled.unwrap_or(true),
        timeout,
        for_checks: raw.for_checks,
        cooldown,
        flap,
        anomaly: raw.anomaly,
        worker: raw.worker.clone(),
        depends_on: raw.depends_on.clone().unwrap_or_default(),
        spec,
    })
}
