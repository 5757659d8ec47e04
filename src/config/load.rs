//! Reading `hm.toml` into a [`Config`], reporting *every* mistake with its
//! line and field.
//!
//! serde stops at the first error, so the document is first parsed into a
//! spanned tree (`toml::de::DeTable`), then the settings and each
//! `[[monitor]]` table are deserialized separately. Every error's byte span
//! is turned back into a line number and the key path that contains it, so
//! `hm validate` can list them all at once.

use super::channels::RawChannel;
use super::model::{RawClean, RawMonitor, RawSettings};
use super::{Config, ConfigErrors, ConfigIssue, defaults, validate};
use serde::Deserialize;
use std::collections::HashSet;
use toml::Spanned;
use toml::de::{DeTable, DeValue, Deserializer};

/// A document being read: its label for messages and its text.
pub(crate) struct Doc<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

impl Doc<'_> {
    /// 1-based line of a byte offset. The end of a text that ends with a
    /// newline (where an unclosed string is reported) is its last line, not
    /// one past it.
    pub(crate) fn line(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        let line = self.text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1;
        line.min(self.text.lines().count().max(1))
    }

    pub(crate) fn issue(&self, offset: usize, field: impl Into<String>, message: impl Into<String>) -> ConfigIssue {
        // A message may echo a value: never a URL's password.
        let hide = |s: String| super::channels::hide_url_passwords(&s);
        ConfigIssue {
            file: self.file.to_string(),
            line: self.line(offset),
            field: hide(field.into()),
            message: hide(message.into()),
        }
    }
}

/// The dotted key path of the innermost entry in `table` that contains
/// `offset`, for naming the field a serde error is about.
fn key_path_at(table: &DeTable<'_>, offset: usize) -> Vec<String> {
    for (key, value) in table.iter() {
        let (k, v) = (key.span(), value.span());
        if (k.start <= offset && offset < k.end) || (v.start <= offset && offset < v.end) {
            let mut path = vec![key.get_ref().to_string()];
            if let DeValue::Table(inner) = value.get_ref() {
                path.extend(key_path_at(inner, offset));
            }
            return path;
        }
    }
    Vec::new()
}

/// Turn a serde error from deserializing `table` into an issue.
fn serde_issue(doc: &Doc<'_>, table: &Spanned<DeTable<'_>>, prefix: &str, err: &toml::de::Error) -> ConfigIssue {
    let offset = err.span().map_or(table.span().start, |s| s.start);
    let mut field: Vec<String> = Vec::new();
    if !prefix.is_empty() {
        field.push(prefix.to_string());
    }
    field.extend(key_path_at(table.get_ref(), offset));
    doc.issue(offset, field.join("."), err.message().to_string())
}

/// The span of `key` in `table`, if present.
pub(crate) fn key_offset(table: &DeTable<'_>, key: &str) -> Option<usize> {
    table.iter().find(|(k, _)| k.get_ref() == key).map(|(k, _)| k.span().start)
}

/// The `name` of a table, for labelling its issues.
fn table_name(table: &Spanned<DeTable<'_>>) -> Option<String> {
    table
        .get_ref()
        .iter()
        .find(|(k, _)| k.get_ref() == "name")
        .and_then(|(_, v)| v.get_ref().as_str().map(str::to_string))
}

/// The tables of a `[[key]]` array; anything else there is an issue.
fn array_of_tables<'i>(
    doc: &Doc<'_>,
    value: Option<Spanned<DeValue<'i>>>,
    key: &str,
    issues: &mut Vec<ConfigIssue>,
) -> Vec<Spanned<DeTable<'i>>> {
    let Some(v) = value else { return Vec::new() };
    let span = v.span();
    match v.into_inner() {
        DeValue::Array(items) => {
            let mut tables = Vec::new();
            for item in items.iter() {
                match item.get_ref() {
                    DeValue::Table(t) => tables.push(Spanned::new(item.span(), t.clone())),
                    _ => issues.push(doc.issue(
                        item.span().start,
                        key,
                        format!("each entry must be a table: write [[{key}]]"),
                    )),
                }
            }
            tables
        }
        _ => {
            issues.push(doc.issue(
                span.start,
                key,
                format!("`{key}` is an array of tables: write [[{key}]], not [{key}]"),
            ));
            Vec::new()
        }
    }
}

