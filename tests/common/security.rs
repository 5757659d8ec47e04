//! Helpers shared by the security tests (`tests/security_*.rs`).

use std::path::Path;

/// `s` as a TOML basic string (JSON's escapes are a subset of TOML's).
pub fn q(s: impl AsRef<str>) -> String {
    serde_json::to_string(s.as_ref()).expect("quote")
}

pub fn qp(p: &Path) -> String {
    q(p.to_str().expect("utf-8 path"))
}

/// An ordinary local user, the attacker of issue 14: owns directories that
/// hm (as root) walks into, and runs commands of its own. Only a root test
/// run can create one; elsewhere the staged attack is SKIPPED (loudly), and
/// under `CI=true` (which runs as root) that is a failure.
pub struct Attacker {
    pub uid: u32,
    pub gid: u32,
}

/// The attacker's account name; created once, with no home and no shell.
pub const ATTACKER: &str = "hm-attacker";

impl Attacker {
    /// The attacker, or `None` (after saying SKIPPED) when not root.
    pub fn get(test: &str) -> Option<Attacker> {
        if !super::is_root() {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{test}: staging an attack needs root (to create a user and drop to it), and CI=true"
            );
            eprintln!("SKIPPED: {test} needs root to stage the attack as another user");
            return None;
        }
        static CREATE: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let _guard = CREATE.lock().unwrap_or_else(|e| e.into_inner());
        if nix::unistd::User::from_name(ATTACKER).ok().flatten().is_none() {
            let status = std::process::Command::new("useradd")
                .args(["--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin"])
                .arg(ATTACKER)
                .status()
                .expect("run useradd");
            // Another test binary may have created it meanwhile.
            assert!(
                status.success() || nix::unistd::User::from_name(ATTACKER).ok().flatten().is_some(),
                "useradd {ATTACKER} failed"
            );
        }
        let user = nix::unistd::User::from_name(ATTACKER).ok().flatten().expect("attacker user");
        Some(Attacker { uid: user.uid.as_raw(), gid: user.gid.as_raw() })
    }

    /// `program args...` run as the attacker, through `setpriv` (no
    /// supplementary groups, no capabilities left).
    pub fn command(&self, program: &str) -> std::process::Command {
        let mut cmd = std::process::Command::new("setpriv");
        cmd.arg(format!("--reuid={}", self.uid))
            .arg(format!("--regid={}", self.gid))
            .arg("--clear-groups")
            .arg("--")
            .arg(program);
        cmd
    }

    /// Run a shell script as the attacker, to completion; panics on failure.
    #[track_caller]
    pub fn sh(&self, script: &str) {
        let out = self.command("sh").arg("-c").arg(script).output().expect("run setpriv");
        assert!(out.status.success(), "as {ATTACKER}: {script}\n{}", String::from_utf8_lossy(&out.stderr));
    }

    /// Start a shell script as the attacker in the background (a swapping
    /// loop); it is killed when the returned guard drops.
    pub fn spawn_sh(&self, script: &str) -> super::Worker {
        let child = self
            .command("sh")
            .arg("-c")
            .arg(script)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn setpriv");
        super::Worker(child)
    }

    /// A directory (created if needed) that the attacker owns, as an
    /// application's user would own its log or run directory.
    #[track_caller]
    pub fn owned_dir(&self, path: &Path) -> std::path::PathBuf {
        std::fs::create_dir_all(path).expect("mkdir");
        nix::unistd::chown(path, Some(self.uid.into()), Some(self.gid.into())).expect("chown");
        path.to_path_buf()
    }
}
