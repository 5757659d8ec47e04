//! The keys of `hm.toml` outside `[[monitor]]`, as plain data for the
//! configuration reference, `hm.toml(5)`: each with its type, default,
//! an example and what it does. The monitors' keys come from the kinds'
//! registry (`kinds::ALL`) instead. A test holds this table to the keys
//! `hm validate` accepts (`tests/integration/config_page.rs`), so neither
//! can gain a key the other lacks.

/// One key: its TOML form, default and an example value, as written in hm.toml.
pub(crate) struct Key {
    pub key: &'static str,
    pub ty: &'static str,
    pub default: &'static str,
    pub example: &'static str,
    pub help: &'static str,
}

/// A table of hm.toml (`[alerts]`, `[[channel]]`) and its keys.
pub(crate) struct Section {
    /// As written in the file: empty for the top level.
    pub table: &'static str,
    pub about: &'static str,
    pub keys: &'static [Key],
}

const fn key(
    key: &'static str,
    ty: &'static str,
    default: &'static str,
    example: &'static str,
    help: &'static str,
) -> Key {
    Key { key, ty, default, example, help }
}

const LEVELS: &str = "table { warn, crit }";

/// Every table but `[[monitor]]`, in the order of the page.
pub(crate) static SECTIONS: &[Section] = &[
    Section {
        table: "",
        about: "Top-level keys, before any table.",
        keys: &[
            key("interval", "duration", "\"30s\"", "\"1m\"", "How often `hm run` and `hm serve` check every monitor."),
            key(
                "retention",
                "duration",
                "\"7d\"",
                "\"30d\"",
                "How long checks, alerts and actions are kept in the database.",
            ),
            key(
                "db",
                "path",
                "$XDG_STATE_HOME/hm/hm.db when it is set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db",
                "\"/var/lib/hm/hm.db\"",
                "The SQLite database (`--db` and HM_DB win over it).",
            ),
            key(
                "host_defaults",
                "boolean",
                "true",
                "false",
                "Add the embedded host monitors (cpu, memory, swap, load, disks) to the configured ones.",
            ),
        ],
    },
    Section {
        table: "[thresholds]",
        about: "The levels of the embedded host monitors (with `host_defaults`); a value above a level crosses it.",
        keys: &[
            key("cpu", LEVELS, "{ warn = 80, crit = 95 }", "{ warn = 70, crit = 90 }", "CPU busy, % of all CPUs."),
            key("memory", LEVELS, "{ warn = 90, crit = 95 }", "{ warn = 85, crit = 95 }", "Memory used, %."),
            key("swap", LEVELS, "{ warn = 90, crit = 95 }", "{ warn = 50, crit = 80 }", "Swap used, %."),
            key("load", LEVELS, "{ warn = 2, crit = 4 }", "{ warn = 1.5, crit = 3 }", "Load average per CPU."),
            key(
                "disk",
                LEVELS,
                "{ warn = 85, crit = 95 }",
                "{ warn = 80, crit = 90 }",
                "Space used on each real filesystem, %.",
            ),
            key(
                "inodes",
                LEVELS,
                "{ warn = 85, crit = 95 }",
                "{ warn = 80, crit = 90 }",
                "Inodes used on each real filesystem, %.",
            ),
        ],
    },
    Section {
        table: "[alerts]",
        about: "How alerts fire, repeat and are delivered, for every monitor and channel.",
        keys: &[
            key("for", "integer", "2", "3", "Fire after this many non-ok checks in a row (a monitor may set its own)."),
            key(
                "cooldown",
                "duration",
                "\"5m\"",
                "\"15m\"",
                "Re-send a firing alert at most this often (a monitor may set its own).",
            ),
            key("timeout", "duration", "\"10s\"", "\"5s\"", "Per delivery (a channel may set its own)."),
            key(
                "retry",
                "duration",
                "\"30s\"",
                "\"1m\"",
                "The first retry of a failed delivery; it doubles, up to 1h.",
            ),
            key("host", "string", "the host name", "\"web-1\"", "The host named in notifications."),
            key(
                "flap_high",
                "number (percent)",
                "50",
                "60",
                "A monitor whose weighted share of state changes over its last 21 checks reaches this is flapping: told once, then quiet (a monitor may set its own).",
            ),
            key(
                "flap_low",
                "number (percent)",
                "25",
                "20",
                "A flapping monitor settles once its share falls below this (a monitor may set its own).",
            ),
        ],
    },
    Section {
        table: "[serve]",
        about: "`hm serve`'s tokens (at least 16 characters). Without `token` it serves only on a loopback address and nothing over HTTP acts.",
        keys: &[
            key(
                "token",
                "secret",
                "none",
                "{ env = \"HM_SERVE_TOKEN\" }",
                "The bearer token of POST /monitors/NAME/restart, /stop, /start, /pause and /resume (and of pings).",
            ),
            key(
                "ping_token",
                "secret",
                "none",
                "{ env = \"HM_PING_TOKEN\" }",
                "A bearer token that can only ping (POST /ping/NAME).",
            ),
        ],
    },
    Section {
        table: "[otlp]",
        about: "OpenTelemetry export: `hm run` and `hm serve` send the series of /metrics and one trace per cycle (a span per check and per remedy) over OTLP/HTTP with protobuf. Exports wait in a bounded queue, never slowing a cycle; those the collector does not take are retried, then dropped and counted (`hm_otlp_dropped_total`). A reload applies a change; adding the table needs a restart.",
        keys: &[
            key(
                "endpoint",
                "URL",
                "required",
                "\"http://collector:4318\"",
                "The collector's base URL: hm posts to ENDPOINT/v1/metrics and ENDPOINT/v1/traces.",
            ),
            key(
                "headers",
                "table of secrets",
                "none",
                "{ Authorization = { env = \"HM_OTLP_AUTH\" } }",
                "Headers sent with every export, each value inline or from the environment; never printed.",
            ),
            key("timeout", "duration", "\"10s\"", "\"5s\"", "How long one export request may take (at most 1m)."),
        ],
    },
    Section {
        table: "[[channel]]",
        about: "Where alerts go; one table per channel. `kind` is log, command, webhook, slack, pagerduty, alertmanager or email.",
        keys: &[
            key("name", "string", "required", "\"ops-slack\"", "The channel's name (`hm alerts test NAME`)."),
            key(
                "kind",
                "string",
                "required",
                "\"slack\"",
                "log, command, webhook, slack, pagerduty, alertmanager or email.",
            ),
            key(
                "severities",
                "array of strings",
                "[\"warning\", \"critical\", \"unknown\"]",
                "[\"critical\"]",
                "Which alerts go here.",
            ),
            key(
                "events",
                "array of strings",
                "all of them",
                "[\"firing\", \"resolved\", \"healed\"]",
                "What the channel is told: firing, changed, repeat, resolved, healed (flapping and flapping-ended go with firing).",
            ),
            key("timeout", "duration", "[alerts] timeout", "\"5s\"", "Per delivery."),
            key(
                "unacked_for",
                "duration",
                "none (told at once)",
                "\"15m\"",
                "An escalation tier: told of an alert only once it has fired this long without `hm alerts ack` (1s to 7d).",
            ),
            key(
                "url",
                "secret",
                "PagerDuty's Events API for pagerduty",
                "{ env = \"SLACK_WEBHOOK_URL\" }",
                "webhook, slack and alertmanager (required): where to send. pagerduty: its Events API, written inline (not a secret).",
            ),
            key("token", "secret", "none", "{ env = \"HOOK_TOKEN\" }", "webhook: sent as `Authorization: Bearer`."),
            key(
                "routing_key",
                "secret",
                "required",
                "{ env = \"PD_ROUTING_KEY\" }",
                "pagerduty: the integration's routing key.",
            ),
            key(
                "command",
                "array of strings, or a string with shell",
                "required",
                "[\"/usr/local/bin/page\", \"--quiet\"]",
                "command: what to run, the notification as JSON on its stdin.",
            ),
            key("shell", "boolean", "false", "true", "command: run `command` as one line with /bin/sh -c."),
            key("to", "array of strings", "required", "[\"ops@example.org\"]", "email: the recipients."),
            key("from", "string", "hm@HOSTNAME", "\"hm@example.org\"", "email: the sender."),
            key(
                "sendmail",
                "path",
                "\"/usr/sbin/sendmail\"",
                "\"/usr/lib/sendmail\"",
                "email: the program that sends it.",
            ),
        ],
    },
    Section {
        table: "[[maintenance]]",
        about: "A planned maintenance window: the monitors it covers are checked and recorded but not alerted on, and healed only with heal = true; what still fails when it ends alerts as usual. `hm alerts maintenance start --for 30m [NAMES]` opens an unplanned one.",
        keys: &[
            key("name", "string", "required", "\"sunday-deploy\"", "The window's name, shown by `hm status`."),
            key(
                "monitors",
                "array of strings",
                "required",
                "[\"api*\"]",
                "Globs over monitor names (a pool's instances match their pool's name too); each must match a monitor.",
            ),
            key(
                "schedule",
                "string",
                "required",
                "\"0 3 * * SUN\"",
                "When each window opens: a cron expression, 5 fields, 6 with seconds, or @daily and friends.",
            ),
            key("tz", "string", "the host's", "\"Europe/Berlin\"", "The schedule's time zone."),
            key("duration", "duration", "required", "\"1h\"", "How long each window lasts (1m to 7d)."),
            key("heal", "boolean", "false", "true", "Heal inside the window; else heals are held until it ends."),
            key("description", "string", "none", "\"weekly deploy\"", "What the window is for; hm only shows it."),
        ],
    },
    Section {
        table: "[[clean]]",
        about: "What `hm clean-disk` (and `hm heal`, for a disk monitor over its level) may delete; one table per rule.",
        keys: &[
            key("name", "string", "required", "\"app-logs\"", "The rule's name (`hm clean-disk --rule NAME`)."),
            key(
                "roots",
                "array of paths",
                "required",
                "[\"/var/log/app\"]",
                "The directories it cleans (no system tree, nothing too broad).",
            ),
            key(
                "globs",
                "array of strings",
                "every file",
                "[\"*.log\", \"*.gz\"]",
                "Only files whose names match one of these.",
            ),
            key("older_than", "duration", "\"7d\"", "\"14d\"", "Only files last modified longer ago than this."),
            key("journal_vacuum", "duration", "none", "\"14d\"", "Also `journalctl --vacuum-time` this."),
            key(
                "budget",
                "size",
                "none",
                "\"5GiB\"",
                "Keep the matching files under this size: past it the oldest go, even if younger than `older_than`.",
            ),
        ],
    },
];

