//! The HTTP server: one event-loop thread owns every connection and does
//! all socket I/O, non-blocking, under `poll(2)`; a few workers only
//! compute answers (read the database, restart a worker) and hand them
//! back. So no client, however slow, holds a worker (issue 14): four
//! clients that never read used to block every thread of tiny_http, and
//! with them `/health` and hm's exit.
//!
//! `/health` is answered on the loop itself, the moment its request is
//! read, so it answers while every worker is busy. At most 256
//! connections are kept: a new one pushes out the one nearest its
//! deadline (the oldest stalled one), so stalled clients cannot lock the
//! door either. The loop holds nothing that needs cleaning up: on stop it
//! returns, and nobody waits for it or for a worker.

use super::State;
use super::conn::{Conn, Next};
use super::reply::Reply;
use super::request::Request;
use super::routes::{self, Answer};
use anyhow::{Context, Result};
use nix::errno::Errno;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use std::collections::HashMap;
use std::io::{ErrorKind, Read, Write};
use std::net::TcpListener;
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Instant;

/// Threads that compute answers.
const WORKERS: usize = 4;
/// Connections kept at once (well under the usual 1024 descriptors).
const MAX_CONNECTIONS: usize = 256;
/// Connections taken per wake-up, so accepting cannot starve the rest.
const ACCEPT_BATCH: usize = 64;

struct Job {
    id: u64,
    request: Request,
}

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
    let (jobs_tx, jobs_rx) = mpsc::channel::<Job>();
    let (done_tx, done_rx) = mpsc::channel::<(u64, Reply)>();
    let jobs_rx = Arc::new(Mutex::new(jobs_rx));
    for i in 0..WORKERS {
        let (jobs, done, waker, state) = (jobs_rx.clone(), done_tx.clone(), waker.clone(), state.clone());
        std::thread::Builder::new()
            .name(format!("hm-http-{i}"))
            .spawn(move || work(&state, &jobs, &done, &waker))
            .context("cannot start an HTTP worker")?;
    }
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let loop_state = state.clone();
    std::thread::Builder::new()
        .name("hm-http".into())
        .spawn(move || {
            Loop { conns: HashMap::new(), next_id: 0, jobs: jobs_tx, state: loop_state }
                .run(&listener, &wake_rx, &done_rx, &flag)
        })
        .context("cannot start the HTTP loop")?;
    Ok(Handle { stop, waker })
}

/// A worker: answer jobs until the loop is gone.
fn work(state: &State, jobs: &Mutex<mpsc::Receiver<Job>>, done: &mpsc::Sender<(u64, Reply)>, waker: &Arc<UnixStream>) {
    loop {
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(poisoned) => poisoned.into_inner().recv(),
        };
        let Ok(job) = job else { return };
        let answer = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| routes::route(state, &job.request)))
            .unwrap_or_else(|_| Answer::Now(Reply::error(500, "the handler crashed")));
        let reply = match answer {
            Answer::Now(reply) => reply,
            Answer::Later(work) => {
                // On a thread of its own; this worker takes the next job.
                let (done, waker, id) = (done.clone(), waker.clone(), job.id);
                let spawned = std::thread::Builder::new().name("hm-http-act".into()).spawn(move || {
                    let reply = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
                        .unwrap_or_else(|_| Reply::error(500, "the handler crashed"));
                    answer_with(&done, &waker, id, reply);
                });
                match spawned {
                    Ok(_) => continue,
                    Err(_) => Reply::error(503, "cannot start the work: try again"),
                }
            }
        };
        if !answer_with(done, waker, job.id, reply) {
            return;
        }
    }
}

/// Hand `reply` to the loop and wake it; false when the loop is gone.
fn answer_with(done: &mpsc::Sender<(u64, Reply)>, waker: &Arc<UnixStream>, id: u64, reply: Reply) -> bool {
    if done.send((id, reply)).is_err() {
        return false;
    }
    let _ = (&**waker).write(&[1]); // already full means a wake-up is pending anyway
    true
}

struct Loop {
    conns: HashMap<u64, Conn>,
    next_id: u64,
    jobs: mpsc::Sender<Job>,
    state: Arc<State>,
}

impl Loop {
    fn run(
        mut self,
        listener: &TcpListener,
        waker: &UnixStream,
        done: &mpsc::Receiver<(u64, Reply)>,
        stop: &AtomicBool,
    ) {
        while !stop.load(Ordering::SeqCst) {
            let now = Instant::now();
            self.conns.retain(|_, c| c.deadline > now);
            let ids: Vec<(u64, PollFlags)> =
                self.conns.iter().filter_map(|(id, c)| Some((*id, c.interest()?))).collect();
            let timeout = match self.conns.values().map(|c| c.deadline).min() {
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
                    ids.iter().filter_map(|(id, flags)| Some(PollFd::new(self.conns.get(id)?.stream.as_fd(), *flags))),
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
            while let Ok((id, reply)) = done.try_recv() {
                if let Some(next) = self.conns.get_mut(&id).map(|c| c.answer(&reply)) {
                    self.drive(id, next);
                }
            }
            for ((id, _), flags) in ids.iter().zip(&ready[2..]) {
                if !flags.is_empty() {
                    if let Some(next) = self.conns.get_mut(id).map(Conn::advance) {
                        self.drive(*id, next);
                    }
                }
            }
            if !ready[0].is_empty() {
                self.accept(listener);
            }
        }
    }

    fn accept(&mut self, listener: &TcpListener) {
        for _ in 0..ACCEPT_BATCH {
            match listener.accept() {
                Ok((stream, _)) => {
                    if stream.set_nonblocking(true).is_err() {
                        continue;
                    }
                    if self.conns.len() >= MAX_CONNECTIONS {
                        self.evict();
                    }
                    let id = self.next_id;
                    self.next_id += 1;
                    let mut conn = Conn::new(stream, Instant::now());
                    // Its request is usually there already: answer at once.
                    let next = conn.advance();
                    self.conns.insert(id, conn);
                    self.drive(id, next);
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => return,
                Err(e) if matches!(e.kind(), ErrorKind::Interrupted | ErrorKind::ConnectionAborted) => {}
                Err(_) => {
                    // Out of descriptors, most likely: make room rather than spin.
                    self.evict();
                    return;
                }
            }
        }
    }

    /// Drop the connection nearest its deadline.
    fn evict(&mut self) {
        if let Some(id) = self.conns.iter().min_by_key(|(_, c)| c.deadline).map(|(id, _)| *id) {
            self.conns.remove(&id);
        }
    }

    /// Carry out what a connection asked for, answering `/health` here.
    fn drive(&mut self, id: u64, mut next: Next) {
        loop {
            match next {
                Next::Wait => return,
                Next::Close => {
                    self.conns.remove(&id);
                    return;
                }
                Next::Work(request) => match routes::immediate(&self.state, &request) {
                    Some(reply) => match self.conns.get_mut(&id) {
                        Some(conn) => next = conn.answer(&reply),
                        None => return,
                    },
                    None => {
                        if self.jobs.send(Job { id, request }).is_err() {
                            self.conns.remove(&id);
                        }
                        return;
                    }
                },
            }
        }
    }
}
