//! The connections the event loop keeps, counted per client address, and
//! the choice of which to drop when there are too many.
//!
//! One local process opening connections as fast as it can must not push
//! out everyone else: evicting the connection nearest its deadline would
//! drop legitimate requests first (a request waiting for a worker has the
//! longest deadline only while it is not yet being answered). So a
//! connection whose request is being served (waiting for a
//! worker or at one) is never dropped to make room. The victim is taken
//! from the address holding the most connections that could be dropped: first one that has had
//! its answer and only lingers, then one still sending its request (or
//! idle between requests), then one whose client does not take its
//! answer; among those, the one nearest its deadline. So a flood makes
//! room by pushing out its own connections, even when it shares an
//! address (127.0.0.1) with the clients it would starve.

use super::conn::{Conn, Phase};
use std::cmp::Reverse;
use std::collections::HashMap;
use std::net::IpAddr;
use std::time::Instant;

#[derive(Default)]
pub(super) struct Table {
    conns: HashMap<u64, Conn>,
}

/// How readily a connection in this phase is dropped (lowest first);
/// `None`: never, its request is being served.
fn rank(phase: Phase) -> Option<u8> {
    match phase {
        Phase::Draining => Some(0),
        Phase::Reading => Some(1),
        Phase::Writing => Some(2),
        Phase::Working => None,
    }
}

impl Table {
    pub(super) fn len(&self) -> usize {
        self.conns.len()
    }

    /// Connections open from `peer` that could be dropped: those whose
    /// request is not being served (those are bounded by the queue).
    pub(super) fn droppable(&self, peer: IpAddr) -> usize {
        self.conns.values().filter(|c| c.peer == peer && rank(c.phase).is_some()).count()
    }

    pub(super) fn insert(&mut self, id: u64, conn: Conn) {
        self.conns.insert(id, conn);
    }

    pub(super) fn remove(&mut self, id: u64) -> Option<Conn> {
        self.conns.remove(&id)
    }

    pub(super) fn get(&self, id: u64) -> Option<&Conn> {
        self.conns.get(&id)
    }

    pub(super) fn get_mut(&mut self, id: u64) -> Option<&mut Conn> {
        self.conns.get_mut(&id)
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = (&u64, &Conn)> {
        self.conns.iter()
    }

    /// The ids of the connections past their deadline.
    pub(super) fn expired(&self, now: Instant) -> Vec<u64> {
        self.conns.iter().filter(|(_, c)| c.deadline <= now).map(|(id, _)| *id).collect()
    }

    /// The connection to drop to make room, from `peer` only when given:
    /// never one being served; from the address holding the most that
    /// could be dropped, the lowest [`rank`], then the nearest deadline.
    pub(super) fn victim(&self, peer: Option<IpAddr>) -> Option<u64> {
        let mut held: HashMap<IpAddr, usize> = HashMap::new();
        for c in self.conns.values().filter(|c| rank(c.phase).is_some()) {
            *held.entry(c.peer).or_insert(0) += 1;
        }
        self.conns
            .iter()
            .filter(|(_, c)| peer.is_none_or(|p| c.peer == p))
            .filter_map(|(id, c)| {
                Some((*id, (Reverse(held.get(&c.peer).copied().unwrap_or(0)), rank(c.phase)?, c.deadline)))
            })
            .min_by_key(|(_, key)| *key)
            .map(|(id, _)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, TcpListener, TcpStream};
    use std::time::Duration;

    fn conn(listener: &TcpListener, peer: [u8; 4], phase: Phase, deadline: Instant) -> Conn {
        let stream = TcpStream::connect(listener.local_addr().expect("addr")).expect("connect");
        let mut c = Conn::new(stream, IpAddr::V4(Ipv4Addr::from(peer)), Instant::now());
        c.phase = phase;
        c.deadline = deadline;
        c
    }

    #[test]
    fn issue25_the_victim_is_never_served_and_comes_from_the_busiest_address() {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let t0 = Instant::now();
        let at = |s: u64| t0 + Duration::from_secs(s);
        let (flood, scraper) = ([127, 0, 0, 2], [127, 0, 0, 1]);
        let mut table = Table::default();
        // The scraper's request waits for a worker and is nearest its deadline.
        table.insert(0, conn(&listener, scraper, Phase::Working, at(1)));
        table.insert(1, conn(&listener, scraper, Phase::Reading, at(2)));
        table.insert(2, conn(&listener, flood, Phase::Writing, at(3)));
        table.insert(3, conn(&listener, flood, Phase::Reading, at(9)));
        table.insert(4, conn(&listener, flood, Phase::Reading, at(5)));
        assert_eq!((table.len(), table.droppable(IpAddr::from(flood))), (5, 3));
        assert_eq!(table.victim(None), Some(4), "the busiest address, reading before writing, nearest deadline");
        table.insert(5, conn(&listener, flood, Phase::Draining, at(9)));
        assert_eq!(table.victim(None), Some(5), "one that only lingers goes first");
        assert_eq!(table.victim(Some(IpAddr::from(scraper))), Some(1), "never the one being served");
        table.remove(1);
        assert_eq!(table.victim(Some(IpAddr::from(scraper))), None);
        assert_eq!(table.droppable(IpAddr::from(scraper)), 0);
        for id in [2, 3, 4, 5] {
            table.remove(id);
        }
        assert_eq!((table.victim(None), table.droppable(IpAddr::from(flood)), table.len()), (None, 0, 1));
        assert_eq!(table.expired(at(1)), [0]);
    }
}
