//! Reading a data repository: files → model values, with every problem found reported as a
//! compiler-style diagnostic (file, line, column, the offending line, an explanation, a hint).
//!
//! Policy: a problem in the data is never an `Err`; it is a [`Diagnostic`] in the [`Report`],
//! and loading goes on so that one run shows every problem. Only a data directory that cannot
//! be read at all is an [`Error`]. Entries with errors are left out of the [`Catalogue`], so
//! the rest of the catalogue can still be indexed and served.

mod checks;
mod diagnostic;
mod document;
pub mod fingerprint;
mod load;
pub mod schema;
mod source;

pub use checks::{UrlProblem, is_acceptable_url, url_problem};
pub use diagnostic::{Diagnostic, Location, MAX_LINE_CHARS, MAX_PER_FILE, Report, Severity, codes};
pub use load::{
    Catalogue, Loaded, load, load_with_today, name_key, parse_entry_text, read_entry_unchecked,
};
pub use source::{MAX_FILE_BYTES, check_file, read_text};

use std::path::PathBuf;

/// A data directory that cannot be read at all (the only hard failure of loading).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("data directory {0} does not exist")]
    Missing(PathBuf),
    #[error("{0} is not a directory")]
    NotADirectory(PathBuf),
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}
