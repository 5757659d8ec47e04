//! The connection of the last check, kept for the next one.
//!
//! `hm run` and `hm serve` check every cycle. Opening the database each
//! time (header check, schema read, WAL set-up) and compiling every
//! statement again are about a tenth of a cycle's CPU, so the
//! store a cycle recorded with is kept and handed to the next, which skips
//! all of that: `prepare_cached` statements stay compiled.
//!
//! A kept connection is only handed back while the file at its path is the
//! same file (device and inode): a database moved aside (corruption found by
//! another hm) or deleted meanwhile is opened anew, so a long-running loop
//! never writes into a file nobody can see. A store that failed is never
//! kept: the next cycle opens the database as a one-shot `hm check` does.

use crate::store::Store;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

struct Slot {
    path: PathBuf,
    file: (u64, u64),
    store: Store,
}

/// The slot an [`super::Engine`] keeps its last store in.
#[derive(Default)]
pub(super) struct Kept(Mutex<Option<Slot>>);

/// Device and inode of the file at `path`.
fn identity(path: &Path) -> Option<(u64, u64)> {
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

impl Kept {
    fn slot(&self) -> MutexGuard<'_, Option<Slot>> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The store kept by [`Kept::keep`] for `path`, if the file there is
    /// still the one it has open.
    pub(super) fn take(&self, path: &Path) -> Option<Store> {
        let kept = self.slot().take()?;
        (kept.path == path && identity(path) == Some(kept.file)).then_some(kept.store)
    }

    /// Keep `store` for the next [`Kept::take`] of its path.
    pub(super) fn keep(&self, store: Store) {
        if let Some(file) = identity(store.path()) {
            *self.slot() = Some(Slot { path: store.path().to_path_buf(), file, store });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue7_a_kept_store_is_handed_back_only_for_the_same_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let kept = Kept::default();
        let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
        kept.keep(Store::open(&a).expect("open a"));
        assert!(kept.take(&b).is_none(), "another path");
        assert!(kept.take(&a).is_none(), "taken once: the slot was emptied by the miss");
        kept.keep(Store::open(&a).expect("open a"));
        assert!(kept.take(&a).is_some_and(|s| s.path() == a));
        // Moved aside and replaced: the new file is not the kept one.
        kept.keep(Store::open(&a).expect("open a"));
        std::fs::rename(&a, dir.path().join("a.db.corrupt")).expect("rename");
        Store::open(&a).expect("open the new a");
        assert!(kept.take(&a).is_none(), "a different file at the same path");
        // Deleted.
        kept.keep(Store::open(&b).expect("open b"));
        std::fs::remove_file(&b).expect("remove");
        assert!(kept.take(&b).is_none(), "no file at the path");
    }
}
