//! The requests waiting for a worker: at most [`MAX_WAITING`],
//! first come first served. Unbounded, a flood of requests queued work
//! faster than the workers did it, and everyone else waited behind it.
//!
//! When it is full, a newcomer takes the place of the newest request
//! whose client has shut down its sending side (a flood that closes
//! without a reset looks so; such a request is answered 503 instead);
//! failing that, a request from an address that has fewer waiting than
//! the address with the most takes the place of that address's newest
//! one; otherwise the newcomer is answered 503. Every such answer says
//! `Retry-After`, and no address can keep another's requests out by
//! filling the queue.

use super::request::Request;
use std::collections::VecDeque;
use std::net::IpAddr;

/// Requests that wait for a worker at once.
pub(super) const MAX_WAITING: usize = 64;

/// What became of a request offered to the queue.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Queued {
    /// It waits.
    Yes,
    /// No room: answer it 503.
    Full,
    /// It waits, in the place of this connection's request: answer that one 503.
    Displaced(u64),
}

#[derive(Default)]
pub(super) struct Queue {
    waiting: VecDeque<(u64, IpAddr, Request)>,
}

impl Queue {
    /// Queue the request of connection `id`; `shut` says whether a
    /// connection's client has shut down its sending side.
    pub(super) fn push(&mut self, id: u64, peer: IpAddr, request: Request, shut: impl Fn(u64) -> bool) -> Queued {
        if self.waiting.len() < MAX_WAITING {
            self.waiting.push_back((id, peer, request));
            return Queued::Yes;
        }
        if shut(id) {
            return Queued::Full;
        }
        if let Some(at) = self.waiting.iter().rposition(|(i, _, _)| shut(*i)) {
            if let Some((out, _, _)) = self.waiting.remove(at) {
                self.waiting.push_back((id, peer, request));
                return Queued::Displaced(out);
            }
        }
        let count = |p: IpAddr| self.waiting.iter().filter(|(_, q, _)| *q == p).count();
        let Some((busiest, most)) = self.waiting.iter().map(|(_, p, _)| (*p, count(*p))).max_by_key(|(_, n)| *n) else {
            return Queued::Full;
        };
        if count(peer) + 1 >= most {
            return Queued::Full;
        }
        let Some(at) = self.waiting.iter().rposition(|(_, p, _)| *p == busiest) else { return Queued::Full };
        let Some((out, _, _)) = self.waiting.remove(at) else { return Queued::Full };
        self.waiting.push_back((id, peer, request));
        Queued::Displaced(out)
    }

    /// The request that waited longest.
    pub(super) fn pop(&mut self) -> Option<(u64, Request)> {
        self.waiting.pop_front().map(|(id, _, request)| (id, request))
    }

    /// Forget the request of a connection that is gone.
    pub(super) fn remove(&mut self, id: u64) {
        self.waiting.retain(|(i, _, _)| *i != id);
    }

    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.waiting.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> Request {
        Request {
            method: "GET".into(),
            target: "/metrics".into(),
            path: "/metrics".into(),
            authorization: None,
            keep_alive: false,
        }
    }

    #[test]
    fn issue25_bounded_and_a_full_queue_makes_room_for_the_open_and_for_an_address_with_fewer_waiting() {
        let (flood, other): (IpAddr, IpAddr) = ([127, 0, 0, 2].into(), [127, 0, 0, 1].into());
        let mut q = Queue::default();
        let open = |_| false;
        for id in 0..MAX_WAITING as u64 - 1 {
            assert_eq!(q.push(id, flood, request(), open), Queued::Yes);
        }
        assert_eq!(q.push(100, other, request(), open), Queued::Yes);
        assert_eq!(q.len(), MAX_WAITING);
        assert_eq!(q.push(101, flood, request(), open), Queued::Full, "the busiest address cannot push out another");
        assert_eq!(q.push(102, other, request(), open), Queued::Displaced(MAX_WAITING as u64 - 2), "its newest goes");
        // Whose client shut down its side gives way first, even to the busiest address.
        let shut = |id| id == 7 || id == 8 || id >= 1000;
        assert_eq!(q.push(103, flood, request(), shut), Queued::Displaced(8));
        assert_eq!(q.push(1000, other, request(), shut), Queued::Full, "a newcomer that shut down its side waits not");
        assert_eq!(q.len(), MAX_WAITING);
        q.remove(100);
        assert_eq!(q.len(), MAX_WAITING - 1);
        assert_eq!(q.pop().map(|(id, _)| id), Some(0), "first come, first served");
        // One address alone: the newcomer is refused.
        let mut q = Queue::default();
        for id in 0..MAX_WAITING as u64 {
            assert_eq!(q.push(id, flood, request(), open), Queued::Yes);
        }
        assert_eq!(q.push(999, flood, request(), open), Queued::Full);
    }
}
