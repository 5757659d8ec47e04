//! Issue 16: edits of hm.toml from many shells at once never lose each
//! other, a symlinked config is edited where it leads and keeps its owner,
//! group and mode, and the header `hm add` wrote survives `hm remove`.

use crate::common::{Test, is_root};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::process::Stdio;

fn names(t: &Test) -> Vec<String> {
    let doc = t.run(&["list", "--json"]).json();
    doc["monitors"]
        .as_array()
        .expect("monitors")
        .iter()
        .filter(|m| m["origin"] != "default" && m["origin"] != "embedded")
        .filter_map(|m| m["name"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn issue16_twenty_concurrent_adds_then_removes_all_land() {
    let t = Test::new().config("host_defaults = false\n");
    let spawn = |args: Vec<String>| {
        t.command(&args.iter().map(String::as_str).collect::<Vec<_>>())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("hm")
    };
    let adds: Vec<_> = (0..20).map(|i| spawn(vec!["add".into(), "load".into(), format!("l{i}")])).collect();
    let mut added = Vec::new();
    for (i, child) in adds.into_iter().enumerate() {
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success(), "add l{i}: {}", String::from_utf8_lossy(&out.stderr));
        added.push(format!("l{i}"));
    }
    let mut have = names(&t);
    have.sort();
    added.sort();
    assert_eq!(have, added, "every add that said so is in the file");
    let removes: Vec<_> = (0..20).step_by(2).map(|i| spawn(vec!["remove".into(), format!("l{i}")])).collect();
    for child in removes {
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let mut have = names(&t);
    have.sort();
    let mut odd: Vec<String> = (1..20).step_by(2).map(|i| format!("l{i}")).collect();
    odd.sort();
    assert_eq!(have, odd, "every remove that said so is out of the file");
    t.run(&["validate"]).code(0);
}

#[test]
fn issue16_a_symlinked_config_is_edited_where_it_leads_keeping_owner_group_and_mode() {
    let t = Test::new();
    let real = t.path("repo/hm.toml");
    std::fs::create_dir_all(real.parent().expect("dir")).expect("mkdir");
    std::fs::write(&real, "host_defaults = false\n").expect("write");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    if is_root() {
        // root:daemon 0640, as a packaged config often is.
        nix::unistd::chown(&real, Some(0.into()), Some(1.into())).expect("chown");
    }
    let link = t.config_path();
    std::fs::create_dir_all(link.parent().expect("dir")).expect("mkdir");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    t.run(&["add", "load", "viaLink".to_lowercase().as_str()]).code(0);
    assert!(std::fs::symlink_metadata(&link).expect("link").file_type().is_symlink(), "the link stays a link");
    assert!(std::fs::read_to_string(&real).expect("read").contains("name = \"vialink\""), "the target was edited");
    let meta = std::fs::metadata(&real).expect("meta");
    assert_eq!(meta.mode() & 0o7777, 0o640);
    if is_root() {
        assert_eq!((meta.uid(), meta.gid()), (0, 1), "owner and group kept");
    }
    t.run(&["remove", "vialink"]).code(0);
    assert!(std::fs::symlink_metadata(&link).expect("link").file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&real).expect("read"), "host_defaults = false\n");
    // A config with another hard link would be split by a replace: refused.
    std::fs::hard_link(&real, t.path("repo/copy.toml")).expect("link");
    let out = t.run(&["add", "load", "x"]);
    out.code(1);
    assert!(out.one_line_error().contains("hard links"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&real).expect("read"), "host_defaults = false\n", "unchanged");
}

#[test]
fn issue16_removing_the_first_monitor_keeps_the_header_hm_add_wrote() {
    let t = Test::new();
    t.run(&["add", "load", "first"]).code(0);
    t.run(&["add", "load", "second"]).code(0);
    let before = std::fs::read_to_string(t.config_path()).expect("read");
    let header = before.lines().next().expect("a line").to_string();
    assert!(header.starts_with("# hm configuration"), "{before}");
    t.run(&["remove", "first"]).code(0);
    let after = std::fs::read_to_string(t.config_path()).expect("read");
    assert!(after.starts_with(&format!("{header}\n\n[[monitor]]\nname = \"second\"")), "{after}");
    t.run(&["remove", "second"]).code(0);
    let after = std::fs::read_to_string(t.config_path()).expect("read");
    assert!(after.starts_with(&header), "{after}");
    // A comment right above a table (no blank line between) goes with it.
    std::fs::write(t.config_path(), "# the api\n[[monitor]]\nname = \"api\"\nkind = \"load\"\n").expect("write");
    t.run(&["remove", "api"]).code(0);
    assert!(!std::fs::read_to_string(t.config_path()).expect("read").contains("the api"));
}

#[test]
fn issue16_an_edit_of_a_broken_config_names_its_file_and_line() {
    let text = "interval = \"30s\"\n[[monitor]\nname = \"x\"\n";
    let t = Test::new().config(text);
    for args in [&["add", "load", "y"][..], &["remove", "x"]] {
        let out = t.run(args);
        out.code(1);
        let err = out.one_line_error();
        let at = format!("{}:2: unclosed array table", t.config_path().display());
        assert!(err.contains(&at), "{args:?}: {err}");
        assert_eq!(std::fs::read_to_string(t.config_path()).expect("read"), text, "untouched");
    }
}
