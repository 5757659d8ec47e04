//! contrib/ (issue 5): the systemd units pass `systemd-analyze verify` and
//! name man pages that exist, and
//! the Grafana dashboard is valid JSON whose queries parse (promtool) and
//! use only the metric families hm exports; the Prometheus rules
//! pass their `promtool test rules` unit tests, which fail when a rule breaks.
//! Issue 19 too: the Debian package (`[package.metadata.deb]`) puts hm
//! where the units run it, the commented hm.toml it installs as
//! /etc/hm/hm.toml is valid as shipped and with its examples uncommented,
//! and the README's CloudWatch snippets are right.

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
        let text =
            std::fs::read_to_string(contrib(unit)).expect("unit").replace("/usr/bin/hm", env!("CARGO_BIN_EXE_hm"));
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

fn repo_file(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).expect(name)
}

/// The README's text from the heading `start` to the next heading of the
/// same level or above (outside code blocks, where `#` starts comments).
fn readme_section(start: &str) -> String {
    let readme = repo_file("README.md");
    let from = readme.find(start).unwrap_or_else(|| panic!("README has no `{start}`"));
    let level = start.chars().take_while(|&c| c == '#').count();
    let mut in_code = false;
    let mut out = String::new();
    for line in readme[from + start.len()..].lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        }
        let hashes = line.chars().take_while(|&c| c == '#').count();
        if !in_code && hashes > 0 && hashes <= level && line[hashes..].starts_with(' ') {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The fenced code blocks of `text` in language `lang`.
fn fenced(text: &str, lang: &str) -> Vec<String> {
    let open = format!("```{lang}\n");
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(&open) {
        let body = &rest[i + open.len()..];
        let end = body.find("```\n").expect("closed block");
        found.push(body[..end].to_string());
        rest = &body[end..];
    }
    found
}

/// `[package.metadata.deb]` of Cargo.toml.
fn deb_metadata() -> toml::Table {
    let manifest: toml::Table = repo_file("Cargo.toml").parse().expect("Cargo.toml");
    manifest["package"]["metadata"]["deb"].as_table().expect("[package.metadata.deb]").clone()
}

/// The package's assets as (source, destination) pairs.
fn deb_assets() -> Vec<(String, String)> {
    deb_metadata()["assets"]
        .as_array()
        .expect("assets")
        .iter()
        .map(|a| {
            let a = a.as_array().expect("[source, dest, mode]");
            (a[0].as_str().expect("source").to_string(), a[1].as_str().expect("dest").to_string())
        })
        .collect()
}

/// Issue 19: the units run hm where the Debian package puts it
/// (/usr/bin, not /usr/local/bin), the README's Install section starts with
/// that package and says so, and the package enables no unit.
#[test]
fn issue19_the_units_run_hm_where_the_package_puts_it() {
    let assets = deb_assets();
    assert!(assets.contains(&("target/release/hm".to_string(), "usr/bin/".to_string())), "{assets:?}");
    for unit in ["hm.service", "hm-check.service"] {
        let text = std::fs::read_to_string(contrib(unit)).expect("unit");
        let exec: Vec<&str> =
            text.lines().filter_map(|l| l.trim_start_matches("# ").strip_prefix("ExecStart=")).collect();
        assert!(!exec.is_empty(), "{unit}");
        for line in exec {
            assert!(line.starts_with("/usr/bin/hm "), "{unit}: ExecStart={line}");
        }
    }
    let install = readme_section("## Install\n");
    let first = fenced(&install, "sh").into_iter().next().expect("a command");
    assert_eq!(first.trim(), "cargo deb && sudo apt install ./target/debian/hm_*.deb");
    assert!(install.contains("run `/usr/bin/hm`"), "{install}");
    // cargo install stays, second, with the units pointed at its path.
    let cargo = install.find("sudo cargo install --locked --path . --root /usr/local").expect("cargo install");
    assert!(install.find("cargo deb &&").is_some_and(|deb| deb < cargo));
    assert!(install.contains("sed 's|/usr/bin/hm|/usr/local/bin/hm|'"), "{install}");

    // The units are installed from contrib/, neither enabled nor started.
    let units = deb_metadata()["systemd-units"].as_array().expect("systemd-units").clone();
    let names: Vec<&str> = units.iter().filter_map(|u| u["unit-name"].as_str()).collect();
    assert_eq!(names, ["hm", "hm-check"]);
    for u in &units {
        assert_eq!(u["unit-scripts"].as_str(), Some("contrib/"), "{u}");
        assert_eq!((u["enable"].as_bool(), u["start"].as_bool()), (Some(false), Some(false)), "{u}");
    }
}

/// Issue 19: every asset of the package exists (a glob matches something),
/// with the completions of bash, zsh and fish where those shells look, and
/// the commented hm.toml as /etc/hm/hm.toml.
#[test]
fn issue19_the_package_assets_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let assets = deb_assets();
    for (source, _) in &assets {
        if source.starts_with("target/") {
            continue;
        }
        let matched = glob::glob(&root.join(source).to_string_lossy()).expect("glob").count();
        assert!(matched > 0, "asset {source} matches nothing");
    }
    for (source, dest) in [
        ("contrib/hm.toml", "etc/hm/hm.toml"),
        ("completions/hm.bash", "usr/share/bash-completion/completions/hm"),
        ("completions/_hm", "usr/share/zsh/vendor-completions/_hm"),
        ("completions/hm.fish", "usr/share/fish/vendor_completions.d/hm.fish"),
        ("man/*.1", "usr/share/man/man1/"),
        ("man/*.5", "usr/share/man/man5/"),
    ] {
        assert!(assets.contains(&(source.to_string(), dest.to_string())), "{source} -> {dest}: {assets:?}");
    }
    let deb = deb_metadata();
    for key in ["changelog", "maintainer-scripts"] {
        let path = root.join(deb[key].as_str().expect(key));
        assert!(path.exists(), "{key}: {}", path.display());
    }
}

