//! Remedies: what hm may change on the host to fix what it found. One file
//! per remedy; each has a dry run that reports exactly what it would do,
//! and the commands that apply them record every action in the database.

pub(crate) mod clean_disk;
pub(crate) mod clear_locks;
pub(crate) mod restart;
pub(crate) mod stop_worker;
pub(crate) mod unstick;
