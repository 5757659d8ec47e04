//! The Nagios plugin conventions: threshold ranges (`10`, `10:`, `~:10`,
//! `10:20`, `@10:20`) and perfdata (`'label'=value[UOM];[warn];[crit];[min];[max]`,
//! space-separated, labels optionally single-quoted with `''` for a quote, a
//! quoted label on one line).
//!
//! Parsing never panics and never gives up on a whole line because of one
//! bad item: plugins in the wild print odd perfdata, and what can be read
//! is worth keeping. Both parsers are fuzzed.

use super::Metric;

/// A threshold range. A value *alerts* when it lies outside `start..=end`,
/// or inside it when `inside` (the `@` prefix).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub start: f64,
    pub end: f64,
    pub inside: bool,
}

impl Range {
    /// Parse `10`, `10:`, `~:10`, `10:20`, `@10:20`.
    pub fn parse(text: &str) -> Option<Range> {
        let t = text.trim();
        let (inside, t) = match t.strip_prefix('@') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let num = |s: &str| s.parse::<f64>().ok().filter(|v| !v.is_nan());
        let (start, end) = match t.split_once(':') {
            None => (0.0, num(t)?),
            Some((a, b)) => {
                let start = if a == "~" { f64::NEG_INFINITY } else { num(a)? };
                let end = if b.is_empty() { f64::INFINITY } else { num(b)? };
                (start, end)
            }
        };
        (start <= end).then_some(Range { start, end, inside })
    }

    /// Whether `value` is in alert under this range.
    pub fn alerts(&self, value: f64) -> bool {
        let within = self.start <= value && value <= self.end;
        if self.inside { within } else { !within }
    }

    /// The level above which it alerts, when that is all it says (`10`,
    /// `~:10`): hm's own "above crosses" thresholds can show it.
    pub fn upper(&self) -> Option<f64> {
        (!self.inside && self.end.is_finite() && (self.start == 0.0 || self.start == f64::NEG_INFINITY))
            .then_some(self.end)
    }
}

/// One perfdata item, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Perf {
    pub label: String,
    pub value: f64,
    pub uom: String,
    pub warn: Option<Range>,
    pub crit: Option<Range>,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// Split perfdata into `(label, value and the rest)` pairs. Spaces
/// separate items, except inside a label in single quotes (`''` is a quote
/// there). A quote only opens a label at the start of an item: one anywhere
/// else is an ordinary character, so a stray quote cannot swallow the items
/// after it. Items with no `=` after their label are left out.
fn items(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let quoted = match chars.peek() {
            None => return out,
            Some('\'') => {
                chars.next();
                let mut label = String::new();
                // Never closed, or not on its line (a label does not span
                // lines): no item.
                let closed = loop {
                    match chars.next() {
                        None => return out,
                        Some('\n') => break false,
                        Some('\'') if chars.next_if_eq(&'\'').is_some() => label.push('\''),
                        Some('\'') => break true,
                        Some(c) => label.push(c),
                    }
                };
                if !closed {
                    continue;
                }
                Some(label)
            }
            Some(_) => None,
        };
        let mut token = String::new();
        while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
            token.push(c);
        }
        let pair = match quoted {
            Some(label) => token.strip_prefix('=').map(|rest| (label, rest.to_string())),
            None => token.split_once('=').map(|(label, rest)| (label.to_string(), rest.to_string())),
        };
        out.extend(pair);
    }
}

/// Parse one item from its label (unquoted) and what follows its `=`.
fn item(label: &str, rest: &str) -> Option<Perf> {
    let mut fields = rest.split(';');
    let value_uom = fields.next()?;
    let split = value_uom.find(|c: char| !(c.is_ascii_digit() || "+-.eE".contains(c))).unwrap_or(value_uom.len());
    let (value, uom) = value_uom.split_at(split);
    // Finite, and still finite in hm's units (`1e300TB` is not).
    let value = value.parse::<f64>().ok().filter(|v| (v * scale(uom).0).is_finite())?;
    let mut next_range = || fields.next().filter(|f| !f.is_empty()).and_then(Range::parse);
    let (warn, crit) = (next_range(), next_range());
    let mut next_num = || fields.next().and_then(|f| f.parse::<f64>().ok()).filter(|v| v.is_finite());
    let (min, max) = (next_num(), next_num());
    (!label.is_empty()).then(|| Perf { label: label.to_string(), value, uom: uom.to_string(), warn, crit, min, max })
}

/// Every readable item of a perfdata text.
pub(crate) fn perfdata(text: &str) -> Vec<Perf> {
    items(text).iter().filter_map(|(label, rest)| item(label, rest)).collect()
}

/// What a unit of measure is in hm's units: times in seconds, sizes in bytes.
fn scale(uom: &str) -> (f64, &'static str) {
    match uom {
        "s" => (1.0, "s"),
        "ms" => (1e-3, "s"),
        "us" => (1e-6, "s"),
        "%" => (1.0, "%"),
        "B" => (1.0, "B"),
        "KB" | "kB" => (1024.0, "B"),
        "MB" => (1024.0 * 1024.0, "B"),
        "GB" => (1024.0 * 1024.0 * 1024.0, "B"),
        "TB" => (1024.0 * 1024.0 * 1024.0 * 1024.0, "B"),
        _ => (1.0, ""),
    }
}

/// A perfdata item as an hm metric: times in seconds, sizes in bytes. A
/// level too large to be a number in those units is left out.
pub(crate) fn metric(p: &Perf) -> Metric {
    let (factor, unit) = scale(&p.uom);
    let level = |r: Option<Range>| r.and_then(|r| r.upper()).map(|v| v * factor).filter(|v| v.is_finite());
    let mut m = Metric::new(p.label.clone(), p.value * factor, unit);
    m.warn = level(p.warn);
    m.crit = level(p.crit);
    m
}

