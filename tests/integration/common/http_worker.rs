//! A real HTTP server for workers that a check vouches for: Python's
//! `http.server`, answering `ok` to every GET, as a real one would.
//!
//! `python3 server.py PORT [BOOT]`: it sleeps BOOT seconds (a slow boot)
//! before it listens, logs each request on stdout (`served "GET / …"`),
//! and leaves on SIGTERM; frozen with SIGSTOP, it still holds its port
//! and answers nothing.

use super::Test;
use std::path::PathBuf;
use std::time::Duration;

const SERVER: &str = r#"
import http.server, signal, sys, time
signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
time.sleep(float(sys.argv[2]) if len(sys.argv) > 2 else 0)
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.end_headers(); self.wfile.write(b'ok')
    def log_message(self, f, *a):
        print('served', f % a, flush=True)
http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
"#;

/// The server's script, written into `t`'s directory.
pub(crate) fn script(t: &Test) -> PathBuf {
    let path = t.path("server.py");
    std::fs::write(&path, SERVER).expect("script");
    path
}

/// The Python interpreter itself, not a wrapper (pyenv's shim) that would
/// exec it again and drop the name a monitor matches.
pub(crate) fn python() -> String {
    let out = std::process::Command::new("python3").args(["-c", "import sys; print(sys.executable)"]).output();
    String::from_utf8(out.expect("python3").stdout).expect("utf8").trim().to_string()
}

/// Whether the server on `port` answers 200 within a second.
pub(crate) fn answers(port: u16) -> bool {
    use std::io::{Read, Write};
    let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) else { return false };
    let _ = s.set_read_timeout(Some(Duration::from_secs(1)));
    let _ = s.write_all(b"GET / HTTP/1.0\r\n\r\n");
    let mut got = String::new();
    let _ = s.read_to_string(&mut got);
    got.starts_with("HTTP/1.0 200")
}
