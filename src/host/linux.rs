//! The real machine: `sysinfo` for memory and load, `procfs` for processes
//! (see there why not sysinfo), `/proc/stat`
//! for CPU counters (sysinfo only gives usage between two of its own
//! refreshes, and hm keeps the counters between runs instead of sleeping),
//! `/proc/self/mounts` + `statvfs` for filesystems (sysinfo has no inode
//! figures), and `systemctl show` for units.
//!
//! One `LinuxHost` lives for one run; the process table is scanned at most
//! once, lazily, reading only the files the configured checks need, and
//! only for processes the engine's [`ProcCache`] does not know yet.
//! hm's ancestry ([`Host::protected_pids`]) is read once per run too: a
//! hundred `process` monitors read it a hundred times (five hundred
//! `/proc/PID/stat` reads, a fifth of a one-shot run's CPU); the signal
//! path still reads it afresh before every signal.

use super::proc_cache::ProcCache;
use super::procfs::{self, Clock};
use super::{
    CpuTimes, FsInfo, Host, LoadAvg, MemInfo, ProcEntry, ProcInfo, ProcNeeds, Signal, Started, UnitInfo, exec,
};
use anyhow::{Context, Result, anyhow, bail};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use sysinfo::System;

/// Filesystem types that are never "real" disks, whatever their mount point.
const PSEUDO_FS: &[&str] = &[
    "autofs",
    "binfmt_misc",
    "bpf",
    "cgroup",
    "cgroup2",
    "configfs",
    "debugfs",
    "devpts",
    "devtmpfs",
    "efivarfs",
    "fusectl",
    "hugetlbfs",
    "mqueue",
    "nsfs",
    "overlay",
    "proc",
    "pstore",
    "ramfs",
    "rootfs",
    "rpc_pipefs",
    "securityfs",
    "selinuxfs",
    "squashfs",
    "sysfs",
    "tmpfs",
    "tracefs",
    "iso9660",
    "fuse.lxcfs",
    "fuse.portal",
    "fuse.gvfsd-fuse",
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "sshfs",
    "fuse.sshfs",
];

/// The real host.
pub(crate) struct LinuxHost {
    needs: ProcNeeds,
    snapshot: OnceLock<Result<Vec<ProcEntry>, String>>,
    clock: Clock,
    /// What earlier scans read, kept between runs by the engine.
    cache: Arc<ProcCache>,
    /// hm's ancestry, read once for matching.
    protected: OnceLock<Vec<u32>>,
}

impl LinuxHost {
    /// A host whose process scan reads only what `needs` says, and only
    /// what `cache` does not know.
    pub(crate) fn new(needs: ProcNeeds, cache: Arc<ProcCache>) -> LinuxHost {
        LinuxHost { needs, snapshot: OnceLock::new(), clock: Clock::read(), cache, protected: OnceLock::new() }
    }
}

impl Host for LinuxHost {
    fn processes(&self) -> Result<&[ProcEntry]> {
        match self.snapshot.get_or_init(|| procfs::scan(self.needs, &self.cache).map_err(|e| format!("{e:#}"))) {
            Ok(v) => Ok(v),
            Err(e) => Err(anyhow!("{e}")),
        }
    }

    fn process(&self, pid: u32) -> Option<ProcInfo> {
        procfs::process(pid, &self.clock)
    }

    fn entry(&self, pid: u32, needs: ProcNeeds) -> Option<ProcEntry> {
        procfs::entry(pid, needs)
    }

    fn listed(&self, entry: &ProcEntry) -> Option<ProcInfo> {
        procfs::listed(entry, &self.clock, &self.cache)
    }

    fn uid(&self, pid: u32) -> Option<u32> {
        procfs::uid(pid)
    }

    fn foreground(&self, pid: u32) -> Option<super::Foreground> {
        super::tty::foreground(pid)
    }

    fn protected_pids(&self) -> Vec<u32> {
        self.protected.get_or_init(super::lineage::protected_pids).clone()
    }

    fn cpu_times(&self) -> Result<CpuTimes> {
        let text = std::fs::read_to_string("/proc/stat").context("cannot read /proc/stat")?;
        parse_proc_stat(&text).ok_or_else(|| anyhow!("unexpected format of /proc/stat"))
    }

