//! Under systemd, a worker that hm starts runs as a transient unit of its
//! own (`hm-worker-NAME.service`, through `systemd-run`), not as a child
//! of hm. A process hm forks lives in hm's cgroup: `systemctl restart hm`,
//! or the end of `hm-check.service`'s one-shot run, would kill every worker
//! hm ever started (`KillMode=control-group`). In a unit of its own the
//! worker outlives hm, and systemd, already the supervisor, owns it.
//!
//! Without systemd (no `/run/systemd/system`, as `sd_booted()` checks), or
//! not as root (a user may not create system units), workers are started
//! detached as before ([`super::exec::spawn_detached`]).
//!
//! The unit gets what a detached start gets: hm's working directory
//! (`--same-dir`) and `PATH` (the rest of the environment is systemd's
//! clean one), the worker's `log` for stdout and stderr. `RemainAfterExit`
//! keeps a `start` that forks its daemon and exits from taking the daemon
//! down with it. The argv is passed as is: systemd would expand `$VAR`
//! in it, so every `$` is doubled.

use super::exec;
use anyhow::{Context, Result, bail};
use std::os::fd::AsRawFd;
use std::path::Path;
use std::time::Duration;

/// Whether systemd runs this machine (it created `/run/systemd/system`).
pub(crate) fn systemd_booted() -> bool {
    Path::new("/run/systemd/system").is_dir()
}

/// The transient unit a monitor's worker runs in. A pool instance's `@`
/// is written `:`: in a unit name `@` makes an instance of a template
/// (`worker@7.service` is `worker@.service` with `%i` = 7), so systemd
/// would look for, and merge in, a template `hm-worker-api@.service`,
/// and transient instances of a template that does not exist have not
/// always been accepted. `:` is valid in a unit name and never in a
/// monitor's, so `hm-worker-api:7` cannot be another monitor's unit.
/// Anything else outside systemd's characters (`[A-Za-z0-9:_.-]`) is
/// escaped as `systemd-escape` does (`\xNN`); names are at most 133
/// bytes (128 and `@1000`), far from systemd's 255.
pub(crate) fn unit_name(monitor: &str) -> String {
    let mut unit = String::from("hm-worker-");
    for b in monitor.bytes() {
        match b {
            b'@' => unit.push(':'),
            b if b.is_ascii_alphanumeric() || b"_.-".contains(&b) => unit.push(char::from(b)),
            b => unit.push_str(&format!("\\x{b:02x}")),
        }
    }
    unit.push_str(".service");
    unit
}

/// The `systemd-run` command line that starts `argv` as `unit`, its output
/// appended to `log` (a path systemd opens), stopped within `grace`.
pub(crate) fn systemd_run_argv(
    unit: &str,
    argv: &[String],
    log: Option<&str>,
    grace: Duration,
    path: bool,
    launch: &super::launch::Launch,
) -> Vec<String> {
    let mut cmd: Vec<String> = [
        "systemd-run",
        "--quiet",
        "--collect",
        "--remain-after-exit",
        // Returns once the worker is exec'd, or fails when it cannot be.
        "--service-type=exec",
    ]
    .map(String::from)
    .to_vec();
    if launch.cwd.is_none() {
        cmd.insert(3, "--same-dir".into());
    }
    cmd.extend(launch.systemd_args());
    cmd.push(format!("--unit={unit}"));
    let monitor = unit.trim_start_matches("hm-worker-").trim_end_matches(".service").replace(':', "@");
    cmd.push(format!("--description=hm worker {monitor}"));
    cmd.push(format!("--property=TimeoutStopSec={}ms", grace.as_millis().max(1)));
    if path {
        cmd.push("--setenv=PATH".into());
    }
    if let Some(log) = log {
        cmd.push(format!("--property=StandardOutput=append:{log}"));
        cmd.push(format!("--property=StandardError=append:{log}"));
    }
    cmd.push("--".into());
    cmd.extend(argv.iter().map(|a| a.replace('$', "$$")));
    cmd
}

/// The worker's pid from `systemctl show -p MainPID -p ExecMainPID`: the
/// main pid while it runs, else the pid it had (a `start` that forked
/// its daemon and exited).
pub(crate) fn main_pid(show: &str) -> Option<u32> {
    let field = |key: &str| {
        show.lines().find_map(|l| l.strip_prefix(key)?.strip_prefix('=')?.trim().parse::<u32>().ok()).filter(|p| *p > 0)
    };
    field("MainPID").or_else(|| field("ExecMainPID"))
}

/// Whether hm itself runs inside `unit` (a worker that runs `hm heal`):
/// stopping that unit would stop hm and its ancestors.
fn inside(unit: &str) -> bool {
    std::fs::read_to_string("/proc/self/cgroup").is_ok_and(|c| c.lines().any(|l| l.split('/').any(|part| part == unit)))
}

