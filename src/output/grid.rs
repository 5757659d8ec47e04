//! A table that fits where it is shown: below 60 columns a
//! table's columns wrap into unreadable slivers, so it becomes a list
//! (`header: value` per line, a blank line between rows); outside a UTF-8
//! locale its borders are ASCII, which any terminal draws.
//!
//! The width is `COLUMNS` when set, else the terminal's; output that goes
//! to neither (a pipe, a file) has no width and keeps the table.

use comfy_table::{Cell, ContentArrangement, Table, presets};

/// Narrower than this, a table becomes a list.
const MIN_WIDTH: u16 = 60;

/// A table, or the list it becomes.
pub(crate) struct Grid {
    table: Table,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    list: bool,
}

impl Grid {
    pub(super) fn new(table: Table, header: &[&str]) -> Grid {
        let list = width().is_some_and(|w| w < MIN_WIDTH);
        Grid { table, header: header.iter().map(|h| h.to_string()).collect(), rows: Vec::new(), list }
    }

    pub(crate) fn add_row(&mut self, cells: Vec<Cell>) -> &mut Grid {
        if self.list {
            self.rows.push(cells.iter().map(Cell::content).collect());
        } else {
            self.table.add_row(cells);
        }
        self
    }
}

impl std::fmt::Display for Grid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.list {
            return write!(f, "{}", self.table);
        }
        for (i, row) in self.rows.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            for (h, v) in self.header.iter().zip(row) {
                let v = v.replace('\n', " ");
                match v.trim() {
                    "" => writeln!(f, "{h}:")?,
                    v => writeln!(f, "{h}: {v}")?,
                }
            }
        }
        Ok(())
    }
}

/// The borders: box drawing in a UTF-8 locale, ASCII outside one.
pub(super) fn borders() -> comfy_table::TableStyle {
    if utf8_locale() { presets::UTF8_FULL_CONDENSED } else { presets::ASCII_FULL_CONDENSED }
}

/// Whether the locale's character set is UTF-8: the first of `LC_ALL`,
/// `LC_CTYPE` and `LANG` that is set says (none: the C locale, ASCII).
fn utf8_locale() -> bool {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"].iter().find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()));
    locale.is_some_and(|l| {
        let l = l.to_ascii_lowercase();
        l.contains("utf-8") || l.contains("utf8")
    })
}

/// `COLUMNS`, else the terminal's width; `None` for a pipe or a file.
fn width() -> Option<u16> {
    if let Some(c) = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()) {
        return Some(c);
    }
    Table::new().set_content_arrangement(ContentArrangement::Dynamic).width().filter(|_| super::stdout_is_terminal())
}