    fn memory(&self) -> Result<MemInfo> {
        let mut sys = System::new().map_err(|e| anyhow!("cannot read memory figures: {e:?}"))?;
        sys.refresh_memory();
        Ok(MemInfo {
            total: sys.total_memory(),
            available: sys.available_memory(),
            swap_total: sys.total_swap(),
            swap_free: sys.free_swap(),
        })
    }

    fn load(&self) -> Result<LoadAvg> {
        let l = System::load_average().map_err(|e| anyhow!("cannot read the load average: {e:?}"))?;
        let cpus = super::cpus();
        Ok(LoadAvg { one: l.one, five: l.five, fifteen: l.fifteen, cpus })
    }

    fn filesystems(&self, extra_types: &[String]) -> Result<Vec<FsInfo>> {
        let text = std::fs::read_to_string("/proc/self/mounts").context("cannot read /proc/self/mounts")?;
        let mut seen_devices = Vec::new();
        let mut out = Vec::new();
        for (device, mount, fs_type) in parse_mounts(&text) {
            let pseudo = PSEUDO_FS.contains(&fs_type.as_str())
                || fs_type.starts_with("fuse.")
                || mount.starts_with("/proc")
                || mount.starts_with("/sys")
                || (mount.starts_with("/run") && !mount.starts_with("/run/media"));
            let wanted = extra_types.contains(&fs_type) || !pseudo;
            // A device mounted twice (bind mounts) is one filesystem.
            if !wanted || (device.starts_with('/') && seen_devices.contains(&device)) {
                continue;
            }
            let Ok(info) = statvfs(&mount, &device, &fs_type) else { continue };
            if info.total_bytes == 0 {
                continue;
            }
            seen_devices.push(device);
            out.push(info);
        }
        Ok(out)
    }

    fn filesystem_of(&self, path: &Path) -> Result<FsInfo> {
        let text = std::fs::read_to_string("/proc/self/mounts").context("cannot read /proc/self/mounts")?;
        let canonical = path.canonicalize().with_context(|| format!("cannot resolve {}", path.display()))?;
        let (device, mount, fs_type) = parse_mounts(&text)
            .into_iter()
            .filter(|(_, m, _)| canonical.starts_with(m))
            .max_by_key(|(_, m, _)| m.as_os_str().len())
            .unwrap_or_else(|| (String::new(), PathBuf::from("/"), String::new()));
        let mut info = statvfs(&canonical, &device, &fs_type)?;
        info.mount = mount;
        Ok(info)
    }

    fn signal(&self, pid: u32, signal: Signal) -> Result<()> {
        // Read afresh, not the run's copy: hm may have been reparented since.
        if pid == 0 || super::lineage::protected_pids().contains(&pid) {
            bail!("pid {pid} is init, hm or an ancestor of hm: not signalled");
        }
        let target = i32::try_from(pid).map_err(|_| anyhow!("pid {pid} out of range"))?;
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(target), signal)
            .with_context(|| format!("cannot send {signal} to pid {pid}"))
    }

    fn command_output(&self, argv: &[String], timeout: Duration) -> Result<String> {
        exec::output(argv, timeout)
    }

    fn start_worker(
        &self,
        name: &str,
        argv: &[String],
        log: Option<&Path>,
        grace: Duration,
        launch: &super::launch::Launch,
    ) -> Result<Started> {
        // A user may not create system units: only root's workers get one.
        if nix::unistd::geteuid().is_root() && super::worker_unit::systemd_booted() {
            let pid = super::worker_unit::start(name, argv, log, grace, launch)?;
            return Ok(Started { pid, unit: Some(super::worker_unit::unit_name(name)) });
        }
        Ok(Started { pid: exec::spawn_detached(argv, log, launch)?, unit: None })
    }

    fn unit(&self, unit: &str) -> Result<UnitInfo> {
        let output = Command::new("systemctl")
            .args(["show", "--property=ActiveState,MainPID,ControlGroup", "--", unit])
            .output()
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => anyhow!("systemctl not found: unit monitors need systemd"),
                _ => anyhow!("cannot run systemctl: {e}"),
            })?;
        if !output.status.success() {
            let err = String::from_utf8_lossy(&output.stderr);
            bail!("systemctl show {unit} failed: {}", err.lines().next().unwrap_or("").trim());
        }
        let mut info = UnitInfo::default();
        let mut cgroup = String::new();
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            match line.split_once('=') {
                Some(("ActiveState", v)) => info.active_state = v.to_string(),
                Some(("MainPID", v)) => info.main_pid = v.parse().unwrap_or(0),
                Some(("ControlGroup", v)) => cgroup = v.to_string(),
                _ => {}
            }
        }
        if !cgroup.is_empty() {
            for base in ["/sys/fs/cgroup", "/sys/fs/cgroup/systemd"] {
                if let Ok(text) = std::fs::read_to_string(format!("{base}{cgroup}/cgroup.procs")) {
                    info.pids = text.lines().filter_map(|l| l.trim().parse().ok()).collect();
                    break;
                }
            }
        }
        if info.pids.is_empty() && info.main_pid != 0 {
            info.pids.push(info.main_pid);
        }
        Ok(info)
    }
}

