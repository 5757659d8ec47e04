//! `disk`: space % and inode % of every real filesystem (or of the one
//! holding `path`). Pseudo and in-memory filesystems (tmpfs, overlay, proc,
//! squashfs...) are skipped unless named in `fs_types`, so the report is
//! about disks that can fill up and stop a service.
//!
//! Here: its spec, its `hm.toml` keys and `hm add` flags, their
//! validation, and how `hm monitor list` shows it; the check is
//! `check::kinds::disk`.

use super::{AddHelp, Described, Flag, Kind, host_limits, limits_text, num};
use crate::config::checker::Checker;
use crate::config::{HostThresholds, Limits, RawMonitor, Spec};
use std::path::PathBuf;
use std::time::Duration;

/// A `disk` monitor: one path's filesystem, or every real filesystem.
#[derive(Debug, Clone)]
pub(crate) struct DiskSpec {
    pub path: Option<PathBuf>,
    /// Filesystem types to include beyond the real ones (e.g. `tmpfs`).
    pub fs_types: Vec<String>,
    pub space: Limits,
    pub inodes: Limits,
    /// When a filesystem is forecast to be full within these, it is warning / critical.
    pub forecast: Forecast,
}

/// Disk-full forecast levels: warn within 24 h, crit within 4 h by default.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Forecast {
    pub warn: Duration,
    pub crit: Duration,
}

impl Default for Forecast {
    fn default() -> Self {
        Forecast { warn: Duration::from_secs(24 * 3600), crit: Duration::from_secs(4 * 3600) }
    }
}

pub(crate) static KIND: Kind = Kind {
    name: "disk",
    keys: &["warn", "crit", "inode_warn", "inode_crit", "path", "fs_types", "forecast_warn", "forecast_crit"],
    add: AddHelp {
        about: "Space and inodes of one or every real filesystem, and when it will be full",
        heading: "A disk monitor",
        flags: &[
            Flag::path("path", "PATH", "Only the filesystem holding this path (default: every real one)"),
            Flag::number("warn", "PERCENT", "Space warning level, % used (default 85)"),
            Flag::number("crit", "PERCENT", "Space critical level, % (default 95)"),
            Flag::float("inode_warn", "PERCENT", "Inode warning level, %"),
            Flag::float("inode_crit", "PERCENT", "Inode critical level, %"),
            Flag::texts("fs_types", "TYPE", "Also watch filesystems of this type, e.g. tmpfs (repeatable)"),
            Flag::text("forecast_warn", "DURATION", "Warning when forecast full within this (default 24h)"),
            Flag::text("forecast_crit", "DURATION", "Critical when forecast full within this (default 4h)"),
        ],
        examples: "Examples:\n  hm add disk data --path /data --warn 80 --crit 90\n  \
                   hm add disk scratch --path /scratch --fs-types tmpfs --forecast-warn 12h",
    },
    validate,
};

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor, t: &HostThresholds) -> Option<Spec> {
    let pct = Some((0.0, 100.0));
    let space = host_limits(c, raw, t.disk);
    let inodes = Limits { warn: raw.inode_warn.or(t.inodes.warn), crit: raw.inode_crit.or(t.inodes.crit) };
    Some(Spec::Disk(DiskSpec {
        path: raw.path.clone(),
        fs_types: raw.fs_types.clone().unwrap_or_default(),
        space: c.limits("warn", "crit", space, pct),
        inodes: c.limits("inode_warn", "inode_crit", inodes, pct),
        forecast: forecast(c, raw),
    }))
}

/// The disk-full forecast levels.
fn forecast(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Forecast {
    let d = Forecast::default();
    let f = Forecast {
        warn: c.duration("forecast_warn", raw.forecast_warn.as_deref(), d.warn),
        crit: c.duration("forecast_crit", raw.forecast_crit.as_deref(), d.crit),
    };
    if f.crit > f.warn {
        c.err("forecast_crit", "forecast_crit must not be longer than forecast_warn (it is the nearer deadline)");
    }
    f
}

pub(super) fn describe(d: &DiskSpec) -> Described {
    (
        d.path.as_ref().map_or("every real filesystem".into(), |p| format!("filesystem of {}", p.display())),
        vec![limits_text("", d.space, num), limits_text("inode_", d.inodes, num)],
    )
}
