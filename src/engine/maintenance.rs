//! Heals inside a maintenance window (`alert::maintenance`): a window
//! without `heal = true` holds the heal of every monitor it covers, its
//! plan `Nothing` saying until when; the check after the window plans
//! the heal again.

use super::heal::Plan;
use crate::alert::maintenance::InForce;
use crate::config::{Config, Monitor};
use crate::store::Store;

/// `plans` with the heals that a window holds now replaced by why.
pub(super) fn hold_heals<'c>(
    store: &Store,
    config: &Config,
    plans: Vec<(&'c Monitor, Plan)>,
) -> anyhow::Result<Vec<(&'c Monitor, Plan)>> {
    let now = crate::time::unix_now();
    let rows = store.maintenance(now)?;
    if config.maintenance.is_empty() && rows.is_empty() {
        return Ok(plans);
    }
    let windows = InForce::at(config, &rows, now);
    Ok(plans
        .into_iter()
        .map(|(m, p)| match windows.of(&m.name).filter(|o| !o.heal) {
            Some(o) if !matches!(p, Plan::Nothing(_)) => (m, Plan::Nothing(o.holding())),
            _ => (m, p),
        })
        .collect())
}
