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

use crate::config::pattern::short_error;
use crate::host::{Host, ProcEntry};
use anyhow::{Result, anyhow};
use regex::{Regex, RegexSet};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The patterns of one run and, once matched, the pids each one matches.
#[derive(Debug, Default)]
pub(crate) struct PatternIndex {
    patterns: Vec<String>,
    /// Compiled up front (while the process table is being scanned).
    set: Option<Result<RegexSet, String>>,
    /// What the set matched in each command line of the last scan.
    memo: Memo,
    /// For each pattern, the indices of the scan's entries it matches.
    matched: OnceLock<Result<Vec<Vec<usize>>, String>>,
}

/// The set of the last patterns compiled. `hm run` checks the same
/// monitors every cycle: compiling their set once per config, not once per
/// cycle, is part of what keeps a cycle cheap. The engine owns
/// one (`engine::Engine`); a clone of a compiled set shares it.
///
/// With the set it keeps what the set matched in each command line of the
/// last scan: `hm run` sees the same thousand command lines cycle after
/// cycle, and matching them all again costs a tenth of a cycle,
/// where looking each up costs a hash. Only the last scan's lines are
/// kept, and a new list of patterns starts afresh.
#[derive(Debug, Default)]
pub(crate) struct PatternCache(Mutex<Option<(Vec<String>, Compiled, Memo)>>);

/// A compiled set, or why the patterns would not compile.
type Compiled = Result<RegexSet, String>;

/// The indices of the patterns each command line matches.
type Memo = Arc<Mutex<HashMap<String, Box<[usize]>>>>;

impl PatternCache {
    fn compiled(&self, patterns: &[String]) -> (Compiled, Memo) {
        let mut last = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((p, set, memo)) = last.as_ref()
            && p.as_slice() == patterns
        {
            return (set.clone(), memo.clone());
        }
        let set = RegexSet::new(patterns).map_err(|e| short_error(&e));
        let memo = Memo::default();
        *last = Some((patterns.to_vec(), set.clone(), memo.clone()));
        (set, memo)
    }
}

impl PatternIndex {
    /// The index of `patterns`, their set compiled through `cache`.
    pub(crate) fn new(patterns: impl IntoIterator<Item = String>, cache: &PatternCache) -> PatternIndex {
        let mut unique: Vec<String> = Vec::new();
        for p in patterns {
            if !unique.contains(&p) {
                unique.push(p);
            }
        }
        let (set, memo) = if unique.is_empty() {
            (None, Memo::default())
        } else {
            let (set, memo) = cache.compiled(&unique);
            (Some(set), memo)
        };
        PatternIndex { patterns: unique, set, memo, matched: OnceLock::new() }
    }

