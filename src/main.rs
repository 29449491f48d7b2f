//! The `floss-registry` binary: parse the command line and hand over to the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = floss_registry::cli::Cli::parse();
    floss_registry::cli::run(cli)
}
