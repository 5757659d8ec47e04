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
