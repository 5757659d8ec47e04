//! Freeing space by the `[[clean]]` rules of hm.toml, or by a rule given
//! on the command line: `hm clean-disk` and the clean-disk step of
//! `hm heal`. A dry run lists what would go; a real run (under the run
//! lock, which the caller holds) records one action per rule, its intent
//! before it deletes anything, except on the full disk that
//! holds the database: freeing it is what clean-disk is for, so the
//! intent goes to stderr and the system log, and the row follows.

use super::intent::{Intent, NotActing, Pending, intend_one};
use super::report::{CleanReport, RuleReport};
use super::{DryRun, Engine, Said, Say};
use crate::config::{CleanRule, Config};
use crate::host::ProcNeeds;
use crate::remedy::clean_disk;
use crate::store::{ActionKind, ActionOutcome, Store};
use crate::time::unix_now;
use crate::units::format_bytes;
use anyhow::{Result, bail};
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

/// A rule from flags.
pub(crate) struct AdHoc {
    pub paths: Vec<PathBuf>,
    pub globs: Vec<String>,
    pub older_than: Duration,
}

/// The rules a `hm clean-disk` runs: the one given as flags, the one
/// named, or all of the config's.
pub(crate) fn rules(config: &Config, rule: Option<&str>, ad_hoc: Option<AdHoc>) -> Result<Vec<CleanRule>> {
    Ok(match (ad_hoc, rule) {
        (Some(a), _) => {
            let mut globs = Vec::new();
            for g in &a.globs {
                globs.push(glob::Pattern::new(g).map_err(|e| anyhow::anyhow!("--glob `{g}`: {e}"))?);
            }
            vec![CleanRule {
                name: "command-line".into(),
                roots: a.paths,
                globs,
                older_than: a.older_than,
                journal_vacuum: None,
                budget: None,
            }]
        }
        (None, Some(name)) => match config.clean.iter().find(|r| r.name == name) {
            Some(r) => vec![r.clone()],
            None => {
                let known: Vec<&str> = config.clean.iter().map(|r| r.name.as_str()).collect();
                bail!(
                    "no clean rule named `{name}` (known: {})",
                    if known.is_empty() { "none".into() } else { known.join(", ") }
                )
            }
        },
        (None, None) if config.clean.is_empty() => {
            bail!(
                "no [[clean]] rules in the config; name directories (hm clean-disk /srv/app/tmp --older-than 7d) or add rules"
            )
        }
        (None, None) => config.clean.clone(),
    })
}

/// How far a rule's scan has come, for large trees: told to `say` at most
/// ten times a second (a terminal shows it on one line, redrawn; logs and
/// pipes never see it), and cleared at the end if it was told.
struct Progress<'a> {
    rule: &'a str,
    say: &'a Say,
    last: std::cell::Cell<Option<std::time::Instant>>,
}

impl<'a> Progress<'a> {
    fn new(rule: &'a str, say: &'a Say) -> Progress<'a> {
        Progress { rule, say, last: std::cell::Cell::new(None) }
    }

    fn tick(&self, seen: u64, matched: usize) {
        let now = std::time::Instant::now();
        if self.last.get().is_some_and(|t| now.duration_since(t) < Duration::from_millis(100)) {
            return;
        }
        self.last.set(Some(now));
        self.say.tell(Said::Scanning { rule: self.rule.to_string(), seen, matched });
    }

    fn done(&self) {
        if self.last.get().is_some() {
            self.say.tell(Said::Scanned);
        }
    }
}

