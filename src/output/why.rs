//! `hm why`: a worker's last death as `kubectl describe` shows a
//! container's "Last State": one field a line, the log's tail under it.
//! Every observed text (the tail, the kernel's line) is escaped.

use super::Style;
use super::text::{cell, table};
use crate::engine::report::{Death, WhyReport};
use crate::text::escape as esc;
use crate::units::{format_bytes, format_duration, secs};

pub(super) fn why(r: &WhyReport, style: Style) -> String {
    let Some(last) = r.deaths.first() else {
        return format!(
            "{}: no death recorded (deaths are seen by `hm run` and `hm serve` while they watch the worker, and by `hm heal` when it restarts it)\n",
            esc(&r.monitor)
        );
    };
    if r.deaths.len() == 1 {
        return one(last);
    }
    // A pool's deaths are its instances': each row says whose.
    let pooled = r.deaths.iter().any(|d| d.monitor != r.monitor);
    let head = ["monitor", "died", "pid", "cause", "uptime", "status"];
    let mut t = table(style, if pooled { &head } else { &head[1..] });
    for d in &r.deaths {
        let row = [cell(&d.at), cell(&d.pid_shown()), cell(&d.cause), cell(&uptime(d)), cell(&status(d))];
        t.add_row(if pooled { [vec![cell(&d.monitor)], row.to_vec()].concat() } else { row.to_vec() });
    }
    format!("{t}\n\nlast death:\n{}", one(last))
}

fn uptime(d: &Death) -> String {
    d.uptime_s.map_or_else(|| "unknown".into(), |u| format_duration(secs(u)))
}

fn status(d: &Death) -> String {
    match (&d.signal, d.exit_code, &d.status_note) {
        (Some(sig), _, _) if d.core_dumped => format!("{sig} (core dumped)"),
        (Some(sig), _, _) => sig.clone(),
        (None, Some(code), _) => format!("exit code {code}"),
        (None, None, Some(note)) => note.clone(),
        (None, None, None) => "unknown".into(),
    }
}

fn trend(values: &[f64], f: impl Fn(f64) -> String) -> String {
    values.iter().map(|v| f(*v)).collect::<Vec<_>>().join(" -> ")
}

fn one(d: &Death) -> String {
    let mut out = String::new();
    let mut field = |k: &str, v: &str| out.push_str(&format!("{k:<14}{}\n", esc(v)));
    field("monitor:", &d.monitor);
    field("cause:", &d.cause);
    field("died:", &d.at);
    field("pid:", &d.pid_shown());
    field("uptime:", &uptime(d));
    field("status:", &status(d));
    if let Some(oom) = &d.oom {
        field("oom:", oom);
    }
    if let Some(note) = &d.oom_note {
        field("oom:", note);
    }
    if let Some(rss) = d.rss {
        field("last rss:", &format!("{} (trend {})", format_bytes(rss), trend(&d.rss_trend, format_bytes)));
    }
    if let Some(cpu) = d.cpu {
        field("last cpu:", &format!("{cpu:.1}% (trend {})", trend(&d.cpu_trend, |v| format!("{v:.1}%"))));
    }
    field("restarts 24h:", &d.restarts_24h.to_string());
    match (&d.log, &d.tail_note) {
        (_, Some(note)) => field("log:", note),
        (Some(log), None) => {
            field("log:", &format!("{log}, last {} lines:", d.tail.len()));
            for line in &d.tail {
                out.push_str(&format!("  {}\n", esc(line)));
            }
        }
        (None, None) => {}
    }
    out
}
