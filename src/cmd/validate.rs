//! `hm validate`: read hm.toml and report every error with file, line and
//! field (not just the first, as serde alone would), and warn about
//! secrets: a variable that is not set here or too short, and an inline
//! secret in a file that others may read.

use crate::config::Config;
use crate::config::channels::{Secret, Target, redact_url};
use crate::config::read::ConfigFile;
use crate::config::validate::MIN_TOKEN_LEN;
use crate::engine::Ctx;
use crate::engine::report::ValidateReport;
use anyhow::Result;
use std::path::Path;

pub(crate) fn run(ctx: &Ctx) -> Result<ValidateReport> {
    let (path, named) = ctx.config_path()?;
    // The same read (and refusals) as every other command's.
    let file = match crate::config::read::read(&path)? {
        Some(f) => f,
        None if !named => {
            let monitors = Config::embedded().monitors.len();
            return Ok(ValidateReport {
                config: None,
                path,
                valid: true,
                monitors,
                errors: Vec::new(),
                warnings: Vec::new(),
            });
        }
        None => anyhow::bail!("cannot read config {}: no such file (`hm add` creates it)", path.display()),
    };
    Ok(match Config::parse(&path.display().to_string(), &file.text) {
        Ok(c) => ValidateReport {
            config: Some(path.clone()),
            monitors: c.monitors.len(),
            errors: Vec::new(),
            warnings: unset_secrets(&c).into_iter().chain(readable_secrets(&path, &file, &c)).collect(),
            path,
            valid: true,
        },
        Err(e) => ValidateReport {
            config: Some(path.clone()),
            path,
            valid: false,
            monitors: 0,
            errors: e.0,
            warnings: Vec::new(),
        },
    })
}

/// Every secret of the config: who holds it (`channel[slack]`), the
/// key (`url`), the secret, and whether an inline value of it is secret
/// only for its user info, path and query (a URL: `http://am:9093` is not).
fn secrets(c: &Config) -> Vec<(String, &'static str, &Secret, bool)> {
    let mut out = Vec::new();
    for ch in &c.channels {
        let whose = format!("channel[{}]", ch.name);
        match &ch.target {
            Target::Webhook { url, token } => {
                out.push((whose.clone(), "url", url, true));
                out.extend(token.as_ref().map(|t| (whose, "token", t, false)));
            }
            Target::Slack { url } | Target::Alertmanager { url } => out.push((whose, "url", url, true)),
            Target::PagerDuty { routing_key, .. } => out.push((whose, "routing_key", routing_key, false)),
            Target::Log | Target::Command { .. } | Target::Email { .. } => {}
        }
    }
    let s = &c.settings;
    for (key, token) in [("token", &s.serve_token), ("ping_token", &s.serve_ping_token)] {
        out.extend(token.as_ref().map(|t| ("serve".to_string(), key, t, false)));
    }
    out
}

/// Secrets written as `{ env = "NAME" }` whose variable is not set here,
/// or (a `[serve]` token) is too short for `hm serve`.
fn unset_secrets(c: &Config) -> Vec<String> {
    let mut out = Vec::new();
    for (whose, key, secret, _) in secrets(c) {
        let Secret::Env { env } = secret else { continue };
        let whose = if whose == "serve" { format!("serve.{key}") } else { whose };
        match std::env::var(env) {
            Ok(v) if !v.is_empty() => {
                if whose.starts_with("serve.") && v.len() < MIN_TOKEN_LEN {
                    out.push(format!(
                        "{whose}: ${env} is shorter than {MIN_TOKEN_LEN} characters, so `hm serve` refuses to start"
                    ));
                }
            }
            _ => out.push(format!("{whose}: ${env} is not set here, so it would get no secret")),
        }
    }
    out
}

/// A warning when the config holds a secret inline and is readable by
/// others, or by a group other than root's: name the file, the
/// first such secret and the mode, and say the `chmod` that fixes it.
fn readable_secrets(path: &Path, file: &ConfigFile, c: &Config) -> Option<String> {
    let inline = secrets(c).into_iter().find(|(_, _, secret, url)| match secret {
        Secret::Value(v) => !url || redact_url(v) != *v,
        Secret::Env { .. } => false,
    })?;
    let (whose, key, ..) = inline;
    let group = file.mode & 0o040 != 0 && file.gid != 0;
    let others = file.mode & 0o004 != 0;
    if !group && !others {
        return None;
    }
    let who = match (others, group) {
        (true, true) => "its group and others",
        (true, false) => "others",
        _ => "its group",
    };
    let fixed = file.mode & !0o007 & if group { !0o070 } else { !0 };
    Some(format!(
        "{} holds an inline secret ({whose}.{key}) and is readable by {who} (mode {:o}): chmod {fixed:o} {}, \
         or write it as {{ env = \"NAME\" }}",
        path.display(),
        file.mode,
        path.display()
    ))
}
