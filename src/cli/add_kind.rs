//! `hm add KIND`'s clap subcommands, built from the registry: each kind's
//! flags are plain data next to the kind (`config::kinds::Flag`), and this
//! is the one place that turns them into clap arguments and, once parsed,
//! into a `config::NewMonitor`. A new kind needs no edit here.

use super::add::NAME_HELP;
use crate::config::NewMonitor;
use crate::config::kinds::flag::{COMMON, Flag, Form};
use crate::config::kinds::{self, Kind};
use clap::{Arg, ArgAction, ArgMatches, Command, ValueHint, value_parser};
use std::path::PathBuf;

/// `hm add KIND`: its NAME, its own flags under its heading, then the
/// flags every kind takes.
pub(super) fn command(kind: &'static Kind) -> Command {
    let add = &kind.add;
    let cmd = Command::new(kind.name)
        .about(add.about)
        .long_about(None)
        .after_help(add.examples)
        .arg(Arg::new("name").value_name("NAME").help(NAME_HELP).required(true).value_parser(value_parser!(String)))
        .next_help_heading(add.heading)
        .args(add.flags.iter().map(arg))
        .next_help_heading("Every kind");
    cmd.args(COMMON.iter().map(arg))
}

/// The clap argument of one flag.
fn arg(flag: &Flag) -> Arg {
    let mut arg = Arg::new(flag.key).help(flag.help).allow_hyphen_values(flag.dashes);
    if flag.form == Form::Argv {
        // The words after `--`: a positional, listed with NAME.
        return arg.value_name(flag.value).num_args(1..).last(true).required(true).help_heading(None::<&str>);
    }
    arg = arg.long(flag.key.replace('_', "-"));
    if let Some(key) = flag.requires {
        arg = arg.requires(key);
    }
    if flag.form != Form::Switch {
        arg = arg.value_name(flag.value);
    }
    match flag.form {
        Form::Text | Form::Number | Form::CommandLine => arg.value_parser(value_parser!(String)),
        // Paths are written into hm.toml, which is UTF-8: one that is not
        // is refused as a name is, not turned into U+FFFD (a file that then
        // "does not exist"). Completion still offers paths.
        Form::Path => arg.value_parser(value_parser!(String)).value_hint(ValueHint::AnyPath),
        Form::Float => arg.value_parser(value_parser!(f64)),
        Form::Count => arg.value_parser(value_parser!(u32)),
        Form::Bool => arg.value_parser(value_parser!(bool)),
        Form::Switch => arg.action(ArgAction::SetTrue),
        Form::Texts | Form::Argv => arg.value_parser(value_parser!(String)).action(ArgAction::Append),
        Form::Paths => arg.value_parser(value_parser!(String)).value_hint(ValueHint::AnyPath).action(ArgAction::Append),
        Form::Codes => arg.value_parser(value_parser!(u16)).action(ArgAction::Append),
    }
}

/// The monitor `matches` (of `hm add KIND`) describe: each flag given
/// becomes its key, in the order the kind lists its flags, then the
/// keys every kind takes. A command line that does not split is an error.
pub(super) fn monitor(kind: &'static Kind, m: &ArgMatches) -> anyhow::Result<NewMonitor> {
    let name = m.get_one::<String>("name").cloned().unwrap_or_default();
    let mut new = NewMonitor::new(kind.name, name);
    // `--shell` keeps a command whole for `sh -c` (and is a key of its own).
    let shell = kind.add.flags.iter().any(|f| f.key == "shell" && f.form == Form::Switch) && m.get_flag("shell");
    for flag in kind.add.flags.iter().chain(COMMON) {
        set(&mut new, flag, m, shell)?;
    }
    Ok(new)
}

/// Write one flag's value, if given, as its key.
fn set(new: &mut NewMonitor, flag: &Flag, m: &ArgMatches, shell: bool) -> anyhow::Result<()> {
    let key = flag.key;
    let text = || m.get_one::<String>(key).cloned();
    let texts = || m.get_many::<String>(key).map_or_else(Vec::new, |v| v.cloned().collect::<Vec<_>>());
    match flag.form {
        Form::Text => new.text(key, text()),
        Form::Path => new.path(key, m.get_one::<String>(key).map(PathBuf::from)),
        Form::Number => new.number(key, text()),
        Form::Float => new.number(key, m.get_one::<f64>(key)),
        Form::Count => new.number(key, m.get_one::<u32>(key)),
        Form::Bool => new.boolean(key, m.get_one::<bool>(key).copied()),
        Form::Switch => new.switch(key, m.get_flag(key)),
        Form::Texts => new.list(key, texts()),
        Form::Paths => new.list(key, texts()),
        Form::Codes => {
            new.list(key, m.get_many::<u16>(key).map_or_else(Vec::new, |v| v.map(|c| i64::from(*c)).collect()))
        }
        Form::CommandLine => new.command_line(key, text(), shell)?,
        Form::Argv => new.argv(key, flag.value, texts(), shell),
    };
    Ok(())
}

/// `hm add`'s subcommands: one per kind of the registry.
pub(super) fn commands() -> impl Iterator<Item = Command> {
    kinds::ALL.iter().copied().map(command)
}
