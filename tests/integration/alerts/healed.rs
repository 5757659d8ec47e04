//! `healed` events (issue 15, part 3): what hm fixed reaches people even when
//! no alert fired, channels choose their events, and a `command` channel
//! may run hm itself while `hm heal` or `hm run --heal` delivers. Real
//! workers, a real HTTP receiver on 127.0.0.1, the real binary.

use crate::common::Test;
use crate::common::daemon::Daemon;
use crate::common::receiver::Receiver;
use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

/// SIGKILL every process whose argv\[0\] starts with `prefix` (the workers
/// hm started: they outlive it on purpose), or that is still the bash
/// about to become one (its command line holds [`started`]).
pub(super) fn kill_workers(prefix: &str) {
    let bash = format!("'{}'", started(prefix));
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else { continue };
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        if cmdline.starts_with(prefix.as_bytes()) || cmdline.windows(bash.len()).any(|w| w == bash.as_bytes()) {
            let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL);
        }
    }
}

/// Kills the workers of a test however it ends.
pub(super) struct Reaper(pub(super) &'static str);

impl Drop for Reaper {
    fn drop(&mut self) {
        kill_workers(self.0);
    }
}

/// A URL with a password on a start command line (bash's `$0`).
const DB_URL: &str = "postgres://app:SECRETPW@db/app";

/// What a monitor of a worker started as `bash -c "exec -a '{prefix} run' ..."`
/// matches: the worker from the moment hm's start returns (bash's own
/// command line holds it), not only once bash has exec'd `sleep`
/// ([`crate::common::renamed`]).
pub(super) fn started(prefix: &str) -> String {
    crate::common::renamed::pattern(&format!("{prefix} run"))
}

/// A process monitor `api` whose worker is `prefix`, not running yet; an
/// alert would take two failing checks (`for = 2`).
fn worker(prefix: &str, channels: &str) -> String {
    format!(
        "host_defaults = false\n\n[alerts]\nhost = \"box1\"\nfor = 2\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\n\
         pattern = \"{pattern}\"\nstart = [\"bash\", \"-c\", \"exec -a '{prefix} run' sleep 60\", \"{DB_URL}\"]\n\
         restart_delay = \"300ms\"\n\n{channels}",
        pattern = started(prefix)
    )
}

fn webhook(name: &str, url: &str, extra: &str) -> String {
    format!("[[channel]]\nname = \"{name}\"\nkind = \"webhook\"\nurl = \"{url}\"\n{extra}\n")
}

#[test]
fn a_restarted_worker_is_told_once_as_healed_though_no_alert_fired() {
    let _reaper = Reaper("hm-test-healed-api");
    let (all, alerts_only, pd) = (Receiver::start(), Receiver::start(), Receiver::start());
    let channels = format!(
        "{}{}[[channel]]\nname = \"pd\"\nkind = \"pagerduty\"\nrouting_key = \"KEY\"\nurl = \"{}\"\n\
         events = [\"firing\", \"resolved\", \"healed\"]\n",
        webhook("hook", &all.url("/hook"), ""),
        webhook("alerts-only", &alerts_only.url("/hook"), "events = [\"firing\", \"resolved\"]"),
        pd.url("/v2/enqueue")
    );
    let t = Test::new().config(&worker("hm-test-healed-api", &channels));

    // A dry run changes nothing, so it tells nothing.
    t.run(&["heal", "--dry-run"]).code(2);
    assert!(all.requests().is_empty(), "a dry run sent {:?}", all.requests());

    let out = t.run(&["heal", "--json"]);
    out.code(0);
    let doc = out.json();
    assert_eq!(doc["remedies"][0]["outcome"], "restarted", "{doc:#}");
    assert_eq!(doc["before"]["alerts"], serde_json::json!([]), "no alert fired: {doc:#}");
    assert_eq!(doc["before"]["pending_alerts"][0]["monitor"], "api");
    assert_eq!(doc["healed"][0]["channels"], serde_json::json!(["hook", "pd"]), "{doc:#}");
    assert_eq!(doc["notifications"]["delivered"], 2, "{doc:#}");

    let got = all.requests();
    assert_eq!(got.len(), 1, "exactly one event: {got:?}");
    let n = got[0].json();
    assert_eq!(n["version"], 1);
    assert_eq!(n["event"], "healed");
    assert_eq!(n["monitor"], "api");
    assert_eq!(n["kind"], "process");
    assert_eq!(n["host"], "box1");
    assert_eq!(n["severity"], "critical");
    assert_eq!(n["dedup_key"], "hm/box1/api");
    assert_eq!(n["heal"]["remedy"], "restart");
    assert_eq!(n["heal"]["outcome"], "restarted");
    assert_eq!(n["heal"]["before"]["status"], "critical");
    assert!(n["heal"]["before"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{n:#}");
    assert_eq!(n["heal"]["after"]["status"], "ok", "{n:#}");
    assert!(n["heal"]["after"]["message"].as_str().is_some_and(|m| m.contains("running")), "{n:#}");
    assert!(n["at"].as_str().is_some_and(|a| a.ends_with('Z')), "{n:#}");
    // The details say what was started, without the password of its URL.
    let details = n["heal"]["details"].as_str().unwrap_or_default();
    assert!(details.contains("postgres://app:…@db/app") && !got[0].body.contains("SECRETPW"), "{n:#}");
    assert!(alerts_only.requests().is_empty(), "`events` without healed: {:?}", alerts_only.requests());
    // PagerDuty has no `healed` alert: it gets a Change Event, which never pages.
    let got = pd.requests();
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].path, "/v2/change/enqueue");
    let c = got[0].json();
    assert_eq!(c["routing_key"], "KEY");
    assert!(c["payload"]["summary"].as_str().is_some_and(|s| s.starts_with("[HEALED] api on box1")), "{c:#}");
    assert_eq!(c["payload"]["custom_details"]["heal"]["remedy"], "restart");

    // Healthy now: nothing to heal, nothing more to tell.
    t.run(&["heal"]).code(0);
    assert_eq!(all.requests().len(), 1);
    assert!(alerts_only.requests().is_empty());
    assert_eq!(pd.requests().len(), 1);
}

#[test]
fn a_disk_cleaned_is_told_with_the_bytes_freed_and_a_clean_that_freed_nothing_is_not() {
    // `healed` only when the disk is ok after: a small tmpfs,
    // so deleting one file takes it from warning back to ok.
    if !crate::common::is_root() {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI runs as root: this test must run");
        eprintln!(
            "SKIPPED a_disk_cleaned_is_told_with_the_bytes_freed_and_a_clean_that_freed_nothing_is_not: needs root"
        );
        return;
    }
    let rx = Receiver::start();
    let t = Test::new();
    let logs = t.path("logs");
    std::fs::create_dir_all(&logs).expect("mkdir");
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs"])
        .arg(&logs)
        .status()
        .is_ok_and(|s| s.success());
    assert!(mounted, "mount a tmpfs");
    struct Unmount(std::path::PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(logs.clone());
    let old = logs.join("old.log");
    crate::common::aged_file(&old, 700_000, Duration::from_secs(30 * 86_400));
    let t = t.config(&format!(
        "host_defaults = false\n\n[alerts]\nhost = \"box1\"\nfor = 5\n\n[[monitor]]\nname = \"data\"\nkind = \"disk\"\n\
         path = \"{0}\"\nwarn = 50\ncrit = 95\n\n[[clean]]\nname = \"logs\"\nroots = [\"{0}\"]\nglobs = [\"*.log\"]\n\n{1}",
        logs.display(),
        webhook("hook", &rx.url("/hook"), "")
    ));
    t.run(&["heal", "--json"]).code(0);
    let got = rx.requests();
    assert_eq!(got.len(), 1, "{got:?}");
    let n = got[0].json();
    assert_eq!(n["event"], "healed");
    assert_eq!(n["monitor"], "data");
    assert_eq!(n["severity"], "warning");
    assert_eq!(n["heal"]["remedy"], "clean-disk");
    assert_eq!(n["heal"]["outcome"], "cleaned");
    assert_eq!(n["heal"]["bytes_freed"], 700_000, "{n:#}");
    assert_eq!(n["heal"]["files_deleted"], 1, "{n:#}");
    assert_eq!(n["heal"]["after"]["status"], "ok", "{n:#}");

    // Full again, of a young file: the rules run and delete nothing.
    std::fs::write(logs.join("young.log"), vec![b'x'; 700_000]).expect("young");
    let doc = t.run(&["heal", "--json"]).json();
    let details = doc["remedies"][0]["details"].as_str().expect("details");
    assert!(details.starts_with("0 files, 0 B; not healed: now warning: "), "{doc:#}");
    assert_eq!(doc["healed"], serde_json::json!([]), "{doc:#}");
    assert_eq!(rx.requests().len(), 1, "a clean that freed nothing is no news");
}

/// A `command` channel script that runs hm (`what`: `ping` or `restart`),
/// notes `what event exit-code` in `marks` and exits with hm's code.
fn script(t: &Test, marks: &std::path::Path) -> std::path::PathBuf {
    let path = t.path("notify.sh");
    let text = format!(
        "#!/bin/sh\ncat > /dev/null\ncase \"$1\" in\n  ping) '{hm}' ping healed-seen --create; rc=$? ;;\n  \
         restart) '{hm}' restart-worker api > /dev/null; rc=$? ;;\nesac\necho \"$1 $HM_EVENT $HM_REMEDY $rc\" >> '{}'\nexit $rc\n",
        marks.display(),
        hm = env!("CARGO_BIN_EXE_hm"),
    );
    std::fs::write(&path, text).expect("script");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

fn command_channels(script: &std::path::Path) -> String {
    ["ping", "restart"]
        .iter()
        .map(|what| {
            format!(
                "[[channel]]\nname = \"run-{what}\"\nkind = \"command\"\ncommand = [\"{}\", \"{what}\"]\ntimeout = \"20s\"\n\n",
                script.display()
            )
        })
        .collect()
}

fn sorted_marks(marks: &std::path::Path) -> Vec<String> {
    let mut lines: Vec<String> =
        std::fs::read_to_string(marks).unwrap_or_default().lines().map(str::to_string).collect();
    lines.sort();
    lines
}

/// Issue 15: a command channel that calls hm runs once `hm heal` has let
/// go of the run lock: run while it was held, `hm restart-worker` would
/// wait and fail, and the delivery with it.
#[test]
fn a_command_channel_may_run_hm_while_hm_heal_delivers() {
    let _reaper = Reaper("hm-test-healed-cmd");
    let t = Test::new();
    let marks = t.path("marks");
    let channels = command_channels(&script(&t, &marks));
    let t = t.config(&worker("hm-test-healed-cmd", &channels));

    let out = t.run(&["heal", "--json"]);
    out.code(0);
    let doc = out.json();
    assert_eq!(doc["remedies"][0]["outcome"], "restarted", "{doc:#}");
    assert_eq!(doc["notifications"]["delivered"], 2, "{doc:#}");
    assert_eq!(doc["notifications"]["failed"], serde_json::json!([]), "{doc:#}");
    assert_eq!(sorted_marks(&marks), ["ping healed restart 0", "restart healed restart 0"]);

    let outbox = t.run(&["alerts", "outbox", "--all", "--json"]).json();
    let rows = outbox["notifications"].as_array().expect("rows");
    assert_eq!(rows.len(), 2, "{outbox:#}");
    for r in rows {
        assert_eq!(r["event"], "healed", "{outbox:#}");
        assert!(r["delivered_at"].is_string() && r["last_error"].is_null(), "{outbox:#}");
        assert_eq!(r["attempts"], 1, "{outbox:#}");
    }
    // The channel's own hm calls did their work.
    let actions = t.run(&["actions", "--json"]).json();
    assert_eq!(actions["actions"].as_array().map(Vec::len), Some(2), "heal's restart and the channel's: {actions:#}");
}

/// The same under `hm run --heal`, whose cycles heal the same way.
#[test]
fn a_command_channel_may_run_hm_while_hm_run_heals() {
    let _reaper = Reaper("hm-test-healed-loop");
    let t = Test::new();
    let marks = t.path("marks");
    let channels = command_channels(&script(&t, &marks));
    let t = t.config(&worker("hm-test-healed-loop", &channels));
    let mut hm = Daemon::start(&t, &["run", "--heal", "--interval", "1h", "--json"]);
    let start = std::time::Instant::now();
    while sorted_marks(&marks).len() < 2 && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(50));
    }
    hm.signal(nix::sys::signal::Signal::SIGTERM);
    let _ = hm.wait_exit(Duration::from_secs(5));
    assert_eq!(
        sorted_marks(&marks),
        ["ping healed restart 0", "restart healed restart 0"],
        "stdout:\n{}\nstderr:\n{}",
        hm.stdout(),
        hm.stderr()
    );
}

/// The seed daemons' flow (a), end to end: an orchestrator alive but
/// stalled (its heartbeat file 11 minutes old) is restarted by `hm heal`,
/// and the webhook hears of it as `healed`, though no alert fired.
#[test]
fn a_stalled_orchestrator_is_restarted_and_not_told_healed_while_its_beat_is_old() {
    let prefix = "hm-test-healed-orch";
    let _reaper = Reaper(prefix);
    let rx = Receiver::start();
    let t = Test::new();
    let beat = t.path("last-beat");
    crate::common::aged_file(&beat, 0, Duration::from_secs(11 * 60));
    let text = format!(
        "host_defaults = false\n\n[alerts]\nhost = \"box1\"\nfor = 2\n\n[[monitor]]\nname = \"orchestrator\"\nkind = \"process\"\n\
         pattern = \"{}\"\nstart = [\"bash\", \"-c\", \"exec -a '{prefix} run' sleep 60\"]\nrestart_delay = \"300ms\"\n\n\
         [[monitor]]\nname = \"orchestrator-beat\"\nkind = \"heartbeat\"\nfile = \"{}\"\nwarn = \"5m\"\ncrit = \"10m\"\n\
         worker = \"orchestrator\"\n\n{}",
        started(prefix),
        beat.display(),
        webhook("ops", &rx.url("/hook"), "")
    );
    let t = t.config(&text);
    // Alive (started outside hm, long ago as far as hm knows): only the
    // heartbeat is wrong.
    let _alive = crate::common::Worker::spawn(&format!("{prefix} run"));
    let first = t.run(&["check", "--json"]).json();
    let pid_before = crate::common::result(&first, "orchestrator")["message"].as_str().unwrap_or("").to_string();
    assert_eq!(crate::common::result(&first, "orchestrator")["status"], "ok", "{first:#}");
    assert_eq!(crate::common::result(&first, "orchestrator-beat")["status"], "critical", "{first:#}");
    let before_requests = rx.requests().len();

    let out = t.run(&["heal", "--json"]);
    let doc = out.json();
    let remedy = doc["remedies"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["outcome"] == "restarted"))
        .unwrap_or_else(|| panic!("no restart: {doc:#}"));
    assert!(remedy["details"].as_str().is_some_and(|d| d.contains("orchestrator-beat critical")), "{doc:#}");
    let after = t.run(&["check", "--json"]).json();
    let pid_after = crate::common::result(&after, "orchestrator")["message"].as_str().unwrap_or("").to_string();
    assert_ne!(pid_before, pid_after, "a new orchestrator process: {after:#}");

    // Restarted, but its heartbeat is still the old one: not healed yet,
    // so no `healed`; the heal's line says so.
    assert!(remedy["details"].as_str().is_some_and(|d| d.contains("not healed: now critical")), "{doc:#}");
    let healed: Vec<serde_json::Value> =
        rx.requests()[before_requests..].iter().map(|r| r.json()).filter(|n| n["event"] == "healed").collect();
    assert_eq!(healed, Vec::<serde_json::Value>::new());
}
