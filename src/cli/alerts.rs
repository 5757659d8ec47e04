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
}
