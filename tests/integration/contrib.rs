//! contrib/ (issue 5): the systemd units pass `systemd-analyze verify` and
//! name man pages that exist, and
//! the Grafana dashboard is valid JSON whose queries parse (promtool) and
//! use only the metric families hm exports; the Prometheus rules (issue 19)
//! pass their `promtool test rules` unit tests, which fail when a rule breaks.

use crate::common::{Test, have_tool};
use std::path::{Path, PathBuf};
use std::process::Command;

const UNITS: [&str; 3] = ["hm-check.service", "hm-check.timer", "hm.service"];

fn contrib(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("contrib").join(name)
}

/// Copy the units into `dir` with ExecStart pointing at the binary under
/// test (systemd-analyze insists that it exists); `typo` turns one key at
/// the start of a line of one unit into another.
fn stage(t: &Test, typo: Option<(&str, &str, &str)>) -> PathBuf {
    let dir = t.path("units");
    std::fs::create_dir_all(&dir).expect("dir");
    for unit in UNITS {
        let text = std::fs::read_to_string(contrib(unit))
            .expect("unit")
            .replace("/usr/local/bin/hm", env!("CARGO_BIN_EXE_hm"));
        let text = match typo {
            Some((u, key, bad)) if u == unit => text.replace(&format!("\n{key}="), &format!("\n{bad}=")),
            _ => text,
        };
        std::fs::write(dir.join(unit), text).expect("write");
    }
    dir
}

/// `systemd-analyze verify` on every unit in one call (the timer needs its
/// service beside it): whether it succeeded, the lines that name one of our
/// units, and all it said. Other lines (about the host's own units, or not
/// running under systemd) are not ours to judge. `--man=no`: a fresh Debian
/// has no `man`; `the_units_documentation_exists` checks the pages instead.
fn verify(dir: &Path) -> (bool, Vec<String>, String) {
    let out = Command::new("systemd-analyze")
        .args(["verify", "--man=no"])
        .args(UNITS.map(|u| format!("./{u}")))
        .current_dir(dir)
        .output()
        .expect("systemd-analyze");
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    let ours = said.lines().filter(|l| UNITS.iter().any(|u| l.contains(u))).map(String::from).collect();
    (out.status.success(), ours, said)
}

#[test]
fn the_systemd_units_pass_systemd_analyze_verify() {
    if !have_tool("systemd-analyze") {
        return;
    }
    let t = Test::new();
    let (ok, ours, said) = verify(&stage(&t, None));
    assert!(ok && ours.is_empty(), "systemd-analyze verify:\n{said}");
}

#[test]
fn a_broken_unit_is_caught() {
    if !have_tool("systemd-analyze") {
        return;
    }
    // A unit that cannot run (exit status 1), and a misspelt key systemd
    // only warns about (exit status 0, one line naming the file).
    for (unit, key, bad) in [("hm.service", "ExecStart", "ExecStrat"), ("hm-check.timer", "AccuracySec", "AccuracySex")]
    {
        let t = Test::new();
        let (ok, ours, said) = verify(&stage(&t, Some((unit, key, bad))));
        assert!(
            ours.iter().any(|l| l.contains(unit) && l.contains(bad)),
            "{bad}= in {unit} was not flagged (success: {ok}):\n{said}"
        );
    }
}

#[test]
fn the_units_documentation_exists() {
    for unit in UNITS {
        let text = std::fs::read_to_string(contrib(unit)).expect("unit");
        let pages: Vec<&str> =
            text.lines().filter_map(|l| l.strip_prefix("Documentation=")).flat_map(str::split_whitespace).collect();
        assert!(!pages.is_empty(), "{unit} has no Documentation=");
        for page in pages {
            // man:hm-check(1) is man/hm-check.1
            let (name, section) = page
                .strip_prefix("man:")
                .and_then(|p| p.strip_suffix(')')?.split_once('('))
                .unwrap_or_else(|| panic!("{unit}: {page} is not man:NAME(SECTION)"));
            let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("man").join(format!("{name}.{section}"));
            assert!(file.is_file(), "{unit}: {page} names {}, which does not exist", file.display());
        }
    }
}

/// The families an export of a checked host really has.
fn exported_families(t: &Test) -> Vec<String> {
    t.run(&["check"]);
    let export = t.run(&["export"]).stdout;
    export.lines().filter_map(|l| Some(l.strip_prefix("# TYPE ")?.split(' ').next()?.to_string())).collect()
}

/// Every `hm_` family these queries name is one hm exports.
#[track_caller]
fn only_exported_families(t: &Test, queries: &[String]) {
    let families = exported_families(t);
    let re = regex::Regex::new(r"hm_[a-z0-9_]+").expect("regex");
    for e in queries {
        for m in re.find_iter(e) {
            assert!(families.iter().any(|f| f == m.as_str()), "{} in `{e}` is not exported ({families:?})", m.as_str());
        }
    }
}

/// Every `expr` in the dashboard, wherever it sits.
fn exprs(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v.as_str()) {
                    ("expr", Some(e)) => out.push(e.to_string()),
                    _ => exprs(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| exprs(i, out)),
        _ => {}
    }
}

