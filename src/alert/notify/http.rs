//! POSTing JSON for the HTTP channels. The receiver is untrusted: the whole
//! exchange, its answer's body included, is bounded by the channel's
//! timeout, at most [`BODY_CAP`] bytes of that body are read, and
//! redirects are not followed (a webhook that moves is a failed delivery,
//! not a reason to send the alert, or its token, somewhere else).

use anyhow::{Result, bail};
use std::io::Read;
use std::time::Duration;

/// The most of a failed answer's body that is read.
pub(super) const BODY_CAP: u64 = 4096;

/// POST `body` (JSON) to `url`; a 2xx status is success, and its body is
/// not read. The error of any other answer carries the start of its body,
/// which is where receivers say what they did not like; the caller scrubs
/// it of the channel's secrets and cuts it short.
pub(super) fn post_json(
    url: &str,
    body: &serde_json::Value,
    headers: &[(&str, String)],
    timeout: Duration,
) -> Result<String> {
    let agent = crate::http_agent::agent(timeout);
    let mut req = agent.post(url).header("Content-Type", "application/json");
    for (name, value) in headers {
        req = req.header(*name, value);
    }
    let mut resp = req.send(serde_json::to_vec(body)?.as_slice())?;
    let status = resp.status().as_u16();
    if (200..300).contains(&status) {
        return Ok(format!("HTTP {status}"));
    }
    // What arrived before the cap, the timeout or an error is kept.
    let mut start = Vec::new();
    let _ = resp.body_mut().as_reader().take(BODY_CAP).read_to_end(&mut start);
    let text = String::from_utf8_lossy(&start);
    let text = text.trim();
    bail!("HTTP {status}{}", if text.is_empty() { String::new() } else { format!(": {text}") })
}
