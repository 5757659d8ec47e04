//! The `hm add KIND NAME --flags` of a kind, as plain data next to the
//! kind: each flag is one `[[monitor]]` key (`stuck_after` is
//! `--stuck-after`), with its help and how its value is read and written.
//! `src/cli/` builds the clap subcommands from this table and turns what
//! was parsed into a `config::NewMonitor`, so a new kind's flags need no
//! edit there. No clap here: the command line stays in `src/cli/`.

/// How `hm add KIND` presents a kind: its line in `hm add --help`, the
/// heading of its flags, its examples, and the flags themselves.
pub(crate) struct AddHelp {
    /// One line, in `hm add --help` and atop `hm add KIND --help`.
    pub about: &'static str,
    /// The heading its flags are listed under (`A tmux monitor`).
    pub heading: &'static str,
    /// After the flags in `hm add KIND --help`.
    pub examples: &'static str,
    /// Its keys' flags, in the order listed and written; the keys every
    /// kind takes ([`COMMON`]) follow.
    pub flags: &'static [Flag],
}

/// One flag: the key it sets, what its value is called, its help, and its form.
#[derive(Debug)]
pub(crate) struct Flag {
    /// The `[[monitor]]` key it sets; the flag is `--key` with `_` written `-`.
    pub key: &'static str,
    /// What the value is called in help (`--warn <PERCENT>`); empty for a switch.
    pub value: &'static str,
    pub help: &'static str,
    pub form: Form,
    /// The key of a flag this one needs (`--stop` needs `--start`).
    pub requires: Option<&'static str>,
    /// Its value may begin with `-` (`--start '-x'`, `--contains -ok`).
    pub dashes: bool,
}

/// How a flag's value is read, and the TOML value it becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// Text, written as a string.
    Text,
    /// A file or directory, written as given.
    Path,
    /// A number, or a figure with a unit (`80`, `26h`, `512MiB`) for
    /// validation to read: a TOML number when it reads as one.
    Number,
    /// A number the command line already refuses when it is not one.
    Float,
    /// A whole number, 0 or more.
    Count,
    /// `--key true|false`.
    Bool,
    /// Given or not: `key = true` when given.
    Switch,
    /// Repeatable: an array of strings.
    Texts,
    /// Repeatable: an array of paths.
    Paths,
    /// Repeatable: an array of HTTP status codes.
    Codes,
    /// One line, split into argv words like a shell would, or kept whole
    /// when the kind's `--shell` is given.
    CommandLine,
    /// The words after `--` (required), shown in errors as the value's name;
    /// joined into one line with `--shell`.
    Argv,
}

impl Flag {
    const fn new(key: &'static str, value: &'static str, help: &'static str, form: Form) -> Flag {
        Flag { key, value, help, form, requires: None, dashes: false }
    }

    pub(crate) const fn text(key: &'static str, value: &'static str, help: &'static str) -> Flag {
        Flag::new(key, value, help, Form::Text)
    }

    pub(crate) const fn path(key: &'static str, value: &'static str, help: &'static str) -> Flag {
        Flag::new(key, value, help, Form::Path)
    }

    pub(crate) const fn number(key: &'static str, value: &'static str, help: &'static str) -> Flag {
        Flag::new(key, value, help, Form::Number)
    }

    pub(crate) const fn float(key: &'static str, value: &'static str, help: &'static str) -> Flag {
        Flag::new(key, value, help, Form::Float)
    }

    pub(crate) const fn count(key: &'static str, value: &'static str, help: &'static str) -> Flag {
        Flag::new(key, value, help, Form::Count)
    }

    pub(crate) const fn boolean(key: &'static str, help: &'static str) -> Flag {
        Flag::new(key, "BOOL", help, Form::Bool)
    }

    pub(crate) const fn switch(key: &'static str, help: &'static str) -> Flag {
        Flag::new(key, "", help, Form::Switch)
    }

    pub(crate) const fn texts(key: &'static str, value: &'static str, help: &'static str) -> Flag {
        Flag::new(key, value, help, Form::Texts)
    }

    pub(crate) const fn paths(key: &'static str, value: &'static str, help: &'static str) -> Flag {
        Flag::new(key, value, help, Form::Paths)
    }

    pub(crate) const fn codes(key: &'static str, value: &'static str, help: &'static str) -> Flag {
        Flag::new(key, value, help, Form::Codes)
    }

    /// A command given as one line; its value may begin with `-`.
    pub(crate) const fn command_line(key: &'static str, help: &'static str) -> Flag {
        Flag::new(key, "COMMAND", help, Form::CommandLine).dashes()
    }

    pub(crate) const fn argv(key: &'static str, value: &'static str, help: &'static str) -> Flag {
        Flag::new(key, value, help, Form::Argv)
    }

    /// Given only with the flag of `key`.
    pub(crate) const fn requires(self, key: &'static str) -> Flag {
        Flag { requires: Some(key), ..self }
    }

    /// Its value may begin with `-`.
    pub(crate) const fn dashes(self) -> Flag {
        Flag { dashes: true, ..self }
    }
}

/// The flags of the keys every kind takes (`config::COMMON`).
pub(crate) static COMMON: &[Flag] = &[
    Flag::text("description", "DESCRIPTION", "A note for people"),
    Flag::text("timeout", "DURATION", "Check timeout, e.g. 10s (the default)"),
    Flag::count("for", "CHECKS", "Alert after this many non-ok checks in a row (default: [alerts] for)"),
    Flag::text("cooldown", "DURATION", "Re-send a firing alert at most this often (default: [alerts] cooldown)"),
    Flag::float(
        "flap_high",
        "PERCENT",
        "Flapping from this weighted percent of state changes (default: [alerts] flap_high)",
    ),
    Flag::float("flap_low", "PERCENT", "Flapping ends below this percent (default: [alerts] flap_low)"),
    Flag::float("anomaly", "Z", "Flag figures this many deviations from their usual level, e.g. 4"),
    Flag::boolean("enabled", "false: write the monitor disabled"),
    Flag::texts("depends_on", "MONITOR", "A monitor this one waits for: not alerted or healed while it is not ok"),
];
