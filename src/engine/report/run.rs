//! What each turn of the `hm run` / `hm serve` loop produced, handed to
//! the caller as it ends: a cycle's report, why a cycle failed, or what a
//! SIGHUP did. Data, like every report: `output::print_cycle` words it.

use super::{CheckReport, HealReport};
use std::path::PathBuf;

/// What one turn of the loop produced.
#[derive(Debug)]
pub(crate) enum Cycle {
    Check(CheckReport),
    Heal(HealReport),
    /// The cycle failed as a whole: no report, and `hm serve`'s `/health`
    /// says so until one succeeds.
    Failed(CycleFailed),
    /// hm.toml was read again on SIGHUP.
    Reloaded(Reload),
}

/// Why a cycle produced no report.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CycleFailed {
    /// It returned an error (the database unusable, ...).
    #[error("{0:#}")]
    Error(anyhow::Error),
    /// It panicked; the loop goes on with the next.
    #[error("the cycle crashed")]
    Crashed,
}

/// What a SIGHUP did to the config in force.
#[derive(Debug)]
pub(crate) enum Reload {
    /// The file at `path` is in force now, with its `monitors`.
    Reloaded { path: PathBuf, monitors: usize },
    /// The file is invalid or gone: the previous config stays in force.
    Kept(anyhow::Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue27_a_failed_cycle_says_its_whole_chain_as_the_loop_always_printed_it() {
        let e = anyhow::anyhow!("disk I/O error").context("cannot open /var/lib/hm/hm.db");
        assert_eq!(CycleFailed::Error(e).to_string(), "cannot open /var/lib/hm/hm.db: disk I/O error");
        assert_eq!(CycleFailed::Crashed.to_string(), "the cycle crashed");
    }
}
