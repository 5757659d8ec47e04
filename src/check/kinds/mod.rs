//! The checks of the monitor kinds, one module each: what a kind does on
//! the host, handed its own spec. The kinds themselves (spec, keys, `hm
//! add` flags, validation, description) are `config::kinds`, below this.
//!
//! [`check`] is the one dispatch: an exhaustive `match` on `Spec`, so a
//! kind without its check does not compile, and no check is ever handed
//! another kind's spec.

pub(crate) mod command;
pub(crate) mod cpu;
pub(crate) mod disk;
pub(crate) mod gpu;
pub(crate) mod heartbeat;
mod heartbeat_schedule;
pub(crate) mod http;
pub(crate) mod load;
pub(crate) mod memory;
pub(crate) mod process;
pub(crate) mod sqlite;
pub(crate) mod tasks;
pub(crate) mod tcp;
pub(crate) mod tmux;
pub(crate) mod workspace;

use super::{CheckCtx, CheckOutput};
use crate::config::{Monitor, Spec};

/// Run a monitor's check once.
pub(crate) fn check(ctx: &CheckCtx<'_>, m: &Monitor) -> anyhow::Result<CheckOutput> {
    match &m.spec {
        Spec::Cpu { limits } => cpu::check(ctx, *limits),
        Spec::Memory { memory, swap } => memory::check(ctx, *memory, *swap),
        Spec::Load { limits } => load::check(ctx, *limits),
        Spec::Disk(spec) => disk::check(ctx, spec),
        Spec::Process(spec) => process::check(ctx, spec),
        Spec::Heartbeat(spec) => heartbeat::check(ctx, &m.name, spec, m.timeout),
        Spec::Tmux(spec) => tmux::check(ctx, spec),
        Spec::Sqlite(spec) => sqlite::check(ctx, spec, m.timeout),
        Spec::Http(spec) => http::check(ctx, spec, m.timeout),
        Spec::Tcp(spec) => tcp::check(ctx, spec, m.timeout),
        Spec::Command(spec) => command::check(ctx, spec, m.timeout),
        Spec::Workspace(spec) => workspace::check(ctx, spec, m.timeout),
        Spec::Tasks(spec) => tasks::check(ctx, spec),
        Spec::Gpu(spec) => gpu::check(ctx, spec, m.timeout),
    }
}
