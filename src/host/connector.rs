//! The kernel's process-event connector (netlink `NETLINK_CONNECTOR`,
//! group `CN_IDX_PROC`): the one source that tells the exit code or
//! signal of *any* process as it exits, whoever started it.
//! A pidfd only says that a process is gone; its status goes to its
//! parent, which for a worker hm did not start is not hm.
//!
//! Root only (the kernel wants `CAP_NET_ADMIN` to subscribe), read-only:
//! hm only listens, and sends nothing but its subscription (once) and,
//! when the connector is dropped, its end (`PROC_CN_MCAST_IGNORE`): the
//! kernel counts listeners and keeps building events while any is left.
//! A socket filter (`exit_filter`), attached before the subscription and
//! replaced as the watched pids change ([`Connector::watch`]), has the
//! kernel drop every event but the exits hm watches: the listener thread
//! stays blocked while the host forks, execs and exits. The receive
//! buffer is bounded (`RCVBUF`): a burst the listener cannot keep up
//! with is an `ENOBUFS`, told as [`Event::Lost`], never an unbounded queue.

use nix::errno::Errno;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::sync::atomic::{AtomicBool, Ordering};

const NETLINK_CONNECTOR: libc::c_int = 11;
const CN_IDX_PROC: u32 = 1;
const CN_VAL_PROC: u32 = 1;
const PROC_CN_MCAST_LISTEN: u32 = 1;
const PROC_CN_MCAST_IGNORE: u32 = 2;
/// `SO_ATTACH_FILTER` (the same on every architecture Linux and hm run on
/// but PA-RISC); the libc crate names it for Android only.
const SO_ATTACH_FILTER: libc::c_int = 26;
const PROC_EVENT_EXIT: u32 = 0x8000_0000;
const NLMSG_DONE: u16 = 3;
const NLMSG_HDR: usize = 16;
const CN_MSG: usize = 20;
/// The receive buffer asked for: a few hundred exit events.
const RCVBUF: libc::c_int = 256 * 1024;

/// What the listener hears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event {
    /// A process (thread group leader) exited; `status` as wait(2) puts it.
    Exit { pid: u32, status: u32 },
    /// The kernel dropped events (the buffer overran): exits were missed.
    Lost,
}

/// A subscribed connector socket.
pub(crate) struct Connector {
    fd: OwnedFd,
    /// Whether the subscription stands (an older kernel counts every
    /// `IGNORE`: it is sent once).
    subscribed: AtomicBool,
}

impl Connector {
    /// Subscribe to process events; `Err` says why not (not root, a
    /// kernel without the connector, a network namespace of its own).
    pub(crate) fn open() -> Result<Connector, String> {
        if !nix::unistd::geteuid().is_root() {
            return Err("not root".into());
        }
        // SAFETY: socket(2) takes three integers and returns a descriptor.
        let raw = unsafe { libc::socket(libc::AF_NETLINK, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, NETLINK_CONNECTOR) };
        if raw < 0 {
            return Err(format!("netlink connector: {}", Errno::last().desc()));
        }
        // SAFETY: the kernel just returned this descriptor; nothing else owns it.
        let fd = unsafe { OwnedFd::from_raw_fd(raw) };
        // SAFETY: sockaddr_nl is plain data; zeroed is a valid value.
        let mut addr: libc::sockaddr_nl = unsafe { std::mem::zeroed() };
        addr.nl_family = libc::AF_NETLINK as libc::sa_family_t;
        addr.nl_groups = CN_IDX_PROC;
        let len = std::mem::size_of::<libc::sockaddr_nl>() as libc::socklen_t;
        // SAFETY: addr is a valid sockaddr_nl of `len` bytes.
        if unsafe { libc::bind(raw, (&raw const addr).cast(), len) } < 0 {
            return Err(format!("netlink connector: bind: {}", Errno::last().desc()));
        }
        let size = RCVBUF;
        // SAFETY: setsockopt reads one c_int from our stack.
        unsafe {
            libc::setsockopt(
                raw,
                libc::SOL_SOCKET,
                libc::SO_RCVBUF,
                (&raw const size).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            );
        }
        let c = Connector { fd, subscribed: AtomicBool::new(false) };
        // Nothing watched yet: nothing wakes the listener.
        c.watch(&[]).map_err(|e| format!("netlink connector: socket filter: {}", e.desc()))?;
        // The plain request, which every kernel with the connector knows
        // (from 6.6 a `struct proc_input` may ask for exits alone, older
        // kernels ignore it: the filter above does that everywhere).
        c.send(&PROC_CN_MCAST_LISTEN.to_ne_bytes())?;
        c.subscribed.store(true, Ordering::SeqCst);
        Ok(c)
    }

