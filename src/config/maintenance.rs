//! `[[maintenance]]`: planned windows in which the monitors they name are
//! still checked and recorded but not alerted on, and healed only with
//! `heal = true`. Its schedule is a cron expression read as a heartbeat's
//! is (`kinds::schedule`: 5 or 6 fields, `@daily`, `tz`), its `duration`
//! how long each window lasts.
//!
//! Two windows overlap when they cover a monitor in common and, within
//! the week from when the config is read, one opens before the other has
//! closed: a week holds every weekly and daily pattern, which is what
//! windows are written as, and two such windows would leave it unclear
//! which one's `heal` holds.

use super::checker::Checker;
use super::kinds::schedule::{Schedule, Zone, parse_cron, parse_zone};
use super::load::Doc;
use super::model::Monitor;
use super::{ConfigIssue, instances};
use serde::Deserialize;
use std::time::Duration;
use toml::Spanned;
use toml::de::DeTable;

/// The shortest and the longest window: under a minute is not a window a
/// cron expression can open twice; past a week it is an outage to fix,
/// not maintenance.
pub(crate) const SHORTEST: Duration = Duration::from_secs(60);
pub(crate) const LONGEST: Duration = Duration::from_secs(7 * 24 * 3600);

/// How far ahead overlapping windows are looked for, and how many of one
/// window's times at most (a window every minute has 10 080 a week).
const AHEAD_S: f64 = 7.0 * 24.0 * 3600.0;
const MOST: usize = 2000;

/// One `[[maintenance]]` table as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMaintenance {
    pub name: String,
    pub monitors: Vec<String>,
    pub schedule: String,
    pub tz: Option<String>,
    pub duration: String,
    pub heal: Option<bool>,
    #[expect(dead_code, reason = "hm.toml may say what a window is for; hm reads it only to accept it")]
    pub description: Option<String>,
}

/// A planned window.
#[derive(Debug, Clone)]
pub(crate) struct Window {
    pub name: String,
    /// Globs over monitor names (a pool's instances match their pool's too).
    pub monitors: Vec<glob::Pattern>,
    pub schedule: Schedule,
    pub duration: Duration,
    /// Heal inside the window (default: heals are held).
    pub heal: bool,
}

/// Whether `globs` cover `monitor`: by its name or, for a pool's
/// instance (`api@3`), by its pool's.
pub(crate) fn covers(globs: &[glob::Pattern], monitor: &str) -> bool {
    let pool = instances::split(monitor).map(|(p, _)| p);
    globs.iter().any(|g| g.matches(monitor) || pool.is_some_and(|p| g.matches(p)))
}

impl Window {
    /// When the window open at `now` closes; `None` when none is open.
    pub(crate) fn open_until(&self, now: f64) -> Option<f64> {
        let d = self.duration.as_secs_f64();
        let mut start = self.schedule.after(now - d).filter(|s| *s <= now)?;
        // A later start inside the same window keeps it open longer.
        while let Some(next) = self.schedule.after(start).filter(|s| *s <= now) {
            start = next;
        }
        Some(start + d)
    }

    /// The window's spans in `[from, from + AHEAD_S)`.
    fn spans(&self, from: f64) -> Vec<(f64, f64)> {
        let d = self.duration.as_secs_f64();
        let mut out = Vec::new();
        let mut t = from - d;
        while let Some(s) = self.schedule.after(t) {
            if s >= from + AHEAD_S || out.len() >= MOST {
                break;
            }
            out.push((s, s + d));
            t = s;
        }
        out
    }
}

/// Check one table; the window, or `None` with its issues pushed.
pub(crate) fn window(
    doc: &Doc<'_>,
    table: &Spanned<DeTable<'_>>,
    prefix: &str,
    raw: RawMaintenance,
    issues: &mut Vec<ConfigIssue>,
) -> Option<Window> {
    let mut c = Checker::new(doc, table.get_ref(), table.span().start, prefix.to_string(), issues);
    if let Some(p) = super::validate::name_problem(&raw.name, "window") {
        c.err("name", p);
    }
    if raw.monitors.is_empty() {
        c.err("monitors", "is empty: name the monitors the window covers (globs, e.g. \"api*\")");
    }
    let mut globs = Vec::new();
    for m in &raw.monitors {
        match glob::Pattern::new(m) {
            Ok(g) => globs.push(g),
            Err(e) => c.err("monitors", format!("`{}` is not a glob: {e}", crate::units::cut(m))),
        }
    }
    let cron = parse_cron(&raw.schedule).map_err(|e| c.err("schedule", e)).ok();
    let zone = match raw.tz.as_deref().map(parse_zone) {
        None => Some(Zone::Local),
        Some(Ok(z)) => Some(z),
        Some(Err(e)) => {
            c.err("tz", e);
            None
        }
    };
    let duration = match crate::units::parse_duration(&raw.duration) {
        Err(e) => {
            c.err("duration", e);
            None
        }
        Ok(d) if d < SHORTEST => {
            c.err("duration", "must be at least 1m");
            None
        }
        Ok(d) if d > LONGEST => {
            c.err("duration", "must be at most 7d");
            None
        }
        Ok(d) => Some(d),
    };
    let (Some(cron), Some(zone), Some(duration)) = (cron, zone, duration) else { return None };
    if c.failed {
        return None;
    }
    let schedule = Schedule::new(&raw.schedule, cron, zone, Duration::ZERO, None);
    Some(Window { name: raw.name, monitors: globs, schedule, duration, heal: raw.heal.unwrap_or(false) })
}

/// What needs every window and every monitor: a glob that matches no
/// monitor (a typo would leave the monitor it meant alerting through its
/// maintenance), a duplicate name, and windows of a monitor that overlap.
/// `at` is each window's table, in order.
pub(crate) fn across(
    doc: &Doc<'_>,
    at: &[(Spanned<DeTable<'_>>, String)],
    windows: &[Window],
    monitors: &[Monitor],
    now: f64,
    issues: &mut Vec<ConfigIssue>,
) {
    let spans: Vec<Vec<(f64, f64)>> = windows.iter().map(|w| w.spans(now)).collect();
    for (i, (w, (table, prefix))) in windows.iter().zip(at).enumerate() {
        let mut c = Checker::new(doc, table.get_ref(), table.span().start, prefix.clone(), issues);
        if windows[..i].iter().any(|o| o.name == w.name) {
            c.err("name", format!("duplicate window name `{}`", w.name));
        }
        for g in &w.monitors {
            if !monitors.iter().any(|m| covers(std::slice::from_ref(g), &m.name)) {
                c.err("monitors", format!("`{}` matches no monitor", g.as_str()));
            }
        }
        for (j, o) in windows[..i].iter().enumerate() {
            let shared = monitors.iter().find(|m| covers(&w.monitors, &m.name) && covers(&o.monitors, &m.name));
            let Some(m) = shared else { continue };
            let clash = spans[i]
                .iter()
                .find_map(|(a0, a1)| spans[j].iter().find(|(b0, b1)| a0 < b1 && b0 < a1).map(|(b0, _)| a0.max(*b0)));
            if let Some(start) = clash {
                c.err(
                    "schedule",
                    format!(
                        "overlaps window `{}` for monitor `{}` (both open at {}): make them one window or move one",
                        o.name,
                        m.name,
                        w.schedule.show_dated(start)
                    ),
                );
            }
        }
    }
}
