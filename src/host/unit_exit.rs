//! How a systemd unit's main process ended, as systemd tells it, for its
//! death certificate: where the kernel's process-event connector cannot be heard and
//! the worker is not hm's child (a `unit =` monitor's service, a worker
//! started in a transient unit of its own), `systemctl show` still has
//! `ExecMainCode`, `ExecMainStatus` and `Result` (`oom-kill`).
//!
//! Only a reading for the pid that died counts (`ExecMainPID`): systemd
//! may have started the next one already. No `systemctl`, or one that
//! cannot talk to a systemd (a container whose init is not systemd),
//! means the status is unknown, never an error.

use std::time::{Duration, Instant};

/// A unit's main process's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UnitExit {
    /// As wait(2) would have told it.
    pub status: u32,
    /// systemd says the OOM killer killed it (`Result=oom-kill`).
    pub oom_kill: bool,
}

/// The properties read.
pub(crate) const PROPERTIES: &str = "ExecMainPID,ExecMainCode,ExecMainStatus,Result";

/// How long one `systemctl show` may take.
const TIMEOUT: Duration = Duration::from_secs(1);

/// The end of `pid` from `systemctl show -p` [`PROPERTIES`]'s output;
/// `None` when it says of another pid, or of none that ended.
pub(crate) fn parse(show: &str, pid: u32) -> Option<UnitExit> {
    let field = |key: &str| show.lines().find_map(|l| l.strip_prefix(key)?.strip_prefix('=')).map(str::trim);
    let num = |key: &str| field(key)?.parse::<u32>().ok();
    if num("ExecMainPID")? != pid {
        return None;
    }
    let code = num("ExecMainStatus")?;
    let status = match num("ExecMainCode")? {
        1 => (code & 0xff) << 8,   // CLD_EXITED
        2 => code & 0x7f,          // CLD_KILLED
        3 => (code & 0x7f) | 0x80, // CLD_DUMPED
        _ => return None,          // still running, or no exit recorded
    };
    Some(UnitExit { status, oom_kill: field("Result") == Some("oom-kill") })
}

/// The end of `unit`'s main process `pid`, asking systemd until `within`
/// is up (it records the exit when it has reaped it).
pub(crate) fn exit_of(unit: &str, pid: u32, within: Duration) -> Option<UnitExit> {
    let argv: Vec<String> =
        ["systemctl", "show", "-p", PROPERTIES, "--", unit].iter().map(|s| (*s).to_string()).collect();
    let deadline = Instant::now() + within;
    loop {
        // No systemctl, or no systemd to answer it: unknown.
        let show = super::exec::output(&argv, TIMEOUT).ok()?;
        if let Some(e) = parse(&show, pid) {
            return Some(e);
        }
        if Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(pid: u32, code: u32, status: u32, result: &str) -> String {
        format!("ExecMainPID={pid}\nExecMainCode={code}\nExecMainStatus={status}\nResult={result}\n")
    }

    #[test]
    fn issue28_systemctl_show_read_as_a_wait_status() {
        let exited = parse(&show(42, 1, 3, "exit-code"), 42).expect("exited");
        assert_eq!(exited, UnitExit { status: 3 << 8, oom_kill: false });
        assert_eq!(parse(&show(42, 2, 9, "oom-kill"), 42), Some(UnitExit { status: 9, oom_kill: true }));
        assert_eq!(parse(&show(42, 2, 15, "signal"), 42), Some(UnitExit { status: 15, oom_kill: false }));
        assert_eq!(parse(&show(42, 3, 11, "core-dump"), 42), Some(UnitExit { status: 0x80 | 11, oom_kill: false }));
        assert_eq!(parse(&show(42, 1, 0, "success"), 42), Some(UnitExit { status: 0, oom_kill: false }));
        assert_eq!(parse(&show(43, 1, 3, "exit-code"), 42), None, "another pid: systemd started the next one");
        assert_eq!(parse(&show(42, 0, 0, "success"), 42), None, "running: no exit recorded");
        assert_eq!(parse("", 42), None);
        assert_eq!(parse("ExecMainPID=42\nExecMainCode=x\n", 42), None);
        // Properties in any order; values trimmed.
        let reordered = "Result=oom-kill\nExecMainStatus=9 \nExecMainCode=2\nExecMainPID=42\n";
        assert_eq!(parse(reordered, 42), Some(UnitExit { status: 9, oom_kill: true }));
    }

    #[test]
    fn issue28_no_systemd_or_no_such_unit_is_unknown_and_quick() {
        // No systemctl, no systemd to answer it, or a unit never loaded
        // (ExecMainPID=0): unknown, within the wait asked for.
        let start = Instant::now();
        assert_eq!(exit_of("hm-test-no-such-unit.service", 1, Duration::from_millis(100)), None);
        assert!(start.elapsed() < Duration::from_secs(3), "{:?}", start.elapsed());
    }
}
