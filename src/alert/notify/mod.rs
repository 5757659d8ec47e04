//! Notification channels, one file each. Every channel turns a
//! [`Notification`] into its receiver's format (a pure function, tested on
//! its own) and sends it, returning a short description of what happened
//! or an error. Errors are scrubbed of the channel's secrets before they
//! leave this module, since they end up in the outbox and on screens.

mod alertmanager;
mod command;
mod email;
mod http;
mod log;
mod pagerduty;
mod scrub;
mod slack;
mod webhook;

use super::Notification;
use crate::config::{Channel, Secret, Target};

/// Send one notification through one channel. `Ok` carries what the
/// receiver said (`HTTP 200`, `sent`); `Err` a one-line reason. Both are
/// scrubbed of every form of the channel's secrets (see [`scrub`]).
pub(crate) fn send(ch: &Channel, n: &Notification) -> Result<String, String> {
    let result = match &ch.target {
        Target::Log => Ok(log::send(n)),
        Target::Command { argv } => command::send(argv, n, ch.timeout),
        Target::Webhook { url, token } => webhook::send(url, token.as_ref(), n, ch.timeout),
        Target::Slack { url } => slack::send(url, n, ch.timeout),
        Target::PagerDuty { url, routing_key } => pagerduty::send(url, routing_key, n, ch.timeout),
        Target::Alertmanager { url } => alertmanager::send(url, n, ch.timeout),
        Target::Email { to, from, sendmail } => email::send(sendmail, to, from.as_deref(), n, ch.timeout),
    };
    let scrubber = scrubber(ch);
    result.map(|ok| scrubber.scrub(&ok)).map_err(|e| scrubber.scrub(&format!("{e:#}")))
}

