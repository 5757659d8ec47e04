//! A real HTTP receiver on 127.0.0.1 that records every request, for the
//! notification channels to talk to.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request as received.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Request {
    #[track_caller]
    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("body is not JSON ({e}): {}", self.body))
    }

    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// A server answering every request with `status`, until dropped.
pub(crate) struct Receiver {
    pub port: u16,
    requests: Arc<Mutex<Vec<Request>>>,
    server: Arc<tiny_http::Server>,
}

/// A loopback port nothing listens on (yet).
pub(crate) fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    l.local_addr().expect("addr").port()
}

impl Receiver {
    pub(crate) fn start() -> Receiver {
        Receiver::on(0, 200)
    }

    /// Listen on `port` (0: any), answering `status`.
    pub(crate) fn on(port: u16, status: u16) -> Receiver {
        let server = Arc::new(tiny_http::Server::http(("127.0.0.1", port)).expect("receiver"));
        let port = server.server_addr().to_ip().expect("ip").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (s, r) = (server.clone(), requests.clone());
        std::thread::spawn(move || {
            for mut req in s.incoming_requests() {
                let mut body = String::new();
                let _ = req.as_reader().read_to_string(&mut body);
                let headers = req
                    .headers()
                    .iter()
                    .map(|h| (h.field.as_str().to_string(), h.value.as_str().to_string()))
                    .collect();
                r.lock().expect("lock").push(Request {
                    method: req.method().as_str().to_string(),
                    path: req.url().to_string(),
                    headers,
                    body,
                });
                let _ = req.respond(tiny_http::Response::from_string("ok").with_status_code(status));
            }
        });
        Receiver { port, requests, server }
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Everything received so far.
    pub(crate) fn requests(&self) -> Vec<Request> {
        self.requests.lock().expect("lock").clone()
    }

    /// Wait up to `within` for at least `n` requests.
    pub(crate) fn wait_for(&self, n: usize, within: Duration) -> Vec<Request> {
        let start = Instant::now();
        while self.requests().len() < n && start.elapsed() < within {
            std::thread::sleep(Duration::from_millis(20));
        }
        self.requests()
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

/// A hostile receiver: it answers every request with `404` and
/// a body that echoes the request's path and query as sent, percent-decoded,
/// percent-encoded and JSON-escaped, its `Authorization` header and any
/// `routing_key` of its body, as Express's `Cannot POST /hooks/SECRET`
/// does and worse. Runs until the process ends.
pub(crate) fn echoing() -> u16 {
    serve_raw(|request, stream| {
        use std::io::Write;
        let head = request.split("\r\n\r\n").next().unwrap_or("");
        let target = head.split(' ').nth(1).unwrap_or("").to_string();
        let decoded = percent_decode(&target);
        let encoded: String = target
            .bytes()
            .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
            .collect();
        let auth = head
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("authorization:"))
            .map(|l| l["authorization:".len()..].trim().to_string())
            .unwrap_or_default();
        let body = request.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        let key = serde_json::from_str::<serde_json::Value>(body)
            .ok()
            .and_then(|v| v["routing_key"].as_str().map(str::to_string))
            .unwrap_or_default();
        let text = format!(
            "Cannot POST {target}\n({decoded}) {encoded} {} [{auth}] key {key}",
            serde_json::to_string(&decoded).unwrap_or_default().replace('/', "\\/")
        );
        let _ = write!(
            stream,
            "HTTP/1.1 404 Not Found {target}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
            text.len()
        );
    })
}

/// A receiver whose error body never ends: `fast` sends as fast as it can,
/// otherwise a few bytes every 100 ms, until hm hangs up.
pub(crate) fn endless(fast: bool) -> u16 {
    serve_raw(move |_, stream| {
        use std::io::Write;
        if stream.write_all(b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\n").is_err() {
            return;
        }
        let chunk = if fast { vec![b'x'; 65536] } else { b"more ".to_vec() };
        while stream.write_all(&chunk).is_ok() {
            if !fast {
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    })
}

/// Accept connections on a free loopback port, read each request (head and
/// a `Content-Length` body) and hand it to `answer`, one thread each.
fn serve_raw(answer: impl Fn(&str, &mut std::net::TcpStream) + Send + Sync + 'static) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let answer = Arc::new(answer);
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let answer = answer.clone();
            std::thread::spawn(move || {
                let request = read_request(&mut stream);
                answer(&request, &mut stream);
            });
        }
    });
    port
}

fn read_request(stream: &mut std::net::TcpStream) -> String {
    use std::io::Read;
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let text = String::from_utf8_lossy(&buf).into_owned();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse().unwrap_or(0))
                })
                .unwrap_or(0usize);
            if body.len() >= length {
                return text;
            }
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return text,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(&String::from_utf8_lossy(&b[i + 1..i + 3]), 16)
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
