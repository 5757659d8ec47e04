//! hm: host health monitoring and self-healing.
//!
//! One binary of composable subcommands (`hm check`, `hm status`, ...)
//! over a shared library. `hm.toml` says what to watch ([`config`]), checks
//! read the machine through a small trait ([`host`]) and return data
//! ([`check`]), SQLite remembers what happened ([`store`]), and rendering
//! happens once ([`output`]). [`run`] is the only place that picks an exit
//! code: 0/1/2/3 by health for `check` and `status` (3 when health cannot be
//! determined), 0/1/2 for the others.

pub(crate) mod alert;
pub(crate) mod analyze;
pub(crate) mod asked;
pub(crate) mod check;
pub(crate) mod clean_roots;
pub(crate) mod cli;
pub(crate) mod cmd;
pub(crate) mod config;
pub(crate) mod engine;
pub(crate) mod host;
pub(crate) mod http_agent;
pub(crate) mod lock;
pub(crate) mod otlp;
pub(crate) mod output;
pub(crate) mod remedy;
pub(crate) mod safe_path;
pub(crate) mod safe_write;
pub(crate) mod serve;
pub(crate) mod status;
pub(crate) mod store;
pub(crate) mod text;
pub(crate) mod time;
pub(crate) mod units;

#[doc(hidden)]
pub mod parsers;

use cli::{Command, MonitorCommand};
use engine::hold_pool::HoldVerb;
use engine::report::Report;
use engine::{Ctx, Engine};
use output::{ErrorReport, Style};
use std::ffi::OsString;
use std::sync::Arc;

/// Parse `args`, run the subcommand, print its report; returns the exit code.
pub fn run(args: Vec<OsString>) -> i32 {
    // First, while hm has one thread (`host::fd_table`).
    host::fd_table::raise_limit();
    host::fd_table::reserve();
    let (parsed, told) = cli::parse(&args);
    let health = told.health();
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind::{DisplayHelp, DisplayVersion};
            if matches!(e.kind(), DisplayHelp | DisplayVersion) {
                // Help that did not reach its reader is a failure, as any
                // other output is (`hm --help > /dev/full` must not exit 0).
                let written = e.print().and_then(|()| std::io::Write::flush(&mut std::io::stdout()));
                return match written {
                    // A reader that had enough (`| head`) is no failure.
                    Ok(()) => 0,
                    Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => 0,
                    Err(err) => {
                        eprintln!("hm: error: cannot write output: {}", text::escape(&err.to_string()));
                        if health { 3 } else { 1 }
                    }
                };
            }
            // `--json` promises one JSON document on stdout, usage errors
            // included; the text still goes to stderr.
            if told.json {
                error_document(health, usage_line(&e));
                let _ = e.print();
                return if health { 3 } else { 2 };
            }
            let _ = e.print();
            if wants_plugin_line(told) {
                let first = usage_line(&e);
                plugin_unknown(&first);
            }
            return if health { 3 } else { 2 };
        }
    };
    let mut style = Style::detect(cli.global.json);
    style.all =
        matches!(&cli.command, Command::Check(a) if a.pools.all) || matches!(&cli.command, Command::Status(a) if a.all);
    if !matches!(cli.command, Command::Run(_) | Command::Serve(_)) {
        // `run` and `serve` stop on these signals themselves.
        host::exec::stop_children_on_signal();
    }
    // The flag, else its variable (not clap's `env`: see cli::Global).
    let from_env = |var: &str| std::env::var_os(var).filter(|v| !v.is_empty()).map(std::path::PathBuf::from);
    let ctx = Ctx {
        config: cli.global.config.clone().or_else(|| from_env("HM_CONFIG")),
        db: cli.global.db.clone().or_else(|| from_env("HM_DB")),
        say: engine::Say::new(|s| output::said(&s)),
    };
    let engine = Arc::new(Engine::new(ctx));
    match dispatch(&engine, cli.command, style) {
        Ok(report) => {
            // What went wrong without stopping the run goes to stderr, for
            // `hm heal` as for `hm check` (a locked database's warning
            // too): each line once.
            let warnings: Vec<&String> = match &report {
                Report::Check(r) => r.warnings.iter().collect(),
                Report::Heal(r) => r
                    .before
                    .warnings
                    .iter()
                    .chain(r.after.iter().flat_map(|a| &a.warnings))
                    .chain(&r.warnings)
                    .collect(),
                _ => Vec::new(),
            };
            let mut told: Vec<&String> = Vec::new();
            for w in warnings {
                if !told.contains(&w) {
                    output::warn(w);
                    told.push(w);
                }
            }
            if let Report::Heal(h) = &report
                && let Some(why) = &h.not_acting
            {
                eprintln!("hm: {}", text::escape(why));
            }
            if let Err(e) = output::write_stdout(&output::render(&report, style)) {
                eprintln!("hm: error: cannot write output: {}", text::escape(&e.to_string()));
                return if health { 3 } else { 1 };
            }
            report.exit_code()
        }
        Err(e) => {
            // Errors name files and echo what was read: one
            // line, escaped, on stderr; exact in the JSON document.
            let message = format!("{e:#}");
            eprintln!("hm: error: {}", text::escape(&message));
            if style.json {
                error_document(health, message);
            } else if wants_plugin_line(told) {
                plugin_unknown(&message);
            }
            // A second daemon on one database is told apart.
            if health || e.downcast_ref::<lock::AlreadyWatched>().is_some() { 3 } else { 1 }
        }
    }
}

