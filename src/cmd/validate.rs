//! `hm validate`: read hm.toml and report every error with file, line and
//! field (not just the first, as serde alone would).

use crate::config::Config;
use crate::engine::Ctx;
use crate::engine::report::ValidateReport;
use anyhow::Result;

pub(crate) fn run(ctx: &Ctx) -> Result<ValidateReport> {
    let (path, named) = ctx.config_path()?;
    // The same read (and refusals) as every other command's.
    let text = match crate::config::read::read_text(&path)? {
        Some(t) => t,
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
    Ok(match Config::parse(&path.display().to_string(), &text) {
        Ok(c) => ValidateReport {
            config: Some(path.clone()),
            path,
            valid: true,
            monitors: c.monitors.len(),
            errors: Vec::new(),
            warnings: unset_secrets(&c),
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

/// Secrets written as `{ env = "NAME" }` whose variable is not set here.
fn unset_secrets(c: &Config) -> Vec<String> {
    use crate::config::channels::{Secret, Target};
    let mut out = Vec::new();
    let mut note = |whose: String, s: Option<&Secret>| {
        if let Some(Secret::Env { env }) = s
            && std::env::var_os(env).is_none_or(|v| v.is_empty())
        {
            out.push(format!("{whose}: ${env} is not set here, so it would get no secret"));
        }
    };
    for ch in &c.channels {
        let whose = format!("channel[{}]", ch.name);
        match &ch.target {
            Target::Webhook { url, token } => {
                note(whose.clone(), Some(url));
                note(whose, token.as_ref());
            }
            Target::Slack { url } | Target::Alertmanager { url } => note(whose, Some(url)),
            Target::PagerDuty { routing_key, .. } => note(whose, Some(routing_key)),
            Target::Log | Target::Command { .. } | Target::Email { .. } => {}
        }
    }
    note("serve.token".into(), c.settings.serve_token.as_ref());
    note("serve.ping_token".into(), c.settings.serve_ping_token.as_ref());
    out
}
