//! A pool's instances read without reading their tables a thousand
//! times: the pool's table is deserialized once, `{i}` and all, and each
//! instance's [`RawMonitor`] is that one with `{i}` replaced in its strings.
//!
//! That is the same monitor as deserializing the instance's own copy of
//! the table (`Table::values`): whether a table deserializes, and into
//! what, never depends on what its strings say (every string is read into
//! a `String` or a `PathBuf`; the untagged enums, `CommandLine`,
//! `NumOrText` and `Secret`, tell their variants apart by type), so
//! replacing `{i}` before reading or after gives the same. A pool whose
//! table does not deserialize, or whose `kind` holds `{i}`, is read one
//! instance at a time, as written, for the errors to be each instance's
//! own. [`Fill`] is implemented field by field with no `..`, so a key
//! added to `RawMonitor` does not compile until it is filled here too.
//! Reading a pool of 1000 costs `hm validate` ~1.4 ms more than no
//! monitor at all, where copying and reading its table 1000 times cost
//! ~6.3 ms.

use super::channels::Secret;
use super::instances::{PLACEHOLDER, Table};
use super::model::{CommandLine, NumOrText};
use super::raw::{RawMonitor, RawStartLimits};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::rc::Rc;
use toml::Spanned;
use toml::de::{DeTable, Deserializer};

/// The pool last read: its monitor as written, and the one instance's
/// monitor at a time, refilled for each (`None`: it does not deserialize).
#[derive(Default)]
pub(crate) struct Template<'i> {
    table: Option<Rc<Spanned<DeTable<'i>>>>,
    read: Option<(RawMonitor, RawMonitor)>,
}

impl<'i> Template<'i> {
    /// Instance `t`'s monitor, filled in from its pool's; `None` when it
    /// must be read from its own table (not an instance, or see the module
    /// doc). Valid until the next call.
    pub(crate) fn raw(&mut self, t: &Table<'i>) -> Option<&RawMonitor> {
        let i = t.instance?;
        if t.kind_varies() {
            return None;
        }
        if !self.table.as_ref().is_some_and(|read| Rc::ptr_eq(read, &t.table)) {
            let written = RawMonitor::deserialize(Deserializer::from(Spanned::clone(&t.table))).ok();
            self.read = written.map(|w| (w.clone(), w));
            self.table = Some(Rc::clone(&t.table));
        }
        let (written, instance) = self.read.as_mut()?;
        instance.fill(written, &i.to_string());
        Some(instance)
    }
}

/// Where `{i}` first is in `s`. A search for the byte `{` (most strings
/// hold none), not for the string: `str::find` of a `&str` sets up a
/// substring searcher each call, which cost more than the rest of filling
/// in an instance.
fn placeholder_at(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = s[from..].find('{') {
        let at = from + at;
        if s[at..].starts_with(PLACEHOLDER) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Whether `s` holds `{i}`.
fn holds(s: &str) -> bool {
    placeholder_at(s).is_some()
}

/// `self` made `written` with `{i}` replaced by `i` in every string, as
/// `instances::replace` does in a table: in values, never in an `env`
/// table's keys. `self` is a copy of `written` whose strings were filled
/// before: only those that hold `{i}` in `written` are written again.
pub(crate) trait Fill {
    fn fill(&mut self, written: &Self, i: &str);
}

impl Fill for String {
    fn fill(&mut self, written: &Self, i: &str) {
        if holds(written) {
            // `str::replace`, into the buffer of the last instance's value.
            self.clear();
            let mut rest = written.as_str();
            while let Some(at) = placeholder_at(rest) {
                self.push_str(&rest[..at]);
                self.push_str(i);
                rest = &rest[at + PLACEHOLDER.len()..];
            }
            self.push_str(rest);
        }
    }
}

impl Fill for PathBuf {
    fn fill(&mut self, written: &Self, i: &str) {
        // Read from TOML, so UTF-8.
        if let Some(s) = written.to_str()
            && holds(s)
        {
            *self = PathBuf::from(s.replace(PLACEHOLDER, i));
        }
    }
}

impl<T: Fill> Fill for Option<T> {
    fn fill(&mut self, written: &Self, i: &str) {
        if let (Some(v), Some(w)) = (self, written) {
            v.fill(w, i);
        }
    }
}

impl<T: Fill> Fill for Vec<T> {
    fn fill(&mut self, written: &Self, i: &str) {
        self.iter_mut().zip(written).for_each(|(v, w)| v.fill(w, i));
    }
}

impl Fill for BTreeMap<String, Secret> {
    fn fill(&mut self, written: &Self, i: &str) {
        // The same keys, so in the same order.
        self.values_mut().zip(written.values()).for_each(|(v, w)| v.fill(w, i));
    }
}

impl Fill for Secret {
    fn fill(&mut self, written: &Self, i: &str) {
        match (self, written) {
            (Secret::Value(s), Secret::Value(w)) | (Secret::Env { env: s }, Secret::Env { env: w }) => s.fill(w, i),
            _ => {}
        }
    }
}

impl Fill for CommandLine {
    fn fill(&mut self, written: &Self, i: &str) {
        match (self, written) {
            (CommandLine::Argv(v), CommandLine::Argv(w)) => v.fill(w, i),
            (CommandLine::Line(s), CommandLine::Line(w)) => s.fill(w, i),
            _ => {}
        }
    }
}

impl Fill for NumOrText {
    fn fill(&mut self, written: &Self, i: &str) {
        if let (NumOrText::Text(s), NumOrText::Text(w)) = (self, written) {
            s.fill(w, i);
        }
    }
}

impl Fill for RawStartLimits {
    fn fill(&mut self, _: &Self, _: &str) {
        let RawStartLimits { nofile: _ } = self;
    }
}

/// Numbers and flags hold no `{i}`.
macro_rules! nothing_to_fill {
    ($($t:ty),*) => {
        $(impl Fill for $t {
            fn fill(&mut self, _: &Self, _: &str) {}
        })*
    };
}
nothing_to_fill!(bool, u16, u32, u64, f64);

/// Fill each named field; the pattern names every field, so a field added
/// to `RawMonitor` does not compile until it is listed.
macro_rules! fill_fields {
    ($dst:expr, $written:expr, $i:expr; $($f:ident),*) => {{
        let RawMonitor { name: _, $($f),* } = $dst;
        $($f.fill(&$written.$f, $i);)*
    }};
}

impl Fill for RawMonitor {
    /// Every field but `name` (an instance's name is its pool's, `@i`
    /// added once validated).
    fn fill(&mut self, written: &Self, i: &str) {
        fill_fields!(
            self, written, i;
            kind, enabled, description, timeout, for_checks, cooldown, depends_on, flap_high, flap_low,
            warn, crit, swap_warn, swap_crit, inode_warn, inode_crit, path, fs_types, process, pattern,
            pidfile, unit, user, min, max, cpu_warn, cpu_crit, rss_warn, rss_crit, zombies_warn,
            zombies_crit, file, ping, worker, start, stop, shell, restart_delay, min_uptime, grace,
            max_restarts, restart_window, log, heal, group, cwd, env, umask, limits, session, socket,
            stuck_after, keys, on_stuck, busy_if, settle, quick_check, lock_timeout, wal_warn, wal_crit,
            killable, anomaly, forecast_warn, forecast_crit, url, method, expect_status, contains, address,
            command, required, writable, window, error_warn, error_crit, expected, temp_warn, temp_crit,
            util_warn, util_crit, schedule, tz, max_runtime, database, query
        );
    }
}

#[cfg(test)]
#[path = "placeholder_tests.rs"]
mod tests;
