//! Security review, issue 25: observed text that anyone can choose — a
//! file name in a clean root, a heartbeat query's value, a plugin's status
//! line and perfdata, a process's command line — never reaches root's
//! terminal, a Nagios line or a Slack message as markup or control
//! characters. Real files, a real SQLite query, a real plugin, a real
//! process with ESC in its argv, a real HTTP receiver for Slack.

use crate::common::receiver::Receiver;
use crate::common::security::{q, qp};
use crate::common::{Output, Test, aged_file, result};
use std::path::Path;
use std::process::{Child, Command};
use std::time::Duration;

/// A file name that erases its own line, sets the window title and prints
/// a fake "nothing to delete" on a second line.
const NAME: &str = "a\x1b]0;pwned\x07\r\x1b[2Knothing to delete\nb.log";
const NAME_SHOWN: &str = "a\\x1b]0;pwned\\x07\\r\\x1b[2Knothing to delete\\nb.log";
/// What the plugin prints: ESC, BEL and CR in its status line, ESC in a
/// perfdata label, a CR before the line's end.
const PLUGIN: &str =
    "printf 'CRITICAL - \\033]0;title\\007bad\\rOK all fine | '\\''lab\\033[2Kel'\\''=5;10;20\\r\\n'; exit 2";
const PLUGIN_SHOWN: &str = "CRITICAL - \\x1b]0;title\\x07bad\\rOK all fine";
const LABEL_SHOWN: &str = "lab\\x1b[2Kel";
/// The heartbeat query's value: ESC and a newline.
const QUERY: &str = "SELECT 'yes' || char(27) || '[2K' || char(10) || 'HM OK - forged'";
const VALUE_SHOWN: &str = "yes\\x1b[2K\\nHM OK - forged";
/// A process's argv[0].
const ARGV0: &str = "worker\x1b[2K\rclean";
const ARGV0_SHOWN: &str = "worker\\x1b[2K\\rclean";

/// Nothing but a line's end may be a control character in text output.
#[track_caller]
fn clean(what: &str, out: &Output) {
    for (stream, text) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let bad: Vec<char> = text.chars().filter(|c| *c != '\n' && c.is_control()).collect();
        assert!(bad.is_empty(), "{what}: {stream} holds {bad:?}:\n{text:?}");
    }
}

