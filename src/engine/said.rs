//! What the engine tells the operator while it works: a warning (a corrupt
//! database moved aside, a record that could not be written), a note of
//! the loop about itself (its watcher's limits) or how far a long scan has
//! come.
//!
//! The engine never prints. What a command's report can carry goes back in
//! the report; what must be seen when it happens (a clean-disk intent the
//! full disk could not take is told before the files go; the threads beside
//! `hm run`'s loop have no report) goes to the one sink the caller put in
//! [`super::Ctx`], which renders it once, in `src/output/`.

use std::sync::Arc;

/// One line for the operator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Said {
    /// Something went wrong that did not stop the work.
    Warning(String),
    /// What the loop says of itself.
    Note(String),
    /// How far a clean-disk rule's scan has come (for a terminal only).
    Scanning { rule: String, seen: u64, matched: usize },
    /// The scan told by [`Said::Scanning`] is over.
    Scanned,
}

/// Where the engine's [`Said`] lines go, at once: the caller's renderer.
#[derive(Clone)]
pub(crate) struct Say(Arc<dyn Fn(Said) + Send + Sync>);

impl Say {
    /// A sink that hands each line to `to`.
    pub(crate) fn new(to: impl Fn(Said) + Send + Sync + 'static) -> Say {
        Say(Arc::new(to))
    }

    /// Tell `s`.
    pub(crate) fn tell(&self, s: Said) {
        (self.0)(s);
    }

    /// Tell a warning.
    pub(crate) fn warning(&self, msg: impl Into<String>) {
        (self.0)(Said::Warning(msg.into()));
    }

    /// Tell a note.
    pub(crate) fn note(&self, msg: impl Into<String>) {
        (self.0)(Said::Note(msg.into()));
    }
}

impl std::fmt::Debug for Say {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Say")
    }
}

#[cfg(test)]
impl Say {
    /// A sink that keeps the lines in memory, for tests.
    pub(crate) fn kept() -> (Say, Arc<std::sync::Mutex<Vec<Said>>>) {
        let lines = Arc::new(std::sync::Mutex::new(Vec::new()));
        let to = lines.clone();
        (Say::new(move |s| to.lock().unwrap_or_else(|p| p.into_inner()).push(s)), lines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue27_a_sink_gets_each_line_as_it_is_said_in_order() {
        let (say, lines) = Say::kept();
        say.warning("one");
        say.clone().note(String::from("two"));
        let got = lines.lock().expect("lines").clone();
        assert_eq!(got, vec![Said::Warning("one".into()), Said::Note("two".into())]);
    }
}
