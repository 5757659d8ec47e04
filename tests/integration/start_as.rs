//! A worker started as a user (issue 29 §4): `user` and `group`, with the
//! user's supplementary groups (`initgroups`), `cwd`, `env` (a secret from
//! hm's environment too), `umask` and `limits = { nofile }`, all seen on
//! the real started process (`ps`, `/proc/PID`).

use crate::common::security::{ATTACKER, Attacker};
use crate::common::{Test, until};
use crate::record_first::{Cleanup, pids_of};
use std::process::Command;
use std::time::Duration;

/// A line of `/proc/PID/status` (`Uid`, `Groups`, `Umask`), its value.
fn status_field(pid: u32, key: &str) -> String {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    text.lines().find_map(|l| l.strip_prefix(&format!("{key}:"))).expect("field").trim().to_string()
}

#[test]
fn issue29_a_worker_starts_as_its_user_with_its_groups_cwd_env_umask_and_limits() {
    let Some(user) = Attacker::get("issue29_a_worker_starts_as_its_user") else { return };
    let group = "hm-i29-extra";
    let ok = Command::new("groupadd").args(["-f", group]).status().expect("groupadd");
    assert!(ok.success());
    let ok = Command::new("usermod").args(["-a", "-G", group, ATTACKER]).status().expect("usermod");
    assert!(ok.success());
    let argv0 = "hm-test-i29-as-user";
    let _c = Cleanup(&[argv0]);
    let t = Test::new().env("HM_TEST_I29_SECRET", "s3cret").config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^{argv0}\"\n\
         user = \"{ATTACKER}\"\nstart = [\"bash\", \"-c\", \"exec -a {argv0} sleep 600\"]\nrestart_delay = \"300ms\"\n\
         cwd = \"/tmp\"\numask = \"027\"\nlimits = {{ nofile = 321 }}\n\
         env = {{ MODE = \"prod\", TOKEN = {{ env = \"HM_TEST_I29_SECRET\" }} }}\n"
    ));
    let doc = t.run(&["restart-worker", "api", "--json"]).json();
    assert_eq!(doc["outcome"], "restarted", "{doc:#}");
    let pid = until(Duration::from_secs(5), || pids_of(argv0).first().copied()).expect("started");

    let ps = Command::new("ps").args(["-o", "uid=,gid=", "-p", &pid.to_string()]).output().expect("ps");
    let ps = String::from_utf8_lossy(&ps.stdout).split_whitespace().map(String::from).collect::<Vec<_>>();
    assert_eq!(ps, [user.uid.to_string(), user.gid.to_string()], "ps shows the user's uid and gid");
    // Real, effective, saved and filesystem ids all dropped.
    let uid = user.uid.to_string();
    assert_eq!(status_field(pid, "Uid").split_whitespace().collect::<Vec<_>>(), [uid.as_str(); 4]);
    // Exactly the user's groups, as `id -G` lists them: none of root's.
    let id = Command::new("id").args(["-G", ATTACKER]).output().expect("id");
    let mut want: Vec<String> = String::from_utf8_lossy(&id.stdout).split_whitespace().map(String::from).collect();
    let mut got: Vec<String> = status_field(pid, "Groups").split_whitespace().map(String::from).collect();
    want.sort();
    got.sort();
    assert_eq!(got, want);
    let extra = nix::unistd::Group::from_name(group).expect("group").expect("group").gid.as_raw().to_string();
    assert!(got.contains(&extra), "the supplementary group is there: {got:?}");
    assert!(!got.contains(&"0".to_string()), "{got:?}");
    assert_eq!(std::fs::read_link(format!("/proc/{pid}/cwd")).expect("cwd"), std::path::Path::new("/tmp"));
    assert_eq!(status_field(pid, "Umask"), "0027");
    let limits = std::fs::read_to_string(format!("/proc/{pid}/limits")).expect("limits");
    let line = limits.lines().find(|l| l.starts_with("Max open files")).expect("nofile");
    assert_eq!(line.split_whitespace().collect::<Vec<_>>()[3..5], ["321", "321"], "{line}");
    let environ = std::fs::read(format!("/proc/{pid}/environ")).expect("environ");
    let vars: Vec<String> = environ.split(|b| *b == 0).map(|v| String::from_utf8_lossy(v).into_owned()).collect();
    for want in ["MODE=prod", "TOKEN=s3cret", &format!("USER={ATTACKER}")] {
        assert!(vars.iter().any(|v| v == want), "{want} not in {vars:?}");
    }
    // The user is also what the monitor counts.
    assert_eq!(t.run(&["check", "api", "--json"]).json()["status"], "ok");
}