fn statvfs(mount: &Path, device: &str, fs_type: &str) -> Result<FsInfo> {
    let st = nix::sys::statvfs::statvfs(mount).with_context(|| format!("statvfs {}", mount.display()))?;
    let frsize = st.fragment_size() as u64;
    let total = st.blocks() as u64 * frsize;
    let free = st.blocks_free() as u64 * frsize;
    Ok(FsInfo {
        mount: mount.to_path_buf(),
        fs_type: fs_type.to_string(),
        device: device.to_string(),
        total_bytes: total,
        avail_bytes: st.blocks_available() as u64 * frsize,
        used_bytes: total.saturating_sub(free),
        inodes_total: st.files() as u64,
        inodes_free: st.files_free() as u64,
    })
}

/// The first line of `/proc/stat` as busy / iowait / total ticks.
pub(crate) fn parse_proc_stat(text: &str) -> Option<CpuTimes> {
    let line = text.lines().find(|l| l.starts_with("cpu "))?;
    let v: Vec<u64> = line.split_whitespace().skip(1).filter_map(|f| f.parse().ok()).collect();
    if v.len() < 4 {
        return None;
    }
    let field = |i: usize| v.get(i).copied().unwrap_or(0);
    // user nice system idle iowait irq softirq steal (guest is inside user)
    let busy = field(0) + field(1) + field(2) + field(5) + field(6) + field(7);
    let (idle, iowait) = (field(3), field(4));
    Some(CpuTimes { busy, iowait, total: busy + idle + iowait })
}

/// Decode the octal escapes (`\040` for a space) of a mounts field.
fn unescape(field: &str) -> String {
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\'
            && i + 3 < bytes.len()
            && let Some(code) =
                std::str::from_utf8(&bytes[i + 1..i + 4]).ok().and_then(|d| u8::from_str_radix(d, 8).ok())
        {
            out.push(code);
            i += 4;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `(device, mount point, type)` of each line of `/proc/self/mounts`.
fn parse_mounts(text: &str) -> Vec<(String, PathBuf, String)> {
    text.lines()
        .filter_map(|line| {
            let mut f = line.split(' ');
            let (dev, mount, ty) = (f.next()?, f.next()?, f.next()?);
            Some((unescape(dev), PathBuf::from(unescape(mount)), ty.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_stat_counters() {
        let t = parse_proc_stat("cpu  100 5 50 800 20 3 2 0 0 0\ncpu0 1 2 3 4\n").expect("parsed");
        assert_eq!(t, CpuTimes { busy: 160, iowait: 20, total: 980 });
        assert!(parse_proc_stat("intr 1 2\n").is_none());
    }

    #[test]
    fn mounts_with_escapes() {
        let m = parse_mounts("/dev/vda / ext4 rw 0 0\n/dev/vdb /mnt/my\\040disk xfs rw 0 0\n");
        assert_eq!(m[1].1, PathBuf::from("/mnt/my disk"));
        assert_eq!(m[0].2, "ext4");
    }

    #[test]
    fn real_host_sees_itself() {
        let host = LinuxHost::new(ProcNeeds { cmdline: true, names: true }, Arc::default());
        let me = host.process(std::process::id()).expect("own process");
        assert!(me.rss > 0);
        assert!(host.processes().expect("scan").iter().any(|p| p.pid == me.pid));
        assert!(!host.filesystems(&[]).expect("mounts").is_empty());
    }
}