/// Parse and validate a whole config document.
pub(super) fn parse(file: &str, text: &str) -> Result<Config, ConfigErrors> {
    let doc = Doc { file, text };
    let (root, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        let mut issues: Vec<ConfigIssue> =
            syntax.iter().map(|e| doc.issue(e.span().map_or(0, |s| s.start), "", e.message().to_string())).collect();
        // The parser reports them in no useful order: the first line blamed
        // should be where the mistake is.
        issues.sort_by_key(|i| i.line);
        return Err(ConfigErrors(issues));
    }
    let root_span = root.span();
    let mut top = root.into_inner();
    let mut issues = Vec::new();

    let monitor_value = top.remove("monitor");
    let clean_value = top.remove("clean");
    let channel_value = top.remove("channel");
    let maintenance_value = top.remove("maintenance");
    let settings_table = Spanned::new(root_span, top);
    let raw_settings = match RawSettings::deserialize(Deserializer::from(settings_table.clone())) {
        Ok(s) => s,
        Err(e) => {
            issues.push(serde_issue(&doc, &settings_table, "", &e));
            RawSettings::default()
        }
    };
    let settings = validate::settings(&doc, settings_table.get_ref(), raw_settings, &mut issues);

    let mut monitors = Vec::new();
    let mut seen = HashSet::new();
    let tables = array_of_tables(&doc, monitor_value, "monitor", &mut issues);
    let tables = super::instances::expand(&doc, tables, &mut issues);
    let mut template = super::placeholder::Template::default();
    for (index, t) in tables.iter().enumerate() {
        let table = &t.table;
        let label = t.label.clone().or_else(|| table_name(table)).unwrap_or_else(|| format!("#{}", index + 1));
        let prefix = format!("monitor[{label}]");
        // Which keys a monitor takes depends on its keys and its kind alone:
        // an instance's are its pool's, unless its kind holds `{i}`.
        if t.kind_varies() {
            validate::keys(&doc, &t.values(), &prefix, &mut issues);
        } else if t.instance.is_none_or(|i| i == 1) {
            validate::keys(&doc, table, &prefix, &mut issues);
        }
        let read: RawMonitor;
        let raw = match template.raw(t) {
            Some(raw) => raw,
            None => match RawMonitor::deserialize(Deserializer::from(t.values())) {
                Ok(raw) => {
                    read = raw;
                    &read
                }
                Err(e) => {
                    issues.push(serde_issue(&doc, table, &prefix, &e));
                    continue;
                }
            },
        };
        let name_at = key_offset(table.get_ref(), "name").unwrap_or(table.span().start);
        if t.instance.is_none_or(|i| i == 1) && !seen.insert(raw.name.clone()) {
            issues.push(doc.issue(name_at, format!("{prefix}.name"), format!("duplicate monitor name `{}`", raw.name)));
        }
        if let Some(mut m) = validate::monitor(&doc, table, &prefix, raw, &settings, &mut issues) {
            // An instance is validated under its pool's name (one without `@`).
            m.name = t.final_name(&m.name);
            if t.worker.is_some() {
                m.worker.clone_from(&t.worker);
            }
            monitors.push(m);
        }
    }
    super::validate_worker::workers(&doc, &tables, &monitors, &mut issues);
    super::validate_depends::depends(&doc, &tables, &monitors, settings.host_defaults, &mut issues);
    let mut clean = Vec::new();
    for (index, table) in array_of_tables(&doc, clean_value, "clean", &mut issues).iter().enumerate() {
        let prefix = format!("clean[{}]", table_name(table).unwrap_or_else(|| format!("#{}", index + 1)));
        match RawClean::deserialize(Deserializer::from(table.clone())) {
            Ok(raw) => {
                if clean.iter().any(|c: &super::CleanRule| c.name == raw.name) {
                    let at = key_offset(table.get_ref(), "name").unwrap_or(table.span().start);
                    issues.push(doc.issue(at, format!("{prefix}.name"), format!("duplicate rule name `{}`", raw.name)));
                }
                if let Some(rule) = super::validate_clean::clean_rule(&doc, table, &prefix, raw, &mut issues) {
                    clean.push(rule);
                }
            }
            Err(e) => issues.push(serde_issue(&doc, table, &prefix, &e)),
        }
    }
    let mut channels: Vec<super::Channel> = Vec::new();
    for (index, table) in array_of_tables(&doc, channel_value, "channel", &mut issues).iter().enumerate() {
        let prefix = format!("channel[{}]", table_name(table).unwrap_or_else(|| format!("#{}", index + 1)));
        match RawChannel::deserialize(Deserializer::from(table.clone())) {
            Ok(raw) => {
                if channels.iter().any(|c| c.name == raw.name) {
                    let at = key_offset(table.get_ref(), "name").unwrap_or(table.span().start);
                    issues.push(doc.issue(
                        at,
                        format!("{prefix}.name"),
                        format!("duplicate channel name `{}`", raw.name),
                    ));
                }
                let alerts = &settings.alerts;
                if let Some(ch) = super::validate_channels::channel(&doc, table, &prefix, raw, alerts, &mut issues) {
                    channels.push(ch);
                }
            }
            Err(e) => issues.push(serde_issue(&doc, table, &prefix, &e)),
        }
    }
    let mut windows = Vec::new();
    let mut window_tables = Vec::new();
    for (index, table) in array_of_tables(&doc, maintenance_value, "maintenance", &mut issues).into_iter().enumerate() {
        let prefix = format!("maintenance[{}]", table_name(&table).unwrap_or_else(|| format!("#{}", index + 1)));
        match super::maintenance::RawMaintenance::deserialize(Deserializer::from(table.clone())) {
            Ok(raw) => {
                if let Some(w) = super::maintenance::window(&doc, &table, &prefix, raw, &mut issues) {
                    windows.push(w);
                    window_tables.push((table, prefix));
                }
            }
            Err(e) => issues.push(serde_issue(&doc, &table, &prefix, &e)),
        }
    }
    if !windows.is_empty() {
        let mut all = monitors.clone();
        if settings.host_defaults {
            all.extend(defaults::host_monitors(&settings.thresholds));
        }
        let now = crate::time::unix_now();
        super::maintenance::across(&doc, &window_tables, &windows, &all, now, &mut issues);
    }
    if !issues.is_empty() {
        // Each instance of a pool repeats its pool's mistakes: say each once.
        issues.sort_by(|a, b| (a.line, &a.field, &a.message).cmp(&(b.line, &b.field, &b.message)));
        issues.dedup();
        return Err(ConfigErrors(issues));
    }
    if settings.host_defaults {
        for m in defaults::host_monitors(&settings.thresholds) {
            if !monitors.iter().any(|c: &super::Monitor| c.name == m.name) {
                monitors.push(m);
            }
        }
    }
    Ok(Config { path: None, settings, monitors, clean, channels, maintenance: windows })
}
