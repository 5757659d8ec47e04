//! How a `process` monitor's worker is started besides its `start`:
//! `user` (which also filters what is matched) and `group`, `cwd`, `env`,
//! `umask` and `limits = { nofile = N }`, as supervisord's `user`,
//! `directory`, `environment` and `umask`, and systemd's `LimitNOFILE=`.
//! Checked when the config is loaded, each mistake named by file, line
//! and field; `env` values may come from hm's environment
//! (`{ env = "NAME" }`, read at each start, like a channel's secrets).

use crate::config::checker::Checker;
use crate::config::{NumOrText, RawMonitor, Secret};
use crate::host::launch::{Account, Launch};
use anyhow::Result;
use std::path::PathBuf;

/// How the worker is started.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct LaunchSpec {
    pub user: Option<Account>,
    pub cwd: Option<PathBuf>,
    pub env: Vec<(String, Secret)>,
    pub umask: Option<u32>,
    pub nofile: Option<u64>,
}

impl LaunchSpec {
    /// The launch of one start: `env` read now.
    pub(crate) fn resolve(&self) -> Result<Launch> {
        let mut env = Vec::with_capacity(self.env.len());
        for (k, v) in &self.env {
            env.push((k.clone(), v.reveal().map_err(|e| anyhow::anyhow!("env {k}: {e}"))?));
        }
        Ok(Launch { user: self.user.clone(), cwd: self.cwd.clone(), env, umask: self.umask, nofile: self.nofile })
    }
}

/// The keys of this file, which need a `start` command.
const KEYS: [&str; 5] = ["group", "cwd", "env", "umask", "limits"];

/// Read the launch keys; `start` says whether hm starts the worker itself.
pub(super) fn launch(c: &mut Checker<'_, '_>, raw: &RawMonitor, start: bool) -> LaunchSpec {
    let given = [raw.group.is_some(), raw.cwd.is_some(), raw.env.is_some(), raw.umask.is_some(), raw.limits.is_some()];
    if !start {
        for (key, _) in KEYS.iter().zip(given).filter(|(_, g)| *g) {
            c.err(key, format!("`{key}` says how hm starts the worker: it needs a `start` command"));
        }
        return LaunchSpec::default();
    }
    let mut spec = LaunchSpec { user: account(c, raw), ..LaunchSpec::default() };
    if let Some(cwd) = &raw.cwd {
        if cwd.is_absolute() {
            spec.cwd = Some(cwd.clone());
        } else {
            c.err("cwd", format!("`{}` is relative: give an absolute directory", cwd.display()));
        }
    }
    for (k, v) in raw.env.iter().flatten() {
        let ok = k.bytes().next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
            && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if !ok {
            c.err("env", format!("`{k}` is not a variable name: letters, digits and `_`, not first a digit"));
        }
        spec.env.push((k.clone(), v.clone()));
    }
    spec.umask = raw.umask.as_ref().and_then(|u| {
        let m = match u {
            NumOrText::Num(n) if n.fract() == 0.0 && (0.0..=511.0).contains(n) => Some(*n as u32),
            NumOrText::Text(s) => u32::from_str_radix(s.trim_start_matches("0o"), 8).ok().filter(|m| *m <= 0o777),
            NumOrText::Num(_) => None,
        };
        if m.is_none() {
            c.err("umask", "not a umask: write it in octal, as \"027\" or 0o027");
        }
        m
    });
    if let Some(n) = raw.limits.as_ref().and_then(|l| l.nofile) {
        let hard = nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE).map_or(u64::MAX, |l| l.1);
        if n == 0 || n > hard {
            c.err("limits", format!("nofile = {n} is outside 1..{hard}, the hard limit hm runs under"));
        } else {
            spec.nofile = Some(n);
        }
    }
    spec
}