/// The `[[monitor]]` keys that `hm add` has no flag for (tables), by kind.
pub(crate) static MONITOR_KEYS: &[(&str, Key)] = &[
    (
        "process",
        key(
            "env",
            "table of strings or secrets",
            "none",
            "{ MODE = \"prod\", TOKEN = { env = \"API_TOKEN\" } }",
            "Variables set in the started worker's environment; a value may be a secret, read from hm's environment at each start. Needs start.",
        ),
    ),
    (
        "process",
        key(
            "limits",
            "table { nofile }",
            "hm's own limits",
            "{ nofile = 4096 }",
            "The started worker's open-file limit, at most the hard limit hm runs under. Needs start.",
        ),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::config::channels::CHANNEL_KINDS;

    fn lines(section: &Section, only: impl Fn(&str) -> bool) -> String {
        section.keys.iter().filter(|k| only(k.key)).map(|k| format!("{} = {}\n", k.key, k.example)).collect()
    }

    /// Every example on the page is one `hm validate` accepts, each
    /// channel kind with the keys it takes.
    #[test]
    fn the_examples_are_valid_hm_toml() {
        let mut text = String::new();
        for section in SECTIONS.iter().filter(|s| s.table != "[[channel]]") {
            text.push_str(&format!("{}\n{}\n", section.table, lines(section, |_| true)));
        }
        let channel = SECTIONS.iter().find(|s| s.table == "[[channel]]").expect("channels");
        for (kind, keys, _) in CHANNEL_KINDS {
            // pagerduty's url is inline, not the example's secret.
            let own = |k: &str| {
                ["severities", "timeout"].contains(&k)
                    || (keys.contains(&k) && k != "shell" && (k, *kind) != ("url", "pagerduty"))
            };
            text.push_str(&format!("[[channel]]\nname = \"{kind}\"\nkind = \"{kind}\"\n{}\n", lines(channel, own)));
        }
        let monitor = MONITOR_KEYS.iter().map(|(_, k)| format!("{} = {}\n", k.key, k.example)).collect::<String>();
        text.push_str(&format!(
            "[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^api\"\nstart = [\"/srv/api\"]\n{monitor}"
        ));
        if let Err(e) = Config::parse("hm.toml", &text) {
            panic!("{e}\n{text}");
        }
    }
}
