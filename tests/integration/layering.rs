//! The layering of ARCHITECTURE.md, held by a test rather than by prose
//! (as rust-analyzer's tidy tests hold theirs): every `crate::MODULE`
//! path in `src/` (test code aside) must point down or sideways.
//!
//! - only `lib.rs` uses `cmd/`; clap only in `cli/`, `cmd/` and `lib.rs`;
//! - `engine/` uses neither `output/` nor `serve/`;
//! - no lower layer uses an upper one (the ranks below).
//!
//! What breaks these rules today is listed in `KNOWN`, each with the file
//! and the module it reaches up to. The list only shrinks: a new break
//! fails, and so does an entry that no longer happens (take it out).

use std::collections::BTreeSet;
use std::path::Path;

/// Upper layers have higher ranks; a module may use its own rank and below.
fn rank(module: &str) -> Option<u8> {
    Some(match module {
        "bin" | "lib" | "cli" | "cmd" => 6,
        "serve" | "output" => 5,
        "engine" => 4,
        "alert" | "remedy" | "analyze" | "check" => 3,
        "store" | "config" => 2,
        "host" | "lock" | "safe_path" | "safe_write" => 1,
        "text" | "time" | "units" | "status" => 0,
        _ => return None,
    })
}

/// Breaks of the rules as the code stands, `(file under src/, module)`.
const KNOWN: &[(&str, &str)] = &[
    ("alert/mod.rs", "engine"),
    ("config/kinds.rs", "check"),
    ("config/model.rs", "check"),
    ("config/new_monitor.rs", "check"),
    ("config/validate.rs", "check"),
    ("config/validate_clean.rs", "remedy"),
    ("engine/clean.rs", "output"),
    ("engine/ctx.rs", "output"),
    ("engine/death/coroner.rs", "output"),
    ("engine/heal_events.rs", "output"),
    ("engine/intent.rs", "output"),
    ("engine/later.rs", "output"),
    ("store/alerts.rs", "alert"),
    ("store/alerts.rs", "engine"),
    ("store/checks.rs", "check"),
    ("store/counters.rs", "check"),
    ("store/deaths.rs", "engine"),
    ("store/mod.rs", "check"),
    ("store/outbox.rs", "alert"),
    ("store/pings.rs", "check"),
    ("store/rows/check.rs", "analyze"),
    ("store/rows/check.rs", "check"),
    ("store/rows/death.rs", "engine"),
    ("store/rows/notification.rs", "alert"),
    ("store/rows/notification.rs", "engine"),
];

/// The module a file under `src/` belongs to: its first component.
fn module_of(rel: &str) -> &str {
    let first = rel.split('/').next().unwrap_or(rel);
    first.strip_suffix(".rs").unwrap_or(first)
}

/// The file's code without its tests: a `*_tests.rs` or `tests.rs` file is
/// all test, and a file's `#[cfg(test)]` module is cut off.
fn code(rel: &str, text: &str) -> Option<String> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if name.ends_with("_tests.rs") || name == "tests.rs" || rel.contains("/tests/") {
        return None;
    }
    let cut = text.lines().take_while(|l| l.trim() != "#[cfg(test)]").collect::<Vec<_>>();
    Some(cut.join("\n"))
}

/// The `crate::MODULE` names a text uses, and whether it names clap.
fn uses(text: &str) -> (BTreeSet<String>, bool) {
    let mut out = BTreeSet::new();
    for line in text.lines().map(str::trim).filter(|l| !l.starts_with("//")) {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    let clap = text.lines().map(str::trim).filter(|l| !l.starts_with("//")).any(|l| {
        l.contains("clap::")
            || l.contains("clap_complete::")
            || l.contains("clap_mangen::")
            || l.starts_with("use clap")
    });
    (out, clap)
}

/// Every break of the rules in `src/`, `(file, module)`.
fn breaks(src: &Path) -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    for entry in walkdir::WalkDir::new(src).into_iter().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(src).expect("under src").to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(path).expect("read source");
        let Some(text) = code(&rel, &text) else { continue };
        let me = module_of(&rel);
        let (used, clap) = uses(&text);
        if clap && !matches!(me, "cli" | "cmd" | "lib") {
            found.insert((rel.clone(), "clap".to_string()));
        }
        for target in used {
            if target == me {
                continue;
            }
            let upward = match (rank(me), rank(&target)) {
                (Some(a), Some(b)) => b > a,
                _ => false,
            };
            let forbidden = (target == "cmd" && me != "lib")
                || (me == "engine" && matches!(target.as_str(), "output" | "serve"))
                || upward;
            if forbidden {
                found.insert((rel.clone(), target));
            }
        }
    }
    found
}

#[test]
fn issue27_imports_point_down_and_the_known_breaks_only_shrink() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = breaks(&src);
    let known: BTreeSet<(String, String)> = KNOWN.iter().map(|(f, m)| (f.to_string(), m.to_string())).collect();
    let new: Vec<_> = found.difference(&known).collect();
    let gone: Vec<_> = known.difference(&found).collect();
    assert!(new.is_empty(), "imports that point up (ARCHITECTURE.md, Invariants): {new:?}");
    assert!(gone.is_empty(), "fixed, so take them out of KNOWN: {gone:?}");
}

#[test]
fn issue27_the_layering_check_finds_a_planted_break() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |rel: &str, text: &str| {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    };
    write("store/mod.rs", "use crate::engine::Engine;\n#[cfg(test)]\nmod tests { use crate::serve::x; }\n");
    write("check/mod.rs", "use crate::config::Monitor; // fine: down\nuse clap::Parser;\n");
    write("engine/mod.rs", "// crate::output in a comment is fine\nfn f() { crate::output::warn(\"x\"); }\n");
    write("host/mod.rs", "use crate::cmd::run;\n");
    write("store/tests.rs", "use crate::engine::Engine;\n");
    let found: Vec<(String, String)> = breaks(dir.path()).into_iter().collect();
    let want: Vec<(String, String)> =
        [("check/mod.rs", "clap"), ("engine/mod.rs", "output"), ("host/mod.rs", "cmd"), ("store/mod.rs", "engine")]
            .iter()
            .map(|(f, m)| (f.to_string(), m.to_string()))
            .collect();
    assert_eq!(found, want);
}
