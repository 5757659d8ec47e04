//! Whole cycles on a fake host (issue 17): placeholder, written below.
