//! How a remedy is asked for, as small enums rather than booleans, so a
//! call reads `restart_because(store, m, Asker::Person, DryRun::No, why)`
//! and not `restart_because(store, m, false, false, why)`. At the bottom
//! of the layers, so that the run lock, the store and the remedies below
//! the engine take the same `DryRun` as it.

/// Whether a remedy acts, or only says what it would do (`--dry-run`):
/// nothing stopped, started, deleted or recorded, no run lock taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DryRun {
    No,
    Yes,
}

impl DryRun {
    /// Whether it only says what it would do.
    pub(crate) fn yes(self) -> bool {
        self == DryRun::Yes
    }
}

impl From<bool> for DryRun {
    /// A `--dry-run` flag.
    fn from(flag: bool) -> DryRun {
        if flag { DryRun::Yes } else { DryRun::No }
    }
}

/// Who asks for a restart. A heal's restarts are budgeted: they give up
/// after too many in the window and back off between attempts. A person's
/// (`hm restart-worker`, `hm serve`'s restart) never is: the budget stops
/// hm from restarting a worker that dies at once, over and over; a person
/// who restarts it has decided to. It is recorded as manual.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Asker {
    Heal,
    Person,
}

/// Whether a person's restart first records that the restart budget was
/// reset (`hm restart-worker --reset`), so the heal's restarts may start
/// again at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ResetBudget {
    No,
    Yes,
}

impl From<bool> for ResetBudget {
    /// A `--reset` flag.
    fn from(flag: bool) -> ResetBudget {
        if flag { ResetBudget::Yes } else { ResetBudget::No }
    }
}
