//! `http`: one request to a URL; the status code, a substring of the body
//! and the latency are judged. Redirects are not followed (a 301 is an
//! answer, and by default an acceptable one). The request's own timeout
//! is the monitor's, so a dead endpoint is reported, not waited on.

use super::{CheckCtx, CheckOutput, Metric, level};
use crate::config::HttpSpec;
use crate::status::Status;
use anyhow::Result;
use std::io::Read;
use std::time::{Duration, Instant};

/// The body read to look for `contains`, at most.
const BODY_LIMIT: u64 = 1 << 20;

pub fn check(_ctx: &CheckCtx<'_>, spec: &HttpSpec, timeout: Duration) -> Result<CheckOutput> {
    // A little less than the monitor's timeout, so the check's own answer
    // (which names the URL) comes before the runner gives up on it.
    let timeout = timeout.saturating_sub(Duration::from_millis(100)).max(Duration::from_millis(100));
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(concat!("hm/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let start = Instant::now();
    let req = ureq::http::Request::builder().method(spec.method.as_str()).uri(&spec.url).body(())?;
    let mut resp = match agent.run(req) {
        Ok(r) => r,
        Err(e) => {
            return Ok(CheckOutput {
                status: Status::Critical,
                message: format!("{} {}: {}", spec.method, spec.shown_url(), e.to_string().replace(&spec.url, "…")),
                metrics: vec![Metric::new("time", start.elapsed().as_secs_f64(), "s")],
                counters: Vec::new(),
            });
        }
    };
    let code = resp.status().as_u16();
    // The first MiB is searched, whatever its size or encoding.
    let body = match &spec.contains {
        Some(_) => {
            let mut bytes = Vec::new();
            let _ = resp.body_mut().as_reader().take(BODY_LIMIT).read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        }
        None => String::new(),
    };
    let took = start.elapsed().as_secs_f64();
    let time = Metric::new("time", took, "s").limits(spec.latency);
    let mut status = time.status();
    let mut problems = Vec::new();
    let good_code =
        if spec.expect_status.is_empty() { (200..400).contains(&code) } else { spec.expect_status.contains(&code) };
    if !good_code {
        status = Status::Critical;
        problems.push(format!("status {code}"));
    }
    if let Some(want) = &spec.contains
        && !body.contains(want.as_str())
    {
        status = Status::Critical;
        problems.push(format!("body lacks \"{want}\""));
    }
    if level(took, spec.latency) != Status::Ok {
        problems.push(format!("slow ({})", level(took, spec.latency)));
    }
    let summary = format!("{} {} in {:.0} ms", code, spec.shown_url(), took * 1000.0);
    let message = if problems.is_empty() { summary } else { format!("{}: {summary}", problems.join(", ")) };
    Ok(CheckOutput {
        status,
        message,
        metrics: vec![Metric::new("status", f64::from(code), ""), time],
        counters: Vec::new(),
    })
}
