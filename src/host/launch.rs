//! How a worker is started, beyond its argv: as which user (with that
//! user's supplementary groups, as `initgroups` gives them), in which
//! directory, with which environment, umask and open-file limit. One
//! description for both start paths: the plain start applies it in the
//! child between clone and exec ([`Prepared::plan`], `host::spawn`), and a
//! transient unit gets it as `systemd-run` options ([`Launch::systemd_args`]).
//!
//! Between clone and exec only system calls are made: the group list is
//! read (`getgrouplist`, which may read `/etc/group` and allocate) before
//! the clone, so the child does not call into NSS. Privileges are dropped
//! last but one, groups first and uid last, then the directory is entered
//! as the user, so a directory the user may not enter fails the start.

use nix::unistd::{Gid, Uid};
use std::path::PathBuf;

/// The user a worker runs as.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Account {
    pub name: String,
    pub uid: u32,
    /// The primary group: the user's own, or `group`'s.
    pub gid: u32,
    /// `group`, when it was given (systemd's `--gid`).
    pub group: Option<String>,
    /// The user's home directory (`HOME` of the plain fork).
    pub home: PathBuf,
}

/// What a start sets besides the argv; the default changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Launch {
    pub user: Option<Account>,
    pub cwd: Option<PathBuf>,
    /// Values already read (secrets from hm's environment included).
    pub env: Vec<(String, String)>,
    pub umask: Option<u32>,
    /// `RLIMIT_NOFILE`, soft and hard.
    pub nofile: Option<u64>,
}

/// What the child needs, computed before the clone.
pub(crate) struct Prepared {
    groups: Option<(Vec<Gid>, Gid, Uid)>,
    cwd: Option<PathBuf>,
    umask: Option<u32>,
    nofile: Option<u64>,
}

impl Launch {
    /// Read what the child will need; the environment a plain fork adds
    /// (the user's `HOME`, `USER`, `LOGNAME`, as systemd sets them for
    /// `User=`, then `env`).
    pub(crate) fn prepare(&self) -> anyhow::Result<(Prepared, Vec<(String, String)>)> {
        let mut env = Vec::new();
        let groups = match &self.user {
            None => None,
            Some(a) => {
                let name = std::ffi::CString::new(a.name.as_str())?;
                let gid = Gid::from_raw(a.gid);
                let list = nix::unistd::getgrouplist(&name, gid)
                    .map_err(|e| anyhow::anyhow!("cannot read the groups of user {}: {e}", a.name))?;
                env.push(("HOME".to_string(), a.home.display().to_string()));
                env.push(("USER".to_string(), a.name.clone()));
                env.push(("LOGNAME".to_string(), a.name.clone()));
                Some((list, gid, Uid::from_raw(a.uid)))
            }
        };
        env.extend(self.env.iter().cloned());
        let prepared = Prepared { groups, cwd: self.cwd.clone(), umask: self.umask, nofile: self.nofile };
        Ok((prepared, env))
    }

    /// The `systemd-run` options that say the same.
    pub(crate) fn systemd_args(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(a) = &self.user {
            out.push(format!("--uid={}", a.name));
            if let Some(g) = &a.group {
                out.push(format!("--gid={g}"));
            }
        }
        if let Some(cwd) = &self.cwd {
            out.push(format!("--working-directory={}", cwd.display()));
        }
        // By name only: systemd-run copies the value from its own
        // environment, so a secret never shows in its command line.
        for (k, _) in &self.env {
            out.push(format!("--setenv={k}"));
        }
        if let Some(m) = self.umask {
            out.push(format!("--property=UMask={m:04o}"));
        }
        if let Some(n) = self.nofile {
            out.push(format!("--property=LimitNOFILE={n}"));
        }
        out
    }
}

impl Prepared {
    /// What the child does between clone and exec (`host::spawn`), with
    /// `stdio` as its stdin, stdout and stderr: limits and umask, then the
    /// groups, gid and uid, then the directory.
    pub(super) fn plan(&self, stdio: [std::os::fd::OwnedFd; 3]) -> anyhow::Result<super::spawn::Plan> {
        use std::os::unix::ffi::OsStrExt;
        let cwd = match &self.cwd {
            Some(c) => Some(std::ffi::CString::new(c.as_os_str().as_bytes())?),
            None => None,
        };
        let ids = self
            .groups
            .as_ref()
            .map(|(groups, gid, uid)| (groups.iter().map(|g| g.as_raw()).collect(), gid.as_raw(), uid.as_raw()));
        // Its own limit, else the one hm was given (hm raised its own).
        let nofile = self.nofile.map(|n| (n, n)).or_else(super::fd_table::given_limit);
        Ok(super::spawn::Plan { stdio, nofile, umask: self.umask, ids, cwd })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue29_the_systemd_run_options_of_a_launch() {
        let launch = Launch {
            user: Some(Account {
                name: "app".into(),
                uid: 1000,
                gid: 1000,
                group: Some("web".into()),
                home: "/".into(),
            }),
            cwd: Some("/srv/app".into()),
            env: vec![("TOKEN".into(), "s3cret".into())],
            umask: Some(0o027),
            nofile: Some(65536),
        };
        let want = [
            "--uid=app",
            "--gid=web",
            "--working-directory=/srv/app",
            "--setenv=TOKEN",
            "--property=UMask=0027",
            "--property=LimitNOFILE=65536",
        ];
        assert_eq!(launch.systemd_args(), want);
        assert!(Launch::default().systemd_args().is_empty());
    }
}
