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
    if literal(pattern).is_some() {
        return None; // plain text: a pool's thousand patterns are mostly
    }
    if let Err(e) = regex_syntax::Parser::new().parse(pattern) {
        return Some(short_error(&e));
    }
    if pattern.contains('{') || pattern.len() > 256 {
        return Regex::new(pattern).err().map(|e| short_error(&e));
    }
    None
}

/// A pattern that is plain text, maybe anchored: `^` before it, `$`
/// after it, and none of the characters that mean more than themselves
/// (no flag can be set without a group, so nothing else can change what
/// the text matches). Such a pattern is matched without a regex: a pool's
/// `pattern = "^worker-{i} "` is a thousand of them, and compiling a
/// thousand regexes (into one set) was a tenth of an `hm check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Literal<'a> {
    pub text: &'a str,
    /// `^`: the text starts the command line.
    pub start: bool,
    /// `$`: the text ends it.
    pub end: bool,
}

impl Literal<'_> {
    /// Whether `line` matches, as the regex would.
    pub(crate) fn is_match(&self, line: &str) -> bool {
        match (self.start, self.end) {
            (true, true) => line == self.text,
            (true, false) => line.starts_with(self.text),
            (false, true) => line.ends_with(self.text),
            (false, false) => line.contains(self.text),
        }
    }
}

/// `pattern` as plain text, when it is that ([`Literal`]).
pub(crate) fn literal(pattern: &str) -> Option<Literal<'_>> {
    let (start, rest) = match pattern.strip_prefix('^') {
        Some(rest) => (true, rest),
        None => (false, pattern),
    };
    let (end, text) = match rest.strip_suffix('$') {
        Some(text) => (true, text),
        None => (false, rest),
    };
    let plain = !text.contains(['\\', '.', '+', '*', '?', '(', ')', '|', '[', ']', '{', '}', '^', '$']);
    plain.then_some(Literal { text, start, end })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue29_a_literal_matches_as_its_regex_does() {
        let lines = ["pool-7 w", "pool-70 w", "x pool-7 w", "pool-7", "", "a\npool-7 w", "é pool-7 ü"];
        for p in ["^pool-7 ", "pool-7", "^pool-7$", "pool-7 w$", "^", "$", "", "^$", "é pool", "a b#-~&"] {
            let lit = literal(p).expect(p);
            let re = Regex::new(p).expect(p);
            for l in lines {
                assert_eq!(lit.is_match(l), re.is_match(l), "{p:?} on {l:?}");
            }
        }
        for p in ["^pool-.", "a+", "a|b", "(?i)a", "\\d", "a{2}", "[ab]", "a$b", "a^", "^^a", "a$$"] {
            assert_eq!(literal(p), None, "{p:?}");
        }
    }
}