/// contrib/hm.toml with every example line (`#key`, `#[table]`) uncommented;
/// the explanations (`# ...`) stay comments.
fn uncommented(text: &str) -> String {
    text.lines()
        .map(|l| match l.strip_prefix('#') {
            Some(rest) if !rest.is_empty() && !rest.starts_with([' ', '#']) => rest,
            _ => l,
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Issue 19: the /etc/hm/hm.toml of the package sets nothing as shipped
/// (hm runs its defaults), and every example in it is valid uncommented,
/// with every section hm.toml has.
#[test]
fn issue19_the_shipped_hm_toml_is_valid_as_shipped_and_uncommented() {
    let shipped = std::fs::read_to_string(contrib("hm.toml")).expect("contrib/hm.toml");
    let table: toml::Table = shipped.parse().expect("TOML");
    assert!(table.is_empty(), "as shipped, hm.toml sets nothing: {table:?}");
    let t = Test::new().config(&shipped);
    let doc = t.run(&["validate", "--json"]).code(0).json();
    assert_eq!((doc["valid"].as_bool(), doc["warnings"].as_array().map(Vec::len)), (Some(true), Some(0)), "{doc}");

    let examples = uncommented(&shipped);
    let table: toml::Table = examples.parse().unwrap_or_else(|e| panic!("uncommented: {e}\n{examples}"));
    for key in
        ["interval", "retention", "db", "host_defaults", "thresholds", "alerts", "serve", "monitor", "clean", "channel"]
    {
        assert!(table.contains_key(key), "no example of `{key}` in contrib/hm.toml");
    }
    // The secrets the examples read from the environment, set.
    let t = Test::new()
        .config(&examples)
        .env("HM_SERVE_TOKEN", "a-token-of-32-characters-or-so..")
        .env("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T0/B0/x");
    // As the package installs it: an inline secret in a file
    // others may read would be warned about.
    std::fs::set_permissions(t.config_path(), std::os::unix::fs::PermissionsExt::from_mode(0o640)).expect("chmod");
    let out = t.run(&["validate", "--json"]);
    let doc = out.json();
    assert_eq!((doc["valid"].as_bool(), doc["warnings"].as_array().map(Vec::len)), (Some(true), Some(0)), "{doc}");
    out.code(0);
    // Every example monitor is there (hm list shows the configured ones).
    let out = t.run(&["list", "--json"]);
    let listed = &out.code(0).stdout;
    let monitors = table["monitor"].as_array().expect("monitors");
    for m in monitors {
        let name = m["name"].as_str().expect("name");
        assert!(listed.contains(&format!("\"{name}\"")), "{name} not listed: {listed}");
    }
}

/// The families and, for each, the label names its samples carry, in an
/// export of a checked host.
fn exported_labels(export: &str) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let mut families = std::collections::BTreeMap::<String, std::collections::BTreeSet<String>>::new();
    for line in export.lines() {
        if let Some(name) = line.strip_prefix("# TYPE ").and_then(|l| l.split(' ').next()) {
            families.entry(name.to_string()).or_default();
        } else if !line.starts_with('#') {
            let name = line.split(['{', ' ']).next().unwrap_or_default();
            let labels = line.split_once('{').and_then(|(_, l)| l.split_once('}')).map(|(l, _)| l).unwrap_or("");
            let names = labels.split(',').filter_map(|kv| kv.split_once('=')).map(|(k, _)| k.to_string());
            families.entry(name.to_string()).or_default().extend(names);
        }
    }
    families
}

/// Issue 19, part 4: the README's CloudWatch snippets. The agent's scrape
/// config is a Prometheus config (promtool); its JSON imports only families
/// hm exports, with dimensions their samples (or the scrape's labels) have,
/// from the job the scrape config names; the CloudWatch alarms use metrics
/// and dimensions it imports; the Alertmanager config passes amtool and
/// groups by labels hm's alerts have; the channel passes `hm validate`.
#[test]
fn issue19_the_readme_cloudwatch_snippets_are_right() {
    let section = readme_section("### CloudWatch");
    let yaml = fenced(&section, "yaml");
    assert_eq!(yaml.len(), 2, "the scrape config and alertmanager.yml");
    let (scrape, am) = (&yaml[0], &yaml[1]);
    let json: serde_json::Value =
        serde_json::from_str(&fenced(&section, "json").concat()).expect("the agent's config is JSON");

    // The scrape: job hm, hm serve's address, and its extra labels.
    assert!(scrape.contains("job_name: hm\n") && scrape.contains("\"127.0.0.1:9184\""), "{scrape}");
    let unit = std::fs::read_to_string(contrib("hm.service")).expect("unit");
    assert!(unit.contains("--listen 127.0.0.1:9184"), "hm.service listens elsewhere");
    let static_labels: Vec<String> = scrape
        .split_once("labels:\n")
        .map(|(_, l)| l.lines().filter_map(|l| Some(l.trim().split_once(':')?.0.to_string())).collect())
        .unwrap_or_default();

    let prom = &json["logs"]["metrics_collected"]["prometheus"];
    let path = prom["prometheus_config_path"].as_str().expect("prometheus_config_path");
    assert!(section.contains(&format!("scrape config,\n`{path}`")), "the scrape config is at {path}");
    // A process monitor too: hm_restarts_24h has a sample per worker.
    let t = Test::new().config("[[monitor]]\nname = \"api\"\nkind = \"process\"\nprocess = \"hm-no-such-worker\"\n");
    t.run(&["check"]);
    let families = exported_labels(&t.run(&["export"]).stdout);
    let mut imported = Vec::new();
    for decl in prom["emf_processor"]["metric_declaration"].as_array().expect("metric_declaration") {
        assert_eq!(decl["source_labels"], serde_json::json!(["job"]), "{decl}");
        let matcher = regex::Regex::new(decl["label_matcher"].as_str().expect("label_matcher")).expect("regex");
        assert!(matcher.is_match("hm"), "{decl}");
        let dims: Vec<Vec<String>> = serde_json::from_value(decl["dimensions"].clone()).expect("dimensions");
        for sel in decl["metric_selectors"].as_array().expect("metric_selectors") {
            let name = sel.as_str().and_then(|s| s.strip_prefix('^')?.strip_suffix('$')).expect("^name$");
            let labels = families.get(name).unwrap_or_else(|| panic!("{name} is not exported: {families:?}"));
            for dim in dims.iter().flatten() {
                assert!(labels.contains(dim) || static_labels.contains(dim), "{name} has no label {dim}");
            }
            imported.push((name.to_string(), dims.clone()));
        }
    }

    // The alarms: each metric imported, with one of its dimension sets.
    let alarms: String = fenced(&section, "sh").concat().replace("\\\n", " ");
    let words: Vec<&str> = alarms.split_whitespace().collect();
    let mut alarms_seen = 0;
    for (i, w) in words.iter().enumerate() {
        if *w != "--metric-name" {
            continue;
        }
        alarms_seen += 1;
        let name = words[i + 1];
        let dims: Vec<String> = words[i + 3..]
            .iter()
            .take_while(|w| w.starts_with("Name="))
            .filter_map(|w| Some(w.strip_prefix("Name=")?.split(',').next()?.to_string()))
            .collect();
        assert_eq!(words[i + 2], "--dimensions", "{alarms}");
        assert!(imported.iter().any(|(n, d)| n == name && d.contains(&dims)), "{name} {dims:?} is not imported");
    }
    assert_eq!(alarms_seen, 2, "{alarms}");

    // hm's alerts through Alertmanager.
    for label in ["instance", "monitor", "severity"] {
        assert!(am.contains(label), "{label}");
    }
    let channel = fenced(&section, "toml").concat();
    Test::new().config(&channel).run(&["validate"]).code(0);

    if have_tool("promtool") {
        let file = t.path("prometheus.yaml");
        std::fs::write(&file, scrape).expect("write");
        let out = Command::new("promtool").args(["check", "config"]).arg(&file).output().expect("promtool");
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    if have_tool("amtool") {
        let file = t.path("alertmanager.yml");
        std::fs::write(&file, am).expect("write");
        let out = Command::new("amtool").args(["check-config"]).arg(&file).output().expect("amtool");
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The alerts hm.rules.yml must hold, each with a firing case in hm.rules.test.yml.
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
