
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'hm' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'hm'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'hm' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Run monitors now, record the results, print them')
            [CompletionResult]::new('heal', 'heal', [CompletionResultType]::ParameterValue, 'Check, apply the remedies the config allows, and check again')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the latest recorded result of each monitor')
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'Record a heartbeat (or a task''s outcome) for a heartbeat monitor')
            [CompletionResult]::new('monitor', 'monitor', [CompletionResultType]::ParameterValue, 'List, add or remove monitors in hm.toml')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List monitors (short for `hm monitor list`)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a monitor to hm.toml (short for `hm monitor add`)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a monitor from hm.toml (short for `hm monitor remove`)')
            [CompletionResult]::new('restart-worker', 'restart-worker', [CompletionResultType]::ParameterValue, 'Restart a process monitor''s worker now and check that it runs')
            [CompletionResult]::new('stop-worker', 'stop-worker', [CompletionResultType]::ParameterValue, 'Stop a process monitor''s worker and keep it down until hm start-worker')
            [CompletionResult]::new('start-worker', 'start-worker', [CompletionResultType]::ParameterValue, 'Start a stopped worker, check that it runs, and lift its hold')
            [CompletionResult]::new('clean-disk', 'clean-disk', [CompletionResultType]::ParameterValue, 'Delete old files by the [[clean]] rules of hm.toml, or in the given directories')
            [CompletionResult]::new('clear-locks', 'clear-locks', [CompletionResultType]::ParameterValue, 'Free stuck SQLite databases: checkpoint the WAL, roll back a hot journal')
            [CompletionResult]::new('alerts', 'alerts', [CompletionResultType]::ParameterValue, 'Show open alerts; acknowledge, silence, test channels, see the outbox')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the latest state for Prometheus, Nagios or scripts')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show a monitor''s recorded figures over time, with sparklines')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Check (and heal, with --heal) every interval, in the foreground')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the check loop and serve /health, /ready, /metrics, /status and a dashboard')
            [CompletionResult]::new('actions', 'actions', [CompletionResultType]::ParameterValue, 'Show what hm changed on the host (remedies applied)')
            [CompletionResult]::new('why', 'why', [CompletionResultType]::ParameterValue, 'Show why a worker died: cause, exit status or signal, OOM evidence, its log''s tail')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check hm.toml and report every error with its line and field')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hm;check' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show each instance of a pool (instances = N) on its own row, not the pool''s one row')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;heal' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done, do nothing: nothing is recorded and no alert is raised or sent')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;status' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show each instance of a pool (instances = N) on its own row, not the pool''s one row')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;ping' {
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'How long the task took, e.g. 12.5 or 2m')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--ok', '--ok', [CompletionResultType]::ParameterName, 'The task succeeded (the default)')
            [CompletionResult]::new('--fail', '--fail', [CompletionResultType]::ParameterName, 'The task failed')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'The task began: the ping that ends it (ok or --fail, without --duration) gets the time since as its duration')
            [CompletionResult]::new('--create', '--create', [CompletionResultType]::ParameterName, 'Record it even though no monitor reads this ping yet (without it, an unknown name is an error: a typo in a cron job shows at once)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List configured and embedded monitors')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a monitor to hm.toml, keeping its comments and order')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a monitor from hm.toml')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop checking and healing a monitor, leaving its worker as it is')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Check and heal a paused monitor again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hm;monitor;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;add' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('cpu', 'cpu', [CompletionResultType]::ParameterValue, 'Total CPU use, %')
            [CompletionResult]::new('memory', 'memory', [CompletionResultType]::ParameterValue, 'Used memory and swap, %')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Load average per CPU')
            [CompletionResult]::new('disk', 'disk', [CompletionResultType]::ParameterValue, 'Space and inodes of one or every real filesystem, and when it will be full')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'Processes by name, command line, pidfile or systemd unit; restarts them')
            [CompletionResult]::new('heartbeat', 'heartbeat', [CompletionResultType]::ParameterValue, 'The age of a file''s mtime, of the last `hm ping`, or of an SQL timestamp')
            [CompletionResult]::new('tmux', 'tmux', [CompletionResultType]::ParameterValue, 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys')
            [CompletionResult]::new('sqlite', 'sqlite', [CompletionResultType]::ParameterValue, 'An SQLite database opens, takes a write lock in time, passes quick_check')
            [CompletionResult]::new('http', 'http', [CompletionResultType]::ParameterValue, 'An HTTP request: status, body and latency')
            [CompletionResult]::new('tcp', 'tcp', [CompletionResultType]::ParameterValue, 'A TCP connect to host:port, and its latency')
            [CompletionResult]::new('command', 'command', [CompletionResultType]::ParameterValue, 'Any Nagios plugin: the command after `--`; exit 0-3 is the status')
            [CompletionResult]::new('workspace', 'workspace', [CompletionResultType]::ParameterValue, 'A directory exists, is writable, holds its files, is not too big')
            [CompletionResult]::new('tasks', 'tasks', [CompletionResultType]::ParameterValue, 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`')
            [CompletionResult]::new('gpu', 'gpu', [CompletionResultType]::ParameterValue, 'Every NVIDIA GPU''s memory, temperature and utilisation (ok with a note when none)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hm;monitor;add;cpu' {
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warning level, % of all CPUs (default 80, or [thresholds])')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Critical level, % (default 95)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;add;memory' {
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warning level, % of memory used (default 90)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Critical level, % (default 95)')
            [CompletionResult]::new('--swap-warn', '--swap-warn', [CompletionResultType]::ParameterName, 'Swap warning level, %')
            [CompletionResult]::new('--swap-crit', '--swap-crit', [CompletionResultType]::ParameterName, 'Swap critical level, %')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;add;load' {
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warning level, load per CPU (default 2)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Critical level, load per CPU (default 4)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;add;disk' {
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Only the filesystem holding this path (default: every real one)')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Space warning level, % used (default 85)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Space critical level, % (default 95)')
            [CompletionResult]::new('--inode-warn', '--inode-warn', [CompletionResultType]::ParameterName, 'Inode warning level, %')
            [CompletionResult]::new('--inode-crit', '--inode-crit', [CompletionResultType]::ParameterName, 'Inode critical level, %')
            [CompletionResult]::new('--fs-types', '--fs-types', [CompletionResultType]::ParameterName, 'Also watch filesystems of this type, e.g. tmpfs (repeatable)')
            [CompletionResult]::new('--forecast-warn', '--forecast-warn', [CompletionResultType]::ParameterName, 'Warning when forecast full within this (default 24h)')
            [CompletionResult]::new('--forecast-crit', '--forecast-crit', [CompletionResultType]::ParameterName, 'Critical when forecast full within this (default 4h)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;add;process' {
            [CompletionResult]::new('--process', '--process', [CompletionResultType]::ParameterName, 'Exact process name')
            [CompletionResult]::new('--pattern', '--pattern', [CompletionResultType]::ParameterName, 'Regex over the full command line')
            [CompletionResult]::new('--pidfile', '--pidfile', [CompletionResultType]::ParameterName, 'File holding the pid (believed only when root''s; see SECURITY.md)')
            [CompletionResult]::new('--unit', '--unit', [CompletionResultType]::ParameterName, 'systemd unit')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only processes of this user count; with --start, it starts as this user')
            [CompletionResult]::new('--min', '--min', [CompletionResultType]::ParameterName, 'Minimum number running (default 1)')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Maximum number running')
            [CompletionResult]::new('--cpu-warn', '--cpu-warn', [CompletionResultType]::ParameterName, 'Per-process CPU % (of one core) warning level')
            [CompletionResult]::new('--cpu-crit', '--cpu-crit', [CompletionResultType]::ParameterName, 'Per-process CPU % critical level')
            [CompletionResult]::new('--rss-warn', '--rss-warn', [CompletionResultType]::ParameterName, 'Per-process resident memory warning level, e.g. 512MiB')
            [CompletionResult]::new('--rss-crit', '--rss-crit', [CompletionResultType]::ParameterName, 'Per-process resident memory critical level')
            [CompletionResult]::new('--zombies-warn', '--zombies-warn', [CompletionResultType]::ParameterName, 'Zombie count warning level')
            [CompletionResult]::new('--zombies-crit', '--zombies-crit', [CompletionResultType]::ParameterName, 'Zombie count critical level')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'The command `hm heal` and `hm restart-worker` start the worker with, split into words like a shell would (quotes work; no pipes, `&&` or variables unless --shell)')
            [CompletionResult]::new('--stop', '--stop', [CompletionResultType]::ParameterName, 'The command that stops the worker (default: SIGTERM, then SIGKILL after --grace)')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The file the started worker''s stdout and stderr go to')
            [CompletionResult]::new('--restart-delay', '--restart-delay', [CompletionResultType]::ParameterName, 'Wait this long after starting before checking it runs (default 1s)')
            [CompletionResult]::new('--grace', '--grace', [CompletionResultType]::ParameterName, 'Between SIGTERM and SIGKILL (default 10s)')
            [CompletionResult]::new('--max-restarts', '--max-restarts', [CompletionResultType]::ParameterName, 'At most this many restarts within --restart-window (default 5)')
            [CompletionResult]::new('--restart-window', '--restart-window', [CompletionResultType]::ParameterName, 'The window --max-restarts counts in (default 30m)')
            [CompletionResult]::new('--min-uptime', '--min-uptime', [CompletionResultType]::ParameterName, 'A worker that dies sooner after its start is in a crash loop; one that ran longer is restarted after --restart-delay, without the doubling backoff. A check with `worker` naming it waits this long after a restart before restarting it again, unless that check has passed since (default 60s)')
            [CompletionResult]::new('--heal', '--heal', [CompletionResultType]::ParameterName, 'false: `hm heal` never restarts it')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Start the worker with this primary group (needs --user)')
            [CompletionResult]::new('--cwd', '--cwd', [CompletionResultType]::ParameterName, 'The directory the worker starts in (absolute)')
            [CompletionResult]::new('--umask', '--umask', [CompletionResultType]::ParameterName, 'The started worker''s umask, e.g. 027')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'Run --start and --stop with /bin/sh -c')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;add;heartbeat' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'A file whose modification time is the heartbeat')
            [CompletionResult]::new('--ping', '--ping', [CompletionResultType]::ParameterName, 'The `hm ping` name (default: the monitor''s name)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'An SQLite file whose --query gives the heartbeat''s time')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A query returning one timestamp (Unix seconds or SQLite date-time)')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warning age, e.g. 26h (default 30s)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Critical age (default 60s)')
            [CompletionResult]::new('--schedule', '--schedule', [CompletionResultType]::ParameterName, 'Due on this cron schedule, e.g. ''0 2 * * *'' or @daily (instead of --warn/--crit)')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The schedule''s time zone, e.g. Europe/Berlin (default: the host''s)')
            [CompletionResult]::new('--grace', '--grace', [CompletionResultType]::ParameterName, 'How late a scheduled run may be before it is critical (default 1h)')
            [CompletionResult]::new('--max-runtime', '--max-runtime', [CompletionResultType]::ParameterName, 'How long a run begun with `hm ping --start` may take')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'The process monitor whose worker `hm heal` restarts when this goes stale')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;add;tmux' {
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Only this session (default: every session of the server)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'The server''s socket, as for `tmux -S` (default: the default server)')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'A session running a job with no output for this long is stuck (default 30m); one idle at a shell prompt never is')
            [CompletionResult]::new('--keys', '--keys', [CompletionResultType]::ParameterName, 'A tmux key `hm heal` sends a stuck session (repeatable; default C-c)')
            [CompletionResult]::new('--on-stuck', '--on-stuck', [CompletionResultType]::ParameterName, 'Then run this command, split into words like a shell would')
            [CompletionResult]::new('--busy-if', '--busy-if', [CompletionResultType]::ParameterName, 'A session idle at a shell prompt has a task when this exits 0 (HM_SESSION names it)')
            [CompletionResult]::new('--heal', '--heal', [CompletionResultType]::ParameterName, 'false: `hm heal` leaves its sessions alone')
            [CompletionResult]::new('--settle', '--settle', [CompletionResultType]::ParameterName, 'How long after the keys hm looks again for output (default 2s)')
            [CompletionResult]::new('--max-restarts', '--max-restarts', [CompletionResultType]::ParameterName, 'At most this many unsticks per session within --restart-window (default 5)')
            [CompletionResult]::new('--restart-window', '--restart-window', [CompletionResultType]::ParameterName, 'The window --max-restarts counts in (default 30m)')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'The process monitor whose worker `hm heal` restarts when this is critical')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'Run --on-stuck (and --busy-if) with /bin/sh -c')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;add;sqlite' {
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'The database file')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'The write lock must be taken within this (default 1s)')
            [CompletionResult]::new('--wal-warn', '--wal-warn', [CompletionResultType]::ParameterName, 'Warning size of the -wal file, e.g. 256MiB')
            [CompletionResult]::new('--wal-crit', '--wal-crit', [CompletionResultType]::ParameterName, 'Critical size of the -wal file')
            [CompletionResult]::new('--killable', '--killable', [CompletionResultType]::ParameterName, 'A regex over the command line of holders `hm clear-locks` may stop (repeatable)')
            [CompletionResult]::new('--heal', '--heal', [CompletionResultType]::ParameterName, 'false: `hm heal` never clears its locks')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'The process monitor whose worker `hm heal` restarts when this is critical')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--quick-check', '--quick-check', [CompletionResultType]::ParameterName, 'Also run PRAGMA quick_check')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;add;http' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The http:// or https:// URL')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'The request method (default GET)')
            [CompletionResult]::new('--expect-status', '--expect-status', [CompletionResultType]::ParameterName, 'An acceptable status (repeatable; default 200-399)')
            [CompletionResult]::new('--contains', '--contains', [CompletionResultType]::ParameterName, 'Text the body must contain')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warning latency, seconds or a duration (500ms)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Critical latency')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'The process monitor whose worker `hm heal` restarts when this is critical')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;add;tcp' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'host:port to connect to')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warning latency, seconds or a duration (500ms)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Critical latency')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'The process monitor whose worker `hm heal` restarts when this is critical')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;add;command' {
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'The process monitor whose worker `hm heal` restarts when this is critical')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'Run the command with /bin/sh -c (its words joined by spaces)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;add;workspace' {
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'The directory')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warning size, e.g. 10GiB (default 1GiB)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Critical size (default 5GiB)')
            [CompletionResult]::new('--required', '--required', [CompletionResultType]::ParameterName, 'A path inside it that must exist (repeatable)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--writable', '--writable', [CompletionResultType]::ParameterName, 'hm must be able to create a file in it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;add;tasks' {
            [CompletionResult]::new('--ping', '--ping', [CompletionResultType]::ParameterName, 'The `hm ping` name (default: the monitor''s name)')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'The rates are computed over this (default 1h)')
            [CompletionResult]::new('--error-warn', '--error-warn', [CompletionResultType]::ParameterName, 'Warning error rate, % (default 5)')
            [CompletionResult]::new('--error-crit', '--error-crit', [CompletionResultType]::ParameterName, 'Critical error rate, % (default 10)')
            [CompletionResult]::new('--expected', '--expected', [CompletionResultType]::ParameterName, 'A task''s expected duration: slow when the mean is over twice this')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'The process monitor whose worker `hm heal` restarts when this goes stale')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;add;gpu' {
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Memory warning level, % used (default 90)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Memory critical level, % (default 95)')
            [CompletionResult]::new('--temp-warn', '--temp-warn', [CompletionResultType]::ParameterName, 'Temperature warning level, °C (default 85)')
            [CompletionResult]::new('--temp-crit', '--temp-crit', [CompletionResultType]::ParameterName, 'Temperature critical level, °C (default 95)')
            [CompletionResult]::new('--util-warn', '--util-warn', [CompletionResultType]::ParameterName, 'Utilisation warning level, %')
            [CompletionResult]::new('--util-crit', '--util-crit', [CompletionResultType]::ParameterName, 'Utilisation critical level, %')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;add;help' {
            [CompletionResult]::new('cpu', 'cpu', [CompletionResultType]::ParameterValue, 'Total CPU use, %')
            [CompletionResult]::new('memory', 'memory', [CompletionResultType]::ParameterValue, 'Used memory and swap, %')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Load average per CPU')
            [CompletionResult]::new('disk', 'disk', [CompletionResultType]::ParameterValue, 'Space and inodes of one or every real filesystem, and when it will be full')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'Processes by name, command line, pidfile or systemd unit; restarts them')
            [CompletionResult]::new('heartbeat', 'heartbeat', [CompletionResultType]::ParameterValue, 'The age of a file''s mtime, of the last `hm ping`, or of an SQL timestamp')
            [CompletionResult]::new('tmux', 'tmux', [CompletionResultType]::ParameterValue, 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys')
            [CompletionResult]::new('sqlite', 'sqlite', [CompletionResultType]::ParameterValue, 'An SQLite database opens, takes a write lock in time, passes quick_check')
            [CompletionResult]::new('http', 'http', [CompletionResultType]::ParameterValue, 'An HTTP request: status, body and latency')
            [CompletionResult]::new('tcp', 'tcp', [CompletionResultType]::ParameterValue, 'A TCP connect to host:port, and its latency')
            [CompletionResult]::new('command', 'command', [CompletionResultType]::ParameterValue, 'Any Nagios plugin: the command after `--`; exit 0-3 is the status')
            [CompletionResult]::new('workspace', 'workspace', [CompletionResultType]::ParameterValue, 'A directory exists, is writable, holds its files, is not too big')
            [CompletionResult]::new('tasks', 'tasks', [CompletionResultType]::ParameterValue, 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`')
            [CompletionResult]::new('gpu', 'gpu', [CompletionResultType]::ParameterValue, 'Every NVIDIA GPU''s memory, temperature and utilisation (ok with a note when none)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hm;monitor;add;help;cpu' {
            break
        }
        'hm;monitor;add;help;memory' {
            break
        }
        'hm;monitor;add;help;load' {
            break
        }
        'hm;monitor;add;help;disk' {
            break
        }
        'hm;monitor;add;help;process' {
            break
        }
        'hm;monitor;add;help;heartbeat' {
            break
        }
        'hm;monitor;add;help;tmux' {
            break
        }
        'hm;monitor;add;help;sqlite' {
            break
        }
        'hm;monitor;add;help;http' {
            break
        }
        'hm;monitor;add;help;tcp' {
            break
        }
        'hm;monitor;add;help;command' {
            break
        }
        'hm;monitor;add;help;workspace' {
            break
        }
        'hm;monitor;add;help;tasks' {
            break
        }
        'hm;monitor;add;help;gpu' {
            break
        }
        'hm;monitor;add;help;help' {
            break
        }
        'hm;monitor;remove' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;pause' {
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'For this long, then it is checked again (default: until resumed)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done, do nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;resume' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done, do nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List configured and embedded monitors')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a monitor to hm.toml, keeping its comments and order')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a monitor from hm.toml')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop checking and healing a monitor, leaving its worker as it is')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Check and heal a paused monitor again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hm;monitor;help;list' {
            break
        }
        'hm;monitor;help;add' {
            [CompletionResult]::new('cpu', 'cpu', [CompletionResultType]::ParameterValue, 'Total CPU use, %')
            [CompletionResult]::new('memory', 'memory', [CompletionResultType]::ParameterValue, 'Used memory and swap, %')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Load average per CPU')
            [CompletionResult]::new('disk', 'disk', [CompletionResultType]::ParameterValue, 'Space and inodes of one or every real filesystem, and when it will be full')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'Processes by name, command line, pidfile or systemd unit; restarts them')
            [CompletionResult]::new('heartbeat', 'heartbeat', [CompletionResultType]::ParameterValue, 'The age of a file''s mtime, of the last `hm ping`, or of an SQL timestamp')
            [CompletionResult]::new('tmux', 'tmux', [CompletionResultType]::ParameterValue, 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys')
            [CompletionResult]::new('sqlite', 'sqlite', [CompletionResultType]::ParameterValue, 'An SQLite database opens, takes a write lock in time, passes quick_check')
            [CompletionResult]::new('http', 'http', [CompletionResultType]::ParameterValue, 'An HTTP request: status, body and latency')
            [CompletionResult]::new('tcp', 'tcp', [CompletionResultType]::ParameterValue, 'A TCP connect to host:port, and its latency')
            [CompletionResult]::new('command', 'command', [CompletionResultType]::ParameterValue, 'Any Nagios plugin: the command after `--`; exit 0-3 is the status')
            [CompletionResult]::new('workspace', 'workspace', [CompletionResultType]::ParameterValue, 'A directory exists, is writable, holds its files, is not too big')
            [CompletionResult]::new('tasks', 'tasks', [CompletionResultType]::ParameterValue, 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`')
            [CompletionResult]::new('gpu', 'gpu', [CompletionResultType]::ParameterValue, 'Every NVIDIA GPU''s memory, temperature and utilisation (ok with a note when none)')
            break
        }
        'hm;monitor;help;add;cpu' {
            break
        }
        'hm;monitor;help;add;memory' {
            break
        }
        'hm;monitor;help;add;load' {
            break
        }
        'hm;monitor;help;add;disk' {
            break
        }
        'hm;monitor;help;add;process' {
            break
        }
        'hm;monitor;help;add;heartbeat' {
            break
        }
        'hm;monitor;help;add;tmux' {
            break
        }
        'hm;monitor;help;add;sqlite' {
            break
        }
        'hm;monitor;help;add;http' {
            break
        }
        'hm;monitor;help;add;tcp' {
            break
        }
        'hm;monitor;help;add;command' {
            break
        }
        'hm;monitor;help;add;workspace' {
            break
        }
        'hm;monitor;help;add;tasks' {
            break
        }
        'hm;monitor;help;add;gpu' {
            break
        }
        'hm;monitor;help;remove' {
            break
        }
        'hm;monitor;help;pause' {
            break
        }
        'hm;monitor;help;resume' {
            break
        }
        'hm;monitor;help;help' {
            break
        }
        'hm;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;add' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('cpu', 'cpu', [CompletionResultType]::ParameterValue, 'Total CPU use, %')
            [CompletionResult]::new('memory', 'memory', [CompletionResultType]::ParameterValue, 'Used memory and swap, %')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Load average per CPU')
            [CompletionResult]::new('disk', 'disk', [CompletionResultType]::ParameterValue, 'Space and inodes of one or every real filesystem, and when it will be full')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'Processes by name, command line, pidfile or systemd unit; restarts them')
            [CompletionResult]::new('heartbeat', 'heartbeat', [CompletionResultType]::ParameterValue, 'The age of a file''s mtime, of the last `hm ping`, or of an SQL timestamp')
            [CompletionResult]::new('tmux', 'tmux', [CompletionResultType]::ParameterValue, 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys')
            [CompletionResult]::new('sqlite', 'sqlite', [CompletionResultType]::ParameterValue, 'An SQLite database opens, takes a write lock in time, passes quick_check')
            [CompletionResult]::new('http', 'http', [CompletionResultType]::ParameterValue, 'An HTTP request: status, body and latency')
            [CompletionResult]::new('tcp', 'tcp', [CompletionResultType]::ParameterValue, 'A TCP connect to host:port, and its latency')
            [CompletionResult]::new('command', 'command', [CompletionResultType]::ParameterValue, 'Any Nagios plugin: the command after `--`; exit 0-3 is the status')
            [CompletionResult]::new('workspace', 'workspace', [CompletionResultType]::ParameterValue, 'A directory exists, is writable, holds its files, is not too big')
            [CompletionResult]::new('tasks', 'tasks', [CompletionResultType]::ParameterValue, 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`')
            [CompletionResult]::new('gpu', 'gpu', [CompletionResultType]::ParameterValue, 'Every NVIDIA GPU''s memory, temperature and utilisation (ok with a note when none)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hm;add;cpu' {
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warning level, % of all CPUs (default 80, or [thresholds])')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Critical level, % (default 95)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;add;memory' {
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warning level, % of memory used (default 90)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Critical level, % (default 95)')
            [CompletionResult]::new('--swap-warn', '--swap-warn', [CompletionResultType]::ParameterName, 'Swap warning level, %')
            [CompletionResult]::new('--swap-crit', '--swap-crit', [CompletionResultType]::ParameterName, 'Swap critical level, %')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;add;load' {
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warning level, load per CPU (default 2)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Critical level, load per CPU (default 4)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;add;disk' {
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Only the filesystem holding this path (default: every real one)')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Space warning level, % used (default 85)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Space critical level, % (default 95)')
            [CompletionResult]::new('--inode-warn', '--inode-warn', [CompletionResultType]::ParameterName, 'Inode warning level, %')
            [CompletionResult]::new('--inode-crit', '--inode-crit', [CompletionResultType]::ParameterName, 'Inode critical level, %')
            [CompletionResult]::new('--fs-types', '--fs-types', [CompletionResultType]::ParameterName, 'Also watch filesystems of this type, e.g. tmpfs (repeatable)')
            [CompletionResult]::new('--forecast-warn', '--forecast-warn', [CompletionResultType]::ParameterName, 'Warning when forecast full within this (default 24h)')
            [CompletionResult]::new('--forecast-crit', '--forecast-crit', [CompletionResultType]::ParameterName, 'Critical when forecast full within this (default 4h)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;add;process' {
            [CompletionResult]::new('--process', '--process', [CompletionResultType]::ParameterName, 'Exact process name')
            [CompletionResult]::new('--pattern', '--pattern', [CompletionResultType]::ParameterName, 'Regex over the full command line')
            [CompletionResult]::new('--pidfile', '--pidfile', [CompletionResultType]::ParameterName, 'File holding the pid (believed only when root''s; see SECURITY.md)')
            [CompletionResult]::new('--unit', '--unit', [CompletionResultType]::ParameterName, 'systemd unit')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only processes of this user count; with --start, it starts as this user')
            [CompletionResult]::new('--min', '--min', [CompletionResultType]::ParameterName, 'Minimum number running (default 1)')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Maximum number running')
            [CompletionResult]::new('--cpu-warn', '--cpu-warn', [CompletionResultType]::ParameterName, 'Per-process CPU % (of one core) warning level')
            [CompletionResult]::new('--cpu-crit', '--cpu-crit', [CompletionResultType]::ParameterName, 'Per-process CPU % critical level')
            [CompletionResult]::new('--rss-warn', '--rss-warn', [CompletionResultType]::ParameterName, 'Per-process resident memory warning level, e.g. 512MiB')
            [CompletionResult]::new('--rss-crit', '--rss-crit', [CompletionResultType]::ParameterName, 'Per-process resident memory critical level')
            [CompletionResult]::new('--zombies-warn', '--zombies-warn', [CompletionResultType]::ParameterName, 'Zombie count warning level')
            [CompletionResult]::new('--zombies-crit', '--zombies-crit', [CompletionResultType]::ParameterName, 'Zombie count critical level')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'The command `hm heal` and `hm restart-worker` start the worker with, split into words like a shell would (quotes work; no pipes, `&&` or variables unless --shell)')
            [CompletionResult]::new('--stop', '--stop', [CompletionResultType]::ParameterName, 'The command that stops the worker (default: SIGTERM, then SIGKILL after --grace)')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The file the started worker''s stdout and stderr go to')
            [CompletionResult]::new('--restart-delay', '--restart-delay', [CompletionResultType]::ParameterName, 'Wait this long after starting before checking it runs (default 1s)')
            [CompletionResult]::new('--grace', '--grace', [CompletionResultType]::ParameterName, 'Between SIGTERM and SIGKILL (default 10s)')
            [CompletionResult]::new('--max-restarts', '--max-restarts', [CompletionResultType]::ParameterName, 'At most this many restarts within --restart-window (default 5)')
            [CompletionResult]::new('--restart-window', '--restart-window', [CompletionResultType]::ParameterName, 'The window --max-restarts counts in (default 30m)')
            [CompletionResult]::new('--min-uptime', '--min-uptime', [CompletionResultType]::ParameterName, 'A worker that dies sooner after its start is in a crash loop; one that ran longer is restarted after --restart-delay, without the doubling backoff. A check with `worker` naming it waits this long after a restart before restarting it again, unless that check has passed since (default 60s)')
            [CompletionResult]::new('--heal', '--heal', [CompletionResultType]::ParameterName, 'false: `hm heal` never restarts it')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Start the worker with this primary group (needs --user)')
            [CompletionResult]::new('--cwd', '--cwd', [CompletionResultType]::ParameterName, 'The directory the worker starts in (absolute)')
            [CompletionResult]::new('--umask', '--umask', [CompletionResultType]::ParameterName, 'The started worker''s umask, e.g. 027')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'Run --start and --stop with /bin/sh -c')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;add;heartbeat' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'A file whose modification time is the heartbeat')
            [CompletionResult]::new('--ping', '--ping', [CompletionResultType]::ParameterName, 'The `hm ping` name (default: the monitor''s name)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'An SQLite file whose --query gives the heartbeat''s time')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A query returning one timestamp (Unix seconds or SQLite date-time)')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warning age, e.g. 26h (default 30s)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Critical age (default 60s)')
            [CompletionResult]::new('--schedule', '--schedule', [CompletionResultType]::ParameterName, 'Due on this cron schedule, e.g. ''0 2 * * *'' or @daily (instead of --warn/--crit)')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The schedule''s time zone, e.g. Europe/Berlin (default: the host''s)')
            [CompletionResult]::new('--grace', '--grace', [CompletionResultType]::ParameterName, 'How late a scheduled run may be before it is critical (default 1h)')
            [CompletionResult]::new('--max-runtime', '--max-runtime', [CompletionResultType]::ParameterName, 'How long a run begun with `hm ping --start` may take')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'The process monitor whose worker `hm heal` restarts when this goes stale')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;add;tmux' {
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Only this session (default: every session of the server)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'The server''s socket, as for `tmux -S` (default: the default server)')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'A session running a job with no output for this long is stuck (default 30m); one idle at a shell prompt never is')
            [CompletionResult]::new('--keys', '--keys', [CompletionResultType]::ParameterName, 'A tmux key `hm heal` sends a stuck session (repeatable; default C-c)')
            [CompletionResult]::new('--on-stuck', '--on-stuck', [CompletionResultType]::ParameterName, 'Then run this command, split into words like a shell would')
            [CompletionResult]::new('--busy-if', '--busy-if', [CompletionResultType]::ParameterName, 'A session idle at a shell prompt has a task when this exits 0 (HM_SESSION names it)')
            [CompletionResult]::new('--heal', '--heal', [CompletionResultType]::ParameterName, 'false: `hm heal` leaves its sessions alone')
            [CompletionResult]::new('--settle', '--settle', [CompletionResultType]::ParameterName, 'How long after the keys hm looks again for output (default 2s)')
            [CompletionResult]::new('--max-restarts', '--max-restarts', [CompletionResultType]::ParameterName, 'At most this many unsticks per session within --restart-window (default 5)')
            [CompletionResult]::new('--restart-window', '--restart-window', [CompletionResultType]::ParameterName, 'The window --max-restarts counts in (default 30m)')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'The process monitor whose worker `hm heal` restarts when this is critical')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'Run --on-stuck (and --busy-if) with /bin/sh -c')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;add;sqlite' {
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'The database file')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'The write lock must be taken within this (default 1s)')
            [CompletionResult]::new('--wal-warn', '--wal-warn', [CompletionResultType]::ParameterName, 'Warning size of the -wal file, e.g. 256MiB')
            [CompletionResult]::new('--wal-crit', '--wal-crit', [CompletionResultType]::ParameterName, 'Critical size of the -wal file')
            [CompletionResult]::new('--killable', '--killable', [CompletionResultType]::ParameterName, 'A regex over the command line of holders `hm clear-locks` may stop (repeatable)')
            [CompletionResult]::new('--heal', '--heal', [CompletionResultType]::ParameterName, 'false: `hm heal` never clears its locks')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'The process monitor whose worker `hm heal` restarts when this is critical')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--quick-check', '--quick-check', [CompletionResultType]::ParameterName, 'Also run PRAGMA quick_check')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;add;http' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The http:// or https:// URL')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'The request method (default GET)')
            [CompletionResult]::new('--expect-status', '--expect-status', [CompletionResultType]::ParameterName, 'An acceptable status (repeatable; default 200-399)')
            [CompletionResult]::new('--contains', '--contains', [CompletionResultType]::ParameterName, 'Text the body must contain')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warning latency, seconds or a duration (500ms)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Critical latency')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'The process monitor whose worker `hm heal` restarts when this is critical')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;add;tcp' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'host:port to connect to')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warning latency, seconds or a duration (500ms)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Critical latency')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'The process monitor whose worker `hm heal` restarts when this is critical')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;add;command' {
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'The process monitor whose worker `hm heal` restarts when this is critical')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'Run the command with /bin/sh -c (its words joined by spaces)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;add;workspace' {
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'The directory')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warning size, e.g. 10GiB (default 1GiB)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Critical size (default 5GiB)')
            [CompletionResult]::new('--required', '--required', [CompletionResultType]::ParameterName, 'A path inside it that must exist (repeatable)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--writable', '--writable', [CompletionResultType]::ParameterName, 'hm must be able to create a file in it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;add;tasks' {
            [CompletionResult]::new('--ping', '--ping', [CompletionResultType]::ParameterName, 'The `hm ping` name (default: the monitor''s name)')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'The rates are computed over this (default 1h)')
            [CompletionResult]::new('--error-warn', '--error-warn', [CompletionResultType]::ParameterName, 'Warning error rate, % (default 5)')
            [CompletionResult]::new('--error-crit', '--error-crit', [CompletionResultType]::ParameterName, 'Critical error rate, % (default 10)')
            [CompletionResult]::new('--expected', '--expected', [CompletionResultType]::ParameterName, 'A task''s expected duration: slow when the mean is over twice this')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'The process monitor whose worker `hm heal` restarts when this goes stale')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;add;gpu' {
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Memory warning level, % used (default 90)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Memory critical level, % (default 95)')
            [CompletionResult]::new('--temp-warn', '--temp-warn', [CompletionResultType]::ParameterName, 'Temperature warning level, °C (default 85)')
            [CompletionResult]::new('--temp-crit', '--temp-crit', [CompletionResultType]::ParameterName, 'Temperature critical level, °C (default 95)')
            [CompletionResult]::new('--util-warn', '--util-warn', [CompletionResultType]::ParameterName, 'Utilisation warning level, %')
            [CompletionResult]::new('--util-crit', '--util-crit', [CompletionResultType]::ParameterName, 'Utilisation critical level, %')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s (the default)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Alert after this many non-ok checks in a row (default: [alerts] for)')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Re-send a firing alert at most this often (default: [alerts] cooldown)')
            [CompletionResult]::new('--flap-high', '--flap-high', [CompletionResultType]::ParameterName, 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)')
            [CompletionResult]::new('--flap-low', '--flap-low', [CompletionResultType]::ParameterName, 'Flapping ends below this percent (default: [alerts] flap_low)')
            [CompletionResult]::new('--anomaly', '--anomaly', [CompletionResultType]::ParameterName, 'Flag figures this many deviations from their usual level, e.g. 4')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'false: write the monitor disabled')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A monitor this one waits for: not alerted or healed while it is not ok')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;add;help' {
            [CompletionResult]::new('cpu', 'cpu', [CompletionResultType]::ParameterValue, 'Total CPU use, %')
            [CompletionResult]::new('memory', 'memory', [CompletionResultType]::ParameterValue, 'Used memory and swap, %')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Load average per CPU')
            [CompletionResult]::new('disk', 'disk', [CompletionResultType]::ParameterValue, 'Space and inodes of one or every real filesystem, and when it will be full')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'Processes by name, command line, pidfile or systemd unit; restarts them')
            [CompletionResult]::new('heartbeat', 'heartbeat', [CompletionResultType]::ParameterValue, 'The age of a file''s mtime, of the last `hm ping`, or of an SQL timestamp')
            [CompletionResult]::new('tmux', 'tmux', [CompletionResultType]::ParameterValue, 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys')
            [CompletionResult]::new('sqlite', 'sqlite', [CompletionResultType]::ParameterValue, 'An SQLite database opens, takes a write lock in time, passes quick_check')
            [CompletionResult]::new('http', 'http', [CompletionResultType]::ParameterValue, 'An HTTP request: status, body and latency')
            [CompletionResult]::new('tcp', 'tcp', [CompletionResultType]::ParameterValue, 'A TCP connect to host:port, and its latency')
            [CompletionResult]::new('command', 'command', [CompletionResultType]::ParameterValue, 'Any Nagios plugin: the command after `--`; exit 0-3 is the status')
            [CompletionResult]::new('workspace', 'workspace', [CompletionResultType]::ParameterValue, 'A directory exists, is writable, holds its files, is not too big')
            [CompletionResult]::new('tasks', 'tasks', [CompletionResultType]::ParameterValue, 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`')
            [CompletionResult]::new('gpu', 'gpu', [CompletionResultType]::ParameterValue, 'Every NVIDIA GPU''s memory, temperature and utilisation (ok with a note when none)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hm;add;help;cpu' {
            break
        }
        'hm;add;help;memory' {
            break
        }
        'hm;add;help;load' {
            break
        }
        'hm;add;help;disk' {
            break
        }
        'hm;add;help;process' {
            break
        }
        'hm;add;help;heartbeat' {
            break
        }
        'hm;add;help;tmux' {
            break
        }
        'hm;add;help;sqlite' {
            break
        }
        'hm;add;help;http' {
            break
        }
        'hm;add;help;tcp' {
            break
        }
        'hm;add;help;command' {
            break
        }
        'hm;add;help;workspace' {
            break
        }
        'hm;add;help;tasks' {
            break
        }
        'hm;add;help;gpu' {
            break
        }
        'hm;add;help;help' {
            break
        }
        'hm;remove' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;restart-worker' {
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'A pool''s rolling restart: how many instances at a time, each batch verified before the next')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done, do nothing')
            [CompletionResult]::new('--reset', '--reset', [CompletionResultType]::ParameterName, 'Reset the automatic restart budget (after a crash loop), then restart')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;stop-worker' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done, do nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;start-worker' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done, do nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;clean-disk' {
            [CompletionResult]::new('--rule', '--rule', [CompletionResultType]::ParameterName, 'Only this configured rule')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'With PATHs: only files last modified longer ago than this')
            [CompletionResult]::new('--glob', '--glob', [CompletionResultType]::ParameterName, 'With PATHs: only file names matching this glob (repeatable; default: all)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be deleted, delete nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;clear-locks' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done, do nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;alerts' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Resolved alerts too (the latest 100), not only open ones')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Acknowledge an alert: no more repeats (a worse severity or a resolve is still sent)')
            [CompletionResult]::new('silence', 'silence', [CompletionResultType]::ParameterValue, 'Keep checking and recording a monitor, but notify nobody for a while')
            [CompletionResult]::new('unsilence', 'unsilence', [CompletionResultType]::ParameterValue, 'Lift a monitor''s silence')
            [CompletionResult]::new('outbox', 'outbox', [CompletionResultType]::ParameterValue, 'Show notifications waiting to be delivered, with the last error of each')
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Deliver every waiting notification now, ignoring retry backoff')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test notification through a channel, now')
            [CompletionResult]::new('maintenance', 'maintenance', [CompletionResultType]::ParameterValue, 'Start or stop an unplanned maintenance window: checked and recorded, nobody told')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hm;alerts;ack' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;alerts;silence' {
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'How long')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, shown by `hm alerts`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;alerts;unsilence' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;alerts;outbox' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Delivered notifications too')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;alerts;flush' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;alerts;test' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;alerts;maintenance' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Open a window now: the monitors named are checked and recorded, not alerted on, and not healed unless --heal')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'End the unplanned windows now (those naming NAMES, or all); what still fails then alerts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hm;alerts;maintenance;start' {
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'How long (1m to 7d)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--heal', '--heal', [CompletionResultType]::ParameterName, 'Heal inside the window (default: heals are held until it ends)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;alerts;maintenance;stop' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;alerts;maintenance;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Open a window now: the monitors named are checked and recorded, not alerted on, and not healed unless --heal')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'End the unplanned windows now (those naming NAMES, or all); what still fails then alerts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hm;alerts;maintenance;help;start' {
            break
        }
        'hm;alerts;maintenance;help;stop' {
            break
        }
        'hm;alerts;maintenance;help;help' {
            break
        }
        'hm;alerts;help' {
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Acknowledge an alert: no more repeats (a worse severity or a resolve is still sent)')
            [CompletionResult]::new('silence', 'silence', [CompletionResultType]::ParameterValue, 'Keep checking and recording a monitor, but notify nobody for a while')
            [CompletionResult]::new('unsilence', 'unsilence', [CompletionResultType]::ParameterValue, 'Lift a monitor''s silence')
            [CompletionResult]::new('outbox', 'outbox', [CompletionResultType]::ParameterValue, 'Show notifications waiting to be delivered, with the last error of each')
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Deliver every waiting notification now, ignoring retry backoff')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test notification through a channel, now')
            [CompletionResult]::new('maintenance', 'maintenance', [CompletionResultType]::ParameterValue, 'Start or stop an unplanned maintenance window: checked and recorded, nobody told')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hm;alerts;help;ack' {
            break
        }
        'hm;alerts;help;silence' {
            break
        }
        'hm;alerts;help;unsilence' {
            break
        }
        'hm;alerts;help;outbox' {
            break
        }
        'hm;alerts;help;flush' {
            break
        }
        'hm;alerts;help;test' {
            break
        }
        'hm;alerts;help;maintenance' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Open a window now: the monitors named are checked and recorded, not alerted on, and not healed unless --heal')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'End the unplanned windows now (those naming NAMES, or all); what still fails then alerts')
            break
        }
        'hm;alerts;help;maintenance;start' {
            break
        }
        'hm;alerts;help;maintenance;stop' {
            break
        }
        'hm;alerts;help;help' {
            break
        }
        'hm;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: prometheus, or json with --json]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file atomically (temp file + rename) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file atomically (temp file + rename) instead of stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;history' {
            [CompletionResult]::new('--metric', '--metric', [CompletionResultType]::ParameterName, 'Only this metric (default: all of the monitor''s)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back')
            [CompletionResult]::new('--points', '--points', [CompletionResultType]::ParameterName, 'At most this many points per metric (averaged over equal time buckets)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;run' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between the starts of two cycles, at least 100ms [default: `interval` in hm.toml, else 30s]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--heal', '--heal', [CompletionResultType]::ParameterName, 'Heal as well as check (`hm heal` each cycle)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between the starts of two cycles, at least 100ms [default: `interval` in hm.toml, else 30s]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--heal', '--heal', [CompletionResultType]::ParameterName, 'Heal as well as check (`hm heal` each cycle)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;actions' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back to look')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;why' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every death kept (the history), newest first')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;validate' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;completions' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write the scripts for every shell into this directory')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'config')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'db')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write hm.1 and one page per subcommand into this directory')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'config')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'db')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Run monitors now, record the results, print them')
            [CompletionResult]::new('heal', 'heal', [CompletionResultType]::ParameterValue, 'Check, apply the remedies the config allows, and check again')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the latest recorded result of each monitor')
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'Record a heartbeat (or a task''s outcome) for a heartbeat monitor')
            [CompletionResult]::new('monitor', 'monitor', [CompletionResultType]::ParameterValue, 'List, add or remove monitors in hm.toml')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List monitors (short for `hm monitor list`)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a monitor to hm.toml (short for `hm monitor add`)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a monitor from hm.toml (short for `hm monitor remove`)')
            [CompletionResult]::new('restart-worker', 'restart-worker', [CompletionResultType]::ParameterValue, 'Restart a process monitor''s worker now and check that it runs')
            [CompletionResult]::new('stop-worker', 'stop-worker', [CompletionResultType]::ParameterValue, 'Stop a process monitor''s worker and keep it down until hm start-worker')
            [CompletionResult]::new('start-worker', 'start-worker', [CompletionResultType]::ParameterValue, 'Start a stopped worker, check that it runs, and lift its hold')
            [CompletionResult]::new('clean-disk', 'clean-disk', [CompletionResultType]::ParameterValue, 'Delete old files by the [[clean]] rules of hm.toml, or in the given directories')
            [CompletionResult]::new('clear-locks', 'clear-locks', [CompletionResultType]::ParameterValue, 'Free stuck SQLite databases: checkpoint the WAL, roll back a hot journal')
            [CompletionResult]::new('alerts', 'alerts', [CompletionResultType]::ParameterValue, 'Show open alerts; acknowledge, silence, test channels, see the outbox')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the latest state for Prometheus, Nagios or scripts')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show a monitor''s recorded figures over time, with sparklines')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Check (and heal, with --heal) every interval, in the foreground')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the check loop and serve /health, /ready, /metrics, /status and a dashboard')
            [CompletionResult]::new('actions', 'actions', [CompletionResultType]::ParameterValue, 'Show what hm changed on the host (remedies applied)')
            [CompletionResult]::new('why', 'why', [CompletionResultType]::ParameterValue, 'Show why a worker died: cause, exit status or signal, OOM evidence, its log''s tail')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check hm.toml and report every error with its line and field')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hm;help;check' {
            break
        }
        'hm;help;heal' {
            break
        }
        'hm;help;status' {
            break
        }
        'hm;help;ping' {
            break
        }
        'hm;help;monitor' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List configured and embedded monitors')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a monitor to hm.toml, keeping its comments and order')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a monitor from hm.toml')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop checking and healing a monitor, leaving its worker as it is')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Check and heal a paused monitor again')
            break
        }
        'hm;help;monitor;list' {
            break
        }
        'hm;help;monitor;add' {
            [CompletionResult]::new('cpu', 'cpu', [CompletionResultType]::ParameterValue, 'Total CPU use, %')
            [CompletionResult]::new('memory', 'memory', [CompletionResultType]::ParameterValue, 'Used memory and swap, %')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Load average per CPU')
            [CompletionResult]::new('disk', 'disk', [CompletionResultType]::ParameterValue, 'Space and inodes of one or every real filesystem, and when it will be full')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'Processes by name, command line, pidfile or systemd unit; restarts them')
            [CompletionResult]::new('heartbeat', 'heartbeat', [CompletionResultType]::ParameterValue, 'The age of a file''s mtime, of the last `hm ping`, or of an SQL timestamp')
            [CompletionResult]::new('tmux', 'tmux', [CompletionResultType]::ParameterValue, 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys')
            [CompletionResult]::new('sqlite', 'sqlite', [CompletionResultType]::ParameterValue, 'An SQLite database opens, takes a write lock in time, passes quick_check')
            [CompletionResult]::new('http', 'http', [CompletionResultType]::ParameterValue, 'An HTTP request: status, body and latency')
            [CompletionResult]::new('tcp', 'tcp', [CompletionResultType]::ParameterValue, 'A TCP connect to host:port, and its latency')
            [CompletionResult]::new('command', 'command', [CompletionResultType]::ParameterValue, 'Any Nagios plugin: the command after `--`; exit 0-3 is the status')
            [CompletionResult]::new('workspace', 'workspace', [CompletionResultType]::ParameterValue, 'A directory exists, is writable, holds its files, is not too big')
            [CompletionResult]::new('tasks', 'tasks', [CompletionResultType]::ParameterValue, 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`')
            [CompletionResult]::new('gpu', 'gpu', [CompletionResultType]::ParameterValue, 'Every NVIDIA GPU''s memory, temperature and utilisation (ok with a note when none)')
            break
        }
        'hm;help;monitor;add;cpu' {
            break
        }
        'hm;help;monitor;add;memory' {
            break
        }
        'hm;help;monitor;add;load' {
            break
        }
        'hm;help;monitor;add;disk' {
            break
        }
        'hm;help;monitor;add;process' {
            break
        }
        'hm;help;monitor;add;heartbeat' {
            break
        }
        'hm;help;monitor;add;tmux' {
            break
        }
        'hm;help;monitor;add;sqlite' {
            break
        }
        'hm;help;monitor;add;http' {
            break
        }
        'hm;help;monitor;add;tcp' {
            break
        }
        'hm;help;monitor;add;command' {
            break
        }
        'hm;help;monitor;add;workspace' {
            break
        }
        'hm;help;monitor;add;tasks' {
            break
        }
        'hm;help;monitor;add;gpu' {
            break
        }
        'hm;help;monitor;remove' {
            break
        }
        'hm;help;monitor;pause' {
            break
        }
        'hm;help;monitor;resume' {
            break
        }
        'hm;help;list' {
            break
        }
        'hm;help;add' {
            [CompletionResult]::new('cpu', 'cpu', [CompletionResultType]::ParameterValue, 'Total CPU use, %')
            [CompletionResult]::new('memory', 'memory', [CompletionResultType]::ParameterValue, 'Used memory and swap, %')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Load average per CPU')
            [CompletionResult]::new('disk', 'disk', [CompletionResultType]::ParameterValue, 'Space and inodes of one or every real filesystem, and when it will be full')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'Processes by name, command line, pidfile or systemd unit; restarts them')
            [CompletionResult]::new('heartbeat', 'heartbeat', [CompletionResultType]::ParameterValue, 'The age of a file''s mtime, of the last `hm ping`, or of an SQL timestamp')
            [CompletionResult]::new('tmux', 'tmux', [CompletionResultType]::ParameterValue, 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys')
            [CompletionResult]::new('sqlite', 'sqlite', [CompletionResultType]::ParameterValue, 'An SQLite database opens, takes a write lock in time, passes quick_check')
            [CompletionResult]::new('http', 'http', [CompletionResultType]::ParameterValue, 'An HTTP request: status, body and latency')
            [CompletionResult]::new('tcp', 'tcp', [CompletionResultType]::ParameterValue, 'A TCP connect to host:port, and its latency')
            [CompletionResult]::new('command', 'command', [CompletionResultType]::ParameterValue, 'Any Nagios plugin: the command after `--`; exit 0-3 is the status')
            [CompletionResult]::new('workspace', 'workspace', [CompletionResultType]::ParameterValue, 'A directory exists, is writable, holds its files, is not too big')
            [CompletionResult]::new('tasks', 'tasks', [CompletionResultType]::ParameterValue, 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`')
            [CompletionResult]::new('gpu', 'gpu', [CompletionResultType]::ParameterValue, 'Every NVIDIA GPU''s memory, temperature and utilisation (ok with a note when none)')
            break
        }
        'hm;help;add;cpu' {
            break
        }
        'hm;help;add;memory' {
            break
        }
        'hm;help;add;load' {
            break
        }
        'hm;help;add;disk' {
            break
        }
        'hm;help;add;process' {
            break
        }
        'hm;help;add;heartbeat' {
            break
        }
        'hm;help;add;tmux' {
            break
        }
        'hm;help;add;sqlite' {
            break
        }
        'hm;help;add;http' {
            break
        }
        'hm;help;add;tcp' {
            break
        }
        'hm;help;add;command' {
            break
        }
        'hm;help;add;workspace' {
            break
        }
        'hm;help;add;tasks' {
            break
        }
        'hm;help;add;gpu' {
            break
        }
        'hm;help;remove' {
            break
        }
        'hm;help;restart-worker' {
            break
        }
        'hm;help;stop-worker' {
            break
        }
        'hm;help;start-worker' {
            break
        }
        'hm;help;clean-disk' {
            break
        }
        'hm;help;clear-locks' {
            break
        }
        'hm;help;alerts' {
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Acknowledge an alert: no more repeats (a worse severity or a resolve is still sent)')
            [CompletionResult]::new('silence', 'silence', [CompletionResultType]::ParameterValue, 'Keep checking and recording a monitor, but notify nobody for a while')
            [CompletionResult]::new('unsilence', 'unsilence', [CompletionResultType]::ParameterValue, 'Lift a monitor''s silence')
            [CompletionResult]::new('outbox', 'outbox', [CompletionResultType]::ParameterValue, 'Show notifications waiting to be delivered, with the last error of each')
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Deliver every waiting notification now, ignoring retry backoff')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test notification through a channel, now')
            [CompletionResult]::new('maintenance', 'maintenance', [CompletionResultType]::ParameterValue, 'Start or stop an unplanned maintenance window: checked and recorded, nobody told')
            break
        }
        'hm;help;alerts;ack' {
            break
        }
        'hm;help;alerts;silence' {
            break
        }
        'hm;help;alerts;unsilence' {
            break
        }
        'hm;help;alerts;outbox' {
            break
        }
        'hm;help;alerts;flush' {
            break
        }
        'hm;help;alerts;test' {
            break
        }
        'hm;help;alerts;maintenance' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Open a window now: the monitors named are checked and recorded, not alerted on, and not healed unless --heal')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'End the unplanned windows now (those naming NAMES, or all); what still fails then alerts')
            break
        }
        'hm;help;alerts;maintenance;start' {
            break
        }
        'hm;help;alerts;maintenance;stop' {
            break
        }
        'hm;help;export' {
            break
        }
        'hm;help;history' {
            break
        }
        'hm;help;run' {
            break
        }
        'hm;help;serve' {
            break
        }
        'hm;help;actions' {
            break
        }
        'hm;help;why' {
            break
        }
        'hm;help;validate' {
            break
        }
        'hm;help;completions' {
            break
        }
        'hm;help;man' {
            break
        }
        'hm;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
