//! `hm.toml`, as `hm validate` and every subcommand read it.
//!
//! Properties, for any text:
//! - parsing never panics;
//! - an error lists at least one issue, and every issue names the file it
//!   was given, a line of the text (1..=its line count) and a message;
//! - a config that loads kept every `[[monitor]]`, `[[clean]]` and
//!   `[[channel]]` table it has (loading never half-succeeds), and its
//!   monitor names are unique.
#![no_main]

use hm::parsers::config;
use libfuzzer_sys::fuzz_target;

const FILE: &str = "/etc/hm/hm.toml";

fn tables(doc: &toml::Table, key: &str) -> usize {
    doc.get(key).and_then(toml::Value::as_array).map_or(0, Vec::len)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let lines = text.lines().count().max(1);
    match config(FILE, text) {
        Err((issues, line)) => {
            assert!(!issues.is_empty(), "{text:?}: no issues");
            for issue in &issues {
                assert_eq!(issue.file, FILE, "{text:?}: {issue:?}");
                assert!((1..=lines).contains(&issue.line), "{text:?} ({lines} lines): {issue:?}");
                assert!(!issue.message.is_empty(), "{text:?}: {issue:?}");
            }
            assert!(!line.is_empty(), "{text:?}: no line to print");
        }
        Ok(loaded) => {
            let doc: toml::Table = text.parse().unwrap_or_else(|e| panic!("{text:?} loads but is not TOML: {e}"));
            assert_eq!(loaded.configured.len(), tables(&doc, "monitor"), "{text:?}: a monitor went missing");
            assert_eq!(loaded.clean, tables(&doc, "clean"), "{text:?}: a clean rule went missing");
            assert_eq!(loaded.channels, tables(&doc, "channel"), "{text:?}: a channel went missing");
            let mut names = loaded.names.clone();
            names.sort_unstable();
            let count = names.len();
            names.dedup();
            assert_eq!(names.len(), count, "{text:?}: duplicate monitor names");
        }
    }
});
