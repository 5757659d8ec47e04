//! The engine: the monitoring cycle and the remedies as a library, with
//! everything that lives from one cycle to the next owned by one struct.
//!
//! [`Engine`] is built once per process (`hm::run`, a test) and holds the
//! paths ([`Ctx`]), the host factory (with the command lines of the
//! processes earlier cycles saw), the database connection kept from the
//! last cycle, the compiled patterns of the last cycle and the checks still
//! hung from earlier cycles. Nothing of that is a process global, so a test
//! builds an engine on a [`crate::host::fake::FakeHost`] and a temporary
//! database and runs whole cycles without the binary (see `tests.rs`).
//! The model is hyperfine's `Scheduler` and bottom's `DataCollector`: one
//! owner for the state between runs, methods that return reports.
//!
//! - [`cycle`]: check → record → alert → deliver → prune (`hm check`, each
//!   cycle of `hm run` and `hm serve`);
//! - [`heal`]: the plan for each non-ok monitor, carried out by [`remedy`];
//! - [`restart`], [`clean`], [`clear_locks`], [`unstick`]: the remedies
//!   with their budgets and records, also run on their own by their
//!   subcommands;
//! - [`daemon`]: the `hm run` / `hm serve` loop, woken by signals
//!   (`wake`) and by the processes and files it watches (`watch`);
//!   [`query`]: what status,
//!   history, `/status` and `/metrics` read;
//! - [`report`]: every report a command returns, with its exit code;
//!   `said`: the warnings that cannot wait for one, told to the sink the
//!   caller put in [`Ctx`] (the engine never prints).
//!
//! `src/cmd/` holds thin adapters that load the config, call the engine
//! and hand the report to `hm::run`; nothing here imports `cmd/`.

pub(crate) mod clean;
pub(crate) mod clear_locks;
mod counters;
mod ctx;
pub(crate) mod cycle;
pub(crate) mod daemon;
mod daemon_said;
pub(crate) mod death;
mod depends;
mod escalate;
pub(crate) mod heal;
mod heal_events;
pub(crate) mod heal_steps;
mod heal_worker;
mod hold;
pub(crate) mod hold_pool;
pub(crate) mod hold_steps;
pub(crate) mod intent;
mod kept;
mod later;
mod maintenance;
pub(crate) mod ping;
pub(crate) mod query;
pub(crate) mod report;
pub(crate) mod restart;
mod restart_many;
mod restart_steps;
pub(crate) mod roll;
mod said;
pub(crate) mod scale;
#[cfg(test)]
mod tests;
mod thin;
pub(crate) mod unstick;
mod wake;
mod watch;

pub(crate) use crate::asked::{Asker, DryRun, ResetBudget};
pub(crate) use ctx::Ctx;
pub(crate) use said::{Said, Say};

use crate::check::patterns::PatternCache;
use crate::check::runner::Hung;
use crate::host::{Host, ProcCache, ProcNeeds};
use counters::Counters;
use kept::Kept;
use std::sync::Arc;

/// Makes the host a cycle or a remedy looks at: what the process scan must
/// read is known only once the monitors are.
pub(crate) type Hosts = Arc<dyn Fn(ProcNeeds) -> Box<dyn Host + Send> + Send + Sync>;

/// The real machine: the one place a [`crate::host::linux::LinuxHost`] is
/// made. The hosts it makes share one [`ProcCache`], so each cycle reads
/// the command lines only of processes it has not seen.
pub(crate) fn linux_hosts() -> Hosts {
    let cache = Arc::new(ProcCache::default());
    Arc::new(move |needs| Box::new(crate::host::linux::LinuxHost::new(needs, cache.clone())))
}

/// What lives between cycles, and the way to the host.
pub(crate) struct Engine {
    ctx: Ctx,
    /// The host factory; the real one carries the command lines read by
    /// earlier cycles ([`ProcCache`]).
    hosts: Hosts,
    /// The database connection of the last cycle, kept so the next does
    /// not open the database and compile its statements again.
    kept: Kept,
    /// The pattern set compiled for the last cycle, reused while the
    /// patterns are the same.
    patterns: PatternCache,
    /// Monitors whose check is still hung from an earlier cycle.
    hung: Hung,
    /// The newest counters, written to the database once a minute.
    counters: Counters,
    /// The workers watched for their death certificates.
    pub(crate) deaths: Arc<death::Registry>,
}

impl Engine {
    /// An engine on the real machine.
    pub(crate) fn new(ctx: Ctx) -> Engine {
        Engine::with_hosts(ctx, linux_hosts())
    }

    /// An engine on the hosts `hosts` makes (a fake, in tests).
    pub(crate) fn with_hosts(ctx: Ctx, hosts: Hosts) -> Engine {
        Engine {
            ctx,
            hosts,
            kept: Kept::default(),
            patterns: PatternCache::default(),
            hung: Hung::default(),
            counters: Counters::default(),
            deaths: Arc::default(),
        }
    }

    /// Where the config and the database are.
    pub(crate) fn ctx(&self) -> &Ctx {
        &self.ctx
    }

    /// A host that reads what `needs` says of each process.
    pub(crate) fn host(&self, needs: ProcNeeds) -> Box<dyn Host + Send> {
        (self.hosts)(needs)
    }
}
