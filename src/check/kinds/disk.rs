//! `disk`: space % and inode % of every real filesystem (or of the one
//! holding `path`). Pseudo and in-memory filesystems (tmpfs, overlay, proc,
//! squashfs...) are skipped unless named in `fs_types`, so the report is
//! about disks that can fill up and stop a service.

use super::{AddHelp, Described, Flag, Kind, host_limits, limits_text, num, wrong_kind};
use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::checker::Checker;
use crate::config::{HostThresholds, Limits, Monitor, RawMonitor, Spec};
use crate::host::FsInfo;
use crate::status::Status;
use anyhow::Result;
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
    is: |s| matches!(s, Spec::Disk(_)),
    validate,
    check: |ctx, m| match &m.spec {
        Spec::Disk(spec) => check(ctx, spec),
        _ => Err(wrong_kind("disk", m)),
    },
    describe,
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

fn describe(m: &Monitor) -> Described {
    let Spec::Disk(d) = &m.spec else { return Described::default() };
    (
        d.path.as_ref().map_or("every real filesystem".into(), |p| format!("filesystem of {}", p.display())),
        vec![limits_text("", d.space, num), limits_text("inode_", d.inodes, num)],
    )
}

pub(crate) fn check(ctx: &CheckCtx<'_>, spec: &DiskSpec) -> Result<CheckOutput> {
    let filesystems = match &spec.path {
        Some(p) => vec![ctx.host.filesystem_of(p)?],
        None => ctx.host.filesystems(&spec.fs_types)?,
    };
    if filesystems.is_empty() {
        return Ok(CheckOutput {
            status: Status::Unknown,
            message: "no real filesystem found".to_string(),
            ..Default::default()
        });
    }
    let mut metrics = Vec::new();
    let mut problems = Vec::new();
    let mut fullest: Option<(f64, &FsInfo)> = None;
    for fs in &filesystems {
        let mount = fs.mount.display();
        // Like df: used / (used + available to users), so reserved blocks count as full.
        let space = 100.0 * fs.used_bytes as f64 / (fs.used_bytes + fs.avail_bytes).max(1) as f64;
        let m = Metric::new(format!("space:{mount}"), space, "%").limits(spec.space);
        if m.status() != Status::Ok {
            problems.push(format!("{mount} {space:.1}% full ({})", m.status()));
        }
        metrics.push(m);
        if fs.inodes_total > 0 {
            let inodes = 100.0 * fs.inodes_total.saturating_sub(fs.inodes_free) as f64 / fs.inodes_total as f64;
            let m = Metric::new(format!("inodes:{mount}"), inodes, "%").limits(spec.inodes);
            if m.status() != Status::Ok {
                problems.push(format!("{mount} inodes {inodes:.1}% used ({})", m.status()));
            }
            metrics.push(m);
        }
        if fullest.is_none_or(|(f, _)| space > f) {
            fullest = Some((space, fs));
        }
    }
    let message = match (problems.is_empty(), fullest) {
        (false, _) => problems.join(", "),
        (true, Some((pct, fs))) => format!(
            "{} filesystem{}, fullest {} at {pct:.1}%",
            filesystems.len(),
            if filesystems.len() == 1 { "" } else { "s" },
            fs.mount.display()
        ),
        (true, None) => String::new(),
    };
    Ok(CheckOutput::from_metrics(message, metrics))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Inputs;
    use crate::host::fake::FakeHost;

    fn fs(mount: &str, ty: &str, used: u64, avail: u64, inodes_free: u64) -> FsInfo {
        FsInfo {
            mount: PathBuf::from(mount),
            fs_type: ty.to_string(),
            device: format!("/dev/{ty}"),
            total_bytes: used + avail,
            avail_bytes: avail,
            used_bytes: used,
            inodes_total: 100,
            inodes_free,
        }
    }

    #[test]
    fn space_and_inodes_per_filesystem() {
        let host = FakeHost {
            fs: vec![fs("/", "ext4", 50, 50, 90), fs("/data", "xfs", 90, 10, 3), fs("/dev/shm", "tmpfs", 99, 1, 50)],
            ..Default::default()
        };
        let f = Inputs::default();
        let ctx = f.ctx(&host, 0.0);
        let spec = DiskSpec {
            path: None,
            fs_types: vec![],
            space: Limits::new(85.0, 95.0),
            inodes: Limits::new(85.0, 95.0),
            forecast: Default::default(),
        };
        let out = check(&ctx, &spec).expect("check");
        assert_eq!(out.status, Status::Critical);
        assert_eq!(out.message, "/data 90.0% full (warning), /data inodes 97.0% used (critical)");
        let names: Vec<&str> = out.metrics.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["space:/", "inodes:/", "space:/data", "inodes:/data"]);
    }

    #[test]
    fn one_path() {
        let host =
            FakeHost { fs: vec![fs("/", "ext4", 10, 90, 90), fs("/data", "xfs", 20, 80, 90)], ..Default::default() };
        let f = Inputs::default();
        let ctx = f.ctx(&host, 0.0);
        let spec = DiskSpec {
            path: Some(PathBuf::from("/data/db")),
            fs_types: vec![],
            space: Limits::new(85.0, 95.0),
            inodes: Limits::new(85.0, 95.0),
            forecast: Default::default(),
        };
        let out = check(&ctx, &spec).expect("check");
        assert_eq!(out.status, Status::Ok);
        assert_eq!(out.message, "1 filesystem, fullest /data at 20.0%");
    }
}
