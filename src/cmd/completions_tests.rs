//! The completion hooks' table and flags, held to the clap definition.

use super::*;

/// The subcommand at `path` (`"monitor pause"`).
fn sub<'c>(cmd: &'c clap::Command, path: &str) -> Option<&'c clap::Command> {
    path.split(' ').try_fold(cmd, |c, name| c.find_subcommand(name))
}

#[test]
fn issue31_every_named_path_takes_names_as_it_says() {
    let cmd = crate::cli::command();
    for (path, many, _) in NAMED {
        let s = sub(&cmd, path).unwrap_or_else(|| panic!("no subcommand `{path}`"));
        let positionals: Vec<&clap::Arg> = s.get_positionals().collect();
        assert_eq!(positionals.len(), 1, "`hm {path}` should take one positional argument");
        let takes_many = positionals[0].get_num_args().is_some_and(|n| n.max_values() > 1);
        assert_eq!(takes_many, many, "`hm {path}`: several names or one");
    }
}

#[test]
fn issue31_every_argument_named_for_a_monitor_or_channel_completes() {
    // Those that take a name not yet in the config (`hm add KIND NAME`), or a ping's.
    let new_names = ["add", "monitor add", "ping"];
    fn walk(c: &clap::Command, path: String, out: &mut Vec<String>) {
        if c.get_positionals().any(|a| ["name", "names", "monitor", "channel"].contains(&a.get_id().as_str())) {
            out.push(path.clone());
        }
        for s in c.get_subcommands() {
            let p = if path.is_empty() { s.get_name().to_string() } else { format!("{path} {}", s.get_name()) };
            walk(s, p, out);
        }
    }
    let mut found = Vec::new();
    walk(&crate::cli::command(), String::new(), &mut found);
    let new = |p: &str| new_names.iter().any(|n| p == *n || p.starts_with(&format!("{n} ")));
    for path in found.iter().filter(|p| !new(p)) {
        assert!(NAMED.iter().any(|(p, _, _)| p == path), "`hm {path}` takes a name that does not complete");
    }
}

#[test]
fn issue31_a_flag_that_takes_a_value_is_skipped_with_it_and_a_switch_is_not() {
    let cmd = crate::cli::command();
    let flags = value_flags(&cmd);
    for f in ["--db", "--metric", "--since", "--points", "--parallel", "--for", "--reason"] {
        assert!(flags.contains(&f.to_string()), "{f} missing from {flags:?}");
    }
    // No switch of these subcommands shares a value flag's name.
    for (path, _, _) in NAMED {
        let s = sub(&cmd, path).expect("subcommand");
        for a in s.get_arguments().filter(|a| !a.get_action().takes_values()) {
            let long = a.get_long().map(|l| format!("--{l}")).unwrap_or_default();
            assert!(!flags.contains(&long), "`hm {path} {long}` is a switch, skipped as if it took a value");
        }
    }
}
