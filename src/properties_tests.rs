//! Property tests ("close the class"): every parser of operator
//! input — durations, sizes, Nagios ranges and perfdata, names, patterns,
//! whole configs — takes any text without panicking, and what it accepts
//! keeps the promises the rest of hm relies on (bounded durations, names
//! that are never paths). The CLI as a whole is in tests/integration/errors/properties.rs.

use crate::check::nagios::Range;
use crate::config::Config;
use crate::config::pattern::pattern_error;
use crate::config::validate::name_problem;
use crate::units::{MAX_DURATION, parse_duration, parse_size, secs};
use proptest::prelude::*;

/// Text an operator might type: digits, units, signs, dots, spaces and
/// anything else, short and long.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9eE.+\\- ]{0,30}[a-zA-Zµ]{0,4}",
        "[0-9]{1,25}(ns|us|ms|s|m|h|d|w|y|months|B|KiB|MiB|GiB|TiB|k|M|G|T)",
        ".{0,64}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn durations_parse_or_refuse_and_are_never_over_the_bound(s in typed()) {
        if let Ok(d) = parse_duration(&s) {
            prop_assert!(d <= MAX_DURATION, "{s:?} gave {d:?}");
        }
    }

    #[test]
    fn computed_seconds_never_panic_and_stay_bounded(v in any::<f64>()) {
        prop_assert!(secs(v) <= MAX_DURATION);
    }

    #[test]
    fn sizes_parse_or_refuse(s in typed()) {
        let _ = parse_size(&s);
    }

    #[test]
    fn ranges_parse_or_refuse_and_at_means_the_opposite(s in "@?(~|-?[0-9]{0,6}(\\.[0-9]{0,3})?)(:(-?[0-9]{0,6})?)?", v in -1e7f64..1e7) {
        if let Some(r) = Range::parse(&s) {
            prop_assert!(r.start <= r.end);
            let flipped = Range { inside: !r.inside, ..r };
            prop_assert_ne!(r.alerts(v), flipped.alerts(v));
        }
        let _ = Range::parse(&format!("{s}{s}"));
    }

    #[test]
    fn perfdata_never_panics(s in ".{0,200}") {
        let _ = crate::check::nagios::output(&s);
    }

    #[test]
    fn names_are_valid_exactly_when_they_can_never_be_a_path(s in "[a-zA-Z0-9_.\\-/ ]{0,140}") {
        let ok = name_problem(&s, "name").is_none();
        let plain = !s.is_empty()
            && s.len() <= 128
            && s != "."
            && s != ".."
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_.-".contains(&b));
        prop_assert_eq!(ok, plain, "{:?}", s);
        if let Some(why) = name_problem(&s, "name") {
            prop_assert!(why.len() < 200);
        }
    }

    #[test]
    fn patterns_are_judged_without_panicking(s in "([a-z.*+?|()\\[\\]^$\\\\]|\\{[0-9]{0,9}(,[0-9]{0,9})?\\}){0,20}") {
        let _ = pattern_error(&s);
    }

    #[test]
    fn a_config_with_any_values_parses_or_names_its_errors(
        key in prop::sample::select(vec!["warn", "crit", "timeout", "min", "max", "for", "cooldown", "interval", "pattern", "name", "anomaly"]),
        value in prop_oneof![typed().prop_map(|s| format!("{s:?}")), any::<i64>().prop_map(|n| n.to_string()), any::<f64>().prop_map(|v| format!("{v:?}"))],
    ) {
        let text = format!("host_defaults = false\n\n[[monitor]]\nname = \"m\"\nkind = \"process\"\npattern = \"^x\"\n{key} = {value}\n");
        if let Err(e) = Config::parse("hm.toml", &text) {
            for issue in &e.0 {
                prop_assert!(issue.line >= 1 && issue.line <= 7, "{issue:?}");
            }
        }
    }
}
