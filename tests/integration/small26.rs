//! Issue 26, section 9: the smaller faults, each with its test (words,
//! output formats, `hm add`'s paths and file endings, `--help` on a full
//! disk, the locked database's warning of `hm heal`).

use crate::common::Test;
use std::os::unix::fs::PermissionsExt;

#[test]
fn issue26_a_group_writable_config_says_its_group() {
    let t = Test::new().config("host_defaults = false\n");
    let c = t.config_path();
    let c = c.to_str().expect("utf8");
    for (mode, who) in [(0o664, "its group (mode 664)"), (0o646, "others (mode 646)"), (0o666, "its group and others")]
    {
        std::fs::set_permissions(t.config_path(), std::fs::Permissions::from_mode(mode)).expect("chmod");
        let out = t.run(&["--config", c, "check"]);
        assert!(out.one_line_error().contains(&format!("writable by {who}")), "{mode:o}: {}", out.stderr);
    }
}

#[test]
fn issue26_help_that_cannot_be_written_fails() {
    let t = Test::new();
    for args in [&["--help"][..], &["--version"], &["add", "tmux", "--help"], &["check", "--help"]] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
        let out = t.command(args).stdout(full).output().expect("hm");
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write output"), "{args:?}");
    }
    t.run(&["--help"]).code(0);
}

#[test]
fn issue26_hm_add_refuses_a_path_that_is_not_utf8_as_it_refuses_such_a_name() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let t = Test::new().config("host_defaults = false\n");
    let before = std::fs::read(t.config_path()).expect("config");
    let bad = OsStr::from_bytes(b"/tmp/job\xff.sock");
    for (args, flag) in [
        (&["add", "tmux", "t"][..], "--socket"),
        (&["add", "disk", "d"], "--path"),
        (&["add", "workspace", "w", "--path", "/srv"], "--required"),
        (&["add", "tmux"], ""),
    ] {
        let mut cmd = t.command(args);
        if flag.is_empty() {
            // The name itself: what a path now gets too.
            cmd.arg(OsStr::from_bytes(b"n\xff"));
        } else {
            cmd.arg(flag).arg(bad);
        }
        let out = cmd.output().expect("hm");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stderr).contains("invalid UTF-8"), "{args:?}");
    }
    // Before the fix: `socket = "/tmp/job\u{fffd}.sock"`, then "does not exist".
    assert_eq!(std::fs::read(t.config_path()).expect("config"), before, "nothing written");
}

#[test]
fn issue26_hm_add_keeps_crlf_line_endings_and_a_bom() {
    let t = Test::new().config("\u{feff}# written on Windows\r\n\r\nhost_defaults = false\r\n");
    let c = t.config_path();
    let c = c.to_str().expect("utf8");
    t.run(&["--config", c, "add", "tmux", "a", "--session", "a"]).code(0);
    t.run(&["--config", c, "add", "tmux", "b", "--session", "b"]).code(0);
    t.run(&["--config", c, "monitor", "remove", "a"]).code(0);
    let text = std::fs::read_to_string(c).expect("config");
    // Before the fix: no BOM, and every line ended in a bare `\n`.
    assert!(text.starts_with("\u{feff}# written on Windows\r\n\r\nhost_defaults = false\r\n"), "{text:?}");
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count(), "{text:?}");
    assert_eq!(text.matches("# written on Windows").count(), 1, "{text:?}");
    assert!(text.contains("name = \"b\"\r\n") && !text.contains("name = \"a\""), "{text:?}");
    assert!(t.run(&["--config", c, "validate"]).stdout.contains("valid, 1 monitor\n"));
    // A file of `\n` stays so.
    let t = Test::new().config("host_defaults = false\n");
    t.run(&["add", "tmux", "a", "--session", "a"]).code(0);
    assert!(!std::fs::read_to_string(t.config_path()).expect("config").contains('\r'));
}

#[test]
fn issue26_heal_with_the_database_locked_says_so_on_stderr_as_check_does() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    if !crate::common::have_tool("sqlite3") {
        return;
    }
    let t = Test::new()
        .config("host_defaults = false\n\n[[monitor]]\nname = \"p\"\nkind = \"command\"\ncommand = [\"true\"]\n");
    t.run(&["check"]).code(0);
    // Another writer: a real sqlite3 shell holding an exclusive transaction.
    let mut holder = Command::new("sqlite3").arg(t.db_path()).stdin(Stdio::piped()).spawn().expect("sqlite3");
    let mut stdin = holder.stdin.take().expect("stdin");
    stdin.write_all(b"BEGIN EXCLUSIVE;\nSELECT 1;\n").expect("begin");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let check = t.run(&["check"]);
    let heal = t.run(&["heal"]);
    drop(stdin);
    let _ = holder.wait();
    let warning = |out: &crate::common::Output| {
        out.stderr.lines().filter(|l| l.starts_with("hm: warning: ") && l.contains("database is locked")).count()
    };
    assert_eq!(warning(&check), 1, "check: {}", check.stderr);
    // Before the fix heal said nothing on stderr.
    assert_eq!(warning(&heal), 1, "heal: {}", heal.stderr);
}

#[test]
fn issue26_below_60_columns_a_table_is_a_list_and_outside_utf8_its_borders_are_ascii() {
    let config = "host_defaults = false\n\n[[monitor]]\nname = \"p\"\nkind = \"command\"\ncommand = [\"true\"]\n";
    let narrow = Test::new().config(config).env("COLUMNS", "50").env("LC_ALL", "C.UTF-8");
    let out = narrow.run(&["check"]);
    assert!(
        out.stdout.starts_with("monitor: p\nkind: command\nstatus: ok\nmessage: no output (exit 0)\nfigures:\n"),
        "{}",
        out.stdout
    );
    let ascii = Test::new().config(config).env("COLUMNS", "120").env("LC_ALL", "C");
    let out = ascii.run(&["check"]);
    assert!(out.stdout.starts_with("+---") && out.stdout.is_ascii(), "{}", out.stdout);
    let utf8 = Test::new().config(config).env("COLUMNS", "120").env("LC_ALL", "en_US.UTF-8");
    assert!(utf8.run(&["check"]).stdout.starts_with("┌─"));
}
