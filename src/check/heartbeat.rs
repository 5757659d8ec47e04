//! `heartbeat`: something that should happen regularly did happen recently:
//! a file's mtime (a job touches it), or the last `hm ping NAME`.

use super::{CheckCtx, CheckOutput, Metric};
use crate::config::{HeartbeatSource, HeartbeatSpec, Limits};
use crate::status::Status;
use crate::units::format_duration;
use anyhow::Result;
use std::time::{Duration, UNIX_EPOCH};

pub fn check(ctx: &CheckCtx<'_>, spec: &HeartbeatSpec) -> Result<CheckOutput> {
    let (age, what) = match &spec.source {
        HeartbeatSource::File(path) => {
            let modified = match std::fs::metadata(path).and_then(|m| m.modified()) {
                Ok(t) => t,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Ok(critical(format!("{} does not exist", path.display())));
                }
                Err(e) => return Ok(critical(format!("cannot read {}: {e}", path.display()))),
            };
            let ts = modified.duration_since(UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64());
            (ctx.now - ts, format!("{} modified", path.display()))
        }
        HeartbeatSource::Ping(name) => match ctx.pings.get(name) {
            None => return Ok(critical(format!("no ping recorded for `{name}`"))),
            Some(p) if !p.ok => {
                let ago = format_duration(Duration::from_secs_f64((ctx.now - p.ts).max(0.0)));
                return Ok(critical(format!("last ping of `{name}` reported failure ({ago} ago)")));
            }
            Some(p) => (ctx.now - p.ts, format!("last ping of `{name}`")),
        },
    };
    let age = age.max(0.0);
    let limits = Limits { warn: Some(spec.warn.as_secs_f64()), crit: Some(spec.crit.as_secs_f64()) };
    Ok(CheckOutput::from_metrics(
        format!("{what} {} ago", format_duration(Duration::from_secs_f64(age))),
        vec![Metric::new("age", age, "s").limits(limits)],
    ))
}

fn critical(message: String) -> CheckOutput {
    CheckOutput { status: Status::Critical, message, ..Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::CtxData;
    use crate::host::fake::FakeHost;

    fn spec(source: HeartbeatSource) -> HeartbeatSpec {
        HeartbeatSpec { source, warn: Duration::from_secs(30), crit: Duration::from_secs(60) }
    }

    #[test]
    fn ping_ages() {
        let host = FakeHost::default();
        let f = CtxData::default().ping("job", 955.0, true).ping("bad", 999.0, false);
        let ctx = f.ctx(&host, 1000.0);
        let out = check(&ctx, &spec(HeartbeatSource::Ping("job".into()))).expect("check");
        assert_eq!((out.status, out.message.as_str()), (Status::Warning, "last ping of `job` 45s ago"));
        let out = check(&ctx, &spec(HeartbeatSource::Ping("bad".into()))).expect("check");
        assert_eq!(out.status, Status::Critical);
        let out = check(&ctx, &spec(HeartbeatSource::Ping("never".into()))).expect("check");
        assert_eq!((out.status, out.message.as_str()), (Status::Critical, "no ping recorded for `never`"));
    }
}
