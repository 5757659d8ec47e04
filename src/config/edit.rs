//! In-place edits of `hm.toml` for `hm monitor add/remove`.
//!
//! `toml_edit` keeps comments, blank lines and key order, so an operator's
//! hand-written file survives a scripted `hm add`. Every edit is validated
//! as a whole document before it is written, and written through a temp
//! file in the same directory plus `rename`, so a crash or a full disk never
//! leaves a half-written config.

use anyhow::{Context, Result, bail};
use std::path::Path;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

/// Append a `[[monitor]]` table; the result is validated by the caller.
pub(crate) fn add_monitor(text: &str, table: Table) -> Result<String> {
    let mut doc: DocumentMut = text.parse().context("the existing config is not valid TOML")?;
    let name = table.get("name").and_then(Item::as_str).unwrap_or_default().to_string();
    if find(&doc, &name).is_some() {
        bail!("a monitor named `{name}` already exists");
    }
    let mut table = table;
    if !text.is_empty() {
        let sep = if text.ends_with("\n\n") || text.ends_with("\r\n\r\n") {
            ""
        } else if text.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        table.decor_mut().set_prefix(sep);
    }
    match doc.get_mut("monitor") {
        None => {
            let mut arr = ArrayOfTables::new();
            arr.push(table);
            doc.insert("monitor", Item::ArrayOfTables(arr));
        }
        Some(item) => match item.as_array_of_tables_mut() {
            Some(arr) => arr.push(table),
            None => bail!("`monitor` in the config is not an array of tables ([[monitor]])"),
        },
    }
    Ok(doc.to_string())
}

fn find(doc: &DocumentMut, name: &str) -> Option<usize> {
    doc.get("monitor")?.as_array_of_tables()?.iter().position(|t| t.get("name").and_then(Item::as_str) == Some(name))
}

/// Remove the `[[monitor]]` table named `name`, with the comments above it.
pub(crate) fn remove_monitor(text: &str, name: &str) -> Result<String> {
    let mut doc: DocumentMut = text.parse().context("the existing config is not valid TOML")?;
    let Some(index) = find(&doc, name) else {
        // An instance is no table of its own: its pool's `instances` says how many there are.
        if let Some((pool, _)) = name.split_once('@')
            && let Some(p) = find(&doc, pool)
        {
            let n = doc["monitor"][p].get("instances").and_then(Item::as_integer).unwrap_or(0);
            bail!(
                "`{name}` is an instance of pool `{pool}` (instances = {n}), not a [[monitor]] of its own: lower `instances` to remove the last ones, or `hm stop-worker {name}` to hold this one down"
            );
        }
        bail!("no monitor named `{name}` in the config");
    };
    let empty = match doc.get_mut("monitor").and_then(Item::as_array_of_tables_mut) {
        Some(arr) => {
            arr.remove(index);
            arr.is_empty()
        }
        None => false,
    };
    if empty {
        doc.remove("monitor");
    }
    // A comment block at the very top, ended by a blank line, is the
    // file's header (`hm add` writes one), not the first table's own
    // comment: toml_edit keeps it as that table's prefix, so removing the
    // first monitor would take the header with it.
    let out = doc.to_string();
    Ok(match header(text) {
        // toml_edit writes `\n` (the caller puts `\r\n` back).
        Some(h) if !out.starts_with(&h.replace("\r\n", "\n")) => format!("{h}{}", out.trim_start_matches(['\n', '\r'])),
        _ => out,
    })
}

/// The comment lines at the top of `text` and the blank line that ends
/// them, if `text` starts that way.
fn header(text: &str) -> Option<&str> {
    let mut end = 0;
    let mut comments = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('#') {
            comments += 1;
            end += line.len();
        } else if trimmed.is_empty() && comments > 0 {
            return Some(&text[..end + line.len()]);
        } else {
            return None;
        }
    }
    None
}

