//! `hm alerts`: the open alerts and silences; ack, silence, unsilence; the
//! outbox; flush it; test a channel.

use crate::alert::outbox::{Delivery, Due, deliver};
use crate::alert::router::notification;
use crate::alert::state::{Alert, AlertState, Event, EventKind};
use crate::alert::{Notification, host_name, notify};
use crate::engine::Ctx;
use crate::engine::report::{AlertChange, AlertView, AlertsReport, OutboxReport, OutboxView, SilenceView, TestReport};
use crate::status::Status;
use crate::store::Silence;
use crate::time::{rfc3339, unix_now};
use anyhow::{Result, bail};
use std::time::Duration;

pub(crate) fn list(ctx: &Ctx, all: bool) -> Result<AlertsReport> {
    let config = ctx.config()?;
    let (store, _) = ctx.store_to_read(&config)?;
    let silences = store.silences(unix_now())?;
    let alerts = store.alerts(all, 100)?.into_iter().map(|a| AlertView::new(a.into(), &silences)).collect();
    let silences = silences
        .into_iter()
        .map(|s| SilenceView { monitor: s.monitor, until: rfc3339(s.until), reason: s.reason })
        .collect();
    Ok(AlertsReport { alerts, silences, all })
}

pub(crate) fn ack(ctx: &Ctx, id: i64) -> Result<AlertChange> {
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    let Some(a) = store.alert(id)?.map(crate::alert::state::Alert::from) else {
        bail!("no alert with id {id} (see hm alerts --all)")
    };
    if a.state == AlertState::Resolved {
        bail!("alert {id} ({}) is already resolved", a.monitor);
    }
    store.ack(id)?;
    Ok(AlertChange {
        action: "ack".into(),
        target: id.to_string(),
        message: format!("acknowledged alert {id} ({} {}): no repeats until it gets worse", a.monitor, a.severity),
    })
}

pub(crate) fn silence(ctx: &Ctx, monitor: &str, duration: Duration, reason: &str) -> Result<AlertChange> {
    let config = ctx.config()?;
    config.select(&[monitor.to_string()])?;
    // A pool raises one alert, under its own name: a silence of one
    // instance would silence nothing.
    if let Some((pool, _)) = crate::config::instances::split(monitor) {
        bail!(
            "`{monitor}` is an instance of pool `{pool}`, whose alert is one, `{pool}`: silence it with hm alerts silence {pool}, or stop checking this instance with hm monitor pause {monitor}"
        );
    }
    let store = ctx.store(&config)?;
    let now = unix_now();
    let until = now + duration.as_secs_f64();
    store.silence(&Silence { monitor: monitor.to_string(), until, reason: reason.to_string() }, now)?;
    Ok(AlertChange {
        action: "silence".into(),
        target: monitor.to_string(),
        message: format!("{monitor} silenced until {}: checked and recorded, nobody notified", rfc3339(until)),
    })
}

pub(crate) fn unsilence(ctx: &Ctx, monitor: &str) -> Result<AlertChange> {
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    if !store.unsilence(monitor)? {
        bail!("`{monitor}` is not silenced");
    }
    Ok(AlertChange {
        action: "unsilence".into(),
        target: monitor.to_string(),
        message: format!("{monitor} is no longer silenced"),
    })
}

pub(crate) fn outbox(ctx: &Ctx, all: bool) -> Result<OutboxReport> {
    let config = ctx.config()?;
    let (store, _) = ctx.store_to_read(&config)?;
    let mut rows = if all { store.outbox_recent(100)? } else { store.undelivered()? };
    rows.sort_by_key(|r| r.id);
    let notifications = rows
        .into_iter()
        .map(|r| {
            let n: Option<Notification> = crate::alert::stored::read(r.notification).ok();
            OutboxView {
                id: r.id,
                channel: r.channel,
                alert_id: r.alert_id,
                event: r.event,
                monitor: n.as_ref().map(|n| n.monitor.clone()).unwrap_or_default(),
                severity: n.map(|n| n.severity),
                created_at: rfc3339(r.created_at),
                attempts: r.attempts,
                next_try: r.delivered_at.is_none().then(|| rfc3339(r.next_try)),
                delivered_at: r.delivered_at.map(rfc3339),
                last_error: r.last_error,
            }
        })
        .collect();
    Ok(OutboxReport { notifications })
}

pub(crate) fn flush(ctx: &Ctx) -> Result<Delivery> {
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    deliver(&store, &config, &ctx.db_path(&config), unix_now(), Due::All)
}

/// Send a test notification straight to a channel (not through the outbox:
/// the operator wants to know now whether it works).
pub(crate) fn test(ctx: &Ctx, channel: &str) -> Result<TestReport> {
    let config = ctx.config()?;
    let Some(ch) = config.channels.iter().find(|c| c.name == channel) else {
        let known: Vec<&str> = config.channels.iter().map(|c| c.name.as_str()).collect();
        if known.is_empty() {
            bail!("no channel named `{channel}`: the config has no [[channel]]");
        }
        bail!("no channel named `{channel}` (known: {})", known.join(", "));
    };
    let now = unix_now();
    let host = host_name(config.settings.alerts.host.as_deref());
    let alert = Alert {
        id: 0,
        monitor: "hm-test".into(),
        kind: "test".into(),
        severity: Status::Warning,
        state: AlertState::Firing,
        streak: 1,
        message: format!("test notification from hm on {host}, sent by `hm alerts test {channel}`"),
        started_at: now,
        fired_at: Some(now),
        last_sent_at: None,
        resolved_at: None,
        acked: false,
    };
    let n =
        notification(&alert, &Event { kind: EventKind::Test, severity: Status::Warning, previous: None }, &host, now);
    let (ok, detail) = match notify::send(ch, &n) {
        Ok(d) => (true, d),
        Err(e) => (false, e),
    };
    Ok(TestReport { channel: ch.name.clone(), kind: ch.kind().into(), target: ch.shown(), ok, detail })
}
