//! Generates a complete data tree of N entries, for the benchmarks of validation, indexing
//! and search (see `BENCHMARKS.md`), and measures the floor of merely parsing a tree.
//!
//! ```text
//! cargo run --release --example gen_tree -- --out DIR --count N \
//!     [--corpus ../shared/corpus/awesome-selfhosted-data] [--data registry-data]
//! cargo run --release --example gen_tree -- --parse-only DIR
//! ```
//!
//! The tree has the criteria, categories and services of `--data` and N entries derived from:
//!
//! - the seed entries of `--data`, unchanged but for a new slug and name (`signal-00042`,
//!   "Signal 00042") once their own are taken;
//! - with `--corpus`, the entries of the awesome-selfhosted data (CC BY-SA 3.0, credited in
//!   each generated description): name, description (as summary and description, in both
//!   languages, marked as the untranslated English original), website, source repository,
//!   licences mapped to SPDX (an entry whose licences are not all valid, free SPDX ids is
//!   skipped, not guessed), packaging mapped to platforms (deb, Docker, K8S, Nix → linux,
//!   otherwise web), tags mapped to the registry's categories where one fits (else a
//!   generated `self-hosted` category), kind `server`, and every applicable criterion
//!   assessed `unknown`: nothing is claimed that the corpus does not say.
//!
//! Generation is deterministic for a given input and `--date`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use clap::Parser;
use floss_registry::model::{Criterion, Kind};
use rayon::prelude::*;
use serde::Deserialize;

