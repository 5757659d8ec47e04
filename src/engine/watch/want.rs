//! What the watcher should watch, decided from the config and the results
//! of the last runs: data only, so it is tested without a process or a
//! file (the watcher thread in `mod.rs` turns it into pidfds and inotify
//! watches).
//!
//! A `process` monitor watches every process its last check matched; a
//! file `heartbeat` monitor watches its file only while it is not ok, as
//! then a touch is news (it resolves at once), and while it is ok a file
//! touched every second would only cost a check every second. Staleness
//! is still found by the clock: nothing happening is no event.

use crate::check::CheckResult;
use crate::config::{Config, HeartbeatSource, Monitor, Spec};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

/// A process as a check matched it: pid and start time (clock ticks since
/// boot), so that a pid reused since is never taken for it.
pub(crate) type Proc = (u32, u64);

/// The watches wanted, by monitor.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Want {
    /// The processes each `process` monitor matched.
    pub procs: BTreeMap<String, Vec<Proc>>,
    /// The heartbeat file of each file `heartbeat` monitor that is not ok.
    pub files: BTreeMap<String, PathBuf>,
}

impl Want {
    /// Take in the results of a run: a full cycle (`full`) replaces
    /// everything, so a monitor no longer checked is no longer watched; a
    /// targeted run replaces only its own monitors' watches.
    pub(crate) fn update(&mut self, config: &Config, results: &[CheckResult], full: bool) {
        if full {
            *self = Want::default();
        }
        // By name (a thousand results each looked through every monitor).
        let mut enabled: HashMap<&str, &Monitor> = HashMap::new();
        for m in config.monitors.iter().filter(|m| m.enabled) {
            enabled.entry(m.name.as_str()).or_insert(m);
        }
        for r in results {
            self.forget(&r.monitor);
            let Some(m) = enabled.get(r.monitor.as_str()) else { continue };
            match &m.spec {
                Spec::Process(_) if !r.procs.is_empty() => {
                    self.procs.insert(r.monitor.clone(), r.procs.clone());
                }
                Spec::Heartbeat(h) if r.status != crate::status::Status::Ok => {
                    if let HeartbeatSource::File(path) = &h.source {
                        self.files.insert(r.monitor.clone(), path.clone());
                    }
                }
                _ => {}
            }
        }
    }

    /// Keep only the watches of monitors still enabled in `config` (after
    /// a reload): a removed monitor's process may die unnoticed.
    pub(crate) fn retain(&mut self, config: &Config) {
        let enabled: HashSet<&str> = config.monitors.iter().filter(|m| m.enabled).map(|m| m.name.as_str()).collect();
        let keep = |name: &String| enabled.contains(name.as_str());
        self.procs.retain(|name, _| keep(name));
        self.files.retain(|name, _| keep(name));
    }

    /// Stop watching for `monitor` (its watch fired, or it was checked).
    pub(crate) fn forget(&mut self, monitor: &str) {
        self.procs.remove(monitor);
        self.files.remove(monitor);
    }

    /// The monitors watching each process: two monitors may match one.
    pub(crate) fn by_proc(&self) -> BTreeMap<Proc, Vec<String>> {
        let mut out: BTreeMap<Proc, Vec<String>> = BTreeMap::new();
        for (name, procs) in &self.procs {
            for p in procs {
                out.entry(*p).or_default().push(name.clone());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::Status;

    fn config() -> Config {
        let text = "host_defaults = false\n\
            [[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"api\"\n\
            [[monitor]]\nname = \"beat\"\nkind = \"heartbeat\"\nfile = \"/tmp/beat\"\n\
            [[monitor]]\nname = \"off\"\nkind = \"process\"\npattern = \"off\"\nenabled = false\n";
        Config::parse("hm.toml", text).expect("config")
    }

    fn result(monitor: &str, status: Status, procs: &[Proc]) -> CheckResult {
        CheckResult { procs: procs.to_vec(), ..CheckResult::stated(monitor, "", status, String::new()) }
    }

    #[test]
    fn processes_always_files_only_while_not_ok() {
        let c = config();
        let mut w = Want::default();
        w.update(&c, &[result("api", Status::Ok, &[(10, 1)]), result("beat", Status::Ok, &[])], true);
        assert_eq!(w.procs["api"], vec![(10, 1)]);
        assert!(w.files.is_empty());
        w.update(&c, &[result("beat", Status::Critical, &[])], false);
        assert_eq!(w.files["beat"], PathBuf::from("/tmp/beat"));
        assert_eq!(w.procs["api"], vec![(10, 1)], "a targeted run keeps the others");
        w.update(&c, &[result("api", Status::Critical, &[])], false);
        assert!(w.procs.is_empty(), "nothing left running: nothing to watch");
        w.update(&c, &[result("off", Status::Ok, &[(11, 1)])], true);
        assert_eq!(w, Want::default(), "a full cycle replaces all; disabled monitors are not watched");
    }

    #[test]
    fn a_reload_drops_removed_monitors_and_shared_processes_name_both() {
        let mut w = Want::default();
        w.procs.insert("api".into(), vec![(10, 1)]);
        w.procs.insert("gone".into(), vec![(10, 1), (12, 3)]);
        assert_eq!(w.by_proc()[&(10, 1)], vec!["api".to_string(), "gone".to_string()]);
        w.retain(&config());
        assert_eq!(w.procs.keys().collect::<Vec<_>>(), vec!["api"]);
    }
}
