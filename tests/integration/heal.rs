//! `hm heal`: check, remedy, check again — with real workers and files.

mod startup;
mod vouch;
mod worker;

use crate::common::{Test, result};
use std::time::Duration;

fn kill_all(doc: &serde_json::Value) {
    let pids = doc["after"]["results"].as_array().into_iter().flatten();
    for r in pids {
        if let Some(msg) = r["message"].as_str() {
            // "1 running (pid 1234)"
            for pid in msg.split(|c: char| !c.is_ascii_digit()).filter_map(|p| p.parse::<i32>().ok()).filter(|p| *p > 1)
            {
                let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL);
            }
        }
    }
}

fn worker_config(name: &str, delay: &str) -> String {
    format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"{name}\"\nkind = \"process\"\npattern = \"^hm-test-heal-{name} \"\n\
         start = [\"bash\", \"-c\", \"exec -a 'hm-test-heal-{name} run' sleep 30\"]\nrestart_delay = \"{delay}\"\n"
    )
}

#[test]
fn a_dead_worker_is_restarted_and_checked_again() {
    let t = Test::new().config(&worker_config("api", "300ms"));
    let dry = t.run(&["heal", "--dry-run", "--json"]);
    dry.code(2);
    let doc = dry.json();
    assert_eq!(doc["remedies"][0]["outcome"], "would restart");
    assert!(doc["after"].is_null());
    assert_eq!(t.run(&["actions", "--json"]).json()["actions"].as_array().map(Vec::len), Some(0));
    // Dry runs record nothing, so two of them raise no alert.
    assert_eq!(t.run(&["heal", "--dry-run", "--json"]).json()["before"]["recorded"], false);
    assert_eq!(t.run(&["alerts", "--json"]).json()["alerts"], serde_json::json!([]));

    let out = t.run(&["heal", "--json"]);
    let doc = out.json();
    kill_all(&doc);
    out.code(0);
    assert_eq!(doc["before"]["status"], "critical");
    assert_eq!(doc["remedies"][0]["remedy"], "restart");
    assert_eq!(doc["remedies"][0]["outcome"], "restarted");
    assert_eq!(result(&doc["after"], "api")["status"], "ok");
}

#[test]
fn a_worker_that_cannot_start_gives_up_and_stays_critical() {
    let t = Test::new().config(
        "host_defaults = false\n\n[[monitor]]\nname = \"crashy\"\nkind = \"process\"\npattern = \"^hm-test-never\"\n\
         start = [\"false\"]\nrestart_delay = \"50ms\"\nmax_restarts = 1\n",
    );
    let doc = t.run(&["heal", "--json"]).json();
    assert_eq!(doc["remedies"][0]["outcome"], "failed");
    let out = t.run(&["heal", "--json"]);
    out.code(2);
    assert_eq!(out.json()["remedies"][0]["outcome"], "gave up");
    let out = t.run(&["check", "--json"]);
    out.code(2);
    let msg = result(&out.json(), "crashy")["message"].as_str().expect("msg").to_string();
    assert!(msg.contains("crash loop: 1 restarts in 30m; next automatic restart in 29m"), "{msg}");
}

/// Issue 26: a spent budget whose worker runs is a crash loop to watch, a
/// warning saying when hm restarts it again; critical only while it is down.
#[test]
fn issue26_a_crash_loop_is_a_warning_while_the_worker_runs_and_critical_while_down() {
    let t = Test::new().config(&format!("{}max_restarts = 1\n", worker_config("loop", "300ms")));
    let healed = t.run(&["heal", "--json"]).json();
    assert_eq!(healed["remedies"][0]["outcome"], "restarted", "{healed:#}");
    let out = t.run(&["check", "--json"]);
    let doc = out.json();
    out.code(1);
    let r = result(&doc, "loop");
    assert_eq!(r["status"], "warning", "{doc:#}");
    let msg = r["message"].as_str().expect("msg");
    assert!(msg.contains("; crash loop: 1 restarts in 30m; next automatic restart in 29m"), "{msg}");
    assert!(!msg.contains("gave up"), "{msg}");
    kill_all(&healed);
    std::thread::sleep(Duration::from_millis(100));
    let out = t.run(&["check", "--json"]);
    out.code(2);
    assert_eq!(result(&out.json(), "loop")["status"], "critical");
}

#[test]
fn two_heals_at_once_one_heals_the_other_is_locked_out() {
    let t = Test::new().config(&worker_config("slow", "3s"));
    let first = t.command(&["heal", "--json"]).stdout(std::process::Stdio::piped()).spawn().expect("spawn");
    std::thread::sleep(Duration::from_millis(700));
    let second = t.run(&["heal"]);
    second.code(3);
    assert!(second.one_line_error().contains("another hm run holds"), "{}", second.stderr);
    let out = first.wait_with_output().expect("wait");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    kill_all(&doc);
    assert_eq!(out.status.code(), Some(0), "{doc:#}");
    let actions = t.run(&["actions", "--json"]).json();
    assert_eq!(actions["actions"].as_array().map(Vec::len), Some(1), "one restart, not two");
}

#[test]
fn a_full_disk_gets_its_clean_rules() {
    let t = Test::new();
    let logs = t.path("logs");
    let old = logs.join("old.log");
    crate::common::aged_file(&old, 5000, Duration::from_secs(30 * 86_400));
    // warn = 0: any used space counts as "full", so the remedy runs.
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"data\"\nkind = \"disk\"\npath = \"{0}\"\nwarn = 0\ncrit = 100\n\n\
         [[clean]]\nname = \"logs\"\nroots = [\"{0}\"]\nglobs = [\"*.log\"]\n",
        logs.display()
    ));
    let out = t.run(&["heal", "--json"]);
    out.code(1);
    let doc = out.json();
    assert_eq!(doc["remedies"][0]["remedy"], "clean-disk");
    // Cleaned, but the disk still reads "full" (warn = 0): not healed,
    // and no `healed` event says otherwise.
    let details = doc["remedies"][0]["details"].as_str().expect("details");
    assert!(details.starts_with("1 file, 4.9 KiB; not healed: now warning: "), "{details}");
    assert_eq!(doc["healed"], serde_json::json!([]));
    assert!(!old.exists());
}

#[test]
fn too_many_workers_is_not_a_reason_to_restart() {
    let t = Test::new().config(
        "host_defaults = false\n\n[[monitor]]\nname = \"pool\"\nkind = \"process\"\npattern = \"^hm-test-heal-pool \"\n\
         max = 1\nstart = [\"false\"]\n",
    );
    let _a = crate::common::Worker::spawn("hm-test-heal-pool a");
    let _b = crate::common::Worker::spawn("hm-test-heal-pool b");
    let out = t.run(&["heal", "--json"]);
    out.code(1);
    let doc = out.json();
    assert_eq!(doc["remedies"][0]["remedy"], "none", "{doc:#}");
    assert_eq!(t.run(&["actions", "--json"]).json()["actions"].as_array().map(Vec::len), Some(0));
}