#[derive(Debug, Parser)]
#[command(about = "Generate a data tree of N entries for benchmarks, or time parsing one")]
struct Args {
    /// Directory to write the tree to (created; must be empty if it exists).
    #[arg(long, required_unless_present = "parse_only")]
    out: Option<PathBuf>,
    /// Number of entries to write.
    #[arg(long, default_value_t = 1000)]
    count: usize,
    /// An awesome-selfhosted data directory (with `software/*.yml`) to draw entries from.
    #[arg(long)]
    corpus: Option<PathBuf>,
    /// The data directory whose criteria, categories, services and entries are used.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/registry-data"))]
    data: PathBuf,
    /// Date written as `added` in entries from the corpus (default: today, UTC).
    #[arg(long)]
    date: Option<NaiveDate>,
    /// Instead of generating, read and parse every TOML file of this tree (no checks), in
    /// parallel like `validate`: the floor that validation time is compared with.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["out", "corpus"])]
    parse_only: Option<PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if let Some(dir) = &args.parse_only {
        let started = Instant::now();
        let (files, bytes) = parse_tree(dir)?;
        eprintln!(
            "parsed {files} files ({bytes} bytes) in {:.3} s",
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    let Some(out) = args.out else {
        bail!("--out is required");
    };
    let options = Options {
        out,
        count: args.count,
        data: args.data,
        corpus: args.corpus,
        date: args.date.unwrap_or_else(|| chrono::Utc::now().date_naive()),
    };
    let summary = generate(&options)?;
    eprintln!(
        "wrote {} entries to {} ({} derived from the seed, {} from the corpus; {} corpus entries skipped)",
        options.count,
        options.out.display(),
        summary.from_seed,
        summary.from_corpus,
        summary.corpus_skipped
    );
    Ok(())
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    pub out: PathBuf,
    pub count: usize,
    pub data: PathBuf,
    pub corpus: Option<PathBuf>,
    pub date: NaiveDate,
}

/// What was generated.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub from_seed: usize,
    pub from_corpus: usize,
    pub corpus_skipped: usize,
}

const SUBDIRS: [&str; 3] = ["criteria", "categories", "services"];

/// The category given to corpus entries that fit none of the registry's categories.
const SELF_HOSTED: &str = "self-hosted";

/// Writes the tree described by `options`.
pub fn generate(options: &Options) -> anyhow::Result<Summary> {
    let out = &options.out;
    if out.exists() && std::fs::read_dir(out)?.next().is_some() {
        bail!("{} exists and is not empty", out.display());
    }
    for sub in SUBDIRS {
        let target = out.join(sub);
        std::fs::create_dir_all(&target)?;
        for file in toml_files(&options.data.join(sub))? {
            let name = file.file_name().context("a file name")?;
            std::fs::copy(&file, target.join(name))?;
        }
    }
    std::fs::create_dir_all(out.join("entries"))?;

    let seed = read_seed_entries(&options.data.join("entries"))?;
    let mut sources: Vec<Source> = seed.into_iter().map(Source::Seed).collect();
    let mut skipped = 0;
    if let Some(corpus) = &options.corpus {
        let criteria = read_criteria(&options.data.join("criteria"))?;
        let categories: HashSet<String> = toml_files(&options.data.join("categories"))?
            .iter()
            .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect();
        let (entries, rejected) = read_corpus(corpus, &categories)?;
        skipped = rejected;
        let server = [Kind::Server];
        let assessed: Vec<String> = criteria
            .iter()
            .filter(|c| c.applies_to_kinds(&server))
            .map(|c| c.id.clone())
            .collect();
        if entries
            .iter()
            .any(|e| e.categories.iter().any(|c| c == SELF_HOSTED))
        {
            std::fs::write(
                out.join(format!("categories/{SELF_HOSTED}.toml")),
                SELF_HOSTED_CATEGORY,
            )?;
        }
        sources.extend(entries.into_iter().map(|e| {
            Source::Corpus(Box::new(CorpusSource {
                entry: e,
                assessed: assessed.clone(),
            }))
        }));
    }
    if sources.is_empty() {
        bail!("no entries to derive the tree from");
    }
    // A deterministic shuffle, so that any prefix of the tree mixes both sources.
    sources.sort_by_cached_key(|s| fnv1a(s.base_slug()));

    let mut slugs = HashSet::new();
    let mut names = HashSet::new();
    let mut summary = Summary {
        corpus_skipped: skipped,
        ..Summary::default()
    };
    let mut files = Vec::with_capacity(options.count);
    for i in 0..options.count {
        let source = &sources[i % sources.len()];
        let (slug, name) = unique_id(
            source.base_slug(),
            source.base_name(),
            i,
            &mut slugs,
            &mut names,
        );
        let text = match source {
            Source::Seed(seed) => {
                summary.from_seed += 1;
                seed.rename(&slug, &name)
            }
            Source::Corpus(c) => {
                summary.from_corpus += 1;
                c.entry.to_toml(&slug, &name, &c.assessed, options.date)
            }
        };
        files.push((slug, text));
    }
    files.par_iter().try_for_each(|(slug, text)| {
        std::fs::write(out.join(format!("entries/{slug}.toml")), text)
    })?;
    Ok(summary)
}

/// The slug and name of the i-th entry: the source's own, or with `-NNNNN` once taken.
fn unique_id(
    base_slug: &str,
    base_name: &str,
    i: usize,
    slugs: &mut HashSet<String>,
    names: &mut HashSet<String>,
) -> (String, String) {
    let mut slug = base_slug.to_owned();
    let mut name = base_name.to_owned();
    let mut n = i;
    while slugs.contains(&slug) || names.contains(&name.trim().to_lowercase()) {
        slug = format!("{}-{n:05}", truncate_slug(base_slug, 56));
        name = format!("{} {n:05}", truncate_chars(base_name, 70).trim_end());
        n += 1_000_000;
    }
    slugs.insert(slug.clone());
    names.insert(name.trim().to_lowercase());
    (slug, name)
}

enum Source {
    Seed(SeedEntry),
    Corpus(Box<CorpusSource>),
}

impl Source {
    fn base_slug(&self) -> &str {
        match self {
            Source::Seed(s) => &s.slug,
            Source::Corpus(c) => &c.entry.slug,
        }
    }

