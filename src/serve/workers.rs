//! The HTTP workers: threads that only compute answers (read the
//! database, start a restart) for the event loop (`server.rs`), which
//! owns every socket. A worker tells the loop each answer and, apart,
//! that it is free: the loop hands a worker a request only then, so
//! requests wait in the loop's bounded queue, where a request whose
//! client is gone can be dropped before it costs any work.

use super::State;
use super::reply::Reply;
use super::request::Request;
use super::routes::{self, Answer};
use anyhow::{Context, Result};
use std::io::Write;
use std::os::unix::net::UnixStream;
use std::sync::{Arc, Mutex, mpsc};

/// Threads that compute answers.
pub(super) const WORKERS: usize = 4;

/// A request for a worker, and the connection it came on.
pub(super) struct Job {
    pub id: u64,
    pub request: Request,
}

/// What a worker tells the loop.
pub(super) enum Done {
    /// The answer to a connection's request.
    Answer(u64, Reply),
    /// The worker is free for the next request.
    Free,
}

/// Start the workers: what they take requests from, and what they answer on.
pub(super) fn start(state: &Arc<State>, waker: &Arc<UnixStream>) -> Result<(mpsc::Sender<Job>, mpsc::Receiver<Done>)> {
    let (jobs_tx, jobs_rx) = mpsc::channel::<Job>();
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    let jobs_rx = Arc::new(Mutex::new(jobs_rx));
    for i in 0..WORKERS {
        let (jobs, done, waker, state) = (jobs_rx.clone(), done_tx.clone(), waker.clone(), state.clone());
        std::thread::Builder::new()
            .name(format!("hm-http-{i}"))
            .spawn(move || work(&state, &jobs, &done, &waker))
            .context("cannot start an HTTP worker")?;
    }
    Ok((jobs_tx, done_rx))
}

/// A worker: answer jobs until the loop is gone.
fn work(state: &State, jobs: &Mutex<mpsc::Receiver<Job>>, done: &mpsc::Sender<Done>, waker: &Arc<UnixStream>) {
    loop {
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(poisoned) => poisoned.into_inner().recv(),
        };
        let Ok(job) = job else { return };
        let answer = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| routes::route(state, &job.request)))
            .unwrap_or_else(|_| Answer::Now(Reply::error(500, "the handler crashed")));
        let reply = match answer {
            Answer::Now(reply) => Some(reply),
            Answer::Later(work) => {
                // On a thread of its own; this worker takes the next job.
                let (done, waker, id) = (done.clone(), waker.clone(), job.id);
                let spawned = std::thread::Builder::new().name("hm-http-act".into()).spawn(move || {
                    let reply = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
                        .unwrap_or_else(|_| Reply::error(500, "the handler crashed"));
                    tell(&done, &waker, [Done::Answer(id, reply)]);
                });
                spawned.err().map(|_| Reply::error(503, "cannot start the work: try again"))
            }
        };
        let answered = reply.map(|r| Done::Answer(job.id, r));
        if !tell(done, waker, answered.into_iter().chain([Done::Free])) {
            return;
        }
    }
}

/// Hand `news` to the loop and wake it; false when the loop is gone.
fn tell(done: &mpsc::Sender<Done>, waker: &Arc<UnixStream>, news: impl IntoIterator<Item = Done>) -> bool {
    for n in news {
        if done.send(n).is_err() {
            return false;
        }
    }
    let _ = (&**waker).write(&[1]); // already full means a wake-up is pending anyway
    true
}
