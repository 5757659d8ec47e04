//! Command-line patterns of all `process` monitors, matched in one pass.
//!
//! A hundred monitors each running its own regex over a thousand command
//! lines is a hundred thousand searches; a `RegexSet` of all the patterns
//! reads each command line once (5.5 ms became 1 ms here), and compiling the
//! set costs less than compiling the regexes one by one. The set is
//! compiled while the process table is scanned (once per list of patterns:
//! `hm run` reuses it every cycle), and matched by the first check that
//! needs it. A pattern the set does not know (or a set that fails
//! to compile) falls back to its own regex.

use crate::config::pattern::{literal, short_error};
use crate::host::{Host, ProcEntry};
use anyhow::{Result, anyhow};
use regex::{Regex, RegexSet};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

/// The patterns of one run and, once matched, the pids each one matches.
#[derive(Debug, Default)]
pub(crate) struct PatternIndex {
    /// Compiled up front (while the process table is being scanned).
    program: Arc<Program>,
    /// What the patterns matched in each command line of the last scan.
    memo: Memo,
    /// For each pattern, the indices of the scan's entries it matches.
    matched: OnceLock<Result<Vec<Vec<usize>>, String>>,
}

/// One list of patterns, made ready to match. Plain text anchored at the
/// start of the line (`^worker-7 `, what a pool's `{i}` pattern mostly is:
/// [`literal`]) is looked up by the line's first bytes, one hash per
/// length, and never compiled; the others are one `RegexSet`. A thousand
/// patterns in a set took a tenth of an `hm check` to compile, and its
/// caches grew with them.
#[derive(Debug, Default)]
struct Program {
    patterns: Vec<String>,
    /// Each pattern's index in `patterns`.
    position: HashMap<String, usize>,
    /// `^text`: the text, and the pattern's index.
    starts: HashMap<String, usize>,
    /// The lengths of the texts in `starts`.
    start_lens: Vec<usize>,
    /// `^text$`: the text, and the pattern's index.
    exact: HashMap<String, usize>,
    /// The other patterns, compiled into one set (none when there are none).
    set: Option<Compiled>,
    /// The index in `patterns` of each of the set's patterns.
    in_set: Vec<usize>,
    /// The index in the set of each pattern it holds, by index in `patterns`.
    set_of: HashMap<usize, usize>,
}

impl Program {
    fn new(patterns: Vec<String>) -> Program {
        let mut p = Program::default();
        let mut regexes = Vec::new();
        let mut lens = HashSet::new();
        for (i, pattern) in patterns.iter().enumerate() {
            p.position.insert(pattern.clone(), i);
            match literal(pattern) {
                Some(l) if l.start && l.end => {
                    p.exact.insert(l.text.to_string(), i);
                }
                Some(l) if l.start => {
                    lens.insert(l.text.len());
                    p.starts.insert(l.text.to_string(), i);
                }
                _ => {
                    p.set_of.insert(i, p.in_set.len());
                    p.in_set.push(i);
                    regexes.push(pattern.as_str());
                }
            }
        }
        p.start_lens = lens.into_iter().collect();
        p.start_lens.sort_unstable();
        if !regexes.is_empty() {
            p.set = Some(RegexSet::new(regexes).map_err(|e| short_error(&e)));
        }
        p.patterns = patterns;
        p
    }

    /// The indices of the patterns `line` matches, or why the set could
    /// not be used.
    fn hits(&self, line: &str) -> Result<Box<[usize]>, String> {
        let mut hits = Vec::new();
        for &len in &self.start_lens {
            if let Some(head) = line.get(..len)
                && let Some(&i) = self.starts.get(head)
            {
                hits.push(i);
            }
        }
        if let Some(&i) = self.exact.get(line) {
            hits.push(i);
        }
        match &self.set {
            // Most command lines match no pattern. `is_match` may stop
            // at the first match, or as soon as no pattern can match
            // (anchored patterns fail on a line's first bytes);
            // `matches` must search for every pattern.
            Some(Ok(set)) if set.is_match(line) => hits.extend(set.matches(line).iter().map(|k| self.in_set[k])),
            Some(Ok(_)) | None => {}
            Some(Err(e)) => return Err(e.clone()),
        }
        Ok(hits.into_boxed_slice())
    }
}

