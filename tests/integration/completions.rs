//! Tab completes the names of the config in force, in real bash and fish
//! sessions: the committed scripts of `completions/` are sourced in a
//! shell under tmux, keys are typed with send-keys, and the screen is read
//! back with capture-pane.

use crate::common::{Test, have_tool};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const CONFIG: &str = r#"host_defaults = false

[[monitor]]
name = "api"
kind = "process"
pattern = "sleep 1000 {i}"
start = ["/bin/sleep", "1000"]
instances = 2

[[monitor]]
name = "solo"
kind = "process"
pattern = "sleep 1001 {i}"
start = ["/bin/sleep", "1001"]
instances = 1

[[monitor]]
name = "web-front"
kind = "cpu"

[[channel]]
name = "ops-hook"
kind = "webhook"
url = { env = "HM_TEST_HOOK" }
"#;

/// A tmux server of the test's own with one shell, at its prompt, in the
/// test's directory, with the test's environment and `hm` on its PATH.
struct Shell {
    socket: PathBuf,
}

impl Shell {
    fn start(t: &Test, shell: &str) -> Shell {
        let bin = t.path("bin");
        std::fs::create_dir_all(&bin).expect("mkdir");
        std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_hm"), bin.join("hm")).expect("symlink");
        let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
        let root = t.root().display().to_string();
        let vars = [
            format!("PATH={path}"),
            format!("HOME={root}"),
            format!("XDG_CONFIG_HOME={root}/config"),
            format!("XDG_STATE_HOME={root}/state"),
            "HM_TEST_HOOK=http://127.0.0.1:9/hook".to_string(),
        ];
        let line = format!("cd {root} && env {} {shell}", vars.join(" "));
        let s = Shell { socket: t.path("tmux.sock") };
        s.tmux(&["-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "30", "-s", "sh", &line]);
        s
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").arg("-S").arg(&self.socket).args(args).output().expect("tmux");
        assert!(out.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "=sh:", k]);
            // Each TAB is answered before the next key.
            std::thread::sleep(Duration::from_millis(300));
        }
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "=sh:"])
    }

    /// Wait until the screen shows `what`; panics with the screen after 10 s.
    fn wait_for(&self, what: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if what(&screen) {
                return screen;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Abandon the line and clear the screen.
    fn reset(&self) {
        self.keys(&["C-c", "clear", "Enter"]);
        self.wait_for(|s| !s.contains("clear") && !s.contains("hm "));
    }
}

impl Drop for Shell {
    fn drop(&mut self) {
        let _ = Command::new("tmux").arg("-S").arg(&self.socket).arg("kill-server").output();
    }
}

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("completions").join(name)
}

fn setup() -> Test {
    let t = Test::new().config(CONFIG);
    std::fs::write(t.path("other.toml"), "host_defaults = false\n[[monitor]]\nname = \"elsewhere\"\nkind = \"cpu\"\n")
        .expect("write");
    std::fs::write(t.path("broken.toml"), "[[monitor]\nname = ").expect("write");
    std::fs::write(t.path("zz-a-file"), "").expect("write");
    t
}

#[test]
fn issue31_names_prints_monitors_pools_and_channels_and_nothing_for_a_broken_config() {
    let t = setup().env("HM_TEST_HOOK", "http://127.0.0.1:9/hook");
    let out = t.run(&["__names", "monitors"]);
    out.code(0);
    assert_eq!(out.stdout, "api\napi@1\napi@2\nsolo\nsolo@1\nweb-front\n");
    assert_eq!(t.run(&["__names", "channels"]).stdout, "ops-hook\n");
    let other = t.path("other.toml");
    assert_eq!(t.run(&["--config", other.to_str().expect("utf8"), "__names", "monitors"]).stdout, "elsewhere\n");
    for bad in [t.path("broken.toml"), t.path("missing.toml")] {
        let out = t.run(&["__names", "monitors", "--config", bad.to_str().expect("utf8")]);
        out.code(0);
        assert_eq!((out.stdout.as_str(), out.stderr.as_str()), ("", ""), "{}", bad.display());
    }
    // The hidden subcommand is offered by no script (bash's and fish's
    // hooks, at their end, call it).
    for name in ["hm.bash", "hm.fish", "_hm", "hm.elv", "_hm.ps1"] {
        let text = std::fs::read_to_string(script(name)).expect("read");
        let clap_part = text.split("# Monitor and channel names where").next().unwrap_or_default();
        assert!(!clap_part.contains("__names"), "{name} offers __names");
    }
}

