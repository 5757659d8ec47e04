//! `[otlp]`: where `hm run` and `hm serve` send their metrics and one
//! trace per cycle, over OTLP/HTTP with protobuf (the `otlp` module).
//!
//! The headers usually carry a collector's credentials, so their values
//! are [`Secret`]s, inline or `{ env = "NAME" }` like a channel's token:
//! read from the environment only when a request is sent, and never
//! printed (their `Debug` is `$NAME` or `…`).

use super::channels::{Secret, is_http_url, redact_url};
use super::checker::Checker;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::time::Duration;

/// `[otlp]` as written.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOtlp {
    pub endpoint: Option<String>,
    pub headers: Option<BTreeMap<String, Secret>>,
    pub timeout: Option<String>,
}

/// Resolved `[otlp]`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OtlpSettings {
    /// The collector's base URL, without a trailing `/`: requests go to
    /// `ENDPOINT/v1/metrics` and `ENDPOINT/v1/traces`.
    pub endpoint: String,
    /// Extra request headers (an `Authorization`, a tenant), by name.
    pub headers: Vec<(String, Secret)>,
    /// How long one request may take, the whole exchange.
    pub timeout: Duration,
}

/// The default `timeout` of one export request.
pub(crate) const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// The longest `timeout`: an export a collector holds longer than this
/// only delays the ones queued behind it.
const MAX_TIMEOUT: Duration = Duration::from_secs(60);

/// Headers hm writes itself: a config that set them would send a request
/// the collector cannot read.
const OWN_HEADERS: [&str; 3] = ["content-type", "content-length", "host"];

/// Resolve `[otlp]`; `None` when it has errors (pushed through `c`).
pub(crate) fn settings(c: &mut Checker<'_, '_>, raw: RawOtlp) -> Option<OtlpSettings> {
    let endpoint = match raw.endpoint {
        None => {
            c.err("endpoint", "missing: the collector's URL, e.g. \"http://collector:4318\"");
            String::new()
        }
        Some(e) if !is_http_url(&e) => {
            c.err("endpoint", format!("`{}` is not an http:// or https:// URL", redact_url(&e)));
            String::new()
        }
        Some(e) if e.contains(['?', '#']) => {
            c.err(
                "endpoint",
                "the collector's base URL takes no query or fragment: hm adds /v1/metrics and /v1/traces",
            );
            String::new()
        }
        Some(e) => e.trim_end_matches('/').to_string(),
    };
    let timeout = c.duration("timeout", raw.timeout.as_deref(), DEFAULT_TIMEOUT);
    if timeout > MAX_TIMEOUT {
        c.err("timeout", "is longer than 1m, the longest an export request may take");
    }
    let mut headers = Vec::new();
    for (name, value) in raw.headers.unwrap_or_default() {
        let token =
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        if !token {
            c.err("headers", format!("`{}` is not a header name", crate::units::cut(&name)));
        } else if OWN_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            c.err("headers", format!("`{name}` is set by hm itself"));
        }
        match &value {
            Secret::Env { env } if env.is_empty() => c.err("headers", "the environment variable name is empty"),
            // A value is never quoted back: it is usually a credential.
            Secret::Value(v) if v.bytes().any(|b| b.is_ascii_control()) => {
                c.err("headers", format!("the value of `{name}` holds a control character"));
            }
            _ => {}
        }
        headers.push((name, value));
    }
    (!c.failed).then_some(OtlpSettings { endpoint, headers, timeout })
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    fn parse(otlp: &str) -> Result<Config, String> {
        Config::parse("hm.toml", &format!("host_defaults = false\n[otlp]\n{otlp}")).map_err(|e| e.to_string())
    }

    #[test]
    fn an_otlp_table_resolves_with_its_defaults() {
        let c = parse("endpoint = \"http://collector:4318/\"\n").expect("valid");
        let o = c.settings.otlp.expect("otlp");
        assert_eq!(o.endpoint, "http://collector:4318");
        assert_eq!(o.timeout, super::DEFAULT_TIMEOUT);
        assert!(o.headers.is_empty());
        assert!(parse("").is_err_and(|e| e.contains("hm.toml:2: otlp.endpoint: missing")));
    }

    #[test]
    fn otlp_mistakes_name_their_line_and_field_and_never_a_header_value() {
        let e = parse("endpoint = \"http://c:4318\"\ntimeout = \"2x\"\n").expect_err("bad timeout");
        assert!(e.contains("hm.toml:4: otlp.timeout"), "{e}");
        let e = parse("endpoint = \"ftp://c\"\n").expect_err("bad scheme");
        assert!(e.contains("hm.toml:3: otlp.endpoint"), "{e}");
        let e = parse("endpoint = \"http://c\"\nheaders = { \"Content-Type\" = \"x\" }\n").expect_err("own header");
        assert!(e.contains("otlp.headers") && e.contains("set by hm itself"), "{e}");
        let e = parse("endpoint = \"http://c\"\nheaders = { Authorization = \"Bearer s3cr3t\\u0007\" }\n")
            .expect_err("control character");
        assert!(e.contains("otlp.headers") && !e.contains("s3cr3t"), "{e}");
        let c = parse("endpoint = \"http://c\"\nheaders = { Authorization = { env = \"OTLP_AUTH\" } }\n").expect("env");
        assert_eq!(format!("{:?}", c.settings.otlp.expect("otlp").headers), "[(\"Authorization\", $OTLP_AUTH)]");
    }
}