    fn base_name(&self) -> &str {
        match self {
            Source::Seed(s) => &s.name,
            Source::Corpus(c) => &c.entry.name,
        }
    }
}

struct CorpusSource {
    entry: CorpusEntry,
    /// Ids of the criteria that apply to server software.
    assessed: Vec<String>,
}

/// A seed entry's text, reused with another slug and name.
#[derive(Debug, Clone)]
pub struct SeedEntry {
    slug: String,
    name: String,
    text: String,
}

impl SeedEntry {
    /// The text with its `slug` and `name` lines replaced.
    fn rename(&self, slug: &str, name: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 16);
        let (mut slug_done, mut name_done) = (false, false);
        for line in self.text.split_inclusive('\n') {
            if !slug_done && line.starts_with("slug = ") {
                out.push_str(&format!("slug = {}\n", toml_string(slug)));
                slug_done = true;
            } else if !name_done && line.starts_with("name = ") {
                out.push_str(&format!("name = {}\n", toml_string(name)));
                name_done = true;
            } else {
                out.push_str(line);
            }
        }
        out
    }
}

fn read_seed_entries(dir: &Path) -> anyhow::Result<Vec<SeedEntry>> {
    let mut entries = Vec::new();
    for path in toml_files(dir)? {
        let text = std::fs::read_to_string(&path)?;
        let table: toml::Table =
            toml::from_str(&text).with_context(|| format!("parse {}", path.display()))?;
        let field = |key: &str| {
            table
                .get(key)
                .and_then(toml::Value::as_str)
                .map(str::to_owned)
        };
        if let (Some(slug), Some(name)) = (field("slug"), field("name")) {
            entries.push(SeedEntry { slug, name, text });
        }
    }
    Ok(entries)
}

fn read_criteria(dir: &Path) -> anyhow::Result<Vec<Criterion>> {
    toml_files(dir)?
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path)?;
            toml::from_str(&text).with_context(|| format!("parse {}", path.display()))
        })
        .collect()
}

/// The `.toml` files of a directory, sorted.
fn toml_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

// ---------------------------------------------------------------- awesome-selfhosted

/// An entry of awesome-selfhosted's `software/*.yml` (the fields used here).
#[derive(Debug, Deserialize)]
struct AsEntry {
    name: String,
    #[serde(default)]
    website_url: Option<String>,
    #[serde(default)]
    source_code_url: Option<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    licenses: Vec<String>,
    #[serde(default)]
    platforms: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
}

/// A corpus entry mapped to the registry's format.
#[derive(Debug, Clone)]
pub struct CorpusEntry {
    slug: String,
    name: String,
    description: String,
    homepage: String,
    repository: String,
    license: String,
    categories: Vec<String>,
    platforms: Vec<&'static str>,
}

/// Reads and maps every corpus entry; returns those that map and how many did not.
fn read_corpus(
    dir: &Path,
    categories: &HashSet<String>,
) -> anyhow::Result<(Vec<CorpusEntry>, usize)> {
    let software = dir.join("software");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&software)
        .with_context(|| format!("read {}", software.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "yml"))
        .collect();
    paths.sort();
    let mut entries = Vec::new();
    let mut skipped = 0;
    for path in paths {
        let text = std::fs::read_to_string(&path)?;
        let raw: AsEntry =
            serde_yaml_ng::from_str(&text).with_context(|| format!("parse {}", path.display()))?;
        match map_corpus_entry(raw, categories) {
            Some(entry) => entries.push(entry),
            None => skipped += 1,
        }
    }
    Ok((entries, skipped))
}

