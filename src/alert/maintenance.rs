//! Maintenance windows in force: the planned ones of hm.toml
//! (`[[maintenance]]`) open now, and the unplanned ones started with
//! `hm alerts maintenance start` (the `maintenance` table). A monitor
//! inside one is checked and recorded as always; its alert is neither
//! raised nor sent (the router skips it, escalation holds it), and it is
//! healed only when the window says `heal = true`. Nothing is remembered
//! of the window: once it ends, the next check feeds the alert state
//! machine as any other, so what is still failing fires then.

use crate::config::Config;
use crate::config::maintenance::covers;
use crate::store::MaintenanceRow;
use serde::Serialize;

/// One window open now.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub(crate) struct OpenWindow {
    /// The `[[maintenance]]` table's name, or `unplanned` for one started
    /// with `hm alerts maintenance start`.
    pub window: String,
    /// When it closes (RFC 3339).
    pub until: String,
    /// Heals run inside it (`heal = true`); else they are held.
    pub heal: bool,
    #[serde(skip)]
    #[schemars(skip)]
    until_ts: f64,
    #[serde(skip)]
    #[schemars(skip)]
    globs: Vec<glob::Pattern>,
}

/// The windows open at one time.
#[derive(Debug, Default)]
pub(crate) struct InForce(Vec<OpenWindow>);

impl InForce {
    /// The windows of `config` open at `now`, with the unplanned `rows`.
    pub(crate) fn at(config: &Config, rows: &[MaintenanceRow], now: f64) -> InForce {
        let mut open = Vec::new();
        for w in &config.maintenance {
            if let Some(until) = w.open_until(now) {
                open.push(OpenWindow {
                    window: w.name.clone(),
                    until: crate::time::rfc3339(until),
                    heal: w.heal,
                    until_ts: until,
                    globs: w.monitors.clone(),
                });
            }
        }
        for r in rows {
            let globs = r.monitors.iter().filter_map(|g| glob::Pattern::new(g).ok()).collect();
            open.push(OpenWindow {
                window: "unplanned".into(),
                until: crate::time::rfc3339(r.until),
                heal: r.heal,
                until_ts: r.until,
                globs,
            });
        }
        InForce(open)
    }

    /// The window `monitor` is in, if any. Where several cover it, one
    /// that holds heals wins, then the one that closes last.
    pub(crate) fn of(&self, monitor: &str) -> Option<&OpenWindow> {
        self.0.iter().filter(|o| o.globs.is_empty() || covers(&o.globs, monitor)).max_by(|a, b| {
            (!a.heal, a.until_ts).partial_cmp(&(!b.heal, b.until_ts)).unwrap_or(std::cmp::Ordering::Equal)
        })
    }
}

impl OpenWindow {
    /// Why a heal is held: `in maintenance window `x` until ...`.
    pub(crate) fn holding(&self) -> String {
        format!("in maintenance ({}) until {}: healed once it ends", self.window, self.until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue30_a_scheduled_window_covers_its_globs_and_pools_while_open() {
        let text = "[[monitor]]\nname = \"api-1\"\nkind = \"cpu\"\n\n[[monitor]]\nname = \"db\"\nkind = \"cpu\"\n\n\
                    [[maintenance]]\nname = \"nightly\"\nmonitors = [\"api*\"]\nschedule = \"0 3 * * *\"\ntz = \"UTC\"\nduration = \"1h\"\n";
        let config = Config::parse("hm.toml", text).expect("valid");
        // 2027-03-10 03:30 UTC is inside; 04:00 is not.
        let inside = 1_804_649_400.0;
        let f = InForce::at(&config, &[], inside);
        let o = f.of("api-1").expect("covered");
        assert_eq!((o.window.as_str(), o.heal, o.until_ts), ("nightly", false, inside + 1800.0));
        assert!(f.of("db").is_none());
        assert!(InForce::at(&config, &[], inside + 1800.0).of("api-1").is_none());
        // A pool's instance is covered by its own name and by its pool's.
        let glob = |g: &str| vec![glob::Pattern::new(g).expect("glob")];
        assert!(covers(&glob("api*"), "api@3") && covers(&glob("api"), "api@3") && !covers(&glob("db"), "api@3"));
        let row = MaintenanceRow { id: 1, monitors: Vec::new(), by: "root".into(), since: 0.0, until: 9e9, heal: true };
        let all = InForce::at(&config, &[row], inside + 1800.0);
        assert!(all.of("db").is_some_and(|o| o.heal && o.window == "unplanned"));
    }
}
