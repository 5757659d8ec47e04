//! Where the tmux server a monitor watches listens, and whether hm can
//! trust what it finds there, judged before tmux connects.
//!
//! With `socket`, that path. Without, the path tmux itself computes for
//! the default server (tmux 3.3): `$TMUX`'s when hm runs inside tmux, else
//! `$TMUX_TMPDIR` (or `/tmp`) `/tmux-UID/default`. tmux refuses a
//! `tmux-UID` directory another user owns or others may use ("directory …
//! has unsafe permissions"), and any user may create root's
//! `/tmp/tmux-0` while root has no server. Read as `unknown`, that would
//! turn root's "no tmux server" alarm off. Whatever keeps hm
//! from confirming the server (the directory, a symlink or a non-socket at
//! the socket's path, a server that does not answer) is [`Unconfirmed`],
//! which the check reads as critical, with the reason and the fix: set
//! `socket`. Only a missing tmux binary is `unknown`: nothing can be
//! judged without it.

use crate::config::TmuxSpec;
use crate::safe_path::{Symlinks, open_file};
use nix::fcntl::OFlag;
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;

/// hm cannot confirm the server the monitor watches: the reason.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct Unconfirmed(pub String);

/// What a monitor without `socket` needs to say its fix.
pub(crate) fn fix(spec: &TmuxSpec) -> &'static str {
    if spec.socket.is_some() { "" } else { "; set `socket` to the server's socket (as for tmux -S)" }
}

/// The default server's socket for hm's user, and the `tmux-UID` directory
/// tmux judges (none when `$TMUX` names the socket).
fn default_socket() -> (Option<PathBuf>, PathBuf) {
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(tmux) = set("TMUX").filter(|v| !v.as_encoded_bytes().starts_with(b",")) {
        let text = tmux.to_string_lossy();
        return (None, PathBuf::from(text.split(',').next().unwrap_or_default()));
    }
    let base = set("TMUX_TMPDIR").map_or_else(|| PathBuf::from("/tmp"), PathBuf::from);
    let dir = base.join(format!("tmux-{}", nix::unistd::getuid()));
    (Some(dir.clone()), dir.join("default"))
}

/// `Ok(false)` when no server can be at the configured socket (nothing
/// is there); `Ok(true)` when tmux may be asked: a socket is there, or,
/// for the default server, nothing yet (tmux says "no server running"
/// itself, and the unit tests on a fake host need no directory);
/// [`Unconfirmed`] otherwise.
pub(crate) fn usable(spec: &TmuxSpec) -> Result<bool, Unconfirmed> {
    match &spec.socket {
        Some(path) => socket_is_usable(path),
        None => {
            let (dir, path) = default_socket();
            if let Some(dir) = dir {
                dir_is_usable(&dir)?;
            }
            socket_is_usable(&path).map(|_| true)
        }
    }
}

/// tmux's own test of the `tmux-UID` directory (a directory of hm's
/// user's, nothing for others), plus no write by its group; a missing
/// one is fine (tmux makes it).
fn dir_is_usable(dir: &std::path::Path) -> Result<(), Unconfirmed> {
    let shown = dir.display();
    let st = match std::fs::symlink_metadata(dir) {
        Ok(st) => st,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Unconfirmed(format!("cannot look at {shown}: {e}"))),
    };
    let uid = nix::unistd::getuid().as_raw();
    if !st.file_type().is_dir() {
        return Err(Unconfirmed(format!("{shown} is not a directory, so tmux cannot use it")));
    }
    if st.uid() != uid {
        return Err(Unconfirmed(format!(
            "{shown} belongs to uid {}, not to uid {uid} (hm's), so tmux refuses it and no server of uid {uid} can be there",
            st.uid()
        )));
    }
    if st.mode() & 0o027 != 0 {
        return Err(Unconfirmed(format!(
            "{shown} has mode {:o}, so others may use it and the server there cannot be trusted",
            st.mode() & 0o7777
        )));
    }
    Ok(())
}

/// Refuse a socket that is a symlink or not a socket, looked at through an
/// `O_PATH` descriptor (nothing is connected to, nothing followed); `false`
/// when it does not exist (no server).
fn socket_is_usable(path: &std::path::Path) -> Result<bool, Unconfirmed> {
    let file = match open_file(path, &[], Symlinks::Refuse, OFlag::O_PATH, nix::sys::stat::Mode::empty()) {
        Ok(f) => f,
        Err(e) if e.is_not_found() => return Ok(false),
        Err(e) => return Err(Unconfirmed(format!("tmux socket: {e}"))),
    };
    match file.stat.st_mode & 0o170000 {
        0o140000 => Ok(true),
        0o120000 => Err(Unconfirmed(format!(
            "tmux socket {} is a symlink; hm does not follow it (write the real path)",
            path.display()
        ))),
        _ => Err(Unconfirmed(format!("tmux socket {} is not a socket", path.display()))),
    }
}
