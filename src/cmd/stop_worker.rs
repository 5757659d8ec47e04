//! `hm stop-worker NAME` / `hm start-worker NAME`: stop a worker and hold
//! it down, or start it and lift the hold (`engine::hold_steps`).

use crate::engine::Engine;
use crate::engine::hold_steps::HoldRequest;
use crate::engine::report::HoldReport;
use anyhow::Result;

/// Who runs this hm, as a hold records it: the user, and under sudo the
/// user who ran sudo.
pub(crate) fn who() -> String {
    let uid = nix::unistd::getuid();
    let name = nix::unistd::User::from_uid(uid).ok().flatten().map_or_else(|| format!("uid {uid}"), |u| u.name);
    match std::env::var("SUDO_USER") {
        Ok(s) if uid.is_root() && !s.is_empty() && s != name => format!("{s} (sudo)"),
        _ => name,
    }
}

pub(crate) fn stop(engine: &Engine, name: &str, dry_run: bool) -> Result<HoldReport> {
    let by = who();
    engine.stop_worker(
        &engine.ctx().config()?,
        name,
        &HoldRequest { by: &by, lock_wait: crate::lock::WAIT, dry_run: dry_run.into() },
    )
}

pub(crate) fn start(engine: &Engine, name: &str, dry_run: bool) -> Result<HoldReport> {
    let by = who();
    engine.start_worker(
        &engine.ctx().config()?,
        name,
        &HoldRequest { by: &by, lock_wait: crate::lock::WAIT, dry_run: dry_run.into() },
    )
}
