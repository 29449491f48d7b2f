//! `floss-registry search`: query the catalogue from the terminal.

use super::exit;
use crate::config::{Config, ConfigArgs};
use crate::model::Lang;
use crate::search::sync::open_and_sync as sync_index;
use crate::search::{Filters, SearchRequest, Sort};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to look for, e.g. "alternative à WhatsApp", "password manager", "nextcloud"
    pub query: String,
    /// Language of summaries and snippets.
    #[arg(long, value_enum, default_value_t = LangArg::Fr)]
    pub lang: LangArg,
    /// Print the results as JSON (the same document as GET /api/v1/search).
    #[arg(long)]
    pub json: bool,
    /// How many results to show (1–100).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=100))]
    pub limit: u16,
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// Removes the `<mark>` tags and entities of a snippet for the terminal.
fn plain(snippet: &str) -> String {
    snippet
        .replace("<mark>", "")
        .replace("</mark>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
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
    let index = match sync_index(&config.index_dir(), &loaded.catalogue, false, &|_, _| {}) {
        Ok((index, _)) => index,
        Err(e) => {
            eprintln!(
                "error: cannot open the index in {}: {e}",
                config.index_dir().display()
            );
            return exit::USAGE_OR_IO;
        }
    };
    let request = SearchRequest {
        q: args.query.clone(),
        lang: match args.lang {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        },
        filters: Filters::default(),
        sort: Sort::Relevance,
        page: 1,
        per_page: usize::from(args.limit),
    };
    let results = match index.search(&request) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: search failed: {e}");
            return exit::USAGE_OR_IO;
        }
    };
    if args.json {
        match serde_json::to_string_pretty(&results) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: {e}");
                return exit::USAGE_OR_IO;
            }
        }
        return exit::OK;
    }
    if let Some(service) = &results.service {
        println!("Alternatives to {}:", service.name);
    }
    if results.hits.is_empty() {
        println!("No result for \"{}\".", args.query);
        return exit::OK;
    }
    for (i, hit) in results.hits.iter().enumerate() {
        println!(
            "{:>2}. {} [{}] ({}) — {}",
            i + 1,
            hit.name,
            hit.grade,
            hit.slug,
            plain(&hit.snippet)
        );
    }
    println!("{} result(s)", results.total);
    exit::OK
}