/// A process holding `db` open (fd 3), its argv[0] [`ARGV0`].
fn holder(db: &Path) -> Child {
    let child = Command::new("bash")
        .args(["-c", "exec 3<\"$0\"; exec -a \"$1\" sleep 60", db.to_str().expect("utf8"), ARGV0])
        .spawn()
        .expect("spawn holder");
    let pid = child.id();
    for _ in 0..200 {
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        if cmdline.starts_with(ARGV0.as_bytes()) {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child
}

fn staged() -> Test {
    let t = Test::new();
    aged_file(&t.path("logs").join(NAME), 100, Duration::from_secs(3 * 86_400));
    std::fs::write(t.path("plugin.sh"), format!("{PLUGIN}\n")).expect("plugin");
    let runs = t.path("runs.db");
    rusqlite::Connection::open(&runs).and_then(|c| c.execute_batch("CREATE TABLE t (x)")).expect("db");
    let config = format!(
        "host_defaults = false\n\n[[clean]]\nname = \"logs\"\nroots = [{}]\nglobs = [\"*.log\"]\nolder_than = \"1d\"\n\n\
         [[monitor]]\nname = \"plug\"\nkind = \"command\"\ncommand = [\"/bin/sh\", {}]\n\n\
         [[monitor]]\nname = \"runs\"\nkind = \"heartbeat\"\ndatabase = {}\nquery = {}\nwarn = \"1m\"\ncrit = \"2m\"\n\n\
         [[channel]]\nname = \"log\"\nkind = \"log\"\n",
        qp(&t.path("logs")),
        qp(&t.path("plugin.sh")),
        qp(&runs),
        q(QUERY),
    );
    t.config(&config)
}

#[test]
fn issue25_observed_control_characters_print_as_visible_escapes() {
    let t = staged();
    // Twice: the alerts fire on the second failing check, and the log
    // channel writes their lines on stderr.
    for run in 0..2 {
        let out = t.run(&["check"]);
        clean("check", &out);
        assert!(out.stdout.contains(PLUGIN_SHOWN), "{}", out.stdout);
        assert!(out.stdout.contains(LABEL_SHOWN), "{}", out.stdout);
        assert!(out.stdout.contains(VALUE_SHOWN), "{}", out.stdout);
        if run == 1 {
            assert!(out.stderr.contains("hm alert firing") && out.stderr.contains(VALUE_SHOWN), "{}", out.stderr);
        }
    }
    for args in [&["status"][..], &["alerts"], &["heal", "--dry-run"]] {
        let out = t.run(args);
        clean(&args.join(" "), &out);
        for shown in [PLUGIN_SHOWN, VALUE_SHOWN] {
            // A table cell may wrap; the escape is never split in the narrow
            // non-terminal table, which does not wrap.
            assert!(out.stdout.contains(shown), "{args:?}: {shown} missing:\n{}", out.stdout);
        }
    }

    // The Nagios plugin line is one line: the query's newline cannot forge
    // a second `HM OK` line, nor a label a second perfdata.
    let out = t.run(&["export", "--format", "nagios"]);
    clean("export --format nagios", &out);
    assert_eq!(out.stdout.lines().count(), 1, "{:?}", out.stdout);
    assert!(out.stdout.starts_with("HM CRITICAL - "), "{}", out.stdout);
    assert!(out.stdout.contains(PLUGIN_SHOWN) && out.stdout.contains(VALUE_SHOWN), "{}", out.stdout);
    assert!(out.stdout.contains(&format!("'plug:{LABEL_SHOWN}'=5;10;20;;")), "{}", out.stdout);
    let out = t.run(&["export", "--format", "prometheus"]);
    clean("export --format prometheus", &out);
    assert!(out.stdout.contains("name=\"lab\\\\x1b[2Kel\""), "{}", out.stdout);

    // JSON keeps the exact characters.
    let doc = t.run(&["check", "--json"]).json();
    assert_eq!(result(&doc, "plug")["message"], "CRITICAL - \x1b]0;title\x07bad\rOK all fine");
    let runs = result(&doc, "runs")["message"].as_str().expect("message").to_string();
    assert!(runs.contains("yes\x1b[2K\nHM OK - forged"), "{runs:?}");
    assert!(result(&doc, "plug")["metrics"].as_array().expect("metrics").iter().any(|m| m["name"] == "lab\x1b[2Kel"));

    // File names: the dry run and the real one.
    let path_shown = format!("{}/{NAME_SHOWN}", t.path("logs").display());
    let dry = t.run(&["clean-disk", "--dry-run"]);
    dry.code(0);
    clean("clean-disk --dry-run", &dry);
    assert!(dry.stdout.contains(&format!("would delete {path_shown}\n")), "{}", dry.stdout);
    let json = t.run(&["clean-disk", "--dry-run", "--json"]).json();
    let removed = json["rules"][0]["removed"][0].as_str().expect("removed");
    assert!(removed.ends_with(NAME), "{removed:?}");
    let real = t.run(&["clean-disk"]);
    real.code(0);
    clean("clean-disk", &real);
    assert!(real.stdout.contains(&format!("deleted {path_shown}\n")), "{}", real.stdout);
    assert!(!t.path("logs").join(NAME).exists());
}

#[test]
fn issue25_a_command_line_with_escapes_prints_escaped() {
    let t = Test::new();
    let db = t.path("held.db");
    rusqlite::Connection::open(&db).and_then(|c| c.execute_batch("CREATE TABLE t (x)")).expect("db");
    let mut child = holder(&db);
    let out = t.run(&["clear-locks", "--dry-run", db.to_str().expect("utf8")]);
    let json = t.run(&["clear-locks", "--dry-run", "--json", db.to_str().expect("utf8")]).json();
    let _ = child.kill();
    let _ = child.wait();
    clean("clear-locks --dry-run", &out);
    assert!(out.stdout.contains(&format!("held by pid {} ({ARGV0_SHOWN} 60)", child.id())), "{}", out.stdout);
    assert_eq!(json["databases"][0]["holders"][0]["command"], format!("{ARGV0} 60"), "JSON keeps it exact");
}

#[test]
fn issue25_slack_gets_observed_markup_escaped() {
    let rx = Receiver::start();
    let t = Test::new();
    let runs = t.path("runs.db");
    rusqlite::Connection::open(&runs).and_then(|c| c.execute_batch("CREATE TABLE t (x)")).expect("db");
    let query = "SELECT '<!channel> & <https://evil.example/|Click here> ' || char(27) || '[2K'";
    let t = t.config(&format!(
        "host_defaults = false\n\n[alerts]\nhost = \"box1\"\nfor = 1\n\n\
         [[monitor]]\nname = \"runs\"\nkind = \"heartbeat\"\ndatabase = {}\nquery = {}\nwarn = \"1m\"\ncrit = \"2m\"\n\n\
         [[channel]]\nname = \"chat\"\nkind = \"slack\"\nurl = \"{}\"\n",
        qp(&runs),
        q(query),
        rx.url("/services/T0/B0/X")
    ));
    t.run(&["check"]).code(3);
    let got = rx.wait_for(1, Duration::from_secs(10));
    assert_eq!(got.len(), 1, "{got:#?}");
    let body = got[0].json();
    let attachment = &body["attachments"][0];
    let want = "&lt;!channel&gt; &amp; &lt;https://evil.example/|Click here&gt; \\x1b[2K";
    for text in [&body["text"], &attachment["fallback"], &attachment["text"]] {
        let text = text.as_str().expect("text");
        assert!(text.contains(want), "{text}");
        assert!(!text.contains(['<', '>', '\x1b']), "{text}");
    }
    assert!(!got[0].body.contains("<!channel>"), "{}", got[0].body);
}

#[test]
fn issue25_hm_run_lines_and_log_channel_lines_are_escaped() {
    let t = staged();
    let d = crate::common::daemon::Daemon::start(&t, &["run", "--interval", "1s"]);
    d.wait_for(Duration::from_secs(30), "a firing alert on the log channel", |out, err| {
        out.contains(VALUE_SHOWN) && err.matches("hm alert firing").count() >= 2
    });
    let out = Output { code: 0, stdout: d.stdout(), stderr: d.stderr() };
    drop(d);
    clean("hm run", &out);
    assert!(out.stdout.contains(PLUGIN_SHOWN), "{}", out.stdout);
    assert!(out.stderr.contains(VALUE_SHOWN) && out.stderr.contains(PLUGIN_SHOWN), "{}", out.stderr);
}
