//! A pool read from `hm.toml`: its instances, `{i}`, the monitors paired
//! with it, and its mistakes named by file, line and field, once.

use crate::config::{Config, Matcher, Spec};

const POOL: &str = "[[monitor]]\nname = \"api\"\nkind = \"process\"\ninstances = 3\n\
    pattern = \"^/srv/api --worker {i}$\"\nstart = [\"/srv/api\", \"--worker\", \"{i}\"]\n\
    log = \"/var/log/api-{i}.log\"\nenv = { PORT = \"80{i}\" }\n\n";

fn issues(text: &str) -> Vec<String> {
    match Config::parse("hm.toml", text) {
        Ok(_) => Vec::new(),
        Err(e) => e.0.iter().map(|i| i.to_string()).collect(),
    }
}

#[test]
fn issue29_a_pool_is_n_monitors_with_i_replaced() {
    let c = Config::parse("hm.toml", POOL).expect("valid");
    let names: Vec<&str> = c.monitors.iter().map(|m| m.name.as_str()).filter(|n| n.starts_with("api")).collect();
    assert_eq!(names, ["api@1", "api@2", "api@3"]);
    let Spec::Process(p) = &c.monitors[1].spec else { panic!("process") };
    assert!(matches!(&p.matcher, Matcher::Pattern(re) if re == "^/srv/api --worker 2$"), "{:?}", p.matcher);
    let r = p.restart.as_ref().expect("restart");
    assert_eq!(r.log.as_deref(), Some(std::path::Path::new("/var/log/api-2.log")));
    let how = format!("{:?}", r.how);
    assert!(how.contains("\"--worker\", \"2\""), "{how}");
    let port = r.launch.env.iter().find(|(k, _)| k == "PORT").map(|(_, v)| v.reveal().expect("inline"));
    assert_eq!(port.as_deref(), Some("802"));
    assert_eq!(super::split("api@2"), Some(("api", 2)));
    assert_eq!(super::split("api"), None);
}

#[test]
fn issue29_a_heartbeat_with_i_pairs_instance_i_with_worker_i() {
    let text = format!(
        "{POOL}[[monitor]]\nname = \"beat\"\nkind = \"heartbeat\"\nfile = \"/run/api/{{i}}.beat\"\nworker = \"api\"\n"
    );
    let c = Config::parse("hm.toml", &text).expect("valid");
    let beat = c.monitors.iter().find(|m| m.name == "beat@3").expect("beat@3");
    assert_eq!(beat.worker.as_deref(), Some("api@3"));
    assert!(format!("{:?}", beat.spec).contains("/run/api/3.beat"), "{:?}", beat.spec);
    // Without {i} it cannot tell which instance it vouches for.
    let whole = text.replace("{i}.beat", "all.beat");
    assert!(issues(&whole).iter().any(|i| i.contains("hm.toml:14: monitor[beat].worker: `api` is a pool of 3")));
    // One instance may be named.
    let one = whole.replace("worker = \"api\"", "worker = \"api@2\"");
    let c = Config::parse("hm.toml", &one).expect("valid");
    assert_eq!(c.monitors.iter().find(|m| m.name == "beat").and_then(|m| m.worker.as_deref()), Some("api@2"));
}

#[test]
fn issue29_pool_mistakes_name_file_line_and_field_once() {
    let cases = [
        (POOL.replace("instances = 3", "instances = 0"), "hm.toml:4: monitor[api].instances: must be a whole number"),
        (
            POOL.replace("instances = 3", "instances = 1001"),
            "monitor[api].instances: must be a whole number from 1 to 1000",
        ),
        (POOL.replace("instances = 3", "instances = \"3\""), "monitor[api].instances: must be a whole number"),
        (POOL.replace("--worker {i}$", "--worker$"), "monitor[api].instances: each instance must find its own process"),
        (POOL.replace("instances = 3\n", ""), "monitor[api].pattern: {i} is replaced only in a pool"),
        (
            POOL.replace("name = \"api\"", "name = \"api@1\""),
            "hm.toml:2: monitor[api@1].name: `api@1` is not a valid name",
        ),
        (
            "[[monitor]]\nname = \"d\"\nkind = \"disk\"\ninstances = 2\n".to_string(),
            "hm.toml:4: monitor[d].instances: `instances` applies to a `process` monitor only",
        ),
        (POOL.replace("env =", "cwd = \"srv/{i}\"\nenv ="), "hm.toml:8: monitor[api].cwd"),
    ];
    for (text, want) in cases {
        let got = issues(&text);
        assert!(got.iter().any(|i| i.contains(want)), "{want}\nnot in {got:?}\nfor:\n{text}");
        let mut once = got.clone();
        once.dedup();
        assert_eq!(once, got, "an instance repeats its pool's mistake");
    }
}

#[test]
fn issue29_a_pool_name_and_an_instance_name_never_clash() {
    let text = format!("{POOL}{}", POOL.replace("instances = 3", "instances = 2"));
    assert!(issues(&text).iter().any(|i| i.contains("duplicate monitor name `api`")), "{:?}", issues(&text));
}

#[test]
fn issue29_a_pool_name_selects_its_instances() {
    let c = Config::parse("hm.toml", POOL).expect("valid");
    let names = |asked: &[&str]| -> Vec<String> {
        let asked: Vec<String> = asked.iter().map(|s| s.to_string()).collect();
        c.select(&asked).expect("known").iter().map(|m| m.name.clone()).collect()
    };
    assert_eq!(names(&["api"]), ["api@1", "api@2", "api@3"]);
    assert_eq!(names(&["api@2"]), ["api@2"]);
    assert!(c.select(&["ap".to_string()]).is_err());
}
