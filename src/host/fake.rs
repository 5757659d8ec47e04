//! A host with fixed figures, for testing checks exactly.

use super::{CpuTimes, FsInfo, Host, LoadAvg, MemInfo, ProcEntry, ProcInfo, ProcNeeds, Signal, Started, UnitInfo};
use anyhow::{Result, anyhow};
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

/// Every figure is a public field; set what the test needs.
#[derive(Debug, Default)]
pub(crate) struct FakeHost {
    /// The process-table scan.
    pub entries: Vec<ProcEntry>,
    /// Details by pid (a pid in `entries` but not here has just exited).
    pub procs: Vec<ProcInfo>,
    pub cpu: CpuTimes,
    pub mem: MemInfo,
    pub load: LoadAvg,
    pub fs: Vec<FsInfo>,
    pub units: Vec<(String, UnitInfo)>,
    /// Every signal sent, in order.
    pub signals: Mutex<Vec<(u32, Signal)>>,
    /// Every command run or spawned, in order.
    pub commands: Mutex<Vec<Vec<String>>>,
    /// What every command prints.
    pub output: String,
    /// Uids by pid (a pid not here runs as root).
    pub uids: Vec<(u32, u32)>,
    /// hm's ancestors (pid 1, hm's own pid in a fake, is always protected).
    pub ancestors: Vec<u32>,
    /// Command lines read afresh ([`Host::entry`]) that differ from the
    /// scan's: a process that retitled itself since it was scanned (or
    /// cached). Scan entries with an inode number are still the listed
    /// process ([`Host::listed`]) while they have details.
    pub retitled: Vec<(u32, String)>,
    /// What holds the terminal, by pid (a pid not here has none).
    pub foreground: Vec<(u32, super::Foreground)>,
}

impl Host for FakeHost {
    fn processes(&self) -> Result<&[ProcEntry]> {
        Ok(&self.entries)
    }
    fn process(&self, pid: u32) -> Option<ProcInfo> {
        self.procs.iter().find(|p| p.pid == pid).cloned()
    }
    fn entry(&self, pid: u32, _needs: ProcNeeds) -> Option<ProcEntry> {
        let mut e = self.entries.iter().find(|e| e.pid == pid).cloned()?;
        e.start_ticks = e.start_ticks.or_else(|| self.process(pid).map(|p| p.start_ticks));
        if let Some((_, now)) = self.retitled.iter().find(|(p, _)| *p == pid) {
            e.cmdline.clone_from(now);
        }
        Some(e)
    }
    fn listed(&self, entry: &ProcEntry) -> Option<ProcInfo> {
        (entry.ino > 1).then(|| self.process(entry.pid)).flatten()
    }
    fn uid(&self, pid: u32) -> Option<u32> {
        self.process(pid)?;
        Some(self.uids.iter().find(|(p, _)| *p == pid).map_or(0, |(_, u)| *u))
    }
    fn foreground(&self, pid: u32) -> Option<super::Foreground> {
        self.foreground.iter().find(|(p, _)| *p == pid).map(|(_, f)| f.clone())
    }
    fn protected_pids(&self) -> Vec<u32> {
        std::iter::once(1).chain(self.ancestors.iter().copied()).collect()
    }
    fn cpu_times(&self) -> Result<CpuTimes> {
        Ok(self.cpu)
    }
    fn memory(&self) -> Result<MemInfo> {
        Ok(self.mem)
    }
    fn load(&self) -> Result<LoadAvg> {
        Ok(self.load)
    }
    fn filesystems(&self, extra: &[String]) -> Result<Vec<FsInfo>> {
        Ok(self.fs.iter().filter(|f| f.fs_type != "tmpfs" || extra.contains(&f.fs_type)).cloned().collect())
    }
    fn filesystem_of(&self, path: &Path) -> Result<FsInfo> {
        self.fs
            .iter()
            .filter(|f| path.starts_with(&f.mount))
            .max_by_key(|f| f.mount.as_os_str().len())
            .cloned()
            .ok_or_else(|| anyhow!("no filesystem for {}", path.display()))
    }
    fn signal(&self, pid: u32, signal: Signal) -> Result<()> {
        if let Ok(mut s) = self.signals.lock() {
            s.push((pid, signal));
        }
        Ok(())
    }
    fn command_output(&self, argv: &[String], _timeout: Duration) -> Result<String> {
        if let Ok(mut c) = self.commands.lock() {
            c.push(argv.to_vec());
        }
        Ok(self.output.clone())
    }
    fn start_worker(
        &self,
        _name: &str,
        argv: &[String],
        _log: Option<&Path>,
        _grace: Duration,
        _launch: &super::launch::Launch,
    ) -> Result<Started> {
        self.run_command(argv, Duration::ZERO)?;
        Ok(Started { pid: 4242, unit: None })
    }
    fn unit(&self, unit: &str) -> Result<UnitInfo> {
        self.units
            .iter()
            .find(|(u, _)| u == unit)
            .map(|(_, i)| i.clone())
            .ok_or_else(|| anyhow!("unit {unit} not found"))
    }
}