/// What to scrub for `ch`: its URL (path, query, user info) and tokens,
/// in every form a receiver might echo. A secret whose variable is unset
/// was never sent, so there is nothing of it to echo.
fn scrubber(ch: &Channel) -> scrub::Scrubber {
    let mut s = scrub::Scrubber::default();
    let mut url = |secret: &Secret| {
        if let Ok(v) = secret.reveal() {
            s.url(&v, &secret.shown());
        }
    };
    match &ch.target {
        Target::Webhook { url: u, .. } | Target::Slack { url: u } | Target::Alertmanager { url: u } => url(u),
        Target::PagerDuty { url: u, .. } => url(&Secret::Value(u.clone())),
        _ => {}
    }
    let token = match &ch.target {
        Target::Webhook { token, .. } => token.as_ref(),
        Target::PagerDuty { routing_key, .. } => Some(routing_key),
        _ => None,
    };
    if let Some(t) = token
        && let Ok(v) = t.reveal()
    {
        s.value(&v, &t.shown());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn errors_never_carry_the_secret() {
        let url = "http://127.0.0.1:9/services/T000/B000/XXXXSECRET";
        let ch = Channel {
            name: "s".into(),
            severities: vec![],
            events: vec![],
            timeout: Duration::from_secs(1),
            target: Target::Webhook { url: Secret::Value(url.into()), token: Some(Secret::Value("tok-SECRET".into())) },
            unacked_for: None,
        };
        let scrubbed = scrubber(&ch).scrub(&format!("failed to POST {url} with tok-SECRET\nsecond line"));
        assert_eq!(scrubbed, "failed to POST http://127.0.0.1:9/… with … second line");
    }

    fn healed() -> Notification {
        use crate::alert::healed::{Fixed, Heal, Seen, notification};
        use crate::status::Status;
        let f = Fixed {
            monitor: "api".into(),
            kind: "process".into(),
            checked_at: "2030-01-01T00:00:00.000Z".into(),
            heal: Heal {
                remedy: "restart".into(),
                outcome: "restarted".into(),
                details: "started worker (pid 42)".into(),
                before: Seen { status: Status::Critical, message: "none running".into() },
                after: Some(Seen { status: Status::Ok, message: "1 running (pid 42)".into() }),
                bytes_freed: None,
                files_deleted: None,
            },
        };
        notification(&f, "box1", 1_900_000_000.0)
    }

    #[test]
    fn each_channel_renders_healed_its_own_way() {
        let n = healed();
        assert_eq!(
            n.summary(),
            "[HEALED] api on box1: restart: restarted; was critical: none running; now ok: 1 running (pid 42)"
        );
        let (priority, line) = log::line(&n);
        assert_eq!((priority, line.starts_with("hm healed: [HEALED] api on box1")), (5, true), "{line}");
        let s = slack::body(&n);
        assert_eq!(s["attachments"][0]["title"], "api healed by restart");
        assert_eq!(s["attachments"][0]["fields"][2]["value"], "critical: none running");
        assert_eq!(s["attachments"][0]["fields"][3]["value"], "ok: 1 running (pid 42)");
        let pd = pagerduty::change_body(&n, "KEY");
        assert_eq!(pd["routing_key"], "KEY");
        assert_eq!(pd["payload"]["source"], "box1");
        assert_eq!(pd["payload"]["custom_details"]["heal"]["outcome"], "restarted");
        assert!(pd.get("event_action").is_none(), "a change event, not a trigger: {pd}");
        let mail = email::message(&["ops@example.com".into()], None, &n);
        assert!(mail.contains("Subject: [HEALED] api on box1"), "{mail}");
        assert!(mail.contains("remedy:   restart\noutcome:  restarted\nbefore:   critical: none running\n"), "{mail}");
        // Alertmanager takes alerts only: nothing is posted (nothing listens on port 9).
        let am = Channel {
            name: "am".into(),
            severities: vec![],
            events: vec![],
            timeout: Duration::from_secs(1),
            target: Target::Alertmanager { url: Secret::Value("http://127.0.0.1:9".into()) },
            unacked_for: None,
        };
        assert_eq!(send(&am, &n), Ok("not sent: Alertmanager takes alerts, not events".into()));
        // Firing and the rest carry no `heal`.
        let json = serde_json::to_value(&n).expect("json");
        assert_eq!(json["heal"]["before"]["status"], "critical");
        let back: Notification = serde_json::from_value(json).expect("read back");
        assert_eq!(back, n);
    }

    #[test]
    fn issue30_flapping_and_an_escalation_are_one_line_in_each_channel() {
        use crate::alert::state::EventKind;
        let mut n = healed();
        (n.heal, n.alert_id, n.streak) = (None, 7, 9);
        for (event, word, escalated) in [
            (EventKind::Flapping, "[FLAPPING] api on box1: ", false),
            (EventKind::FlappingEnded, "[FLAPPING ENDED] api on box1: ", false),
            (EventKind::Firing, "[CRITICAL] api on box1: ", true),
        ] {
            n.event = event;
            n.message = "flapping: 62% state change over the last 21 checks; now ok: fresh".into();
            (n.escalated, n.unacked_for) = (escalated, escalated.then(|| "15m".to_string()));
            let summary = n.summary();
            assert!(summary.starts_with(word) && !summary.contains('\n'), "{summary}");
            assert_eq!(summary.ends_with(" | escalated: unacked for 15m"), escalated, "{summary}");
            let (_, line) = log::line(&n);
            assert!(line.contains(word) && !line.contains('\n'), "{line}");
            assert!(slack::body(&n)["text"].as_str().is_some_and(|t| t.starts_with(word)));
            let pd = pagerduty::body(&n, "KEY");
            assert_eq!(pd["event_action"], "trigger", "{pd}");
            assert!(pd["payload"]["summary"].as_str().is_some_and(|t| t.starts_with(word)), "{pd}");
            let mail = email::message(&["ops@example.com".into()], None, &n);
            assert!(mail.contains(&format!("Subject: {word}")), "{mail}");
            let json = serde_json::to_value(&n).expect("json");
            assert_eq!(json["event"], event.as_str());
            assert_eq!(json.get("escalated").is_some(), escalated, "only an escalation says so: {json}");
        }
    }

    #[test]
    fn issue25_observed_text_reaches_each_channel_escaped() {
        let mut n = healed();
        let hostile = "<!channel> & <https://evil/|Click here>\x1b]0;t\x07\r\nSubject: fake";
        n.message = format!("{hostile}{}", "x".repeat(3000));
        if let Some(h) = n.heal.as_mut() {
            h.details = hostile.into();
            h.before.message = hostile.into();
        }
        let s = slack::body(&n);
        let a = &s["attachments"][0];
        for text in [&s["text"], &a["fallback"], &a["text"], &a["fields"][2]["value"]] {
            let text = text.as_str().expect("text");
            assert!(
                text.contains("&lt;!channel&gt; &amp; &lt;https://evil/|Click here&gt;\\x1b]0;t\\x07\\r\\n"),
                "{text}"
            );
            assert!(!text.contains(['<', '>', '\x1b', '\r', '\n']), "{text}");
        }
        let (_, line) = log::line(&n);
        assert!(line.contains("\\x1b]0;t\\x07\\r\\nSubject") && !line.chars().any(char::is_control), "{line}");
        for pd in [pagerduty::body(&n, "KEY"), pagerduty::change_body(&n, "KEY")] {
            let summary = pd["payload"]["summary"].as_str().expect("summary");
            assert!(summary.chars().count() <= 1024 && !summary.chars().any(char::is_control), "{summary}");
        }
        let mail = email::message(&["ops@example.com".into()], None, &n);
        let (head, body) = mail.split_once("\n\n").expect("head and body");
        assert_eq!(head.lines().filter(|l| l.starts_with("Subject:")).count(), 1, "{head}");
        assert!(!mail.contains(['\x1b', '\r']) && !body.lines().any(|l| l.starts_with("Subject")), "{mail}");
    }
}
