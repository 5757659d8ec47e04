//! `events = [...]` of a `[[channel]]`: which kinds of notification it
//! takes. Alert events (`firing`, `changed`, `repeat`, `resolved`) tell of
//! an alert's life; `healed` tells of a remedy that changed something.
//!
//! The rules keep every receiver's picture whole: `changed`, `repeat` and
//! `resolved` speak of an alert the channel was told of by `firing`, so
//! they need it (no receiver gets a resolve for an incident it never
//! opened); Alertmanager models alerts, not events, so it takes no
//! `healed`. `test` (`hm alerts test`) and Alertmanager's `refresh` are not
//! chosen: a test goes to the channel it names, and a refresh follows
//! `firing`.

use super::checker::Checker;

/// What a channel can choose to be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChannelEvent {
    Firing,
    Changed,
    Repeat,
    Resolved,
    Healed,
}

impl ChannelEvent {
    pub(crate) const ALL: [ChannelEvent; 5] = [
        ChannelEvent::Firing,
        ChannelEvent::Changed,
        ChannelEvent::Repeat,
        ChannelEvent::Resolved,
        ChannelEvent::Healed,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ChannelEvent::Firing => "firing",
            ChannelEvent::Changed => "changed",
            ChannelEvent::Repeat => "repeat",
            ChannelEvent::Resolved => "resolved",
            ChannelEvent::Healed => "healed",
        }
    }

    fn parse(s: &str) -> Option<ChannelEvent> {
        ChannelEvent::ALL.into_iter().find(|e| e.as_str() == s)
    }
}

/// What a channel of `kind` takes when it does not say: every alert event,
/// and `healed` where the receiver has a place for it. Not for
/// Alertmanager (alerts only), nor PagerDuty: there `healed` is a Change
/// Event, sent to another endpoint that an integration may refuse, and a
/// refused notification holds up the channel's queue, its pages with it.
pub(crate) fn default_events(kind: &str) -> Vec<ChannelEvent> {
    let alerts_only = matches!(kind, "alertmanager" | "pagerduty");
    ChannelEvent::ALL.into_iter().filter(|e| *e != ChannelEvent::Healed || !alerts_only).collect()
}

/// Resolve `events` of a channel of `kind` (the default when absent);
/// problems go to `c` under the field `events`.
pub(crate) fn events(c: &mut Checker<'_, '_>, kind: &str, raw: Option<&[String]>) -> Vec<ChannelEvent> {
    let Some(raw) = raw else { return default_events(kind) };
    let mut out = Vec::new();
    for name in raw {
        match ChannelEvent::parse(name) {
            Some(e) if !out.contains(&e) => out.push(e),
            Some(_) => c.err("events", format!("`{name}` is listed twice")),
            None => {
                let why = match name.as_str() {
                    "test" => " (`hm alerts test` always reaches the channel it names)".to_string(),
                    "refresh" => " (Alertmanager's re-posts follow `firing`)".to_string(),
                    _ => String::new(),
                };
                let known: Vec<&str> = ChannelEvent::ALL.iter().map(|e| e.as_str()).collect();
                c.err("events", format!("unknown event `{name}`{why}; events are {}", known.join(", ")));
            }
        }
    }
    if !out.contains(&ChannelEvent::Firing) {
        for e in
            out.iter().filter(|e| matches!(e, ChannelEvent::Changed | ChannelEvent::Repeat | ChannelEvent::Resolved))
        {
            c.err(
                "events",
                format!("`{}` is about an alert the channel learns of from `firing`: add `firing`", e.as_str()),
            );
        }
    }
    if kind == "alertmanager" && out.contains(&ChannelEvent::Healed) {
        c.err("events", "an alertmanager channel takes alerts, not events: remove `healed`");
    }
    out
}

/// PagerDuty's Change Events endpoint for a channel's Events API `url`:
/// its final `/enqueue` becomes `/change/enqueue`
/// (`https://events.pagerduty.com/v2/change/enqueue` by default). `None`
/// when the url does not end with `/enqueue`.
pub(crate) fn pagerduty_change_url(url: &str) -> Option<String> {
    url.strip_suffix("/enqueue").map(|base| format!("{base}/change/enqueue"))
}

#[cfg(test)]
mod tests {
    use super::ChannelEvent::*;
    use crate::config::Config;

    fn channel(kind_and_keys: &str) -> Result<Vec<super::ChannelEvent>, Vec<String>> {
        let text = format!("host_defaults = false\n[[channel]]\nname = \"c\"\n{kind_and_keys}\n");
        match Config::parse("hm.toml", &text) {
            Ok(c) => Ok(c.channels[0].events.clone()),
            Err(e) => Err(e.0.iter().map(|i| i.to_string()).collect()),
        }
    }

    #[test]
    fn healed_is_taken_by_default_except_where_it_has_no_place() {
        assert_eq!(channel("kind = \"log\""), Ok(vec![Firing, Changed, Repeat, Resolved, Healed]));
        let pd = channel("kind = \"pagerduty\"\nrouting_key = \"k\"").expect("valid");
        let am = channel("kind = \"alertmanager\"\nurl = \"http://am:9093\"").expect("valid");
        assert!(!pd.contains(&Healed) && !am.contains(&Healed));
        assert_eq!(channel("kind = \"log\"\nevents = [\"healed\"]"), Ok(vec![Healed]));
        let pd = channel("kind = \"pagerduty\"\nrouting_key = \"k\"\nevents = [\"firing\", \"healed\"]");
        assert_eq!(pd, Ok(vec![Firing, Healed]));
        assert_eq!(channel("kind = \"log\"\nevents = []"), Ok(vec![]));
    }

    #[test]
    fn bad_events_are_refused_naming_the_field() {
        let err = |keys: &str| channel(keys).expect_err("invalid").join("\n");
        let e = err("kind = \"log\"\nevents = [\"firing\", \"healded\"]");
        assert!(e.contains("channel[c].events: unknown event `healded`; events are firing, changed"), "{e}");
        let e = err("kind = \"log\"\nevents = [\"test\"]");
        assert!(e.contains("`hm alerts test` always reaches the channel it names"), "{e}");
        let e = err("kind = \"log\"\nevents = [\"resolved\", \"healed\"]");
        assert!(
            e.contains("channel[c].events: `resolved` is about an alert the channel learns of from `firing`"),
            "{e}"
        );
        let e = err("kind = \"alertmanager\"\nurl = \"http://am:9093\"\nevents = [\"firing\", \"healed\"]");
        assert!(e.contains("takes alerts, not events"), "{e}");
        let e = err("kind = \"pagerduty\"\nrouting_key = \"k\"\nurl = \"http://pd/x\"\nevents = [\"healed\"]");
        assert!(e.contains("must end with `/enqueue`"), "{e}");
        let e = err("kind = \"log\"\nevents = [\"firing\", \"firing\"]");
        assert!(e.contains("`firing` is listed twice"), "{e}");
    }

    #[test]
    fn the_change_url_follows_the_events_url() {
        assert_eq!(
            super::pagerduty_change_url(crate::config::channels::PAGERDUTY_URL).as_deref(),
            Some("https://events.pagerduty.com/v2/change/enqueue")
        );
        assert_eq!(super::pagerduty_change_url("http://127.0.0.1:9/pd"), None);
    }
}
