//! The one HTTP client configuration, for the `http` check and the HTTP
//! channels alike. Both talk to servers hm does not trust, so both get the
//! same rules: the whole exchange bounded by one timeout, no redirect
//! followed (a URL that moves is a failure, not a reason to send a request,
//! or a channel's token, somewhere else), every status an answer to look at
//! rather than an error, and hm's name and version as its user agent.

use std::time::Duration;

/// An agent for one exchange of at most `timeout`, under the rules above.
pub(crate) fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(concat!("hm/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}
