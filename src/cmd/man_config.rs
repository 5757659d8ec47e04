//! `hm.toml(5)`, the configuration reference, generated: the monitors'
//! keys from the kinds' registry (`config::kinds::ALL`: each key's flag,
//! help, form and the kind's `hm add` examples, parsed by the real `hm
//! add` into the table it would write), the other tables from
//! `config::reference`. A key added to a kind is on the page at the next
//! `hm man --dir man`, and `tests/integration/config_page.rs` fails on
//! a key `hm validate` accepts that the page lacks.

use crate::cli::{Cli, Command};
use crate::config::kinds::flag::{COMMON, Flag, Form};
use crate::config::kinds::{ALL, Kind};
use crate::config::reference::{Key, MONITOR_KEYS, SECTIONS};
use clap::Parser;
use std::collections::BTreeMap;

/// Text made safe for roff: backslashes, and a line's leading `.` or `'`.
fn esc(s: &str) -> String {
    let s = s.replace('\\', "\\e").replace('-', "\\-");
    s.lines()
        .map(|l| if l.starts_with(['.', '\'']) { format!("\\&{l}") } else { l.to_string() })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `[[monitor]]` tables a kind's `hm add` examples write, by the real
/// parser: (the table as TOML, each key's value as TOML).
fn examples(kind: &Kind) -> Vec<(String, BTreeMap<String, String>)> {
    let lines = kind.add.examples.lines().map(str::trim).filter(|l| l.starts_with("hm add "));
    lines
        .filter_map(|line| {
            let cli = Cli::try_parse_from(shlex::split(line)?).ok()?;
            let Command::Add(add) = cli.command else { return None };
            let table = add.monitor().ok()?.table();
            let values = table.iter().map(|(k, v)| (k.to_string(), v.to_string().trim().to_string())).collect();
            Some((crate::config::edit::add_monitor("", table).ok()?, values))
        })
        .collect()
}

/// The type of a flag's value, as written in hm.toml.
fn type_of(flag: &Flag) -> String {
    let unit = match flag.value {
        "DURATION" => Some("duration (30s, 5m, 2h, 7d; a bare number is seconds)"),
        "SIZE" => Some("size (512MiB, 10GiB; a bare number is bytes)"),
        "PERCENT" => Some("number, %"),
        _ => None,
    };
    match (flag.form, unit) {
        (Form::Text | Form::Number | Form::Float, Some(unit)) => unit.to_string(),
        (Form::Text, None) => "string".into(),
        (Form::Path, _) => "path".into(),
        (Form::Number | Form::Float, None) => "number".into(),
        (Form::Count, _) => "integer, 0 or more".into(),
        (Form::Bool | Form::Switch, _) => "boolean".into(),
        (Form::Texts, _) => "array of strings".into(),
        (Form::Paths, _) => "array of paths".into(),
        (Form::Codes, _) => "array of HTTP status codes".into(),
        (Form::CommandLine | Form::Argv, _) => "array of strings (argv), or one string with shell = true".into(),
    }
}

/// The default the help says (`(default 80)`, `e.g. 10s (the default)`).
fn default_of(flag: &Flag) -> String {
    let help = flag.help;
    // A switch is off unless given; a boolean's help says what `false` does.
    match flag.form {
        Form::Switch if !help.contains("default") => return "false".into(),
        Form::Bool if help.starts_with("false:") => return "true".into(),
        _ => {}
    }
    if help.contains("(the default)") {
        return help.split("e.g. ").nth(1).and_then(|s| s.split_whitespace().next()).unwrap_or("").to_string();
    }
    let Some(at) = help.find("default") else { return "none".into() };
    let rest = help[at + "default".len()..].trim_start_matches([':', ' ']);
    rest.split([')', ';']).next().unwrap_or("").trim().to_string()
}

/// A value of `flag` when no example of its kind shows one: from its
/// help's `e.g.`, else one typical of what it holds.
fn typical(flag: &Flag) -> String {
    let eg = flag.help.split("e.g. ").nth(1).and_then(|s| s.split([' ', ',', ')']).next()).filter(|s| !s.is_empty());
    let plain = match flag.value {
        "DURATION" => "5m",
        "SIZE" => "512MiB",
        "PERCENT" => "80",
        "FILE" => "/var/lib/app/state",
        "DIR" | "PATH" => "/srv/app",
        "MONITOR" => "web",
        "USER" | "GROUP" => "app",
        "URL" => "http://127.0.0.1:8080/health",
        "UNIT" => "app.service",
        "SQL" => "SELECT max(finished_at) FROM runs",
        "REGEX" => "^app ",
        "OCTAL" => "027",
        "METHOD" => "GET",
        "HOST:PORT" => "127.0.0.1:5432",
        "CODE" => "200",
        "CELSIUS" => "85",
        "DESCRIPTION" => "the API's workers",
        "NAME" => "jobs",
        "TEXT" => "ok",
        "KEY" => "C-c",
        "TYPE" => "tmpfs",
        _ => "3",
    };
    let v = eg.unwrap_or(plain);
    let quoted = format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""));
    match flag.form {
        Form::Bool if flag.help.starts_with("false:") => "false".into(),
        Form::Bool | Form::Switch => "true".into(),
        Form::Count | Form::Float => v.to_string(),
        Form::Number if v.parse::<f64>().is_ok() => v.to_string(),
        Form::Codes => format!("[{v}]"),
        Form::Texts | Form::Paths => format!("[{quoted}]"),
        Form::CommandLine | Form::Argv => "[\"/usr/local/bin/fix\", \"--now\"]".into(),
        _ => quoted,
    }
}

