//! The dashboard: one self-contained page (no CDN, no build step: the
//! hosts hm runs on often cannot reach the internet). It polls `/status`
//! every 3 s and each monitor's `/history` every 30 s, and redraws in
//! place, never reloading the page.

/// The page served at `/`.
pub(super) const PAGE: &str = include_str!("dashboard.html");
