//! Which death each restart answered: a restart's death is
//! the last of its monitor's deaths before it and after the restart
//! before it. Joined when read, so a certificate written a moment after
//! the restart's intent (the coroner runs beside the loop) still counts.

use crate::engine::report::Death;
use crate::store::{ActionKind, ActionRow};

/// How far before a restart its death may be, with no restart between.
const WINDOW: f64 = 86_400.0;

/// For each of `rows` (oldest first), the death its restart answered;
/// `deaths` newest first.
pub(crate) fn answered(rows: &[ActionRow], deaths: &[Death]) -> Vec<Option<Death>> {
    let mut out = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        if row.action != ActionKind::Restart {
            out.push(None);
            continue;
        }
        let prev =
            rows[..i].iter().rev().find(|r| r.action == ActionKind::Restart && r.monitor == row.monitor).map(|r| r.ts);
        let after = prev.unwrap_or(row.ts - WINDOW);
        out.push(deaths.iter().find(|d| d.monitor == row.monitor && d.ts <= row.ts && d.ts > after).cloned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn restart(monitor: &str, ts: f64) -> ActionRow {
        ActionRow::new(ts, monitor, ActionKind::Restart)
    }

    fn death(monitor: &str, ts: f64) -> Death {
        Death { monitor: monitor.into(), ts, ..Death::default() }
    }

    #[test]
    fn each_restart_answers_the_last_death_before_it_and_none_twice() {
        let rows = [restart("api", 10.0), restart("db", 11.0), restart("api", 20.0), restart("api", 30.0)];
        let deaths = [death("api", 19.0), death("api", 18.0), death("db", 10.5), death("api", 9.0)];
        let got: Vec<Option<f64>> = answered(&rows, &deaths).iter().map(|d| d.as_ref().map(|d| d.ts)).collect();
        assert_eq!(got, vec![Some(9.0), Some(10.5), Some(19.0), None]);
    }
}