#[test]
fn issue31_bash_tab_completes_monitor_and_channel_names_from_the_config_in_force() {
    if !have_tool("tmux") || !have_tool("bash") {
        return;
    }
    let t = setup();
    let sh = Shell::start(&t, "bash --norc --noprofile");
    sh.keys(&[&format!("source {}", script("hm.bash").display()), "Enter"]);
    sh.reset();
    // Two TABs: the list.
    sh.keys(&["hm why ", "Tab", "Tab"]);
    let screen = sh.wait_for(|s| s.contains("web-front"));
    for name in ["api", "api@1", "api@2", "web-front"] {
        assert!(screen.split_whitespace().any(|w| w == name), "{name} not offered:\n{screen}");
    }
    sh.reset();
    // One candidate: completed on the line.
    sh.keys(&["hm alerts test ", "Tab"]);
    sh.wait_for(|s| s.contains("hm alerts test ops-hook"));
    sh.reset();
    // Several names; and after a name, more.
    sh.keys(&["hm check web-front api", "Tab", "Tab"]);
    sh.wait_for(|s| s.contains("api@2"));
    sh.reset();
    sh.keys(&["hm restart-worker --dry-run web", "Tab"]);
    sh.wait_for(|s| s.contains("--dry-run web-front"));
    sh.reset();
    // Bash breaks words at `@`: what follows it is completed, once.
    sh.keys(&["hm stop-worker solo@", "Tab"]);
    sh.wait_for(|s| s.contains("hm stop-worker solo@1"));
    assert!(!sh.screen().contains("solo@solo"), "{}", sh.screen());
    sh.reset();
    // The --config on the line wins.
    sh.keys(&["hm --config other.toml monitor pause ", "Tab"]);
    sh.wait_for(|s| s.contains("monitor pause elsewhere"));
    sh.reset();
    // A broken config completes nothing: no error, no file names.
    sh.keys(&["hm why --config broken.toml ", "Tab", "Tab", "x"]);
    let screen = sh.wait_for(|s| s.contains("broken.toml x"));
    assert!(!screen.contains("zz-a-file") && !screen.contains("error"), "{screen}");
}

#[test]
fn issue31_fish_tab_completes_monitor_and_channel_names_from_the_config_in_force() {
    if !have_tool("tmux") || !have_tool("fish") {
        return;
    }
    let t = setup();
    let sh = Shell::start(&t, "fish --no-config");
    sh.keys(&[&format!("source {}", script("hm.fish").display()), "Enter"]);
    sh.reset();
    sh.keys(&["hm why ", "Tab"]);
    let screen = sh.wait_for(|s| s.contains("web-front"));
    for name in ["api", "api@1", "api@2", "web-front"] {
        assert!(screen.split_whitespace().any(|w| w == name), "{name} not offered:\n{screen}");
    }
    sh.reset();
    sh.keys(&["hm alerts test ", "Tab"]);
    sh.wait_for(|s| s.contains("hm alerts test ops-hook"));
    sh.reset();
    sh.keys(&["hm --config other.toml restart-worker ", "Tab"]);
    sh.wait_for(|s| s.contains("restart-worker elsewhere"));
    sh.reset();
    sh.keys(&["hm history --config broken.toml ", "Tab", "x"]);
    let screen = sh.wait_for(|s| s.contains("broken.toml x"));
    assert!(!screen.contains("zz-a-file") && !screen.contains("error"), "{screen}");
}
