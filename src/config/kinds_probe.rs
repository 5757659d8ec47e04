//! Specs of the kinds that probe something outside the host's own tables:
//! `http`, `tcp`, `command` (Nagios plugins), `workspace`, `tasks`, `gpu`.

use super::model::Limits;
use std::path::PathBuf;
use std::time::Duration;

/// `http`: one request; the status, the body and the latency are judged.
#[derive(Debug, Clone)]
pub struct HttpSpec {
    pub url: String,
    /// `GET` unless told.
    pub method: String,
    /// Acceptable status codes; empty means 200–399.
    pub expect_status: Vec<u16>,
    /// A substring the body must contain.
    pub contains: Option<String>,
    /// Latency levels, seconds.
    pub latency: Limits,
}

impl HttpSpec {
    /// The URL as printed and stored: a password in it becomes `…`, and so
    /// does the query (it often carries a token). The path stays: it says
    /// what is checked.
    pub fn shown_url(&self) -> String {
        let Some((scheme, rest)) = self.url.split_once("://") else { return self.url.clone() };
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        let authority = match authority.rsplit_once('@') {
            Some((user, host)) => format!("{}:…@{host}", user.split(':').next().unwrap_or("")),
            None => authority.to_string(),
        };
        let path = tail.split(['?', '#']).next().unwrap_or("");
        let hidden = if tail.len() > path.len() { "?…" } else { "" };
        format!("{scheme}://{authority}{path}{hidden}")
    }
}

/// `tcp`: a connect to `host:port`, and its latency.
#[derive(Debug, Clone)]
pub struct TcpSpec {
    pub address: String,
    /// Latency levels, seconds.
    pub latency: Limits,
}

/// `command`: any Nagios plugin; exit code 0–3 is the status.
#[derive(Debug, Clone)]
pub struct CommandSpec {
    pub argv: Vec<String>,
}

/// `workspace`: a directory's existence, size, writability, required files.
#[derive(Debug, Clone)]
pub struct WorkspaceSpec {
    pub path: PathBuf,
    /// Size levels, bytes.
    pub size: Limits,
    /// Paths relative to `path` that must exist.
    pub required: Vec<PathBuf>,
    /// Whether hm must be able to create a file in it.
    pub writable: bool,
}

/// `tasks`: outcomes and durations from `hm ping NAME [--fail] --duration S`.
#[derive(Debug, Clone)]
pub struct TasksSpec {
    /// The ping name (default: the monitor's name).
    pub ping: String,
    /// The window the rates are computed over.
    pub window: Duration,
    /// Error-rate levels, %.
    pub errors: Limits,
    /// A task's expected duration: slow (warning) when the average is over twice this.
    pub expected: Option<Duration>,
}

/// A recorded ping, as the tasks check reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaskPing {
    pub ts: f64,
    pub ok: bool,
    pub duration_ms: Option<f64>,
}

/// `gpu`: per-GPU levels from nvidia-smi.
#[derive(Debug, Clone, Copy)]
pub struct GpuSpec {
    /// Memory used, %.
    pub memory: Limits,
    /// Temperature, °C.
    pub temperature: Limits,
    /// Utilisation, %.
    pub utilization: Limits,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(url: &str) -> String {
        HttpSpec {
            url: url.into(),
            method: "GET".into(),
            expect_status: vec![],
            contains: None,
            latency: Limits::default(),
        }
        .shown_url()
    }

    #[test]
    fn issue7_a_password_or_a_query_in_a_monitor_url_is_never_shown() {
        assert_eq!(shown("http://admin:pw@10.0.0.1:8080/health?token=x#top"), "http://admin:…@10.0.0.1:8080/health?…");
        assert_eq!(shown("http://a:b@c@host/x"), "http://a:…@host/x");
        assert_eq!(shown("https://example.com/status"), "https://example.com/status");
        assert_eq!(shown("http://127.0.0.1:9"), "http://127.0.0.1:9");
    }
}
