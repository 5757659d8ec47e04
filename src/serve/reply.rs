//! An HTTP answer, and its bytes on the wire.
//!
//! Every body is built by hm from fixed text or its own reports: nothing a
//! client sent (URL, header, body) is ever copied into one, so a page on
//! another origin cannot use hm to reflect script. Every answer
//! says `nosniff` and `no-store` for the same reason.

use serde::Serialize;
use serde_json::json;

/// A status, a content type, a body and any extra headers (ours: ASCII constants).
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub headers: Vec<(&'static str, &'static str)>,
}

impl Reply {
    pub(super) fn text(status: u16, body: impl Into<String>, content_type: &'static str) -> Reply {
        Reply { status, content_type, body: body.into().into_bytes(), headers: Vec::new() }
    }

    pub(super) fn json(status: u16, body: &impl Serialize) -> Reply {
        let body = crate::output::json::text(body);
        Reply::text(status, body, "application/json")
    }

    /// `{"error": message}`. Callers pass fixed text or what hm itself
    /// knows (config, database), never what the request carried.
    pub(super) fn error(status: u16, message: impl Into<String>) -> Reply {
        Reply::json(status, &json!({ "error": message.into() }))
    }

    pub(super) fn with(mut self, name: &'static str, value: &'static str) -> Reply {
        self.headers.push((name, value));
        self
    }

    /// The answer as sent: without the body for `HEAD` (the length still
    /// says how long it would be), and saying whether the connection stays.
    pub(super) fn encode(&self, head_only: bool, keep_alive: bool) -> Vec<u8> {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n\
             X-Content-Type-Options: nosniff\r\nConnection: {}\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len(),
            if keep_alive { "keep-alive" } else { "close" }
        );
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        if !head_only {
            bytes.extend_from_slice(&self.body);
        }
        bytes
    }
}

/// The reason phrase of the statuses hm sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Content Too Large",
        414 => "URI Too Long",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_keeps_the_length_and_drops_the_body() {
        let reply = Reply::text(200, "ok\n", "text/plain").with("Allow", "GET");
        let full = String::from_utf8(reply.encode(false, true)).expect("utf8");
        assert!(full.starts_with("HTTP/1.1 200 OK\r\n") && full.ends_with("\r\n\r\nok\n"), "{full}");
        assert!(
            full.contains("Content-Length: 3\r\n") && full.contains("Allow: GET\r\n") && full.contains("keep-alive")
        );
        let head = String::from_utf8(reply.encode(true, false)).expect("utf8");
        assert!(
            head.ends_with("Connection: close\r\nAllow: GET\r\n\r\n") && head.contains("Content-Length: 3"),
            "{head}"
        );
    }
}
