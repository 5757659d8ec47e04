//! Clock helpers: seconds since the epoch, and dates as reports print them.
//!
//! Everything below `cmd/` needs these (the alert engine stamps events, the
//! outbox marks deliveries), so they live here rather than in `cmd/`:
//! nothing below `cmd/` imports `cmd/` (issue 17, ARCHITECTURE.md).

/// Seconds since the Unix epoch.
pub(crate) fn unix_now() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64())
}

/// RFC 3339 UTC timestamp with milliseconds, for reports. Clamped to the
/// years RFC 3339 can write (1970 to 9999): a date from a damaged row, or
/// a silence stored before durations were bounded, must not panic the
/// printer (issue 16).
pub(crate) fn rfc3339(ts: f64) -> String {
    const LAST: f64 = 253_402_300_799.0; // 9999-12-31T23:59:59Z
    let ts = if ts.is_nan() { 0.0 } else { ts.clamp(0.0, LAST) };
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs_f64(ts);
    humantime::format_rfc3339_millis(t).to_string()
}
