//! Validation of the probing kinds (`http`, `tcp`, `command`, `workspace`,
//! `tasks`, `gpu`), of the SQL heartbeat and of the disk-full forecast.

use super::checker::Checker;
use super::model::*;
use super::validate_process::argv;
use std::time::Duration;

/// Latency levels in seconds from `warn`/`crit` (numbers or durations).
fn latency(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Limits {
    let secs = |c: &mut Checker<'_, '_>, key: &str, v: Option<&NumOrText>| {
        v.map(|v| c.seconds(key, Some(v), Duration::ZERO).as_secs_f64())
    };
    let l = Limits { warn: secs(c, "warn", raw.warn.as_ref()), crit: secs(c, "crit", raw.crit.as_ref()) };
    c.limits("warn", "crit", l, None)
}

fn pct(c: &mut Checker<'_, '_>, keys: (&str, &str), l: Limits) -> Limits {
    c.limits(keys.0, keys.1, l, Some((0.0, 100.0)))
}

/// The spec of a probing kind; `None` after reporting what is missing.
pub(crate) fn spec(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<Spec> {
    Some(match raw.kind.as_str() {
        "http" => {
            let Some(url) = raw.url.clone() else {
                c.err("", "an http monitor needs `url`");
                return None;
            };
            if !super::channels::is_http_url(&url) {
                c.err("url", format!("`{url}` is not an http:// or https:// URL"));
            }
            let method = raw.method.clone().unwrap_or_else(|| "GET".into()).to_ascii_uppercase();
            if !["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"].contains(&method.as_str()) {
                c.err("method", format!("unknown HTTP method `{method}`"));
            }
            let expect_status = raw.expect_status.clone().unwrap_or_default();
            if let Some(bad) = expect_status.iter().find(|s| !(100..=599).contains(*s)) {
                c.err("expect_status", format!("{bad} is not an HTTP status code"));
            }
            let latency = latency(c, raw);
            Spec::Http(Box::new(HttpSpec { url, method, expect_status, contains: raw.contains.clone(), latency }))
        }
        "tcp" => {
            let Some(address) = raw.address.clone() else {
                c.err("", "a tcp monitor needs `address`, e.g. \"127.0.0.1:5432\"");
                return None;
            };
            if address.rsplit_once(':').is_none_or(|(_, port)| port.parse::<u16>().is_err()) {
                c.err("address", format!("`{address}` is not host:port"));
            }
            Spec::Tcp(TcpSpec { address, latency: latency(c, raw) })
        }
        "command" => {
            let Some(cmd) = raw.command.as_ref() else {
                c.err("", "a command monitor needs `command`, e.g. [\"/usr/lib/nagios/plugins/check_load\", \"-w\", \"5\", \"-c\", \"10\"]");
                return None;
            };
            Spec::Command(CommandSpec { argv: argv(c, "command", cmd, raw.shell.unwrap_or(false))? })
        }
        "workspace" => {
            let Some(path) = raw.path.clone() else {
                c.err("", "a workspace monitor needs `path`, the directory");
                return None;
            };
            let size = Limits {
                warn: Some(c.size("warn", raw.warn.as_ref()).unwrap_or(1024.0 * 1024.0 * 1024.0)),
                crit: Some(c.size("crit", raw.crit.as_ref()).unwrap_or(5.0 * 1024.0 * 1024.0 * 1024.0)),
            };
            let size = c.limits("warn", "crit", size, None);
            let required = raw.required.clone().unwrap_or_default();
            for r in &required {
                if r.is_absolute() || r.components().any(|p| p == std::path::Component::ParentDir) {
                    c.err("required", format!("`{}` must be a path inside the workspace", r.display()));
                }
            }
            Spec::Workspace(WorkspaceSpec { path, size, required, writable: raw.writable.unwrap_or(false) })
        }
        "tasks" => {
            let ping = raw.ping.clone().unwrap_or_else(|| raw.name.clone());
            if let Some(why) = super::validate::name_problem(&ping, "ping name") {
                c.err("ping", why);
            }
            let window = c.duration("window", raw.window.as_deref(), Duration::from_secs(3600));
            let errors =
                Limits { warn: Some(raw.error_warn.unwrap_or(5.0)), crit: Some(raw.error_crit.unwrap_or(10.0)) };
            let errors = pct(c, ("error_warn", "error_crit"), errors);
            let expected = raw.expected.as_deref().map(|e| c.duration("expected", Some(e), Duration::ZERO));
            Spec::Tasks(TasksSpec { ping, window, errors, expected })
        }
        _ => {
            let memory = Limits {
                warn: Some(c.number("warn", raw.warn.as_ref()).unwrap_or(90.0)),
                crit: Some(c.number("crit", raw.crit.as_ref()).unwrap_or(95.0)),
            };
            let temperature =
                Limits { warn: Some(raw.temp_warn.unwrap_or(85.0)), crit: Some(raw.temp_crit.unwrap_or(95.0)) };
            let utilization = Limits { warn: raw.util_warn, crit: raw.util_crit };
            Spec::Gpu(GpuSpec {
                memory: pct(c, ("warn", "crit"), memory),
                temperature: c.limits("temp_warn", "temp_crit", temperature, None),
                utilization: pct(c, ("util_warn", "util_crit"), utilization),
            })
        }
    })
}

/// A heartbeat read from an SQL query.
pub(crate) fn sql_heartbeat(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<HeartbeatSource> {
    if raw.file.is_some() || raw.ping.is_some() {
        c.err("database", "set one of `file`, `ping`, or `database` with `query`");
    }
    match (&raw.database, &raw.query) {
        (Some(database), Some(query)) => {
            Some(HeartbeatSource::Sql { database: database.clone(), query: query.clone() })
        }
        (None, _) => {
            c.err("query", "`query` needs `database`, the SQLite file to run it on");
            None
        }
        (_, None) => {
            c.err("database", "`database` needs `query`, returning one timestamp");
            None
        }
    }
}

/// The disk-full forecast levels.
pub(crate) fn forecast(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Forecast {
    let d = Forecast::default();
    let f = Forecast {
        warn: c.duration("forecast_warn", raw.forecast_warn.as_deref(), d.warn),
        crit: c.duration("forecast_crit", raw.forecast_crit.as_deref(), d.crit),
    };
    if f.crit > f.warn {
        c.err("forecast_crit", "forecast_crit must not be longer than forecast_warn (it is the nearer deadline)");
    }
    f
}
