//! The examples and notes at the end of each subcommand's `--help` (clap's
//! `after_help`), and so of its man page: text for people, kept apart from
//! the definitions of the flags. A kind's `hm add KIND` examples are the
//! kind's own (`check::kinds`, `add.examples`).

/// `hm --help`: the commands most used, and the exit codes.
pub(super) const HM: &str = "\
Examples:
  hm check                         run every monitor, print a table
  hm check --json | jq .status     the same as one JSON document
  hm check api disk                only the named monitors
  hm add process api --pattern 'gunicorn.*api' --min 2
  hm ping nightly-backup           record a heartbeat from a job
  hm status                        latest result of each monitor

Exit codes (check, status): 0 ok, 1 warning, 2 critical, 3 unknown or error.
Other commands: 0 success, 1 failure, 2 usage error.";

/// `hm check`.
pub(super) const CHECK: &str = "\
Examples:
  hm check
  hm check --json | jq '.results[] | select(.status != \"ok\")'
  hm check api worker --config /etc/hm/hm.toml

Exit code: the worst status (0 ok, 1 warning, 2 critical, 3 unknown).";

/// `hm heal`.
pub(super) const HEAL: &str = "\
Examples:
  hm heal --dry-run            what would be done
  hm heal                      restart dead workers, clean full disks
  hm heal api --json

Exit code: the worst status after healing (0 ok, 1 warning, 2 critical, 3 unknown).
A second heal started while one runs waits 2 s, then exits 3.";

/// `hm status`.
pub(super) const STATUS: &str = "\
Examples:
  hm status
  hm status --json | jq -r '.monitors[] | \"\\(.monitor) \\(.status)\"'
  hm status --all      each instance of a pool on its own row

Exit code: the worst latest status; 3 for a monitor never checked.";

/// `hm ping`.
pub(super) const PING: &str = "\
Examples:
  backup.sh && hm ping backup
  hm ping etl --fail --duration 12.5
  hm ping etl --start; etl.sh && hm ping etl || hm ping etl --fail   (duration since the start)";

/// `hm add` and `hm monitor add`: one line per kind.
pub(super) const ADD: &str = "\
Examples:
  hm add process api --pattern 'gunicorn.*api' --min 2
  hm add process web --pattern 'http\\.server 8765' --start 'python3 -m http.server 8765' --log /tmp/web.log
  hm add heartbeat backup --warn 26h --crit 50h
  hm add disk data --path /data --warn 80 --crit 90
  hm add tmux jobs --session jobs --stuck-after 30m
  hm add sqlite jobs-db --path /srv/jobs.db --quick-check
  hm add http api-health --url http://127.0.0.1:8080/health --contains ok
  hm add tcp postgres --address 127.0.0.1:5432
  hm add command procs -- /usr/lib/nagios/plugins/check_procs -w 250
  hm add workspace scratch --path /srv/scratch --required config.yaml --writable
  hm add tasks etl --window 1h --error-warn 5
  hm add gpu gpus --temp-warn 80

Each kind takes the keys of its [[monitor]] table as flags (`stuck_after` is
--stuck-after); `hm add KIND --help` lists them. The result is validated like
the file, and nothing is written when it is invalid.";

/// `hm remove`.
pub(super) const REMOVE: &str = "\
Example:
  hm remove api";

/// `hm restart-worker`.
pub(super) const RESTART_WORKER: &str = "\
Examples:
  hm restart-worker api --dry-run
  hm restart-worker api
  hm restart-worker api --reset      clear the automatic restart budget too
  hm restart-worker api@7            one instance of a pool
  hm restart-worker api --parallel 4 a pool's rolling restart, 4 at a time

A pool (instances = N) named without its @i is restarted instance by instance,
each batch verified running before the next; the first that fails stops the roll.

A restart asked for here (or over HTTP) is recorded as manual: it is never held
back by the automatic budget (max_restarts in restart_window, and the backoff)
and does not use it up; `hm heal` counts only its own restarts.
Its intent is recorded first: when hm cannot record it, nothing is done.

