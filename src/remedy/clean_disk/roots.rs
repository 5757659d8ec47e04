//! Opening a cleaning root safely: a root is walked to from `/` without
//! following symlinks, and refused when it is, or lies in, a system tree
//! (`crate::clean_roots`, which the config also asks; see the module docs
//! of `clean_disk`).

use crate::clean_roots::{refuse_system, refuse_written};
use crate::safe_path::{self, Symlinks};
use std::path::Path;

/// Open a root once, walking from `/` without following any symlink
/// (whoever owns a directory on the way could otherwise point it at
/// someone else's files), and refuse it if what was opened is a system
/// directory. Everything after works on the descriptor, never the name.
pub(crate) fn open_root(path: &Path) -> Result<safe_path::Dir, String> {
    if let Some(why) = refuse_written(path) {
        return Err(why);
    }
    let dir = safe_path::open_dir(path, &[], Symlinks::Refuse).map_err(|e| match e {
        safe_path::PathError::Symlink { at } => {
            format!("{} leads through a symlink at {}; write the real path in the rule", path.display(), at.display())
        }
        e => format!("cannot open {}: {e}", path.display()),
    })?;
    match refuse_system(&dir.path) {
        Some(why) => Err(why),
        None => Ok(dir),
    }
}

/// Why a path cannot be a root; `None` when it can.
pub(crate) fn refuse_root(path: &Path) -> Option<String> {
    open_root(path).err()
}
