//! Reading the recorded state for meaning: the health score.

pub mod score;
