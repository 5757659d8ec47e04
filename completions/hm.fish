# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hm_global_optspecs
    string join \n config= db= json h/help V/version
end

function __fish_hm_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_hm_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_hm_using_subcommand
    set -l cmd (__fish_hm_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c hm -n "__fish_hm_needs_command" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_needs_command" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_needs_command" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_needs_command" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_needs_command" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_needs_command" -f -a "check" -d 'Run monitors now, record the results, print them'
complete -c hm -n "__fish_hm_needs_command" -f -a "heal" -d 'Check, apply the remedies the config allows, and check again'
complete -c hm -n "__fish_hm_needs_command" -f -a "status" -d 'Show the latest recorded result of each monitor'
complete -c hm -n "__fish_hm_needs_command" -f -a "ping" -d 'Record a heartbeat (or a task\'s outcome) for a heartbeat monitor'
complete -c hm -n "__fish_hm_needs_command" -f -a "monitor" -d 'List, add or remove monitors in hm.toml'
complete -c hm -n "__fish_hm_needs_command" -f -a "list" -d 'List monitors (short for `hm monitor list`)'
complete -c hm -n "__fish_hm_needs_command" -f -a "add" -d 'Add a monitor to hm.toml (short for `hm monitor add`)'
complete -c hm -n "__fish_hm_needs_command" -f -a "remove" -d 'Remove a monitor from hm.toml (short for `hm monitor remove`)'
complete -c hm -n "__fish_hm_needs_command" -f -a "restart-worker" -d 'Restart a process monitor\'s worker now and check that it runs'
complete -c hm -n "__fish_hm_needs_command" -f -a "clean-disk" -d 'Delete old files by the [[clean]] rules of hm.toml, or in the given directories'
complete -c hm -n "__fish_hm_needs_command" -f -a "clear-locks" -d 'Free stuck SQLite databases: checkpoint the WAL, roll back a hot journal'
complete -c hm -n "__fish_hm_needs_command" -f -a "alerts" -d 'Show open alerts; acknowledge, silence, test channels, see the outbox'
complete -c hm -n "__fish_hm_needs_command" -f -a "export" -d 'Print the latest state for Prometheus, Nagios or scripts'
complete -c hm -n "__fish_hm_needs_command" -f -a "history" -d 'Show a monitor\'s recorded figures over time, with sparklines'
complete -c hm -n "__fish_hm_needs_command" -f -a "run" -d 'Check (and heal, with --heal) every interval, in the foreground'
complete -c hm -n "__fish_hm_needs_command" -f -a "serve" -d 'Run the check loop and serve /health, /ready, /metrics, /status and a dashboard'
complete -c hm -n "__fish_hm_needs_command" -f -a "actions" -d 'Show what hm changed on the host (remedies applied)'
complete -c hm -n "__fish_hm_needs_command" -f -a "validate" -d 'Check hm.toml and report every error with its line and field'
complete -c hm -n "__fish_hm_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c hm -n "__fish_hm_needs_command" -f -a "man" -d 'Print the man page'
complete -c hm -n "__fish_hm_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hm -n "__fish_hm_using_subcommand check" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand check" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand check" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand check" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand check" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand heal" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand heal" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand heal" -l dry-run -d 'Show what would be done, do nothing: nothing is recorded and no alert is raised or sent'
complete -c hm -n "__fish_hm_using_subcommand heal" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand heal" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand heal" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand status" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand status" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand status" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand status" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand status" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand ping" -l duration -d 'How long the task took, e.g. 12.5 or 2m' -r
complete -c hm -n "__fish_hm_using_subcommand ping" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand ping" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand ping" -l ok -d 'The task succeeded (the default)'
complete -c hm -n "__fish_hm_using_subcommand ping" -l fail -d 'The task failed'
complete -c hm -n "__fish_hm_using_subcommand ping" -l create -d 'Record it even though no monitor reads this ping yet (without it, an unknown name is an error: a typo in a cron job shows at once)'
complete -c hm -n "__fish_hm_using_subcommand ping" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand ping" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand ping" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove help" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove help" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove help" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove help" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove help" -f -a "list" -d 'List configured and embedded monitors'
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove help" -f -a "add" -d 'Add a monitor to hm.toml, keeping its comments and order'
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove help" -f -a "remove" -d 'Remove a monitor from hm.toml'
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from list" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l pattern -d 'process: regex over the full command line' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l process -d 'process: exact process name' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l pidfile -d 'process: file holding the pid' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l unit -d 'process: systemd unit' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l min -d 'process: minimum number running (default 1)' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l max -d 'process: maximum number running' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l warn -d 'Warning threshold (a number, or a duration for heartbeat)' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l crit -d 'Critical threshold (a number, or a duration for heartbeat)' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l cpu-warn -d 'process: per-process CPU % warning level' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l cpu-crit -d 'process: per-process CPU % critical level' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l rss-warn -d 'process: per-process resident memory warning level, e.g. 512MiB' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l rss-crit -d 'process: per-process resident memory critical level' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l start -d 'process: the command `hm heal` and `hm restart-worker` start the worker with, split into words like a shell would (quotes work; no pipes, `&&` or variables unless --shell)' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l stop -d 'process: the command that stops the worker (default: SIGTERM, then SIGKILL after `grace`)' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l log -d 'process: the file the started worker\'s stdout and stderr go to' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l file -d 'heartbeat: a file whose modification time is the heartbeat' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l ping -d 'heartbeat: the `hm ping` name (default: the monitor\'s name)' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l path -d 'disk: only the filesystem holding this path' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l timeout -d 'Check timeout, e.g. 10s' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l description -d 'A note for people' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l shell -d 'process: run --start and --stop with /bin/sh -c'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from remove" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from remove" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from remove" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "list" -d 'List configured and embedded monitors'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a monitor to hm.toml, keeping its comments and order'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a monitor from hm.toml'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hm -n "__fish_hm_using_subcommand list" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand list" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand list" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand list" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand list" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add" -l pattern -d 'process: regex over the full command line' -r
complete -c hm -n "__fish_hm_using_subcommand add" -l process -d 'process: exact process name' -r
complete -c hm -n "__fish_hm_using_subcommand add" -l pidfile -d 'process: file holding the pid' -r -F
complete -c hm -n "__fish_hm_using_subcommand add" -l unit -d 'process: systemd unit' -r
complete -c hm -n "__fish_hm_using_subcommand add" -l min -d 'process: minimum number running (default 1)' -r
complete -c hm -n "__fish_hm_using_subcommand add" -l max -d 'process: maximum number running' -r
complete -c hm -n "__fish_hm_using_subcommand add" -l warn -d 'Warning threshold (a number, or a duration for heartbeat)' -r
complete -c hm -n "__fish_hm_using_subcommand add" -l crit -d 'Critical threshold (a number, or a duration for heartbeat)' -r
complete -c hm -n "__fish_hm_using_subcommand add" -l cpu-warn -d 'process: per-process CPU % warning level' -r
complete -c hm -n "__fish_hm_using_subcommand add" -l cpu-crit -d 'process: per-process CPU % critical level' -r
complete -c hm -n "__fish_hm_using_subcommand add" -l rss-warn -d 'process: per-process resident memory warning level, e.g. 512MiB' -r
complete -c hm -n "__fish_hm_using_subcommand add" -l rss-crit -d 'process: per-process resident memory critical level' -r
complete -c hm -n "__fish_hm_using_subcommand add" -l start -d 'process: the command `hm heal` and `hm restart-worker` start the worker with, split into words like a shell would (quotes work; no pipes, `&&` or variables unless --shell)' -r
complete -c hm -n "__fish_hm_using_subcommand add" -l stop -d 'process: the command that stops the worker (default: SIGTERM, then SIGKILL after `grace`)' -r
complete -c hm -n "__fish_hm_using_subcommand add" -l log -d 'process: the file the started worker\'s stdout and stderr go to' -r -F
complete -c hm -n "__fish_hm_using_subcommand add" -l file -d 'heartbeat: a file whose modification time is the heartbeat' -r -F
complete -c hm -n "__fish_hm_using_subcommand add" -l ping -d 'heartbeat: the `hm ping` name (default: the monitor\'s name)' -r
complete -c hm -n "__fish_hm_using_subcommand add" -l path -d 'disk: only the filesystem holding this path' -r -F
complete -c hm -n "__fish_hm_using_subcommand add" -l timeout -d 'Check timeout, e.g. 10s' -r
complete -c hm -n "__fish_hm_using_subcommand add" -l description -d 'A note for people' -r
complete -c hm -n "__fish_hm_using_subcommand add" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add" -l shell -d 'process: run --start and --stop with /bin/sh -c'
complete -c hm -n "__fish_hm_using_subcommand add" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand add" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand add" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand remove" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand remove" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand remove" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand remove" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand remove" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand restart-worker" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand restart-worker" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand restart-worker" -l dry-run -d 'Show what would be done, do nothing'
complete -c hm -n "__fish_hm_using_subcommand restart-worker" -l reset -d 'Reset the restart budget (after hm gave up), then restart'
complete -c hm -n "__fish_hm_using_subcommand restart-worker" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand restart-worker" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand restart-worker" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -l rule -d 'Only this configured rule' -r
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -l older-than -d 'With PATHs: only files last modified longer ago than this' -r
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -l glob -d 'With PATHs: only file names matching this glob (repeatable; default: all)' -r
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -l dry-run -d 'List what would be deleted, delete nothing'
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand clear-locks" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand clear-locks" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand clear-locks" -l dry-run -d 'Show what would be done, do nothing'
complete -c hm -n "__fish_hm_using_subcommand clear-locks" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand clear-locks" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand clear-locks" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test help" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test help" -l all -d 'Resolved alerts too (the latest 100), not only open ones'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test help" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test help" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test help" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test help" -f -a "ack" -d 'Acknowledge an alert: no more repeats (a worse severity or a resolve is still sent)'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test help" -f -a "silence" -d 'Keep checking and recording a monitor, but notify nobody for a while'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test help" -f -a "unsilence" -d 'Lift a monitor\'s silence'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test help" -f -a "outbox" -d 'Show notifications waiting to be delivered, with the last error of each'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test help" -f -a "flush" -d 'Deliver every waiting notification now, ignoring retry backoff'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test help" -f -a "test" -d 'Send a test notification through a channel, now'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from ack" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from ack" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from ack" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from ack" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from ack" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from silence" -l for -d 'How long' -r
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from silence" -l reason -d 'Why, shown by `hm alerts`' -r
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from silence" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from silence" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from silence" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from silence" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from silence" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from unsilence" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from unsilence" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from unsilence" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from unsilence" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from unsilence" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from outbox" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from outbox" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from outbox" -l all -d 'Delivered notifications too'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from outbox" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from outbox" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from outbox" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from flush" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from flush" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from flush" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from flush" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from flush" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from test" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from test" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from test" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "ack" -d 'Acknowledge an alert: no more repeats (a worse severity or a resolve is still sent)'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "silence" -d 'Keep checking and recording a monitor, but notify nobody for a while'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "unsilence" -d 'Lift a monitor\'s silence'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "outbox" -d 'Show notifications waiting to be delivered, with the last error of each'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "flush" -d 'Deliver every waiting notification now, ignoring retry backoff'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "test" -d 'Send a test notification through a channel, now'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hm -n "__fish_hm_using_subcommand export" -l format -d 'Output format [default: prometheus, or json with --json]' -r -f -a "prometheus\t'Prometheus text exposition (node_exporter\'s textfile collector)'
json\t'The status snapshot as JSON'
nagios\t'One Nagios plugin line with perfdata; the exit code is the status'"
complete -c hm -n "__fish_hm_using_subcommand export" -s o -l output -d 'Write to this file atomically (temp file + rename) instead of stdout' -r -F
complete -c hm -n "__fish_hm_using_subcommand export" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand export" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand export" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hm -n "__fish_hm_using_subcommand export" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand history" -l metric -d 'Only this metric (default: all of the monitor\'s)' -r
complete -c hm -n "__fish_hm_using_subcommand history" -l since -d 'How far back' -r
complete -c hm -n "__fish_hm_using_subcommand history" -l points -d 'At most this many points per metric (averaged over equal time buckets)' -r
complete -c hm -n "__fish_hm_using_subcommand history" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand history" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand history" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand history" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand history" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand run" -l interval -d 'Time between the starts of two cycles, at least 100ms [default: `interval` in hm.toml, else 30s]' -r
complete -c hm -n "__fish_hm_using_subcommand run" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand run" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand run" -l heal -d 'Heal as well as check (`hm heal` each cycle)'
complete -c hm -n "__fish_hm_using_subcommand run" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand run" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand run" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand serve" -l listen -d 'Address to listen on' -r
complete -c hm -n "__fish_hm_using_subcommand serve" -l interval -d 'Time between the starts of two cycles, at least 100ms [default: `interval` in hm.toml, else 30s]' -r
complete -c hm -n "__fish_hm_using_subcommand serve" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand serve" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand serve" -l heal -d 'Heal as well as check (`hm heal` each cycle)'
complete -c hm -n "__fish_hm_using_subcommand serve" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand serve" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand serve" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand actions" -l since -d 'How far back to look' -r
complete -c hm -n "__fish_hm_using_subcommand actions" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand actions" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand actions" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand actions" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand actions" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand validate" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand validate" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand validate" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand validate" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand validate" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand completions" -l dir -d 'Write the scripts for every shell into this directory' -r -F
complete -c hm -n "__fish_hm_using_subcommand completions" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand completions" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand completions" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand completions" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand completions" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand man" -l dir -d 'Write hm.1 and one page per subcommand into this directory' -r -F
complete -c hm -n "__fish_hm_using_subcommand man" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand man" -l db -d 'Database file [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand man" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand man" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand man" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "check" -d 'Run monitors now, record the results, print them'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "heal" -d 'Check, apply the remedies the config allows, and check again'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "status" -d 'Show the latest recorded result of each monitor'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "ping" -d 'Record a heartbeat (or a task\'s outcome) for a heartbeat monitor'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "monitor" -d 'List, add or remove monitors in hm.toml'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "list" -d 'List monitors (short for `hm monitor list`)'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "add" -d 'Add a monitor to hm.toml (short for `hm monitor add`)'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "remove" -d 'Remove a monitor from hm.toml (short for `hm monitor remove`)'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "restart-worker" -d 'Restart a process monitor\'s worker now and check that it runs'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "clean-disk" -d 'Delete old files by the [[clean]] rules of hm.toml, or in the given directories'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "clear-locks" -d 'Free stuck SQLite databases: checkpoint the WAL, roll back a hot journal'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "alerts" -d 'Show open alerts; acknowledge, silence, test channels, see the outbox'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "export" -d 'Print the latest state for Prometheus, Nagios or scripts'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "history" -d 'Show a monitor\'s recorded figures over time, with sparklines'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "run" -d 'Check (and heal, with --heal) every interval, in the foreground'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "serve" -d 'Run the check loop and serve /health, /ready, /metrics, /status and a dashboard'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "actions" -d 'Show what hm changed on the host (remedies applied)'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "validate" -d 'Check hm.toml and report every error with its line and field'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "man" -d 'Print the man page'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker clean-disk clear-locks alerts export history run serve actions validate completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "list" -d 'List configured and embedded monitors'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "add" -d 'Add a monitor to hm.toml, keeping its comments and order'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "remove" -d 'Remove a monitor from hm.toml'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "ack" -d 'Acknowledge an alert: no more repeats (a worse severity or a resolve is still sent)'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "silence" -d 'Keep checking and recording a monitor, but notify nobody for a while'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "unsilence" -d 'Lift a monitor\'s silence'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "outbox" -d 'Show notifications waiting to be delivered, with the last error of each'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "flush" -d 'Deliver every waiting notification now, ignoring retry backoff'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "test" -d 'Send a test notification through a channel, now'
