//! The durations a query takes (`?since=6h`, `?for=2h`, `?duration=12.5`):
//! one grammar, which the handlers read with and `/openapi.json` states
//! as the parameters' `pattern`, so what the document allows is exactly
//! what hm accepts. `hm` on the command line reads more (`1h30m`, `2 days`);
//! over HTTP a client is held to the documented form: up to four digits,
//! a fraction of up to three, and `s`, `m`, `h` or `d` (a bare number is
//! seconds), which keeps every value under hm's bound of 100 years.
//! (humantime, which the command line uses, takes no fraction with a unit.)

use regex::Regex;
use std::sync::LazyLock;
use std::time::Duration;

/// Any duration, zero included.
pub(super) const ANY: &str = r"^[0-9]{1,4}(\.[0-9]{1,3})?[smhd]?$";

/// A duration that is not zero: [`ANY`] with a digit that is not `0`.
pub(super) const NONZERO: &str = r"^(([0-9]{0,3}[1-9]|[0-9]{0,2}[1-9][0-9]|[0-9]?[1-9][0-9]{2}|[1-9][0-9]{3})(\.[0-9]{1,3})?|[0-9]{1,4}\.([0-9]{0,2}[1-9]|[0-9]?[1-9][0-9]|[1-9][0-9]{2}))[smhd]?$";

static GRAMMAR: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(ANY).ok());

/// Why a query's duration was refused.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Bad {
    /// Not in the grammar.
    Form,
    /// Zero, where a duration must not be.
    Zero,
}

/// `value` read as a query duration; `zero`: whether no time at all is one.
pub(super) fn parse(value: &str, zero: bool) -> Result<Duration, Bad> {
    if !GRAMMAR.as_ref().is_some_and(|g| g.is_match(value)) {
        return Err(Bad::Form);
    }
    let (number, unit) = match value.as_bytes().last() {
        Some(b's') => (&value[..value.len() - 1], 1.0),
        Some(b'm') => (&value[..value.len() - 1], 60.0),
        Some(b'h') => (&value[..value.len() - 1], 3_600.0),
        Some(b'd') => (&value[..value.len() - 1], 86_400.0),
        _ => (value, 1.0),
    };
    let secs = number.parse::<f64>().map_err(|_| Bad::Form)? * unit;
    let d = Duration::try_from_secs_f64(secs).map_err(|_| Bad::Form)?;
    if d.is_zero() && !zero {
        return Err(Bad::Zero);
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_patterns_are_what_is_accepted() {
        let (any_re, nonzero) = (Regex::new(ANY).expect("regex"), Regex::new(NONZERO).expect("regex"));
        let mut values: Vec<String> =
            ["", "1h30m", "2 days", "1e3", "1e-5", "-1", "+1", "1.", ".5", "10000", "1.2345", "5ms"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        for n in [
            "0", "00", "000", "0000", "1", "01", "0010", "9999", "1000", "0.0", "0.000", "0.001", "0.010", "12.5",
            "0.5",
        ] {
            for unit in ["", "s", "m", "h", "d"] {
                values.push(format!("{n}{unit}"));
            }
        }
        for v in &values {
            let any = parse(v, true);
            assert_eq!(any.is_ok(), any_re.is_match(v), "{v:?}");
            let strict = parse(v, false);
            assert_eq!(strict.is_ok(), nonzero.is_match(v), "{v:?}: {strict:?}");
        }
        assert_eq!(parse("9999.999d", false), Ok(Duration::from_secs_f64(9999.999 * 86_400.0)));
        assert_eq!(parse("0.000h", false), Err(Bad::Zero));
        assert_eq!(parse("1h30m", true), Err(Bad::Form));
    }
}
