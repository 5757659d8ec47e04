//! `hm monitor list|add|remove` (and `hm list|add|remove`): read and edit
//! the monitors of hm.toml. Edits go through `config::edit`, which keeps the
//! file's comments and order, and are validated as a whole before writing.

use crate::config::{Config, HeartbeatSource, Limits, Matcher, Monitor, Spec, edit};
use crate::engine::Ctx;
use crate::engine::report::{MonitorChange, MonitorList, MonitorRow};
use crate::units::{format_bytes, format_duration};
use anyhow::{Context, Result, anyhow};

fn limits_text(prefix: &str, l: Limits, fmt: impl Fn(f64) -> String) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(w) = l.warn {
        parts.push(format!("{prefix}warn {}", fmt(w)));
    }
    if let Some(c) = l.crit {
        parts.push(format!("{prefix}crit {}", fmt(c)));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

fn describe(m: &Monitor) -> (String, String) {
    let num = |v: f64| format!("{v}");
    let secs = |v: f64| format_duration(crate::units::secs(v.max(0.0)));
    let (target, limits): (String, Vec<Option<String>>) = match &m.spec {
        Spec::Cpu { limits } => ("total CPU".into(), vec![limits_text("", *limits, num)]),
        Spec::Memory { memory, swap } => {
            ("memory and swap".into(), vec![limits_text("", *memory, num), limits_text("swap_", *swap, num)])
        }
        Spec::Load { limits } => ("load per CPU".into(), vec![limits_text("", *limits, num)]),
        Spec::Disk(d) => (
            d.path.as_ref().map_or("every real filesystem".into(), |p| format!("filesystem of {}", p.display())),
            vec![limits_text("", d.space, num), limits_text("inode_", d.inodes, num)],
        ),
        Spec::Process(p) => {
            let target = match &p.matcher {
                Matcher::Name(n) => format!("process {n}"),
                Matcher::Pattern(re) => format!("pattern {re}"),
                Matcher::Pidfile { path, is: None } => format!("pidfile {}", path.display()),
                Matcher::Pidfile { path, is: Some(is) } => match is.as_ref() {
                    Matcher::Name(n) => format!("pidfile {} (process {n})", path.display()),
                    Matcher::Pattern(re) => format!("pidfile {} (pattern {re})", path.display()),
                    _ => format!("pidfile {}", path.display()),
                },
                Matcher::Unit(u) => format!("unit {u}"),
            };
            let count = match p.max {
                Some(max) => format!("min {} max {max}", p.min),
                None => format!("min {}", p.min),
            };
            (target, vec![Some(count), limits_text("cpu_", p.cpu, num), limits_text("rss_", p.rss, format_bytes)])
        }
        Spec::Sqlite(q) => (
            format!("sqlite {}", q.path.display()),
            vec![
                Some(format!("lock within {}", format_duration(q.lock_timeout))),
                limits_text("wal_", q.wal, format_bytes),
            ],
        ),
        Spec::Tmux(t) => (
            t.session.as_ref().map_or("every tmux session".into(), |s| format!("tmux session {s}")),
            vec![Some(format!("stuck after {}", format_duration(t.stuck_after)))],
        ),
        Spec::Heartbeat(h) => {
            let target = match &h.source {
                HeartbeatSource::File(f) => format!("mtime of {}", f.display()),
                HeartbeatSource::Ping(n) => format!("hm ping {n}"),
                HeartbeatSource::Sql { database, .. } => format!("query on {}", database.display()),
            };
            (target, vec![Some(format!("warn {} crit {}", format_duration(h.warn), format_duration(h.crit)))])
        }
        Spec::Http(h) => (format!("{} {}", h.method, h.shown_url()), vec![limits_text("", h.latency, secs)]),
        Spec::Tcp(t) => (format!("tcp {}", t.address), vec![limits_text("", t.latency, secs)]),
        Spec::Command(c) => (c.argv.join(" "), vec![]),
        Spec::Workspace(w) => (format!("directory {}", w.path.display()), vec![limits_text("", w.size, format_bytes)]),
        Spec::Tasks(t) => (
            format!("hm ping {} over {}", t.ping, format_duration(t.window)),
            vec![limits_text("error_", t.errors, num)],
        ),
        Spec::Gpu(g) => {
            ("nvidia-smi".into(), vec![limits_text("", g.memory, num), limits_text("temp_", g.temperature, num)])
        }
    };
    (target, limits.into_iter().flatten().collect::<Vec<_>>().join(" "))
}

pub fn list(ctx: &Ctx) -> Result<MonitorList> {
    let config = ctx.config()?;
    let monitors = config
        .monitors
        .iter()
        .map(|m| {
            let (target, thresholds) = describe(m);
            MonitorRow {
                name: m.name.clone(),
                kind: m.kind().into(),
                origin: m.origin,
                enabled: m.enabled,
                target,
                thresholds,
            }
        })
        .collect();
    Ok(MonitorList { config: config.path, monitors })
}

pub fn remove(ctx: &Ctx, name: &str) -> Result<MonitorChange> {
    let (path, _) = ctx.config_path()?;
    if std::fs::symlink_metadata(&path).is_err() {
        anyhow::bail!("cannot read config {}: no such file", path.display());
    }
    // Under the config's edit lock, like `hm add` (issue 16).
    edit::edit_locked(&path, |text| {
        let text = text.ok_or_else(|| anyhow!("cannot read config {}: no such file", path.display()))?;
        if let Some(e) = Config::embedded().monitors.iter().find(|m| m.name == name)
            && edit::remove_monitor(text, name).is_err()
        {
            anyhow::bail!(
                "{name} is an embedded host monitor, not in {}: disable it with [[monitor]] name = \"{name}\", kind = \"{}\", enabled = false (or tune it under [thresholds])",
                path.display(),
                e.kind()
            );
        }
        let updated = edit::remove_monitor(text, name).with_context(|| format!("in {}", path.display()))?;
        validate_edit(&path, text, &updated, name, &[])?;
        Ok(updated)
    })?;
    Ok(MonitorChange { action: "removed".into(), name: name.into(), config: path })
}

/// Refuse an edit whose result is invalid, naming what is wrong: the new
/// monitor's fields (as the `hm add` flags that set them, in `flags`), or
/// the existing file's own errors.
pub(super) fn validate_edit(
    path: &std::path::Path,
    before: &str,
    after: &str,
    name: &str,
    flags: &[(String, String)],
) -> Result<()> {
    let shown = path.display().to_string();
    if let Err(errors) = Config::parse(&shown, before) {
        return Err(anyhow!("{shown} already has errors; fix them first: {errors}"));
    }
    let Err(errors) = Config::parse(&shown, after) else { return Ok(()) };
    let prefix = format!("monitor[{name}]");
    let mine: Vec<String> = errors
        .0
        .iter()
        .map(|i| {
            let Some(rest) = i.field.strip_prefix(&prefix) else { return i.to_string() };
            let mut message = i.message.clone();
            for (key, flag) in flags {
                message = message.replace(&format!("`{key}`"), &format!("`{flag}`"));
            }
            let flag = rest.strip_prefix('.').and_then(|key| flags.iter().find(|(k, _)| k == key));
            match (rest, flag) {
                (".name", _) => format!("NAME: {message}"),
                (_, Some((_, flag))) => format!("{flag}: {message}"),
                _ if flags.is_empty() => format!("{}: {message}", i.field),
                _ => message,
            }
        })
        .collect();
    let verb = if flags.is_empty() { "changed" } else { "added" };
    Err(anyhow!("{}; nothing was {verb}", mine.join("; ")))
}
