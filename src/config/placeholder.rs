//! A pool's instances read without reading their tables a thousand
//! times: the pool's table is deserialized once, `{i}` and all, and each
//! instance's [`RawMonitor`] is a copy with `{i}` replaced in its strings.
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
//! Reading a pool of 1000 this way cut `hm validate` by ~1.5 ms (issue 29).

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

/// The pool last read, and its monitor as written (`None`: it does not
/// deserialize).
#[derive(Default)]
pub(crate) struct Template<'i> {
    table: Option<Rc<Spanned<DeTable<'i>>>>,
    raw: Option<RawMonitor>,
}

impl<'i> Template<'i> {
    /// Instance `t`'s monitor, copied from its pool's; `None` when it must
    /// be read from its own table (not an instance, or see the module doc).
    pub(crate) fn raw(&mut self, t: &Table<'i>) -> Option<RawMonitor> {
        let i = t.instance?;
        if t.kind_varies() {
            return None;
        }
        if !self.table.as_ref().is_some_and(|read| Rc::ptr_eq(read, &t.table)) {
            self.raw = RawMonitor::deserialize(Deserializer::from(Spanned::clone(&t.table))).ok();
            self.table = Some(Rc::clone(&t.table));
        }
        let mut raw = self.raw.clone()?;
        raw.fill(&i.to_string());
        Some(raw)
    }
}

/// `{i}` replaced by `i` in every string, as `instances::replace` does in
/// a table: in values, never in an `env` table's keys.
pub(crate) trait Fill {
    fn fill(&mut self, i: &str);
}

impl Fill for String {
    fn fill(&mut self, i: &str) {
        if self.contains(PLACEHOLDER) {
            *self = self.replace(PLACEHOLDER, i);
        }
    }
}

impl Fill for PathBuf {
    fn fill(&mut self, i: &str) {
        // Read from TOML, so UTF-8.
        if let Some(s) = self.to_str()
            && s.contains(PLACEHOLDER)
        {
            *self = PathBuf::from(s.replace(PLACEHOLDER, i));
        }
    }
}

impl<T: Fill> Fill for Option<T> {
    fn fill(&mut self, i: &str) {
        if let Some(v) = self {
            v.fill(i);
        }
    }
}

impl<T: Fill> Fill for Vec<T> {
    fn fill(&mut self, i: &str) {
        self.iter_mut().for_each(|v| v.fill(i));
    }
}

impl Fill for BTreeMap<String, Secret> {
    fn fill(&mut self, i: &str) {
        self.values_mut().for_each(|v| v.fill(i));
    }
}

impl Fill for Secret {
    fn fill(&mut self, i: &str) {
        match self {
            Secret::Value(s) | Secret::Env { env: s } => s.fill(i),
        }
    }
}

impl Fill for CommandLine {
    fn fill(&mut self, i: &str) {
        match self {
            CommandLine::Argv(v) => v.fill(i),
            CommandLine::Line(s) => s.fill(i),
        }
    }
}

impl Fill for NumOrText {
    fn fill(&mut self, i: &str) {
        match self {
            NumOrText::Num(_) => {}
            NumOrText::Text(s) => s.fill(i),
        }
    }
}

impl Fill for RawStartLimits {
    fn fill(&mut self, _: &str) {
        let RawStartLimits { nofile: _ } = self;
    }
}

/// Numbers and flags hold no `{i}`.
macro_rules! nothing_to_fill {
    ($($t:ty),*) => {
        $(impl Fill for $t {
            fn fill(&mut self, _: &str) {}
        })*
    };
}
nothing_to_fill!(bool, u16, u32, u64, f64);

impl Fill for RawMonitor {
    /// Every field but `name` (an instance's name is its pool's, `@i`
    /// added once validated).
    fn fill(&mut self, i: &str) {
        let RawMonitor {
            name: _,
            kind,
            enabled,
            description,
            timeout,
            for_checks,
            cooldown,
            depends_on,
            flap_high,
            flap_low,
            warn,
            crit,
            swap_warn,
            swap_crit,
            inode_warn,
            inode_crit,
            path,
            fs_types,
            process,
            pattern,
            pidfile,
            unit,
            user,
            min,
            max,
            cpu_warn,
            cpu_crit,
            rss_warn,
            rss_crit,
            zombies_warn,
            zombies_crit,
            file,
            ping,
            worker,
            start,
            stop,
            shell,
            restart_delay,
            min_uptime,
            grace,
            max_restarts,
            restart_window,
            log,
            heal,
            group,
            cwd,
            env,
            umask,
            limits,
            session,
            socket,
            stuck_after,
            keys,
            on_stuck,
            busy_if,
            settle,
            quick_check,
            lock_timeout,
            wal_warn,
            wal_crit,
            killable,
            anomaly,
            forecast_warn,
            forecast_crit,
            url,
            method,
            expect_status,
            contains,
            address,
            command,
            required,
            writable,
            window,
            error_warn,
            error_crit,
            expected,
            temp_warn,
            temp_crit,
            util_warn,
            util_crit,
            schedule,
            tz,
            max_runtime,
            database,
            query,
        } = self;
        kind.fill(i);
        enabled.fill(i);
        description.fill(i);
        timeout.fill(i);
        for_checks.fill(i);
        cooldown.fill(i);
        depends_on.fill(i);
        flap_high.fill(i);
        flap_low.fill(i);
        warn.fill(i);
        crit.fill(i);
        swap_warn.fill(i);
        swap_crit.fill(i);
        inode_warn.fill(i);
        inode_crit.fill(i);
        path.fill(i);
        fs_types.fill(i);
        process.fill(i);
        pattern.fill(i);
        pidfile.fill(i);
        unit.fill(i);
        user.fill(i);
        min.fill(i);
        max.fill(i);
        cpu_warn.fill(i);
        cpu_crit.fill(i);
        rss_warn.fill(i);
        rss_crit.fill(i);
        zombies_warn.fill(i);
        zombies_crit.fill(i);
        file.fill(i);
        ping.fill(i);
        worker.fill(i);
        start.fill(i);
        stop.fill(i);
        shell.fill(i);
        restart_delay.fill(i);
        min_uptime.fill(i);
        grace.fill(i);
        max_restarts.fill(i);
        restart_window.fill(i);
        log.fill(i);
        heal.fill(i);
        group.fill(i);
        cwd.fill(i);
        env.fill(i);
        umask.fill(i);
        limits.fill(i);
        session.fill(i);
        socket.fill(i);
        stuck_after.fill(i);
        keys.fill(i);
        on_stuck.fill(i);
        busy_if.fill(i);
        settle.fill(i);
        quick_check.fill(i);
        lock_timeout.fill(i);
        wal_warn.fill(i);
        wal_crit.fill(i);
        killable.fill(i);
        anomaly.fill(i);
        forecast_warn.fill(i);
        forecast_crit.fill(i);
        url.fill(i);
        method.fill(i);
        expect_status.fill(i);
        contains.fill(i);
        address.fill(i);
        command.fill(i);
        required.fill(i);
        writable.fill(i);
        window.fill(i);
        error_warn.fill(i);
        error_crit.fill(i);
        expected.fill(i);
        temp_warn.fill(i);
        temp_crit.fill(i);
        util_warn.fill(i);
        util_crit.fill(i);
        schedule.fill(i);
        tz.fill(i);
        max_runtime.fill(i);
        database.fill(i);
        query.fill(i);
    }
}

#[cfg(test)]
#[path = "placeholder_tests.rs"]
mod tests;