/// Whether an error also gets the plugin's `HM UNKNOWN - reason` line on
/// stdout: for `export --format nagios` always, for `hm check` when its
/// stdout is not a terminal (under Nagios/NRPE; a person at a terminal
/// sees the one error line on stderr only).
fn wants_plugin_line(told: cli::Told) -> bool {
    match told.mode {
        cli::ErrorMode::Plugin => true,
        cli::ErrorMode::Check => !output::stdout_is_terminal(),
        cli::ErrorMode::Health | cli::ErrorMode::Other => false,
    }
}

/// The one JSON document `--json` prints for an error: `{"status":
/// "unknown", "error"}` for health commands, `{"error"}` otherwise.
fn error_document(health: bool, error: String) {
    let doc = ErrorReport { status: health.then_some(status::Status::Unknown), error };
    let _ = output::write_stdout(&output::json::document(&doc));
}

/// The first line of a clap error, without its `error: `.
fn usage_line(e: &clap::Error) -> String {
    e.to_string().lines().next().unwrap_or("usage error").trim_start_matches("error: ").to_string()
}

/// The one line a Nagios plugin prints when it cannot tell: on stdout,
/// where Nagios and NRPE read it (the exit code, 3, says UNKNOWN).
fn plugin_unknown(reason: &str) {
    let line = format!("HM UNKNOWN - {}\n", output::nagios::one_line(reason));
    let _ = output::write_stdout(line.as_bytes());
}

fn alerts(ctx: &Ctx, a: cli::AlertsArgs) -> anyhow::Result<Report> {
    use cli::AlertsCommand as A;
    use cmd::alerts as c;
    Ok(match a.command {
        None => Report::Alerts(c::list(ctx, a.all)?),
        Some(A::Ack { id }) => Report::AlertChange(c::ack(ctx, id)?),
        Some(A::Silence { monitor, duration, reason }) => {
            Report::AlertChange(c::silence(ctx, &monitor, duration, &reason)?)
        }
        Some(A::Unsilence { monitor }) => Report::AlertChange(c::unsilence(ctx, &monitor)?),
        Some(A::Outbox { all }) => Report::Outbox(c::outbox(ctx, all)?),
        Some(A::Flush) => Report::Delivery(c::flush(ctx)?),
        Some(A::Test { channel }) => Report::ChannelTest(c::test(ctx, &channel)?),
        Some(A::Maintenance(cli::MaintenanceCommand::Start { duration, heal, names })) => {
            Report::AlertChange(cmd::maintenance::start(ctx, &names, duration, heal)?)
        }
        Some(A::Maintenance(cli::MaintenanceCommand::Stop { names })) => {
            Report::AlertChange(cmd::maintenance::stop(ctx, &names)?)
        }
    })
}

