//! What a remedy did, as a type: code that branches on an outcome matches
//! an enum, so a typo cannot compile into a silent change of behaviour.
//! Each serialises to the words reports, the actions table and `healed`
//! events always printed.

use serde::Serialize;
use std::fmt;

/// The remedy hm chose for a monitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum RemedyKind {
    Restart,
    CleanDisk,
    ClearLocks,
    Unstick,
    /// No remedy: the details say why, and what would give it one.
    None,
}

/// What a remedy did (or would do, in a dry run).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Outcome {
    Restarted,
    Failed,
    #[serde(rename = "gave up")]
    GaveUp,
    #[serde(rename = "backing off")]
    BackingOff,
    #[serde(rename = "would restart")]
    WouldRestart,
    /// Once per heal: another monitor's remedy restarted the same worker.
    #[serde(rename = "already restarted")]
    AlreadyRestarted,
    /// A stalled worker was just restarted: it has its grace to show life.
    Waiting,
    Cleaned,
    #[serde(rename = "would clean")]
    WouldClean,
    Cleared,
    #[serde(rename = "would clear")]
    WouldClear,
    /// A database held by a process that may not be killed, or by a writer.
    #[serde(rename = "left alone")]
    LeftAlone,
    Unstuck,
    #[serde(rename = "still stuck")]
    StillStuck,
    #[serde(rename = "would unstick")]
    WouldUnstick,
    #[serde(rename = "not healed")]
    NotHealed,
    /// A stop signal came before it was verified: what was
    /// done is recorded, whether it worked is not known.
    Interrupted,
    /// Stopped on purpose or paused (`hm stop-worker`, `hm monitor
    /// pause`): not restarted, whoever asks.
    Held,
    /// Stopped and started; verified once its `restart_delay` is up, in a
    /// line of its own (`hm run --heal`).
    Started,
}

impl Outcome {
    /// The words a report prints.
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            Outcome::Restarted => "restarted",
            Outcome::Failed => "failed",
            Outcome::GaveUp => "gave up",
            Outcome::BackingOff => "backing off",
            Outcome::WouldRestart => "would restart",
            Outcome::AlreadyRestarted => "already restarted",
            Outcome::Waiting => "waiting",
            Outcome::Cleaned => "cleaned",
            Outcome::WouldClean => "would clean",
            Outcome::Cleared => "cleared",
            Outcome::WouldClear => "would clear",
            Outcome::LeftAlone => "left alone",
            Outcome::Unstuck => "unstuck",
            Outcome::StillStuck => "still stuck",
            Outcome::WouldUnstick => "would unstick",
            Outcome::NotHealed => "not healed",
            Outcome::Interrupted => "interrupted",
            Outcome::Started => "started",
            Outcome::Held => "held",
        }
    }

    /// Whether it changed something on the host: a `healed` event is sent.
    pub(crate) fn changed(self) -> bool {
        matches!(self, Outcome::Restarted | Outcome::Cleaned | Outcome::Cleared | Outcome::Unstuck)
    }

    /// Whether hm acted (or tried to): the monitor is checked again after
    /// the heal.
    pub(crate) fn acted(self) -> bool {
        self.changed() || matches!(self, Outcome::Failed | Outcome::StillStuck | Outcome::Interrupted)
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl RemedyKind {
    /// The words a report prints.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            RemedyKind::Restart => "restart",
            RemedyKind::CleanDisk => "clean-disk",
            RemedyKind::ClearLocks => "clear-locks",
            RemedyKind::Unstick => "unstick",
            RemedyKind::None => "none",
        }
    }
}

impl fmt::Display for RemedyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue17_outcomes_serialise_to_the_words_reports_always_printed() {
        let all = [
            Outcome::Restarted,
            Outcome::Failed,
            Outcome::GaveUp,
            Outcome::BackingOff,
            Outcome::WouldRestart,
            Outcome::AlreadyRestarted,
            Outcome::Waiting,
            Outcome::Cleaned,
            Outcome::WouldClean,
            Outcome::Cleared,
            Outcome::WouldClear,
            Outcome::LeftAlone,
            Outcome::Unstuck,
            Outcome::StillStuck,
            Outcome::WouldUnstick,
            Outcome::NotHealed,
            Outcome::Interrupted,
            Outcome::Started,
        ];
        for o in all {
            assert_eq!(serde_json::to_value(o).expect("json"), serde_json::json!(o.as_str()));
        }
        let words: Vec<&str> = all.iter().map(|o| o.as_str()).collect();
        assert!(words.contains(&"gave up") && words.contains(&"would clear") && words.contains(&"not healed"));
        for k in
            [RemedyKind::Restart, RemedyKind::CleanDisk, RemedyKind::ClearLocks, RemedyKind::Unstick, RemedyKind::None]
        {
            assert_eq!(serde_json::to_value(k).expect("json"), serde_json::json!(k.as_str()));
        }
        assert_eq!(RemedyKind::CleanDisk.as_str(), "clean-disk");
    }
}
