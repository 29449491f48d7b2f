//! `floss-registry schema`: print the JSON Schema of a data file.

use std::io::Write;

use super::exit;
use crate::data::schema::{FileKind, schema_of};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Entry,
    Criterion,
    Category,
    Service,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which file's schema to print.
    #[arg(long, value_enum, default_value_t = Kind::Entry)]
    pub kind: Kind,
}

pub fn run(args: &Args) -> u8 {
    let kind = match args.kind {
        Kind::Entry => FileKind::Entry,
        Kind::Criterion => FileKind::Criterion,
        Kind::Category => FileKind::Category,
        Kind::Service => FileKind::Service,
    };
    let mut out = std::io::stdout().lock();
    match serde_json::to_writer_pretty(&mut out, &schema_of(kind))
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
    {
        Ok(()) => exit::OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => exit::OK,
        Err(e) => {
            eprintln!("error: cannot write the schema: {e}");
            exit::USAGE_OR_IO
        }
    }
}
