//! `floss-registry import fdroid|awesome-selfhosted|publiccode SOURCE`: read another
//! catalogue's data against the registry's entries, store what it says about the entries it
//! matches, print what it matched, would add and skipped, and with `--propose` turn it into
//! proposals (changes that settle unknowns only, and new entries) that reviewers decide on.

use std::path::PathBuf;

use super::exit;
use crate::config::ConfigArgs;
use crate::evidence::EvidenceSource;
use crate::evidence::import::ImportReport;

/// The importers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Source {
    /// F-Droid: a repository index (index-v2.json) or fdroiddata metadata files.
    Fdroid,
    /// awesome-selfhosted-data: its software/*.yml files.
    AwesomeSelfhosted,
    /// publiccode.yml files.
    Publiccode,
}

impl Source {
    fn evidence(self) -> EvidenceSource {
        match self {
            Source::Fdroid => EvidenceSource::Fdroid,
            Source::AwesomeSelfhosted => EvidenceSource::AwesomeSelfhosted,
            Source::Publiccode => EvidenceSource::Publiccode,
        }
    }
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  floss-registry import fdroid index-v2.json
  floss-registry import fdroid fdroiddata/metadata/
  floss-registry import awesome-selfhosted awesome-selfhosted-data/software/ --json
  floss-registry import publiccode publiccode.yml --propose

An importer never overwrites a human assessment: it settles unknowns, lists what it contradicts
for the reviewer, and proposes entries the catalogue does not have (every criterion the data
does not establish `unknown`).
Exit status: 0 when the source was read, 1 when a proposal failed, 2 for usage errors, a source
that cannot be read or does not have its documented shape (the message says where).
--propose writes branches of the data repository: do not run it while `serve` uses the same
state directory.")]
pub struct Args {
    /// Which catalogue's format SOURCE is in
    #[arg(value_enum)]
    pub source: Source,
    /// The file or directory to read
    pub input: PathBuf,
    /// Print the report as JSON
    #[arg(long)]
    pub json: bool,
    /// Turn what was found into proposals of the "automated evidence" account
    #[arg(long)]
    pub propose: bool,
    #[command(flatten)]
    pub config: ConfigArgs,
}

fn print_report(report: &ImportReport) {
    for m in &report.matched {
        println!(
            "matched {} by {} ({} finding(s))",
            m.slug,
            m.matched_by,
            m.observation.findings.len()
        );
    }
    for n in &report.new_entries {
        println!("new entry {} from {}", n.slug, n.observation.url);
    }
    for s in &report.skipped {
        println!("skipped {}: {}", s.name, s.reason);
    }
    println!(
        "{} matched, {} new, {} skipped",
        report.matched.len(),
        report.new_entries.len(),
        report.skipped.len()
    );
}

pub fn run(args: &Args) -> u8 {
    let (runtime, app) = match super::evidence::start(&args.config) {
        Ok(started) => started,
        Err(code) => return code,
    };
    let snapshot = app.snapshot();
    let source = args.source.evidence();
    let input = args.input.clone();
    let report = runtime.block_on(async move {
        tokio::task::spawn_blocking(move || {
            crate::evidence::import::import(source, &input, &snapshot)
        })
        .await
    });
    let report = match report {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => {
            eprintln!("error: {}: {e}", args.input.display());
            return exit::USAGE_OR_IO;
        }
        Err(e) => {
            eprintln!("error: the import ended abnormally: {e}");
            return exit::USAGE_OR_IO;
        }
    };
    let stored = runtime.block_on(async {
        let db = app.db()?;
        for m in &report.matched {
            crate::evidence::store::record(db, &m.observation).await?;
        }
        Ok::<_, crate::db::DbError>(())
    });
    if let Err(e) = stored {
        eprintln!("error: the observations cannot be stored: {e}");
        return exit::USAGE_OR_IO;
    }
    let proposals = if args.propose {
        let slugs: Vec<String> = report.matched.iter().map(|m| m.slug.clone()).collect();
        let made = runtime.block_on(async {
            let mut all = crate::workflow::proposals::propose(&app.workflow, Some(&slugs)).await?;
            all.extend(
                crate::workflow::proposals::propose_new_entries(&app.workflow, &report.new_entries)
                    .await?,
            );
            Ok::<_, crate::workflow::WorkflowError>(all)
        });
        match made {
            Ok(p) => Some(p),
            Err(e) => {
                eprintln!("error: no proposal was made: {e}");
                return exit::INVALID;
            }
        }
    } else {
        None
    };
    let failed = proposals
        .iter()
        .flatten()
        .any(|o| o.action == crate::workflow::proposals::Action::Failed);
    if args.json {
        let doc = serde_json::json!({ "report": report, "proposals": proposals });
        match serde_json::to_string_pretty(&doc) {
            Ok(text) => println!("{text}"),
            Err(e) => eprintln!("error: {e}"),
        }
    } else {
        print_report(&report);
        if let Some(p) = &proposals {
            super::evidence::print_proposals(p);
        }
    }
    if failed { exit::INVALID } else { exit::OK }
}
