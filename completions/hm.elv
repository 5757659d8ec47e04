
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
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
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
            cand clean-disk 'Delete old files by the [[clean]] rules of hm.toml, or in the given directories'
            cand clear-locks 'Free stuck SQLite databases: checkpoint the WAL, roll back a hot journal'
            cand alerts 'Show open alerts; acknowledge, silence, test channels, see the outbox'
            cand export 'Print the latest state for Prometheus, Nagios or scripts'
            cand history 'Show a monitor''s recorded figures over time, with sparklines'
            cand run 'Check (and heal, with --heal) every interval, in the foreground'
            cand serve 'Run the check loop and serve /health, /ready, /metrics, /status and a dashboard'
            cand actions 'Show what hm changed on the host (remedies applied)'
            cand validate 'Check hm.toml and report every error with its line and field'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hm;check'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;heal'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --dry-run 'Show what would be done, do nothing: nothing is recorded and no alert is raised or sent'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;status'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;ping'= {
            cand --duration 'How long the task took, e.g. 12.5 or 2m'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --ok 'The task succeeded (the default)'
            cand --fail 'The task failed'
            cand --create 'Record it even though no monitor reads this ping yet (without it, an unknown name is an error: a typo in a cron job shows at once)'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List configured and embedded monitors'
            cand add 'Add a monitor to hm.toml, keeping its comments and order'
            cand remove 'Remove a monitor from hm.toml'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hm;monitor;list'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;add'= {
            cand --pattern 'process: regex over the full command line'
            cand --process 'process: exact process name'
            cand --pidfile 'process: file holding the pid'
            cand --unit 'process: systemd unit'
            cand --min 'process: minimum number running (default 1)'
            cand --max 'process: maximum number running'
            cand --warn 'Warning threshold (a number, or a duration for heartbeat)'
            cand --crit 'Critical threshold (a number, or a duration for heartbeat)'
            cand --cpu-warn 'process: per-process CPU % warning level'
            cand --cpu-crit 'process: per-process CPU % critical level'
            cand --rss-warn 'process: per-process resident memory warning level, e.g. 512MiB'
            cand --rss-crit 'process: per-process resident memory critical level'
            cand --start 'process: the command `hm heal` and `hm restart-worker` start the worker with, split into words like a shell would (quotes work; no pipes, `&&` or variables unless --shell)'
            cand --stop 'process: the command that stops the worker (default: SIGTERM, then SIGKILL after `grace`)'
            cand --log 'process: the file the started worker''s stdout and stderr go to'
            cand --file 'heartbeat: a file whose modification time is the heartbeat'
            cand --ping 'heartbeat: the `hm ping` name (default: the monitor''s name)'
            cand --path 'disk: only the filesystem holding this path'
            cand --timeout 'Check timeout, e.g. 10s'
            cand --description 'A note for people'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --shell 'process: run --start and --stop with /bin/sh -c'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;monitor;remove'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
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
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hm;monitor;help;list'= {
        }
        &'hm;monitor;help;add'= {
        }
        &'hm;monitor;help;remove'= {
        }
        &'hm;monitor;help;help'= {
        }
        &'hm;list'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;add'= {
            cand --pattern 'process: regex over the full command line'
            cand --process 'process: exact process name'
            cand --pidfile 'process: file holding the pid'
            cand --unit 'process: systemd unit'
            cand --min 'process: minimum number running (default 1)'
            cand --max 'process: maximum number running'
            cand --warn 'Warning threshold (a number, or a duration for heartbeat)'
            cand --crit 'Critical threshold (a number, or a duration for heartbeat)'
            cand --cpu-warn 'process: per-process CPU % warning level'
            cand --cpu-crit 'process: per-process CPU % critical level'
            cand --rss-warn 'process: per-process resident memory warning level, e.g. 512MiB'
            cand --rss-crit 'process: per-process resident memory critical level'
            cand --start 'process: the command `hm heal` and `hm restart-worker` start the worker with, split into words like a shell would (quotes work; no pipes, `&&` or variables unless --shell)'
            cand --stop 'process: the command that stops the worker (default: SIGTERM, then SIGKILL after `grace`)'
            cand --log 'process: the file the started worker''s stdout and stderr go to'
            cand --file 'heartbeat: a file whose modification time is the heartbeat'
            cand --ping 'heartbeat: the `hm ping` name (default: the monitor''s name)'
            cand --path 'disk: only the filesystem holding this path'
            cand --timeout 'Check timeout, e.g. 10s'
            cand --description 'A note for people'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --shell 'process: run --start and --stop with /bin/sh -c'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;remove'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;restart-worker'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --dry-run 'Show what would be done, do nothing'
            cand --reset 'Reset the restart budget (after hm gave up), then restart'
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
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --dry-run 'List what would be deleted, delete nothing'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;clear-locks'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --dry-run 'Show what would be done, do nothing'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;alerts'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
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
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hm;alerts;ack'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;alerts;silence'= {
            cand --for 'How long'
            cand --reason 'Why, shown by `hm alerts`'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;alerts;unsilence'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;alerts;outbox'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --all 'Delivered notifications too'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;alerts;flush'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;alerts;test'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;alerts;help'= {
            cand ack 'Acknowledge an alert: no more repeats (a worse severity or a resolve is still sent)'
            cand silence 'Keep checking and recording a monitor, but notify nobody for a while'
            cand unsilence 'Lift a monitor''s silence'
            cand outbox 'Show notifications waiting to be delivered, with the last error of each'
            cand flush 'Deliver every waiting notification now, ignoring retry backoff'
            cand test 'Send a test notification through a channel, now'
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
        &'hm;alerts;help;help'= {
        }
        &'hm;export'= {
            cand --format 'Output format [default: prometheus, or json with --json]'
            cand -o 'Write to this file atomically (temp file + rename) instead of stdout'
            cand --output 'Write to this file atomically (temp file + rename) instead of stdout'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
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
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;run'= {
            cand --interval 'Time between the starts of two cycles, at least 100ms [default: `interval` in hm.toml, else 30s]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
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
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --heal 'Heal as well as check (`hm heal` each cycle)'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;actions'= {
            cand --since 'How far back to look'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;validate'= {
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;completions'= {
            cand --dir 'Write the scripts for every shell into this directory'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hm;man'= {
            cand --dir 'Write hm.1 and one page per subcommand into this directory'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]'
            cand --db 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]'
            cand --json 'Print one JSON document on stdout instead of a table'
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
            cand clean-disk 'Delete old files by the [[clean]] rules of hm.toml, or in the given directories'
            cand clear-locks 'Free stuck SQLite databases: checkpoint the WAL, roll back a hot journal'
            cand alerts 'Show open alerts; acknowledge, silence, test channels, see the outbox'
            cand export 'Print the latest state for Prometheus, Nagios or scripts'
            cand history 'Show a monitor''s recorded figures over time, with sparklines'
            cand run 'Check (and heal, with --heal) every interval, in the foreground'
            cand serve 'Run the check loop and serve /health, /ready, /metrics, /status and a dashboard'
            cand actions 'Show what hm changed on the host (remedies applied)'
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
        }
        &'hm;help;monitor;list'= {
        }
        &'hm;help;monitor;add'= {
        }
        &'hm;help;monitor;remove'= {
        }
        &'hm;help;list'= {
        }
        &'hm;help;add'= {
        }
        &'hm;help;remove'= {
        }
        &'hm;help;restart-worker'= {
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
