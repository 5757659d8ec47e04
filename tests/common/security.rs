//! Helpers shared by the security tests (`tests/security_*.rs`).

use std::path::Path;

/// `s` as a TOML basic string (JSON's escapes are a subset of TOML's).
pub fn q(s: impl AsRef<str>) -> String {
    serde_json::to_string(s.as_ref()).expect("quote")
}

pub fn qp(p: &Path) -> String {
    q(p.to_str().expect("utf-8 path"))
}
