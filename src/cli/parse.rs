//! Reading the command line: [`command`] is `Cli` as clap parses,
//! documents and completes it, and [`parse`] also says how the run's errors
//! are told ([`Told`]), from what clap read, so that even a usage error is
//! told the right way: `hm check --bogus` as a Nagios plugin, `--json` as
//! one JSON document.

use super::Cli;
use crate::engine::report::Format;
use clap::error::{ContextKind, ContextValue};
use clap::{ArgMatches, FromArgMatches, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

/// The command line as parsed, documented and completed: `Cli`, with the
/// global flags hidden where they do nothing (`completions`, `man`: no
/// config, no database, no JSON). clap propagates a global flag
/// only to subcommands that lack one of that name, so these two get
/// hidden ones of their own, of the same types.
pub(crate) fn command() -> clap::Command {
    use clap::{Arg, ArgAction, CommandFactory, value_parser};
    let mut cmd = Cli::command();
    for sub in ["completions", "man"] {
        cmd = cmd.mut_subcommand(sub, |s| {
            s.arg(Arg::new("config").long("config").value_parser(value_parser!(PathBuf)).hide(true))
                .arg(Arg::new("db").long("db").value_parser(value_parser!(PathBuf)).hide(true))
                .arg(Arg::new("json").long("json").action(ArgAction::SetTrue).hide(true))
        });
    }
    cmd
}

/// How a run's errors are reported, by subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ErrorMode {
    /// `status`, `heal`: health unknown, exit 3.
    Health,
    /// `check`: exit 3, and a Nagios plugin's `HM UNKNOWN - reason` line on
    /// stdout when stdout is not a terminal (under Nagios or NRPE).
    Check,
    /// `export --format nagios`, a Nagios plugin: exit 3 and the
    /// `HM UNKNOWN - reason` line on stdout, as the plugin guidelines say.
    Plugin,
    /// Everything else: exit 1 (2 for usage).
    Other,
}

/// How the run's errors are told: by subcommand, and whether `--json`
/// asks for them as one JSON document on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Told {
    pub mode: ErrorMode,
    pub json: bool,
}

impl Told {
    /// Whether an error means the health is unknown (exit 3).
    pub(crate) fn health(self) -> bool {
        self.mode != ErrorMode::Other
    }

    /// What clap read: the subcommand, `--format` of `export`, `--json`.
    fn of(m: &ArgMatches) -> Told {
        let json = m.try_get_one::<bool>("json").ok().flatten().copied().unwrap_or(false);
        let nagios = Format::Nagios.to_possible_value().map(|v| v.get_name().to_string());
        let mode = match m.subcommand() {
            Some(("check", _)) => ErrorMode::Check,
            // Raw, for `lenient` reads every value as text.
            Some(("export", sub))
                if sub.try_get_raw("format").ok().flatten().and_then(|mut v| v.next()).and_then(|v| v.to_str())
                    == nagios.as_deref() =>
            {
                ErrorMode::Plugin
            }
            Some(("status" | "heal", _)) => ErrorMode::Health,
            _ => ErrorMode::Other,
        };
        Told { mode, json }
    }
}

/// Parse `args` as [`command`] describes them, and say how errors are
/// told.
pub(crate) fn parse(args: &[OsString]) -> (Result<Cli, clap::Error>, Told) {
    match command().try_get_matches_from(args) {
        Ok(m) => (Cli::from_arg_matches(&m), Told::of(&m)),
        Err(e) => (Err(e), lenient(args)),
    }
}

/// What clap reads of arguments that do not parse. Every value is taken as
/// text (so no value is wrong), and each word clap names as the one it
/// stopped at (an unknown flag or subcommand, a word too many) is left out
/// and the rest read again: `hm export --bogus --format nagios --json` is
/// still `export`, `nagios` and `--json`, and a `--json` after `--` is no
/// flag. What still does not parse is read as far as it goes.
fn lenient(args: &[OsString]) -> Told {
    let cmd = as_text(command());
    let mut args = args.to_vec();
    while let Err(e) = cmd.clone().try_get_matches_from(&args) {
        let named =
            [ContextKind::InvalidArg, ContextKind::InvalidSubcommand].into_iter().find_map(|k| match e.get(k) {
                Some(ContextValue::String(word)) => Some(word.clone()),
                _ => None,
            });
        let at = named.and_then(|word| {
            args.iter()
                .skip(1)
                .position(|a| *a == *word || a.to_str().is_some_and(|a| a.starts_with(&format!("{word}="))))
        });
        match at {
            Some(i) => args.remove(i + 1),
            None => break,
        };
    }
    cmd.ignore_errors(true)
        .try_get_matches_from(&args)
        .map_or(Told { mode: ErrorMode::Other, json: false }, |m| Told::of(&m))
}

