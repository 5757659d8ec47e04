//! Writing files where hm (as root) may not be the only one who can write:
//! the database's directory, lock files, `hm export -o`, the config.
//!
//! Two rules, against a local user who can write a directory hm writes in:
//! - hm's own state (database, lock files) lives only in a directory that
//!   nobody but root can change, when hm runs as root: otherwise its
//!   owner could plant a symlink named `hm.db.lock` or `hm.db` and have
//!   root create or write a file anywhere;
//! - a file hm replaces (`export -o`, the config) is written into the
//!   directory as it was opened once ([`safe_path`]): a new file with
//!   `O_EXCL|O_NOFOLLOW`, then `renameat` on the same descriptor, so a
//!   directory swapped for a symlink meanwhile changes nothing.

use crate::safe_path::{self, Symlinks};
use anyhow::{Context, Result, anyhow, bail};
use nix::errno::Errno;
use nix::fcntl::{AtFlags, OFlag, openat, renameat};
use nix::sys::stat::{Mode, fchmod, fstatat};
use std::io::Write;
use std::path::{Path, PathBuf};

/// `path` made absolute against the current directory.
pub(crate) fn absolute(path: &Path) -> Result<PathBuf> {
    if path.is_absolute() {
        return Ok(path.to_path_buf());
    }
    Ok(std::env::current_dir().context("cannot find the current directory")?.join(path))
}

/// As root, refuse to keep `what` (hm's database, its lock) in `dir`
/// unless nobody but root could change that directory or the way to it.
pub(crate) fn refuse_untrusted_dir_as_root(dir: &Path, what: &str) -> Result<()> {
    if !nix::unistd::geteuid().is_root() {
        return Ok(());
    }
    let opened = safe_path::open_dir(&absolute(dir)?, &[], Symlinks::FollowTrusted)
        .map_err(|e| anyhow!("refusing to keep {what} in {}: {e}", dir.display()))?;
    // The directory itself too: its owner, or anyone who may write it
    // (sticky or not: a name hm has not created yet is anyone's to take).
    let own = safe_path::who_may_change(&opened.stat, None, &[]).map(|why| format!("{} {why}", opened.path.display()));
    match opened.untrusted.or(own) {
        None => Ok(()),
        Some(why) => bail!(
            "refusing to keep {what} in {}: hm runs as root and {why}, so another user could plant a symlink there; \
             use a directory only root may write (the default is /var/lib/hm)",
            dir.display()
        ),
    }
}

/// Open (creating, mode 0600) a lock file, never through a symlink, in a
/// directory that, as root, only root may change. Read and write: the
/// daemon's lock holds its pid, for the one refused.
pub(crate) fn open_lock_file(path: &Path) -> Result<std::fs::File> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    refuse_untrusted_dir_as_root(dir, "the lock file")?;
    let opened = safe_path::open_file(
        &absolute(path)?,
        &[],
        Symlinks::FollowTrusted,
        OFlag::O_RDWR | OFlag::O_CREAT,
        Mode::from_bits_truncate(0o600),
    )
    .with_context(|| format!("cannot open the lock file {}", path.display()))?;
    if opened.stat.st_mode & 0o170000 != 0o100000 {
        bail!("the lock file {} is not a regular file", path.display());
    }
    Ok(std::fs::File::from(opened.fd))
}

/// Replace `path` with `contents` atomically: a reader (node_exporter's
/// textfile collector, hm itself) sees the old file or the new one. An
/// existing file keeps its mode; a new one gets `new_mode`. The directory
/// is resolved once; symlinks on the way are followed only where nobody
/// but root could have planted them.
pub(crate) fn replace_file(path: &Path, contents: &[u8], new_mode: u32) -> Result<()> {
    let path = absolute(path)?;
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        bail!("{} is not a file name", path.display());
    };
    let dir = safe_path::open_dir(dir, &[], Symlinks::FollowTrusted)
        .map_err(|e| anyhow!("cannot write {}: {e}", path.display()))?;
    // An existing file keeps its mode, owner and group (`root:daemon 0640`
    // stays so); a new one is the writer's, with `new_mode`.
    let (mode, owner) = match fstatat(&dir.fd, name, AtFlags::AT_SYMLINK_NOFOLLOW) {
        Ok(st) if st.st_mode & 0o170000 == 0o100000 => (st.st_mode & 0o7777, Some((st.st_uid, st.st_gid))),
        Ok(_) => bail!("cannot write {}: it exists and is not a regular file", path.display()),
        Err(_) => (new_mode, None),
    };
    let (tmp_name, fd) = create_temp(&dir.fd, &path)?;
    let written = (|| -> Result<()> {
        if let Some((uid, gid)) = owner
            && (uid != nix::unistd::geteuid().as_raw() || gid != nix::unistd::getegid().as_raw())
        {
            nix::unistd::fchown(&fd, Some(uid.into()), Some(gid.into())).context("cannot keep its owner and group")?;
        }
        fchmod(&fd, Mode::from_bits_truncate(mode)).context("cannot set its mode")?;
        let mut file = std::fs::File::from(fd);
        file.write_all(contents).and_then(|_| file.sync_all()).context("cannot write it")?;
        renameat(&dir.fd, tmp_name.as_str(), &dir.fd, name).context("cannot rename it into place")?;
        // The rename itself is durable only once the directory is.
        nix::unistd::fsync(&dir.fd).context("cannot sync its directory")?;
        Ok(())
    })();
    if let Err(e) = written {
        let _ = nix::unistd::unlinkat(&dir.fd, tmp_name.as_str(), nix::unistd::UnlinkatFlags::NoRemoveDir);
        return Err(e.context(format!("cannot write a new {}", path.display())));
    }
    Ok(())
}

/// Whether a new file can be made in `dir` (a `workspace` monitor's
/// `writable`): one is created and removed again inside the directory as
/// opened once, so a directory swapped for a symlink meanwhile gets no
/// file from root elsewhere.
pub(crate) fn probe_writable(dir: &Path) -> Result<()> {
    let opened = safe_path::open_dir(&absolute(dir)?, &[], Symlinks::FollowTrusted).map_err(|e| anyhow!("{e}"))?;
    let (name, fd) = create_temp(&opened.fd, dir)?;
    drop(fd);
    nix::unistd::unlinkat(&opened.fd, name.as_str(), nix::unistd::UnlinkatFlags::NoRemoveDir)
        .with_context(|| format!("cannot remove the test file {name}"))?;
    Ok(())
}

/// A new, empty temporary file in `dir`: `O_EXCL` (never an existing file
/// or a symlink someone placed at the name), under a name hard to guess.
fn create_temp(dir: &std::os::fd::OwnedFd, path: &Path) -> Result<(String, std::os::fd::OwnedFd)> {
    let flags = OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
    for attempt in 0..16u32 {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let name = format!(".hm.{}.{nanos:x}.{attempt}.tmp", std::process::id());
        match openat(dir, name.as_str(), flags, Mode::from_bits_truncate(0o600)) {
            Ok(fd) => return Ok((name, fd)),
            Err(Errno::EEXIST) => continue,
            Err(e) => return Err(anyhow!("cannot write in the directory of {}: {e}", path.display())),
        }
    }
    bail!("cannot create a temporary file beside {}", path.display())
}
