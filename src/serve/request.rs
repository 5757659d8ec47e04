//! Reading one request from what a connection has sent so far, under
//! fixed limits: the request line and headers together fit in
//! 8 KiB (a longer request line is 414, more headers 431) and a body in
//! 1 KiB (no endpoint reads one: `POST /monitors/NAME/restart` and
//! `POST /ping/NAME` take their all from the URL and the `Authorization`
//! header). The parsing itself
//! is `httparse`, hyper's parser; it never allocates and takes the bytes
//! as they come, so a request can arrive in any number of pieces. The
//! path is routed %-decoded, once (`api%407` is `api@7`); an escape that
//! is malformed or stands for `/` or NUL is refused with 400.

use super::reply::Reply;

/// The most a request line plus headers may take.
pub(super) const MAX_HEAD: usize = 8 * 1024;
/// The most a body may take (it is read and dropped).
pub(super) const MAX_BODY: usize = 1024;
/// The most bytes a connection may have sent and hm not yet used.
pub(crate) const MAX_PENDING: usize = MAX_HEAD + MAX_BODY;
/// More headers than this is 431 too.
const MAX_HEADERS: usize = 48;

/// What the endpoints look at.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    pub method: String,
    /// The request target as sent: path and query.
    pub target: String,
    /// The target's path (before any `?`), its `%XX` escapes decoded once.
    pub path: String,
    /// The first `Authorization` header, when it is text.
    pub authorization: Option<String>,
    /// HTTP/1.1 without `Connection: close`.
    pub keep_alive: bool,
}

impl Request {
    /// The target without its query, decoded: `/monitors/api%407/restart`
    /// routes as `/monitors/api@7/restart`.
    pub(crate) fn path(&self) -> &str {
        &self.path
    }
}

#[derive(Debug)]
pub(crate) enum Parsed {
    /// More bytes are needed.
    Partial,
    /// A whole request, and how many bytes of the buffer it took.
    Done(Request, usize),
    /// Refused: send this and close.
    Refused(Reply),
}

/// Parse the request at the start of `buf`.
pub(crate) fn parse(buf: &[u8]) -> Parsed {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut headers);
    let window = &buf[..buf.len().min(MAX_HEAD)];
    let head_len = match req.parse(window) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) if buf.len() < MAX_HEAD => return Parsed::Partial,
        // 8 KiB and the head has not ended: which part is too long.
        Ok(httparse::Status::Partial) if !window.contains(&b'\n') => {
            return Parsed::Refused(Reply::error(414, "the request line is longer than 8 KiB"));
        }
        Ok(httparse::Status::Partial) | Err(httparse::Error::TooManyHeaders) => {
            return Parsed::Refused(Reply::error(431, "the request headers are larger than 8 KiB"));
        }
        Err(_) => return Parsed::Refused(Reply::error(400, "not an HTTP/1.x request")),
    };
    let headers: &[httparse::Header] = req.headers;
    let header = |name: &'static str| headers.iter().filter(move |h| h.name.eq_ignore_ascii_case(name));
    if header("Transfer-Encoding").next().is_some() {
        return Parsed::Refused(Reply::error(411, "no endpoint takes a body; send none, or a Content-Length"));
    }
    let mut lengths = header("Content-Length").map(|h| std::str::from_utf8(h.value).ok()?.trim().parse::<usize>().ok());
    let body = match (lengths.next(), lengths.next()) {
        (None, _) => 0,
        (Some(Some(n)), None) => n,
        _ => return Parsed::Refused(Reply::error(400, "one Content-Length, a number, is needed")),
    };
    if body > MAX_BODY {
        return Parsed::Refused(Reply::error(413, "no endpoint takes a body larger than 1 KiB"));
    }
    if buf.len() < head_len + body {
        return Parsed::Partial;
    }
    let close = header("Connection")
        .filter_map(|h| std::str::from_utf8(h.value).ok())
        .any(|v| v.split(',').any(|t| t.trim().eq_ignore_ascii_case("close")));
    let target = req.path.unwrap_or("");
    let Some(path) = decode_path(target.split('?').next().unwrap_or("")) else {
        return Parsed::Refused(Reply::error(
            400,
            "the path has a bad %-escape: malformed, not UTF-8, or a `/` or NUL",
        ));
    };
    let request = Request {
        method: req.method.unwrap_or("").to_string(),
        target: target.to_string(),
        path,
        authorization: header("Authorization")
            .next()
            .and_then(|h| std::str::from_utf8(h.value).ok())
            .map(str::to_string),
        keep_alive: req.version == Some(1) && !close,
    };
    Parsed::Done(request, head_len + body)
}

