//! The words of the actions table, as types: what a row's remedy was
//! (`action`) and how it ended (`outcome`). Code that writes or counts
//! rows names a variant, so a misspelt word is a compile error rather than
//! a row no budget counts. Each is stored as the word hm always wrote, so
//! the database and `hm actions` read as before; a word this build does
//! not know (a newer hm's) reads back as itself.

use std::fmt;

/// What an action was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ActionKind {
    Restart,
    CleanDisk,
    ClearLocks,
    Unstick,
    /// `hm restart-worker --reset`: the budgets count from here.
    Reset,
    /// `hm stop-worker`: stopped and held down.
    StopWorker,
    /// `hm start-worker`: started, the hold lifted.
    StartWorker,
    /// `hm monitor pause`: not checked or healed for a while.
    Pause,
    /// `hm monitor resume`: the pause lifted.
    Resume,
    /// A reload that lowered a pool's `instances`: an instance above it stopped.
    ScaleDown,
    /// `hm alerts maintenance start`: a window in which nothing is told.
    MaintenanceStart,
    /// `hm alerts maintenance stop`: the window ended early.
    MaintenanceStop,
    /// A word this build does not know, kept as read.
    Unknown(String),
}

impl ActionKind {
    const KNOWN: [ActionKind; 12] = [
        ActionKind::Restart,
        ActionKind::CleanDisk,
        ActionKind::ClearLocks,
        ActionKind::Unstick,
        ActionKind::Reset,
        ActionKind::StopWorker,
        ActionKind::StartWorker,
        ActionKind::Pause,
        ActionKind::Resume,
        ActionKind::ScaleDown,
        ActionKind::MaintenanceStart,
        ActionKind::MaintenanceStop,
    ];

    /// The word stored in `actions.action`.
    pub(crate) fn as_str(&self) -> &str {
        match self {
            ActionKind::Restart => "restart",
            ActionKind::CleanDisk => "clean-disk",
            ActionKind::ClearLocks => "clear-locks",
            ActionKind::Unstick => "unstick",
            ActionKind::Reset => "reset",
            ActionKind::StopWorker => "stop-worker",
            ActionKind::StartWorker => "start-worker",
            ActionKind::Pause => "pause",
            ActionKind::Resume => "resume",
            ActionKind::ScaleDown => "scale-down",
            ActionKind::MaintenanceStart => "maintenance-start",
            ActionKind::MaintenanceStop => "maintenance-stop",
            ActionKind::Unknown(word) => word,
        }
    }

    /// The kind a stored word names.
    pub(crate) fn from_db(word: &str) -> ActionKind {
        Self::KNOWN.into_iter().find(|k| k.as_str() == word).unwrap_or_else(|| ActionKind::Unknown(word.to_string()))
    }
}

/// How an action ended, as its row says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ActionOutcome {
    /// Written ahead, not completed (yet): its hm acts, or died acting.
    Pending,
    Ok,
    /// Some of it was done (a clean that met errors).
    Partial,
    Failed,
    /// Looked at and left alone (a database a writer holds).
    Skipped,
    /// A stop came before it was verified.
    Interrupted,
    /// The budget is spent: not an attempt.
    GaveUp,
    /// A word this build does not know, kept as read.
    Unknown(String),
}

impl ActionOutcome {
    const KNOWN: [ActionOutcome; 7] = [
        ActionOutcome::Pending,
        ActionOutcome::Ok,
        ActionOutcome::Partial,
        ActionOutcome::Failed,
        ActionOutcome::Skipped,
        ActionOutcome::Interrupted,
        ActionOutcome::GaveUp,
    ];

    /// The word stored in `actions.outcome`.
    pub(crate) fn as_str(&self) -> &str {
        match self {
            ActionOutcome::Pending => "pending",
            ActionOutcome::Ok => "ok",
            ActionOutcome::Partial => "partial",
            ActionOutcome::Failed => "failed",
            ActionOutcome::Skipped => "skipped",
            ActionOutcome::Interrupted => "interrupted",
            ActionOutcome::GaveUp => "gave up",
            ActionOutcome::Unknown(word) => word,
        }
    }

    /// The outcome a stored word names.
    pub(crate) fn from_db(word: &str) -> ActionOutcome {
        Self::KNOWN.into_iter().find(|o| o.as_str() == word).unwrap_or_else(|| ActionOutcome::Unknown(word.to_string()))
    }
}

impl fmt::Display for ActionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for ActionOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue27_each_word_reads_back_as_its_variant_and_unknown_words_as_themselves() {
        for k in ActionKind::KNOWN {
            assert_eq!(ActionKind::from_db(k.as_str()), k);
        }
        for o in ActionOutcome::KNOWN {
            assert_eq!(ActionOutcome::from_db(o.as_str()), o);
        }
        let words: Vec<&str> = ActionKind::KNOWN.iter().map(ActionKind::as_str).collect();
        assert_eq!(
            words,
            [
                "restart",
                "clean-disk",
                "clear-locks",
                "unstick",
                "reset",
                "stop-worker",
                "start-worker",
                "pause",
                "resume",
                "scale-down",
                "maintenance-start",
                "maintenance-stop"
            ]
        );
        let words: Vec<&str> = ActionOutcome::KNOWN.iter().map(ActionOutcome::as_str).collect();
        assert_eq!(words, ["pending", "ok", "partial", "failed", "skipped", "interrupted", "gave up"]);
        assert_eq!(ActionKind::from_db("reboot"), ActionKind::Unknown("reboot".into()));
        assert_eq!(ActionKind::from_db("reboot").as_str(), "reboot");
        assert_eq!(ActionOutcome::from_db("half done").as_str(), "half done");
    }
}
