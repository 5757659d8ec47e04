use super::kinds::process::RunAs;
use super::*;

fn errors(text: &str) -> Vec<ConfigIssue> {
    match Config::parse("hm.toml", text) {
        Ok(_) => panic!("expected errors for:\n{text}"),
        Err(e) => e.0,
    }
}

#[test]
fn empty_config_gets_host_defaults() {
    let c = Config::parse("hm.toml", "").expect("valid");
    let names: Vec<&str> = c.monitors.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["cpu", "memory", "load", "disk"]);
}

#[test]
fn host_defaults_can_be_turned_off_and_overridden() {
    let c = Config::parse("hm.toml", "host_defaults = false\n[[monitor]]\nname = \"cpu\"\nkind = \"cpu\"\nwarn = 50\n")
        .expect("valid");
    assert_eq!(c.monitors.len(), 1);
    match &c.monitors[0].spec {
        Spec::Cpu { limits } => assert_eq!((limits.warn, limits.crit), (Some(50.0), Some(95.0))),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn every_error_is_reported_with_line_and_field() {
    let text = r#"retention = "forever"

[[monitor]]
name = "api"
kind = "process"
pattern = "gunicorn.*api"
cpu_warn = 90
cpu_crit = 50

[[monitor]]
name = "root"
kind = "disk"
colour = "red"

[[monitor]]
name = "Bad Name"
kind = "cpu"
pattern = "x"
"#;
    let issues = errors(text);
    let lines: Vec<(usize, &str)> = issues.iter().map(|i| (i.line, i.field.as_str())).collect();
    assert!(lines.contains(&(1, "retention")), "{issues:?}");
    assert!(lines.contains(&(7, "monitor[api].cpu_warn")), "{issues:?}");
    assert!(lines.contains(&(13, "monitor[root].colour")), "{issues:?}");
    assert!(lines.contains(&(16, "monitor[Bad Name].name")), "{issues:?}");
    assert!(lines.contains(&(18, "monitor[Bad Name].pattern")), "{issues:?}");
    let warn = issues.iter().find(|i| i.field == "monitor[api].cpu_warn").expect("warn issue");
    assert_eq!(warn.to_string(), "hm.toml:7: monitor[api].cpu_warn: cpu_warn (90) is above cpu_crit (50)");
}

#[test]
fn warn_above_crit_in_thresholds() {
    let issues = errors("[thresholds]\ndisk = { warn = 96 }\n");
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].line, 2);
    assert_eq!(issues[0].field, "thresholds.disk.warn");
}

#[test]
fn wrong_types_and_syntax() {
    let issues = errors("[[monitor]]\nname = \"x\"\nkind = \"process\"\nprocess = \"x\"\nmin = \"two\"\n");
    assert_eq!((issues[0].line, issues[0].field.as_str()), (5, "monitor[x].min"));
    let issues = errors("interval = \n");
    assert_eq!(issues[0].line, 1);
    let issues = errors("[monitor]\nname = \"x\"\n");
    assert!(issues[0].message.contains("[[monitor]]"), "{issues:?}");
}

#[test]
fn process_needs_exactly_one_matcher_and_a_valid_regex() {
    let issues = errors("[[monitor]]\nname = \"x\"\nkind = \"process\"\n");
    assert!(issues[0].message.contains("needs one of"), "{issues:?}");
    let issues = errors("[[monitor]]\nname = \"x\"\nkind = \"process\"\nprocess = \"a\"\nunit = \"b\"\n");
    assert_eq!(issues[0].line, 5);
    let issues = errors("[[monitor]]\nname = \"x\"\nkind = \"process\"\npattern = \"a(\"\n");
    assert_eq!((issues[0].line, issues[0].field.as_str()), (4, "monitor[x].pattern"));
}

#[test]
fn issue14_a_pidfile_may_name_its_process_and_user_and_the_user_must_exist() {
    let base = "[[monitor]]\nname = \"x\"\nkind = \"process\"\npidfile = \"/run/x.pid\"\n";
    let c = Config::parse("hm.toml", &format!("{base}pattern = \"^x \"\nuser = \"root\"\n")).expect("valid");
    let Spec::Process(p) = &c.monitors[0].spec else { panic!("not a process monitor") };
    assert!(matches!(&p.matcher, Matcher::Pidfile { is: Some(m), .. } if matches!(**m, Matcher::Pattern(_))));
    assert_eq!(p.user, Some(RunAs { name: "root".into(), uid: 0 }));
    let issues = errors(&format!("{base}unit = \"x.service\"\n"));
    assert!(issues[0].message.contains("set only one of unit, pidfile"), "{issues:?}");
    let issues = errors(&format!("{base}process = \"x\"\npattern = \"x\"\n"));
    assert!(issues[0].message.contains("set only one of process, pattern, pidfile"), "{issues:?}");
    let issues = errors(&format!("{base}user = \"hm-no-such-user\"\n"));
    assert_eq!(issues[0].field, "monitor[x].user", "{issues:?}");
    assert!(issues[0].message.contains("no user named `hm-no-such-user`"), "{issues:?}");
}

