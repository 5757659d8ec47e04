//! `unacked_for` on a `[[channel]]`: the channel is an escalation tier,
//! told of an alert only once it has fired that long without an ack.
//! Kept apart from the other channel keys because its bounds are its own.

use super::checker::Checker;
use std::time::Duration;

/// The longest wait of a tier: past a week an alert nobody acked is no
/// longer news to escalate, and the history it is kept with ages out.
const LONGEST: Duration = Duration::from_secs(7 * 24 * 3600);

/// Parse a channel's `unacked_for`; `None` (and an error naming the key)
/// when it is not a duration from one second to a week.
pub(crate) fn unacked_for(c: &mut Checker<'_, '_>, v: &str) -> Option<Duration> {
    match crate::units::parse_duration(v) {
        Err(e) => c.err("unacked_for", e),
        Ok(d) if d < Duration::from_secs(1) => {
            c.err("unacked_for", "must be at least 1s (leave it out to tell this channel at once)");
        }
        Ok(d) if d > LONGEST => c.err("unacked_for", "must be at most 7d"),
        Ok(d) => return Some(d),
    }
    None
}
