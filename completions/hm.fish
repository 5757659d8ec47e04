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

complete -c hm -n "__fish_hm_needs_command" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_needs_command" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
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
complete -c hm -n "__fish_hm_needs_command" -f -a "stop-worker" -d 'Stop a process monitor\'s worker and keep it down until hm start-worker'
complete -c hm -n "__fish_hm_needs_command" -f -a "start-worker" -d 'Start a stopped worker, check that it runs, and lift its hold'
complete -c hm -n "__fish_hm_needs_command" -f -a "clean-disk" -d 'Delete old files by the [[clean]] rules of hm.toml, or in the given directories'
complete -c hm -n "__fish_hm_needs_command" -f -a "clear-locks" -d 'Free stuck SQLite databases: checkpoint the WAL, roll back a hot journal'
complete -c hm -n "__fish_hm_needs_command" -f -a "alerts" -d 'Show open alerts; acknowledge, silence, test channels, see the outbox'
complete -c hm -n "__fish_hm_needs_command" -f -a "export" -d 'Print the latest state for Prometheus, Nagios or scripts'
complete -c hm -n "__fish_hm_needs_command" -f -a "history" -d 'Show a monitor\'s recorded figures over time, with sparklines'
complete -c hm -n "__fish_hm_needs_command" -f -a "run" -d 'Check (and heal, with --heal) every interval, in the foreground'
complete -c hm -n "__fish_hm_needs_command" -f -a "serve" -d 'Run the check loop and serve /health, /ready, /metrics, /status and a dashboard'
complete -c hm -n "__fish_hm_needs_command" -f -a "actions" -d 'Show what hm changed on the host (remedies applied)'
complete -c hm -n "__fish_hm_needs_command" -f -a "why" -d 'Show why a worker died: cause, exit status or signal, OOM evidence, its log\'s tail'
complete -c hm -n "__fish_hm_needs_command" -f -a "validate" -d 'Check hm.toml and report every error with its line and field'
complete -c hm -n "__fish_hm_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c hm -n "__fish_hm_needs_command" -f -a "man" -d 'Print the man page'
complete -c hm -n "__fish_hm_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hm -n "__fish_hm_using_subcommand check" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand check" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand check" -l all -d 'Show each instance of a pool (instances = N) on its own row, not the pool\'s one row'
complete -c hm -n "__fish_hm_using_subcommand check" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand check" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand check" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand heal" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand heal" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand heal" -l dry-run -d 'Show what would be done, do nothing: nothing is recorded and no alert is raised or sent'
complete -c hm -n "__fish_hm_using_subcommand heal" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand heal" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand heal" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand status" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand status" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand status" -l all -d 'Show each instance of a pool (instances = N) on its own row, not the pool\'s one row'
complete -c hm -n "__fish_hm_using_subcommand status" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand status" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand status" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand ping" -l duration -d 'How long the task took, e.g. 12.5 or 2m' -r
complete -c hm -n "__fish_hm_using_subcommand ping" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand ping" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand ping" -l ok -d 'The task succeeded (the default)'
complete -c hm -n "__fish_hm_using_subcommand ping" -l fail -d 'The task failed'
complete -c hm -n "__fish_hm_using_subcommand ping" -l start -d 'The task began: the ping that ends it (ok or --fail, without --duration) gets the time since as its duration'
complete -c hm -n "__fish_hm_using_subcommand ping" -l create -d 'Record it even though no monitor reads this ping yet (without it, an unknown name is an error: a typo in a cron job shows at once)'
complete -c hm -n "__fish_hm_using_subcommand ping" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand ping" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand ping" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove pause resume help" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove pause resume help" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove pause resume help" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove pause resume help" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove pause resume help" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove pause resume help" -f -a "list" -d 'List configured and embedded monitors'
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove pause resume help" -f -a "add" -d 'Add a monitor to hm.toml, keeping its comments and order'
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove pause resume help" -f -a "remove" -d 'Remove a monitor from hm.toml'
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove pause resume help" -f -a "pause" -d 'Stop checking and healing a monitor, leaving its worker as it is'
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove pause resume help" -f -a "resume" -d 'Check and heal a paused monitor again'
complete -c hm -n "__fish_hm_using_subcommand monitor; and not __fish_seen_subcommand_from list add remove pause resume help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from list" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from list" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -f -a "cpu" -d 'Total CPU use, %'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -f -a "memory" -d 'Used memory and swap, %'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -f -a "load" -d 'Load average per CPU'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -f -a "disk" -d 'Space and inodes of one or every real filesystem, and when it will be full'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -f -a "process" -d 'Processes by name, command line, pidfile or systemd unit; restarts them'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -f -a "heartbeat" -d 'The age of a file\'s mtime, of the last `hm ping`, or of an SQL timestamp'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -f -a "tmux" -d 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -f -a "sqlite" -d 'An SQLite database opens, takes a write lock in time, passes quick_check'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -f -a "http" -d 'An HTTP request: status, body and latency'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -f -a "tcp" -d 'A TCP connect to host:port, and its latency'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -f -a "command" -d 'Any Nagios plugin: the command after `--`; exit 0-3 is the status'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -f -a "workspace" -d 'A directory exists, is writable, holds its files, is not too big'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -f -a "tasks" -d 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -f -a "gpu" -d 'Every NVIDIA GPU\'s memory, temperature and utilisation (ok with a note when none)'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from add" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from remove" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from remove" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from remove" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from pause" -l for -d 'For this long, then it is checked again (default: until resumed)' -r
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from pause" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from pause" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from pause" -l dry-run -d 'Show what would be done, do nothing'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from pause" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from resume" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from resume" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from resume" -l dry-run -d 'Show what would be done, do nothing'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from resume" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "list" -d 'List configured and embedded monitors'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a monitor to hm.toml, keeping its comments and order'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a monitor from hm.toml'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Stop checking and healing a monitor, leaving its worker as it is'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Check and heal a paused monitor again'
complete -c hm -n "__fish_hm_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hm -n "__fish_hm_using_subcommand list" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand list" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand list" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand list" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand list" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -f -a "cpu" -d 'Total CPU use, %'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -f -a "memory" -d 'Used memory and swap, %'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -f -a "load" -d 'Load average per CPU'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -f -a "disk" -d 'Space and inodes of one or every real filesystem, and when it will be full'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -f -a "process" -d 'Processes by name, command line, pidfile or systemd unit; restarts them'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -f -a "heartbeat" -d 'The age of a file\'s mtime, of the last `hm ping`, or of an SQL timestamp'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -f -a "tmux" -d 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -f -a "sqlite" -d 'An SQLite database opens, takes a write lock in time, passes quick_check'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -f -a "http" -d 'An HTTP request: status, body and latency'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -f -a "tcp" -d 'A TCP connect to host:port, and its latency'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -f -a "command" -d 'Any Nagios plugin: the command after `--`; exit 0-3 is the status'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -f -a "workspace" -d 'A directory exists, is writable, holds its files, is not too big'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -f -a "tasks" -d 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -f -a "gpu" -d 'Every NVIDIA GPU\'s memory, temperature and utilisation (ok with a note when none)'
complete -c hm -n "__fish_hm_using_subcommand add; and not __fish_seen_subcommand_from cpu memory load disk process heartbeat tmux sqlite http tcp command workspace tasks gpu help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from cpu" -l warn -d 'Warning level, % of all CPUs (default 80, or [thresholds])' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from cpu" -l crit -d 'Critical level, % (default 95)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from cpu" -l description -d 'A note for people' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from cpu" -l timeout -d 'Check timeout, e.g. 10s (the default)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from cpu" -l for -d 'Alert after this many non-ok checks in a row (default: [alerts] for)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from cpu" -l cooldown -d 'Re-send a firing alert at most this often (default: [alerts] cooldown)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from cpu" -l flap-high -d 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from cpu" -l flap-low -d 'Flapping ends below this percent (default: [alerts] flap_low)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from cpu" -l anomaly -d 'Flag figures this many deviations from their usual level, e.g. 4' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from cpu" -l enabled -d 'false: write the monitor disabled' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from cpu" -l depends-on -d 'A monitor this one waits for: not alerted or healed while it is not ok' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from cpu" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from cpu" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from cpu" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from cpu" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from cpu" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -l warn -d 'Warning level, % of memory used (default 90)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -l crit -d 'Critical level, % (default 95)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -l swap-warn -d 'Swap warning level, %' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -l swap-crit -d 'Swap critical level, %' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -l description -d 'A note for people' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -l timeout -d 'Check timeout, e.g. 10s (the default)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -l for -d 'Alert after this many non-ok checks in a row (default: [alerts] for)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -l cooldown -d 'Re-send a firing alert at most this often (default: [alerts] cooldown)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -l flap-high -d 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -l flap-low -d 'Flapping ends below this percent (default: [alerts] flap_low)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -l anomaly -d 'Flag figures this many deviations from their usual level, e.g. 4' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -l enabled -d 'false: write the monitor disabled' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -l depends-on -d 'A monitor this one waits for: not alerted or healed while it is not ok' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from memory" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from load" -l warn -d 'Warning level, load per CPU (default 2)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from load" -l crit -d 'Critical level, load per CPU (default 4)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from load" -l description -d 'A note for people' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from load" -l timeout -d 'Check timeout, e.g. 10s (the default)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from load" -l for -d 'Alert after this many non-ok checks in a row (default: [alerts] for)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from load" -l cooldown -d 'Re-send a firing alert at most this often (default: [alerts] cooldown)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from load" -l flap-high -d 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from load" -l flap-low -d 'Flapping ends below this percent (default: [alerts] flap_low)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from load" -l anomaly -d 'Flag figures this many deviations from their usual level, e.g. 4' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from load" -l enabled -d 'false: write the monitor disabled' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from load" -l depends-on -d 'A monitor this one waits for: not alerted or healed while it is not ok' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from load" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from load" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from load" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from load" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from load" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l path -d 'Only the filesystem holding this path (default: every real one)' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l warn -d 'Space warning level, % used (default 85)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l crit -d 'Space critical level, % (default 95)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l inode-warn -d 'Inode warning level, %' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l inode-crit -d 'Inode critical level, %' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l fs-types -d 'Also watch filesystems of this type, e.g. tmpfs (repeatable)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l forecast-warn -d 'Warning when forecast full within this (default 24h)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l forecast-crit -d 'Critical when forecast full within this (default 4h)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l description -d 'A note for people' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l timeout -d 'Check timeout, e.g. 10s (the default)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l for -d 'Alert after this many non-ok checks in a row (default: [alerts] for)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l cooldown -d 'Re-send a firing alert at most this often (default: [alerts] cooldown)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l flap-high -d 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l flap-low -d 'Flapping ends below this percent (default: [alerts] flap_low)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l anomaly -d 'Flag figures this many deviations from their usual level, e.g. 4' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l enabled -d 'false: write the monitor disabled' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l depends-on -d 'A monitor this one waits for: not alerted or healed while it is not ok' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from disk" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l process -d 'Exact process name' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l pattern -d 'Regex over the full command line' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l pidfile -d 'File holding the pid (believed only when root\'s; see SECURITY.md)' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l unit -d 'systemd unit' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l user -d 'Only processes of this user count; with --start, it starts as this user' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l min -d 'Minimum number running (default 1)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l max -d 'Maximum number running' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l cpu-warn -d 'Per-process CPU % (of one core) warning level' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l cpu-crit -d 'Per-process CPU % critical level' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l rss-warn -d 'Per-process resident memory warning level, e.g. 512MiB' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l rss-crit -d 'Per-process resident memory critical level' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l zombies-warn -d 'Zombie count warning level' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l zombies-crit -d 'Zombie count critical level' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l start -d 'The command `hm heal` and `hm restart-worker` start the worker with, split into words like a shell would (quotes work; no pipes, `&&` or variables unless --shell)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l stop -d 'The command that stops the worker (default: SIGTERM, then SIGKILL after --grace)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l log -d 'The file the started worker\'s stdout and stderr go to' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l restart-delay -d 'Wait this long after starting before checking it runs (default 1s)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l grace -d 'Between SIGTERM and SIGKILL (default 10s)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l max-restarts -d 'At most this many restarts within --restart-window (default 5)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l restart-window -d 'The window --max-restarts counts in (default 30m)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l min-uptime -d 'A worker that dies sooner after its start is in a crash loop; one that ran longer is restarted after --restart-delay, without the doubling backoff. A check with `worker` naming it waits this long after a restart before restarting it again, unless that check has passed since (default 60s)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l heal -d 'false: `hm heal` never restarts it' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l group -d 'Start the worker with this primary group (needs --user)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l cwd -d 'The directory the worker starts in (absolute)' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l umask -d 'The started worker\'s umask, e.g. 027' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l description -d 'A note for people' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l timeout -d 'Check timeout, e.g. 10s (the default)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l for -d 'Alert after this many non-ok checks in a row (default: [alerts] for)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l cooldown -d 'Re-send a firing alert at most this often (default: [alerts] cooldown)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l flap-high -d 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l flap-low -d 'Flapping ends below this percent (default: [alerts] flap_low)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l anomaly -d 'Flag figures this many deviations from their usual level, e.g. 4' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l enabled -d 'false: write the monitor disabled' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l depends-on -d 'A monitor this one waits for: not alerted or healed while it is not ok' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l shell -d 'Run --start and --stop with /bin/sh -c'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from process" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l file -d 'A file whose modification time is the heartbeat' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l ping -d 'The `hm ping` name (default: the monitor\'s name)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l database -d 'An SQLite file whose --query gives the heartbeat\'s time' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l query -d 'A query returning one timestamp (Unix seconds or SQLite date-time)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l warn -d 'Warning age, e.g. 26h (default 30s)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l crit -d 'Critical age (default 60s)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l schedule -d 'Due on this cron schedule, e.g. \'0 2 * * *\' or @daily (instead of --warn/--crit)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l tz -d 'The schedule\'s time zone, e.g. Europe/Berlin (default: the host\'s)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l grace -d 'How late a scheduled run may be before it is critical (default 1h)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l max-runtime -d 'How long a run begun with `hm ping --start` may take' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l worker -d 'The process monitor whose worker `hm heal` restarts when this goes stale' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l description -d 'A note for people' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l timeout -d 'Check timeout, e.g. 10s (the default)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l for -d 'Alert after this many non-ok checks in a row (default: [alerts] for)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l cooldown -d 'Re-send a firing alert at most this often (default: [alerts] cooldown)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l flap-high -d 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l flap-low -d 'Flapping ends below this percent (default: [alerts] flap_low)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l anomaly -d 'Flag figures this many deviations from their usual level, e.g. 4' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l enabled -d 'false: write the monitor disabled' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l depends-on -d 'A monitor this one waits for: not alerted or healed while it is not ok' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from heartbeat" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l session -d 'Only this session (default: every session of the server)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l socket -d 'The server\'s socket, as for `tmux -S` (default: the default server)' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l stuck-after -d 'A session running a job with no output for this long is stuck (default 30m); one idle at a shell prompt never is' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l keys -d 'A tmux key `hm heal` sends a stuck session (repeatable; default C-c)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l on-stuck -d 'Then run this command, split into words like a shell would' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l busy-if -d 'A session idle at a shell prompt has a task when this exits 0 (HM_SESSION names it)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l heal -d 'false: `hm heal` leaves its sessions alone' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l settle -d 'How long after the keys hm looks again for output (default 2s)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l max-restarts -d 'At most this many unsticks per session within --restart-window (default 5)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l restart-window -d 'The window --max-restarts counts in (default 30m)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l worker -d 'The process monitor whose worker `hm heal` restarts when this is critical' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l description -d 'A note for people' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l timeout -d 'Check timeout, e.g. 10s (the default)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l for -d 'Alert after this many non-ok checks in a row (default: [alerts] for)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l cooldown -d 'Re-send a firing alert at most this often (default: [alerts] cooldown)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l flap-high -d 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l flap-low -d 'Flapping ends below this percent (default: [alerts] flap_low)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l anomaly -d 'Flag figures this many deviations from their usual level, e.g. 4' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l enabled -d 'false: write the monitor disabled' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l depends-on -d 'A monitor this one waits for: not alerted or healed while it is not ok' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l shell -d 'Run --on-stuck (and --busy-if) with /bin/sh -c'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tmux" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l path -d 'The database file' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l lock-timeout -d 'The write lock must be taken within this (default 1s)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l wal-warn -d 'Warning size of the -wal file, e.g. 256MiB' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l wal-crit -d 'Critical size of the -wal file' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l killable -d 'A regex over the command line of holders `hm clear-locks` may stop (repeatable)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l heal -d 'false: `hm heal` never clears its locks' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l worker -d 'The process monitor whose worker `hm heal` restarts when this is critical' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l description -d 'A note for people' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l timeout -d 'Check timeout, e.g. 10s (the default)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l for -d 'Alert after this many non-ok checks in a row (default: [alerts] for)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l cooldown -d 'Re-send a firing alert at most this often (default: [alerts] cooldown)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l flap-high -d 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l flap-low -d 'Flapping ends below this percent (default: [alerts] flap_low)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l anomaly -d 'Flag figures this many deviations from their usual level, e.g. 4' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l enabled -d 'false: write the monitor disabled' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l depends-on -d 'A monitor this one waits for: not alerted or healed while it is not ok' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l quick-check -d 'Also run PRAGMA quick_check'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from sqlite" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l url -d 'The http:// or https:// URL' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l method -d 'The request method (default GET)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l expect-status -d 'An acceptable status (repeatable; default 200-399)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l contains -d 'Text the body must contain' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l warn -d 'Warning latency, seconds or a duration (500ms)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l crit -d 'Critical latency' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l worker -d 'The process monitor whose worker `hm heal` restarts when this is critical' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l description -d 'A note for people' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l timeout -d 'Check timeout, e.g. 10s (the default)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l for -d 'Alert after this many non-ok checks in a row (default: [alerts] for)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l cooldown -d 'Re-send a firing alert at most this often (default: [alerts] cooldown)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l flap-high -d 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l flap-low -d 'Flapping ends below this percent (default: [alerts] flap_low)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l anomaly -d 'Flag figures this many deviations from their usual level, e.g. 4' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l enabled -d 'false: write the monitor disabled' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l depends-on -d 'A monitor this one waits for: not alerted or healed while it is not ok' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from http" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -l address -d 'host:port to connect to' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -l warn -d 'Warning latency, seconds or a duration (500ms)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -l crit -d 'Critical latency' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -l worker -d 'The process monitor whose worker `hm heal` restarts when this is critical' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -l description -d 'A note for people' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -l timeout -d 'Check timeout, e.g. 10s (the default)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -l for -d 'Alert after this many non-ok checks in a row (default: [alerts] for)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -l cooldown -d 'Re-send a firing alert at most this often (default: [alerts] cooldown)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -l flap-high -d 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -l flap-low -d 'Flapping ends below this percent (default: [alerts] flap_low)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -l anomaly -d 'Flag figures this many deviations from their usual level, e.g. 4' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -l enabled -d 'false: write the monitor disabled' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -l depends-on -d 'A monitor this one waits for: not alerted or healed while it is not ok' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tcp" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from command" -l worker -d 'The process monitor whose worker `hm heal` restarts when this is critical' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from command" -l description -d 'A note for people' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from command" -l timeout -d 'Check timeout, e.g. 10s (the default)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from command" -l for -d 'Alert after this many non-ok checks in a row (default: [alerts] for)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from command" -l cooldown -d 'Re-send a firing alert at most this often (default: [alerts] cooldown)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from command" -l flap-high -d 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from command" -l flap-low -d 'Flapping ends below this percent (default: [alerts] flap_low)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from command" -l anomaly -d 'Flag figures this many deviations from their usual level, e.g. 4' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from command" -l enabled -d 'false: write the monitor disabled' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from command" -l depends-on -d 'A monitor this one waits for: not alerted or healed while it is not ok' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from command" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from command" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from command" -l shell -d 'Run the command with /bin/sh -c (its words joined by spaces)'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from command" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from command" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from command" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l path -d 'The directory' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l warn -d 'Warning size, e.g. 10GiB (default 1GiB)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l crit -d 'Critical size (default 5GiB)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l required -d 'A path inside it that must exist (repeatable)' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l description -d 'A note for people' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l timeout -d 'Check timeout, e.g. 10s (the default)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l for -d 'Alert after this many non-ok checks in a row (default: [alerts] for)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l cooldown -d 'Re-send a firing alert at most this often (default: [alerts] cooldown)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l flap-high -d 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l flap-low -d 'Flapping ends below this percent (default: [alerts] flap_low)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l anomaly -d 'Flag figures this many deviations from their usual level, e.g. 4' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l enabled -d 'false: write the monitor disabled' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l depends-on -d 'A monitor this one waits for: not alerted or healed while it is not ok' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l writable -d 'hm must be able to create a file in it'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from workspace" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l ping -d 'The `hm ping` name (default: the monitor\'s name)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l window -d 'The rates are computed over this (default 1h)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l error-warn -d 'Warning error rate, % (default 5)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l error-crit -d 'Critical error rate, % (default 10)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l expected -d 'A task\'s expected duration: slow when the mean is over twice this' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l worker -d 'The process monitor whose worker `hm heal` restarts when this goes stale' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l description -d 'A note for people' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l timeout -d 'Check timeout, e.g. 10s (the default)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l for -d 'Alert after this many non-ok checks in a row (default: [alerts] for)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l cooldown -d 'Re-send a firing alert at most this often (default: [alerts] cooldown)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l flap-high -d 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l flap-low -d 'Flapping ends below this percent (default: [alerts] flap_low)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l anomaly -d 'Flag figures this many deviations from their usual level, e.g. 4' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l enabled -d 'false: write the monitor disabled' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l depends-on -d 'A monitor this one waits for: not alerted or healed while it is not ok' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from tasks" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l warn -d 'Memory warning level, % used (default 90)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l crit -d 'Memory critical level, % (default 95)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l temp-warn -d 'Temperature warning level, °C (default 85)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l temp-crit -d 'Temperature critical level, °C (default 95)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l util-warn -d 'Utilisation warning level, %' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l util-crit -d 'Utilisation critical level, %' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l description -d 'A note for people' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l timeout -d 'Check timeout, e.g. 10s (the default)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l for -d 'Alert after this many non-ok checks in a row (default: [alerts] for)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l cooldown -d 'Re-send a firing alert at most this often (default: [alerts] cooldown)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l flap-high -d 'Flapping from this weighted percent of state changes (default: [alerts] flap_high)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l flap-low -d 'Flapping ends below this percent (default: [alerts] flap_low)' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l anomaly -d 'Flag figures this many deviations from their usual level, e.g. 4' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l enabled -d 'false: write the monitor disabled' -r -f -a "true\t''
false\t''"
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l depends-on -d 'A monitor this one waits for: not alerted or healed while it is not ok' -r
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from gpu" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "cpu" -d 'Total CPU use, %'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "memory" -d 'Used memory and swap, %'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "load" -d 'Load average per CPU'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "disk" -d 'Space and inodes of one or every real filesystem, and when it will be full'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "process" -d 'Processes by name, command line, pidfile or systemd unit; restarts them'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "heartbeat" -d 'The age of a file\'s mtime, of the last `hm ping`, or of an SQL timestamp'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "tmux" -d 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "sqlite" -d 'An SQLite database opens, takes a write lock in time, passes quick_check'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "http" -d 'An HTTP request: status, body and latency'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "tcp" -d 'A TCP connect to host:port, and its latency'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "command" -d 'Any Nagios plugin: the command after `--`; exit 0-3 is the status'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "workspace" -d 'A directory exists, is writable, holds its files, is not too big'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "tasks" -d 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "gpu" -d 'Every NVIDIA GPU\'s memory, temperature and utilisation (ok with a note when none)'
complete -c hm -n "__fish_hm_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hm -n "__fish_hm_using_subcommand remove" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand remove" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand remove" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand remove" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand remove" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand restart-worker" -l parallel -d 'A pool\'s rolling restart: how many instances at a time, each batch verified before the next' -r
complete -c hm -n "__fish_hm_using_subcommand restart-worker" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand restart-worker" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand restart-worker" -l dry-run -d 'Show what would be done, do nothing'
complete -c hm -n "__fish_hm_using_subcommand restart-worker" -l reset -d 'Reset the automatic restart budget (after a crash loop), then restart'
complete -c hm -n "__fish_hm_using_subcommand restart-worker" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand restart-worker" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand restart-worker" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand stop-worker" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand stop-worker" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand stop-worker" -l dry-run -d 'Show what would be done, do nothing'
complete -c hm -n "__fish_hm_using_subcommand stop-worker" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand stop-worker" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand stop-worker" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand start-worker" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand start-worker" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand start-worker" -l dry-run -d 'Show what would be done, do nothing'
complete -c hm -n "__fish_hm_using_subcommand start-worker" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand start-worker" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand start-worker" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -l rule -d 'Only this configured rule' -r
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -l older-than -d 'With PATHs: only files last modified longer ago than this' -r
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -l glob -d 'With PATHs: only file names matching this glob (repeatable; default: all)' -r
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -l dry-run -d 'List what would be deleted, delete nothing'
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand clean-disk" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand clear-locks" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand clear-locks" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand clear-locks" -l dry-run -d 'Show what would be done, do nothing'
complete -c hm -n "__fish_hm_using_subcommand clear-locks" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand clear-locks" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand clear-locks" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test maintenance help" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test maintenance help" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test maintenance help" -l all -d 'Resolved alerts too (the latest 100), not only open ones'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test maintenance help" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test maintenance help" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test maintenance help" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test maintenance help" -f -a "ack" -d 'Acknowledge an alert: no more repeats (a worse severity or a resolve is still sent)'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test maintenance help" -f -a "silence" -d 'Keep checking and recording a monitor, but notify nobody for a while'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test maintenance help" -f -a "unsilence" -d 'Lift a monitor\'s silence'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test maintenance help" -f -a "outbox" -d 'Show notifications waiting to be delivered, with the last error of each'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test maintenance help" -f -a "flush" -d 'Deliver every waiting notification now, ignoring retry backoff'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test maintenance help" -f -a "test" -d 'Send a test notification through a channel, now'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test maintenance help" -f -a "maintenance" -d 'Start or stop an unplanned maintenance window: checked and recorded, nobody told'
complete -c hm -n "__fish_hm_using_subcommand alerts; and not __fish_seen_subcommand_from ack silence unsilence outbox flush test maintenance help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from ack" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from ack" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from ack" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from ack" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from ack" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from silence" -l for -d 'How long' -r
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from silence" -l reason -d 'Why, shown by `hm alerts`' -r
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from silence" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from silence" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from silence" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from silence" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from silence" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from unsilence" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from unsilence" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from unsilence" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from unsilence" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from unsilence" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from outbox" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from outbox" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from outbox" -l all -d 'Delivered notifications too'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from outbox" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from outbox" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from outbox" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from flush" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from flush" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from flush" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from flush" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from flush" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from test" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from test" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from test" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from maintenance" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from maintenance" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from maintenance" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from maintenance" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from maintenance" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from maintenance" -f -a "start" -d 'Open a window now: the monitors named are checked and recorded, not alerted on, and not healed unless --heal'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from maintenance" -f -a "stop" -d 'End the unplanned windows now (those naming NAMES, or all); what still fails then alerts'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from maintenance" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "ack" -d 'Acknowledge an alert: no more repeats (a worse severity or a resolve is still sent)'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "silence" -d 'Keep checking and recording a monitor, but notify nobody for a while'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "unsilence" -d 'Lift a monitor\'s silence'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "outbox" -d 'Show notifications waiting to be delivered, with the last error of each'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "flush" -d 'Deliver every waiting notification now, ignoring retry backoff'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "test" -d 'Send a test notification through a channel, now'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "maintenance" -d 'Start or stop an unplanned maintenance window: checked and recorded, nobody told'
complete -c hm -n "__fish_hm_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hm -n "__fish_hm_using_subcommand export" -l format -d 'Output format [default: prometheus, or json with --json]' -r -f -a "prometheus\t'Prometheus text exposition (node_exporter\'s textfile collector)'
json\t'The status snapshot as JSON'
nagios\t'One Nagios plugin line with perfdata; the exit code is the status'"
complete -c hm -n "__fish_hm_using_subcommand export" -s o -l output -d 'Write to this file atomically (temp file + rename) instead of stdout' -r -F
complete -c hm -n "__fish_hm_using_subcommand export" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand export" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand export" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hm -n "__fish_hm_using_subcommand export" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand history" -l metric -d 'Only this metric (default: all of the monitor\'s)' -r
complete -c hm -n "__fish_hm_using_subcommand history" -l since -d 'How far back' -r
complete -c hm -n "__fish_hm_using_subcommand history" -l points -d 'At most this many points per metric (averaged over equal time buckets)' -r
complete -c hm -n "__fish_hm_using_subcommand history" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand history" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand history" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand history" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand history" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand run" -l interval -d 'Time between the starts of two cycles, at least 100ms [default: `interval` in hm.toml, else 30s]' -r
complete -c hm -n "__fish_hm_using_subcommand run" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand run" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand run" -l heal -d 'Heal as well as check (`hm heal` each cycle)'
complete -c hm -n "__fish_hm_using_subcommand run" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand run" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand run" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand serve" -l listen -d 'Address to listen on' -r
complete -c hm -n "__fish_hm_using_subcommand serve" -l interval -d 'Time between the starts of two cycles, at least 100ms [default: `interval` in hm.toml, else 30s]' -r
complete -c hm -n "__fish_hm_using_subcommand serve" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand serve" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand serve" -l heal -d 'Heal as well as check (`hm heal` each cycle)'
complete -c hm -n "__fish_hm_using_subcommand serve" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand serve" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand serve" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand actions" -l since -d 'How far back to look' -r
complete -c hm -n "__fish_hm_using_subcommand actions" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand actions" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand actions" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand actions" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand actions" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand why" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand why" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand why" -l all -d 'Every death kept (the history), newest first'
complete -c hm -n "__fish_hm_using_subcommand why" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand why" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand why" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand validate" -l config -d 'Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the embedded host monitors when it does not exist]' -r -F
complete -c hm -n "__fish_hm_using_subcommand validate" -l db -d 'Database file [env: HM_DB] [default: `db` in the config, else $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else ~/.local/state/hm/hm.db]' -r -F
complete -c hm -n "__fish_hm_using_subcommand validate" -l json -d 'Print one JSON document on stdout instead of a table'
complete -c hm -n "__fish_hm_using_subcommand validate" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand validate" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand completions" -l dir -d 'Write the scripts for every shell into this directory' -r -F
complete -c hm -n "__fish_hm_using_subcommand completions" -l config -r -F
complete -c hm -n "__fish_hm_using_subcommand completions" -l db -r -F
complete -c hm -n "__fish_hm_using_subcommand completions" -l json
complete -c hm -n "__fish_hm_using_subcommand completions" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand completions" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand man" -l dir -d 'Write hm.1 and one page per subcommand into this directory' -r -F
complete -c hm -n "__fish_hm_using_subcommand man" -l config -r -F
complete -c hm -n "__fish_hm_using_subcommand man" -l db -r -F
complete -c hm -n "__fish_hm_using_subcommand man" -l json
complete -c hm -n "__fish_hm_using_subcommand man" -s h -l help -d 'Print help'
complete -c hm -n "__fish_hm_using_subcommand man" -s V -l version -d 'Print version'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "check" -d 'Run monitors now, record the results, print them'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "heal" -d 'Check, apply the remedies the config allows, and check again'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "status" -d 'Show the latest recorded result of each monitor'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "ping" -d 'Record a heartbeat (or a task\'s outcome) for a heartbeat monitor'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "monitor" -d 'List, add or remove monitors in hm.toml'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "list" -d 'List monitors (short for `hm monitor list`)'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "add" -d 'Add a monitor to hm.toml (short for `hm monitor add`)'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "remove" -d 'Remove a monitor from hm.toml (short for `hm monitor remove`)'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "restart-worker" -d 'Restart a process monitor\'s worker now and check that it runs'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "stop-worker" -d 'Stop a process monitor\'s worker and keep it down until hm start-worker'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "start-worker" -d 'Start a stopped worker, check that it runs, and lift its hold'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "clean-disk" -d 'Delete old files by the [[clean]] rules of hm.toml, or in the given directories'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "clear-locks" -d 'Free stuck SQLite databases: checkpoint the WAL, roll back a hot journal'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "alerts" -d 'Show open alerts; acknowledge, silence, test channels, see the outbox'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "export" -d 'Print the latest state for Prometheus, Nagios or scripts'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "history" -d 'Show a monitor\'s recorded figures over time, with sparklines'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "run" -d 'Check (and heal, with --heal) every interval, in the foreground'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "serve" -d 'Run the check loop and serve /health, /ready, /metrics, /status and a dashboard'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "actions" -d 'Show what hm changed on the host (remedies applied)'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "why" -d 'Show why a worker died: cause, exit status or signal, OOM evidence, its log\'s tail'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "validate" -d 'Check hm.toml and report every error with its line and field'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "man" -d 'Print the man page'
complete -c hm -n "__fish_hm_using_subcommand help; and not __fish_seen_subcommand_from check heal status ping monitor list add remove restart-worker stop-worker start-worker clean-disk clear-locks alerts export history run serve actions why validate completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "list" -d 'List configured and embedded monitors'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "add" -d 'Add a monitor to hm.toml, keeping its comments and order'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "remove" -d 'Remove a monitor from hm.toml'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "pause" -d 'Stop checking and healing a monitor, leaving its worker as it is'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "resume" -d 'Check and heal a paused monitor again'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "cpu" -d 'Total CPU use, %'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "memory" -d 'Used memory and swap, %'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "load" -d 'Load average per CPU'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "disk" -d 'Space and inodes of one or every real filesystem, and when it will be full'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "process" -d 'Processes by name, command line, pidfile or systemd unit; restarts them'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "heartbeat" -d 'The age of a file\'s mtime, of the last `hm ping`, or of an SQL timestamp'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "tmux" -d 'tmux sessions whose job printed nothing for too long; `hm heal` sends them keys'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "sqlite" -d 'An SQLite database opens, takes a write lock in time, passes quick_check'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "http" -d 'An HTTP request: status, body and latency'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "tcp" -d 'A TCP connect to host:port, and its latency'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "command" -d 'Any Nagios plugin: the command after `--`; exit 0-3 is the status'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "workspace" -d 'A directory exists, is writable, holds its files, is not too big'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "tasks" -d 'Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "gpu" -d 'Every NVIDIA GPU\'s memory, temperature and utilisation (ok with a note when none)'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "ack" -d 'Acknowledge an alert: no more repeats (a worse severity or a resolve is still sent)'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "silence" -d 'Keep checking and recording a monitor, but notify nobody for a while'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "unsilence" -d 'Lift a monitor\'s silence'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "outbox" -d 'Show notifications waiting to be delivered, with the last error of each'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "flush" -d 'Deliver every waiting notification now, ignoring retry backoff'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "test" -d 'Send a test notification through a channel, now'
complete -c hm -n "__fish_hm_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "maintenance" -d 'Start or stop an unplanned maintenance window: checked and recorded, nobody told'

