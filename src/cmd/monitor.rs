//! `hm monitor list|add|remove` (and `hm list|add|remove`): read and edit
//! the monitors of hm.toml. Edits go through `config::edit`, which keeps the
//! file's comments and order, and are validated as a whole before writing.

use crate::config::{Config, Monitor, edit};
use crate::engine::Ctx;
use crate::engine::report::{MonitorChange, MonitorList, MonitorRow};
use anyhow::{Context, Result, anyhow};

/// What `m` watches and its thresholds, as its kind describes them.
fn describe(m: &Monitor) -> (String, String) {
    let (target, limits) = crate::config::kinds::describe(&m.spec);
    (target, limits.into_iter().flatten().collect::<Vec<_>>().join(" "))
}

pub(crate) fn list(ctx: &Ctx) -> Result<MonitorList> {
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

pub(crate) fn remove(ctx: &Ctx, name: &str) -> Result<MonitorChange> {
    let (path, _) = ctx.config_path()?;
    if std::fs::symlink_metadata(&path).is_err() {
        anyhow::bail!("cannot read config {}: no such file", path.display());
    }
    // Under the config's edit lock, like `hm add`.
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
