//! Event-driven watching for `hm run` and `hm serve`: a dead
//! worker is checked (and with `--heal` restarted) the moment it exits,
//! and a stale heartbeat file resolves the moment it is touched, instead
//! of at the next cycle.
//!
//! One thread sleeps in poll(2) on a pidfd for every process the last
//! runs matched ([`pidfd`]), an inotify descriptor for the directories of
//! the heartbeat files that are not ok ([`files`]), and a wake pipe. When
//! something fires it tells the loop which monitors changed, through
//! `fire` (the loop's own channel, so it wakes as for a signal), and stops
//! watching them: the loop checks them, and [`Watcher::arm`] with the new
//! results watches them again (the restarted worker's new pid included).
//! No timer, no polling: between events the thread uses no CPU.
//!
//! A process is watched only as it was matched: the pidfd is opened by
//! pid, then the pid's start time read again. A process gone before its
//! pidfd was opened (or a pid since reused) fires at once, so nothing
//! that died between a scan and its watch goes unnoticed until the next
//! cycle. Without pidfds (Linux before 5.3, a seccomp filter, or
//! `HM_NO_PIDFD=1`) processes are found at the interval as before, and the
//! loop says so once.

mod files;
mod pidfd;
mod want;

pub(crate) use want::Want;

use super::Say;
use super::death::Registry;
use crate::host::Host;
use anyhow::{Context, Result};
use files::Files;
use nix::errno::Errno;
use nix::fcntl::OFlag;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use std::collections::BTreeMap;
use std::os::fd::{AsFd, OwnedFd};
use std::sync::{Arc, Mutex, PoisonError};
use want::Proc;

/// What the loop hands the thread.
#[derive(Default)]
struct Shared {
    want: Want,
    /// Bumped by each [`Watcher::arm`] that changed something.
    generation: u64,
    /// Something fired, or could not be watched, since the want now in
    /// force was applied: the same want must be applied again.
    stale: bool,
    quit: bool,
}

/// The watcher thread's handle, owned by the loop.
pub(crate) struct Watcher {
    shared: Arc<Mutex<Shared>>,
    wake: OwnedFd,
    deaths: Arc<Registry>,
    /// Why processes are not watched, for the loop to say once.
    pub note: Option<String>,
}

impl Watcher {
    /// Start watching nothing yet. `host` re-reads a pid's start time;
    /// `fire` is called with the monitors that changed, and the thread
    /// ends when it returns false (nobody listens any more); what it has
    /// to say of itself goes to `say`.
    pub(super) fn start(
        host: Box<dyn Host + Send>,
        deaths: Arc<Registry>,
        say: Say,
        fire: impl Fn(Vec<String>) -> bool + Send + 'static,
    ) -> Result<Watcher> {
        let pids = pidfd::available();
        let files = Files::new();
        let mut notes = Vec::new();
        if let Err(why) = &pids {
            notes.push(format!("{why}: a dead worker is found at the next cycle, not when it exits"));
        }
        if let Err(e) = &files {
            notes.push(format!("inotify: {}: a heartbeat file is read at the next cycle only", e.desc()));
        }
        let (rd, wake) = nix::unistd::pipe2(OFlag::O_CLOEXEC | OFlag::O_NONBLOCK).context("cannot make a pipe")?;
        let shared = Arc::new(Mutex::new(Shared::default()));
        let mut thread = Thread {
            host,
            deaths: deaths.clone(),
            say,
            shared: shared.clone(),
            wake: rd,
            pids: pids.is_ok(),
            cap: pidfd::cap(),
            said_cap: false,
            open: BTreeMap::new(),
            files: files.ok(),
            generation: 0,
        };
        std::thread::Builder::new()
            .name("hm-watch".into())
            .spawn(move || thread.run(fire))
            .context("cannot start the watcher thread")?;
        let note = (!notes.is_empty()).then(|| notes.join("; "));
        Ok(Watcher { shared, wake, deaths, note })
    }

    /// Watch what `want` says from now on, and nothing else; what fired
    /// since the last call is watched again if `want` still names it (a
    /// heartbeat file touched, yet still stale, must fire again).
    ///
    /// The same want as last time, with nothing fired since, is every
    /// cycle's case when no worker changed: the thread is not woken (with
    /// a thousand pidfds, each wake re-registers them all in poll), and
    /// only the death registry's clock-driven forgetting is done here.
    pub(super) fn arm(&self, want: &Want) {
        let mut s = self.shared.lock().unwrap_or_else(PoisonError::into_inner);
        if !s.stale && s.want == *want {
            drop(s);
            self.deaths.expire();
            return;
        }
        s.want = want.clone();
        s.generation += 1;
        s.stale = false;
        drop(s);
        self.poke();
    }

    fn poke(&self) {
        // A full pipe already holds a wake-up: nothing is lost.
        let _ = nix::unistd::write(&self.wake, &[1]);
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.shared.lock().unwrap_or_else(PoisonError::into_inner).quit = true;
        self.poke();
    }
}