/// `user` and `group` as an account to start as.
fn account(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<Account> {
    let group = raw.group.as_ref().and_then(|g| match nix::unistd::Group::from_name(g) {
        Ok(Some(gr)) => Some((g.clone(), gr.gid.as_raw())),
        _ => {
            c.err("group", format!("no group named `{g}` on this host"));
            None
        }
    });
    let Some(name) = &raw.user else {
        if raw.group.is_some() {
            c.err("group", "`group` needs a `user` to start the worker as");
        }
        return None;
    };
    // An unknown user is reported by the matcher's own check of `user`.
    let u = nix::unistd::User::from_name(name).ok().flatten()?;
    let gid = group.as_ref().map_or(u.gid.as_raw(), |(_, gid)| *gid);
    Some(Account { name: name.clone(), uid: u.uid.as_raw(), gid, group: group.map(|(g, _)| g), home: u.dir })
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    fn issues(keys: &str) -> Vec<String> {
        let text = format!(
            "[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^api\"\nstart = [\"/srv/api\"]\n{keys}\n"
        );
        match Config::parse("hm.toml", &text) {
            Ok(_) => Vec::new(),
            Err(e) => e.0.iter().map(|i| i.to_string()).collect(),
        }
    }

    #[test]
    fn issue29_bad_start_settings_are_one_line_errors_naming_file_line_and_field() {
        let cases = [
            ("user = \"no-such-user-i29\"", "hm.toml:6: monitor[api].user: no user named `no-such-user-i29`"),
            ("user = \"root\"\ngroup = \"no-such-group-i29\"", "hm.toml:7: monitor[api].group: no group named"),
            ("group = \"root\"", "monitor[api].group: `group` needs a `user`"),
            ("cwd = \"srv/api\"", "hm.toml:6: monitor[api].cwd: `srv/api` is relative"),
            ("umask = \"999\"", "hm.toml:6: monitor[api].umask: not a umask"),
            ("env = { \"1X\" = \"v\" }", "hm.toml:6: monitor[api].env: `1X` is not a variable name"),
            ("limits = { nproc = 1 }", "nproc"),
        ];
        let hard = nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE).expect("rlimit").1;
        let above = format!("limits = {{ nofile = {} }}", hard.saturating_add(1).min(i64::MAX as u64));
        let above_want = if hard < i64::MAX as u64 { "hm.toml:6: monitor[api].limits: nofile = " } else { "limits" };
        let cases: Vec<(&str, &str)> = cases.into_iter().chain([(above.as_str(), above_want)]).collect();
        for (keys, want) in cases {
            let got = issues(keys);
            assert!(got.iter().any(|i| i.contains(want) && !i.contains('\n')), "{want}\nnot in {got:?}");
        }
        let text = "[[monitor]]\nname = \"api\"\nkind = \"process\"\nunit = \"api.service\"\ncwd = \"/srv\"\n";
        let got = Config::parse("hm.toml", text).expect_err("cwd without start").to_string();
        assert!(got.contains("monitor[api].cwd: `cwd` says how hm starts the worker: it needs a `start`"), "{got}");
    }

    #[test]
    fn issue29_good_start_settings_are_read() {
        let text = "[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^api\"\nstart = [\"/srv/api\"]\n\
                    user = \"root\"\ngroup = \"root\"\ncwd = \"/srv\"\numask = \"027\"\nlimits = { nofile = 64 }\n\
                    env = { MODE = \"prod\", TOKEN = { env = \"HM_TEST_I29_UNSET\" } }\n";
        let c = Config::parse("hm.toml", text).expect("valid");
        let crate::config::Spec::Process(p) = &c.monitors[0].spec else { panic!("process") };
        let l = &p.restart.as_ref().expect("restart").launch;
        assert_eq!(l.user.as_ref().map(|a| (a.uid, a.gid, a.group.as_deref())), Some((0, 0, Some("root"))));
        assert_eq!((l.cwd.as_deref(), l.umask, l.nofile), (Some(std::path::Path::new("/srv")), Some(0o027), Some(64)));
        assert_eq!(l.env.len(), 2);
        // A secret from the environment is read at the start, and its
        // absence is the start's error, naming the variable.
        let e = l.resolve().expect_err("unset").to_string();
        assert!(e.contains("env TOKEN") && e.contains("HM_TEST_I29_UNSET"), "{e}");
    }
}