fn map_corpus_entry(raw: AsEntry, known_categories: &HashSet<String>) -> Option<CorpusEntry> {
    let name = truncate_chars(raw.name.trim(), 80).trim_end().to_owned();
    let description = raw.description.trim().replace('<', "\\<");
    if name.is_empty() || description.is_empty() {
        return None;
    }
    let repository = raw.source_code_url.filter(|u| is_public_https(u))?;
    let homepage = raw
        .website_url
        .filter(|u| is_public_https(u))
        .unwrap_or_else(|| repository.clone());
    let license = spdx_expression(&raw.licenses)?;
    let mut categories: Vec<String> = Vec::new();
    for tag in &raw.tags {
        if let Some(id) = category_of_tag(tag).filter(|id| known_categories.contains(*id))
            && !categories.iter().any(|c| c == id)
            && categories.len() < 5
        {
            categories.push(id.to_owned());
        }
    }
    if categories.is_empty() {
        categories.push(SELF_HOSTED.to_owned());
    }
    let packaged_for_linux = raw
        .platforms
        .iter()
        .any(|p| matches!(p.to_lowercase().as_str(), "deb" | "docker" | "k8s" | "nix"));
    let platforms = vec![if packaged_for_linux { "linux" } else { "web" }];
    Some(CorpusEntry {
        slug: slugify(&name),
        name,
        description,
        homepage,
        repository,
        license,
        categories,
        platforms,
    })
}

/// A URL the validator accepts: https, a public host name, no credentials.
fn is_public_https(value: &str) -> bool {
    value.len() <= 500
        && url::Url::parse(value).is_ok_and(|u| {
            u.scheme() == "https"
                && u.host_str().is_some_and(|h| h.contains('.'))
                && u.username().is_empty()
                && u.password().is_none()
        })
}

/// The SPDX expression of a list of licences (all of them apply: `AND`), or `None` when one
/// is not a free SPDX licence. Deprecated GNU ids (`GPL-3.0`) are, by SPDX's definition,
/// the `-only` ones.
fn spdx_expression(licenses: &[String]) -> Option<String> {
    let mut ids: Vec<&'static str> = Vec::new();
    for license in licenses {
        let mut id = spdx::license_id(license)?;
        if id.is_deprecated() {
            id = spdx::license_id(&format!("{license}-only")).filter(|id| !id.is_deprecated())?;
        }
        if !(id.is_osi_approved() || id.is_fsf_free_libre()) {
            return None;
        }
        if !ids.contains(&id.name) {
            ids.push(id.name);
        }
    }
    let expression = ids.join(" AND ");
    spdx::Expression::parse(&expression).ok()?;
    Some(expression)
}

/// The registry category an awesome-selfhosted tag falls in, where one clearly does.
fn category_of_tag(tag: &str) -> Option<&'static str> {
    const BY_PREFIX: [(&str, &str); 17] = [
        ("Analytics", "web-analytics"),
        ("Booking and Scheduling", "scheduling-polls"),
        ("Calendar & Contacts", "calendar-contacts"),
        ("Communication - Custom Communication Systems", "messaging"),
        ("Communication - Email", "email"),
        ("Communication - IRC", "team-chat"),
        (
            "Communication - Social Networks and Forums",
            "social-network",
        ),
        ("Communication - Video Conferencing", "video-conferencing"),
        ("Communication - XMPP", "messaging"),
        ("File Transfer & Synchronization", "file-sync"),
        ("Maps and Global Positioning System", "maps-navigation"),
        ("Media Streaming - Video Streaming", "video-platform"),
        ("Note-taking & Editors", "notes"),
        ("Office Suites", "office-suite"),
        ("Password Managers", "password-manager"),
        ("Photo Galleries", "photos"),
        ("Polls and Events", "scheduling-polls"),
    ];
    const EXACT: [(&str, &str); 2] = [("Search Engines", "search-engine"), ("VPN", "vpn")];
    BY_PREFIX
        .iter()
        .find(|(prefix, _)| tag.starts_with(prefix))
        .or_else(|| EXACT.iter().find(|(t, _)| *t == tag))
        .map(|(_, id)| *id)
}

const SELF_HOSTED_CATEGORY: &str = r#"id = "self-hosted"

[name]
fr = "Services auto-hébergés"
en = "Self-hosted services"

