//! `hm completions`: shell completion scripts generated from the clap
//! definition. The committed copies under `completions/` are checked fresh
//! by a test.
//!
//! clap's static scripts know flags and subcommands, not what hm.toml
//! names. So the bash and fish scripts get a hook that, where a monitor or
//! a channel is typed ([`NAMED`]), asks the hidden `hm __names` ([`names`])
//! of the config in force: the `--config` on the line, else `HM_CONFIG`,
//! else the default path. clap_complete's own dynamic engine would do it
//! too, but only behind its `unstable-dynamic` feature (outside semver),
//! and its candidate callbacks do not see the rest of the line, so not
//! the `--config` given on it.

use crate::cli::NameSet;
use crate::config::{Config, instances};
use crate::engine::Ctx;
use anyhow::{Context, Result};
use clap_complete::{Generator, Shell};
use std::collections::HashSet;
use std::path::Path;

/// Every shell clap_complete supports.
pub(crate) const SHELLS: [Shell; 5] = [Shell::Bash, Shell::Elvish, Shell::Fish, Shell::PowerShell, Shell::Zsh];

/// Where a name from the config is typed: the subcommand's path, whether
/// it takes several names, and which.
pub(crate) const NAMED: [(&str, bool, NameSet); 16] = [
    ("check", true, NameSet::Monitors),
    ("heal", true, NameSet::Monitors),
    ("restart-worker", false, NameSet::Monitors),
    ("stop-worker", false, NameSet::Monitors),
    ("start-worker", false, NameSet::Monitors),
    ("why", false, NameSet::Monitors),
    ("history", false, NameSet::Monitors),
    ("remove", false, NameSet::Monitors),
    ("monitor remove", false, NameSet::Monitors),
    ("monitor pause", false, NameSet::Monitors),
    ("monitor resume", false, NameSet::Monitors),
    ("alerts silence", false, NameSet::Monitors),
    ("alerts unsilence", false, NameSet::Monitors),
    ("alerts test", false, NameSet::Channels),
    ("alerts maintenance start", true, NameSet::Monitors),
    ("alerts maintenance stop", true, NameSet::Monitors),
];

/// The script for one shell: (file name, contents).
pub(crate) fn script(shell: Shell) -> (String, Vec<u8>) {
    let mut cmd = shown(crate::cli::command());
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "hm", &mut out);
    match shell {
        Shell::Bash => out.extend(bash_hook(&cmd).as_bytes()),
        Shell::Fish => out.extend(fish_hook(&cmd).as_bytes()),
        _ => {}
    }
    (shell.file_name("hm"), out)
}

/// `cmd` without its hidden subcommands, which clap_complete would
/// offer: the same command rebuilt from its parts (the `Cli` derive sets
/// no more than these).
fn shown(cmd: clap::Command) -> clap::Command {
    let mut shown = clap::Command::new(cmd.get_name().to_string())
        .args(cmd.get_arguments().cloned())
        .subcommands(cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned())
        .subcommand_required(cmd.is_subcommand_required_set())
        .arg_required_else_help(cmd.is_arg_required_else_help_set())
        .propagate_version(cmd.is_propagate_version_set());
    if let Some(v) = cmd.get_version() {
        shown = shown.version(v.to_string());
    }
    if let Some(a) = cmd.get_about() {
        shown = shown.about(a.clone());
    }
    if let Some(a) = cmd.get_after_help() {
        shown = shown.after_help(a.clone());
    }
    shown
}

/// Write every shell's script into `dir`.
pub(crate) fn write_all(dir: &Path) -> Result<Vec<String>> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    SHELLS
        .iter()
        .map(|s| {
            let (name, bytes) = script(*s);
            std::fs::write(dir.join(&name), bytes)
                .with_context(|| format!("cannot write {}", dir.join(&name).display()))?;
            Ok(name)
        })
        .collect()
}

