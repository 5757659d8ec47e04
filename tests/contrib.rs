//! contrib/ (issue 5): the systemd units pass `systemd-analyze verify`, and
//! the Grafana dashboard is valid JSON whose queries parse (promtool) and
//! use only the metric families hm exports.

mod common;

use common::{Test, have_tool};
use std::path::{Path, PathBuf};
use std::process::Command;

const UNITS: [&str; 3] = ["hm-check.service", "hm-check.timer", "hm.service"];

fn contrib(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("contrib").join(name)
}

/// Copy the units into `dir` with ExecStart pointing at the binary under
/// test (systemd-analyze insists that it exists), and the man pages the
/// units name as their documentation under `dir/man/man1`.
fn stage(t: &Test, edit: impl Fn(&str, String) -> String) -> PathBuf {
    let dir = t.path("units");
    std::fs::create_dir_all(dir.join("man/man1")).expect("dirs");
    for unit in UNITS {
        let text = std::fs::read_to_string(contrib(unit))
            .expect("unit")
            .replace("/usr/local/bin/hm", env!("CARGO_BIN_EXE_hm"));
        std::fs::write(dir.join(unit), edit(unit, text)).expect("write");
    }
    for page in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("man")).expect("man") {
        let page = page.expect("page").path();
        std::fs::copy(&page, dir.join("man/man1").join(page.file_name().expect("name"))).expect("copy");
    }
    dir
}

fn verify(dir: &Path) -> (bool, String) {
    let out = Command::new("systemd-analyze")
        .arg("verify")
        .args(UNITS.map(|u| format!("./{u}")))
        .current_dir(dir)
        .env("MANPATH", dir.join("man"))
        .output()
        .expect("systemd-analyze");
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn the_systemd_units_pass_systemd_analyze_verify() {
    if !have_tool("systemd-analyze") {
        return;
    }
    let t = Test::new();
    let (ok, said) = verify(&stage(&t, |_, text| text));
    assert!(ok && said.trim().is_empty(), "systemd-analyze verify:\n{said}");
}

#[test]
fn a_broken_unit_is_caught() {
    if !have_tool("systemd-analyze") {
        return;
    }
    let t = Test::new();
    let dir =
        stage(&t, |unit, text| if unit == "hm.service" { text.replace("ExecStart=", "ExecStrat=") } else { text });
    let (ok, said) = verify(&dir);
    assert!(!ok, "a unit without ExecStart passed:\n{said}");
    assert!(said.contains("ExecStrat"), "{said}");
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

    // The families an export of a checked host really has.
    let t = Test::new();
    t.run(&["check"]);
    let export = t.run(&["export"]).stdout;
    let families: Vec<&str> = export.lines().filter_map(|l| l.strip_prefix("# TYPE ")?.split(' ').next()).collect();
    let re = regex::Regex::new(r"hm_[a-z0-9_]+").expect("regex");
    for e in &found {
        for m in re.find_iter(e) {
            assert!(families.contains(&m.as_str()), "{} in `{e}` is not exported ({families:?})", m.as_str());
        }
    }
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
