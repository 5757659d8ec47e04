//! `hm actions`: what hm changed on the host, from the actions table.

use crate::engine::Ctx;
use crate::engine::report::{Action, ActionsReport};
use crate::time::{rfc3339, unix_now};
use anyhow::Result;
use std::time::Duration;

pub(crate) fn run(ctx: &Ctx, since: Duration) -> Result<ActionsReport> {
    let config = ctx.config()?;
    let (store, _) = ctx.store_to_read(&config)?;
    let from = unix_now() - since.as_secs_f64();
    let actions = store.actions_since(from)?.into_iter().map(Action::from).collect();
    Ok(ActionsReport { since: rfc3339(from), actions })
}
