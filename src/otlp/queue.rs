//! The bounded queue between the loop and the exporter's thread. Pushing
//! never waits: when the queue is full the oldest entry is dropped (and
//! counted by the caller), so a collector that is down or slow costs a
//! cycle one lock and nothing more. The thread's pauses (backoff) end
//! early when hm stops.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

pub(super) struct Queue<T> {
    inner: Mutex<Inner<T>>,
    changed: Condvar,
    capacity: usize,
}

struct Inner<T> {
    items: VecDeque<T>,
    stopping: bool,
}

impl<T> Queue<T> {
    pub(super) fn new(capacity: usize) -> Queue<T> {
        Queue {
            inner: Mutex::new(Inner { items: VecDeque::new(), stopping: false }),
            changed: Condvar::new(),
            capacity: capacity.max(1),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner<T>> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Queue `item`; the oldest entry when the queue was full, dropped.
    pub(super) fn push(&self, item: T) -> Option<T> {
        let mut inner = self.lock();
        let dropped = if inner.items.len() >= self.capacity { inner.items.pop_front() } else { None };
        inner.items.push_back(item);
        drop(inner);
        self.changed.notify_all();
        dropped
    }

    /// The next entry, waiting for one; `None` once hm stops.
    pub(super) fn pop(&self) -> Option<T> {
        let mut inner = self.lock();
        loop {
            if inner.stopping {
                return None;
            }
            if let Some(item) = inner.items.pop_front() {
                return Some(item);
            }
            inner = self.changed.wait(inner).unwrap_or_else(|p| p.into_inner());
        }
    }

    /// Wait `d`, or less if hm stops meanwhile; whether it still runs.
    pub(super) fn pause(&self, d: Duration) -> bool {
        let until = Instant::now() + d;
        let mut inner = self.lock();
        while !inner.stopping {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return true;
            }
            inner = self.changed.wait_timeout(inner, left).unwrap_or_else(|p| p.into_inner()).0;
        }
        false
    }

    /// Whether hm is stopping.
    pub(super) fn stopping(&self) -> bool {
        self.lock().stopping
    }

    /// Tell the thread to stop: its waits end now.
    pub(super) fn stop(&self) {
        self.lock().stopping = true;
        self.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_queue_drops_its_oldest_and_a_stop_ends_every_wait() {
        let q = Queue::new(2);
        assert_eq!((q.push(1), q.push(2), q.push(3)), (None, None, Some(1)));
        assert_eq!((q.pop(), q.pop()), (Some(2), Some(3)));
        let q = std::sync::Arc::new(q);
        let waiting = q.clone();
        let t = std::thread::spawn(move || (waiting.pause(Duration::from_secs(60)), waiting.pop()));
        std::thread::sleep(Duration::from_millis(50));
        let asked = Instant::now();
        q.stop();
        assert_eq!(t.join().expect("joined"), (false, None));
        assert!(asked.elapsed() < Duration::from_secs(1));
    }
}