    /// The scan's entries whose command line matches `pattern`.
    pub(crate) fn matches<'h>(&self, host: &'h dyn Host, pattern: &str) -> Result<Vec<&'h ProcEntry>> {
        let procs = host.processes()?;
        if let Some(i) = self.patterns.iter().position(|p| p == pattern)
            && let Ok(all) = self.matched.get_or_init(|| self.match_all(procs))
        {
            return Ok(all[i].iter().filter_map(|&j| procs.get(j)).collect());
        }
        let re = Regex::new(pattern).map_err(|e| anyhow!("invalid pattern: {}", short_error(&e)))?;
        Ok(procs.iter().filter(|e| re.is_match(&e.cmdline)).collect())
    }

    /// Whether `text` (one process's command line, read again) matches
    /// `pattern`, through the compiled set when it holds the pattern.
    pub(crate) fn is_match(&self, pattern: &str, text: &str) -> Result<bool> {
        if let Some(i) = self.patterns.iter().position(|p| p == pattern)
            && let Some(Ok(set)) = &self.set
        {
            return Ok(set.matches(text).matched(i));
        }
        let re = Regex::new(pattern).map_err(|e| anyhow!("invalid pattern: {}", short_error(&e)))?;
        Ok(re.is_match(text))
    }

    fn match_all(&self, procs: &[ProcEntry]) -> Result<Vec<Vec<usize>>, String> {
        let set = match &self.set {
            Some(Ok(set)) => set,
            Some(Err(e)) => return Err(e.clone()),
            None => return Err("no patterns".to_string()),
        };
        let mut out = vec![Vec::new(); self.patterns.len()];
        let mut memo = self.memo.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut last = std::mem::take(&mut *memo);
        for (j, e) in procs.iter().enumerate() {
            let hits = match last.remove_entry(&e.cmdline).or_else(|| memo.remove_entry(&e.cmdline)) {
                Some(kept) => kept,
                // Most command lines match no pattern. `is_match` may stop
                // at the first match, or as soon as no pattern can match
                // (anchored patterns fail on a line's first bytes);
                // `matches` must search for every pattern.
                None if !set.is_match(&e.cmdline) => (e.cmdline.clone(), Box::default()),
                None => (e.cmdline.clone(), set.matches(&e.cmdline).iter().collect()),
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
mod tests {
    use super::*;
    use crate::host::fake::FakeHost;

    fn host() -> FakeHost {
        let entry = |pid, cmdline: &str| ProcEntry { pid, cmdline: cmdline.to_string(), ..Default::default() };
        FakeHost {
            entries: vec![entry(1, "gunicorn api"), entry(2, "gunicorn web"), entry(3, "celery worker"), entry(4, "")],
            ..Default::default()
        }
    }

    #[test]
    fn one_pass_for_all_patterns() {
        let cache = PatternCache::default();
        let idx = PatternIndex::new(["gunicorn".to_string(), "api|worker".to_string(), "gunicorn".to_string()], &cache);
        let h = host();
        let pids = |p: &str| idx.matches(&h, p).map(|v| v.iter().map(|e| e.pid).collect::<Vec<_>>());
        assert_eq!(pids("gunicorn").expect("pids"), vec![1, 2]);
        assert_eq!(pids("api|worker").expect("pids"), vec![1, 3]);
        // Not in the set: matched on its own.
        assert_eq!(pids("^celery").expect("pids"), vec![3]);
        assert!(pids("(").is_err());
        assert!(idx.is_match("api|worker", "celery worker").expect("set") && !idx.is_match("^x", "y x").expect("own"));
    }

    #[test]
    fn issue17_the_cache_compiles_a_list_of_patterns_once() {
        let cache = PatternCache::default();
        let list = || ["a+".to_string(), "b".to_string()];
        let first = PatternIndex::new(list(), &cache);
        let again = PatternIndex::new(list(), &cache);
        let other = PatternIndex::new(["c".to_string()], &cache);
        let set = |i: &PatternIndex| match &i.set {
            Some(Ok(s)) => s.clone(),
            _ => panic!("compiled"),
        };
        // A clone of a RegexSet shares its program: the same patterns, the
        // same set; another list, another set.
        assert_eq!(set(&first).patterns(), set(&again).patterns());
        assert_eq!(set(&other).patterns(), ["c"]);
        assert!(cache.0.lock().expect("lock").as_ref().is_some_and(|(p, ..)| p == &["c".to_string()]));
    }

    #[test]
    fn issue18_the_last_scans_matches_are_kept_and_only_new_lines_matched() {
        let cache = PatternCache::default();
        let list = || ["^gunicorn".to_string(), "worker$".to_string()];
        let h = host();
        let pids = |idx: &PatternIndex, h: &FakeHost, p: &str| {
            idx.matches(h, p).map(|v| v.iter().map(|e| e.pid).collect::<Vec<_>>()).expect("pids")
        };
        let first = PatternIndex::new(list(), &cache);
        assert_eq!(pids(&first, &h, "^gunicorn"), [1, 2]);
        let memo = first.memo.clone();
        assert_eq!(memo.lock().expect("memo").len(), 4, "every line of the scan");
        // The next cycle: one process gone, one new, one line seen twice.
        let entry = |pid, cmdline: &str| ProcEntry { pid, cmdline: cmdline.to_string(), ..Default::default() };
        let next = FakeHost {
            entries: vec![
                entry(2, "gunicorn web"),
                entry(3, "celery worker"),
                entry(5, "gunicorn web"),
                entry(6, "rq worker"),
            ],
            ..Default::default()
        };
        let again = PatternIndex::new(list(), &cache);
        assert!(Arc::ptr_eq(&again.memo, &memo), "kept with the set");
        assert_eq!(pids(&again, &next, "^gunicorn"), [2, 5]);
        assert_eq!(pids(&again, &next, "worker$"), [3, 6]);
        let kept: Vec<String> = {
            let mut k: Vec<String> = memo.lock().expect("memo").keys().cloned().collect();
            k.sort();
            k
        };
        assert_eq!(kept, ["celery worker", "gunicorn web", "rq worker"], "only the last scan's lines");
        // Other patterns: matched afresh.
        let other = PatternIndex::new(["web".to_string()], &cache);
        assert!(!Arc::ptr_eq(&other.memo, &memo));
        assert_eq!(pids(&other, &next, "web"), [2, 5]);
    }
}
