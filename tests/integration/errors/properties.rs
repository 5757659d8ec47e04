//! Issue 16, "close the class": the CLI as a whole, with generated argv in
//! a temp HOME. Any input gives exit 0–3, one document or line on stderr
//! at most, and never a panic (101). `run` and `serve` are left out (they
//! loop until stopped: their flags are checked in errors.rs), and every
//! command that could act on the host gets `--dry-run`.

use crate::common::Test;
use proptest::prelude::*;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;

/// A word: a flag, a value hm's parsers must refuse or take, or garbage.
fn word() -> impl Strategy<Value = OsString> {
    let words: Vec<&'static str> = vec![
        "--json",
        "--bogus",
        "--config",
        "--db",
        "--for",
        "--since",
        "--points",
        "--format",
        "nagios",
        "json",
        "prometheus",
        "--older-than",
        "--glob",
        "--rule",
        "--duration",
        "--fail",
        "--create",
        "--all",
        "--min",
        "--max",
        "--pattern",
        "--process",
        "--warn",
        "--crit",
        "--timeout",
        "--interval",
        "--url",
        "--path",
        "--session",
        "--stuck-after",
        "cpu",
        "load",
        "disk",
        "api",
        "x",
        "",
        " ",
        "-",
        "--",
        "0",
        "-1",
        "1e300",
        "nan",
        "inf",
        "18446744073709551615s",
        "8000y",
        "0s",
        "1ns",
        "5m",
        "..",
        ".",
        "/",
        "/etc",
        "/dev/zero",
        "a{99999999}",
        "(",
        "Bad Name",
        "ünïcödé",
        "💥",
        "%s%n",
        "$(id)",
        "'",
        "\"",
    ];
    prop_oneof![
        8 => prop::sample::select(words).prop_map(OsString::from),
        1 => ".{0,300}".prop_map(|s| OsString::from(s.replace('\0', ""))),
        1 => prop::collection::vec(any::<u8>().prop_filter("no NUL in argv", |b| *b != 0), 0..20).prop_map(OsString::from_vec),
    ]
}

/// A subcommand that only looks, or acts only with `--dry-run`.
fn command() -> impl Strategy<Value = Vec<&'static str>> {
    prop::sample::select(vec![
        vec!["check"],
        vec!["status"],
        vec!["validate"],
        vec!["list"],
        vec!["export"],
        vec!["history"],
        vec!["actions"],
        vec!["alerts"],
        vec!["alerts", "outbox"],
        vec!["alerts", "silence"],
        vec!["alerts", "ack"],
        vec!["ping"],
        vec!["add", "load"],
        vec!["add", "process"],
        vec!["add", "http"],
        vec!["add", "tmux"],
        vec!["remove"],
        vec!["heal", "--dry-run"],
        vec!["clean-disk", "--dry-run"],
        vec!["clear-locks", "--dry-run"],
        vec!["restart-worker", "--dry-run"],
        vec!["completions"],
        vec!["man"],
        vec![],
    ])
}

proptest! {
    // No regression files: a failure prints its minimal argv, which
    // becomes a named test of its own.
    #![proptest_config(ProptestConfig { cases: 160, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_argv_gives_an_exit_code_of_0_to_3_and_never_a_panic(cmd in command(), words in prop::collection::vec(word(), 0..5)) {
        let t = Test::new().config("host_defaults = false\n\n[[monitor]]\nname = \"l\"\nkind = \"load\"\n");
        let mut args: Vec<OsString> = cmd.iter().map(OsString::from).collect();
        args.extend(words);
        // `--dry-run` goes last too, so a generated word cannot end it.
        if cmd.contains(&"--dry-run") {
            args.push("--dry-run".into());
        }
        let out = t.command(&[]).args(&args).stdin(std::process::Stdio::null()).output().expect("run hm");
        let stderr = String::from_utf8_lossy(&out.stderr);
        prop_assert!(!stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"), "{args:?}: {stderr}");
        let code = out.status.code();
        prop_assert!(matches!(code, Some(0..=3)), "{args:?}: exit {code:?}\n{stderr}");
    }
}
