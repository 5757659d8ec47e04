//! The requests `hm serve` reads: its own server's parser (httparse under
//! hm's limits), given the bytes a connection has sent so far.
//!
//! Properties, for any bytes:
//! - parsing never panics;
//! - it waits for more only while the buffer holds less than the most hm
//!   keeps of a connection (`HTTP_MAX_PENDING`), so no connection can stall
//!   with a full buffer;
//! - a refusal is one of the statuses hm answers a bad request with;
//! - a whole request took at least one byte and at most the buffer and that
//!   most; its method and target are not empty, and its path is its target
//!   up to the first `?`, %-decoded: the same where that holds no `%`, and
//!   never a NUL;
//! - bytes after a request change nothing (pipelining), and a request cut
//!   short is only partial, never refused (it may arrive in any number of
//!   pieces).
#![no_main]

use hm::parsers::{HTTP_MAX_PENDING, HttpRequest, http_request};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let parsed = http_request(data);
    match &parsed {
        HttpRequest::Partial => {
            assert!(data.len() < HTTP_MAX_PENDING, "{} bytes and still waiting for more", data.len());
        }
        HttpRequest::Refused(status) => {
            assert!([400, 411, 413, 414, 431].contains(status), "{data:?}: refused with {status}");
        }
        HttpRequest::Done { method, target, path, used, .. } => {
            assert!(*used > 0 && *used <= data.len() && *used <= HTTP_MAX_PENDING, "{data:?}: took {used}");
            assert!(!method.is_empty() && !target.is_empty(), "{data:?}: {parsed:?}");
            let raw = target.split('?').next().unwrap_or("");
            if !raw.contains('%') {
                assert_eq!(path.as_str(), raw, "{data:?}: {parsed:?}");
            }
            assert!(!path.contains('\0') && path.matches('/').count() == raw.matches('/').count(), "{data:?}: {parsed:?}");
            let alone = &data[..*used];
            assert_eq!(http_request(alone), parsed, "{data:?}: the bytes after the request changed it");
            for cut in [used - 1, used / 2, used.saturating_sub(4)] {
                if cut < *used {
                    let partial = http_request(&alone[..cut]);
                    assert_eq!(partial, HttpRequest::Partial, "{data:?}: cut at {cut} of {used}");
                }
            }
        }
    }
});
