//! One client connection, as a state machine the event loop drives: its
//! socket is non-blocking, so a client that sends slowly or never reads
//! its answer costs a buffer and a deadline, never a thread.
//!
//! Phases: reading a request (at most 5 s, from the connection's start or
//! the end of the previous answer), waiting for a worker, writing the
//! answer (at most 5 s), and, before a close, draining what the client
//! still sends for up to 1 s (closing with unread bytes would reset the
//! connection and could destroy the answer on its way). A connection
//! serves at most 32 requests, one at a time, then closes: pipelining
//! cannot keep it forever.
//!
//! A connection whose client is gone (reset, or closed both ways) while
//! its request waits is dropped with its work: `poll` reports
//! the hang-up even with no event asked for, and [`Conn::gone`] asks once
//! more just before a worker would take the request.

use super::reply::Reply;
use super::request::{MAX_PENDING, Parsed, Request, parse};
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, Shutdown, TcpStream};
use std::os::fd::AsFd;
use std::time::{Duration, Instant};

/// The time a client has to send a whole request (head and body).
pub(super) const READ_TIMEOUT: Duration = Duration::from_secs(5);
/// The time a client has to take in a whole answer.
pub(super) const WRITE_TIMEOUT: Duration = Duration::from_secs(5);
/// The time a worker has to answer (a restart waits for the worker to come up).
pub(super) const WORK_TIMEOUT: Duration = Duration::from_secs(120);
/// How long, and how much, is read and dropped before a close.
const LINGER: Duration = Duration::from_secs(1);
const MAX_DRAIN: usize = 64 * 1024;
/// Requests served on one connection before it is closed.
pub(super) const PER_CONNECTION: u32 = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Phase {
    Reading,
    Working,
    Writing,
    Draining,
}

/// What the event loop does next with a connection.
#[derive(Debug)]
pub(super) enum Next {
    /// Wait for the socket, the deadline or the worker.
    Wait,
    /// Answer this request, then call [`Conn::answer`].
    Work(Request),
    /// Drop it.
    Close,
}

pub(super) struct Conn {
    pub stream: TcpStream,
    /// The client's address, for the per-peer cap.
    pub peer: IpAddr,
    pub phase: Phase,
    /// Past this, the loop drops the connection.
    pub deadline: Instant,
    /// Received, not yet used (pipelined requests wait here).
    pending: Vec<u8>,
    out: Vec<u8>,
    sent: usize,
    served: u32,
    /// The request being answered was a `HEAD`.
    head_only: bool,
    /// Close once the answer is out.
    close: bool,
    drained: usize,
}

impl Conn {
    pub(super) fn new(stream: TcpStream, peer: IpAddr, now: Instant) -> Conn {
        Conn {
            stream,
            peer,
            phase: Phase::Reading,
            deadline: now + READ_TIMEOUT,
            pending: Vec::new(),
            out: Vec::new(),
            sent: 0,
            served: 0,
            head_only: false,
            close: false,
            drained: 0,
        }
    }

    /// What to poll for. While its request waits or is worked on, nothing:
    /// `poll` still reports a hang-up or an error, and the loop then drops
    /// the connection (a client that only shut down its sending side is
    /// not hung up, and still gets its answer).
    pub(super) fn interest(&self) -> PollFlags {
        match self.phase {
            Phase::Reading | Phase::Draining => PollFlags::POLLIN,
            Phase::Writing => PollFlags::POLLOUT,
            Phase::Working => PollFlags::empty(),
        }
    }

    /// Whether the client has shut down its sending side (nothing more to
    /// read, and no end of the answer): as a flood that closes without a
    /// reset would, or a script that only sends. While the queue is full
    /// its request is the first to give way.
    pub(super) fn shut(&self) -> bool {
        matches!(self.stream.peek(&mut [0u8; 1]), Ok(0))
    }

