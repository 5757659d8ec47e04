//! hm's integration tests, one test binary: every module here was once its
//! own file under tests/, linked as its own binary. One binary links once,
//! and its tests share the test threads (so tests from different modules run
//! side by side: they must not share ports, paths or global state).
//! `common` holds the helpers they all use.

mod common;

mod alertmanager;
mod alerts;
mod check;
mod clean_disk;
mod clear_locks;
mod clock;
mod completions;
mod config_page;
mod contrib;
mod dashboard;
mod depends;
mod errors;
mod export;
mod faults;
mod faults_db;
mod fleet;
mod foresight;
mod generated;
mod heal;
mod hold;
mod layering;
mod monitor;
mod one_daemon;
mod openapi;
mod otlp;
mod plugins;
mod pool;
mod probes;
mod prometheus;
mod read_only_db;
mod record_first;
mod record_signals;
mod remote_ping;
mod restart;
mod run_loop;
mod schedule;
mod schema;
mod security_files;
mod security_http;
mod security_procs;
mod security_text;
mod serve;
mod small26;
mod sqlite;
mod start_as;
mod status;
mod tmux;
mod tour;
mod verify_beside;
mod watch;
mod why;
mod why_found;
