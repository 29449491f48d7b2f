//! What `check` and `import` share: starting the registry as `serve` does (configuration,
//! database migrated, data repository, catalogue) without serving, and printing proposals.

use std::sync::Arc;

use super::exit;
use crate::app::App;
use crate::config::{Config, ConfigArgs};
use crate::workflow::proposals::{Action, Outcome};

/// A runtime and the registry, or the exit code after the error was printed.
pub(super) fn start(args: &ConfigArgs) -> Result<(tokio::runtime::Runtime, Arc<App>), u8> {
    let config = Config::from_args(args).map_err(|e| {
        eprintln!("error: {e}");
        exit::USAGE_OR_IO
    })?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            eprintln!("error: cannot start the async runtime: {e}");
            exit::USAGE_OR_IO
        })?;
    let app = runtime.block_on(App::start(config)).map_err(|e| {
        eprintln!("error: {e}");
        exit::USAGE_OR_IO
    })?;
    Ok((runtime, Arc::new(app)))
}

/// One line per proposal outcome (and each failure on stderr); `true` when one failed.
pub(super) fn print_proposals(outcomes: &[Outcome]) -> bool {
    let mut failed = false;
    for o in outcomes {
        let id = o.submission.map(|i| format!(" #{i}")).unwrap_or_default();
        let what = format!(
            "{} change(s), {} listed for the reviewer",
            o.plan.changes.len(),
            o.plan.listed.len()
        );
        match o.action {
            Action::Created => println!("proposal{id} made for {}: {what}", o.slug),
            Action::Updated => println!("proposal{id} updated for {}: {what}", o.slug),
            Action::Unchanged => println!("proposal{id} for {} already says this", o.slug),
            Action::Nothing => {}
            Action::Failed => {
                failed = true;
                eprintln!(
                    "error: {}: no proposal: {}",
                    o.slug,
                    o.error.as_deref().unwrap_or("unknown error")
                );
            }
        }
    }
    failed
}