/// The last list of patterns made ready. `hm run` checks the same
/// monitors every cycle: compiling their set once per config, not once per
/// cycle, is part of what keeps a cycle cheap. The engine owns
/// one (`engine::Engine`); the indexes made from it share it.
///
/// With it, it keeps what the patterns matched in each command line of the
/// last scan: `hm run` sees the same thousand command lines cycle after
/// cycle, and matching them all again costs a tenth of a cycle,
/// where looking each up costs a hash. Only the last scan's lines are
/// kept, and a new list of patterns starts afresh.
#[derive(Debug, Default)]
pub(crate) struct PatternCache(Mutex<Option<(Arc<Program>, Memo)>>);

/// A compiled set, or why the patterns would not compile.
type Compiled = Result<RegexSet, String>;

/// The indices of the patterns each command line matches.
type Memo = Arc<Mutex<HashMap<String, Box<[usize]>>>>;

impl PatternCache {
    fn compiled(&self, patterns: Vec<String>) -> (Arc<Program>, Memo) {
        let mut last = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((program, memo)) = last.as_ref()
            && program.patterns == patterns
        {
            return (program.clone(), memo.clone());
        }
        let program = Arc::new(Program::new(patterns));
        let memo = Memo::default();
        *last = Some((program.clone(), memo.clone()));
        (program, memo)
    }
}

impl PatternIndex {
    /// The index of `patterns`, their set compiled through `cache`.
    pub(crate) fn new(patterns: impl IntoIterator<Item = String>, cache: &PatternCache) -> PatternIndex {
        let mut seen = HashSet::new();
        let unique: Vec<String> = patterns.into_iter().filter(|p| seen.insert(p.clone())).collect();
        let (program, memo) =
            if unique.is_empty() { (Arc::default(), Memo::default()) } else { cache.compiled(unique) };
        PatternIndex { program, memo, matched: OnceLock::new() }
    }

    /// The scan's entries whose command line matches `pattern`.
    pub(crate) fn matches<'h>(&self, host: &'h dyn Host, pattern: &str) -> Result<Vec<&'h ProcEntry>> {
        let procs = host.processes()?;
        if let Some(&i) = self.program.position.get(pattern)
            && let Ok(all) = self.matched.get_or_init(|| self.match_all(procs))
        {
            return Ok(all[i].iter().filter_map(|&j| procs.get(j)).collect());
        }
        if let Some(l) = literal(pattern) {
            return Ok(procs.iter().filter(|e| l.is_match(&e.cmdline)).collect());
        }
        let re = Regex::new(pattern).map_err(|e| anyhow!("invalid pattern: {}", short_error(&e)))?;
        Ok(procs.iter().filter(|e| re.is_match(&e.cmdline)).collect())
    }

    /// Whether `text` (one process's command line, read again) matches
    /// `pattern`, through the compiled set when it holds the pattern.
    pub(crate) fn is_match(&self, pattern: &str, text: &str) -> Result<bool> {
        if let Some(l) = literal(pattern) {
            return Ok(l.is_match(text));
        }
        if let Some(i) = self.program.position.get(pattern)
            && let Some(&k) = self.program.set_of.get(i)
            && let Some(Ok(set)) = &self.program.set
        {
            return Ok(set.matches(text).matched(k));
        }
        let re = Regex::new(pattern).map_err(|e| anyhow!("invalid pattern: {}", short_error(&e)))?;
        Ok(re.is_match(text))
    }

    fn match_all(&self, procs: &[ProcEntry]) -> Result<Vec<Vec<usize>>, String> {
        if self.program.patterns.is_empty() {
            return Err("no patterns".to_string());
        }
        let mut out = vec![Vec::new(); self.program.patterns.len()];
        let mut memo = self.memo.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut last = std::mem::take(&mut *memo);
        for (j, e) in procs.iter().enumerate() {
            let hits = match last.remove_entry(&e.cmdline).or_else(|| memo.remove_entry(&e.cmdline)) {
                Some(kept) => kept,
                None => (e.cmdline.clone(), self.program.hits(&e.cmdline)?),
            };
            for &i in &hits.1 {
                out[i].push(j);
            }
            memo.insert(hits.0, hits.1);
        }
        Ok(out)
    }
}

#[cfg(test)]
#[path = "patterns_tests.rs"]
mod tests;
