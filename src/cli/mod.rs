//! The command line: one module per subcommand. Commands print for people on stdout/stderr
//! and return an exit code; they hold no logic the library does not expose.

mod check;
mod evidence;
mod import;
mod index;
mod migrate;
mod schema;
mod search;
mod serve;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit codes shared by every command.
pub mod exit {
    /// Everything went well (the data is valid).
    pub const OK: u8 = 0;
    /// The data is invalid (`validate`), or a check or proposal failed (`check`, `import`).
    pub const INVALID: u8 = 1;
    /// Wrong usage, or a file or directory that cannot be read.
    pub const USAGE_OR_IO: u8 = 2;
}

#[derive(Debug, Parser)]
#[command(
    name = "floss-registry",
    version,
    about = "A public catalogue of free/open-source software assessed against privacy-by-design criteria",
    long_about = "floss-registry keeps a catalogue of free/open-source software in a git data repository, \
checks every entry against the registry's format and privacy-by-design criteria, and serves it.\n\n\
The data directory holds entries/, criteria/, categories/ and services/ (see registry-data/README.md).",
    after_help = "Examples:\n  floss-registry serve\n  floss-registry search \"alternative à WhatsApp\"\n  floss-registry validate registry-data\n  floss-registry validate --format json registry-data > report.json\n  floss-registry schema > entry.schema.json\n  floss-registry check signal --only forge\n  floss-registry import fdroid index-v2.json --propose"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a data directory and report every problem, with file, line and column.
    ///
    /// Exit status: 0 when the data is valid (warnings allowed), 1 when it is invalid,
    /// 2 for usage errors or a directory that cannot be read.
    Validate(validate::Args),
    /// Print the JSON Schema of a data file (an entry by default), for editors and tools.
    Schema(schema::Args),
    /// Build the search index, or bring it up to date with the data directory.
    ///
    /// Only the entries whose content changed are replaced, unless --full is given or the
    /// criteria, categories or services changed. Invalid entry files are left out.
    Index(index::Args),
    /// Search the catalogue from the terminal (builds or refreshes the index first).
    Search(search::Args),
    /// Serve the JSON API (and web site) over HTTP until SIGINT or SIGTERM.
    ///
    /// With no option, serves ./registry-data on http://127.0.0.1:8080 with its index in ./var.
    Serve(crate::config::ServeArgs),
    /// Apply, roll back or list the database migrations (`DATABASE_URL`, default: SQLite in
    /// the state directory).
    ///
    /// `up` (the default) applies every pending migration; `down` rolls back the last one
    /// (`--all`: every one); `status` lists them, applied or pending.
    Migrate(migrate::Args),
    /// Run the automated-evidence checks (forge, website, apk) on entries and store what
    /// they observe; `--propose` turns findings into proposals for reviewers.
    ///
    /// Machines never decide: an observation is shown as automated evidence, and a finding
    /// that would settle an `unknown` or contradicts a recorded status becomes a submission of
    /// the "automated evidence" account, decided by reviewers like any other.
    Check(check::Args),
    /// Import what another catalogue (F-Droid, awesome-selfhosted, publiccode.yml) says about
    /// the entries, and the entries it would add; `--propose` makes them proposals.
    Import(import::Args),
}

/// The data directory: `--data`, then `FLOSS_REGISTRY_DATA`, then `./registry-data`.
#[derive(Debug, Clone, clap::Args)]
pub struct DataArg {
    /// Data directory (entries/, criteria/, categories/, services/).
    #[arg(
        value_name = "DATA_DIR",
        env = "FLOSS_REGISTRY_DATA",
        default_value = "registry-data"
    )]
    pub data: PathBuf,
}

/// Sets up logs on stderr: `RUST_LOG` filters (default `info`), text or JSON lines.
/// Logs never carry personal data: no IP address, no search query.
pub fn init_tracing(format: crate::config::LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,tantivy=warn,sqlx=warn"));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr())
        && std::env::var_os("NO_COLOR").is_none();
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr);
    let _ = match format {
        crate::config::LogFormat::Json => builder.json().try_init(),
        crate::config::LogFormat::Text => builder.try_init(),
    };
}

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let code = match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Index(args) => index::run(&args),
        Command::Search(args) => search::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Migrate(args) => migrate::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Import(args) => import::run(&args),
    };
    ExitCode::from(code)
}