#[test]
fn duplicate_names_and_unknown_kinds() {
    let issues = errors("[[monitor]]\nname = \"a\"\nkind = \"cpu\"\n[[monitor]]\nname = \"a\"\nkind = \"nope\"\n");
    let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(fields, ["monitor[a].name", "monitor[a].kind"], "{issues:?}");
    assert!(issues[1].message.contains("known kinds: cpu"));
}

#[test]
fn heartbeat_durations() {
    let c = Config::parse("hm.toml", "[[monitor]]\nname = \"job\"\nkind = \"heartbeat\"\nwarn = \"5m\"\ncrit = 600\n")
        .expect("valid");
    match &c.monitors[0].spec {
        Spec::Heartbeat(h) => {
            assert_eq!(h.warn.as_secs(), 300);
            assert_eq!(h.crit.as_secs(), 600);
            assert!(matches!(&h.source, HeartbeatSource::Ping(p) if p == "job"));
        }
        other => panic!("unexpected {other:?}"),
    }
    let issues = errors("[[monitor]]\nname = \"job\"\nkind = \"heartbeat\"\nwarn = \"5m\"\ncrit = \"1m\"\n");
    assert_eq!(issues[0].line, 4);
}

#[test]
fn edit_round_trip_keeps_bytes() {
    let original = "# my hosts\ninterval = \"30s\" # every half minute\n\n# the api\n[[monitor]]\nname = \"api\" # main\nkind = \"process\"\npattern = \"gunicorn\"\n";
    let mut t = toml_edit::Table::new();
    t.insert("name", toml_edit::value("web"));
    t.insert("kind", toml_edit::value("process"));
    t.insert("process", toml_edit::value("nginx"));
    let added = edit::add_monitor(original, t).expect("add");
    assert!(added.starts_with(original), "{added}");
    assert!(Config::parse("hm.toml", &added).is_ok());
    let removed = edit::remove_monitor(&added, "web").expect("remove");
    assert_eq!(removed, original);
    let without_api = edit::remove_monitor(original, "api").expect("remove api");
    assert_eq!(without_api, "# my hosts\ninterval = \"30s\" # every half minute\n");
}

#[test]
fn threshold_errors_point_at_the_key_in_a_threshold_table() {
    let issues = errors("[thresholds.cpu]\nwarn = 50\ncrit = 40\n");
    assert_eq!((issues[0].line, issues[0].field.as_str()), (2, "thresholds.cpu.warn"), "{issues:?}");
}

#[test]
fn clean_rules() {
    let c = Config::parse(
        "hm.toml",
        "[[clean]]\nname = \"logs\"\nroots = [\"/srv/app/logs\"]\nglobs = [\"*.log\"]\nolder_than = \"3d\"\nbudget = \"2GiB\"\n",
    )
    .expect("valid");
    assert_eq!(c.clean[0].older_than.as_secs(), 3 * 86_400);
    assert_eq!(c.clean[0].budget, Some(2 << 30));
    let issues = errors("[[clean]]\nname = \"bad\"\nroots = [\"/etc\", \"rel\"]\nglobs = [\"[\"]\nsize = 1\n");
    let found: Vec<(usize, &str)> = issues.iter().map(|i| (i.line, i.field.as_str())).collect();
    assert_eq!(found, [(5, "clean[bad].size")], "{issues:?}");
    let issues = errors("[[clean]]\nname = \"bad\"\nroots = [\"/etc\", \"rel\"]\nglobs = [\"[\"]\n");
    let found: Vec<(usize, &str)> = issues.iter().map(|i| (i.line, i.field.as_str())).collect();
    assert_eq!(found, [(3, "clean[bad].roots"), (3, "clean[bad].roots"), (4, "clean[bad].globs")], "{issues:?}");
    assert!(issues[0].message.contains("system directory"), "{issues:?}");
}