impl Engine {
    /// Apply rules (the caller holds the run lock) and record what was done.
    pub(crate) fn clean(&self, store: &Store, rules: &[CleanRule], dry_run: DryRun) -> Result<CleanReport> {
        // Refuse before touching anything, so one bad rule stops the whole run.
        for r in rules {
            for root in &r.roots {
                if let Some(why) = clean_disk::refuse_root(root) {
                    bail!("rule {}: {why}", r.name);
                }
            }
        }
        let mut reports = Vec::new();
        for r in rules {
            // Record before acting, but for the one case that
            // cannot: this rule frees the full disk the database is on.
            let started = unix_now();
            let pending = if dry_run.yes() { None } else { intend_clean(store, r, &self.ctx().say)? };
            let progress = Progress::new(&r.name, &self.ctx().say);
            let out = clean_disk::run_with_progress(r, SystemTime::now(), dry_run, &|seen, matched| {
                progress.tick(seen, matched)
            });
            let mut out = match out {
                Ok(out) => out,
                Err(e) => {
                    if let Some(p) = pending {
                        p.finish(ActionOutcome::Failed, &format!("{e:#}"))?;
                    }
                    return Err(e);
                }
            };
            progress.done();
            let journal = r.journal_vacuum.map(|age| {
                let argv = vec!["journalctl".to_string(), format!("--vacuum-time={}s", age.as_secs())];
                if dry_run.yes() {
                    return format!("would run {}", argv.join(" "));
                }
                match self.host(ProcNeeds::default()).run_command(&argv, Duration::from_secs(120)) {
                    Ok(()) => format!("ran {}", argv.join(" ")),
                    Err(e) => {
                        out.errors.push(format!("journal: {e:#}"));
                        format!("failed: {e:#}")
                    }
                }
            });
            let bytes: u64 = out.removed.iter().map(|f| f.bytes).sum();
            if !dry_run.yes() {
                let outcome = if out.errors.is_empty() { ActionOutcome::Ok } else { ActionOutcome::Partial };
                let details = format!(
                    "deleted {}, freed {}",
                    crate::units::count(out.removed.len() as u64, "file"),
                    format_bytes(bytes as f64)
                );
                match pending {
                    Some(p) => p.finish(outcome, &details)?,
                    // Space is freed: the record follows the deed.
                    None => {
                        super::heal_steps::record(store, started, &r.name, ActionKind::CleanDisk, outcome, details)?;
                    }
                }
            }
            reports.push(RuleReport {
                rule: r.name.clone(),
                roots: r.roots.clone(),
                files: out.removed.len(),
                bytes,
                removed: out.removed.iter().map(|f| f.path.to_string_lossy().into_owned()).collect(),
                errors: out.errors,
                journal,
            });
        }
        Ok(CleanReport {
            dry_run: dry_run.yes(),
            files: reports.iter().map(|r| r.files).sum(),
            bytes: reports.iter().map(|r| r.bytes).sum(),
            rules: reports,
        })
    }
}

/// What a rule will delete, for its intent.
fn targets(r: &CleanRule) -> String {
    let roots: Vec<String> = r.roots.iter().map(|p| p.display().to_string()).collect();
    let globs: Vec<&str> = r.globs.iter().map(glob::Pattern::as_str).collect();
    let mut t = format!("files older than {} under {}", crate::units::format_duration(r.older_than), roots.join(", "));
    if !globs.is_empty() {
        t.push_str(&format!(" matching {}", globs.join(", ")));
    }
    if let Some(age) = r.journal_vacuum {
        t.push_str(&format!("; journalctl --vacuum-time={}s", age.as_secs()));
    }
    t
}

/// Commit the intent of rule `r`: `Ok(None)` when it cannot be committed
/// because the disk that holds the database is full and `r` cleans that
/// disk. Then the intent goes to `say` (stderr, at once: before the files
/// go) and the system log instead, and the row is written once the rule
/// freed space.
fn intend_clean<'s>(store: &'s Store, r: &CleanRule, say: &Say) -> Result<Option<Pending<'s>>> {
    let intent = Intent::new(&r.name, ActionKind::CleanDisk, targets(r));
    match intend_one(store, intent) {
        Ok(p) => Ok(Some(p)),
        Err(NotActing::Unrecorded { why, full: true }) if cleans_disk_of(r, store.path()) => {
            let line = format!(
                "{why}: clean-disk rule {} frees it first and records it after: deleting {}",
                r.name,
                targets(r)
            );
            say.warning(line.as_str());
            if let Err(e) = crate::host::syslog::warning(&line) {
                say.warning(format!("{e:#}"));
            }
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// Whether one of `r`'s roots is on the filesystem that holds `db`.
fn cleans_disk_of(r: &CleanRule, db: &std::path::Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let dir = db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let Ok(held) = std::fs::metadata(dir).map(|m| m.dev()) else { return false };
    r.roots.iter().any(|root| std::fs::metadata(root).is_ok_and(|m| m.dev() == held))
}