    /// End the subscription (once); the socket stays, and hears nothing.
    pub(crate) fn unsubscribe(&self) {
        if self.subscribed.swap(false, Ordering::SeqCst) {
            let _ = self.send(&PROC_CN_MCAST_IGNORE.to_ne_bytes());
        }
    }

    /// Wake the listener only for the exits of `pids` (and of hm's own
    /// children): the kernel drops the rest before they are queued.
    pub(crate) fn watch(&self, pids: &[u32]) -> Result<(), Errno> {
        let mut prog = super::exit_filter::program(PROC_EVENT_EXIT, pids, std::process::id());
        let fprog = libc::sock_fprog { len: u16::try_from(prog.len()).unwrap_or(u16::MAX), filter: prog.as_mut_ptr() };
        // SAFETY: setsockopt reads one sock_fprog, whose program the kernel
        // copies and checks before this returns; `prog` outlives the call.
        let r = unsafe {
            libc::setsockopt(
                self.fd.as_raw_fd(),
                libc::SOL_SOCKET,
                SO_ATTACH_FILTER,
                (&raw const fprog).cast(),
                std::mem::size_of::<libc::sock_fprog>() as libc::socklen_t,
            )
        };
        if r < 0 { Err(Errno::last()) } else { Ok(()) }
    }

    fn send(&self, payload: &[u8]) -> Result<(), String> {
        let mut msg = Vec::with_capacity(NLMSG_HDR + CN_MSG + payload.len());
        let total = (NLMSG_HDR + CN_MSG + payload.len()) as u32;
        msg.extend_from_slice(&total.to_ne_bytes());
        msg.extend_from_slice(&NLMSG_DONE.to_ne_bytes());
        msg.extend_from_slice(&0u16.to_ne_bytes()); // flags
        msg.extend_from_slice(&0u32.to_ne_bytes()); // seq
        msg.extend_from_slice(&std::process::id().to_ne_bytes());
        msg.extend_from_slice(&CN_IDX_PROC.to_ne_bytes());
        msg.extend_from_slice(&CN_VAL_PROC.to_ne_bytes());
        msg.extend_from_slice(&0u32.to_ne_bytes()); // seq
        msg.extend_from_slice(&0u32.to_ne_bytes()); // ack
        msg.extend_from_slice(&(payload.len() as u16).to_ne_bytes());
        msg.extend_from_slice(&0u16.to_ne_bytes()); // flags
        msg.extend_from_slice(payload);
        // SAFETY: send(2) reads `msg.len()` bytes from our buffer.
        let n = unsafe { libc::send(self.fd.as_raw_fd(), msg.as_ptr().cast(), msg.len(), 0) };
        if n < 0 {
            return Err(format!("netlink connector: subscribe: {}", Errno::last().desc()));
        }
        Ok(())
    }

    /// Block until events come; the exits among them (and a lost burst).
    /// `Err` only when the socket is unusable.
    pub(crate) fn recv(&self, out: &mut Vec<Event>) -> Result<(), Errno> {
        let mut buf = [0u8; 8192];
        // SAFETY: recv(2) writes at most `buf.len()` bytes into our buffer.
        let n = unsafe { libc::recv(self.fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len(), 0) };
        if n < 0 {
            return match Errno::last() {
                Errno::ENOBUFS => {
                    out.push(Event::Lost);
                    Ok(())
                }
                Errno::EINTR | Errno::EAGAIN => Ok(()),
                e => Err(e),
            };
        }
        parse(&buf[..usize::try_from(n).unwrap_or(0)], out);
        Ok(())
    }
}

