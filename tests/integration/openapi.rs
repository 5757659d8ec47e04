//! `GET /openapi.json` of a live `hm serve`: the document served is
//! `contrib/openapi.json`, and schemathesis (the OpenAPI fuzzer, from
//! PyPI: .ci/run installs it in a venv) finds nothing against it with
//! every check on: no 500, no status or body the document does not
//! describe, no valid request refused, no invalid one accepted, no
//! acting endpoint that answers without the token.

use crate::common::daemon::{Daemon, http, wait_port};
use crate::common::receiver::free_port;
use crate::common::{Test, have_tool, kill_procs};
use std::process::Command;
use std::time::{Duration, Instant};

const TOKEN: &str = "SERVETOKEN-openapi-0123456789";

/// The command line of the worker the `api` monitor watches and starts:
/// `sleep N`, N of each test its own.
fn worker(n: u32) -> String {
    format!("sleep {n}")
}

/// A healthy host: a heartbeat fed by pings, pinged once before, so
/// `/ready` is 200 (its 503 is a readiness probe's answer, which the
/// fuzzer would count as a server error), and a process monitor whose
/// worker hm starts (what restart, stop, start, pause and resume act on).
fn serve(worker: &str) -> (Test, Daemon, String) {
    let t = Test::new().config(&format!(
        "host_defaults = false\n[serve]\ntoken = \"{TOKEN}\"\n\n\
         [[monitor]]\nname = \"backup\"\nkind = \"heartbeat\"\nwarn = \"1h\"\ncrit = \"2h\"\n\n\
         [[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^{worker}$\"\nstart = {start:?}\n",
        start = worker.split(' ').collect::<Vec<_>>()
    ));
    t.run(&["ping", "backup"]).code(0);
    t.run(&["restart-worker", "api"]).code(0);
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "1h"]);
    wait_port(port, Duration::from_secs(10));
    let base = format!("http://{listen}");
    let start = Instant::now();
    while http("GET", &format!("{base}/ready"), None).0 != 200 {
        assert!(start.elapsed() < Duration::from_secs(10), "hm serve was never ready:\n{}", hm.stderr());
        std::thread::sleep(Duration::from_millis(50));
    }
    (t, hm, base)
}

#[test]
fn issue31_the_document_served_is_contrib_openapi_json() {
    let (_t, _hm, base) = serve(&worker(31032));
    kill_procs(worker(31032).replace(' ', "\0").as_bytes());
    let (code, served) = http("GET", &format!("{base}/openapi.json"), None);
    assert_eq!(code, 200, "{served}");
    let doc: serde_json::Value = serde_json::from_str(&served).expect("json");
    assert_eq!(doc["openapi"], "3.1.0");
    for path in
        ["/health", "/ready", "/status", "/metrics", "/history/{name}", "/ping/{name}/fail", "/monitors/{name}/pause"]
    {
        assert!(doc["paths"].get(path).is_some(), "{path} is not in the document");
    }
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/contrib/openapi.json")).expect("read");
    assert!(served == committed, "contrib/openapi.json is stale: run `HM_REGENERATE=1 cargo test --lib openapi`");
}

/// One schemathesis run against `base`, every check on; its output when it failed.
fn fuzz(t: &Test, base: &str, config: Option<&std::path::Path>, extra: &[&str]) -> Result<(), String> {
    let mut cmd = Command::new("schemathesis");
    if let Some(config) = config {
        cmd.arg("--config-file").arg(config);
    }
    let out = cmd
        .args(["run", &format!("{base}/openapi.json"), "--checks", "all", "--max-examples", "30", "--seed", "31"])
        .args(["--header", &format!("Authorization: Bearer {TOKEN}"), "--no-color", "--generation-database", "none"])
        .args(extra)
        .current_dir(t.root())
        .env("SCHEMATHESIS_TELEMETRY", "false")
        .output()
        .expect("run schemathesis");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    if out.status.success() { Ok(()) } else { Err(text) }
}

#[test]
fn issue31_schemathesis_finds_nothing_against_a_live_serve() {
    if !have_tool("schemathesis") {
        return;
    }
    let (t, hm, base) = serve(&worker(31031));
    // Every operation, with the names it makes up (each one no monitor has).
    fuzz(&t, &base, None, &[]).unwrap_or_else(|e| panic!("schemathesis found failures:\n{e}\nhm:\n{}", hm.stderr()));
    // The reports themselves, with the names of real monitors: the
    // history and pings of the heartbeat, and the worker restarted,
    // stopped, started, paused and resumed in any order.
    let config = t.path("schemathesis.toml");
    std::fs::write(
        &config,
        "[[operations]]\ninclude-path-regex = '^/(history|ping)/'\nparameters = { \"path.name\" = \"backup\" }\n\n\
         [[operations]]\ninclude-path-regex = '^/monitors/'\nparameters = { \"path.name\" = \"api\" }\n",
    )
    .expect("write");
    let named = fuzz(&t, &base, Some(&config), &["--include-path-regex", "^/(history|ping|monitors)/"]);
    kill_procs(worker(31031).replace(' ', "\0").as_bytes());
    named.unwrap_or_else(|e| panic!("schemathesis found failures:\n{e}\nhm:\n{}", hm.stderr()));
}

/// Found by schemathesis: a restart over HTTP of a monitor stopped or
/// paused on purpose was 500, as if hm had failed; it is a conflict (409)
/// with the report saying why, and resuming lets it restart.
#[test]
fn issue31_restarting_a_paused_monitor_over_http_is_409_not_500() {
    let (_t, hm, base) = serve(&worker(31033));
    let post = |verb: &str| http("POST", &format!("{base}/monitors/api/{verb}"), Some(TOKEN));
    assert_eq!(post("pause").0, 200);
    let (code, body) = post("restart");
    kill_procs(worker(31033).replace(' ', "\0").as_bytes());
    assert_eq!(code, 409, "{body}\nhm:\n{}", hm.stderr());
    let doc: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(doc["outcome"], "held", "{body}");
    assert_eq!(post("resume").0, 200);
    let (code, body) = post("restart");
    kill_procs(worker(31033).replace(' ', "\0").as_bytes());
    assert_eq!(code, 200, "{body}");
}
