//! One file per subcommand: thin adapters that load the config, call the
//! engine (`crate::engine`) or the store, and return the report (data,
//! never text) for `hm::run` to render. Nothing outside `lib.rs` imports
//! from here.

pub mod actions;
pub mod add;
pub mod alerts;
pub mod check;
pub mod clean_disk;
pub mod clear_locks;
pub mod completions;
pub mod export;
pub mod heal;
pub mod history;
pub mod man;
pub mod monitor;
pub mod ping;
pub mod restart_worker;
pub mod run;
pub mod status;
pub mod validate;