    /// Whether the client reset the connection or closed it both ways: its
    /// answer could never arrive, so its request is not worth a worker.
    pub(super) fn gone(&self) -> bool {
        let mut fds = [PollFd::new(self.stream.as_fd(), PollFlags::empty())];
        match poll(&mut fds, PollTimeout::ZERO) {
            Ok(_) => fds[0].revents().is_some_and(|r| r.intersects(PollFlags::POLLHUP | PollFlags::POLLERR)),
            Err(_) => false,
        }
    }

    /// Make what progress the socket allows without blocking.
    pub(super) fn advance(&mut self) -> Next {
        loop {
            match self.phase {
                Phase::Working => return Next::Wait,
                Phase::Reading => match parse(&self.pending) {
                    Parsed::Done(request, used) => {
                        self.pending.drain(..used);
                        self.served += 1;
                        self.close = !request.keep_alive || self.served >= PER_CONNECTION;
                        self.head_only = request.method == "HEAD";
                        self.phase = Phase::Working;
                        self.deadline = Instant::now() + WORK_TIMEOUT;
                        return Next::Work(request);
                    }
                    Parsed::Refused(reply) => {
                        (self.close, self.head_only) = (true, false);
                        self.send(&reply);
                    }
                    Parsed::Partial => match self.fill() {
                        Ok(true) => {}
                        Ok(false) => return Next::Wait,
                        Err(()) => return Next::Close,
                    },
                },
                Phase::Writing => match self.flush() {
                    Ok(false) => return Next::Wait,
                    Err(()) => return Next::Close,
                    Ok(true) if self.close => {
                        let _ = self.stream.shutdown(Shutdown::Write);
                        self.phase = Phase::Draining;
                        self.deadline = Instant::now() + LINGER;
                    }
                    Ok(true) => {
                        self.phase = Phase::Reading;
                        self.deadline = Instant::now() + READ_TIMEOUT;
                    }
                },
                Phase::Draining => return self.drain(),
            }
        }
    }

    /// The answer to the request [`Next::Work`] gave.
    pub(super) fn answer(&mut self, reply: &Reply) -> Next {
        if self.phase != Phase::Working {
            return Next::Wait;
        }
        self.send(reply);
        self.advance()
    }

    fn send(&mut self, reply: &Reply) {
        self.out = reply.encode(self.head_only, !self.close);
        self.sent = 0;
        self.phase = Phase::Writing;
        self.deadline = Instant::now() + WRITE_TIMEOUT;
    }

    /// Read what is there, up to the limit: `Ok(true)` when bytes came,
    /// `Ok(false)` when none are waiting, `Err` on end of stream or error.
    fn fill(&mut self) -> Result<bool, ()> {
        let room = MAX_PENDING.saturating_sub(self.pending.len());
        if room == 0 {
            return Err(()); // cannot happen: parse refuses a full buffer
        }
        let mut chunk = [0u8; 4096];
        loop {
            match self.stream.read(&mut chunk[..room.min(4096)]) {
                Ok(0) => return Err(()),
                Ok(n) => {
                    self.pending.extend_from_slice(&chunk[..n]);
                    return Ok(true);
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) if e.kind() == ErrorKind::WouldBlock => return Ok(false),
                Err(_) => return Err(()),
            }
        }
    }

    /// Write what the socket takes: `Ok(true)` once all is sent.
    fn flush(&mut self) -> Result<bool, ()> {
        while self.sent < self.out.len() {
            match self.stream.write(&self.out[self.sent..]) {
                Ok(0) => return Err(()),
                Ok(n) => self.sent += n,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) if e.kind() == ErrorKind::WouldBlock => return Ok(false),
                Err(_) => return Err(()),
            }
        }
        self.out = Vec::new();
        Ok(true)
    }

    fn drain(&mut self) -> Next {
        let mut chunk = [0u8; 4096];
        loop {
            match self.stream.read(&mut chunk) {
                Ok(0) => return Next::Close,
                Ok(n) => {
                    self.drained += n;
                    if self.drained > MAX_DRAIN {
                        return Next::Close;
                    }
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) if e.kind() == ErrorKind::WouldBlock => return Next::Wait,
                Err(_) => return Next::Close,
            }
        }
    }
}
