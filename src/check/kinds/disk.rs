//! `disk`: space % and inode % of every real filesystem (or of the one
//! holding `path`). Pseudo and in-memory filesystems (tmpfs, overlay, proc,
//! squashfs...) are skipped unless named in `fs_types`, so the report is
//! about disks that can fill up and stop a service.
//!
//! Here: the check; its spec, keys and validation are `config::kinds::disk`.

use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::kinds::disk::DiskSpec;
use crate::host::FsInfo;
use crate::status::Status;
use anyhow::Result;

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
    use crate::config::Limits;
    use crate::host::fake::FakeHost;
    use std::path::PathBuf;

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
