//! `workspace`: a directory exists, holds its required files, is writable
//! when asked, and is not too big. The size walk (walkdir: no symlinks
//! followed, one filesystem) stops at most at 80% of the monitor's
//! timeout: a tree too big to measure in time is reported with a lower
//! bound, which is still decisive when it already passes the critical level.
//!
//! Here: its spec, its `hm.toml` keys and `hm add` flags, their
//! validation, and how `hm monitor list` shows it; the check is
//! `check::kinds::workspace`.

use super::{AddHelp, Described, Flag, Kind, limits_text};
use crate::config::checker::Checker;
use crate::config::{Limits, RawMonitor, Spec};
use crate::units::format_bytes;
use std::path::PathBuf;

/// `workspace`: a directory's existence, size, writability, required files.
#[derive(Debug, Clone)]
pub(crate) struct WorkspaceSpec {
    pub path: PathBuf,
    /// Size levels, bytes.
    pub size: Limits,
    /// Paths relative to `path` that must exist.
    pub required: Vec<PathBuf>,
    /// Whether hm must be able to create a file in it.
    pub writable: bool,
}

pub(crate) static KIND: Kind = Kind {
    name: "workspace",
    keys: &["path", "warn", "crit", "required", "writable"],
    add: AddHelp {
        about: "A directory exists, is writable, holds its files, is not too big",
        heading: "A workspace monitor",
        flags: &[
            Flag::path("path", "DIR", "The directory"),
            Flag::number("warn", "SIZE", "Warning size, e.g. 10GiB (default 1GiB)"),
            Flag::number("crit", "SIZE", "Critical size (default 5GiB)"),
            Flag::paths("required", "PATH", "A path inside it that must exist (repeatable)"),
            Flag::switch("writable", "hm must be able to create a file in it"),
        ],
        examples: "Example:\n  \
                   hm add workspace scratch --path /srv/scratch --required config.yaml --writable --warn 10GiB --crit 20GiB",
    },
    validate: |c, raw, _| validate(c, raw),
};

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<Spec> {
    let Some(path) = raw.path.clone() else {
        c.err("", "a workspace monitor needs `path`, the directory");
        return None;
    };
    let size = Limits {
        warn: Some(c.size("warn", raw.warn.as_ref()).unwrap_or(1024.0 * 1024.0 * 1024.0)),
        crit: Some(c.size("crit", raw.crit.as_ref()).unwrap_or(5.0 * 1024.0 * 1024.0 * 1024.0)),
    };
    let size = c.limits("warn", "crit", size, None);
    let required = raw.required.clone().unwrap_or_default();
    for r in &required {
        if r.is_absolute() || r.components().any(|p| p == std::path::Component::ParentDir) {
            c.err("required", format!("`{}` must be a path inside the workspace", r.display()));
        }
    }
    Some(Spec::Workspace(WorkspaceSpec { path, size, required, writable: raw.writable.unwrap_or(false) }))
}

pub(super) fn describe(w: &WorkspaceSpec) -> Described {
    (format!("directory {}", w.path.display()), vec![limits_text("", w.size, format_bytes)])
}