[description]
fr = "Services réseau et applications web à installer sur son propre serveur (catégorie générée pour les bancs d'essai)."
en = "Network services and web applications to run on one's own server (category generated for benchmarks)."
"#;

impl CorpusEntry {
    fn to_toml(&self, slug: &str, name: &str, assessed: &[String], date: NaiveDate) -> String {
        let list = |items: &[&str]| {
            items
                .iter()
                .map(|s| toml_string(s))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let categories: Vec<&str> = self.categories.iter().map(String::as_str).collect();
        let summary = truncate_words(&self.description, 200);
        let summary_fr = truncate_words(&format!("[EN] {}", self.description), 200);
        let credit = "Source : awesome-selfhosted (CC BY-SA 3.0).";
        let description_fr = format!(
            "*Texte original en anglais, non traduit :*\n\n{}\n\n{credit}",
            self.description
        );
        let description_en = format!(
            "{}\n\nSource: awesome-selfhosted (CC BY-SA 3.0).",
            self.description
        );
        let mut out = format!(
            "slug = {}\nname = {}\nkinds = [\"server\"]\nhomepage = {}\nrepository = {}\n\
             license = {}\ncategories = [{}]\nplatforms = [{}]\nself_hostable = true\nadded = {date}\n\n\
             [summary]\nfr = {}\nen = {}\n\n[description]\nfr = {}\nen = {}\n",
            toml_string(slug),
            toml_string(name),
            toml_string(&self.homepage),
            toml_string(&self.repository),
            toml_string(&self.license),
            list(&categories),
            list(&self.platforms),
            toml_string(&summary_fr),
            toml_string(&summary),
            toml_string(&description_fr),
            toml_string(&description_en),
        );
        for id in assessed {
            out.push_str(&format!("\n[assessment.{id}]\nstatus = \"unknown\"\n"));
        }
        out.push_str("\n[review]\nstatus = \"community\"\n");
        out
    }
}

// ---------------------------------------------------------------- text helpers

/// A TOML string value, quoted and escaped by the toml crate.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// Lower-case ASCII words joined by hyphens, at most 56 characters.
fn slugify(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let slug = truncate_slug(&words.join("-"), 56);
    if slug.is_empty() {
        "entry".to_owned()
    } else {
        slug
    }
}

fn truncate_slug(slug: &str, max: usize) -> String {
    if slug.len() <= max {
        return slug.to_owned();
    }
    slug[..max].trim_end_matches('-').to_owned()
}

fn truncate_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// At most `max` characters, cut at a word with an ellipsis when too long.
fn truncate_words(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut = truncate_chars(s, max - 1);
    let cut = match cut.rfind(' ') {
        Some(i) if i > cut.len() / 2 => &cut[..i],
        _ => cut,
    };
    // Never end on a lone backslash (it would escape the ellipsis).
    format!("{}…", cut.trim_end().trim_end_matches('\\'))
}

/// 64-bit FNV-1a, a stable hash for a deterministic order.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

// ---------------------------------------------------------------- parse-only floor

/// Reads and parses every TOML file of a data tree in parallel, without checking anything.
fn parse_tree(dir: &Path) -> anyhow::Result<(usize, u64)> {
    let mut files = Vec::new();
    for sub in ["entries", "criteria", "categories", "services"] {
        files.extend(toml_files(&dir.join(sub))?);
    }
    let bytes = files
        .par_iter()
        .map(|path| -> anyhow::Result<u64> {
            let text = std::fs::read_to_string(path)?;
            let _: toml::Table =
                toml::from_str(&text).with_context(|| format!("parse {}", path.display()))?;
            Ok(text.len() as u64)
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    Ok((files.len(), bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    fn options(out: &Path, count: usize, corpus: Option<PathBuf>) -> Options {
        Options {
            out: out.to_owned(),
            count,
            data: manifest_dir().join("registry-data"),
            corpus,
            date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default(),
        }
    }

    fn assert_valid(dir: &Path, count: usize) {
        let loaded = floss_registry::data::load(dir).expect("the generated tree is readable");
        assert_eq!(
            loaded.report.errors(),
            0,
            "{}",
            loaded.report.render_human(false)
        );
        assert_eq!(loaded.catalogue.entries.len(), count);
    }

    #[test]
    fn a_tree_derived_from_the_seed_entries_is_valid() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let out = dir.path().join("tree");
        // More entries than the seed has, so that slugs and names are made unique.
        let summary = generate(&options(&out, 250, None)).expect("generate");
        assert_eq!(summary.from_seed, 250);
        assert!(out.join("entries/signal.toml").exists());
        let renamed = std::fs::read_dir(out.join("entries"))
            .expect("entries")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with("signal-"))
            .count();
        assert!(renamed >= 1, "signal is reused under a new slug");
        assert_valid(&out, 250);
    }

    #[test]
    fn a_tree_with_entries_from_the_awesome_selfhosted_corpus_is_valid() {
        let corpus = manifest_dir().join("../shared/corpus/awesome-selfhosted-data");
        if !corpus.join("software").is_dir() {
            println!("skipped: no corpus at {}", corpus.display());
            return;
        }
        let dir = tempfile::tempdir().expect("temporary directory");
        let out = dir.path().join("tree");
        let summary = generate(&options(&out, 200, Some(corpus))).expect("generate");
        assert!(summary.from_corpus > 150, "{summary:?}");
        assert!(summary.from_seed > 0, "both sources are mixed: {summary:?}");
        assert!(summary.corpus_skipped > 0, "non-free licences are skipped");
        assert_valid(&out, 200);
    }

    #[test]
    fn refuses_to_write_into_a_non_empty_directory() {
        let dir = tempfile::tempdir().expect("temporary directory");
        std::fs::write(dir.path().join("keep.txt"), "").expect("write");
        assert!(generate(&options(dir.path(), 1, None)).is_err());
    }

    #[test]
    fn licences_map_to_free_spdx_ids_or_nothing() {
        let ids =
            |l: &[&str]| spdx_expression(&l.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(ids(&["GPL-3.0"]).as_deref(), Some("GPL-3.0-only"));
        assert_eq!(
            ids(&["MIT", "AGPL-3.0", "MIT"]).as_deref(),
            Some("MIT AND AGPL-3.0-only")
        );
        assert_eq!(ids(&["MIT", "BUSL-1.1"]), None);
        assert_eq!(ids(&["Commons-Clause"]), None);
        assert_eq!(ids(&["⊘ Proprietary"]), None);
    }

    #[test]
    fn slugs_are_lower_case_ascii_words() {
        assert_eq!(slugify("0 A.D."), "0-a-d");
        assert_eq!(slugify("Écrans & Co"), "crans-co");
        assert_eq!(slugify("日本"), "entry");
        assert!(floss_registry::model::is_valid_slug(&slugify(
            &"Long name ".repeat(20)
        )));
    }

    #[test]
    fn summaries_are_cut_at_a_word_within_the_limit() {
        let long = "word ".repeat(100);
        let cut = truncate_words(&long, 200);
        assert!(cut.chars().count() <= 200);
        assert!(cut.ends_with("word…"), "{cut}");
        assert_eq!(truncate_words("short", 200), "short");
    }

    #[test]
    fn taken_slugs_and_names_get_a_numbered_suffix() {
        let (mut slugs, mut names) = (HashSet::new(), HashSet::new());
        assert_eq!(
            unique_id("signal", "Signal", 0, &mut slugs, &mut names),
            ("signal".to_owned(), "Signal".to_owned())
        );
        assert_eq!(
            unique_id("signal", "SIGNAL", 42, &mut slugs, &mut names),
            ("signal-00042".to_owned(), "SIGNAL 00042".to_owned())
        );
    }
}