#[test]
fn the_grafana_dashboard_queries_parse_and_use_exported_families() {
    let text = std::fs::read_to_string(contrib("grafana-dashboard.json")).expect("dashboard");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let mut found = Vec::new();
    exprs(&doc["panels"], &mut found);
    assert!(found.len() >= 8, "{found:?}");

    let t = Test::new();
    only_exported_families(&t, &found);
    if have_tool("promtool") {
        // promtool checks PromQL syntax in rule files; Grafana's variables become a regex.
        let rules: Vec<String> = found
            .iter()
            .enumerate()
            .map(|(i, e)| {
                format!(
                    "      - record: hm:dashboard:{i}\n        expr: '{}'\n",
                    e.replace("$instance", ".*").replace('\'', "''")
                )
            })
            .collect();
        let file = t.path("rules.yml");
        std::fs::write(&file, format!("groups:\n  - name: dashboard\n    rules:\n{}", rules.concat())).expect("rules");
        let out = Command::new("promtool").args(["check", "rules"]).arg(&file).output().expect("promtool");
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Issue 15: the units run hm where the README's install step puts it
/// (`cargo install --root /usr/local`), not a path nothing installs to.
#[test]
fn the_units_run_hm_where_the_install_step_puts_it() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README");
    assert!(readme.contains("cargo install --locked --path . --root /usr/local"), "README's install step");
    for unit in ["hm.service", "hm-check.service"] {
        let text = std::fs::read_to_string(contrib(unit)).expect("unit");
        let exec: Vec<&str> =
            text.lines().filter_map(|l| l.trim_start_matches("# ").strip_prefix("ExecStart=")).collect();
        assert!(!exec.is_empty(), "{unit}");
        for line in exec {
            assert!(line.starts_with("/usr/local/bin/hm "), "{unit}: ExecStart={line}");
        }
    }
}

/// The alerts issue 19 asks for, each with a firing case in hm.rules.test.yml.
const ALERTS: [&str; 6] =
    ["HmMonitorCritical", "HmMonitorWarning", "HmDown", "HmStale", "HmDiskFullSoon", "HmRestartStorm"];

/// `promtool ARGS` in `dir`: whether it succeeded, and all it said.
fn promtool(dir: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new("promtool").args(args).current_dir(dir).output().expect("promtool");
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

/// The `expr:` of each `- alert:` in a rules file, in order.
fn alert_exprs(rules: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut alert = None;
    for line in rules.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix("- alert: ") {
            alert = Some(name.to_string());
        } else if let (Some(expr), Some(name)) = (line.strip_prefix("expr: "), alert.take()) {
            out.push((name, expr.to_string()));
        }
    }
    out
}

/// Issue 19: the shipped rules pass their `promtool test rules` unit tests,
/// the example prometheus.yml (which loads them) passes `promtool check
/// config`, every alert of the issue is there, and the rules read only
/// families hm exports (and Prometheus' own `up`).
#[test]
fn issue19_the_shipped_prometheus_rules_pass_their_promtool_tests() {
    let dir = contrib("prometheus");
    let rules = std::fs::read_to_string(dir.join("hm.rules.yml")).expect("rules");
    let exprs = alert_exprs(&rules);
    let names: Vec<&str> = exprs.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ALERTS, "the alerts in hm.rules.yml, each with its expr on one line");
    let t = Test::new();
    only_exported_families(&t, &exprs.iter().map(|(_, e)| e.clone()).collect::<Vec<_>>());
    if !have_tool("promtool") {
        return;
    }
    for args in [
        &["check", "rules", "hm.rules.yml"][..],
        &["check", "config", "prometheus.yml"],
        &["test", "rules", "hm.rules.test.yml"],
    ] {
        let (ok, said) = promtool(&dir, args);
        assert!(ok, "promtool {}:\n{said}", args.join(" "));
    }
}

/// Issue 19: the unit tests can fail: with any one rule's expr made never
/// true, `promtool test rules` fails on that alert's firing case.
#[test]
fn issue19_each_rules_firing_test_fails_once_the_rule_is_broken() {
    if !have_tool("promtool") {
        return;
    }
    let dir = contrib("prometheus");
    let rules = std::fs::read_to_string(dir.join("hm.rules.yml")).expect("rules");
    let t = Test::new();
    std::fs::copy(dir.join("hm.rules.test.yml"), t.path("hm.rules.test.yml")).expect("copy tests");
    for (name, expr) in alert_exprs(&rules) {
        let broken = rules.replace(&format!("expr: {expr}\n"), "expr: vector(1) == 0\n");
        assert_ne!(broken, rules, "{name}");
        std::fs::write(t.path("hm.rules.yml"), broken).expect("write rules");
        let (ok, said) = promtool(t.root(), &["test", "rules", "hm.rules.test.yml"]);
        assert!(!ok && said.contains(&format!("alertname: {name},")), "{name} never fires, yet:\n{said}");
    }
}
