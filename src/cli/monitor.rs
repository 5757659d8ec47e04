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
    /// Stop checking and healing a monitor, leaving its worker as it is
    #[command(
        after_help = "Examples:\n  hm monitor pause api --for 2h\n  hm monitor pause backup-beat          until hm monitor resume\n  hm monitor pause api --for 30m --json\n  hm monitor pause pool@7               one instance of a pool (the pool: each)\n\nA paused monitor is not checked, alerts on nothing and is not healed; its\nworker is not touched (Monit's unmonitor). `hm status` shows it `paused`, with\nwho paused it, when and until when. Recorded in hm actions."
    )]
    Pause(PauseArgs),
    /// Check and heal a paused monitor again
    #[command(after_help = "Examples:\n  hm monitor resume api\n  hm monitor resume api --dry-run")]
    Resume(ResumeArgs),
}

#[derive(Debug, Args)]
pub(crate) struct PauseArgs {
    /// The monitor
    pub name: String,
    /// For this long, then it is checked again (default: until resumed)
    #[arg(long = "for", value_name = "DURATION", value_parser = super::parse_positive_duration_arg)]
    pub duration: Option<std::time::Duration>,
    /// Show what would be done, do nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ResumeArgs {
    /// The monitor
    pub name: String,
    /// Show what would be done, do nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub(crate) struct RemoveArgs {
    /// The monitor to remove
    pub name: String,
}
