//! Stopping a worker on purpose (`hm stop-worker`): the first half of a
//! restart, alone. Through systemd for a unit; else the worker's `stop`
//! command, then SIGTERM and SIGKILL after `grace` for what still runs,
//! each pid signalled only while it is the process that was found
//! (`restart::terminate`).

use super::restart::terminate;
use crate::config::{RestartHow, RestartSpec};
use crate::host::{Host, ProcInfo};
use std::time::Duration;

/// Stop the `current` processes of a worker; one line per step.
pub(crate) fn stop(host: &dyn Host, spec: &RestartSpec, current: &[ProcInfo]) -> Vec<String> {
    let mut steps = Vec::new();
    match &spec.how {
        RestartHow::Unit(unit) => {
            let argv = ["systemctl", "stop", "--", unit.as_str()].map(String::from);
            match host.run_command(&argv, Duration::from_secs(90)) {
                Ok(()) => steps.push(format!("systemctl stop {unit}")),
                Err(e) => steps.push(format!("systemctl stop {unit}: {e:#}")),
            }
        }
        RestartHow::Commands { stop, .. } => {
            if let Some(stop) = stop {
                match host.run_command(stop, spec.grace) {
                    Ok(()) => steps.push(format!("ran {}", stop.join(" "))),
                    Err(e) => steps.push(format!("stop command: {e:#}")),
                }
            }
            for p in current {
                terminate(host, p, spec.grace, &mut steps);
            }
        }
    }
    if current.is_empty() && steps.is_empty() {
        steps.push("nothing was running".into());
    }
    steps
}
