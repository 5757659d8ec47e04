//! The embedded host monitors: what `hm check` runs on a fresh machine with
//! no config at all, and what a config gets unless `host_defaults = false`.

use super::model::{DiskSpec, HostThresholds, Monitor, Origin, Spec};
use super::validate::DEFAULT_TIMEOUT;

/// cpu, memory (+swap), load and disk (space and inodes of every real
/// filesystem), with the given thresholds.
pub(super) fn host_monitors(t: &HostThresholds) -> Vec<Monitor> {
    let make = |name: &str, spec: Spec| Monitor {
        name: name.to_string(),
        origin: Origin::Embedded,
        enabled: true,
        timeout: DEFAULT_TIMEOUT,
        for_checks: None,
        cooldown: None,
        flap: None,
        anomaly: None,
        worker: None,
        depends_on: Vec::new(),
        spec,
    };
    vec![
        make("cpu", Spec::Cpu { limits: t.cpu }),
        make("memory", Spec::Memory { memory: t.memory, swap: t.swap }),
        make("load", Spec::Load { limits: t.load }),
        make(
            "disk",
            Spec::Disk(DiskSpec {
                path: None,
                fs_types: Vec::new(),
                space: t.disk,
                inodes: t.inodes,
                forecast: Default::default(),
            }),
        ),
    ]
}
