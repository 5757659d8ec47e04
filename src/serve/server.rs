//! The HTTP server: one event-loop thread owns every connection and does
//! all socket I/O, non-blocking, under `poll(2)`; a few workers only
//! compute answers (read the database, restart a worker) and hand them
//! back. So no client, however slow, holds a worker: with a thread per
//! connection, four clients that never read would block every thread, and
//! with them `/health` and hm's exit.
//!
//! `/health` is answered on the loop itself, the moment its request is
//! read, so it answers while every worker is busy. Requests wait for a
//! worker in a bounded queue (`queue.rs`, 503 with `Retry-After` when it
//! is full) and the loop hands one to a worker only when that worker is
//! free, after asking whether its client is still there: a flood of
//! requests whose clients reset at once costs no work. At most
//! 256 connections are kept, at most 64 from one address; making room
//! never drops a connection being served (`table.rs`). The loop holds
//! nothing that needs cleaning up: on stop it returns, and nobody waits
//! for it or for a worker.

use super::State;
use super::conn::{Conn, Next};
use super::queue::{Queue, Queued};
use super::reply::Reply;
use super::routes;
use super::table::Table;
use super::workers::{self, Done, Job, WORKERS};
use anyhow::{Context, Result};
use nix::errno::Errno;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, TcpListener};
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Instant;

/// Connections kept at once (well under the usual 1024 descriptors).
const MAX_CONNECTIONS: usize = 256;
/// Connections kept at once from one address.
pub(super) const PER_PEER: usize = 64;
/// Connections taken per wake-up, so accepting cannot starve the rest.
const ACCEPT_BATCH: usize = 64;

/// Stops the loop when told; dropping it does not.
pub(super) struct Handle {
    stop: Arc<AtomicBool>,
    waker: Arc<UnixStream>,
}

impl Handle {
    pub(super) fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = (&*self.waker).write(&[1]);
    }
}

/// Start the loop and the workers on `listener`.
pub(super) fn start(listener: TcpListener, state: Arc<State>) -> Result<Handle> {
    listener.set_nonblocking(true).context("cannot make the listening socket non-blocking")?;
    let (wake_rx, wake_tx) = UnixStream::pair().context("cannot make the wake-up socket pair")?;
    wake_rx.set_nonblocking(true).context("wake-up socket")?;
    wake_tx.set_nonblocking(true).context("wake-up socket")?;
    let waker = Arc::new(wake_tx);
    let (jobs_tx, done_rx) = workers::start(&state, &waker)?;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let loop_state = state.clone();
    std::thread::Builder::new()
        .name("hm-http".into())
        .spawn(move || {
            let mut event_loop = Loop {
                table: Table::default(),
                queue: Queue::default(),
                idle: WORKERS,
                next_id: 0,
                jobs: jobs_tx,
                state: loop_state,
            };
            event_loop.run(&listener, &wake_rx, &done_rx, &flag);
        })
        .context("cannot start the HTTP loop")?;
    Ok(Handle { stop, waker })
}

/// The answer to a request that found the queue full.
fn busy() -> Reply {
    Reply::error(503, "too many requests are waiting: try again").with("Retry-After", "1")
}

struct Loop {
    table: Table,
    queue: Queue,
    /// Workers waiting for a request.
    idle: usize,
    next_id: u64,
    jobs: mpsc::Sender<Job>,
    state: Arc<State>,
}

impl Loop {
    fn run(&mut self, listener: &TcpListener, waker: &UnixStream, done: &mpsc::Receiver<Done>, stop: &AtomicBool) {
        while !stop.load(Ordering::SeqCst) {
            let now = Instant::now();
            for id in self.table.expired(now) {
                self.close(id);
            }
            let ids: Vec<(u64, PollFlags)> = self.table.iter().map(|(id, c)| (*id, c.interest())).collect();
            let timeout = match self.table.iter().map(|(_, c)| c.deadline).min() {
                // Rounded up, so a deadline under a millisecond away does not spin.
                Some(at) => PollTimeout::from(
                    u16::try_from(at.saturating_duration_since(now).as_millis() + 1).unwrap_or(u16::MAX),
                ),
                None => PollTimeout::NONE,
            };
            let ready: Vec<PollFlags> = {
                let mut fds = vec![
                    PollFd::new(listener.as_fd(), PollFlags::POLLIN),
                    PollFd::new(waker.as_fd(), PollFlags::POLLIN),
                ];
                fds.extend(
                    ids.iter().filter_map(|(id, flags)| Some(PollFd::new(self.table.get(*id)?.stream.as_fd(), *flags))),
                );
                match poll(&mut fds, timeout) {
                    Ok(_) => fds.iter().map(|f| f.revents().unwrap_or(PollFlags::empty())).collect(),
                    Err(Errno::EINTR) => continue,
                    Err(e) => {
                        eprintln!("hm: serve: poll failed: {e}");
                        std::thread::sleep(std::time::Duration::from_millis(100));
                        continue;
                    }
                }
            };
            if !ready[1].is_empty() {
                let mut sink = [0u8; 64];
                while matches!((&*waker).read(&mut sink), Ok(n) if n > 0) {}
            }
            while let Ok(news) = done.try_recv() {
                match news {
                    Done::Free => self.idle += 1,
                    Done::Answer(id, reply) => {
                        if let Some(next) = self.table.get_mut(id).map(|c| c.answer(&reply)) {
                            self.drive(id, next);
                        }
                    }
                }
            }
            for ((id, asked), flags) in ids.iter().zip(&ready[2..]) {
                if asked.is_empty() && flags.intersects(PollFlags::POLLHUP | PollFlags::POLLERR) {
                    // Its request waits or is worked on, and nobody is there for the answer.
                    self.close(*id);
                } else if !flags.is_empty() {
                    if let Some(next) = self.table.get_mut(*id).map(Conn::advance) {
                        self.drive(*id, next);
                    }
                }
            }
            if !ready[0].is_empty() {
                self.accept(listener);
            }
            self.dispatch();
        }
    }