#[test]
fn issue7_config_error_at_the_end_names_the_last_line() {
    // Found by the `config` fuzz target: an error at the very end of a file
    // that ends with a newline was reported one line past the last.
    let text = "host_defaults = false\n[[monitor]]\nname = \"\"\"\"cpu\"\nkind = \"cpu\"\nwarn = 50\n";
    let issues = errors(text);
    assert!(issues.iter().all(|i| (1..=5).contains(&i.line)), "{issues:?}");
    assert_eq!(errors("a = \"\"\"\n")[0].line, 1);
    assert_eq!(errors("\n\nx =")[0].line, 3);
}

#[test]
fn issue7_config_huge_durations_are_errors_not_panics() {
    // `from_secs_f64` panics on a finite number too large for a Duration.
    let issues = errors("interval = \"1e300\"\n");
    assert_eq!((issues[0].line, issues[0].field.as_str()), (1, "interval"), "{issues:?}");
    for warn in ["1e300", "1.8446744073709552e19", "1e-300", "0", "-1", "nan", "inf"] {
        let issues = errors(&format!("[[monitor]]\nname = \"hb\"\nkind = \"heartbeat\"\nwarn = {warn}\n"));
        assert_eq!((issues[0].line, issues[0].field.as_str()), (4, "monitor[hb].warn"), "{warn}: {issues:?}");
        let http = format!("[[monitor]]\nname = \"web\"\nkind = \"http\"\nurl = \"http://x\"\ncrit = {warn}\n");
        assert_eq!(errors(&http)[0].field, "monitor[web].crit", "{warn}");
    }
}

#[test]
fn issue16_validate_refuses_what_a_check_could_not_use() {
    // A regex too big to compile once its repetition is expanded.
    let issues = errors("[[monitor]]\nname = \"x\"\nkind = \"process\"\npattern = \"a{99999999}\"\n");
    assert_eq!(issues[0].field, "monitor[x].pattern", "{issues:?}");
    assert!(issues[0].message.contains("invalid regex"), "{issues:?}");
    let issues =
        errors("[[monitor]]\nname = \"d\"\nkind = \"sqlite\"\npath = \"/srv/x.db\"\nkillable = [\"b{99999999}\"]\n");
    assert_eq!(issues[0].field, "monitor[d].killable", "{issues:?}");
    // Negative, NaN and infinite thresholds, in a monitor and under [thresholds].
    for (text, field) in [
        ("[[monitor]]\nname = \"l\"\nkind = \"load\"\nwarn = -1\n", "monitor[l].warn"),
        ("[[monitor]]\nname = \"l\"\nkind = \"load\"\ncrit = nan\n", "monitor[l].crit"),
        ("[[monitor]]\nname = \"c\"\nkind = \"cpu\"\nwarn = inf\n", "monitor[c].warn"),
        ("[thresholds]\nload = { warn = -2 }\n", "thresholds.load.warn"),
        ("[[monitor]]\nname = \"w\"\nkind = \"workspace\"\npath = \"/srv\"\nwarn = -5\n", "monitor[w].warn"),
    ] {
        let issues = errors(text);
        assert!(issues.iter().any(|i| i.field == field), "{text}: {issues:?}");
        assert!(issues.iter().all(|i| i.message.len() < 120), "compact numbers: {issues:?}");
    }
    let issues = errors("[[monitor]]\nname = \"c\"\nkind = \"cpu\"\nwarn = 1e300\n");
    assert!(issues[0].message.contains("1e300"), "{issues:?}");
    // Plain patterns still load.
    Config::parse("hm.toml", "[[monitor]]\nname = \"x\"\nkind = \"process\"\npattern = \"^gunicorn .*api{1,3}$\"\n")
        .expect("valid");
}

#[test]
fn issue16_names_get_the_hint_that_fits_and_are_never_echoed_whole() {
    let long = "a".repeat(300);
    let issues = errors(&format!("[[monitor]]\nname = \"{long}\"\nkind = \"load\"\n"));
    assert!(issues[0].message.contains("300 bytes long: a name is at most 128"), "{issues:?}");
    assert!(!issues[0].message.contains("lower-case"), "its length is the problem: {issues:?}");
    let huge = "X".repeat(100_000);
    let issues = errors(&format!("[[monitor]]\nname = \"{huge}\"\nkind = \"load\"\n"));
    assert!(issues[0].message.len() < 200, "cut: {} bytes", issues[0].message.len());
    for dots in [".", ".."] {
        let issues = errors(&format!("[[monitor]]\nname = \"{dots}\"\nkind = \"load\"\n"));
        assert!(issues[0].message.contains("reads as a directory"), "{issues:?}");
    }
}
