//! Helpers shared by the security tests (`tests/integration/security_*.rs`).

use std::path::Path;

/// `s` as a TOML basic string (JSON's escapes are a subset of TOML's).
pub(crate) fn q(s: impl AsRef<str>) -> String {
    serde_json::to_string(s.as_ref()).expect("quote")
}

pub(crate) fn qp(p: &Path) -> String {
    q(p.to_str().expect("utf-8 path"))
}

/// An ordinary local user, SECURITY.md's attacker: owns directories that
/// hm (as root) walks into, and runs commands of its own. Only a root test
/// run can create one; elsewhere the staged attack is SKIPPED (loudly), and
/// under `CI=true` (which runs as root) that is a failure.
pub(crate) struct Attacker {
    pub uid: u32,
    pub gid: u32,
}

/// The attacker's account name; created once, with no home and no shell.
pub(crate) const ATTACKER: &str = "hm-attacker";

impl Attacker {
    /// The attacker, or `None` (after saying SKIPPED) when not root.
    pub(crate) fn get(test: &str) -> Option<Attacker> {
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
    pub(crate) fn command(&self, program: &str) -> std::process::Command {
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
    pub(crate) fn sh(&self, script: &str) {
        let out = self.command("sh").arg("-c").arg(script).output().expect("run setpriv");
        assert!(out.status.success(), "as {ATTACKER}: {script}\n{}", String::from_utf8_lossy(&out.stderr));
    }

    /// Start a shell script as the attacker in the background (a swapping
    /// loop); it is killed when the returned guard drops.
    pub(crate) fn spawn_sh(&self, script: &str) -> super::Worker {
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
    pub(crate) fn owned_dir(&self, path: &Path) -> std::path::PathBuf {
        std::fs::create_dir_all(path).expect("mkdir");
        nix::unistd::chown(path, Some(self.uid.into()), Some(self.gid.into())).expect("chown");
        path.to_path_buf()
    }
}

/// The variable that turns this test binary into the attacker's swapping
/// loop (see [`Attacker::swap`]).
pub(crate) const SWAP_ENV: &str = "HM_TEST_ATTACKER_SWAP";

impl Attacker {
    /// Start the attacker exchanging the names `a` and `b` in `dir` (which
    /// it owns) with `renameat2(RENAME_EXCHANGE)` in a tight loop, so that
    /// at every instant one of the two is at each name. This test binary is
    /// re-run (copied to `exe_dir`, where the attacker can read it) as the
    /// attacker, running only the test `swap_test_fn`, which must call
    /// [`swap_loop_if_asked`]. The loop ends when the guard drops, or by
    /// itself after two minutes.
    pub(crate) fn swap(&self, exe_dir: &Path, swap_test_fn: &str, dir: &Path, a: &str, b: &str) -> super::Worker {
        use std::os::unix::fs::PermissionsExt;
        let exe = exe_dir.join("attacker-swap");
        if !exe.exists() {
            super::copy_exe(&std::env::current_exe().expect("test exe"), &exe);
            std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        }
        // Wait until it swaps (the names change places); a start that ends
        // before it swaps is started again.
        use std::os::unix::fs::MetadataExt;
        let inode = || std::fs::symlink_metadata(dir.join(a)).map(|m| m.ino()).ok();
        let start = std::time::Instant::now();
        loop {
            let before = inode();
            let mut child = self
                .command(exe.to_str().expect("utf-8 path"))
                .args(["--exact", swap_test_fn, "--nocapture", "--test-threads=1"])
                .env(SWAP_ENV, format!("{}\n{a}\n{b}", dir.display()))
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("spawn the swapping loop");
            loop {
                if inode() != before {
                    return super::Worker(child);
                }
                if child.try_wait().expect("wait").is_some() {
                    break;
                }
                assert!(
                    start.elapsed() < std::time::Duration::from_secs(60),
                    "the attacker's swapping loop never started"
                );
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            assert!(start.elapsed() < std::time::Duration::from_secs(60), "the attacker's swapping loop never started");
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

/// The body of the attacker's swapping loop, when this process was started
/// by [`Attacker::swap`]; returns at once otherwise.
pub(crate) fn swap_loop_if_asked() {
    let Ok(spec) = std::env::var(SWAP_ENV) else { return };
    let mut parts = spec.splitn(3, '\n');
    let (Some(dir), Some(a), Some(b)) = (parts.next(), parts.next(), parts.next()) else { return };
    let fd = nix::fcntl::open(
        dir,
        nix::fcntl::OFlag::O_RDONLY | nix::fcntl::OFlag::O_DIRECTORY,
        nix::sys::stat::Mode::empty(),
    )
    .expect("open the attacker's directory");
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(120) {
        for _ in 0..1000 {
            let _ = nix::fcntl::renameat2(&fd, a, &fd, b, nix::fcntl::RenameFlags::RENAME_EXCHANGE);
        }
    }
}

/// The variable that turns this test binary into the attacker's flood (see
/// [`Attacker::flood`]).
pub(crate) const FLOOD_ENV: &str = "HM_TEST_ATTACKER_FLOOD";
/// Connections one flood opens at most, whatever its duration.
const FLOOD_LIMIT: u64 = 100_000;

impl Attacker {
    /// Start the attacker flooding `hm serve` on 127.0.0.1:`port` for
    /// `seconds`: connect, `GET /metrics`, close with a reset,
    /// as fast as it can. This test binary is re-run (copied to `exe_dir`)
    /// as the attacker, running only the test `flood_test_fn`, which must
    /// call [`flood_loop_if_asked`]. It stops by itself after `seconds` or
    /// [`FLOOD_LIMIT`] connections; the thread returns how many it opened.
    pub(crate) fn flood(
        &self,
        exe_dir: &Path,
        flood_test_fn: &str,
        port: u16,
        seconds: f64,
    ) -> std::thread::JoinHandle<u64> {
        use std::os::unix::fs::PermissionsExt;
        let exe = exe_dir.join("attacker-flood");
        if !exe.exists() {
            super::copy_exe(&std::env::current_exe().expect("test exe"), &exe);
            std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        }
        let mut cmd = self.command(exe.to_str().expect("utf-8 path"));
        cmd.args(["--exact", flood_test_fn, "--nocapture", "--test-threads=1"])
            .env(FLOOD_ENV, format!("{port} {seconds}"))
            .stdin(std::process::Stdio::null());
        std::thread::spawn(move || {
            let out = cmd.output().expect("run the attacker's flood");
            let text = String::from_utf8_lossy(&out.stdout);
            // libtest may print the test's name on the same line first.
            let n = text.split_once("FLOODED ").and_then(|(_, n)| n.split_whitespace().next()?.parse().ok());
            n.unwrap_or_else(|| {
                eprintln!("the attacker's flood said nothing: {text}{}", String::from_utf8_lossy(&out.stderr));
                0
            })
        })
    }
}

/// The body of the attacker's flood, when this process was started by
/// [`Attacker::flood`]; returns at once otherwise. Only 127.0.0.1 is a target.
pub(crate) fn flood_loop_if_asked() {
    let Ok(spec) = std::env::var(FLOOD_ENV) else { return };
    let mut parts = spec.split_whitespace();
    let (Some(Ok(port)), Some(Ok(seconds))) =
        (parts.next().map(str::parse::<u16>), parts.next().map(str::parse::<f64>))
    else {
        return;
    };
    let request = b"GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    let reset = nix::libc::linger { l_onoff: 1, l_linger: 0 };
    let (start, mut n) = (std::time::Instant::now(), 0u64);
    while start.elapsed().as_secs_f64() < seconds && n < FLOOD_LIMIT {
        let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) else { continue };
        let _ = std::io::Write::write_all(&mut s, request);
        let _ = nix::sys::socket::setsockopt(&s, nix::sys::socket::sockopt::Linger, &reset);
        n += 1;
    }
    println!("FLOODED {n}");
}
