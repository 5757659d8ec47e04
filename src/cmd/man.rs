//! `hm man`: man pages generated from the clap definition, one for hm and
//! one per subcommand (`hm-check.1`, ...), and `hm.toml.5`, the
//! configuration reference (`man_config.rs`). The committed copies under
//! `man/` are checked fresh by a test.

use anyhow::{Context, Result};
use std::path::Path;

/// hm(1)'s last section: the configuration reference.
const SEE_ALSO: &[u8] = b".SH \"SEE ALSO\"\n\\fBhm.toml\\fR(5): the configuration reference, every key of every kind\n";

/// Every page: (file name, roff).
pub(crate) fn pages() -> Result<Vec<(String, Vec<u8>)>> {
    fn walk(cmd: clap::Command, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
        let name = if prefix.is_empty() { cmd.get_name().to_string() } else { format!("{prefix}-{}", cmd.get_name()) };
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
            walk(sub, &name, out)?;
        }
        let man = clap_mangen::Man::new(cmd.clone().name(name.clone()).display_name(name.clone()));
        let mut buf = Vec::new();
        man.render(&mut buf).context("cannot render the man page")?;
        if prefix.is_empty() {
            buf.extend_from_slice(SEE_ALSO);
        }
        out.push((format!("{name}.1"), buf));
        Ok(())
    }
    let mut cmd = crate::cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut out = Vec::new();
    walk(cmd, "", &mut out)?;
    out.push(("hm.toml.5".to_string(), super::man_config::page()));
    out.sort();
    Ok(out)
}

/// The main page only.
pub(crate) fn main_page() -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(crate::cli::command()).render(&mut buf).context("cannot render the man page")?;
    buf.extend_from_slice(SEE_ALSO);
    Ok(buf)
}

/// Write every page into `dir`.
pub(crate) fn write_all(dir: &Path) -> Result<Vec<String>> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    pages()?
        .into_iter()
        .map(|(name, bytes)| {
            std::fs::write(dir.join(&name), bytes)
                .with_context(|| format!("cannot write {}", dir.join(&name).display()))?;
            Ok(name)
        })
        .collect()
}
