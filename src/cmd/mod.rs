//! One file per subcommand: thin adapters that load the config, call the
//! engine (`crate::engine`) or the store, and return the report (data,
//! never text) for `hm::run` to render. Nothing outside `lib.rs` imports
//! from here.

pub(crate) mod actions;
pub(crate) mod add;
pub(crate) mod alerts;
pub(crate) mod check;
pub(crate) mod clean_disk;
pub(crate) mod clear_locks;
pub(crate) mod completions;
pub(crate) mod export;
pub(crate) mod heal;
pub(crate) mod history;
pub(crate) mod maintenance;
pub(crate) mod man;
mod man_config;
pub(crate) mod monitor;
pub(crate) mod pause;
pub(crate) mod ping;
pub(crate) mod restart_worker;
pub(crate) mod run;
pub(crate) mod status;
pub(crate) mod stop_worker;
pub(crate) mod validate;
pub(crate) mod why;
