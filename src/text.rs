//! Observed text made safe to show.
//!
//! hm prints what it observed: a heartbeat query's value, a plugin's
//! output, process command lines, tmux pane text, file names in clean
//! roots. Anyone who can name a file or start a process chooses that text,
//! and hm runs as root at an operator's terminal. A raw ESC, CR or BEL in
//! it could erase a line, set the window title, or print a fake "nothing
//! to delete"; a raw newline forges a line of a report, a log or a Nagios
//! status line.
//!
//! [`escape`] is the one function that turns every control character (C0,
//! DEL and C1, ESC among them) into a visible escape, as `ls
//! --quoting-style=escape` does: `\t`, `\n`, `\r`, `\x1b`, `\x7f`,
//! `\u{9b}`. Text renderers, the Nagios and Prometheus exporters, stderr
//! lines and the channels that show text to people (log, Slack, email,
//! PagerDuty's summary) use it; JSON keeps the exact characters (serde
//! escapes them). [`escape_lines`] is the same with the newlines between
//! lines kept: the last pass over a whole rendered text.
//!
//! A backslash is left as it is, so a message quoting a pattern (`\d+`)
//! reads as before; `--json` tells a real ESC from the four characters.

use std::borrow::Cow;

/// `s` with every control character shown as a visible escape, on one
/// line. Borrowed when there is none (the usual case).
pub(crate) fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push(&mut out, c);
    }
    Cow::Owned(out)
}

/// A whole rendered text, its lines kept: every control character but
/// `\n` escaped. With `keep_colour`, the SGR sequences of colour
/// (`ESC [ digits ; m`) that the renderer added stay; nothing else does,
/// so a field left unescaped still cannot move the cursor or set a title.
pub(crate) fn escape_lines(s: &str, keep_colour: bool) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && c.is_control()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if keep_colour && let Some(n) = sgr_len(rest) {
            out.push_str(&rest[..n]);
            rest = &rest[n..];
            continue;
        }
        if c == '\n' {
            out.push(c);
        } else {
            push(&mut out, c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// The length of the colour sequence `ESC [ [0-9;]* m` that `s` starts
/// with, if it starts with one.
fn sgr_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix("\x1b[")?;
    let params = body.bytes().take_while(|b| b.is_ascii_digit() || *b == b';').count();
    (body.as_bytes().get(params) == Some(&b'm')).then_some(2 + params + 1)
}

/// Push `c`, escaped if it is a control character.
fn push(out: &mut String, c: char) {
    use std::fmt::Write;
    match c {
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\0'..='\x1f' | '\x7f' => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        '\u{80}'..='\u{9f}' => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        _ => out.push(c),
    }
}

/// Slack's markup escaped (`&`, `<`, `>` as `&amp;`, `&lt;`, `&gt;`, as
/// Slack documents), after [`escape`]: observed text in a message can
/// then neither mention (`<!channel>`) nor disguise a link
/// (`<https://evil/|Click here>`).
pub(crate) fn slack(s: &str) -> String {
    escape(s).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// At most `max` characters of `s`, the last one `…` when it was cut.
pub(crate) fn cut(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        Some(_) if max == 0 => Cow::Borrowed(""),
        Some(_) => {
            let end = s.char_indices().nth(max - 1).map_or(s.len(), |(i, _)| i);
            Cow::Owned(format!("{}…", &s[..end]))
        }
        None => Cow::Borrowed(s),
    }
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
