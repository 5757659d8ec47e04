//! Reading hm.toml: once, through one descriptor, and only a file that
//! nobody but root could have written when hm runs as root.
//!
//! As root, hm runs the commands its config names (`start`, `command`,
//! channels), so the config is policy. Reading it by path and then
//! checking the path again (or the other way round) lets whoever can write
//! a directory on the way swap the file in between. So the file
//! is opened once, walking from `/` with `safe_path` (a symlink is followed
//! only where nobody but root could have planted it), and every check is
//! made with `fstat` on that descriptor: a regular file, owned by root, not
//! writable by group or others, in directories nobody else may write (as
//! sshd's StrictModes). `hm validate`, `hm check`, `hm add` and the rest
//! all read it here, so they refuse exactly the same files.
//!
//! A FIFO, a device or a huge file is an error at once, never a hang or a
//! 2 GB read: at most [`MAX_BYTES`] are read.

use crate::safe_path::{self, Symlinks};
use anyhow::{Context, Result, anyhow, bail};
use nix::fcntl::OFlag;
use nix::sys::stat::{FileStat, Mode};
use std::io::Read;
use std::path::Path;

/// The largest config hm reads (hundreds of monitors take a few KiB).
pub(crate) const MAX_BYTES: u64 = 1 << 20;

/// The text of the config at `path`; `None` when it does not exist.
pub(crate) fn read_text(path: &Path) -> Result<Option<String>> {
    Ok(read(path)?.map(|f| f.text))
}

/// The config's text, with the mode and group of the file it was read
/// from (`hm validate` warns when others may read an inline secret).
pub(crate) struct ConfigFile {
    pub text: String,
    /// Permission bits (`0o644`).
    pub mode: u32,
    pub gid: u32,
}

/// [`read_text`], with the file's mode and group.
pub(crate) fn read(path: &Path) -> Result<Option<ConfigFile>> {
    let as_root = nix::unistd::geteuid().is_root();
    let absolute = crate::safe_write::absolute(path)?;
    let opened = if as_root {
        safe_path::open_file(&absolute, &[], Symlinks::FollowTrusted, OFlag::O_RDONLY, Mode::empty())
    } else {
        // An ordinary user's config is theirs to link as they like; the
        // walk would only refuse their own symlinks.
        safe_path::open_file_following(&absolute, OFlag::O_RDONLY)
    };
    let opened = match opened {
        Ok(f) => f,
        Err(e) if e.is_not_found() => return Ok(None),
        Err(e) => return Err(anyhow!("cannot read config {}: {e}", path.display())),
    };
    judge(path, &opened.stat, as_root.then_some(&opened.untrusted))?;
    let mut bytes = Vec::new();
    std::fs::File::from(opened.fd)
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read config {}", path.display()))?;
    if bytes.len() as u64 > MAX_BYTES {
        bail!("refusing config {}: larger than 1 MiB", path.display());
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow!("config {}: not UTF-8 text (invalid byte at offset {})", path.display(), e.utf8_error().valid_up_to())
    })?;
    Ok(Some(ConfigFile { text, mode: opened.stat.st_mode & 0o7777, gid: opened.stat.st_gid }))
}

/// Refuse what is not a regular file of sane size and, as root
/// (`untrusted` given), what anyone but root could have written.
fn judge(path: &Path, st: &FileStat, untrusted: Option<&Option<String>>) -> Result<()> {
    let shown = path.display();
    if st.st_mode & 0o170000 != 0o100000 {
        bail!("refusing config {shown}: not a regular file");
    }
    if st.st_size as u64 > MAX_BYTES {
        bail!("refusing config {shown}: larger than 1 MiB ({} bytes)", st.st_size);
    }
    let Some(untrusted) = untrusted else { return Ok(()) };
    if st.st_mode & 0o022 != 0 {
        // Say who may write it: "others" for a group-writable file sent
        // people looking for a world-writable bit: name who it is.
        let who = match (st.st_mode & 0o020 != 0, st.st_mode & 0o002 != 0) {
            (true, true) => "its group and others",
            (true, false) => "its group",
            _ => "others",
        };
        bail!(
            "refusing config {shown}: hm runs as root and the file is writable by {who} (mode {:o}); chmod go-w it",
            st.st_mode & 0o7777
        );
    }
    if st.st_uid != 0 {
        bail!("refusing config {shown}: hm runs as root and the file belongs to uid {}; chown root it", st.st_uid);
    }
    if let Some(why) = untrusted {
        bail!(
            "refusing config {shown}: hm runs as root and {why}, so another user could replace the file; \
             make every directory on the way root's and not writable by others"
        );
    }
    Ok(())
}
