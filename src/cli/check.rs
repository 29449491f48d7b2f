//! `floss-registry check [SLUG...]`: run the automated-evidence checks (forge, website, apk)
//! on entries of the catalogue, store every observation, print what was observed and every
//! failure located (entry, kind, URL, reason), and with `--propose` turn findings into
//! proposals that reviewers decide on.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::exit;
use crate::config::ConfigArgs;
use crate::evidence::EvidenceSource;
use crate::evidence::checks::{ApkInput, Checker};
use crate::evidence::run::{self, Done};

/// The kinds `--only` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Forge,
    Website,
    Apk,
}

impl Kind {
    fn source(self) -> EvidenceSource {
        match self {
            Kind::Forge => EvidenceSource::Forge,
            Kind::Website => EvidenceSource::Website,
            Kind::Apk => EvidenceSource::Apk,
        }
    }
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  floss-registry check                         # forge and website checks of every entry
  floss-registry check signal croc --only forge
  floss-registry check signal --apk Signal.apk --only apk
  floss-registry check --json > observations.json
  floss-registry check --propose               # and propose what the findings support

Exit status: 0 when every check ran (an entry without anything to check is skipped), 1 when
at least one failed (each failure is printed with its entry, kind, address and reason; the
other checks go on), 2 for usage errors or a registry that cannot start.
Forge tokens are read from FLOSS_REGISTRY_GITHUB_TOKEN, FLOSS_REGISTRY_GITLAB_TOKEN and
FLOSS_REGISTRY_FORGEJO_TOKEN; limits from the [evidence] section of the config file.
--propose writes branches of the data repository: do not run it while `serve` uses the same
state directory (let the server's scheduled job propose instead).")]
pub struct Args {
    /// Entries to check (slugs) [default: every entry]
    pub slugs: Vec<String>,
    /// Check kinds to run, comma-separated [default: forge,website, and apk with --apk]
    #[arg(long, value_enum, value_delimiter = ',')]
    pub only: Vec<Kind>,
    /// An Android package (a file or an https URL) to analyse for the one SLUG given
    #[arg(long, value_name = "FILE|URL")]
    pub apk: Option<String>,
    /// Print the results as JSON (no progress bar)
    #[arg(long)]
    pub json: bool,
    /// Turn findings into proposals of the "automated evidence" account
    #[arg(long)]
    pub propose: bool,
    #[command(flatten)]
    pub config: ConfigArgs,
}

fn kinds(args: &Args) -> Result<Vec<EvidenceSource>, String> {
    let mut kinds: Vec<EvidenceSource> = if args.only.is_empty() {
        let mut k = vec![EvidenceSource::Forge, EvidenceSource::Website];
        if args.apk.is_some() {
            k.push(EvidenceSource::Apk);
        }
        k
    } else {
        args.only.iter().map(|k| k.source()).collect()
    };
    kinds.sort();
    kinds.dedup();
    let wants_apk = kinds.contains(&EvidenceSource::Apk);
    if wants_apk && args.apk.is_none() {
        return Err("the apk check needs --apk FILE|URL".into());
    }
    if args.apk.is_some() && !wants_apk {
        return Err("--apk is given but --only leaves out the apk check".into());
    }
    if args.apk.is_some() && args.slugs.len() != 1 {
        return Err("--apk goes with exactly one SLUG: the entry the package belongs to".into());
    }
    Ok(kinds)
}

fn apk_input(text: &str) -> ApkInput {
    if text.starts_with("https://") || text.starts_with("http://") {
        ApkInput::Url(text.to_owned())
    } else {
        ApkInput::File(text.into())
    }
}

fn progress_bar(total: usize, hidden: bool) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    if hidden {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} checks {msg}") {
        bar.set_style(style);
    }
    bar
}

fn print_done(done: &Done) {
    match done {
        Done::Observed {
            observation: o,
            repeated,
        } => {
            let stale = match o.stale {
                Some(true) => ", stale (no activity for 12 months)",
                _ => "",
            };
            let same = if *repeated { ", as last time" } else { "" };
            println!(
                "{}: {} observed at {} ({} finding(s){stale}{same})",
                o.slug,
                o.source.id(),
                o.url,
                o.findings.len()
            );
            for f in &o.findings {
                println!("    {}: {} — {}", f.criterion, f.status.id(), f.note.en);
            }
        }
        Done::Skipped { slug, kind, reason } => {
            println!("{slug}: {} skipped: {reason}", kind.id());
        }
        Done::Failed(f) => eprintln!(
            "error: {}: {} check failed{}: {}",
            f.slug,
            f.kind.id(),
            f.url
                .as_deref()
                .map(|u| format!(" at {u}"))
                .unwrap_or_default(),
            f.reason
        ),
    }
}

pub fn run(args: &Args) -> u8 {
    let kinds = match kinds(args) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("error: {e}");
            return exit::USAGE_OR_IO;
        }
    };
    let (runtime, app) = match super::evidence::start(&args.config) {
        Ok(started) => started,
        Err(code) => return code,
    };
    let snapshot = app.snapshot();
    let mut entries = Vec::new();
    for slug in &args.slugs {
        match snapshot.catalogue.entries.get(slug) {
            Some(e) => entries.push(e.clone()),
            None => {
                eprintln!("error: there is no entry `{slug}` in the catalogue");
                return exit::USAGE_OR_IO;
            }
        }
    }
    if args.slugs.is_empty() {
        entries = snapshot.catalogue.entries.values().cloned().collect();
    }
    let checker = match Checker::new(app.config.evidence.checker.clone()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: cannot prepare the checks: {e}");
            return exit::USAGE_OR_IO;
        }
    };
    let plan = run::Plan {
        kinds,
        apk: args.apk.as_deref().map(apk_input),
        concurrency: app.config.evidence.concurrency,
        entries,
    };
    let total = plan.entries.len() * plan.kinds.len();
    let bar = progress_bar(total, args.json || !std::io::stderr().is_terminal());
    let results = runtime.block_on(async {
        let db = app.db().ok();
        run::run(&checker, db, plan, &|done| {
            bar.set_message(done.slug().to_owned());
            bar.inc(1);
        })
        .await
    });
    bar.finish_and_clear();
    let failed = results.iter().any(|d| matches!(d, Done::Failed(_)));
    let proposals = if args.propose {
        let slugs: Vec<String> = results.iter().map(|d| d.slug().to_owned()).collect();
        match runtime.block_on(crate::workflow::proposals::propose(
            &app.workflow,
            Some(&slugs),
        )) {
            Ok(p) => Some(p),
            Err(e) => {
                eprintln!("error: no proposal was made: {e}");
                return exit::INVALID;
            }
        }
    } else {
        None
    };
    let mut proposal_failed = false;
    if args.json {
        let doc = serde_json::json!({ "results": results, "proposals": proposals });
        match serde_json::to_string_pretty(&doc) {
            Ok(text) => println!("{text}"),
            Err(e) => eprintln!("error: {e}"),
        }
        proposal_failed = proposals
            .iter()
            .flatten()
            .any(|o| o.action == crate::workflow::proposals::Action::Failed);
    } else {
        for done in &results {
            print_done(done);
        }
        if let Some(p) = &proposals {
            proposal_failed = super::evidence::print_proposals(p);
        }
        let failures = results
            .iter()
            .filter(|d| matches!(d, Done::Failed(_)))
            .count();
        println!("{} check(s), {failures} failed", results.len());
    }
    if failed || proposal_failed {
        exit::INVALID
    } else {
        exit::OK
    }
}
