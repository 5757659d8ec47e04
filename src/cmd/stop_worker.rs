//! `hm stop-worker NAME` / `hm start-worker NAME`: stop a worker and hold
//! it down, or start it and lift the hold (`engine::hold_steps`); a pool's
//! name: each of its instances (`engine::hold_pool`).

use crate::engine::Engine;
use crate::engine::hold_pool::{Held, HoldVerb};
use crate::engine::hold_steps::HoldRequest;
use crate::engine::report::Report;
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

/// `verb` on the worker `name`, or on each instance of the pool `name`.
pub(crate) fn hold(engine: &Engine, name: &str, verb: HoldVerb, dry_run: bool) -> Result<Report> {
    let by = who();
    let request = HoldRequest { by: &by, lock_wait: crate::lock::WAIT, dry_run: dry_run.into() };
    Ok(match engine.hold(&engine.ctx().config()?, name, verb, &request)? {
        Held::One(r) => Report::Hold(r),
        Held::Pool(r) => Report::PoolHold(r),
    })
}
