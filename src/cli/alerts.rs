//! `hm alerts` and its subcommands.

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
    #[command(after_help = "Example:\n  hm alerts ack 12")]
    Ack {
        /// The alert's id, as `hm alerts` shows it
        id: i64,
    },
    /// Keep checking and recording a monitor, but notify nobody for a while
    #[command(
        after_help = "Examples:\n  hm alerts silence api --for 2h\n  hm alerts silence disk --for 1d --reason 'resize planned'"
    )]
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
    #[command(after_help = "Example:\n  hm alerts unsilence api")]
    Unsilence {
        /// The silenced monitor
        monitor: String,
    },
    /// Show notifications waiting to be delivered, with the last error of each
    #[command(
        after_help = "Examples:\n  hm alerts outbox\n  hm alerts outbox --all --json   (the latest 100, delivered too)"
    )]
    Outbox {
        /// Delivered notifications too
        #[arg(long)]
        all: bool,
    },
    /// Deliver every waiting notification now, ignoring retry backoff
    #[command(after_help = "Example:\n  hm alerts flush\n\nExit code: 1 when a delivery failed.")]
    Flush,
    /// Send a test notification through a channel, now
    #[command(
        after_help = "Examples:\n  hm alerts test ops-slack\n  hm alerts test pager --json\n\nExit code: 1 when the channel failed."
    )]
    Test {
        /// The channel, as named in [[channel]]
        channel: String,
    },
}
