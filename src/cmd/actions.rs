//! `hm actions`: what hm changed on the host, from the actions table.

use super::{Ctx, rfc3339, unix_now};
use crate::store::ActionRow;
use anyhow::Result;
use serde::Serialize;
use std::time::Duration;

/// One action.
#[derive(Debug, Clone, Serialize)]
pub struct Action {
    /// When (RFC 3339).
    pub at: String,
    /// The monitor or rule it was for.
    pub monitor: String,
    pub action: String,
    /// `ok`, `partial` or `failed`.
    pub outcome: String,
    pub details: String,
}

impl From<ActionRow> for Action {
    fn from(a: ActionRow) -> Action {
        Action { at: rfc3339(a.ts), monitor: a.monitor, action: a.action, outcome: a.outcome, details: a.details }
    }
}

/// The result of `hm actions`.
#[derive(Debug, Serialize)]
pub struct ActionsReport {
    /// The start of the window (RFC 3339).
    pub since: String,
    pub actions: Vec<Action>,
}

pub fn run(ctx: &Ctx, since: Duration) -> Result<ActionsReport> {
    let config = ctx.config()?;
    let (store, _) = ctx.store_to_read(&config)?;
    let from = unix_now() - since.as_secs_f64();
    let actions = store.actions_since(from)?.into_iter().map(Action::from).collect();
    Ok(ActionsReport { since: rfc3339(from), actions })
}
