//! `floss-registry index`: build or refresh the search index, with a progress bar.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

use super::exit;
use crate::config::{Config, ConfigArgs};
use crate::search::sync::open_and_sync as sync_index;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Rebuild the whole index instead of replacing only the entries that changed.
    #[arg(long)]
    pub full: bool,
}

pub fn run(args: &Args) -> u8 {
    let config = match Config::from_args(&args.config) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return exit::USAGE_OR_IO;
        }
    };
    let loaded = match crate::data::load(&config.data_dir) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return exit::USAGE_OR_IO;
        }
    };
    let errors = loaded.report.errors();
    if errors > 0 {
        eprintln!(
            "warning: {errors} problem(s) in {}: invalid files are left out of the index (run `floss-registry validate {}` for details)",
            config.data_dir.display(),
            config.data_dir.display()
        );
    }
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} indexing [{bar:40}] {pos}/{len} entries ({eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let progress = |done: u64, total: u64| {
        bar.set_length(total);
        bar.set_position(done);
    };
    let started = std::time::Instant::now();
    let result = sync_index(&config.index_dir(), &loaded.catalogue, args.full, &progress);
    bar.finish_and_clear();
    match result {
        Ok((index, outcome)) => {
            println!(
                "{outcome}: {} documents in {} ({:.2?})",
                index.doc_count(),
                config.index_dir().display(),
                started.elapsed()
            );
            exit::OK
        }
        Err(e) => {
            eprintln!(
                "error: cannot build the index in {}: {e}",
                config.index_dir().display()
            );
            exit::USAGE_OR_IO
        }
    }
}