fn dispatch(engine: &Arc<Engine>, command: Command, style: Style) -> anyhow::Result<Report> {
    let json = style.json;
    let ctx = engine.ctx();
    Ok(match command {
        Command::Check(a) => Report::Check(cmd::check::run(engine, &a.names)?),
        Command::Heal(a) => Report::Heal(cmd::heal::run(engine, &a.names, a.dry_run)?),
        Command::Status(_) => Report::Status(cmd::status::run(ctx)?),
        Command::Ping(a) => Report::Ping(cmd::ping::run(ctx, &a.name, (a.start, a.fail), a.duration, a.create)?),
        Command::List | Command::Monitor(MonitorCommand::List) => Report::MonitorList(cmd::monitor::list(ctx)?),
        Command::Add(a) | Command::Monitor(MonitorCommand::Add(a)) => {
            Report::MonitorChange(cmd::add::run(ctx, a.monitor()?)?)
        }
        Command::Remove(a) | Command::Monitor(MonitorCommand::Remove(a)) => {
            Report::MonitorChange(cmd::monitor::remove(ctx, &a.name)?)
        }
        Command::Validate => Report::Validate(cmd::validate::run(ctx)?),
        Command::CleanDisk(a) => {
            let ad_hoc = (!a.paths.is_empty()).then_some(engine::clean::AdHoc {
                paths: a.paths,
                globs: a.glob,
                older_than: a.older_than,
            });
            Report::Clean(cmd::clean_disk::run(engine, a.rule.as_deref(), ad_hoc, a.dry_run)?)
        }
        Command::RestartWorker(a) => cmd::restart_worker::run(engine, &a.name, a.dry_run, a.reset, a.parallel.into())?,
        Command::StopWorker(a) => cmd::stop_worker::hold(engine, &a.name, HoldVerb::Stop, a.dry_run)?,
        Command::StartWorker(a) => cmd::stop_worker::hold(engine, &a.name, HoldVerb::Start, a.dry_run)?,
        Command::Monitor(MonitorCommand::Pause(a)) => cmd::pause::pause(engine, &a.name, a.duration, a.dry_run)?,
        Command::Monitor(MonitorCommand::Resume(a)) => cmd::pause::resume(engine, &a.name, a.dry_run)?,
        Command::ClearLocks(a) => Report::ClearLocks(cmd::clear_locks::run(engine, &a.paths, a.dry_run)?),
        Command::Alerts(a) => alerts(ctx, a)?,
        Command::Export(a) => {
            use engine::report::Format;
            let format = a.format.unwrap_or(if json { Format::Json } else { Format::Prometheus });
            Report::Export(cmd::export::run(ctx, format, a.output)?)
        }
        Command::History(a) => {
            Report::History(cmd::history::run(ctx, &a.name, a.metric.as_deref(), a.since, a.points)?)
        }
        Command::Run(a) => {
            let args = engine::daemon::LoopArgs { interval: a.interval, heal: a.heal };
            cmd::run::run(engine, &args, |c| output::print_cycle(&c, style))?;
            Report::Raw(Vec::new())
        }
        Command::Serve(a) => {
            let args = engine::daemon::LoopArgs { interval: a.run.interval, heal: a.run.heal };
            serve::serve(engine, &a.listen, &args, |c| output::print_cycle(&c, style))?;
            Report::Raw(Vec::new())
        }
        Command::Actions(a) => Report::Actions(cmd::actions::run(ctx, a.since)?),
        Command::Why(a) => Report::Why(cmd::why::run(ctx, &a.name, a.all)?),
        Command::Completions(a) => match (a.dir, a.shell) {
            (Some(dir), _) => {
                let names = cmd::completions::write_all(&dir)?;
                Report::Raw(format!("wrote {} scripts into {}\n", names.len(), dir.display()).into_bytes())
            }
            (None, Some(shell)) => Report::Raw(cmd::completions::script(shell).1),
            (None, None) => anyhow::bail!("name a shell or --dir"),
        },
        Command::Man(a) => match a.dir {
            Some(dir) => {
                let names = cmd::man::write_all(&dir)?;
                Report::Raw(format!("wrote {} pages into {}\n", names.len(), dir.display()).into_bytes())
            }
            None => Report::Raw(cmd::man::main_page()?),
        },
        Command::Names(a) => Report::Raw(cmd::completions::names(ctx, a.set)),
    })
}

#[cfg(test)]
#[path = "properties_tests.rs"]
mod properties_tests;
