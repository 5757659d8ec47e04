//! The committed completion scripts and man pages match the clap definition.
//! After changing the CLI, regenerate both with the one command
//! `.ci/regenerate`.

use crate::common::Test;
use std::collections::BTreeMap;
use std::path::Path;

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("read")))
        .collect()
}

fn assert_fresh(kind: &str) {
    let t = Test::new();
    let fresh = t.path(kind);
    t.run(&[kind, "--dir", fresh.to_str().expect("utf8")]).code(0);
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join(kind);
    let (want, have) = (files(&fresh), files(&committed));
    assert_eq!(
        want.keys().collect::<Vec<_>>(),
        have.keys().collect::<Vec<_>>(),
        "{kind}/ is stale: run `.ci/regenerate`"
    );
    for (name, bytes) in &want {
        assert!(have[name] == *bytes, "{kind}/{name} is stale: run `.ci/regenerate`");
    }
}

#[test]
fn completions_are_fresh() {
    assert_fresh("completions");
}

#[test]
fn man_pages_are_fresh() {
    assert_fresh("man");
}

#[test]
fn single_shell_and_page_on_stdout() {
    let t = Test::new();
    let bash = t.run(&["completions", "bash"]);
    bash.code(0);
    assert!(bash.stdout.contains("_hm()"), "{}", &bash.stdout[..200.min(bash.stdout.len())]);
    let man = t.run(&["man"]);
    man.code(0);
    assert!(man.stdout.contains(".TH hm 1"), "{}", &man.stdout[..200.min(man.stdout.len())]);
}

#[test]
fn every_subcommand_has_help_with_examples() {
    let t = Test::new();
    for sub in [
        "check",
        "status",
        "ping",
        "add",
        "remove",
        "validate",
        "clean-disk",
        "restart-worker",
        "actions",
        "completions",
        "man",
    ] {
        let out = t.run(&[sub, "--help"]);
        out.code(0);
        assert!(out.stdout.contains("Example"), "`hm {sub} --help` has no examples:\n{}", out.stdout);
    }
}

#[test]
fn issue16_completions_and_man_do_not_offer_flags_that_do_nothing_for_them() {
    let t = crate::common::Test::new();
    for sub in ["completions", "man"] {
        let out = t.run(&[sub, "--help"]);
        out.code(0);
        for flag in ["--config", "--db", "--json"] {
            assert!(!out.stdout.contains(flag), "hm {sub} --help offers {flag}:\n{}", out.stdout);
        }
        let page = std::fs::read_to_string(format!("man/hm-{sub}.1")).expect("man page");
        assert!(!page.contains("config"), "man/hm-{sub}.1 offers --config");
    }
    // They still work where they mean something.
    assert!(t.run(&["check", "--help"]).stdout.contains("--config"));
}
