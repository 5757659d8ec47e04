//! `hm completions`: shell completion scripts generated from the clap
//! definition. The committed copies under `completions/` are checked fresh
//! by a test.

use anyhow::{Context, Result};
use clap_complete::{Generator, Shell};
use std::path::Path;

/// Every shell clap_complete supports.
pub(crate) const SHELLS: [Shell; 5] = [Shell::Bash, Shell::Elvish, Shell::Fish, Shell::PowerShell, Shell::Zsh];

/// The script for one shell: (file name, contents).
pub(crate) fn script(shell: Shell) -> (String, Vec<u8>) {
    let mut cmd = crate::cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "hm", &mut out);
    (shell.file_name("hm"), out)
}

/// Write every shell's script into `dir`.
pub(crate) fn write_all(dir: &Path) -> Result<Vec<String>> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    SHELLS
        .iter()
        .map(|s| {
            let (name, bytes) = script(*s);
            std::fs::write(dir.join(&name), bytes)
                .with_context(|| format!("cannot write {}", dir.join(&name).display()))?;
            Ok(name)
        })
        .collect()
}
