//! The registry's waits, with real threads.

use super::*;
use std::time::Instant;

/// A registry watching `pid` for `monitor`, its death reported and not
/// yet written (what the coroner is doing).
fn dying(pid: u32, monitor: &str) -> Arc<Registry> {
    let r = Arc::new(Registry::default());
    let (tx, _rx) = std::sync::mpsc::channel();
    let mut g = r.lock();
    g.to_coroner = Some(tx);
    let w = Watched {
        start_ticks: 1,
        started_at: 0.0,
        monitors: vec![monitor.into()],
        oom: None,
        since: 0.0,
        reported: true,
        matched: true,
    };
    g.watched.insert(pid, w);
    drop(g);
    r
}

#[test]
fn a_firing_waits_for_the_certificate_being_written_and_only_for_it() {
    let r = dying(42, "api");
    // Another monitor's firing: no wait.
    let t = Instant::now();
    r.settle(&["db"], Duration::from_secs(5));
    assert!(t.elapsed() < Duration::from_millis(500), "{:?}", t.elapsed());
    // Its own: until the coroner is done.
    let coroner = r.clone();
    let done = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        coroner.done(42);
    });
    let t = Instant::now();
    r.settle(&["api"], Duration::from_secs(5));
    let waited = t.elapsed();
    assert!(waited >= Duration::from_millis(250) && waited < Duration::from_secs(4), "{waited:?}");
    done.join().expect("thread");
    // Never longer than asked, whatever the coroner does.
    let r = dying(43, "api");
    let t = Instant::now();
    r.settle(&["api"], Duration::from_millis(200));
    assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
}
