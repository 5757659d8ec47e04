//! Delivering the outbox: what is due goes out, one thread per channel (a
//! dead receiver holds up only its own channel, for one timeout), in queue
//! order within a channel. A channel stops at its first failure this run,
//! so its receiver never sees a resolve before the firing it closes; the
//! failed notification waits `retry`, doubling per attempt up to an hour,
//! but a channel is tried again as soon as anything new is queued for it,
//! so a fresh alert goes out at once when its receiver is back.

use super::notify;
use crate::config::Config;
use crate::store::{OutboxRow, Store};
use anyhow::Result;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// At most this many notifications per channel per run.
const BATCH: usize = 100;

/// The longest wait between two attempts.
const MAX_BACKOFF: f64 = 3600.0;

/// How long before a `firing` was queued, and after, its worker's death
/// may be the one it is about (after: a one-shot heal records the death
/// it found as it restarts, after the check that raised the alert).
const DEATH_BEFORE: f64 = 600.0;
const DEATH_AFTER: f64 = 60.0;

/// A delivery that failed.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Failure {
    pub id: i64,
    pub channel: String,
    /// Why, with secrets redacted.
    pub error: String,
}

/// What one delivery pass did.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct Delivery {
    /// Notifications delivered.
    pub delivered: usize,
    pub failed: Vec<Failure>,
    /// Notifications still waiting after this pass.
    pub waiting: usize,
    /// True when another run was delivering, so this one left it to that.
    pub skipped: bool,
}

/// When to try again after `attempts` failed attempts.
pub(crate) fn next_try(now: f64, retry: f64, attempts: u32) -> f64 {
    now + (retry * 2f64.powi(i32::try_from(attempts.saturating_sub(1).min(30)).unwrap_or(30))).min(MAX_BACKOFF)
}

/// A `firing` queued before its worker's death certificate was written
/// gets it as it goes out: the certificate is written beside the loop of
/// `hm run` (the loop waits for it before it delivers), or by a one-shot
/// heal as it restarts the worker, after its check raised the alert.
fn with_death(store: &Store, n: &mut crate::store::NotificationRow, queued: f64) {
    if n.event != super::state::EventKind::Firing.as_str() || n.death.is_some() {
        return;
    }
    let deaths = store.deaths(Some(&n.monitor), queued - DEATH_BEFORE, 10).unwrap_or_default();
    n.death = deaths.iter().find(|d| d.ts <= queued + DEATH_AFTER).map(crate::store::DeathRow::from);
}

/// Send one channel's due notifications in order; stop at the first failure.
fn drain(ch: &crate::config::Channel, rows: &[OutboxRow]) -> Vec<(i64, Result<String, String>)> {
    let mut done = Vec::new();
    for row in rows.iter().take(BATCH) {
        let result = match super::stored::read(row.notification.clone()) {
            Ok(n) => notify::send(ch, &n),
            Err(e) => Err(format!("unreadable notification: {e}")),
        };
        let failed = result.is_err();
        done.push((row.id, result));
        if failed {
            break;
        }
    }
    done
}

/// Which undelivered notifications [`deliver`] tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Due {
    /// Those whose retry time has come: a cycle's delivery.
    Now,
    /// Every one, retry times aside: `hm alerts flush`.
    All,
}

/// Deliver the undelivered notifications `due`.
pub(crate) fn deliver(store: &Store, config: &Config, db: &Path, now: f64, due: Due) -> Result<Delivery> {
    let Some(_lock) = crate::lock::try_outbox(db)? else {
        return Ok(Delivery { skipped: true, waiting: store.count_undelivered()?, ..Delivery::default() });
    };
    let mut by_channel: BTreeMap<String, Vec<OutboxRow>> = BTreeMap::new();
    for mut row in store.undelivered()? {
        if let Ok(n) = &mut row.notification {
            with_death(store, n, row.created_at);
        }
        by_channel.entry(row.channel.clone()).or_default().push(row);
    }
    let mut report = Delivery::default();
    let mut results = Vec::new();
    std::thread::scope(|s| {
        let mut jobs = Vec::new();
        for (name, rows) in &by_channel {
            let ready = due == Due::All || rows.iter().any(|r| r.next_try <= now);
            if !ready {
                continue;
            }
            match config.channels.iter().find(|c| &c.name == name) {
                Some(ch) => jobs.push(s.spawn(move || drain(ch, rows))),
                None => {
                    let error = format!("no channel named `{name}` in the config; it waits until there is one");
                    results.push((rows[0].id, Err(error)));
                }
            }
        }
        for j in jobs {
            match j.join() {
                Ok(r) => results.extend(r),
                Err(_) => report.failed.push(Failure { id: 0, channel: String::new(), error: "sender crashed".into() }),
            }
        }
    });
    let attempts: BTreeMap<i64, (u32, &str)> =
        by_channel.values().flatten().map(|r| (r.id, (r.attempts, r.channel.as_str()))).collect();
    let retry = config.settings.alerts.retry.as_secs_f64();
    for (id, result) in results {
        let (tried, channel) = attempts.get(&id).copied().unwrap_or((0, ""));
        match result {
            Ok(_) => {
                store.delivered(id, crate::time::unix_now())?;
                report.delivered += 1;
            }
            Err(error) => {
                store.delivery_failed(id, next_try(now, retry, tried + 1), &error)?;
                report.failed.push(Failure { id, channel: channel.to_string(), error });
            }
        }
    }
    report.waiting = store.count_undelivered()?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_retry_up_to_an_hour() {
        assert_eq!(next_try(100.0, 30.0, 1), 130.0);
        assert_eq!(next_try(100.0, 30.0, 2), 160.0);
        assert_eq!(next_try(100.0, 30.0, 4), 340.0);
        assert_eq!(next_try(100.0, 30.0, 40), 3700.0);
    }
}
