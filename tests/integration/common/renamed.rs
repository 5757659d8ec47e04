//! Workers started renamed through bash: `bash -c "exec -a 'NAME' CMD"`.
//!
//! Until bash reaches its `exec`, the worker's command line is bash's own
//! (`bash -c exec -a 'NAME' CMD`), not NAME. A monitor anchored on NAME
//! alone (`^NAME`) misses it in that gap, and a check right after the
//! start (a `restart_delay` of 50–300 ms) on a loaded machine found the
//! worker it had just started missing. The pattern here matches both
//! command lines, still anchored at the start, so a lookalike with NAME
//! further on (`sudo NAME`) is still not matched.

/// A worker shown as `name` (which starts with `matched`, what the
/// monitor matches), running `cmd` after `before` (shell, may be empty):
/// the TOML value of its `start`, and its `pattern` (for inside a TOML
/// basic string).
pub(crate) fn renamed(matched: &str, name: &str, before: &str, cmd: &str) -> (String, String) {
    assert!(name.starts_with(matched), "{name} is not matched by {matched}");
    assert!(
        matched.chars().all(|c| c.is_ascii_alphanumeric() || " -_".contains(c)),
        "{matched} would need escaping in a pattern"
    );
    let script = format!("{before}exec -a '{name}' {cmd}");
    let start = format!("[\"bash\", \"-c\", \"{}\"]", script.replace('\\', "\\\\").replace('"', "\\\""));
    (start, pattern(matched))
}

/// The pattern of [`renamed`]'s worker: `matched` at the start of the
/// renamed command line, or in the `exec -a` of bash's own before it.
pub(crate) fn pattern(matched: &str) -> String {
    format!("^(bash -c .*exec -a '{matched}|{matched})")
}
