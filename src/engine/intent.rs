//! Record before acting: every remedy commits its intent to
//! the actions table (monitor, remedy, what it will touch, when), then
//! acts, then completes the row with its outcome. An hm that cannot
//! commit the intent (the database locked past the busy timeout,
//! read-only, full) changes nothing and says why in one line, naming the
//! process that holds the lock where the kernel tells (`/proc/locks`).
//!
//! A row left without an outcome is a remedy whose hm died or was
//! stopped mid-way: it counts against the budget like any attempt, and
//! `hm actions` shows it `interrupted`. The one exception, `clean-disk`
//! freeing the full disk that holds the database, is `engine::clean`'s.

use super::{Ctx, Say};
use crate::config::Config;
use crate::host::stop::Acting;
use crate::store::{ActionKind, ActionOutcome, ActionRow, Failure, Store};
use crate::time::unix_now;
use anyhow::Result;

/// Why a remedy did not act.
#[derive(Debug, thiserror::Error)]
pub(crate) enum NotActing {
    /// Its intent could not be committed; `full` when the database's disk
    /// is full.
    #[error("not acting: cannot record it: {why}")]
    Unrecorded { why: String, full: bool },
    /// A stop signal came: nothing new is begun.
    #[error("not acting: hm is stopping")]
    Stopping,
}

impl NotActing {
    /// The `NotActing` somewhere in `e`'s chain.
    pub(crate) fn find(e: &anyhow::Error) -> Option<&NotActing> {
        e.chain().find_map(|c| c.downcast_ref::<NotActing>())
    }

    /// Why `store` could not take a write: which process holds its lock,
    /// or what SQLite said.
    pub(crate) fn unrecorded(store: &Store, e: anyhow::Error) -> NotActing {
        let path = store.path();
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let said = format!("{e:#}");
        let failure = Failure::from(e);
        let why = match failure {
            Failure::Busy(_) => {
                match crate::host::locks::sqlite_writer(path).filter(|pid| *pid != std::process::id()) {
                    Some(pid) if pid > 0 => format!("{name} is locked by pid {pid}"),
                    _ => format!("{name} is locked by another process"),
                }
            }
            Failure::Full(_) => format!("the disk that holds {} is full", path.display()),
            Failure::ReadOnly(_) => format!("{} is read-only", path.display()),
            Failure::Corrupt { .. } | Failure::Other(_) => said,
        };
        NotActing::Unrecorded { why, full: matches!(failure, Failure::Full(_)) }
    }
}

/// The database a remedy records in: one that cannot be opened is a
/// [`NotActing`], before anything is touched.
pub(crate) fn store_to_act(ctx: &Ctx, config: &Config) -> Result<Store> {
    ctx.store(config).map_err(|e| NotActing::Unrecorded { why: format!("{e:#}"), full: false }.into())
}

/// What a remedy is about to do.
#[derive(Debug, Clone)]
pub(crate) struct Intent {
    pub monitor: String,
    pub action: ActionKind,
    /// The one thing within the monitor it is for (an unstick's session),
    /// by which a budget kept per thing counts it.
    pub target: Option<String>,
    /// What it will touch: pids, paths, a session.
    pub targets: String,
    /// Asked for by a person, not by a heal.
    pub manual: bool,
    /// The row's details until it completes.
    pub details: String,
}

impl Intent {
    pub(crate) fn new(monitor: &str, action: ActionKind, targets: String) -> Intent {
        Intent { monitor: monitor.to_string(), action, target: None, targets, manual: false, details: String::new() }
    }

    fn row(&self, ts: f64) -> ActionRow {
        ActionRow {
            target: self.target.clone(),
            targets: self.targets.clone(),
            manual: self.manual,
            details: self.details.clone(),
            pid: Some(std::process::id()),
            ..ActionRow::new(ts, &self.monitor, self.action.clone())
        }
    }
}

/// A committed intent, to be completed with [`Pending::finish`]. Dropped
/// unfinished (an error on the way, hm stopping), its row stays pending:
/// `interrupted`.
pub(crate) struct Pending<'s> {
    store: &'s Store,
    id: i64,
    _acting: Acting,
}

/// Commit `intents` together, all or none, before any of them acts.
pub(crate) fn intend<'s>(store: &'s Store, intents: &[Intent]) -> Result<Vec<Pending<'s>>, NotActing> {
    let mut acting = Vec::with_capacity(intents.len());
    for _ in intents {
        acting.push(Acting::begin().ok_or(NotActing::Stopping)?);
    }
    let now = unix_now();
    let rows: Vec<ActionRow> = intents.iter().map(|i| i.row(now)).collect();
    let ids = store.begin_actions(&rows).map_err(|e| NotActing::unrecorded(store, e))?;
    Ok(ids.into_iter().zip(acting).map(|(id, _acting)| Pending { store, id, _acting }).collect())
}

/// [`intend`] of one.
pub(crate) fn intend_one<'s>(store: &'s Store, intent: Intent) -> Result<Pending<'s>, NotActing> {
    let mut v = intend(store, std::slice::from_ref(&intent))?;
    v.pop().ok_or(NotActing::Stopping)
}

impl Pending<'_> {
    /// What it has done so far (the pid it started), should hm die before
    /// it completes the row. A failure to note it is not the remedy's: it
    /// is a warning to `say`.
    pub(crate) fn note(&self, details: &str, say: &Say) {
        if let Err(e) = self.store.note_action(self.id, details) {
            say.warning(format!("{e:#}"));
        }
    }

    /// Complete the row with its outcome.
    pub(crate) fn finish(self, outcome: ActionOutcome, details: &str) -> Result<()> {
        self.store.finish_action(self.id, &outcome, details, unix_now())
    }

    /// The row apart from this connection, to be completed later on
    /// another (a verification that waits beside the loop).
    pub(crate) fn hold(self) -> Held {
        Held { id: self.id, acting: Some(self._acting) }
    }
}

/// A committed intent kept past its connection ([`Pending::hold`]).
/// While `parked` (waiting in the loop, no thread on it) it is not a
/// remedy under way: a stop does not wait for it, the loop completes it.
pub(crate) struct Held {
    id: i64,
    acting: Option<Acting>,
}

impl Held {
    /// Waiting in the loop: nothing to wait for on a stop.
    pub(crate) fn park(&mut self) {
        self.acting = None;
    }

    /// Taken up again by a thread that will complete it.
    pub(crate) fn resume(&mut self) {
        self.acting.get_or_insert_with(Acting::resume);
    }

    /// Complete the row on `store`.
    pub(crate) fn finish(self, store: &Store, outcome: ActionOutcome, details: &str) -> Result<()> {
        store.finish_action(self.id, &outcome, details, unix_now())
    }
}

/// The outcome a row shows (`hm actions`, `hm status`): a pending one is
/// `in progress` while the hm that wrote it runs, else `interrupted`.
pub(crate) fn shown_outcome(row: &ActionRow) -> String {
    if row.outcome != ActionOutcome::Pending {
        return row.outcome.to_string();
    }
    let runs = |pid: u32| {
        pid == std::process::id()
            || std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim_end() == "hm")
    };
    if row.pid.is_some_and(runs) { "in progress" } else { "interrupted" }.to_string()
}
