//! One line to the system log, for what hm does but cannot record in its
//! database yet (`clean-disk` freeing the full disk the database
//! is on). Written as a datagram to `/dev/log`, the socket journald (or
//! rsyslog) listens on, in the classic `<PRI>tag[pid]: message` form:
//! no tool to run, nothing to install, and the journal keeps it
//! (`journalctl -t hm`). `HM_SYSLOG_SOCKET` names another socket, for
//! tests, as `HM_NO_PIDFD` turns off pidfds.

use anyhow::{Context, Result};
use std::os::unix::net::UnixDatagram;
use std::path::PathBuf;

/// `daemon.warning`: facility 3, severity 4.
const PRIORITY: u8 = 3 * 8 + 4;

/// The socket the system log listens on.
fn socket() -> PathBuf {
    std::env::var_os("HM_SYSLOG_SOCKET").filter(|v| !v.is_empty()).map_or_else(|| "/dev/log".into(), PathBuf::from)
}

/// Send `message` (one line; control characters escaped) to the system log.
pub(crate) fn warning(message: &str) -> Result<()> {
    let path = socket();
    let line = format!("<{PRIORITY}>hm[{}]: {}", std::process::id(), crate::text::escape(message));
    let sock = UnixDatagram::unbound().context("cannot make a socket for the system log")?;
    sock.send_to(line.as_bytes(), &path)
        .with_context(|| format!("cannot write to the system log at {}", path.display()))?;
    Ok(())
}
