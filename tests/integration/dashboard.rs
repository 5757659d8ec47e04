//! The dashboard in a real headless Chromium, driven over W3C WebDriver by
//! chromedriver: every monitor has a row, and a change on the host shows up
//! in place, without a reload.

use crate::common::beat;

use crate::common::daemon::{Daemon, http, wait_port};
use crate::common::receiver::free_port;
use crate::common::{Test, have_tool};
use nix::sys::signal::Signal;
use serde_json::{Value, json};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// chromedriver, killed when dropped.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One WebDriver call: the `value` of its answer, which must be a success.
#[track_caller]
fn wd(method: &str, url: &str, body: Option<Value>) -> Value {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into();
    let result = match (method, body) {
        ("POST", body) => agent
            .post(url)
            .header("Content-Type", "application/json")
            .send(body.unwrap_or_else(|| json!({})).to_string()),
        _ => agent.get(url).call(),
    };
    let mut resp = result.unwrap_or_else(|e| panic!("{method} {url}: {e}"));
    let status = resp.status().as_u16();
    let text = resp.body_mut().read_to_string().expect("webdriver answer");
    assert_eq!(status, 200, "{method} {url}: {text}");
    let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{method} {url}: {e}: {text}"));
    doc["value"].clone()
}

/// A browser session, deleted when dropped.
struct Session(String);

impl Session {
    fn url(&self, rel: &str) -> String {
        format!("{}{rel}", self.0)
    }

    fn script(&self, js: &str) -> Value {
        wd("POST", &self.url("/execute/sync"), Some(json!({ "script": js, "args": [] })))
    }

    /// A screenshot, saved under target/: a real PNG, not a blank stub.
    fn screenshot(&self, name: &str) {
        let png = base64(wd("GET", &self.url("/screenshot"), None).as_str().expect("base64 string"));
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
        assert!(png.len() > 1024, "a {} byte screenshot", png.len());
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
        std::fs::create_dir_all(&dir).expect("target dir");
        std::fs::write(dir.join(name), &png).expect("save screenshot");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let agent: ureq::Agent =
            ureq::Agent::config_builder().timeout_global(Some(Duration::from_secs(20))).build().into();
        let _ = agent.delete(&self.0).call();
    }
}

/// Standard base64, as WebDriver sends screenshots.
fn base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let (mut out, mut acc, mut bits) = (Vec::new(), 0u32, 0);
    for v in text.bytes().filter_map(|c| ALPHABET.iter().position(|&a| a == c)) {
        acc = (acc << 6 | v as u32) & 0xffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// The page's monitor rows, and when it was loaded.
const ROWS: &str = r#"return {
  loadedAt: document.body.dataset.loadedAt,
  rows: Array.from(document.querySelectorAll('#monitors tr[data-monitor]')).map(tr => ({
    monitor: tr.dataset.monitor, status: tr.dataset.status,
    text: tr.querySelector('td[data-col="status"]').textContent })),
};"#;

/// Poll the page until `cond(rows)` holds, for up to `within`; the last page state.
#[track_caller]
fn wait_page(s: &Session, within: Duration, what: &str, cond: impl Fn(&[Value]) -> bool) -> Value {
    let start = Instant::now();
    loop {
        let page = s.script(ROWS);
        if cond(page["rows"].as_array().map(Vec::as_slice).unwrap_or_default()) {
            return page;
        }
        assert!(start.elapsed() < within, "{what}: the page shows {page:#}");
        std::thread::sleep(Duration::from_millis(250));
    }
}

fn hb_is(rows: &[Value], status: &str) -> bool {
    rows.iter().any(|r| r["monitor"] == "hb" && r["status"] == status && r["text"] == status)
}