/// One key: `.TP`, its name and example, then type, default and help.
fn key(out: &mut String, flag: &Flag, shown: Option<&String>) {
    let example = shown.cloned().unwrap_or_else(|| typical(flag));
    out.push_str(&format!(".TP\n\\fB{}\\fR = {}\n", esc(flag.key), esc(&example)));
    out.push_str(&format!(
        "{}.\n.br\nType: {}. Default: {}.",
        esc(flag.help),
        esc(&type_of(flag)),
        esc(&default_of(flag))
    ));
    if let Some(needs) = flag.requires {
        out.push_str(&format!(" Needs \\fB{}\\fR.", esc(needs)));
    }
    out.push('\n');
}

/// One key of `config::reference`.
fn entry(out: &mut String, k: &Key) {
    out.push_str(&format!(
        ".TP\n\\fB{}\\fR = {}\n{}\n.br\nType: {}. Default: {}.\n",
        esc(k.key),
        esc(k.example),
        esc(k.help),
        esc(k.ty),
        esc(k.default)
    ));
}

fn kind_section(out: &mut String, kind: &Kind) {
    let examples = examples(kind);
    let shown = |k: &str| examples.iter().find_map(|(_, values)| values.get(k));
    out.push_str(&format!(".SS kind = \"{}\"\n{}.\n", esc(kind.name), esc(kind.add.about)));
    for k in kind.keys {
        if let Some(flag) = kind.add.flags.iter().find(|f| f.key == *k) {
            key(out, flag, shown(k));
        } else if let Some((_, k)) = MONITOR_KEYS.iter().find(|(n, m)| *n == kind.name && m.key == *k) {
            entry(out, k);
        }
    }
    if let Some((table, _)) = examples.first() {
        out.push_str(&format!(
            ".PP\nExample (as \\fBhm add\\fR writes it):\n.PP\n.nf\n.RS 4\n{}\n.RE\n.fi\n",
            esc(table.trim_end())
        ));
    }
}

/// The page, as roff.
pub(crate) fn page() -> Vec<u8> {
    let mut out = format!(".TH hm.toml 5 \"\" \"hm {}\"\n", env!("CARGO_PKG_VERSION"));
    out.push_str(
        ".SH NAME\nhm.toml \\- the configuration of hm\n.SH SYNOPSIS\n\
         \\fB\\-\\-config\\fR FILE, else HM_CONFIG, else $XDG_CONFIG_HOME/hm/hm.toml when it is set, \
         else /etc/hm/hm.toml as root and ~/.config/hm/hm.toml otherwise.\n\
         .SH DESCRIPTION\nhm.toml is the desired state: what hm watches, how it heals and whom it tells. \
         It is TOML, read when a command starts and on SIGHUP (never mid\\-cycle); \\fBhm validate\\fR \
         names every mistake by file, line and field. Without the file, the embedded host monitors apply.\n\
         .PP\nDurations are written 30s, 5m, 2h or 7d (a bare number is seconds), at most 100 years; \
         sizes 512MiB or 10GiB (a bare number is bytes). A secret is a string, or \
         { env = \"VAR\" } to read it from the environment. As root, hm reads it only when nobody but root \
         can write it or a directory above it.\n",
    );
    for section in SECTIONS {
        let title = if section.table.is_empty() { "GLOBAL SETTINGS".to_string() } else { esc(section.table) };
        out.push_str(&format!(".SH {title}\n{}\n", esc(section.about)));
        for k in section.keys {
            entry(&mut out, k);
        }
    }
    out.push_str(
        ".SH [[monitor]]\nOne table per monitor: \\fBname\\fR (unique) and \\fBkind\\fR, the keys every kind takes, \
         then its kind's own. \\fBhm add KIND NAME\\fR writes one from flags of the same names.\n\
         .SS Every kind\n",
    );
    out.push_str(".TP\n\\fBname\\fR = \"web\"\nThe monitor's name.\n.br\nType: string. Default: required.\n");
    out.push_str(".TP\n\\fBkind\\fR = \"process\"\nOne of the kinds below.\n.br\nType: string. Default: required.\n");
    for flag in COMMON {
        key(&mut out, flag, None);
    }
    for kind in ALL {
        kind_section(&mut out, kind);
    }
    out.push_str(".SH SEE ALSO\n\\fBhm\\fR(1), \\fBhm\\-validate\\fR(1), \\fBhm\\-add\\fR(1)\n");
    out.into_bytes()
}