    fn accept(&mut self, listener: &TcpListener) {
        for _ in 0..ACCEPT_BATCH {
            match listener.accept() {
                Ok((stream, addr)) => {
                    if stream.set_nonblocking(true).is_err() {
                        continue;
                    }
                    let id = self.next_id;
                    self.next_id += 1;
                    let peer = addr.ip().to_canonical();
                    let mut conn = Conn::new(stream, peer, Instant::now());
                    // Its request is usually there already: take it at once,
                    // so that making room below knows it is being served.
                    let next = conn.advance();
                    self.table.insert(id, conn);
                    self.drive(id, next);
                    self.make_room(peer);
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => return,
                Err(e) if matches!(e.kind(), ErrorKind::Interrupted | ErrorKind::ConnectionAborted) => {}
                Err(_) => {
                    // Out of descriptors, most likely: make room rather than spin.
                    if let Some(id) = self.table.victim(None) {
                        self.close(id);
                    }
                    return;
                }
            }
        }
    }

    /// Back under the caps, per address then in all, dropping victims that
    /// [`Table::victim`] picks (never a connection being served). The cap
    /// per address counts only connections that could be dropped: those
    /// being served are bounded by the queue, and counting them would make
    /// a new connection from an address whose requests fill the queue (a
    /// scraper sharing 127.0.0.1 with a flood) the only one to drop.
    fn make_room(&mut self, peer: IpAddr) {
        while self.table.droppable(peer) > PER_PEER {
            let Some(id) = self.table.victim(Some(peer)) else { break };
            self.close(id);
        }
        while self.table.len() > MAX_CONNECTIONS {
            let Some(id) = self.table.victim(None) else { break };
            self.close(id);
        }
    }

    fn close(&mut self, id: u64) {
        if self.table.remove(id).is_some() {
            self.queue.remove(id);
        }
    }

    /// Give waiting requests to free workers, skipping those whose client is gone.
    fn dispatch(&mut self) {
        while self.idle > 0 {
            let Some((id, request)) = self.queue.pop() else { return };
            match self.table.get(id) {
                None => continue,
                Some(conn) if conn.gone() => self.close(id),
                Some(_) => {
                    if self.jobs.send(Job { id, request }).is_err() {
                        self.close(id);
                        continue;
                    }
                    self.idle -= 1;
                }
            }
        }
    }

    /// Carry out what a connection asked for, answering `/health` here
    /// and queueing the rest (or answering 503 when the queue is full).
    fn drive(&mut self, id: u64, next: Next) {
        let mut todo = vec![(id, next)];
        while let Some((id, next)) = todo.pop() {
            let reply = match next {
                Next::Wait => continue,
                Next::Close => {
                    self.close(id);
                    continue;
                }
                Next::Work(request) => match routes::immediate(&self.state, &request) {
                    Some(reply) => reply,
                    None => {
                        let Some(peer) = self.table.get(id).map(|c| c.peer) else { continue };
                        let table = &self.table;
                        let shut = |i| table.get(i).is_some_and(Conn::shut);
                        match self.queue.push(id, peer, request, shut) {
                            Queued::Yes => continue,
                            Queued::Full => busy(),
                            Queued::Displaced(other) => {
                                if let Some(next) = self.table.get_mut(other).map(|c| c.answer(&busy())) {
                                    todo.push((other, next));
                                }
                                continue;
                            }
                        }
                    }
                },
            };
            if let Some(next) = self.table.get_mut(id).map(|c| c.answer(&reply)) {
                todo.push((id, next));
            }
        }
    }
}
