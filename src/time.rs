//! Clock helpers: seconds since the epoch, and dates as reports print them.
//!
//! Everything below `cmd/` needs these (the alert engine stamps events, the
//! outbox marks deliveries), so they live here rather than in `cmd/`:
//! nothing below `cmd/` imports `cmd/` (ARCHITECTURE.md).
//!
//! Time within one process is steady: [`unix_now`] is the
//! system clock read once, at the first call, plus the time since by the
//! boot clock (`CLOCK_BOOTTIME`, which counts a suspend too). Every
//! stamp one process writes, and every window it measures (restart
//! budgets, backoffs, cooldowns, alert repeats), moves with that steady
//! clock: a wall clock stepped an hour forward neither empties
//! a budget nor ends a backoff early, and one stepped back neither holds
//! them nor dates new rows before the ones just written. Between
//! processes only the wall clock exists: a one-shot run starts from it,
//! and `hm run`/`hm serve` say once when it has moved away from theirs
//! ([`drift`]); they follow a corrected clock when restarted (hm.service
//! starts after `time-sync.target` for this).

use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// The system clock as it reads now (seconds since the Unix epoch).
pub(crate) fn wall_now() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64())
}

/// Seconds since boot, suspended time included (`CLOCK_BOOTTIME`): a
/// host suspended or a VM paused for an hour must not leave the steady
/// clock an hour behind (Rust's `Instant` is `CLOCK_MONOTONIC`, which
/// stops meanwhile).
fn boot_time() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec into the one we own.
    if unsafe { libc::clock_gettime(libc::CLOCK_BOOTTIME, &raw mut ts) } != 0 {
        return Instant::now().duration_since(*START).as_secs_f64();
    }
    ts.tv_sec as f64 + f64::from(i32::try_from(ts.tv_nsec).unwrap_or(0)) / 1e9
}

/// An `Instant` of this process's, for the (never seen) case of a kernel
/// without `CLOCK_BOOTTIME`.
static START: std::sync::LazyLock<Instant> = std::sync::LazyLock::new(Instant::now);

/// This process's clock: the wall time of its first reading and the boot
/// time then; steady from there.
fn anchor() -> &'static (f64, f64) {
    static ANCHOR: OnceLock<(f64, f64)> = OnceLock::new();
    ANCHOR.get_or_init(|| (wall_now(), boot_time()))
}

/// Seconds since the Unix epoch, by this process's steady clock.
pub(crate) fn unix_now() -> f64 {
    let (wall, boot) = anchor();
    wall + (boot_time() - boot).max(0.0)
}

/// How far the system clock has moved from this process's since it
/// started (positive: stepped forward), in seconds.
pub(crate) fn drift() -> f64 {
    wall_now() - unix_now()
}

/// RFC 3339 UTC timestamp with milliseconds, for reports. Clamped to the
/// years RFC 3339 can write (1970 to 9999): a date from a damaged row, or
/// a silence stored before durations were bounded, must not panic the
/// printer.
pub(crate) fn rfc3339(ts: f64) -> String {
    const LAST: f64 = 253_402_300_799.0; // 9999-12-31T23:59:59Z
    let ts = if ts.is_nan() { 0.0 } else { ts.clamp(0.0, LAST) };
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs_f64(ts);
    humantime::format_rfc3339_millis(t).to_string()
}
