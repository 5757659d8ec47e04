//! A monitor to add (`hm add KIND NAME --flags`): its kind, name and
//! keys, built from flags named as its TOML keys and written as a
//! `[[monitor]]` table. The flags are the user's words, so it remembers
//! which flag set each key, for errors to name (`--stuck-after: ...`).

use super::COMMON;
use super::kinds;
use anyhow::{Result, anyhow};
use std::path::PathBuf;
use toml_edit::{Array, Item, Table, Value, value};

/// A monitor to add: its kind, name and keys, in the order they are written.
#[derive(Debug)]
pub(crate) struct NewMonitor {
    kind: &'static str,
    name: String,
    fields: Vec<(&'static str, Item)>,
    /// Keys set by something other than their `--key` flag, and what the
    /// user typed instead (e.g. `command` from the words after `--`).
    shown: Vec<(&'static str, &'static str)>,
}

/// A flag's text as a TOML value: a number when it reads as one, so
/// `--warn 80` is `warn = 80` and `--warn 26h` is `warn = "26h"`.
fn num_or_text(s: &str) -> Item {
    match s.parse::<f64>() {
        Ok(n) if n.fract() == 0.0 && n.abs() < 1e15 => value(n as i64),
        Ok(n) if n.is_finite() => value(n),
        _ => value(s),
    }
}

impl NewMonitor {
    pub(crate) fn new(kind: &'static str, name: String) -> NewMonitor {
        NewMonitor { kind, name, fields: Vec::new(), shown: Vec::new() }
    }

    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    fn set(&mut self, key: &'static str, item: Item) -> &mut Self {
        self.fields.push((key, item));
        self
    }

    /// A string key.
    pub(crate) fn text(&mut self, key: &'static str, v: Option<String>) -> &mut Self {
        match v {
            Some(v) => self.set(key, value(v)),
            None => self,
        }
    }

    /// A path key, written as given.
    pub(crate) fn path(&mut self, key: &'static str, v: Option<PathBuf>) -> &mut Self {
        self.text(key, v.map(|p| p.display().to_string()))
    }

    /// A number, or text with a unit (`80`, `512MiB`, `26h`) for validation to read.
    pub(crate) fn number(&mut self, key: &'static str, v: Option<impl ToString>) -> &mut Self {
        match v {
            Some(v) => self.set(key, num_or_text(&v.to_string())),
            None => self,
        }
    }

    /// `key = true` when the switch was given.
    pub(crate) fn switch(&mut self, key: &'static str, on: bool) -> &mut Self {
        if on { self.set(key, value(true)) } else { self }
    }

    /// A boolean given as `--key true|false`.
    pub(crate) fn boolean(&mut self, key: &'static str, v: Option<bool>) -> &mut Self {
        match v {
            Some(v) => self.set(key, value(v)),
            None => self,
        }
    }

    /// An array from a repeated flag; nothing when it was not given.
    pub(crate) fn list<T: Into<Value>>(&mut self, key: &'static str, v: Vec<T>) -> &mut Self {
        if v.is_empty() {
            return self;
        }
        self.set(key, Item::Value(v.into_iter().collect::<Array>().into()))
    }

    /// A command given as one line (`--start 'app --serve'`): split into
    /// argv words like a shell would, or kept whole for `sh -c` with `shell`.
    pub(crate) fn command_line(&mut self, key: &'static str, line: Option<String>, shell: bool) -> Result<&mut Self> {
        let Some(line) = line else { return Ok(self) };
        if shell {
            return Ok(self.set(key, value(line)));
        }
        let words = shlex::split(&line).ok_or_else(|| {
            anyhow!(
                "--{}: cannot split `{line}` into words: a quote is not closed; nothing was added",
                key.replace('_', "-")
            )
        })?;
        Ok(self.list(key, words))
    }

    /// A command given as argv words (after `--`), shown in errors as
    /// `shown`; with `shell`, the words joined by spaces are one `sh -c` line.
    pub(crate) fn argv(
        &mut self,
        key: &'static str,
        shown: &'static str,
        words: Vec<String>,
        shell: bool,
    ) -> &mut Self {
        self.shown.push((key, shown));
        if shell { self.set(key, value(words.join(" "))) } else { self.list(key, words) }
    }

    /// The `[[monitor]]` table.
    pub(crate) fn table(&self) -> Table {
        let mut table = Table::new();
        table.insert("name", value(self.name.as_str()));
        table.insert("kind", value(self.kind));
        for (key, item) in &self.fields {
            table.insert(key, item.clone());
        }
        table
    }

    /// Every key this kind's flags may set, with the flag that sets it.
    pub(crate) fn flags(&self) -> Vec<(String, String)> {
        let of_kind = kinds::find(self.kind).map_or(&[][..], |k| k.keys);
        let mut keys: Vec<&str> =
            COMMON.iter().chain(of_kind).copied().filter(|k| !["name", "kind"].contains(k)).collect();
        keys.extend(self.fields.iter().map(|(k, _)| *k).filter(|k| !of_kind.contains(k) && !COMMON.contains(k)));
        keys.into_iter()
            .map(|k| {
                let shown = self.shown.iter().find(|(key, _)| *key == k).map(|(_, s)| s.to_string());
                (k.to_string(), shown.unwrap_or_else(|| format!("--{}", k.replace('_', "-"))))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_written_in_order_with_their_types() {
        let mut m = NewMonitor::new("http", "api".into());
        m.text("url", Some("http://127.0.0.1:1/".into()))
            .list("expect_status", vec![200i64, 204])
            .number("warn", Some("0.5"))
            .number("crit", Some("2s"))
            .switch("writable", false)
            .boolean("heal", Some(false));
        let text = m.table().to_string();
        assert_eq!(
            text,
            "name = \"api\"\nkind = \"http\"\nurl = \"http://127.0.0.1:1/\"\nexpect_status = [200, 204]\n\
             warn = 0.5\ncrit = \"2s\"\nheal = false\n"
        );
    }

    #[test]
    fn commands_split_like_a_shell_or_stay_whole() {
        let mut m = NewMonitor::new("tmux", "t".into());
        m.command_line("on_stuck", Some("hm-mark 'task failed'".into()), false).expect("split");
        assert!(m.table().to_string().contains("on_stuck = [\"hm-mark\", \"task failed\"]\n"));
        let err = NewMonitor::new("tmux", "t".into()).command_line("on_stuck", Some("a \"b".into()), false).err();
        assert!(format!("{err:?}").contains("--on-stuck: cannot split"), "{err:?}");
        let mut c = NewMonitor::new("command", "c".into());
        c.argv("command", "COMMAND", vec!["check_x".into(), "-w".into(), "1".into()], true);
        assert!(c.table().to_string().contains("command = \"check_x -w 1\"\n"));
        assert!(c.flags().contains(&("command".into(), "COMMAND".into())));
        assert!(c.flags().contains(&("shell".into(), "--shell".into())));
    }
}