/// `hm __names`: the names of the config in force, one a line; a pool's
/// name comes before its instances'. Called on every TAB, so it answers
/// nothing rather than an error: a broken or unreadable config, or no
/// default path, completes no name and prints nothing.
pub(crate) fn names(ctx: &Ctx, set: NameSet) -> Vec<u8> {
    let Some(config) = ctx.config_path().ok().and_then(|(path, named)| Config::load(&path, named).ok()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match set {
        NameSet::Monitors => {
            let mut pools = HashSet::new();
            for m in &config.monitors {
                if let Some((pool, _)) = instances::split(&m.name)
                    && pools.insert(pool)
                {
                    out.push(pool);
                }
                out.push(&m.name);
            }
        }
        NameSet::Channels => out.extend(config.channels.iter().map(|c| c.name.as_str())),
    }
    out.iter().flat_map(|n| [n.as_bytes(), b"\n"]).flatten().copied().collect()
}

/// The flags that take a value (but `--config`, which the hooks read) of
/// `hm` and of the subcommands in [`NAMED`]: the word after one is no
/// name. Only theirs: another subcommand's `--heal VALUE` is `hm run`'s
/// switch.
fn value_flags(cmd: &clap::Command) -> Vec<String> {
    let named = NAMED.iter().filter_map(|(path, _, _)| path.split(' ').try_fold(cmd, |c, n| c.find_subcommand(n)));
    let mut flags: Vec<String> = std::iter::once(cmd)
        .chain(named)
        .flat_map(|c| c.get_arguments())
        .filter(|a| !a.is_positional() && a.get_action().takes_values() && a.get_id() != "config")
        .flat_map(|a| {
            let long = a.get_long().map(|l| format!("--{l}"));
            long.into_iter().chain(a.get_short().map(|s| format!("-{s}")))
        })
        .collect();
    flags.sort();
    flags.dedup();
    flags
}

/// The positional words that put the cursor where `set` is typed, as
/// glob patterns: `check`, `check *` (after names) for several names.
fn patterns(set: NameSet) -> Vec<String> {
    NAMED
        .iter()
        .filter(|(_, _, s)| *s == set)
        .flat_map(|(path, many, _)| std::iter::once(path.to_string()).chain(many.then(|| format!("{path} *"))))
        .collect()
}

fn bash_hook(cmd: &clap::Command) -> String {
    let case = |set: NameSet| {
        // Quoted but the `*`: bash globs only what is not.
        let p: Vec<String> = patterns(set)
            .iter()
            .map(|p| match p.strip_suffix(" *") {
                Some(base) => format!("\" {base} \"*"),
                None => format!("\" {p}\""),
            })
            .collect();
        p.join("|")
    };
    format!(
        r#"
# Monitor and channel names where they are typed, from `hm __names` and
# the config in force (the --config on the line, else HM_CONFIG, else the
# default); the rest is _hm's.
_hm_names() {{
    # Words split at blanks, not at COMP_WORDBREAKS: `api@1` and
    # `--config=FILE` stay whole.
    local line="${{COMP_LINE:0:COMP_POINT}}" words="" set="" cur="" w i=1
    local -a argv=() config=()
    read -ra argv <<< "$line"
    if [[ ${{#argv[@]}} -gt 0 && "$line" != *[[:space:]] ]]; then
        cur="${{argv[${{#argv[@]}}-1]}}"
        unset "argv[${{#argv[@]}}-1]"
    fi
    while [[ $i -lt ${{#argv[@]}} ]]; do
        w="${{argv[i]}}"
        case "$w" in
            --config) config=(--config "${{argv[i+1]/#\~/$HOME}}"); i=$((i+2)); continue ;;
            --config=*) config=("$w") ;;
            {flags}) i=$((i+2)); continue ;;
            -*) ;;
            *) words="$words $w" ;;
        esac
        i=$((i+1))
    done
    case "$words" in
        {monitors}) set=monitors ;;
        {channels}) set=channels ;;
    esac
    if [[ -n "$set" && "$cur" != -* ]]; then
        # Names only: no file names when none matches.
        compopt +o bashdefault +o default 2>/dev/null
        COMPREPLY=( $(compgen -W "$("$1" __names "$set" "${{config[@]}}" 2>/dev/null)" -- "$cur") )
        # Bash replaces only its own word ($2), which COMP_WORDBREAKS may
        # have cut at `@`: offer what goes in its place.
        local prefix="${{cur%"$2"}}"
        if [[ -n "$prefix" && "$prefix$2" == "$cur" ]]; then
            COMPREPLY=( "${{COMPREPLY[@]#"$prefix"}}" )
        fi
        return 0
    fi
    _hm "$@"
}}

if [[ "${{BASH_VERSINFO[0]}}" -eq 4 && "${{BASH_VERSINFO[1]}}" -ge 4 || "${{BASH_VERSINFO[0]}}" -gt 4 ]]; then
    complete -F _hm_names -o nosort -o bashdefault -o default hm
else
    complete -F _hm_names -o bashdefault -o default hm
fi
"#,
        flags = value_flags(cmd).join("|"),
        monitors = case(NameSet::Monitors),
        channels = case(NameSet::Channels),
    )
}

/// Quoted, `*` and all: fish globs a `case` pattern all the same, and an
/// unquoted one against the files first.
fn fish_case(set: NameSet) -> String {
    patterns(set).iter().map(|p| format!("'{p}'")).collect::<Vec<_>>().join(" ")
}

fn fish_hook(cmd: &clap::Command) -> String {
    format!(
        r#"
# Monitor and channel names where they are typed, from `hm __names` and
# the config in force (the --config on the line, else HM_CONFIG, else the
# default). __fish_hm_name_args prints the set and the --config to ask with.
function __fish_hm_name_args
    set -l tokens (commandline -opc)
    set -l words
    set -l config
    set -l i 2
    while test $i -le (count $tokens)
        set -l w $tokens[$i]
        switch $w
            case --config
                set i (math $i + 1)
                set config --config (string replace -r '^~' $HOME -- $tokens[$i])
            case '--config=*'
                set config $w
            case {flags}
                set i (math $i + 1)
            case '-*'
            case '*'
                set -a words $w
        end
        set i (math $i + 1)
    end
    switch "$words"
        case {monitors}
            echo monitors
        case {channels}
            echo channels
        case '*'
            return 1
    end
    string join \n -- $config
    return 0
end

function __fish_hm_names
    set -l args (__fish_hm_name_args); or return
    set -l hm (commandline -opc)[1]
    command $hm __names $args 2>/dev/null
end

complete -c hm -f -n "__fish_hm_name_args >/dev/null" -a "(__fish_hm_names)"
"#,
        flags = value_flags(cmd).join(" "),
        monitors = fish_case(NameSet::Monitors),
        channels = fish_case(NameSet::Channels),
    )
}

#[cfg(test)]
#[path = "completions_tests.rs"]
mod tests;
