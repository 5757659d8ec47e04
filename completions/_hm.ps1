
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
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
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
            [CompletionResult]::new('clean-disk', 'clean-disk', [CompletionResultType]::ParameterValue, 'Delete old files by the [[clean]] rules of hm.toml, or in the given directories')
            [CompletionResult]::new('clear-locks', 'clear-locks', [CompletionResultType]::ParameterValue, 'Free stuck SQLite databases: checkpoint the WAL, roll back a hot journal')
            [CompletionResult]::new('alerts', 'alerts', [CompletionResultType]::ParameterValue, 'Show open alerts; acknowledge, silence, test channels, see the outbox')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the latest state for Prometheus, Nagios or scripts')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show a monitor''s recorded figures over time, with sparklines')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Check (and heal, with --heal) every interval, in the foreground')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the check loop and serve /health, /ready, /metrics, /status and a dashboard')
            [CompletionResult]::new('actions', 'actions', [CompletionResultType]::ParameterValue, 'Show what hm changed on the host (remedies applied)')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check hm.toml and report every error with its line and field')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hm;check' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;heal' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done, do nothing: nothing is recorded and no alert is raised or sent')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;status' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;ping' {
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'How long the task took, e.g. 12.5 or 2m')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--ok', '--ok', [CompletionResultType]::ParameterName, 'The task succeeded (the default)')
            [CompletionResult]::new('--fail', '--fail', [CompletionResultType]::ParameterName, 'The task failed')
            [CompletionResult]::new('--create', '--create', [CompletionResultType]::ParameterName, 'Record it even though no monitor reads this ping yet (without it, an unknown name is an error: a typo in a cron job shows at once)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List configured and embedded monitors')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a monitor to hm.toml, keeping its comments and order')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a monitor from hm.toml')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hm;monitor;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;add' {
            [CompletionResult]::new('--pattern', '--pattern', [CompletionResultType]::ParameterName, 'process: regex over the full command line')
            [CompletionResult]::new('--process', '--process', [CompletionResultType]::ParameterName, 'process: exact process name')
            [CompletionResult]::new('--pidfile', '--pidfile', [CompletionResultType]::ParameterName, 'process: file holding the pid')
            [CompletionResult]::new('--unit', '--unit', [CompletionResultType]::ParameterName, 'process: systemd unit')
            [CompletionResult]::new('--min', '--min', [CompletionResultType]::ParameterName, 'process: minimum number running (default 1)')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'process: maximum number running')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warning threshold (a number, or a duration for heartbeat)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Critical threshold (a number, or a duration for heartbeat)')
            [CompletionResult]::new('--cpu-warn', '--cpu-warn', [CompletionResultType]::ParameterName, 'process: per-process CPU % warning level')
            [CompletionResult]::new('--cpu-crit', '--cpu-crit', [CompletionResultType]::ParameterName, 'process: per-process CPU % critical level')
            [CompletionResult]::new('--rss-warn', '--rss-warn', [CompletionResultType]::ParameterName, 'process: per-process resident memory warning level, e.g. 512MiB')
            [CompletionResult]::new('--rss-crit', '--rss-crit', [CompletionResultType]::ParameterName, 'process: per-process resident memory critical level')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'process: the command `hm heal` and `hm restart-worker` start the worker with, split into words like a shell would (quotes work; no pipes, `&&` or variables unless --shell)')
            [CompletionResult]::new('--stop', '--stop', [CompletionResultType]::ParameterName, 'process: the command that stops the worker (default: SIGTERM, then SIGKILL after `grace`)')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'process: the file the started worker''s stdout and stderr go to')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'heartbeat: a file whose modification time is the heartbeat')
            [CompletionResult]::new('--ping', '--ping', [CompletionResultType]::ParameterName, 'heartbeat: the `hm ping` name (default: the monitor''s name)')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'disk: only the filesystem holding this path')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'process: run --start and --stop with /bin/sh -c')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;monitor;remove' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
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
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hm;monitor;help;list' {
            break
        }
        'hm;monitor;help;add' {
            break
        }
        'hm;monitor;help;remove' {
            break
        }
        'hm;monitor;help;help' {
            break
        }
        'hm;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;add' {
            [CompletionResult]::new('--pattern', '--pattern', [CompletionResultType]::ParameterName, 'process: regex over the full command line')
            [CompletionResult]::new('--process', '--process', [CompletionResultType]::ParameterName, 'process: exact process name')
            [CompletionResult]::new('--pidfile', '--pidfile', [CompletionResultType]::ParameterName, 'process: file holding the pid')
            [CompletionResult]::new('--unit', '--unit', [CompletionResultType]::ParameterName, 'process: systemd unit')
            [CompletionResult]::new('--min', '--min', [CompletionResultType]::ParameterName, 'process: minimum number running (default 1)')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'process: maximum number running')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warning threshold (a number, or a duration for heartbeat)')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'Critical threshold (a number, or a duration for heartbeat)')
            [CompletionResult]::new('--cpu-warn', '--cpu-warn', [CompletionResultType]::ParameterName, 'process: per-process CPU % warning level')
            [CompletionResult]::new('--cpu-crit', '--cpu-crit', [CompletionResultType]::ParameterName, 'process: per-process CPU % critical level')
            [CompletionResult]::new('--rss-warn', '--rss-warn', [CompletionResultType]::ParameterName, 'process: per-process resident memory warning level, e.g. 512MiB')
            [CompletionResult]::new('--rss-crit', '--rss-crit', [CompletionResultType]::ParameterName, 'process: per-process resident memory critical level')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'process: the command `hm heal` and `hm restart-worker` start the worker with, split into words like a shell would (quotes work; no pipes, `&&` or variables unless --shell)')
            [CompletionResult]::new('--stop', '--stop', [CompletionResultType]::ParameterName, 'process: the command that stops the worker (default: SIGTERM, then SIGKILL after `grace`)')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'process: the file the started worker''s stdout and stderr go to')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'heartbeat: a file whose modification time is the heartbeat')
            [CompletionResult]::new('--ping', '--ping', [CompletionResultType]::ParameterName, 'heartbeat: the `hm ping` name (default: the monitor''s name)')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'disk: only the filesystem holding this path')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Check timeout, e.g. 10s')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note for people')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'process: run --start and --stop with /bin/sh -c')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;remove' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;restart-worker' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done, do nothing')
            [CompletionResult]::new('--reset', '--reset', [CompletionResultType]::ParameterName, 'Reset the restart budget (after hm gave up), then restart')
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
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be deleted, delete nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;clear-locks' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done, do nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;alerts' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
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
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hm;alerts;ack' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
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
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;alerts;unsilence' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;alerts;outbox' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Delivered notifications too')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;alerts;flush' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;alerts;test' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;alerts;help' {
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Acknowledge an alert: no more repeats (a worse severity or a resolve is still sent)')
            [CompletionResult]::new('silence', 'silence', [CompletionResultType]::ParameterValue, 'Keep checking and recording a monitor, but notify nobody for a while')
            [CompletionResult]::new('unsilence', 'unsilence', [CompletionResultType]::ParameterValue, 'Lift a monitor''s silence')
            [CompletionResult]::new('outbox', 'outbox', [CompletionResultType]::ParameterValue, 'Show notifications waiting to be delivered, with the last error of each')
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Deliver every waiting notification now, ignoring retry backoff')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test notification through a channel, now')
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
        'hm;alerts;help;help' {
            break
        }
        'hm;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: prometheus, or json with --json]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file atomically (temp file + rename) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file atomically (temp file + rename) instead of stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
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
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;run' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between the starts of two cycles, at least 100ms [default: `interval` in hm.toml, else 30s]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
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
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
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
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;validate' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;completions' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write the scripts for every shell into this directory')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hm;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write hm.1 and one page per subcommand into this directory')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of a table')
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
            [CompletionResult]::new('clean-disk', 'clean-disk', [CompletionResultType]::ParameterValue, 'Delete old files by the [[clean]] rules of hm.toml, or in the given directories')
            [CompletionResult]::new('clear-locks', 'clear-locks', [CompletionResultType]::ParameterValue, 'Free stuck SQLite databases: checkpoint the WAL, roll back a hot journal')
            [CompletionResult]::new('alerts', 'alerts', [CompletionResultType]::ParameterValue, 'Show open alerts; acknowledge, silence, test channels, see the outbox')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the latest state for Prometheus, Nagios or scripts')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show a monitor''s recorded figures over time, with sparklines')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Check (and heal, with --heal) every interval, in the foreground')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the check loop and serve /health, /ready, /metrics, /status and a dashboard')
            [CompletionResult]::new('actions', 'actions', [CompletionResultType]::ParameterValue, 'Show what hm changed on the host (remedies applied)')
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
            break
        }
        'hm;help;monitor;list' {
            break
        }
        'hm;help;monitor;add' {
            break
        }
        'hm;help;monitor;remove' {
            break
        }
        'hm;help;list' {
            break
        }
        'hm;help;add' {
            break
        }
        'hm;help;remove' {
            break
        }
        'hm;help;restart-worker' {
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