Exit code: 0 restarted, 1 failed (the roll's failed instance named), interrupted or not recorded.";

/// `hm clean-disk`.
pub(super) const CLEAN_DISK: &str = "\
Examples:
  hm clean-disk --dry-run                        what the configured rules would delete
  hm clean-disk --rule app-logs
  hm clean-disk /srv/app/tmp --older-than 3d --glob '*.tmp'

Only regular files are deleted; symlinks are never followed or removed, and
/ and system directories are refused. Every real run is recorded (hm actions).";

/// `hm clear-locks`.
pub(super) const CLEAR_LOCKS: &str = "\
Examples:
  hm clear-locks /srv/app/app.db --dry-run
  hm clear-locks /srv/app/app.db /srv/app/jobs.db
  hm clear-locks                    every sqlite monitor's database

A -wal file is never deleted: its committed rows are copied into the database by
SQLite. A database some process holds open is reported and left alone (exit 1),
unless every holder matches the sqlite monitor's `killable` patterns: those are
stopped first (SIGTERM, then SIGKILL).";

/// `hm alerts`.
pub(super) const ALERTS: &str = "\
Examples:
  hm alerts                       open alerts and silences
  hm alerts --all --json
  hm alerts ack 12
  hm alerts silence api --for 2h
  hm alerts outbox                notifications not delivered yet
  hm alerts test ops-slack";

/// `hm export`.
pub(super) const EXPORT: &str = "\
Examples:
  hm export                                   Prometheus text on stdout
  hm export --output /var/lib/node_exporter/textfile/hm.prom
  hm export --format nagios                   for NRPE: one line, exit 0-3
  hm export --format json | jq .score

It reads what `hm check` recorded and runs nothing: run both from the same timer.";

/// `hm history`.
pub(super) const HISTORY: &str = "\
Examples:
  hm history cpu
  hm history disk --metric 'space:/' --since 7d
  hm history api --json --points 100";

/// `hm run`.
pub(super) const RUN: &str = "\
Examples:
  hm run                         check every 30 s (or `interval` in hm.toml)
  hm run --interval 10s --heal
  hm run --json | jq -c .status   one JSON document per line, per cycle

SIGHUP reloads hm.toml (an invalid file is reported and the old config kept);
SIGTERM or SIGINT stops it within a second. Meant for systemd Type=simple.";

/// `hm serve`.
pub(super) const SERVE: &str = "\
Examples:
  hm serve                               http://127.0.0.1:9184/
  hm serve --listen 0.0.0.0:9184 --interval 15s --heal   (needs a [serve] token)
  curl -s localhost:9184/metrics
  curl -s 'localhost:9184/history/cpu?since=1h'
  curl -X POST -H \"Authorization: Bearer $TOKEN\" localhost:9184/monitors/api/restart
  curl -fsS -X POST -H \"Authorization: Bearer $TOKEN\" http://host:9184/ping/backup

Endpoints: /health (200 while running), /ready (503 when something is critical),
/metrics, /status, /history/NAME?since=24h, / (dashboard). Restarting needs
[serve] token in hm.toml; POST /ping/NAME (/fail, /start; ?duration=12.5) is
`hm ping` from another machine, with that token or [serve] ping_token. Without
a token, only a loopback address is served.";

/// `hm actions`.
pub(super) const ACTIONS: &str = "\
Examples:
  hm actions
  hm actions --since 7d --json";

/// `hm why`.
pub(super) const WHY: &str = "\
Examples:
  hm why api
  hm why api --all --json

Deaths are seen by `hm run` and `hm serve` while they watch the worker; as root
the kernel's process-event connector tells the exit code or signal of any
process, and the kernel log and the memory cgroup an OOM kill.";

/// `hm validate`.
pub(super) const VALIDATE: &str = "\
Examples:
  hm validate
  hm validate --config ./hm.toml --json";

/// `hm completions`.
pub(super) const COMPLETIONS: &str = "\
Examples:
  hm completions bash > /etc/bash_completion.d/hm
  hm completions zsh > \"${fpath[1]}/_hm\"
  hm completions --dir completions   (all shells)";

/// `hm man`.
pub(super) const MAN: &str = "\
Examples:
  hm man | man -l -
  hm man --dir man   (hm.1 and one page per subcommand)";

/// `hm alerts ack`.
pub(super) const ALERTS_ACK: &str = "\
Example:
  hm alerts ack 12";

/// `hm alerts silence`.
pub(super) const ALERTS_SILENCE: &str = "\
Examples:
  hm alerts silence api --for 2h
  hm alerts silence disk --for 1d --reason 'resize planned'";

/// `hm alerts maintenance start`.
pub(super) const ALERTS_MAINTENANCE_START: &str = "\
Examples:
  hm alerts maintenance start --for 30m api db
  hm alerts maintenance start --for 2h 'api*' --heal
  hm alerts maintenance start --for 1h          # every monitor";

/// `hm alerts maintenance stop`.
pub(super) const ALERTS_MAINTENANCE_STOP: &str = "\
Examples:
  hm alerts maintenance stop
  hm alerts maintenance stop api db";

/// `hm alerts unsilence`.
pub(super) const ALERTS_UNSILENCE: &str = "\
Example:
  hm alerts unsilence api";

/// `hm alerts outbox`.
pub(super) const ALERTS_OUTBOX: &str = "\
Examples:
  hm alerts outbox
  hm alerts outbox --all --json   (the latest 100, delivered too)";

/// `hm alerts flush`.
pub(super) const ALERTS_FLUSH: &str = "\
Example:
  hm alerts flush

Exit code: 1 when a delivery failed.";

/// `hm alerts test`.
pub(super) const ALERTS_TEST: &str = "\
Examples:
  hm alerts test ops-slack
  hm alerts test pager --json

Exit code: 1 when the channel failed.";

pub(crate) const STOP_WORKER: &str = "Examples:\n  hm stop-worker api --dry-run\n  hm stop-worker api\n  hm stop-worker api --json | jq .outcome\n  hm stop-worker pool@7               one instance of a pool\n  hm stop-worker pool                 each instance of a pool\n\nThe worker is held down: neither hm heal, hm run --heal nor the watcher restarts\nit, and it raises no alert (nor do the monitors that name it as their worker).\n`hm status` shows it `stopped`, with who stopped it and when; the hold is kept in\nthe database, so it outlives hm restarts. Recorded in hm actions, intent first.\n\nExit code: 0 stopped, 1 when something still runs or it was not recorded.";

pub(crate) const START_WORKER: &str = "Examples:\n  hm start-worker api --dry-run\n  hm start-worker api\n  hm start-worker pool                each instance of a pool\n\nA worker already running is left as it is; its hold is lifted all the same.\nRecorded in hm actions, intent first.\n\nExit code: 0 started, 1 failed or not recorded.";