#[test]
fn the_dashboard_shows_every_monitor_and_updates_in_place() {
    if !have_tool("chromium") || !have_tool("chromedriver") {
        return;
    }
    let t = Test::new();
    beat(&t, 60);
    let config = crate::common::hb_monitor(&t);
    let t = t.config(&config);
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let mut hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "1s"]);
    wait_port(port, Duration::from_secs(10));

    let driver_port = free_port();
    let _driver = Guard(
        Command::new("chromedriver")
            .arg(format!("--port={driver_port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver"),
    );
    wait_port(driver_port, Duration::from_secs(20));
    let flags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run \
                 --disable-background-networking --disable-component-update --disable-sync --window-size=1280,800";
    let mut args: Vec<String> = flags.split_whitespace().map(String::from).collect();
    args.push(format!("--user-data-dir={}", t.path("chromium-profile").display()));
    let caps = json!({ "capabilities": { "alwaysMatch": { "browserName": "chrome",
        "goog:chromeOptions": { "binary": "/usr/bin/chromium", "args": args } } } });
    let created = wd("POST", &format!("http://127.0.0.1:{driver_port}/session"), Some(caps));
    let id = created["sessionId"].as_str().expect("sessionId");
    let s = Session(format!("http://127.0.0.1:{driver_port}/session/{id}"));

    wd("POST", &s.url("/url"), Some(json!({ "url": format!("http://{listen}/") })));
    let (start, mut names) = (Instant::now(), Vec::<String>::new());
    while !names.iter().any(|n| n == "hb") {
        assert!(start.elapsed() < Duration::from_secs(15), "no hb in /status: {names:?}");
        std::thread::sleep(Duration::from_millis(100));
        let status: Value =
            serde_json::from_str(&http("GET", &format!("http://{listen}/status"), None).1).expect("json");
        let monitors = status["monitors"].as_array().cloned().unwrap_or_default();
        names = monitors.iter().filter_map(|m| m["monitor"].as_str().map(String::from)).collect();
    }
    assert!(names.len() >= 2 && names.iter().any(|n| n == "hb"), "host monitors and hb: {names:?}");
    let page = wait_page(&s, Duration::from_secs(30), "a row per monitor, hb critical", |rows| {
        names.iter().all(|n| rows.iter().any(|r| r["monitor"] == n.as_str())) && hb_is(rows, "critical")
    });
    let loaded_at = page["loadedAt"].clone();
    assert!(loaded_at.as_str().is_some_and(|v| !v.is_empty()), "{page:#}");
    s.screenshot("dashboard.png");

    beat(&t, 0);
    let page = wait_page(&s, Duration::from_secs(15), "hb ok without a reload", |rows| hb_is(rows, "ok"));
    assert_eq!(page["loadedAt"], loaded_at, "the page was reloaded, not updated in place");
    assert_eq!(page["rows"].as_array().map(Vec::len), Some(names.len()), "one row per monitor: {page:#}");
    s.screenshot("dashboard-after.png");

    // The chart of a young history fills its box (not a sliver at the
    // right edge), and at 420 px no cells overlap.
    let spread = s.script(
        "const l = document.querySelector('tr[data-monitor=\"hb\"] svg.spark polyline');
         const xs = l ? l.getAttribute('points').split(' ').map(p => parseFloat(p)) : [];
         return xs.length ? Math.max(...xs) - Math.min(...xs) : 0;",
    );
    assert!(spread.as_f64().is_some_and(|w| w > 100.0), "the chart spans its box: {spread}");
    wd("POST", &s.url("/window/rect"), Some(json!({ "width": 420, "height": 800 })));
    std::thread::sleep(Duration::from_millis(300));
    let overlaps = s.script(
        "const out = [];
         for (const tr of document.querySelectorAll('tbody tr')) {
           const cells = [...tr.querySelectorAll('td')].filter(td => td.getBoundingClientRect().width > 0);
           for (let i = 1; i < cells.length; i++) {
             const a = cells[i - 1].getBoundingClientRect(), b = cells[i].getBoundingClientRect();
             if (a.right > b.left + 1) out.push(tr.dataset.monitor + ':' + cells[i - 1].dataset.col + '/' + cells[i].dataset.col);
           }
           if (tr.getBoundingClientRect().right > window.innerWidth + 1) out.push(tr.dataset.monitor + ': wider than the window');
         }
         return out;",
    );
    assert_eq!(overlaps, json!([]), "at 420 px");
    s.screenshot("dashboard-420.png");

    drop(s);
    hm.signal(Signal::SIGTERM);
    let status = hm.wait_exit(Duration::from_secs(5)).expect("hm stops on SIGTERM");
    assert_eq!(status.code(), Some(0), "stderr:\n{}", hm.stderr());
}

/// A browser on `url`: chromedriver (kept while the session lives) and
/// the session.
fn browse(t: &Test, url: &str) -> (Guard, Session) {
    let driver_port = free_port();
    let driver = Guard(
        Command::new("chromedriver")
            .arg(format!("--port={driver_port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver"),
    );
    wait_port(driver_port, Duration::from_secs(20));
    let flags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
                 --disable-background-networking --disable-component-update --disable-sync --window-size=1280,800";
    let mut args: Vec<String> = flags.split_whitespace().map(String::from).collect();
    args.push(format!("--user-data-dir={}", t.path("chromium-profile").display()));
    let caps = json!({ "capabilities": { "alwaysMatch": { "browserName": "chrome",
        "goog:chromeOptions": { "binary": "/usr/bin/chromium", "args": args } } } });
    let created = wd("POST", &format!("http://127.0.0.1:{driver_port}/session"), Some(caps));
    let s = Session(format!("http://127.0.0.1:{driver_port}/session/{}", created["sessionId"].as_str().expect("id")));
    wd("POST", &s.url("/url"), Some(json!({ "url": url })));
    (driver, s)
}

#[test]
fn issue29_a_pool_is_one_row_that_expands_into_its_instances() {
    if !have_tool("chromium") || !have_tool("chromedriver") {
        return;
    }
    let prefix = "hm-test-dash-pool";
    let config = format!(
        "host_defaults = false\n[[monitor]]\nname = \"api\"\nkind = \"process\"\ninstances = 3\npattern = \"^{prefix}-{{i}} \"\n"
    );
    let t = Test::new().config(&config);
    let (_one, _two) =
        (crate::common::Worker::spawn(&format!("{prefix}-1")), crate::common::Worker::spawn(&format!("{prefix}-2")));
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let _hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "1s"]);
    wait_port(port, Duration::from_secs(10));
    let (_driver, s) = browse(&t, &format!("http://{listen}/"));
    const POOL: &str = "const p = document.querySelector('tr[data-pool=\"api\"]');
        return { pool: p ? p.querySelector('td[data-col=\"message\"]').textContent : null,
                 instances: [...document.querySelectorAll('tr[data-monitor]')].map(tr => tr.dataset.monitor) };";
    let start = Instant::now();
    let mut page = s.script(POOL);
    while page["pool"] != "api: 2 of 3 running (api@3 down)" {
        assert!(start.elapsed() < Duration::from_secs(20), "{page:#}");
        std::thread::sleep(Duration::from_millis(200));
        page = s.script(POOL);
    }
    assert_eq!(page["instances"], json!([]), "folded: {page:#}");
    s.script("document.querySelector('tr[data-pool=\"api\"]').click(); return null;");
    let page = s.script(POOL);
    assert_eq!(page["instances"], json!(["api@1", "api@2", "api@3"]), "expanded: {page:#}");
    s.screenshot("dashboard-pool.png");
}
