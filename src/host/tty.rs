//! Who holds a terminal: whether a process's own group is the foreground
//! group of its terminal, and its argv. The tmux check asks it of each
//! pane's first process to tell a shell at its prompt (its own group in
//! the foreground, no script or `-c` command in its argv) from a job.
//!
//! tmux's `#{pane_current_command}` alone cannot: it is `argv[0]` of the
//! foreground group's leader, so a script typed at the prompt
//! (`/bin/bash ./job.sh`) reads `bash` while it runs.

/// The foreground of a process's terminal, as seen from that process.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Foreground {
    /// The process's own group is the terminal's foreground group: nothing
    /// it started under job control holds the terminal.
    pub own_group: bool,
    /// Its argv.
    pub argv: Vec<String>,
}

/// Read `/proc/PID/stat` (fields 5, the group, and 8, the terminal's
/// foreground group) and `/proc/PID/cmdline`; `None` when it is gone or
/// has no terminal.
pub(super) fn foreground(pid: u32) -> Option<Foreground> {
    let stat = std::fs::read(format!("/proc/{pid}/stat")).ok()?;
    let (group, tpgid) = groups(&String::from_utf8_lossy(&stat))?;
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
    let argv = cmdline.split(|b| *b == 0).filter(|a| !a.is_empty()).map(|a| String::from_utf8_lossy(a).into_owned());
    Some(Foreground { own_group: tpgid > 0 && group == tpgid, argv: argv.collect() })
}

/// The group (field 5) and the terminal's foreground group (field 8, -1
/// without a terminal) of a stat line, counted from the last `)`.
fn groups(text: &str) -> Option<(i64, i64)> {
    let close = text.rfind(')')?;
    let mut fields = text.get(close + 1..)?.split_ascii_whitespace();
    // Field 3 is the first after the name.
    let group = fields.nth(2)?.parse().ok()?;
    let tpgid = fields.nth(2)?.parse().ok()?;
    Some((group, tpgid))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_groups_are_read_past_an_awkward_name() {
        let line = "28508 (a) b) S 28507 28508 28508 34816 28678 4194560 1 2";
        assert_eq!(groups(line), Some((28508, 28678)));
        assert_eq!(groups("7 (x) S 1 7 7 0 -1 0"), Some((7, -1)));
        assert_eq!(groups("7 (x) S 1"), None);
    }

    #[test]
    fn this_process_is_read_with_its_argv() {
        let me = foreground(std::process::id()).expect("this process");
        assert!(!me.argv.is_empty());
    }
}
