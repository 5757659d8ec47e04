//! Heartbeat files watched with inotify: a file touched again resolves its
//! monitor at once instead of at the next cycle.
//!
//! The watch is on the file's directory, not the file: a job that writes
//! its heartbeat by renaming a new file over the old one replaces the
//! inode, and a watch on the old inode would hear nothing more. Events for
//! the directory's other entries wake only the watcher thread, which
//! drops them. The directory is named by the config (hm only reads what a
//! watch says, and then checks the file as every cycle does), and its last
//! component is not followed if it is a symlink.

use nix::errno::Errno;
use nix::sys::inotify::{AddWatchFlags, InitFlags, Inotify, WatchDescriptor};
use std::collections::{BTreeMap, HashMap};
use std::ffi::OsString;
use std::os::fd::{AsFd, BorrowedFd};
use std::path::{Path, PathBuf};

/// What in a directory counts as a beat: its entry written, touched,
/// created or renamed into place.
fn mask() -> AddWatchFlags {
    AddWatchFlags::IN_ATTRIB
        | AddWatchFlags::IN_MODIFY
        | AddWatchFlags::IN_CLOSE_WRITE
        | AddWatchFlags::IN_CREATE
        | AddWatchFlags::IN_MOVED_TO
        | AddWatchFlags::IN_ONLYDIR
        | AddWatchFlags::IN_DONT_FOLLOW
}

/// The inotify instance and what its watches are for.
pub(super) struct Files {
    inotify: Inotify,
    dirs: HashMap<PathBuf, WatchDescriptor>,
    /// For each watch: entry name → the monitors it beats for. An entry
    /// leaves once it fired, until the next [`Files::set`].
    names: HashMap<WatchDescriptor, HashMap<OsString, Vec<String>>>,
}

/// A file's directory and name (`beat` is `./beat`).
fn split(path: &Path) -> Option<(PathBuf, OsString)> {
    let name = path.file_name()?.to_owned();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Some((dir, name))
}

impl Files {
    pub(super) fn new() -> Result<Files, Errno> {
        let inotify = Inotify::init(InitFlags::IN_NONBLOCK | InitFlags::IN_CLOEXEC)?;
        Ok(Files { inotify, dirs: HashMap::new(), names: HashMap::new() })
    }

    pub(super) fn fd(&self) -> BorrowedFd<'_> {
        self.inotify.as_fd()
    }

    /// Watch the files of `files` (monitor → path), and nothing else. A
    /// directory that cannot be watched (gone, not a directory) is left to
    /// the clock, and `false` returned (to be tried again at the next set).
    pub(super) fn set(&mut self, files: &BTreeMap<String, PathBuf>) -> bool {
        let mut all = true;
        let mut wanted: HashMap<PathBuf, HashMap<OsString, Vec<String>>> = HashMap::new();
        for (monitor, path) in files {
            if let Some((dir, name)) = split(path) {
                wanted.entry(dir).or_default().entry(name).or_default().push(monitor.clone());
            }
        }
        let gone: Vec<PathBuf> = self.dirs.keys().filter(|d| !wanted.contains_key(*d)).cloned().collect();
        for dir in gone {
            if let Some(wd) = self.dirs.remove(&dir)
                && !self.dirs.values().any(|w| *w == wd)
            {
                let _ = self.inotify.rm_watch(wd);
            }
        }
        self.names.clear();
        for (dir, names) in wanted {
            let wd = match self.dirs.get(&dir) {
                Some(wd) => *wd,
                None => match self.inotify.add_watch(&dir, mask()) {
                    Ok(wd) => {
                        self.dirs.insert(dir, wd);
                        wd
                    }
                    Err(_) => {
                        all = false;
                        continue;
                    }
                },
            };
            // Two paths to one directory share a watch descriptor.
            let slot = self.names.entry(wd).or_default();
            for (name, monitors) in names {
                slot.entry(name).or_default().extend(monitors);
            }
        }
        all
    }

    /// The monitors whose file changed since the last read, each once.
    pub(super) fn read(&mut self) -> Vec<String> {
        let mut fired = Vec::new();
        loop {
            let events = match self.inotify.read_events() {
                Ok(events) if !events.is_empty() => events,
                Ok(_) | Err(_) => break, // EAGAIN: all read
            };
            for e in events {
                if e.mask.contains(AddWatchFlags::IN_Q_OVERFLOW) {
                    // Events were lost: any file may have changed.
                    for names in self.names.values_mut() {
                        fired.extend(names.drain().flat_map(|(_, m)| m));
                    }
                    continue;
                }
                if e.mask.contains(AddWatchFlags::IN_IGNORED) {
                    // The directory went away: the clock takes over.
                    self.names.remove(&e.wd);
                    self.dirs.retain(|_, wd| *wd != e.wd);
                    continue;
                }
                if let (Some(names), Some(name)) = (self.names.get_mut(&e.wd), e.name.as_ref())
                    && let Some(monitors) = names.remove(name)
                {
                    fired.extend(monitors);
                }
            }
        }
        fired.sort();
        fired.dedup();
        fired
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_touched_file_fires_once_and_others_in_its_directory_never() {
        let dir = tempfile::tempdir().expect("tmp");
        let beat = dir.path().join("beat");
        std::fs::write(&beat, "").expect("beat");
        let mut files = Files::new().expect("inotify");
        files.set(&BTreeMap::from([("hb".to_string(), beat.clone())]));
        std::fs::write(dir.path().join("other"), "x").expect("other");
        assert!(files.read().is_empty());
        std::fs::write(&beat, "1").expect("touch");
        std::fs::write(&beat, "2").expect("touch again");
        assert_eq!(files.read(), vec!["hb".to_string()]);
        std::fs::write(&beat, "3").expect("touch after it fired");
        assert!(files.read().is_empty(), "fired once until set again");
        files.set(&BTreeMap::new());
        assert!(files.dirs.is_empty());
    }

    #[test]
    fn a_file_renamed_into_place_fires() {
        let dir = tempfile::tempdir().expect("tmp");
        let beat = dir.path().join("beat");
        let mut files = Files::new().expect("inotify");
        files.set(&BTreeMap::from([("hb".to_string(), beat.clone())]));
        std::fs::write(dir.path().join(".beat.tmp"), "").expect("tmp");
        std::fs::rename(dir.path().join(".beat.tmp"), &beat).expect("rename");
        assert_eq!(files.read(), vec!["hb".to_string()]);
    }
}
