//! Validation of `[[clean]]` rules for `hm clean-disk`.

use super::ConfigIssue;
use super::checker::Checker;
use super::load::Doc;
use super::model::*;
use std::time::Duration;
use toml::Spanned;
use toml::de::DeTable;

/// Resolve one `[[clean]]` rule; `None` when it has errors.
pub(crate) fn clean_rule(
    doc: &Doc<'_>,
    table: &Spanned<DeTable<'_>>,
    prefix: &str,
    raw: RawClean,
    issues: &mut Vec<ConfigIssue>,
) -> Option<CleanRule> {
    let mut c = Checker::new(doc, table.get_ref(), table.span().start, prefix.to_string(), issues);
    if let Some(why) = super::validate::name_problem(&raw.name, "name") {
        c.err("name", why);
    }
    if raw.roots.is_empty() && raw.journal_vacuum.is_none() {
        c.err("roots", "a rule needs at least one root directory (or `journal_vacuum`)");
    }
    for root in &raw.roots {
        if let Some(why) = crate::clean_roots::refuse_written(root) {
            c.err("roots", why);
        }
    }
    let mut globs = Vec::new();
    for g in raw.globs.unwrap_or_default() {
        match glob::Pattern::new(&g) {
            Ok(p) => globs.push(p),
            Err(e) => c.err("globs", format!("invalid glob `{g}`: {e}")),
        }
    }
    let older_than = c.duration("older_than", raw.older_than.as_deref(), DEFAULT_OLDER_THAN);
    let journal_vacuum =
        raw.journal_vacuum.as_deref().map(|v| c.duration("journal_vacuum", Some(v), DEFAULT_OLDER_THAN));
    let budget = c.size("budget", raw.budget.as_ref()).map(|b| b as u64);
    if c.failed {
        return None;
    }
    Some(CleanRule { name: raw.name, roots: raw.roots, globs, older_than, journal_vacuum, budget })
}

/// Default minimum age of files a clean rule deletes.
pub(super) const DEFAULT_OLDER_THAN: Duration = Duration::from_secs(7 * 86_400);
