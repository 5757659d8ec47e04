
use builtin;
use str;

set edit:completion:arg-completer[hm] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'hm'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'hm'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Run monitors now, record the results, print them'
            cand heal 'Check, apply the remedies the config allows, and check again'
            cand status 'Show the latest recorded result of each monitor'
            cand ping 'Record a heartbeat (or a task''s outcome) for a heartbeat monitor'
            cand monitor 'List, add or remove monitors in hm.toml'
            cand list 'List monitors (short for `hm monitor list`)'
            cand add 'Add a monitor to hm.toml (short for `hm monitor add`)'
            cand remove 'Remove a monitor from hm.toml (short for `hm monitor remove`)'
            cand restart-worker 'Restart a process monitor''s worker now and check that it runs'
            cand stop-worker 'Stop a process monitor''s worker and keep it down until hm start-worker'
            cand start-worker 'Start a stopped worker, check that it runs, and lift its hold'
            cand clean-disk 'Delete old files by the [[clean]] rules of hm.toml, or in the given directories'
            cand clear-locks 'Free stuck SQLite databases: checkpoint the WAL, roll back a hot journal'
            cand alerts 'Show open alerts; acknowledge, silence, test channels, see the outbox'
            cand export 'Print the latest state for Prometheus, Nagios or scripts'
            cand history 'Show a monitor''s recorded figures over time, with sparklines'
            cand run 'Check (and heal, with --heal) every interval, in the foreground'
            cand serve 'Run the check loop and serve /health, /ready, /metrics, /status and a dashboard'
            cand actions 'Show what hm changed on the host (remedies applied)'
            cand why 'Show why a worker died: cause, exit status or signal, OOM evidence, its log''s tail'
            cand validate 'Check hm.toml and report every error with its line and field'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hm;check'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --all 'Show each instance of a pool (instances = N) on its own row, not the pool''s one row'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;heal'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --dry-run 'Show what would be done, do nothing: nothing is recorded and no alert is raised or sent'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;status'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --all 'Show each instance of a pool (instances = N) on its own row, not the pool''s one row'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;ping'= {
            cand --duration 'How long the task took, e.g. 12.5 or 2m'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --ok 'The task succeeded (the default)'
            cand --fail 'The task failed'
            cand --start 'The task began: the ping that ends it (ok or --fail, without --duration) gets the time since as its duration'
            cand --create 'Record it even though no monitor reads this ping yet (without it, an unknown name is an error: a typo in a cron job shows at once)'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List configured and embedded monitors'
            cand add 'Add a monitor to hm.toml, keeping its comments and order'
            cand remove 'Remove a monitor from hm.toml'
            cand pause 'Stop checking and healing a monitor, leaving its worker as it is'
            cand resume 'Check and heal a paused monitor again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hm;monitor;list'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;add'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand cpu 'Total CPU use, %'
            cand memory 'Used memory and swap, %'
            cand load 'Load average per CPU'
            cand disk 'Space and inodes of one or every real filesystem, and when it will be full'
            cand process 'Processes by name, command line, pidfile or systemd unit; restarts them'
            cand heartbeat 'The age of a file''s mtime, of the last `hm ping`, or of an SQL timestamp'
            cand tmux 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys'
            cand sqlite 'An SQLite database opens, takes a write lock in time, passes quick_check'
            cand http 'An HTTP request: status, body and latency'
            cand tcp 'A TCP connect to host:port, and its latency'
            cand command 'Any Nagios plugin: the command after `--`; exit 0-3 is the status'
            cand workspace 'A directory exists, is writable, holds its files, is not too big'
            cand tasks 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`'
            cand gpu 'Every NVIDIA GPU''s memory, temperature and utilisation (ok with a note when none)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hm;monitor;add;cpu'= {
            cand --warn 'Warning level, % of all CPUs (default 80, or [thresholds])'
            cand --crit 'Critical level, % (default 95)'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;add;memory'= {
            cand --warn 'Warning level, % of memory used (default 90)'
            cand --crit 'Critical level, % (default 95)'
            cand --swap-warn 'Swap warning level, %'
            cand --swap-crit 'Swap critical level, %'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;add;load'= {
            cand --warn 'Warning level, load per CPU (default 2)'
            cand --crit 'Critical level, load per CPU (default 4)'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;add;disk'= {
            cand --path 'Only the filesystem holding this path (default: every real one)'
            cand --warn 'Space warning level, % used (default 85)'
            cand --crit 'Space critical level, % (default 95)'
            cand --inode-warn 'Inode warning level, %'
            cand --inode-crit 'Inode critical level, %'
            cand --fs-types 'Also watch filesystems of this type, e.g. tmpfs (repeatable)'
            cand --forecast-warn 'Warning when forecast full within this (default 24h)'
            cand --forecast-crit 'Critical when forecast full within this (default 4h)'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;add;process'= {
            cand --process 'Exact process name'
            cand --pattern 'Regex over the full command line'
            cand --pidfile 'File holding the pid (believed only when root''s; see SECURITY.md)'
            cand --unit 'systemd unit'
            cand --user 'Only processes of this user count; with --start, it starts as this user'
            cand --min 'Minimum number running (default 1)'
            cand --max 'Maximum number running'
            cand --cpu-warn 'Per-process CPU % (of one core) warning level'
            cand --cpu-crit 'Per-process CPU % critical level'
            cand --rss-warn 'Per-process resident memory warning level, e.g. 512MiB'
            cand --rss-crit 'Per-process resident memory critical level'
            cand --zombies-warn 'Zombie count warning level'
            cand --zombies-crit 'Zombie count critical level'
            cand --start 'The command `hm heal` and `hm restart-worker` start the worker with, split into words like a shell would (quotes work; no pipes, `&&` or variables unless --shell)'
            cand --stop 'The command that stops the worker (default: SIGTERM, then SIGKILL after --grace)'
            cand --log 'The file the started worker''s stdout and stderr go to'
            cand --restart-delay 'Wait this long after starting before checking it runs (default 1s)'
            cand --grace 'Between SIGTERM and SIGKILL (default 10s)'
            cand --max-restarts 'At most this many restarts within --restart-window (default 5)'
            cand --restart-window 'The window --max-restarts counts in (default 30m)'
            cand --min-uptime 'A worker that dies sooner after its start is in a crash loop; one that ran longer is restarted after --restart-delay, without the doubling backoff. A check with `worker` naming it waits this long after a restart before restarting it again, unless that check has passed since (default 60s)'
            cand --heal 'false: `hm heal` never restarts it'
            cand --group 'Start the worker with this primary group (needs --user)'
            cand --cwd 'The directory the worker starts in (absolute)'
            cand --umask 'The started worker''s umask, e.g. 027'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --shell 'Run --start and --stop with /bin/sh -c'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;add;heartbeat'= {
            cand --file 'A file whose modification time is the heartbeat'
            cand --ping 'The `hm ping` name (default: the monitor''s name)'
            cand --database 'An SQLite file whose --query gives the heartbeat''s time'
            cand --query 'A query returning one timestamp (Unix seconds or SQLite date-time)'
            cand --warn 'Warning age, e.g. 26h (default 30s)'
            cand --crit 'Critical age (default 60s)'
            cand --schedule 'Due on this cron schedule, e.g. ''0 2 * * *'' or @daily (instead of --warn/--crit)'
            cand --tz 'The schedule''s time zone, e.g. Europe/Berlin (default: the host''s)'
            cand --grace 'How late a scheduled run may be before it is critical (default 1h)'
            cand --max-runtime 'How long a run begun with `hm ping --start` may take'
            cand --worker 'The process monitor whose worker `hm heal` restarts when this goes stale'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;add;tmux'= {
            cand --session 'Only this session (default: every session of the server)'
            cand --socket 'The server''s socket, as for `tmux -S` (default: the default server)'
            cand --stuck-after 'A session running a job with no output for this long is stuck (default 30m); one idle at a shell prompt never is'
            cand --keys 'A tmux key `hm heal` sends a stuck session (repeatable; default C-c)'
            cand --on-stuck 'Then run this command, split into words like a shell would'
            cand --busy-if 'A session idle at a shell prompt has a task when this exits 0 (HM_SESSION names it)'
            cand --heal 'false: `hm heal` leaves its sessions alone'
            cand --settle 'How long after the keys hm looks again for output (default 2s)'
            cand --max-restarts 'At most this many unsticks per session within --restart-window (default 5)'
            cand --restart-window 'The window --max-restarts counts in (default 30m)'
            cand --worker 'The process monitor whose worker `hm heal` restarts when this is critical'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --shell 'Run --on-stuck (and --busy-if) with /bin/sh -c'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;add;sqlite'= {
            cand --path 'The database file'
            cand --lock-timeout 'The write lock must be taken within this (default 1s)'
            cand --wal-warn 'Warning size of the -wal file, e.g. 256MiB'
            cand --wal-crit 'Critical size of the -wal file'
            cand --killable 'A regex over the command line of holders `hm clear-locks` may stop (repeatable)'
            cand --heal 'false: `hm heal` never clears its locks'
            cand --worker 'The process monitor whose worker `hm heal` restarts when this is critical'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --quick-check 'Also run PRAGMA quick_check'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;add;http'= {
            cand --url 'The http:// or https:// URL'
            cand --method 'The request method (default GET)'
            cand --expect-status 'An acceptable status (repeatable; default 200-399)'
            cand --contains 'Text the body must contain'
            cand --warn 'Warning latency, seconds or a duration (500ms)'
            cand --crit 'Critical latency'
            cand --worker 'The process monitor whose worker `hm heal` restarts when this is critical'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;add;tcp'= {
            cand --address 'host:port to connect to'
            cand --warn 'Warning latency, seconds or a duration (500ms)'
            cand --crit 'Critical latency'
            cand --worker 'The process monitor whose worker `hm heal` restarts when this is critical'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;add;command'= {
            cand --worker 'The process monitor whose worker `hm heal` restarts when this is critical'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --shell 'Run the command with /bin/sh -c (its words joined by spaces)'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;add;workspace'= {
            cand --path 'The directory'
            cand --warn 'Warning size, e.g. 10GiB (default 1GiB)'
            cand --crit 'Critical size (default 5GiB)'
            cand --required 'A path inside it that must exist (repeatable)'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --writable 'hm must be able to create a file in it'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;add;tasks'= {
            cand --ping 'The `hm ping` name (default: the monitor''s name)'
            cand --window 'The rates are computed over this (default 1h)'
            cand --error-warn 'Warning error rate, % (default 5)'
            cand --error-crit 'Critical error rate, % (default 10)'
            cand --expected 'A task''s expected duration: slow when the mean is over twice this'
            cand --worker 'The process monitor whose worker `hm heal` restarts when this goes stale'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;add;gpu'= {
            cand --warn 'Memory warning level, % used (default 90)'
            cand --crit 'Memory critical level, % (default 95)'
            cand --temp-warn 'Temperature warning level, °C (default 85)'
            cand --temp-crit 'Temperature critical level, °C (default 95)'
            cand --util-warn 'Utilisation warning level, %'
            cand --util-crit 'Utilisation critical level, %'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;add;help'= {
            cand cpu 'Total CPU use, %'
            cand memory 'Used memory and swap, %'
            cand load 'Load average per CPU'
            cand disk 'Space and inodes of one or every real filesystem, and when it will be full'
            cand process 'Processes by name, command line, pidfile or systemd unit; restarts them'
            cand heartbeat 'The age of a file''s mtime, of the last `hm ping`, or of an SQL timestamp'
            cand tmux 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys'
            cand sqlite 'An SQLite database opens, takes a write lock in time, passes quick_check'
            cand http 'An HTTP request: status, body and latency'
            cand tcp 'A TCP connect to host:port, and its latency'
            cand command 'Any Nagios plugin: the command after `--`; exit 0-3 is the status'
            cand workspace 'A directory exists, is writable, holds its files, is not too big'
            cand tasks 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`'
            cand gpu 'Every NVIDIA GPU''s memory, temperature and utilisation (ok with a note when none)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hm;monitor;add;help;cpu'= {
        }
        &'hm;monitor;add;help;memory'= {
        }
        &'hm;monitor;add;help;load'= {
        }
        &'hm;monitor;add;help;disk'= {
        }
        &'hm;monitor;add;help;process'= {
        }
        &'hm;monitor;add;help;heartbeat'= {
        }
        &'hm;monitor;add;help;tmux'= {
        }
        &'hm;monitor;add;help;sqlite'= {
        }
        &'hm;monitor;add;help;http'= {
        }
        &'hm;monitor;add;help;tcp'= {
        }
        &'hm;monitor;add;help;command'= {
        }
        &'hm;monitor;add;help;workspace'= {
        }
        &'hm;monitor;add;help;tasks'= {
        }
        &'hm;monitor;add;help;gpu'= {
        }
        &'hm;monitor;add;help;help'= {
        }
        &'hm;monitor;remove'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;pause'= {
            cand --for 'For this long, then it is checked again (default: until resumed)'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --dry-run 'Show what would be done, do nothing'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;resume'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --dry-run 'Show what would be done, do nothing'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;help'= {
            cand list 'List configured and embedded monitors'
            cand add 'Add a monitor to hm.toml, keeping its comments and order'
            cand remove 'Remove a monitor from hm.toml'
            cand pause 'Stop checking and healing a monitor, leaving its worker as it is'
            cand resume 'Check and heal a paused monitor again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hm;monitor;help;list'= {
        }
        &'hm;monitor;help;add'= {
            cand cpu 'Total CPU use, %'
            cand memory 'Used memory and swap, %'
            cand load 'Load average per CPU'
            cand disk 'Space and inodes of one or every real filesystem, and when it will be full'
            cand process 'Processes by name, command line, pidfile or systemd unit; restarts them'
            cand heartbeat 'The age of a file''s mtime, of the last `hm ping`, or of an SQL timestamp'
            cand tmux 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys'
            cand sqlite 'An SQLite database opens, takes a write lock in time, passes quick_check'
            cand http 'An HTTP request: status, body and latency'
            cand tcp 'A TCP connect to host:port, and its latency'
            cand command 'Any Nagios plugin: the command after `--`; exit 0-3 is the status'
            cand workspace 'A directory exists, is writable, holds its files, is not too big'
            cand tasks 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`'
            cand gpu 'Every NVIDIA GPU''s memory, temperature and utilisation (ok with a note when none)'
        }
        &'hm;monitor;help;add;cpu'= {
        }
        &'hm;monitor;help;add;memory'= {
        }
        &'hm;monitor;help;add;load'= {
        }
        &'hm;monitor;help;add;disk'= {
        }
        &'hm;monitor;help;add;process'= {
        }
        &'hm;monitor;help;add;heartbeat'= {
        }
        &'hm;monitor;help;add;tmux'= {
        }
        &'hm;monitor;help;add;sqlite'= {
        }
        &'hm;monitor;help;add;http'= {
        }
        &'hm;monitor;help;add;tcp'= {
        }
        &'hm;monitor;help;add;command'= {
        }
        &'hm;monitor;help;add;workspace'= {
        }
        &'hm;monitor;help;add;tasks'= {
        }
        &'hm;monitor;help;add;gpu'= {
        }
        &'hm;monitor;help;remove'= {
        }
        &'hm;monitor;help;pause'= {
        }
        &'hm;monitor;help;resume'= {
        }
        &'hm;monitor;help;help'= {
        }
        &'hm;list'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;add'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand cpu 'Total CPU use, %'
            cand memory 'Used memory and swap, %'
            cand load 'Load average per CPU'
            cand disk 'Space and inodes of one or every real filesystem, and when it will be full'
            cand process 'Processes by name, command line, pidfile or systemd unit; restarts them'
            cand heartbeat 'The age of a file''s mtime, of the last `hm ping`, or of an SQL timestamp'
            cand tmux 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys'
            cand sqlite 'An SQLite database opens, takes a write lock in time, passes quick_check'
            cand http 'An HTTP request: status, body and latency'
            cand tcp 'A TCP connect to host:port, and its latency'
            cand command 'Any Nagios plugin: the command after `--`; exit 0-3 is the status'
            cand workspace 'A directory exists, is writable, holds its files, is not too big'
            cand tasks 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`'
            cand gpu 'Every NVIDIA GPU''s memory, temperature and utilisation (ok with a note when none)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hm;add;cpu'= {
            cand --warn 'Warning level, % of all CPUs (default 80, or [thresholds])'
            cand --crit 'Critical level, % (default 95)'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;add;memory'= {
            cand --warn 'Warning level, % of memory used (default 90)'
            cand --crit 'Critical level, % (default 95)'
            cand --swap-warn 'Swap warning level, %'
            cand --swap-crit 'Swap critical level, %'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;add;load'= {
            cand --warn 'Warning level, load per CPU (default 2)'
            cand --crit 'Critical level, load per CPU (default 4)'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;add;disk'= {
            cand --path 'Only the filesystem holding this path (default: every real one)'
            cand --warn 'Space warning level, % used (default 85)'
            cand --crit 'Space critical level, % (default 95)'
            cand --inode-warn 'Inode warning level, %'
            cand --inode-crit 'Inode critical level, %'
            cand --fs-types 'Also watch filesystems of this type, e.g. tmpfs (repeatable)'
            cand --forecast-warn 'Warning when forecast full within this (default 24h)'
            cand --forecast-crit 'Critical when forecast full within this (default 4h)'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;add;process'= {
            cand --process 'Exact process name'
            cand --pattern 'Regex over the full command line'
            cand --pidfile 'File holding the pid (believed only when root''s; see SECURITY.md)'
            cand --unit 'systemd unit'
            cand --user 'Only processes of this user count; with --start, it starts as this user'
            cand --min 'Minimum number running (default 1)'
            cand --max 'Maximum number running'
            cand --cpu-warn 'Per-process CPU % (of one core) warning level'
            cand --cpu-crit 'Per-process CPU % critical level'
            cand --rss-warn 'Per-process resident memory warning level, e.g. 512MiB'
            cand --rss-crit 'Per-process resident memory critical level'
            cand --zombies-warn 'Zombie count warning level'
            cand --zombies-crit 'Zombie count critical level'
            cand --start 'The command `hm heal` and `hm restart-worker` start the worker with, split into words like a shell would (quotes work; no pipes, `&&` or variables unless --shell)'
            cand --stop 'The command that stops the worker (default: SIGTERM, then SIGKILL after --grace)'
            cand --log 'The file the started worker''s stdout and stderr go to'
            cand --restart-delay 'Wait this long after starting before checking it runs (default 1s)'
            cand --grace 'Between SIGTERM and SIGKILL (default 10s)'
            cand --max-restarts 'At most this many restarts within --restart-window (default 5)'
            cand --restart-window 'The window --max-restarts counts in (default 30m)'
            cand --min-uptime 'A worker that dies sooner after its start is in a crash loop; one that ran longer is restarted after --restart-delay, without the doubling backoff. A check with `worker` naming it waits this long after a restart before restarting it again, unless that check has passed since (default 60s)'
            cand --heal 'false: `hm heal` never restarts it'
            cand --group 'Start the worker with this primary group (needs --user)'
            cand --cwd 'The directory the worker starts in (absolute)'
            cand --umask 'The started worker''s umask, e.g. 027'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --shell 'Run --start and --stop with /bin/sh -c'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;add;heartbeat'= {
            cand --file 'A file whose modification time is the heartbeat'
            cand --ping 'The `hm ping` name (default: the monitor''s name)'
            cand --database 'An SQLite file whose --query gives the heartbeat''s time'
            cand --query 'A query returning one timestamp (Unix seconds or SQLite date-time)'
            cand --warn 'Warning age, e.g. 26h (default 30s)'
            cand --crit 'Critical age (default 60s)'
            cand --schedule 'Due on this cron schedule, e.g. ''0 2 * * *'' or @daily (instead of --warn/--crit)'
            cand --tz 'The schedule''s time zone, e.g. Europe/Berlin (default: the host''s)'
            cand --grace 'How late a scheduled run may be before it is critical (default 1h)'
            cand --max-runtime 'How long a run begun with `hm ping --start` may take'
            cand --worker 'The process monitor whose worker `hm heal` restarts when this goes stale'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;add;tmux'= {
            cand --session 'Only this session (default: every session of the server)'
            cand --socket 'The server''s socket, as for `tmux -S` (default: the default server)'
            cand --stuck-after 'A session running a job with no output for this long is stuck (default 30m); one idle at a shell prompt never is'
            cand --keys 'A tmux key `hm heal` sends a stuck session (repeatable; default C-c)'
            cand --on-stuck 'Then run this command, split into words like a shell would'
            cand --busy-if 'A session idle at a shell prompt has a task when this exits 0 (HM_SESSION names it)'
            cand --heal 'false: `hm heal` leaves its sessions alone'
            cand --settle 'How long after the keys hm looks again for output (default 2s)'
            cand --max-restarts 'At most this many unsticks per session within --restart-window (default 5)'
            cand --restart-window 'The window --max-restarts counts in (default 30m)'
            cand --worker 'The process monitor whose worker `hm heal` restarts when this is critical'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --shell 'Run --on-stuck (and --busy-if) with /bin/sh -c'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;add;sqlite'= {
            cand --path 'The database file'
            cand --lock-timeout 'The write lock must be taken within this (default 1s)'
            cand --wal-warn 'Warning size of the -wal file, e.g. 256MiB'
            cand --wal-crit 'Critical size of the -wal file'
            cand --killable 'A regex over the command line of holders `hm clear-locks` may stop (repeatable)'
            cand --heal 'false: `hm heal` never clears its locks'
            cand --worker 'The process monitor whose worker `hm heal` restarts when this is critical'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --quick-check 'Also run PRAGMA quick_check'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;add;http'= {
            cand --url 'The http:// or https:// URL'
            cand --method 'The request method (default GET)'
            cand --expect-status 'An acceptable status (repeatable; default 200-399)'
            cand --contains 'Text the body must contain'
            cand --warn 'Warning latency, seconds or a duration (500ms)'
            cand --crit 'Critical latency'
            cand --worker 'The process monitor whose worker `hm heal` restarts when this is critical'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;add;tcp'= {
            cand --address 'host:port to connect to'
            cand --warn 'Warning latency, seconds or a duration (500ms)'
            cand --crit 'Critical latency'
            cand --worker 'The process monitor whose worker `hm heal` restarts when this is critical'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;add;command'= {
            cand --worker 'The process monitor whose worker `hm heal` restarts when this is critical'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --shell 'Run the command with /bin/sh -c (its words joined by spaces)'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;add;workspace'= {
            cand --path 'The directory'
            cand --warn 'Warning size, e.g. 10GiB (default 1GiB)'
            cand --crit 'Critical size (default 5GiB)'
            cand --required 'A path inside it that must exist (repeatable)'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --writable 'hm must be able to create a file in it'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;add;tasks'= {
            cand --ping 'The `hm ping` name (default: the monitor''s name)'
            cand --window 'The rates are computed over this (default 1h)'
            cand --error-warn 'Warning error rate, % (default 5)'
            cand --error-crit 'Critical error rate, % (default 10)'
            cand --expected 'A task''s expected duration: slow when the mean is over twice this'
            cand --worker 'The process monitor whose worker `hm heal` restarts when this goes stale'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;add;gpu'= {
            cand --warn 'Memory warning level, % used (default 90)'
            cand --crit 'Memory critical level, % (default 95)'
            cand --temp-warn 'Temperature warning level, °C (default 85)'
            cand --temp-crit 'Temperature critical level, °C (default 95)'
            cand --util-warn 'Utilisation warning level, %'
            cand --util-crit 'Utilisation critical level, %'
            cand --description 'A note for people'
            cand --timeout 'Check timeout, e.g. 10s (the default)'
            cand --for 'Alert after this many non-ok checks in a row (default: [alerts] for)'
            cand --cooldown 'Re-send a firing alert at most this often (default: [alerts] cooldown)'
            cand --flap-high 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)'
            cand --flap-low 'Flapping ends below this percent (default: [alerts] flap_low)'
            cand --anomaly 'Flag figures this many deviations from their usual level, e.g. 4'
            cand --enabled 'false: write the monitor disabled'
            cand --depends-on 'A monitor this one waits for: not alerted or healed while it is not ok'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;add;help'= {
            cand cpu 'Total CPU use, %'
            cand memory 'Used memory and swap, %'
            cand load 'Load average per CPU'
            cand disk 'Space and inodes of one or every real filesystem, and when it will be full'
            cand process 'Processes by name, command line, pidfile or systemd unit; restarts them'
            cand heartbeat 'The age of a file''s mtime, of the last `hm ping`, or of an SQL timestamp'
            cand tmux 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys'
            cand sqlite 'An SQLite database opens, takes a write lock in time, passes quick_check'
            cand http 'An HTTP request: status, body and latency'
            cand tcp 'A TCP connect to host:port, and its latency'
            cand command 'Any Nagios plugin: the command after `--`; exit 0-3 is the status'
            cand workspace 'A directory exists, is writable, holds its files, is not too big'
            cand tasks 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`'
            cand gpu 'Every NVIDIA GPU''s memory, temperature and utilisation (ok with a note when none)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hm;add;help;cpu'= {
        }
        &'hm;add;help;memory'= {
        }
        &'hm;add;help;load'= {
        }
        &'hm;add;help;disk'= {
        }
        &'hm;add;help;process'= {
        }
        &'hm;add;help;heartbeat'= {
        }
        &'hm;add;help;tmux'= {
        }
        &'hm;add;help;sqlite'= {
        }
        &'hm;add;help;http'= {
        }
        &'hm;add;help;tcp'= {
        }
        &'hm;add;help;command'= {
        }
        &'hm;add;help;workspace'= {
        }
        &'hm;add;help;tasks'= {
        }
        &'hm;add;help;gpu'= {
        }
        &'hm;add;help;help'= {
        }
        &'hm;remove'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;restart-worker'= {
            cand --parallel 'A pool''s rolling restart: how many instances at a time, each batch verified before the next'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --dry-run 'Show what would be done, do nothing'
            cand --reset 'Reset the automatic restart budget (after a crash loop), then restart'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;stop-worker'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --dry-run 'Show what would be done, do nothing'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;start-worker'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --dry-run 'Show what would be done, do nothing'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;clean-disk'= {
            cand --rule 'Only this configured rule'
            cand --older-than 'With PATHs: only files last modified longer ago than this'
            cand --glob 'With PATHs: only file names matching this glob (repeatable; default: all)'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --dry-run 'List what would be deleted, delete nothing'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;clear-locks'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --dry-run 'Show what would be done, do nothing'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;alerts'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --all 'Resolved alerts too (the latest 100), not only open ones'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ack 'Acknowledge an alert: no more repeats (a worse severity or a resolve is still sent)'
            cand silence 'Keep checking and recording a monitor, but notify nobody for a while'
            cand unsilence 'Lift a monitor''s silence'
            cand outbox 'Show notifications waiting to be delivered, with the last error of each'
            cand flush 'Deliver every waiting notification now, ignoring retry backoff'
            cand test 'Send a test notification through a channel, now'
            cand maintenance 'Start or stop an unplanned maintenance window: checked and recorded, nobody told'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hm;alerts;ack'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;alerts;silence'= {
            cand --for 'How long'
            cand --reason 'Why, shown by `hm alerts`'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;alerts;unsilence'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;alerts;outbox'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --all 'Delivered notifications too'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;alerts;flush'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;alerts;test'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;alerts;maintenance'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Open a window now: the monitors named are checked and recorded, not alerted on, and not healed unless --heal'
            cand stop 'End the unplanned windows now (those naming NAMES, or all); what still fails then alerts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hm;alerts;maintenance;start'= {
            cand --for 'How long (1m to 7d)'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --heal 'Heal inside the window (default: heals are held until it ends)'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;alerts;maintenance;stop'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;alerts;maintenance;help'= {
            cand start 'Open a window now: the monitors named are checked and recorded, not alerted on, and not healed unless --heal'
            cand stop 'End the unplanned windows now (those naming NAMES, or all); what still fails then alerts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hm;alerts;maintenance;help;start'= {
        }
        &'hm;alerts;maintenance;help;stop'= {
        }
        &'hm;alerts;maintenance;help;help'= {
        }
        &'hm;alerts;help'= {
            cand ack 'Acknowledge an alert: no more repeats (a worse severity or a resolve is still sent)'
            cand silence 'Keep checking and recording a monitor, but notify nobody for a while'
            cand unsilence 'Lift a monitor''s silence'
            cand outbox 'Show notifications waiting to be delivered, with the last error of each'
            cand flush 'Deliver every waiting notification now, ignoring retry backoff'
            cand test 'Send a test notification through a channel, now'
            cand maintenance 'Start or stop an unplanned maintenance window: checked and recorded, nobody told'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hm;alerts;help;ack'= {
        }
        &'hm;alerts;help;silence'= {
        }
        &'hm;alerts;help;unsilence'= {
        }
        &'hm;alerts;help;outbox'= {
        }
        &'hm;alerts;help;flush'= {
        }
        &'hm;alerts;help;test'= {
        }
        &'hm;alerts;help;maintenance'= {
            cand start 'Open a window now: the monitors named are checked and recorded, not alerted on, and not healed unless --heal'
            cand stop 'End the unplanned windows now (those naming NAMES, or all); what still fails then alerts'
        }
        &'hm;alerts;help;maintenance;start'= {
        }
        &'hm;alerts;help;maintenance;stop'= {
        }
        &'hm;alerts;help;help'= {
        }
        &'hm;export'= {
            cand --format 'Output format [default: prometheus, or json with --json]'
            cand -o 'Write to this file atomically (temp file + rename) instead of stdout'
            cand --output 'Write to this file atomically (temp file + rename) instead of stdout'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;history'= {
            cand --metric 'Only this metric (default: all of the monitor''s)'
            cand --since 'How far back'
            cand --points 'At most this many points per metric (averaged over equal time buckets)'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;run'= {
            cand --interval 'Time between the starts of two cycles, at least 100ms [default: `interval` in hm.toml, else 30s]'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --heal 'Heal as well as check (`hm heal` each cycle)'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;serve'= {
            cand --listen 'Address to listen on'
            cand --interval 'Time between the starts of two cycles, at least 100ms [default: `interval` in hm.toml, else 30s]'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --heal 'Heal as well as check (`hm heal` each cycle)'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;actions'= {
            cand --since 'How far back to look'
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;why'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --all 'Every death kept (the history), newest first'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;validate'= {
            cand --config 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;completions'= {
            cand --dir 'Write the scripts for every shell into this directory'
            cand --config 'config'
            cand --db 'db'
            cand --json 'json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;man'= {
            cand --dir 'Write hm.1 and one page per subcommand into this directory'
            cand --config 'config'
            cand --db 'db'
            cand --json 'json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;help'= {
            cand check 'Run monitors now, record the results, print them'
            cand heal 'Check, apply the remedies the config allows, and check again'
            cand status 'Show the latest recorded result of each monitor'
            cand ping 'Record a heartbeat (or a task''s outcome) for a heartbeat monitor'
            cand monitor 'List, add or remove monitors in hm.toml'
            cand list 'List monitors (short for `hm monitor list`)'
            cand add 'Add a monitor to hm.toml (short for `hm monitor add`)'
            cand remove 'Remove a monitor from hm.toml (short for `hm monitor remove`)'
            cand restart-worker 'Restart a process monitor''s worker now and check that it runs'
            cand stop-worker 'Stop a process monitor''s worker and keep it down until hm start-worker'
            cand start-worker 'Start a stopped worker, check that it runs, and lift its hold'
            cand clean-disk 'Delete old files by the [[clean]] rules of hm.toml, or in the given directories'
            cand clear-locks 'Free stuck SQLite databases: checkpoint the WAL, roll back a hot journal'
            cand alerts 'Show open alerts; acknowledge, silence, test channels, see the outbox'
            cand export 'Print the latest state for Prometheus, Nagios or scripts'
            cand history 'Show a monitor''s recorded figures over time, with sparklines'
            cand run 'Check (and heal, with --heal) every interval, in the foreground'
            cand serve 'Run the check loop and serve /health, /ready, /metrics, /status and a dashboard'
            cand actions 'Show what hm changed on the host (remedies applied)'
            cand why 'Show why a worker died: cause, exit status or signal, OOM evidence, its log''s tail'
            cand validate 'Check hm.toml and report every error with its line and field'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hm;help;check'= {
        }
        &'hm;help;heal'= {
        }
        &'hm;help;status'= {
        }
        &'hm;help;ping'= {
        }
        &'hm;help;monitor'= {
            cand list 'List configured and embedded monitors'
            cand add 'Add a monitor to hm.toml, keeping its comments and order'
            cand remove 'Remove a monitor from hm.toml'
            cand pause 'Stop checking and healing a monitor, leaving its worker as it is'
            cand resume 'Check and heal a paused monitor again'
        }
        &'hm;help;monitor;list'= {
        }
        &'hm;help;monitor;add'= {
            cand cpu 'Total CPU use, %'
            cand memory 'Used memory and swap, %'
            cand load 'Load average per CPU'
            cand disk 'Space and inodes of one or every real filesystem, and when it will be full'
            cand process 'Processes by name, command line, pidfile or systemd unit; restarts them'
            cand heartbeat 'The age of a file''s mtime, of the last `hm ping`, or of an SQL timestamp'
            cand tmux 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys'
            cand sqlite 'An SQLite database opens, takes a write lock in time, passes quick_check'
            cand http 'An HTTP request: status, body and latency'
            cand tcp 'A TCP connect to host:port, and its latency'
            cand command 'Any Nagios plugin: the command after `--`; exit 0-3 is the status'
            cand workspace 'A directory exists, is writable, holds its files, is not too big'
            cand tasks 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`'
            cand gpu 'Every NVIDIA GPU''s memory, temperature and utilisation (ok with a note when none)'
        }
        &'hm;help;monitor;add;cpu'= {
        }
        &'hm;help;monitor;add;memory'= {
        }
        &'hm;help;monitor;add;load'= {
        }
        &'hm;help;monitor;add;disk'= {
        }
        &'hm;help;monitor;add;process'= {
        }
        &'hm;help;monitor;add;heartbeat'= {
        }
        &'hm;help;monitor;add;tmux'= {
        }
        &'hm;help;monitor;add;sqlite'= {
        }
        &'hm;help;monitor;add;http'= {
        }
        &'hm;help;monitor;add;tcp'= {
        }
        &'hm;help;monitor;add;command'= {
        }
        &'hm;help;monitor;add;workspace'= {
        }
        &'hm;help;monitor;add;tasks'= {
        }
        &'hm;help;monitor;add;gpu'= {
        }
        &'hm;help;monitor;remove'= {
        }
        &'hm;help;monitor;pause'= {
        }
        &'hm;help;monitor;resume'= {
        }
        &'hm;help;list'= {
        }
        &'hm;help;add'= {
            cand cpu 'Total CPU use, %'
            cand memory 'Used memory and swap, %'
            cand load 'Load average per CPU'
            cand disk 'Space and inodes of one or every real filesystem, and when it will be full'
            cand process 'Processes by name, command line, pidfile or systemd unit; restarts them'
            cand heartbeat 'The age of a file''s mtime, of the last `hm ping`, or of an SQL timestamp'
            cand tmux 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys'
            cand sqlite 'An SQLite database opens, takes a write lock in time, passes quick_check'
            cand http 'An HTTP request: status, body and latency'
            cand tcp 'A TCP connect to host:port, and its latency'
            cand command 'Any Nagios plugin: the command after `--`; exit 0-3 is the status'
            cand workspace 'A directory exists, is writable, holds its files, is not too big'
            cand tasks 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`'
            cand gpu 'Every NVIDIA GPU''s memory, temperature and utilisation (ok with a note when none)'
        }
        &'hm;help;add;cpu'= {
        }
        &'hm;help;add;memory'= {
        }
        &'hm;help;add;load'= {
        }
        &'hm;help;add;disk'= {
        }
        &'hm;help;add;process'= {
        }
        &'hm;help;add;heartbeat'= {
        }
        &'hm;help;add;tmux'= {
        }
        &'hm;help;add;sqlite'= {
        }
        &'hm;help;add;http'= {
        }
        &'hm;help;add;tcp'= {
        }
        &'hm;help;add;command'= {
        }
        &'hm;help;add;workspace'= {
        }
        &'hm;help;add;tasks'= {
        }
        &'hm;help;add;gpu'= {
        }
        &'hm;help;remove'= {
        }
        &'hm;help;restart-worker'= {
        }
        &'hm;help;stop-worker'= {
        }
        &'hm;help;start-worker'= {
        }
        &'hm;help;clean-disk'= {
        }
        &'hm;help;clear-locks'= {
        }
        &'hm;help;alerts'= {
            cand ack 'Acknowledge an alert: no more repeats (a worse severity or a resolve is still sent)'
            cand silence 'Keep checking and recording a monitor, but notify nobody for a while'
            cand unsilence 'Lift a monitor''s silence'
            cand outbox 'Show notifications waiting to be delivered, with the last error of each'
            cand flush 'Deliver every waiting notification now, ignoring retry backoff'
            cand test 'Send a test notification through a channel, now'
            cand maintenance 'Start or stop an unplanned maintenance window: checked and recorded, nobody told'
        }
        &'hm;help;alerts;ack'= {
        }
        &'hm;help;alerts;silence'= {
        }
        &'hm;help;alerts;unsilence'= {
        }
        &'hm;help;alerts;outbox'= {
        }
        &'hm;help;alerts;flush'= {
        }
        &'hm;help;alerts;test'= {
        }
        &'hm;help;alerts;maintenance'= {
            cand start 'Open a window now: the monitors named are checked and recorded, not alerted on, and not healed unless --heal'
            cand stop 'End the unplanned windows now (those naming NAMES, or all); what still fails then alerts'
        }
        &'hm;help;alerts;maintenance;start'= {
        }
        &'hm;help;alerts;maintenance;stop'= {
        }
        &'hm;help;export'= {
        }
        &'hm;help;history'= {
        }
        &'hm;help;run'= {
        }
        &'hm;help;serve'= {
        }
        &'hm;help;actions'= {
        }
        &'hm;help;why'= {
        }
        &'hm;help;validate'= {
        }
        &'hm;help;completions'= {
        }
        &'hm;help;man'= {
        }
        &'hm;help;help'= {
        }
    ]
    $completions[$command]
}
