//! `hm monitor list|add|remove` (and the short forms `hm list|add|remove`).

use super::add::AddArgs;
use super::help;
use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub(crate) enum MonitorCommand {
    /// List configured and embedded monitors
    List,
    /// Add a monitor to hm.toml, keeping its comments and order
    #[command(after_help = help::ADD)]
    Add(Box<AddArgs>),
    /// Remove a monitor from hm.toml
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
pub(crate) struct RemoveArgs {
    /// The monitor to remove
    pub name: String,
}