# Monitor and channel names where they are typed, from `hm __names` and
# the config in force (the --config on the line, else HM_CONFIG, else the
# default). __fish_hm_name_args prints the set and the --config to ask with.
function __fish_hm_name_args
    set -l tokens (commandline -opc)
    set -l words
    set -l config
    set -l i 2
    while test $i -le (count $tokens)
        set -l w $tokens[$i]
        switch $w
            case --config
                set i (math $i + 1)
                set config --config (string replace -r '^~' $HOME -- $tokens[$i])
            case '--config=*'
                set config $w
            case --db --for --metric --parallel --points --reason --since
                set i (math $i + 1)
            case '-*'
            case '*'
                set -a words $w
        end
        set i (math $i + 1)
    end
    switch "$words"
        case 'check' 'check *' 'heal' 'heal *' 'restart-worker' 'stop-worker' 'start-worker' 'why' 'history' 'remove' 'monitor remove' 'monitor pause' 'monitor resume' 'alerts silence' 'alerts unsilence' 'alerts maintenance start' 'alerts maintenance start *' 'alerts maintenance stop' 'alerts maintenance stop *'
            echo monitors
        case 'alerts test'
            echo channels
        case '*'
            return 1
    end
    string join \n -- $config
    return 0
end

function __fish_hm_names
    set -l args (__fish_hm_name_args); or return
    set -l hm (commandline -opc)[1]
    command $hm __names $args 2>/dev/null
end

complete -c hm -f -n "__fish_hm_name_args >/dev/null" -a "(__fish_hm_names)"
