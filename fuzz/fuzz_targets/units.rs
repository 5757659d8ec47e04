//! Durations (`30s`, `5m`, `1h30m`, `7d`, `1.5`) and sizes (`512MiB`, `2G`),
//! the one parser of each for config values and flags.
//!
//! Properties, for any text:
//! - neither parser panics, and an error message stays short (the input is
//!   cut, never echoed whole);
//! - a duration that parses is at most `MAX_DURATION` (100 years), and its
//!   whole seconds written as `Ns` parse back to the same whole seconds;
//! - a size that parses is at most `MAX_SIZE` (1 EiB) and, written as a bare
//!   number of bytes, parses back to itself;
//! - `secs` of any float (as the first 8 bytes give it) is within bounds;
//! - formatting either never panics.
#![no_main]

use hm::parsers::{MAX_DURATION, MAX_SIZE, format_bytes, format_duration, parse_duration, parse_size, secs};
use libfuzzer_sys::fuzz_target;
use std::time::Duration;

fuzz_target!(|data: &[u8]| {
    if data.len() >= 8 {
        let v = f64::from_le_bytes(data[..8].try_into().expect("8 bytes"));
        assert!(secs(v) <= MAX_DURATION, "{v}");
    }
    let Ok(text) = std::str::from_utf8(data) else { return };
    match parse_duration(text) {
        Ok(d) => {
            assert!(d <= MAX_DURATION, "{text:?} -> {d:?}");
            let _ = format_duration(d);
            let whole = format!("{}s", d.as_secs());
            assert_eq!(parse_duration(&whole), Ok(Duration::from_secs(d.as_secs())), "{text:?} -> {whole:?}");
        }
        Err(e) => assert!(e.len() < 300, "{text:?}: a long message: {e}"),
    }
    match parse_size(text) {
        Ok(n) => {
            assert!(n <= MAX_SIZE, "{text:?} -> {n}");
            assert_eq!(parse_size(&n.to_string()), Ok(n), "{text:?} -> {n}");
            let _ = format_bytes(n as f64);
        }
        Err(e) => assert!(e.len() < 300, "{text:?}: a long message: {e}"),
    }
});
