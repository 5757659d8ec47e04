//! `load`: the 1, 5 and 15-minute load averages divided by the number of
//! CPUs, so one threshold fits a laptop and a 64-core server alike.
//!
//! Here: the check; its spec, keys and validation are `config::kinds::load`.

use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::Limits;
use anyhow::Result;

pub(crate) fn check(ctx: &CheckCtx<'_>, limits: Limits) -> Result<CheckOutput> {
    let l = ctx.host.load()?;
    let cpus = l.cpus.max(1) as f64;
    let per = [("load1", l.one / cpus), ("load5", l.five / cpus), ("load15", l.fifteen / cpus)];
    let metrics = per.iter().map(|(n, v)| Metric::new(*n, *v, "").limits(limits)).collect();
    Ok(CheckOutput::from_metrics(
        format!("load {:.2} {:.2} {:.2} per CPU ({} CPUs)", per[0].1, per[1].1, per[2].1, l.cpus),
        metrics,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Inputs;
    use crate::host::{LoadAvg, fake::FakeHost};
    use crate::status::Status;

    #[test]
    fn per_cpu() {
        let host = FakeHost { load: LoadAvg { one: 10.0, five: 6.0, fifteen: 2.0, cpus: 4 }, ..Default::default() };
        let f = Inputs::default();
        let ctx = f.ctx(&host, 0.0);
        let out = check(&ctx, Limits::new(2.0, 4.0)).expect("check");
        assert_eq!(out.metrics[0].value, 2.5);
        assert_eq!(out.status, Status::Warning);
    }
}
