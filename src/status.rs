//! The four health states and how they combine.
//!
//! hm speaks Nagios: `ok`, `warning`, `critical`, `unknown`, with exit codes
//! 0, 1, 2, 3. When several results are combined the *worst* one wins, and
//! for that purpose `critical` outranks `unknown`: a host with one dead worker
//! and one check that timed out is broken, not merely undetermined.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The status of one check, or of a whole run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Status {
    /// Everything within thresholds.
    #[default]
    Ok,
    /// A warning threshold was crossed.
    Warning,
    /// A critical threshold was crossed, or the watched thing is gone.
    Critical,
    /// Health could not be determined.
    Unknown,
}

impl Status {
    /// The Nagios plugin exit code for this status.
    pub(crate) fn exit_code(self) -> i32 {
        match self {
            Status::Ok => 0,
            Status::Warning => 1,
            Status::Critical => 2,
            Status::Unknown => 3,
        }
    }

    /// How bad the status is, for picking the worst of several.
    fn severity(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::Warning => 1,
            Status::Unknown => 2,
            Status::Critical => 3,
        }
    }

    /// The worse of two statuses.
    pub(crate) fn worst(self, other: Status) -> Status {
        if other.severity() > self.severity() { other } else { self }
    }

    /// The worst of any number of statuses; `ok` when there are none.
    pub(crate) fn worst_of(statuses: impl IntoIterator<Item = Status>) -> Status {
        statuses.into_iter().fold(Status::Ok, Status::worst)
    }

    /// Lower-case name, as stored in the database and printed.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warning => "warning",
            Status::Critical => "critical",
            Status::Unknown => "unknown",
        }
    }

    /// Parse the stored name back; anything unexpected reads as unknown.
    pub(crate) fn from_db(s: &str) -> Status {
        match s {
            "ok" => Status::Ok,
            "warning" => Status::Warning,
            "critical" => Status::Critical,
            _ => Status::Unknown,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn critical_outranks_unknown_and_warning() {
        assert_eq!(Status::worst_of([Status::Unknown, Status::Critical]), Status::Critical);
        assert_eq!(Status::worst_of([Status::Warning, Status::Unknown]), Status::Unknown);
        assert_eq!(Status::worst_of([Status::Ok, Status::Warning]), Status::Warning);
        assert_eq!(Status::worst_of([]), Status::Ok);
    }

    #[test]
    fn exit_codes_follow_nagios() {
        let codes: Vec<i32> =
            [Status::Ok, Status::Warning, Status::Critical, Status::Unknown].iter().map(|s| s.exit_code()).collect();
        assert_eq!(codes, vec![0, 1, 2, 3]);
    }
}
