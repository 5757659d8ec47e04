//! Regular expressions as the config takes them: whether a pattern can be
//! used at all, decided when the config is read, and a regex error said in
//! one line (the checks and remedies that compile patterns say theirs so too).

use regex::Regex;

/// A regex error in one line: the `regex` crate's message is a multi-line
/// picture of the pattern; its last line says what is wrong.
pub(crate) fn short_error(e: &impl std::fmt::Display) -> String {
    let text = e.to_string();
    let last = text.lines().last().unwrap_or("invalid").trim();
    last.strip_prefix("error: ").unwrap_or(last).to_string()
}

/// Why `pattern` cannot be used, if it cannot: the syntax, and (where the
/// compiled program could outgrow the regex crate's size limit: counted
/// repetitions like `a{99999999}`, or a long pattern) the whole
/// compilation, so `hm validate` refuses what a check could not run.
/// Plain short patterns only have their syntax parsed, which
/// is enough for them and keeps loading a config of a thousand monitors
/// cheap.
pub(crate) fn pattern_error(pattern: &str) -> Option<String> {
    if let Err(e) = regex_syntax::Parser::new().parse(pattern) {
        return Some(short_error(&e));
    }
    if pattern.contains('{') || pattern.len() > 256 {
        return Regex::new(pattern).err().map(|e| short_error(&e));
    }
    None
}
