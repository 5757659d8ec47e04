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
    let rows = store.actions_since(from)?;
    // The deaths the restarts answered; one day before the
    // window too, for the first restart's.
    let deaths = store.deaths(None, from - 86_400.0, usize::MAX)?;
    let answered = crate::engine::death::answered(&rows, &deaths);
    let actions = rows.into_iter().zip(answered).map(|(r, death)| Action { death, ..Action::from(r) }).collect();
    Ok(ActionsReport { since: rfc3339(from), actions })
}
