//! `hm alerts` and its subcommands.

use super::help;
use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub(crate) struct AlertsArgs {
    #[command(subcommand)]
    pub command: Option<AlertsCommand>,
    /// Resolved alerts too (the latest 100), not only open ones
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum AlertsCommand {
    /// Acknowledge an alert: no more repeats (a worse severity or a resolve is still sent)
    #[command(after_help = help::ALERTS_ACK)]
    Ack {
        /// The alert's id, as `hm alerts` shows it
        id: i64,
    },
    /// Keep checking and recording a monitor, but notify nobody for a while
    #[command(after_help = help::ALERTS_SILENCE)]
    Silence {
        /// The monitor to silence
        monitor: String,
        /// How long
        #[arg(long = "for", value_name = "DURATION", value_parser = super::parse_positive_duration_arg)]
        duration: std::time::Duration,
        /// Why, shown by `hm alerts`
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Lift a monitor's silence
    #[command(after_help = help::ALERTS_UNSILENCE)]
    Unsilence {
        /// The silenced monitor
        monitor: String,
    },
    /// Show notifications waiting to be delivered, with the last error of each
    #[command(after_help = help::ALERTS_OUTBOX)]
    Outbox {
        /// Delivered notifications too
        #[arg(long)]
        all: bool,
    },
    /// Deliver every waiting notification now, ignoring retry backoff
    #[command(after_help = help::ALERTS_FLUSH)]
    Flush,
    /// Send a test notification through a channel, now
    #[command(after_help = help::ALERTS_TEST)]
    Test {
        /// The channel, as named in [[channel]]
        channel: String,
    },
    /// Start or stop an unplanned maintenance window: checked and recorded, nobody told
    #[command(subcommand)]
    Maintenance(MaintenanceCommand),
}

#[derive(Debug, Subcommand)]
pub(crate) enum MaintenanceCommand {
    /// Open a window now: the monitors named are checked and recorded, not alerted on, and not healed unless --heal
    #[command(after_help = help::ALERTS_MAINTENANCE_START)]
    Start {
        /// How long (1m to 7d)
        #[arg(long = "for", value_name = "DURATION", value_parser = parse_window)]
        duration: std::time::Duration,
        /// Heal inside the window (default: heals are held until it ends)
        #[arg(long)]
        heal: bool,
        /// Monitors or globs (`api*`; a pool's name covers its instances); none: every monitor
        names: Vec<String>,
    },
    /// End the unplanned windows now (those naming NAMES, or all); what still fails then alerts
    #[command(after_help = help::ALERTS_MAINTENANCE_STOP)]
    Stop {
        /// The monitors or globs a window was started with
        names: Vec<String>,
    },
}

/// A window's length: from 1m to 7d, as in hm.toml.
fn parse_window(s: &str) -> Result<std::time::Duration, String> {
    use crate::config::maintenance::{LONGEST, SHORTEST};
    match crate::units::parse_duration(s)? {
        d if d < SHORTEST => Err(format!("`{s}` is shorter than a window may be: at least 1m")),
        d if d > LONGEST => Err(format!("`{s}` is longer than a window may be: at most 7d")),
        d => Ok(d),
    }
}