/// `path` with each `%XX` decoded, once (`%2540` is `%40`, not `@`).
/// `None` for an escape that is not two hex digits, and for one that
/// decodes to `/` (it would move where the path routes), NUL, or bytes
/// that are not UTF-8.
fn decode_path(path: &str) -> Option<String> {
    if !path.contains('%') {
        return Some(path.to_string());
    }
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b != b'%' {
            out.push(b);
            i += 1;
            continue;
        }
        let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
        if !hex.bytes().all(|h| h.is_ascii_hexdigit()) {
            return None;
        }
        match u8::from_str_radix(hex, 16).ok()? {
            b'/' | 0 => return None,
            c => out.push(c),
        }
        i += 3;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(buf: &[u8]) -> u16 {
        match parse(buf) {
            Parsed::Refused(r) => r.status,
            Parsed::Done(..) => 200,
            Parsed::Partial => 0,
        }
    }

    #[test]
    fn limits_and_pipelining() {
        let two = b"GET /a?x=1 HTTP/1.1\r\nAuthorization: Bearer t\r\n\r\nGET /b HTTP/1.0\r\n\r\n";
        let Parsed::Done(first, used) = parse(two) else { panic!("first") };
        assert_eq!((first.path(), first.authorization.as_deref(), first.keep_alive), ("/a", Some("Bearer t"), true));
        let Parsed::Done(second, _) = parse(&two[used..]) else { panic!("second") };
        assert_eq!((second.target.as_str(), second.keep_alive), ("/b", false));
        assert_eq!(status(b"GET / HTTP/1.1\r\nHost: x"), 0);
        assert_eq!(status(b"GET / HTTP/1.1\r\nConnection: keep-alive, Close\r\n\r\n"), 200);
        let line = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MAX_HEAD));
        assert_eq!(status(line.as_bytes()), 414);
        let headers = format!("GET / HTTP/1.1\r\nX-A: {}\r\n\r\n", "a".repeat(MAX_HEAD));
        assert_eq!(status(headers.as_bytes()), 431);
        let many = format!("GET / HTTP/1.1\r\n{}\r\n", "X-A: 1\r\n".repeat(100));
        assert_eq!(status(many.as_bytes()), 431);
        assert_eq!(status(b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab"), 0);
        assert_eq!(status(b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nabcde"), 200);
        assert_eq!(status(b"POST / HTTP/1.1\r\nContent-Length: 5000\r\n\r\n"), 413);
        assert_eq!(status(b"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"), 400);
        assert_eq!(status(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"), 411);
        assert_eq!(status(b"\x16\x03\x01 not http\r\n\r\n"), 400);
    }

    #[test]
    fn issue29_paths_are_percent_decoded_once() {
        let Parsed::Done(r, _) = parse(b"POST /monitors/api%407/restart?x=%40 HTTP/1.1\r\n\r\n") else { panic!() };
        assert_eq!((r.path(), r.target.as_str()), ("/monitors/api@7/restart", "/monitors/api%407/restart?x=%40"));
        let Parsed::Done(r, _) = parse(b"GET /a%2540%C3%A9 HTTP/1.1\r\n\r\n") else { panic!() };
        assert_eq!(r.path(), "/a%40\u{e9}");
        for bad in ["/a%2Fb", "/a%2f", "/a%00", "/a%4", "/a%", "/a%zz", "/a%+1", "/a%C3", "/a%FF"] {
            assert_eq!(status(format!("GET {bad} HTTP/1.1\r\n\r\n").as_bytes()), 400, "{bad}");
        }
    }
}
