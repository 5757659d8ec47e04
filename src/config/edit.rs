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
pub fn add_monitor(text: &str, table: Table) -> Result<String> {
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
pub fn remove_monitor(text: &str, name: &str) -> Result<String> {
    let mut doc: DocumentMut = text.parse().context("the existing config is not valid TOML")?;
    let Some(index) = find(&doc, name) else {
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
    Ok(doc.to_string())
}

/// Replace `path` with `contents` atomically, keeping its permissions.
pub fn write_atomic(path: &Path, contents: &str) -> Result<()> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    write_file_atomic(path, contents.as_bytes(), 0o600)
}

/// Write `contents` to `path` through a temporary file in the same
/// directory and a rename, so a reader (node_exporter's textfile
/// collector, hm itself) sees the old file or the new one, never half of
/// one. An existing file keeps its permissions; a new one gets `new_mode`.
pub fn write_file_atomic(path: &Path, contents: &[u8], new_mode: u32) -> Result<()> {
    crate::safe_write::replace_file(path, contents, new_mode)
}
