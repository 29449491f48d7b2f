//! `floss-registry validate`: check a data directory, print every problem.

use std::io::{IsTerminal, Write};

use super::{DataArg, exit};
use crate::data;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Compiler-style messages for people.
    Human,
    /// One JSON document with a record per problem, for bots and CI annotations.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

pub fn run(args: &Args) -> u8 {
    let dir = &args.data.data;
    let loaded = match data::load(dir) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!(
                "help: pass the data directory, e.g. `floss-registry validate registry-data`"
            );
            return exit::USAGE_OR_IO;
        }
    };
    let report = &loaded.report;
    let mut stdout = std::io::stdout().lock();
    let written = match args.format {
        Format::Json => serde_json::to_writer_pretty(&mut stdout, &report.render_json())
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(stdout)),
        Format::Human => {
            let styled = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            write!(stdout, "{}", report.render_human(styled)).and_then(|()| {
                writeln!(
                    stdout,
                    "{}: {} file{} checked ({} valid entr{}), {} error{}, {} warning{}",
                    if report.is_valid() { "ok" } else { "invalid" },
                    report.files_checked,
                    if report.files_checked == 1 { "" } else { "s" },
                    loaded.catalogue.entries.len(),
                    if loaded.catalogue.entries.len() == 1 {
                        "y"
                    } else {
                        "ies"
                    },
                    report.errors(),
                    if report.errors() == 1 { "" } else { "s" },
                    report.warnings(),
                    if report.warnings() == 1 { "" } else { "s" },
                )
            })
        }
    };
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("error: cannot write the report: {e}");
        return exit::USAGE_OR_IO;
    }
    if report.is_valid() {
        exit::OK
    } else {
        exit::INVALID
    }
}
