//! Issue 25, tokens: the 16-character minimum of an inline `[serve]`
//! token holds for one read from the environment. A 3-character
//! `HM_SERVE_TOKEN` let `hm serve` listen on `0.0.0.0` and restart workers.
//!
//! The real binary, real HTTP on 127.0.0.1.

use super::{marked_api, post, wait_serving};
use crate::common::Test;
use crate::common::daemon::Daemon;
use crate::common::receiver::free_port;
use std::time::Duration;

#[test]
fn issue25_a_short_token_from_the_environment_is_refused_like_an_inline_one() {
    let t = Test::new();
    let text = marked_api(&t, "[serve]\ntoken = { env = \"HM_SERVE_TOKEN\" }\n");
    let t = t.config(&text).env("HM_SERVE_TOKEN", "abc");
    let port = free_port();
    for listen in [format!("0.0.0.0:{port}"), format!("127.0.0.1:{port}")] {
        let mut refused = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "1h"]);
        let code = refused.wait_exit(Duration::from_secs(10)).and_then(|s| s.code());
        let said = refused.stderr();
        assert_eq!(code, Some(1), "{listen}: {said}");
        assert_eq!(said.trim().lines().count(), 1, "one line: {said}");
        assert!(said.contains("$HM_SERVE_TOKEN ([serve] token) is shorter than 16 characters"), "{said}");
        assert!(!said.contains("abc"), "the token itself is not printed: {said}");
    }
    // `hm validate` says so too (a warning: the config itself is valid).
    let out = t.run(&["validate"]);
    out.code(0);
    assert!(out.stdout.contains("$HM_SERVE_TOKEN is shorter than 16 characters"), "{}", out.stdout);
    assert!(!t.path("restarted").exists());

    // Sixteen characters serve, off loopback too, and restart.
    let token = "0123456789abcdef";
    let t = t.env("HM_SERVE_TOKEN", token);
    let _hm = Daemon::start(&t, &["serve", "--listen", &format!("0.0.0.0:{port}"), "--interval", "1h"]);
    wait_serving(port);
    // 500: `touch` starts no process the monitor would find; but it ran.
    let (code, body) = post(port, "/monitors/api/restart", Some(&format!("Bearer {token}")));
    assert!(![401, 403].contains(&code), "{code} {body}");
    assert!(t.path("restarted").exists(), "{code} {body}");
}
