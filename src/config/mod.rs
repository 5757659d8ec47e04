//! `hm.toml`: what to watch and what may be done (desired state).
//!
//! Loading never half-succeeds: either every monitor is valid, or the caller
//! gets every problem with its file, line and field. Where the file lives is
//! decided here too, so every subcommand finds the same one.

pub(crate) mod channel_events;
pub(crate) mod channels;
pub(crate) mod checker;
mod defaults;
pub(crate) mod edit;
mod endings;
mod escalation;
pub(crate) mod instances;
pub(crate) mod kinds;
mod load;
pub(crate) mod maintenance;
pub(crate) mod model;
mod names;
mod new_monitor;
pub(crate) mod otlp;
pub(crate) mod pattern;
mod placeholder;
mod raw;
pub(crate) mod read;
pub(crate) mod reference;
pub(crate) mod validate;
mod validate_channels;
mod validate_clean;
mod validate_depends;
mod validate_worker;

pub(crate) use channel_events::ChannelEvent;
pub(crate) use channels::{Channel, FlapLimits, Secret, Target};
pub(crate) use model::*;
pub(crate) use new_monitor::NewMonitor;
use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// A loaded configuration.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// The file it was read from; `None` for the embedded defaults.
    pub path: Option<PathBuf>,
    pub settings: Settings,
    /// Configured monitors first, then the embedded host monitors.
    pub monitors: Vec<Monitor>,
    /// `[[clean]]` rules for `hm clean-disk`.
    pub clean: Vec<CleanRule>,
    /// `[[channel]]`s: where alert notifications go.
    pub channels: Vec<Channel>,
    /// `[[maintenance]]` windows: alerts held, heals as each says.
    pub maintenance: Vec<maintenance::Window>,
}

/// One problem in a config file.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct ConfigIssue {
    /// The file, as given.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// Dotted key path, e.g. `monitor[api].warn`; empty for syntax errors.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}:{}: {}: {}", self.file, self.line, self.field, self.message)
        }
    }
}

/// Every problem found in a config file (never empty).
#[derive(Debug, Clone, thiserror::Error)]
pub(crate) struct ConfigErrors(pub Vec<ConfigIssue>);

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.as_slice() {
            [] => f.write_str("invalid config"),
            [one] => write!(f, "{one}"),
            [first, rest @ ..] => write!(f, "{first} (and {} more; run `hm validate`)", rest.len()),
        }
    }
}

impl Config {
    /// The embedded defaults: host monitors only.
    pub(crate) fn embedded() -> Config {
        let settings = Settings::default();
        let monitors = defaults::host_monitors(&settings.thresholds);
        Config { path: None, settings, monitors, clean: Vec::new(), channels: Vec::new(), maintenance: Vec::new() }
    }

    /// Parse config text; `file` labels messages.
    pub(crate) fn parse(file: &str, text: &str) -> Result<Config, ConfigErrors> {
        load::parse(file, text)
    }

    /// Load `path`, or the embedded defaults when `path` is the default
    /// location and does not exist. A path the user named must exist.
    pub(crate) fn load(path: &Path, named: bool) -> anyhow::Result<Config> {
        let text = match read::read_text(path)? {
            Some(t) => t,
            None if !named => return Ok(Config::embedded()),
            None => anyhow::bail!("cannot read config {}: no such file (`hm add` creates it)", path.display()),
        };
        let mut config = Config::parse(&path.display().to_string(), &text)?;
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// Enabled monitors, optionally only the named ones (in the order
    /// named; a pool's name stands for its instances).
    pub(crate) fn select(&self, names: &[String]) -> anyhow::Result<Vec<&Monitor>> {
        if names.is_empty() {
            return Ok(self.monitors.iter().filter(|m| m.enabled).collect());
        }
        let mut out = Vec::new();
        for n in names {
            match self.monitor_or_pool(n) {
                Ok(found) => out.extend(found),
                Err(_) => {
                    let known: Vec<&str> = self.monitors.iter().map(|m| m.name.as_str()).collect();
                    anyhow::bail!("{}", self.unknown(n, &format!(" (known: {})", known.join(", "))));
                }
            }
        }
        Ok(out)
    }
}

/// The shortest `interval` of `hm run`/`hm serve`, in hm.toml and as a
/// flag alike: at most ten cycles a second. `0s` or `1ns` is a busy loop
/// (230 cycles/s, the database growing 1 MB/s, alerts flapping);
/// tests and a tight local loop still get well under a second.
pub(crate) const MIN_INTERVAL: std::time::Duration = std::time::Duration::from_millis(100);

/// Whether hm runs as root (system paths) or as a user (XDG paths).
fn is_root() -> bool {
    nix::unistd::geteuid().is_root()
}

/// `$var` when set to an absolute path.
fn xdg_var(var: &str) -> Option<PathBuf> {
    std::env::var_os(var).map(PathBuf::from).filter(|p| p.is_absolute())
}

/// Default paths: an explicitly set XDG variable wins; otherwise the system
/// path as root, else the XDG default under `$HOME`. A user with neither
/// (cron with an empty environment) gets an error, never root's paths:
/// reading `/etc/hm` and root's database would look like working.
fn default_path(var: &str, home_fallback: &str, system: &str, file: &str) -> anyhow::Result<PathBuf> {
    if let Some(dir) = xdg_var(var) {
        return Ok(dir.join("hm").join(file));
    }
    if is_root() {
        return Ok(PathBuf::from(system).join(file));
    }
    match std::env::var_os("HOME").map(PathBuf::from).filter(|h| h.is_absolute()) {
        Some(home) => Ok(home.join(home_fallback).join("hm").join(file)),
        None => anyhow::bail!(
            "cannot tell where hm's {file} is: neither ${var} nor HOME is set (cron runs with a bare environment); \
             set HOME, ${var}, or name the file with --{} / HM_{}",
            if file == "hm.toml" { "config" } else { "db" },
            if file == "hm.toml" { "CONFIG" } else { "DB" }
        ),
    }
}

/// The default config path: `$XDG_CONFIG_HOME/hm/hm.toml` when that is set,
/// else `/etc/hm/hm.toml` as root, else `~/.config/hm/hm.toml`.
pub(crate) fn default_config_path() -> anyhow::Result<PathBuf> {
    default_path("XDG_CONFIG_HOME", ".config", "/etc/hm", "hm.toml")
}

/// The default database path: `$XDG_STATE_HOME/hm/hm.db` when that is set,
/// else `/var/lib/hm/hm.db` as root, else `~/.local/state/hm/hm.db`.
pub(crate) fn default_db_path() -> anyhow::Result<PathBuf> {
    default_path("XDG_STATE_HOME", ".local/state", "/var/lib/hm", "hm.db")
}

#[cfg(test)]
mod tests;

impl Config {
    /// `for` and `cooldown` for a monitor: its own, else `[alerts]`'.
    pub(crate) fn alert_policy(&self, m: &Monitor) -> (u32, std::time::Duration) {
        let a = &self.settings.alerts;
        (m.for_checks.unwrap_or(a.for_checks), m.cooldown.unwrap_or(a.cooldown))
    }

    /// When a monitor starts and stops flapping: its own, else `[alerts]`'.
    pub(crate) fn flap_limits(&self, monitor: &str) -> channels::FlapLimits {
        let own = self.monitors.iter().find(|m| m.name == monitor).and_then(|m| m.flap);
        own.unwrap_or(self.settings.alerts.flap)
    }
}
