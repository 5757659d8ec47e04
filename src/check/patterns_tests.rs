//! The pattern index: one pass for all patterns, the cache between cycles,
//! and plain text matched without a regex.

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
fn issue29_plain_patterns_match_without_a_regex_as_their_regex_would() {
    let lines = ["pool-1 w", "pool-10 w", "pool-1", "x pool-1 w", "pool-2 w", "pool-1 w\nz", "é pool-1 w", ""];
    let entry = |pid, cmdline: &str| ProcEntry { pid, cmdline: cmdline.to_string(), ..Default::default() };
    let h = FakeHost { entries: lines.iter().zip(1..).map(|(l, pid)| entry(pid, l)).collect(), ..Default::default() };
    let patterns = ["^pool-1 ", "^pool-10 ", "^pool-1$", "pool-1", "^pool-[12] ", "w$", "^é", "^", "^$"];
    let idx = PatternIndex::new(patterns.map(String::from), &PatternCache::default());
    // Only the patterns that are not plain text anchored at the start are compiled.
    assert!(matches!(&idx.program.set, Some(Ok(set)) if set.patterns() == ["pool-1", "^pool-[12] ", "w$"]));
    for p in patterns {
        let re = Regex::new(p).expect(p);
        let want: Vec<u32> = h.entries.iter().filter(|e| re.is_match(&e.cmdline)).map(|e| e.pid).collect();
        let got: Vec<u32> = idx.matches(&h, p).expect(p).iter().map(|e| e.pid).collect();
        assert_eq!(got, want, "{p:?}");
        for l in lines {
            assert_eq!(idx.is_match(p, l).expect(p), re.is_match(l), "{p:?} on {l:?}");
        }
    }
}

#[test]
fn issue17_the_cache_compiles_a_list_of_patterns_once() {
    let cache = PatternCache::default();
    let list = || ["a+".to_string(), "b|d".to_string()];
    let first = PatternIndex::new(list(), &cache);
    let again = PatternIndex::new(list(), &cache);
    let other = PatternIndex::new(["c+".to_string()], &cache);
    let set = |i: &PatternIndex| match &i.program.set {
        Some(Ok(s)) => s.clone(),
        _ => panic!("compiled"),
    };
    // A clone of a RegexSet shares its program: the same patterns, the
    // same set; another list, another set.
    assert_eq!(set(&first).patterns(), set(&again).patterns());
    assert_eq!(set(&other).patterns(), ["c+"]);
    assert!(cache.0.lock().expect("lock").as_ref().is_some_and(|(p, _)| p.patterns == ["c+".to_string()]));
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
