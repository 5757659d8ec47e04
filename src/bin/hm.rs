//! The `hm` binary: everything happens in [`hm::run`].

fn main() {
    std::process::exit(hm::run(std::env::args_os().collect()));
}
