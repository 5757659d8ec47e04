//! `hm why`'s report: the death certificates of a worker (the
//! certificate itself is `host/death.rs`).

pub(crate) use crate::host::death::Death;
use serde::Serialize;

/// The result of `hm why NAME`.
#[derive(Debug, Serialize)]
pub(crate) struct WhyReport {
    pub monitor: String,
    /// The last death first; only the last one unless `--all`.
    pub deaths: Vec<Death>,
}
