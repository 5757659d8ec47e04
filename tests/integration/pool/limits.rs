//! A pool under systemd's default open-file limit: soft 1,024 (hard
//! 524,288). Each worker needs a pidfd to be reaped, another to be watched,
//! and its stat file kept: `hm run --heal` ran out of descriptors starting
//! the pool, then could not open its own database. hm raises its soft
//! limit to the hard one; the workers get the soft limit hm was given.
//! Here the soft limit is 256 and the pool 300.

use super::{Reap, exactly, pool, within};
use crate::common::daemon::Daemon;
use crate::common::{Test, have_tool};
use std::process::{Command, Stdio};
use std::time::Duration;

#[test]
fn issue29_a_pool_larger_than_the_soft_open_file_limit_starts_and_its_workers_keep_that_limit() {
    if !have_tool("prlimit") {
        return;
    }
    let prefix = "hm-test-pool-fd";
    let _r = Reap(prefix);
    let t = Test::new();
    let dir = t.path("limits");
    std::fs::create_dir(&dir).expect("mkdir");
    let start = format!(
        "start = [\"bash\", \"-c\", \"ulimit -Sn > {}/{{i}}; exec -a '{prefix}-{{i}} w' sleep 600\"]\n",
        dir.display()
    );
    let config = pool(prefix, 300, "")
        .replace(&format!("start = [\"bash\", \"-c\", \"exec -a '{prefix}-{{i}} w' sleep 600\"]\n"), &start);
    assert!(config.contains("ulimit"), "{config}");
    let t = t.config(&config);
    // As systemd would: a low soft limit under a high hard one.
    let hm = t.command(&["run", "--heal", "--interval", "1h"]);
    let mut cmd = Command::new("prlimit");
    cmd.arg("--nofile=256:").arg(hm.get_program()).args(hm.get_args()).stdin(Stdio::null());
    cmd.current_dir(hm.get_current_dir().expect("dir"));
    for (k, v) in hm.get_envs() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    let daemon = Daemon::spawn(&t, "limited", cmd);
    let up = within(Duration::from_secs(90), || exactly(prefix, 300));
    let err = daemon.stderr();
    assert!(up, "not all 300 up: {} running\n{err}", super::pids(prefix).len());
    assert!(!err.contains("Too many open files") && !err.contains("EMFILE"), "{err}");
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", daemon.child.id())).expect("limits");
    let line = limits.lines().find(|l| l.starts_with("Max open files")).expect("open files");
    let v: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(v[3], v[4], "hm's soft limit raised to its hard one: {line}");
    for i in [1, 150, 300] {
        let seen = std::fs::read_to_string(dir.join(i.to_string())).expect("limit file");
        assert_eq!(seen.trim(), "256", "worker {i} keeps the soft limit hm was given");
    }
}