struct Thread {
    host: Box<dyn Host + Send>,
    /// Told what is watched and what died, for the death certificates.
    deaths: Arc<Registry>,
    /// Where the descriptor limit is said, once.
    say: Say,
    shared: Arc<Mutex<Shared>>,
    wake: OwnedFd,
    /// Whether pidfds work here.
    pids: bool,
    /// At most this many pidfds open at once.
    cap: usize,
    said_cap: bool,
    /// The watched processes, with the monitors that matched each.
    open: BTreeMap<Proc, (OwnedFd, Vec<String>)>,
    files: Option<Files>,
    /// The generation of the want now in force.
    generation: u64,
}

impl Thread {
    fn run(&mut self, fire: impl Fn(Vec<String>) -> bool) {
        loop {
            let mut fired = Vec::new();
            {
                let s = self.shared.lock().unwrap_or_else(PoisonError::into_inner);
                if s.quit {
                    return;
                }
                if s.generation != self.generation {
                    self.generation = s.generation;
                    let want = s.want.clone();
                    drop(s);
                    fired = self.apply(&want);
                }
            }
            if fired.is_empty() {
                fired = self.wait();
            }
            fired.sort();
            fired.dedup();
            if fired.is_empty() {
                continue;
            }
            self.set_stale();
            if !fire(fired) {
                return;
            }
        }
    }

    /// Open and close pidfds and inotify watches to match `want`; the
    /// monitors whose processes are already gone.
    fn apply(&mut self, want: &Want) -> Vec<String> {
        let mut fired = Vec::new();
        if let Some(files) = &mut self.files
            && !files.set(&want.files)
        {
            self.set_stale();
        }
        if !self.pids {
            return fired;
        }
        let by_proc = want.by_proc();
        let procs: Vec<(Proc, Vec<String>)> = by_proc.iter().map(|(p, m)| (*p, m.clone())).collect();
        self.deaths.matched(&procs, self.host.as_ref());
        self.open.retain(|p, _| by_proc.contains_key(p));
        let mut skipped = 0;
        for (p, monitors) in by_proc {
            if let Some((_, names)) = self.open.get_mut(&p) {
                *names = monitors;
                continue;
            }
            if self.open.len() >= self.cap {
                skipped += 1;
                continue;
            }
            match pidfd::open(p.0) {
                // Still the process the check matched, and not dead yet?
                Ok(fd) if self.host.process(p.0).is_some_and(|now| now.start_ticks == p.1 && !now.zombie) => {
                    self.open.insert(p, (fd, monitors));
                }
                Ok(_) | Err(Errno::ESRCH) => {
                    self.deaths.died(p.0, Some(p.1));
                    fired.extend(monitors);
                }
                Err(_) => skipped += 1, // out of descriptors: left to the interval
            }
        }
        if skipped > 0 {
            self.set_stale();
        }
        if skipped > 0 && !self.said_cap {
            self.said_cap = true;
            self.say.note(format!(
                "watching {} processes; {skipped} more are checked at the interval only (descriptor limit)",
                self.open.len()
            ));
        }
        fired
    }

    /// What the want in force asks is not all watched (something fired,
    /// or could not be watched): the next arm applies it again, as every
    /// arm did before an unchanged want was skipped.
    fn set_stale(&self) {
        self.shared.lock().unwrap_or_else(PoisonError::into_inner).stale = true;
    }

    /// Sleep until something happens; the monitors it concerns.
    fn wait(&mut self) -> Vec<String> {
        let keys: Vec<Proc> = self.open.keys().copied().collect();
        let mut fds = Vec::with_capacity(keys.len() + 2);
        fds.push(PollFd::new(self.wake.as_fd(), PollFlags::POLLIN));
        if let Some(f) = &self.files {
            fds.push(PollFd::new(f.fd(), PollFlags::POLLIN));
        }
        let first_pid = fds.len();
        fds.extend(self.open.values().map(|(fd, _)| PollFd::new(fd.as_fd(), PollFlags::POLLIN)));
        match poll(&mut fds, PollTimeout::NONE) {
            Ok(_) | Err(Errno::EINTR) => {}
            Err(_) => {
                // Should not happen; never spin on it.
                std::thread::sleep(std::time::Duration::from_secs(1));
                return Vec::new();
            }
        }
        let ready = |fd: &PollFd<'_>| fd.revents().is_some_and(|r| !r.is_empty());
        let wake = ready(&fds[0]);
        let file_news = self.files.is_some() && ready(&fds[1]);
        let dead: Vec<Proc> = fds[first_pid..].iter().zip(&keys).filter(|(fd, _)| ready(fd)).map(|(_, p)| *p).collect();
        drop(fds);
        if wake {
            let mut buf = [0u8; 64];
            while matches!(nix::unistd::read(&self.wake, &mut buf), Ok(n) if n > 0) {}
        }
        let mut fired = Vec::new();
        for p in dead {
            self.deaths.died(p.0, Some(p.1));
            if let Some((_, monitors)) = self.open.remove(&p) {
                fired.extend(monitors);
            }
        }
        if file_news && let Some(f) = &mut self.files {
            fired.extend(f.read());
            // A directory gone (`IN_IGNORED`) fires nothing, yet is no
            // longer watched.
            self.set_stale();
        }
        fired
    }
}