/// `cmd` with every value read as text, in every subcommand, and no
/// `--help` or `--version` flag (one is a word left out: `hm check --help`
/// is still `check`).
fn as_text(cmd: clap::Command) -> clap::Command {
    let cmd = cmd.disable_help_flag(true).disable_version_flag(true).mut_args(|a| {
        if a.get_action().takes_values() { a.value_parser(clap::builder::ValueParser::os_string()) } else { a }
    });
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    names.into_iter().fold(cmd, |cmd, name| cmd.mut_subcommand(name, as_text))
}

#[cfg(test)]
mod tests {
    use super::ErrorMode::{Check, Health, Other, Plugin};
    use super::*;

    /// How errors are told, for command lines that parse and, mostly, for
    /// ones that do not: the subcommand, `export --format nagios` and
    /// `--json` are found wherever they are, as the hand-written scan of the
    /// arguments that this replaced found them.
    #[test]
    fn issue27_clap_says_how_errors_are_told_even_when_the_arguments_do_not_parse() {
        #[rustfmt::skip]
        let cases: &[(&[&str], ErrorMode, bool)] = &[
            (&["check", "--bogus"], Check, false),
            (&["check", "--json", "--bogus"], Check, true),
            (&["--json", "check", "--bogus"], Check, true),
            (&["--config", "x", "check"], Check, false),
            (&["--config", "check", "status"], Health, false),
            (&["--config", "check", "status", "--bogus"], Health, false),
            (&["export", "--format", "nagios", "--bogus"], Plugin, false),
            (&["export", "--format=nagios", "--bogus"], Plugin, false),
            (&["--db", "x", "export", "--format", "nagios"], Plugin, false),
            (&["export", "--format", "json", "--bogus"], Other, false),
            (&["export", "--bogus", "--format", "nagios"], Plugin, false),
            (&["export", "--format", "nagios", "extra"], Plugin, false),
            (&["export", "--format"], Other, false),
            (&["export", "--format", "nagio"], Other, false),
            (&["status", "extra"], Health, false),
            (&["status", "extra", "--json"], Health, true),
            (&["heal", "--bogus", "--json"], Health, true),
            (&["heal", "api", "--dry-run", "--bogus"], Health, false),
            (&["chek"], Other, false),
            (&["chek", "--json"], Other, true),
            (&[], Other, false),
            (&["--json"], Other, true),
            (&["validate", "--json", "--nope"], Other, true),
            (&["history"], Other, false),
            (&["history", "--json"], Other, true),
            (&["alerts", "silence", "cpu", "--for", "0s", "--json"], Other, true),
            (&["run", "--interval", "0s"], Other, false),
            (&["check", "-x"], Check, false),
            (&["--config=x", "check", "--bogus"], Check, false),
            (&["add", "tcp", "x", "--bogus", "--json"], Other, true),
            (&["add", "tcp", "--json"], Other, true),
            (&["monitor", "add", "tcp", "x", "--address", "1", "--json", "--what"], Other, true),
            (&["ping", "--json"], Other, true),
            (&["status", "--format", "nagios"], Health, false),
            (&["check", "--json"], Check, true),
            (&["export", "--format", "nagios"], Plugin, false),
            (&["export", "--format=nagios", "--json"], Plugin, true),
            (&["completions", "--json"], Other, true),
            (&["completions", "bash", "--json"], Other, true),
            (&["man", "--json", "--bogus"], Other, true),
            (&["check", "--db"], Check, false),
            (&["--db", "check", "--bogus"], Other, false),
            (&["export", "--format=nagios", "--bogus"], Plugin, false),
            (&["alerts", "silence", "cpu", "--for=0s", "--json"], Other, true),
            (&["export", "--bogus=1", "--format", "nagios", "--json"], Plugin, true),
            (&["heal", "--dry-run=yes", "--json"], Health, true),
            (&["--bogus", "status", "--json"], Health, true),
            (&["check", "--help"], Check, false),
            (&["status", "-h", "--json"], Health, true),
            (&["check", "--version"], Check, false),
            (&["help", "check"], Other, false),
            (&["--version"], Other, false),
            // After `--` a word is no flag (the scan took it for one).
            (&["add", "command", "x", "--bogus", "--", "--json"], Other, false),
        ];
        for (case, mode, json) in cases {
            let args: Vec<OsString> = std::iter::once("hm").chain(case.iter().copied()).map(Into::into).collect();
            assert_eq!(parse(&args).1, Told { mode: *mode, json: *json }, "{case:?}");
        }
    }
}