/// Split plugin output into its message (the first line's text) and all
/// its perfdata (after `|` on the first line and on any later line after
/// the first `|` in the long text).
pub(crate) fn output(stdout: &str) -> (String, Vec<Perf>) {
    let mut lines = stdout.lines();
    let first = lines.next().unwrap_or("");
    let (message, mut perf_text) = match first.split_once('|') {
        Some((m, p)) => (m.trim().to_string(), p.to_string()),
        None => (first.trim().to_string(), String::new()),
    };
    let mut in_perf = false;
    for line in lines {
        if in_perf {
            perf_text.push('\n');
            perf_text.push_str(line);
        } else if let Some((_, p)) = line.split_once('|') {
            in_perf = true;
            perf_text.push('\n');
            perf_text.push_str(p);
        }
    }
    (message, perfdata(&perf_text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(t: &str) -> Range {
        Range::parse(t).unwrap_or_else(|| panic!("{t} should parse"))
    }

    #[test]
    fn ranges_follow_the_plugin_guidelines() {
        // 10: alert outside 0..10
        assert!(r("10").alerts(-1.0) && r("10").alerts(11.0) && !r("10").alerts(10.0) && !r("10").alerts(0.0));
        // 10: alert below 10
        assert!(r("10:").alerts(9.9) && !r("10:").alerts(1e9));
        // ~:10 alert above 10
        assert!(r("~:10").alerts(10.1) && !r("~:10").alerts(-1e9));
        // 10:20 alert outside
        assert!(r("10:20").alerts(9.0) && r("10:20").alerts(21.0) && !r("10:20").alerts(15.0));
        // @10:20 alert inside
        assert!(r("@10:20").alerts(10.0) && r("@10:20").alerts(20.0) && !r("@10:20").alerts(21.0));
        assert_eq!(r("10").upper(), Some(10.0));
        assert_eq!(r("10:20").upper(), None);
        for bad in ["", "x", "20:10", "@", ":", "1:2:3", "NaN"] {
            assert_eq!(Range::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn perfdata_with_quotes_units_and_gaps() {
        let p = perfdata("'/ root'=5632MB;7000;8000;0;9000 load1=0.120;5.000;10.000;0; time=0.5ms;;; 'it''s'=3c junk");
        let labels: Vec<&str> = p.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, ["/ root", "load1", "time", "it's"]);
        assert_eq!((p[0].value, p[0].uom.as_str(), p[0].min, p[0].max), (5632.0, "MB", Some(0.0), Some(9000.0)));
        assert_eq!(p[1].crit, Some(Range { start: 0.0, end: 10.0, inside: false }));
        let m = metric(&p[0]);
        assert_eq!((m.value, m.unit.as_str(), m.crit), (5632.0 * 1048576.0, "B", Some(8000.0 * 1048576.0)));
        assert_eq!(metric(&p[2]).value, 0.0005);
    }

    #[test]
    fn issue7_perfdata_a_stray_quote_does_not_swallow_the_next_items() {
        // Found by the `perfdata` fuzz target: a quote anywhere in an item
        // opened a quoted label, so labels were glued from several items
        // and text that is nowhere in the input.
        let p = perfdata("a=1' b=2 c=3");
        let labels: Vec<(&str, f64)> = p.iter().map(|x| (x.label.as_str(), x.value)).collect();
        assert_eq!(labels, [("a", 1.0), ("b", 2.0), ("c", 3.0)]);
        let p = perfdata("95C|'temp core'=95;@80:90 'fan''s rpm'=1200;1000:");
        let labels: Vec<&str> = p.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, ["core'", "fan's rpm"]);
        // A quoted label ends at its closing quote; `=` must follow it.
        assert_eq!(perfdata("'a'b=1 'x=1"), []);
        assert_eq!(perfdata("'a=b'=2")[0].label, "a=b");
        // Nor does a quoted label span lines: the long text's lines stay apart.
        let (_, p) = output("OK | 'a=1\nlong text | b=2\n'c d'=3");
        let labels: Vec<&str> = p.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, ["b", "c d"]);
    }

    #[test]
    fn issue7_perfdata_too_large_in_bytes_is_not_read() {
        // Found while fuzzing perfdata: `1e300TB` is finite, but not in
        // bytes, and became an infinite metric (and levels likewise).
        let p = perfdata("a=1e300TB;;; b=1e300;1e300;1e300 c=1e300KB;1e306;1e300");
        let labels: Vec<&str> = p.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, ["b", "c"]);
        let (b, c) = (metric(&p[0]), metric(&p[1]));
        assert_eq!((b.value, b.warn, b.crit), (1e300, Some(1e300), Some(1e300)));
        assert_eq!((c.value, c.warn, c.crit), (1e300 * 1024.0, None, Some(1e300 * 1024.0)));
    }

    #[test]
    fn output_takes_the_first_line_and_perfdata_from_the_long_text() {
        let (msg, perf) = output(
            "DISK OK - free space: / 3326 MB | /=2643MB;5948;5958;0;5968\nline two\nline three | /boot=68MB;88;93;0;98\n/home=69357MB;253404;253409;0;253414",
        );
        assert_eq!(msg, "DISK OK - free space: / 3326 MB");
        assert_eq!(perf.iter().map(|p| p.label.as_str()).collect::<Vec<_>>(), ["/", "/boot", "/home"]);
        assert_eq!(output(""), (String::new(), vec![]));
    }
}