impl Drop for Connector {
    /// Unsubscribe: the kernel keeps its count of listeners past a closed
    /// socket, and builds an event for every fork, exec and exit on the
    /// host while the count is not zero.
    fn drop(&mut self) {
        self.unsubscribe();
    }
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_ne_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The exit events in one datagram (netlink messages, each a `cn_msg`
/// holding a `proc_event`). Anything short or of another kind is skipped.
pub(crate) fn parse(mut b: &[u8], out: &mut Vec<Event>) {
    while b.len() >= NLMSG_HDR {
        let Some(len) = u32_at(b, 0).and_then(|l| usize::try_from(l).ok()) else { return };
        if len < NLMSG_HDR || len > b.len() {
            return;
        }
        let msg = &b[..len];
        // proc_event: what, cpu, timestamp (8), then the exit's data:
        // pid, tgid, exit_code, exit_signal.
        let ev = NLMSG_HDR + CN_MSG;
        if u32_at(msg, NLMSG_HDR) == Some(CN_IDX_PROC)
            && u32_at(msg, ev) == Some(PROC_EVENT_EXIT)
            && let (Some(pid), Some(tgid), Some(status)) =
                (u32_at(msg, ev + 16), u32_at(msg, ev + 20), u32_at(msg, ev + 24))
            && pid == tgid
        {
            out.push(Event::Exit { pid, status });
        }
        // Messages are aligned to 4 bytes.
        let next = (len + 3) & !3;
        b = b.get(next..).unwrap_or(&[]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exit_msg(pid: u32, tgid: u32, status: u32) -> Vec<u8> {
        let mut m = Vec::new();
        let data = [PROC_EVENT_EXIT, 0, 0, 0, pid, tgid, status, 17, 1, 1];
        let total = (NLMSG_HDR + CN_MSG + data.len() * 4) as u32;
        m.extend_from_slice(&total.to_ne_bytes());
        m.extend_from_slice(&[0u8; 12]);
        m.extend_from_slice(&CN_IDX_PROC.to_ne_bytes());
        m.extend_from_slice(&[0u8; 16]);
        for d in data {
            m.extend_from_slice(&d.to_ne_bytes());
        }
        m
    }

    #[test]
    fn exits_of_leaders_are_read_threads_and_garbage_skipped() {
        let mut b = exit_msg(10, 10, 3 << 8);
        b.extend(exit_msg(11, 10, 9)); // a thread
        b.extend(exit_msg(12, 12, 0x80 | 11));
        let mut out = Vec::new();
        parse(&b, &mut out);
        assert_eq!(out, vec![Event::Exit { pid: 10, status: 768 }, Event::Exit { pid: 12, status: 139 }]);
        let mut out = Vec::new();
        parse(&b[..30], &mut out);
        parse(&[0xff; 64], &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn as_root_the_exit_of_a_child_is_heard_with_its_code() {
        let Ok(c) = Connector::open() else { return }; // not root: the tests say SKIPPED
        let mut child = std::process::Command::new("sh").args(["-c", "exit 7"]).spawn().expect("sh");
        let pid = child.id();
        let _ = child.wait();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let mut out = Vec::new();
        while std::time::Instant::now() < deadline {
            c.recv(&mut out).expect("recv");
            if out.contains(&Event::Exit { pid, status: 7 << 8 }) {
                return;
            }
        }
        panic!("no exit event for {pid}: {out:?}");
    }

    #[test]
    fn as_root_only_the_exits_watched_wake_the_listener() {
        use std::io::BufRead;
        let Ok(c) = Connector::open() else { return }; // not root: the tests say SKIPPED
        // Two grandchildren (not hm's children): one watched, one not.
        let mut sh = std::process::Command::new("sh")
            .args(["-c", "sleep 0.5 & echo $!; sleep 0.5 & echo $!; wait"])
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("sh");
        let mut lines = std::io::BufReader::new(sh.stdout.take().expect("stdout")).lines();
        let mut pid = || lines.next().expect("a pid").expect("read").trim().parse::<u32>().expect("pid");
        let (watched, other) = (pid(), pid());
        c.watch(&[watched]).expect("filter");
        let _ = sh.wait();
        let mut out = Vec::new();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        // sh is this process's child: its exit, last, is heard too.
        while !out.iter().any(|e| matches!(e, Event::Exit { pid, .. } if *pid == sh.id())) {
            assert!(std::time::Instant::now() < deadline, "sh's exit not heard: {out:?}");
            c.recv(&mut out).expect("recv");
        }
        assert!(out.contains(&Event::Exit { pid: watched, status: 0 }), "{out:?}");
        assert!(out.iter().all(|e| *e != Event::Exit { pid: other, status: 0 }), "an unwatched exit woke it: {out:?}");
    }
}
