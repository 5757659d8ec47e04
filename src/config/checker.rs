//! Locating and collecting config problems: a [`Checker`] holds one table
//! of the spanned document and turns "this key is wrong" into an issue with
//! the key's line and dotted field path, and parses the values that carry
//! units (durations, sizes, thresholds) the same way everywhere.

use super::ConfigIssue;
use super::load::{Doc, key_offset};
use super::model::{CommandLine, Limits, NumOrText};
use crate::units::{parse_duration, parse_size};
use std::time::Duration;
use toml::de::{DeTable, DeValue};

/// Collects issues against one table, locating each by key.
pub(crate) struct Checker<'a, 'd> {
    doc: &'a Doc<'d>,
    table: &'a DeTable<'d>,
    at: usize,
    prefix: String,
    /// Where issues go (shared with nested checkers).
    pub issues: &'a mut Vec<ConfigIssue>,
    /// Whether this checker reported anything.
    pub failed: bool,
}

impl<'a, 'd> Checker<'a, 'd> {
    pub(crate) fn new(
        doc: &'a Doc<'d>,
        table: &'a DeTable<'d>,
        at: usize,
        prefix: String,
        issues: &'a mut Vec<ConfigIssue>,
    ) -> Self {
        Checker { doc, table, at, prefix, issues, failed: false }
    }

    pub(crate) fn err(&mut self, key: &str, message: impl Into<String>) {
        let offset = key_offset(self.table, key).unwrap_or(self.at);
        let field = if self.prefix.is_empty() {
            key.to_string()
        } else if key.is_empty() {
            self.prefix.clone()
        } else {
            format!("{}.{key}", self.prefix)
        };
        self.issues.push(self.doc.issue(offset, field, message));
        self.failed = true;
    }

    pub(crate) fn duration(&mut self, key: &str, value: Option<&str>, default: Duration) -> Duration {
        match value.map(parse_duration) {
            None => default,
            Some(Ok(d)) if !d.is_zero() => d,
            Some(Ok(_)) => {
                self.err(key, "must be longer than zero");
                default
            }
            Some(Err(e)) => {
                self.err(key, e);
                default
            }
        }
    }

    /// warn must not be above crit; both must be finite and within
    /// `range`, which is 0 and up when not given (no threshold of hm's is
    /// negative: a negative load level would make every host critical).
    pub(crate) fn limits(&mut self, warn_key: &str, crit_key: &str, l: Limits, range: Option<(f64, f64)>) -> Limits {
        let (lo, hi) = range.unwrap_or((0.0, f64::MAX));
        for (key, v) in [(warn_key, l.warn), (crit_key, l.crit)] {
            let Some(v) = v else { continue };
            if !v.is_finite() {
                self.err(key, format!("{v} is not a number hm can compare with"));
            } else if !(lo..=hi).contains(&v) {
                if hi == f64::MAX {
                    self.err(
                        key,
                        format!("{} is below {}: use a number from {} up", compact(v), compact(lo), compact(lo)),
                    );
                } else {
                    self.err(key, format!("{} is out of range {}..{}", compact(v), compact(lo), compact(hi)));
                }
            }
        }
        if let (Some(w), Some(c)) = (l.warn, l.crit)
            && w > c
        {
            self.err(warn_key, format!("{warn_key} ({}) is above {crit_key} ({})", compact(w), compact(c)));
        }
        l
    }

    pub(crate) fn number(&mut self, key: &str, v: Option<&NumOrText>) -> Option<f64> {
        match v {
            None => None,
            Some(NumOrText::Num(n)) => Some(*n),
            Some(NumOrText::Text(t)) => {
                self.err(key, format!("expected a number, found the string \"{t}\""));
                None
            }
        }
    }

    pub(crate) fn size(&mut self, key: &str, v: Option<&NumOrText>) -> Option<f64> {
        match v {
            None => None,
            Some(NumOrText::Num(n)) => Some(*n),
            Some(NumOrText::Text(t)) => match parse_size(t) {
                Ok(b) => Some(b as f64),
                Err(e) => {
                    self.err(key, e);
                    None
                }
            },
        }
    }

    pub(crate) fn seconds(&mut self, key: &str, v: Option<&NumOrText>, default: Duration) -> Duration {
        match v {
            None => default,
            Some(NumOrText::Num(n)) => match Duration::try_from_secs_f64(*n) {
                Ok(d) if !d.is_zero() => d,
                _ => {
                    self.err(key, format!("{n} is not a positive number of seconds (or is too large)"));
                    default
                }
            },
            Some(NumOrText::Text(t)) => self.duration(key, Some(t), default),
        }
    }
}

/// A command as configured, as argv: an array as given, one line only
/// with `shell` (then run by `/bin/sh -c`); `None` after reporting why not.
pub(crate) fn argv(c: &mut Checker<'_, '_>, key: &str, cmd: &CommandLine, shell: bool) -> Option<Vec<String>> {
    match cmd {
        CommandLine::Argv(v) if v.is_empty() || v[0].is_empty() => {
            c.err(key, "the command is empty");
            None
        }
        CommandLine::Argv(v) => Some(v.clone()),
        CommandLine::Line(line) if shell => Some(vec!["/bin/sh".into(), "-c".into(), line.clone()]),
        CommandLine::Line(_) => {
            c.err(key, "give the command as an argv array, e.g. [\"/usr/bin/app\", \"--serve\"], or set shell = true");
            None
        }
    }
}

/// Offset of a nested key path such as `["thresholds", "cpu"]`.
pub(crate) fn nested_offset(table: &DeTable<'_>, path: &[&str]) -> Option<usize> {
    let (first, rest) = path.split_first()?;
    let (k, v) = table.iter().find(|(k, _)| k.get_ref() == *first)?;
    match (rest.is_empty(), v.get_ref()) {
        (true, _) => Some(k.span().start),
        (false, DeValue::Table(inner)) => nested_offset(inner, rest).or(Some(k.span().start)),
        _ => Some(k.span().start),
    }
}

/// The table at a nested key path, if it is one.
pub(crate) fn nested_table<'a, 'd>(table: &'a DeTable<'d>, path: &[&str]) -> Option<&'a DeTable<'d>> {
    path.iter().try_fold(table, |t, key| match t.iter().find(|(k, _)| k.get_ref() == *key)?.1.get_ref() {
        DeValue::Table(inner) => Some(inner),
        _ => None,
    })
}

/// A number for a message: short, however large (`1e300`, not 300 digits).
pub(crate) fn compact(v: f64) -> String {
    if v.is_finite() && v.abs() < 1e15 && v.fract() == 0.0 {
        format!("{v:.0}")
    } else if v.is_finite() && v.abs() < 1e15 {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}
