//! The escaping of observed text: every control character,
//! one by one, and any text at all by property.

use super::*;
use proptest::prelude::*;

#[test]
fn issue25_every_c0_del_and_c1_control_is_a_visible_escape() {
    let named = [('\t', "\\t"), ('\n', "\\n"), ('\r', "\\r"), ('\x1b', "\\x1b"), ('\x07', "\\x07"), ('\0', "\\x00")];
    for (c, want) in named {
        assert_eq!(escape(&c.to_string()), want, "{c:?}");
    }
    let controls = (0u32..0x20).chain([0x7f]).chain(0x80..0xa0);
    for u in controls {
        let c = char::from_u32(u).expect("char");
        let shown = escape(&format!("a{c}b")).into_owned();
        assert!(shown.starts_with("a\\") && shown.ends_with('b'), "U+{u:04X}: {shown}");
        assert!(!shown.chars().any(char::is_control), "U+{u:04X}: {shown:?}");
        let hex = format!("{u:x}");
        assert!(shown.contains(&hex) || "tnr".contains(&shown[2..3]), "U+{u:04X}: {shown}");
    }
    assert_eq!(escape("\u{9b}31m"), "\\u{9b}31m");
    assert_eq!(escape("\x7f"), "\\x7f");
    assert_eq!(escape("\x1b]0;title\x07\r\x1b[2Knothing to delete"), "\\x1b]0;title\\x07\\r\\x1b[2Knothing to delete");
}

#[test]
fn issue25_plain_text_is_borrowed_untouched() {
    for s in ["", "disk / at 95%", "pattern `\\d+`", "é ü 日本 ▁▂█ …", "\u{a0}non-breaking"] {
        assert!(matches!(escape(s), Cow::Borrowed(b) if b == s), "{s:?}");
        assert!(matches!(escape_lines(s, false), Cow::Borrowed(b) if b == s), "{s:?}");
    }
}

#[test]
fn issue25_a_whole_text_keeps_its_lines_and_only_colour() {
    let text = "a\x1b[31mred\x1b[0m\n\x1b[2Kgone\r\x1b]0;t\x07\n";
    assert_eq!(escape_lines(text, false), "a\\x1b[31mred\\x1b[0m\n\\x1b[2Kgone\\r\\x1b]0;t\\x07\n");
    assert_eq!(escape_lines(text, true), "a\x1b[31mred\x1b[0m\n\\x1b[2Kgone\\r\\x1b]0;t\\x07\n");
    // Only `ESC [ digits ; m` passes: not a bare ESC, not another final byte.
    assert_eq!(escape_lines("\x1b[", true), "\\x1b[");
    assert_eq!(escape_lines("\x1b[1;2H", true), "\\x1b[1;2H");
    assert_eq!(escape_lines("\x1b", true), "\\x1b");
}

#[test]
fn issue25_slack_markup_is_escaped_after_controls() {
    assert_eq!(
        slack("<!channel> & <https://evil/|Click here>"),
        "&lt;!channel&gt; &amp; &lt;https://evil/|Click here&gt;"
    );
    assert_eq!(slack("a\nb\x1b"), "a\\nb\\x1b");
}

#[test]
fn issue25_cut_keeps_at_most_max_characters() {
    assert_eq!(cut("abcdef", 3), "ab…");
    assert_eq!(cut("abc", 3), "abc");
    assert_eq!(cut("日本語です", 4), "日本語…");
    assert_eq!(cut("abc", 0), "");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn issue25_escaped_text_never_holds_a_control_character(s in "(.|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}]){0,64}") {
        let shown = escape(&s);
        prop_assert!(!shown.chars().any(char::is_control), "{s:?} gave {shown:?}");
        let lines = escape_lines(&s, false);
        prop_assert!(!lines.chars().any(|c| c != '\n' && c.is_control()), "{s:?} gave {lines:?}");
        prop_assert_eq!(lines.matches('\n').count(), s.matches('\n').count());
        let coloured = escape_lines(&s, true);
        prop_assert!(!coloured.contains('\r') && !coloured.contains('\x07'), "{s:?} gave {coloured:?}");
        let for_slack = slack(&s);
        prop_assert!(!for_slack.contains('<') && !for_slack.contains('>'), "{s:?} gave {for_slack:?}");
        prop_assert!(!for_slack.chars().any(char::is_control));
    }

    #[test]
    fn issue25_text_without_controls_is_unchanged(s in "[^\\x00-\\x1f\\x7f\\u{80}-\\u{9f}]{0,64}") {
        prop_assert_eq!(escape(&s), s.as_str());
    }
}
