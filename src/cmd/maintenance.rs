//! `hm alerts maintenance start|stop`: an unplanned maintenance window,
//! kept in the database (`store::maintenance`) so every hm honours it and
//! it outlives a restart, and written to the actions table, where a later
//! reader finds who silenced what and when.

use crate::config::Config;
use crate::config::maintenance::covers;
use crate::engine::Ctx;
use crate::engine::report::AlertChange;
use crate::store::{ActionKind, ActionOutcome, ActionRow, MaintenanceRow, Store};
use crate::time::{rfc3339, unix_now};
use anyhow::{Result, bail};
use std::time::Duration;

/// What a window covers, as the actions table and the report name it.
fn shown(names: &[String]) -> String {
    if names.is_empty() { "every monitor".to_string() } else { names.join(", ") }
}

/// Each of `names` must be a glob that covers a monitor of `config`.
fn known(config: &Config, names: &[String]) -> Result<()> {
    for n in names {
        let Ok(g) = glob::Pattern::new(n) else { bail!("`{n}` is not a monitor name or glob") };
        if !config.monitors.iter().any(|m| covers(std::slice::from_ref(&g), &m.name)) {
            let known: Vec<&str> = config.monitors.iter().map(|m| m.name.as_str()).collect();
            bail!("`{n}` matches no monitor (known: {})", known.join(", "));
        }
    }
    Ok(())
}

fn record(store: &Store, now: f64, action: ActionKind, target: &str, details: String) -> Result<()> {
    let row = ActionRow {
        outcome: ActionOutcome::Ok,
        details,
        manual: true,
        pid: Some(std::process::id()),
        finished_at: Some(now),
        ..ActionRow::new(now, target, action)
    };
    store.record_action(&row)
}

pub(crate) fn start(ctx: &Ctx, names: &[String], duration: Duration, heal: bool) -> Result<AlertChange> {
    let config = ctx.config()?;
    known(&config, names)?;
    let store = ctx.store(&config)?;
    let now = unix_now();
    let by = super::stop_worker::who();
    let row = MaintenanceRow {
        id: 0,
        monitors: names.to_vec(),
        by: by.clone(),
        since: now,
        until: now + duration.as_secs_f64(),
        heal,
    };
    store.start_maintenance(&row)?;
    let heals = if heal { "healed" } else { "not healed" };
    let message = format!(
        "{} in maintenance until {}: checked and recorded, nobody told, {heals} (hm alerts maintenance stop ends it)",
        shown(names),
        rfc3339(row.until)
    );
    record(&store, now, ActionKind::MaintenanceStart, &shown(names), format!("by {by}: {message}"))?;
    Ok(AlertChange { action: "maintenance-start".into(), target: shown(names), message })
}

pub(crate) fn stop(ctx: &Ctx, names: &[String]) -> Result<AlertChange> {
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    let now = unix_now();
    let ended = store.stop_maintenance(now, |w| names.is_empty() || w.monitors == names)?;
    if ended.is_empty() {
        bail!("no unplanned maintenance window of {} is open (hm status shows the windows)", shown(names));
    }
    let by = super::stop_worker::who();
    let message = format!(
        "ended {} window{} ({}): what still fails alerts at its next check",
        ended.len(),
        if ended.len() == 1 { "" } else { "s" },
        ended.iter().map(|w| shown(&w.monitors)).collect::<Vec<_>>().join("; ")
    );
    record(&store, now, ActionKind::MaintenanceStop, &shown(names), format!("by {by}: {message}"))?;
    Ok(AlertChange { action: "maintenance-stop".into(), target: shown(names), message })
}
