//! A real HTTP receiver on 127.0.0.1 that records every request, for the
//! notification channels to talk to.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request as received.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Request {
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("body is not JSON ({e}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// A server answering every request with `status`, until dropped.
pub struct Receiver {
    pub port: u16,
    requests: Arc<Mutex<Vec<Request>>>,
    server: Arc<tiny_http::Server>,
}

/// A loopback port nothing listens on (yet).
pub fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    l.local_addr().expect("addr").port()
}

impl Receiver {
    pub fn start() -> Receiver {
        Receiver::on(0, 200)
    }

    /// Listen on `port` (0: any), answering `status`.
    pub fn on(port: u16, status: u16) -> Receiver {
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

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Everything received so far.
    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().expect("lock").clone()
    }

    /// Wait up to `within` for at least `n` requests.
    pub fn wait_for(&self, n: usize, within: Duration) -> Vec<Request> {
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
