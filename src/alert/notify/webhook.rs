//! The `webhook` channel: the notification's JSON, POSTed as it is, with
//! `Authorization: Bearer` when a token is configured.

use super::super::Notification;
use super::http::post_json;
use crate::config::Secret;
use anyhow::Result;
use std::time::Duration;

pub(super) fn send(url: &Secret, token: Option<&Secret>, n: &Notification, timeout: Duration) -> Result<String> {
    let mut headers = Vec::new();
    if let Some(t) = token {
        headers.push(("Authorization", format!("Bearer {}", t.reveal()?)));
    }
    post_json(&url.reveal()?, &serde_json::to_value(n)?, &headers, timeout)
}