/// Edit the config at `path`: `edit` gets its text (`None` when there is
/// no file yet) and returns the new text, which replaces the file.
///
/// Edits from many shells at once must not lose each other (unlocked,
/// of ten concurrent `hm add`, all said "added" and 2 to 4 were in the
/// file). So the whole read-edit-write runs under an `flock` on
/// `<config>.lock` beside the real file, and reads the file again under
/// it. A config that is a symlink is edited where it leads (the link
/// stays); the file keeps its owner, group and mode; and one with other
/// hard links is refused, since replacing it would split them. Returns
/// the real path written.
pub(crate) fn edit_locked(
    path: &Path,
    edit: impl FnOnce(Option<&str>) -> Result<String>,
) -> Result<std::path::PathBuf> {
    let real = real_path(path)?;
    if let Some(dir) = real.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut lock_name = real.clone().into_os_string();
    lock_name.push(".lock");
    let lock = crate::safe_write::open_lock_file(Path::new(&lock_name))?;
    let _held = hold(lock, Path::new(&lock_name))?;
    let text = super::read::read_text(&real)?;
    if text.is_some() {
        use std::os::unix::fs::MetadataExt;
        let links = std::fs::metadata(&real).map(|m| m.nlink()).unwrap_or(1);
        if links > 1 {
            bail!(
                "{} has {links} hard links; hm edits by replacing the file, which would split them: edit it by hand",
                real.display()
            );
        }
    }
    // A broken file is named with its line and field, as everywhere else,
    // before toml_edit's own multi-line message could be.
    if let Some(t) = &text
        && let Err(errors) = super::Config::parse(&path.display().to_string(), t)
    {
        bail!("{errors}; fix it first (`hm validate` lists every error)");
    }
    // The file keeps its BOM and line endings (`endings.rs`).
    let endings = text.as_deref().map(super::endings::Endings::of).unwrap_or_default();
    let updated = endings.apply(&edit(text.as_deref().map(|t| t.strip_prefix('\u{feff}').unwrap_or(t)))?);
    crate::safe_write::replace_file(&real, updated.as_bytes(), 0o600)?;
    Ok(real)
}

/// The file a config path leads to: a symlink's target (as root, only a
/// link nobody but root could have planted, as when reading it), or the
/// path itself when nothing is there yet.
fn real_path(path: &Path) -> Result<std::path::PathBuf> {
    use crate::safe_path::{Symlinks, open_file};
    let absolute = crate::safe_write::absolute(path)?;
    if std::fs::symlink_metadata(&absolute).is_err() {
        return Ok(absolute);
    }
    if nix::unistd::geteuid().is_root() {
        let f = open_file(
            &absolute,
            &[],
            Symlinks::FollowTrusted,
            nix::fcntl::OFlag::O_RDONLY,
            nix::sys::stat::Mode::empty(),
        )
        .map_err(|e| anyhow::anyhow!("cannot edit config {}: {e}", path.display()))?;
        return Ok(f.path);
    }
    std::fs::canonicalize(&absolute).with_context(|| format!("cannot resolve config {}", path.display()))
}

/// Wait (up to 10 s) for the edit lock: edits take milliseconds.
fn hold(file: std::fs::File, path: &Path) -> Result<nix::fcntl::Flock<std::fs::File>> {
    use nix::fcntl::{Flock, FlockArg};
    let start = std::time::Instant::now();
    let mut file = file;
    loop {
        match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
            Ok(held) => return Ok(held),
            Err((f, nix::errno::Errno::EWOULDBLOCK)) if start.elapsed() < std::time::Duration::from_secs(10) => {
                file = f;
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            Err((_, e)) => bail!("cannot lock {} to edit the config: {e}", path.display()),
        }
    }
}

/// Write `contents` to `path` through a temporary file in the same
/// directory and a rename, so a reader (node_exporter's textfile
/// collector, hm itself) sees the old file or the new one, never half of
/// one. An existing file keeps its permissions; a new one gets `new_mode`.
pub(crate) fn write_file_atomic(path: &Path, contents: &[u8], new_mode: u32) -> Result<()> {
    crate::safe_write::replace_file(path, contents, new_mode)
}
