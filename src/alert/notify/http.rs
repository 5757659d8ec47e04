//! POSTing JSON with a timeout, for the HTTP channels.

use anyhow::{Result, bail};
use std::time::Duration;

/// POST `body` (JSON) to `url`; a 2xx status is success. The error of a
/// non-2xx answer carries the start of its body, which is where
/// receivers say what they did not like.
pub fn post_json(url: &str, body: &serde_json::Value, headers: &[(&str, String)], timeout: Duration) -> Result<String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .user_agent(concat!("hm/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut req = agent.post(url).header("Content-Type", "application/json");
    for (name, value) in headers {
        req = req.header(*name, value);
    }
    let mut resp = req.send(serde_json::to_vec(body)?.as_slice())?;
    let status = resp.status().as_u16();
    if (200..300).contains(&status) {
        return Ok(format!("HTTP {status}"));
    }
    let text = resp.body_mut().with_config().limit(4096).read_to_string().unwrap_or_default();
    let text: String = text.trim().chars().take(200).collect();
    bail!("HTTP {status}{}", if text.is_empty() { String::new() } else { format!(": {text}") })
}
