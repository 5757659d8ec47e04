//! The `tmux` kind's check, and the session reading `hm unstick` shares,
//! in `check.rs`; telling a pane idle at its shell's prompt from a job, in
//! `prompt.rs`; judging the server's socket before tmux connects, in
//! `socket.rs`. Its spec, keys and validation are `config::kinds::tmux`.

mod check;
mod prompt;
mod socket;

pub(crate) use check::{Session, activity, check, quiet_key, sent_key, sessions};
