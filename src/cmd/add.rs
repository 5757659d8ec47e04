//! `hm add KIND NAME --flags` (and `hm monitor add`): a new `[[monitor]]`
//! built from flags named as its TOML keys, appended to hm.toml only when
//! the whole file still validates. The flags are the user's words, so the
//! errors name them (`--stuck-after: ...`), not the keys they became.

use super::monitor::validate_edit;
use crate::config::{NewMonitor, edit};
use crate::engine::Ctx;
use crate::engine::report::MonitorChange;
use anyhow::Result;

/// Append `new` to the config (creating it), if the result validates.
pub(crate) fn run(ctx: &Ctx, new: NewMonitor) -> Result<MonitorChange> {
    let (path, _) = ctx.config_path()?;
    // Read, edited and written under the config's edit lock: ten `hm add`
    // at once all land.
    edit::edit_locked(&path, |text| {
        let (text, header) = match text {
            Some(t) => (t, ""),
            None => ("", "# hm configuration: see `hm --help` and the README.\n\n"),
        };
        let updated = format!("{header}{}", edit::add_monitor(text, new.table())?);
        validate_edit(&path, text, &updated, new.name(), &new.flags())?;
        Ok(updated)
    })?;
    Ok(MonitorChange { action: "added".into(), name: new.name().to_string(), config: path })
}