/// Start `argv` as the transient unit of monitor `name`; its pid.
pub(crate) fn start(
    name: &str,
    argv: &[String],
    log: Option<&Path>,
    grace: Duration,
    launch: &super::launch::Launch,
) -> Result<u32> {
    let unit = unit_name(name);
    if inside(&unit) {
        bail!("hm runs inside {unit}: it does not restart the unit it runs in");
    }
    let argv_of = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    // What is left of the last start (its forked daemon, or a failed unit
    // of the same name) must not block this one: stop it (within `grace`,
    // as the unit says) and forget its failure. Neither may exist.
    let _ = exec::output(&argv_of(&["systemctl", "stop", "--", &unit]), grace + Duration::from_secs(15));
    let _ = exec::output(&argv_of(&["systemctl", "reset-failed", "--", &unit]), Duration::from_secs(15));
    // systemd opens the log, as root: give it the file hm opened (through
    // the no-symlink walk), by its /proc/PID/fd link, which names that
    // very file, not the path another user could redirect meanwhile. The
    // descriptor stays open until systemd-run has returned, by which time
    // the worker's output is open.
    let opened = log.map(exec::open_log).transpose()?;
    let via = opened.as_ref().map(|f| format!("/proc/{}/fd/{}", std::process::id(), f.as_raw_fd()));
    let path = std::env::var_os("PATH").is_some();
    let cmd = systemd_run_argv(&unit, argv, via.as_deref(), grace, path, launch);
    // `env` reaches the unit through systemd-run's own environment.
    let env: Vec<(&str, &str)> = launch.env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    exec::output_with(&cmd, None, &env, Duration::from_secs(90)).with_context(|| format!("cannot start {unit}"))?;
    drop(opened);
    let show = argv_of(&["systemctl", "show", "--property=MainPID", "--property=ExecMainPID", "--", &unit]);
    let shown = exec::output(&show, Duration::from_secs(15))?;
    main_pid(&shown).with_context(|| format!("{unit} started, but systemd shows no pid for it"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_systemd_run_command_line() {
        let argv = ["/srv/api/bin/api", "--port", "8080", "echo $HOME"].map(String::from);
        let cmd = systemd_run_argv(
            "hm-worker-api.service",
            &argv,
            Some("/proc/7/fd/3"),
            Duration::from_secs(10),
            true,
            &Default::default(),
        );
        let want = [
            "systemd-run",
            "--quiet",
            "--collect",
            "--same-dir",
            "--remain-after-exit",
            "--service-type=exec",
            "--unit=hm-worker-api.service",
            "--description=hm worker api",
            "--property=TimeoutStopSec=10000ms",
            "--setenv=PATH",
            "--property=StandardOutput=append:/proc/7/fd/3",
            "--property=StandardError=append:/proc/7/fd/3",
            "--",
            "/srv/api/bin/api",
            "--port",
            "8080",
            "echo $$HOME",
        ];
        assert_eq!(cmd, want);
        let bare = systemd_run_argv(
            "hm-worker-x.service",
            &argv[..1],
            None,
            Duration::from_millis(300),
            false,
            &Default::default(),
        );
        assert!(!bare.iter().any(|a| a.contains("Standard") || a.contains("setenv")), "{bare:?}");
        assert_eq!(bare[bare.len() - 2..], ["--", "/srv/api/bin/api"]);
    }

    #[test]
    fn the_pid_systemd_shows() {
        assert_eq!(main_pid("MainPID=4242\nExecMainPID=4242\n"), Some(4242));
        // A start that forked its daemon and exited: the pid it had.
        assert_eq!(main_pid("MainPID=0\nExecMainPID=77\n"), Some(77));
        assert_eq!(main_pid("MainPID=0\nExecMainPID=0\n"), None);
        assert_eq!(main_pid(""), None);
    }

    #[test]
    fn without_systemd_a_worker_is_started_detached_in_its_own_session() {
        use crate::host::Host;
        if systemd_booted() && nix::unistd::geteuid().is_root() {
            return; // the transient unit: tests/integration/restart.rs starts real ones there
        }
        let host = crate::host::linux::LinuxHost::new(Default::default(), Default::default());
        let argv = ["sleep", "5"].map(String::from);
        let started = host.start_worker("x", &argv, None, Duration::from_secs(1), &Default::default()).expect("start");
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", started.pid)).expect("stat");
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(i32::try_from(started.pid).expect("pid")),
            nix::sys::signal::Signal::SIGKILL,
        );
        assert_eq!(started.unit, None);
        let after = &stat[stat.rfind(')').expect(")") + 2..];
        assert_eq!(after.split(' ').nth(3), Some(started.pid.to_string().as_str()), "session leader: {stat}");
    }

    #[test]
    fn unit_names_are_valid_for_every_monitor_name() {
        // Monitor names are [a-z0-9_.-]+: all valid in a unit name.
        assert_eq!(unit_name("orchestrator.v2_a-b"), "hm-worker-orchestrator.v2_a-b.service");
    }

    /// systemd's rules for a unit name (`unit_name_is_valid`): at most 255
    /// bytes, a prefix of `[A-Za-z0-9:_.\\-]` and at most one `@` (then an
    /// instance of a template), a known suffix.
    fn plain_unit(name: &str) -> bool {
        let Some(prefix) = name.strip_suffix(".service") else { return false };
        name.len() <= 255
            && !prefix.is_empty()
            && prefix.bytes().all(|b| b.is_ascii_alphanumeric() || b":_.-\\".contains(&b))
    }

    #[test]
    fn issue29_a_pool_instance_gets_a_plain_unit_not_a_template_instance() {
        assert_eq!(unit_name("api@7"), "hm-worker-api:7.service");
        assert_eq!(unit_name("api@1000"), "hm-worker-api:1000.service");
        // No clash with a monitor named like the instance.
        assert_ne!(unit_name("api@7"), unit_name("api-7"));
        assert_ne!(unit_name("api@7"), unit_name("api.7"));
        let longest = format!("{}@1000", "a".repeat(128));
        for name in ["w", "api@7", "a.b_c-d@12", longest.as_str(), "odd name/é"] {
            let unit = unit_name(name);
            assert!(plain_unit(&unit) && !unit.contains('@'), "{name}: {unit}");
        }
        assert_eq!(unit_name("a b/"), "hm-worker-a\\x20b\\x2f.service");
    }
}
