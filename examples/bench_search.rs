//! Benchmarks of indexing and search (see `BENCHMARKS.md`, driven by `bench/search.sh`):
//! index build time against the floor of reading and parsing the data, incremental update of
//! one entry until it is searchable, query latency and relevance side by side with a SQLite
//! FTS5 baseline.
//!
//! ```text
//! cargo run --release --example bench_search -- build       --data TREE --state DIR [--runs 3]
//! cargo run --release --example bench_search -- incremental --data TREE --state DIR [--runs 5]
//! cargo run --release --example bench_search -- query       --data TREE --state DIR [--rounds 20]
//! cargo run --release --example bench_search -- relevance   [--data registry-data]
//! ```
//!
//! Trees come from `examples/gen_tree.rs`. `build` leaves its index in `DIR/index` (the layout
//! of `floss-registry --state DIR`), which `incremental` and `query` reuse. Each command
//! prints Markdown table rows on stdout (the script assembles the tables) and details on
//! stderr.
//!
//! The FTS5 baseline is "the simple thing a user might pick": one FTS5 table of name, summary
//! and description in both languages and the names and aliases of the replaced services,
//! tokenizer `unicode61 remove_diacritics 2`, ranked by `bm25` (name weighted 10, services 5,
//! summaries 3, descriptions 1); the query is the words of the input, each quoted, all
//! required, the last one as a prefix (`"gestionnaire" "de" "mots"*`). It returns the top 20
//! with a snippet: no total, no facets (tantivy computes both), which favours FTS5.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail, ensure};
use clap::{Parser, Subcommand};
use floss_registry::data::{Catalogue, load, parse_entry_text};
use floss_registry::model::Lang;
use floss_registry::search::sync::{IndexOutcome, open_and_sync as sync_index};
use floss_registry::search::{Filters, MAX_PER_PAGE, SearchIndex, SearchRequest};
use rayon::prelude::*;
use rusqlite::{Connection, params};

#[derive(Debug, Parser)]
#[command(about = "Benchmarks of indexing and search, with a SQLite FTS5 baseline")]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Full index build against the floor of reading and parsing the same files.
    Build {
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        state: PathBuf,
        /// Builds to time (the median is reported).
        #[arg(long, default_value_t = 3)]
        runs: usize,
    },
    /// One entry file changed, until a search finds its new text.
    Incremental {
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        state: PathBuf,
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
    /// Query latency (p50/p99) of tantivy and FTS5 on a fixed mix, and relevance on this tree.
    Query {
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        state: PathBuf,
        /// Times the whole mix is run, per engine, after two warm-up rounds.
        #[arg(long, default_value_t = 20)]
        rounds: usize,
    },
    /// The relevance set of `tests/search_relevance.rs` against tantivy and FTS5 (in memory).
    Relevance {
        #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/registry-data"))]
        data: PathBuf,
    },
}

fn main() -> anyhow::Result<()> {
    match Args::parse().command {
        Command::Build { data, state, runs } => build(&data, &state, runs),
        Command::Incremental { data, state, runs } => incremental(&data, &state, runs),
        Command::Query {
            data,
            state,
            rounds,
        } => query(&data, &state, rounds),
        Command::Relevance { data } => relevance_only(&data),
    }
}

// ---------------------------------------------------------------- helpers

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// The value below which `p` (0..=1) of the sorted samples fall (nearest rank).
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = f();
    (value, started.elapsed())
}

fn load_catalogue(data: &Path) -> anyhow::Result<Catalogue> {
    let loaded = load(data).with_context(|| format!("load {}", data.display()))?;
    ensure!(
        loaded.report.errors() == 0,
        "{} has errors: run `floss-registry validate {}`",
        data.display(),
        data.display()
    );
    Ok(loaded.catalogue)
}

fn index_dir(state: &Path) -> PathBuf {
    state.join("index")
}

fn remove_index(state: &Path) -> anyhow::Result<()> {
    for path in [index_dir(state)] {
        if path.is_dir() {
            std::fs::remove_dir_all(&path)?;
        } else if path.exists() {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// The `.toml` files of the sub-directories of a data tree.
fn tree_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for sub in ["entries", "criteria", "categories", "services"] {
        for e in std::fs::read_dir(dir.join(sub))? {
            let path = e?.path();
            if path.extension().is_some_and(|x| x == "toml") {
                files.push(path);
            }
        }
    }
    Ok(files)
}

/// The floor: read and parse every TOML file, in parallel like `data::load`, checking
/// nothing (the same work as `gen_tree --parse-only`).
fn parse_floor(dir: &Path) -> anyhow::Result<usize> {
    let files = tree_files(dir)?;
    files
        .par_iter()
        .try_for_each(|path| -> anyhow::Result<()> {
            let text = std::fs::read_to_string(path)?;
            let table: toml::Table = toml::from_str(&text)?;
            black_box(table);
            Ok(())
        })?;
    Ok(files.len())
}

// ---------------------------------------------------------------- build

fn build(data: &Path, state: &Path, runs: usize) -> anyhow::Result<()> {
    std::fs::create_dir_all(state)?;
    let (mut floors, mut loads, mut indexes) = (Vec::new(), Vec::new(), Vec::new());
    let mut entries = 0;
    // A first read so that every run finds the files in the page cache.
    parse_floor(data)?;
    for run in 1..=runs.max(1) {
        let (files, floor) = time(|| parse_floor(data));
        let files = files?;
        let (catalogue, load_time) = time(|| load_catalogue(data));
        let catalogue = catalogue?;
        entries = catalogue.entries.len();
        remove_index(state)?;
        let (built, index_time) =
            time(|| sync_index(&index_dir(state), &catalogue, false, &|_, _| {}));
        let (index, outcome) = built?;
        ensure!(
            matches!(outcome, IndexOutcome::Built { .. }),
            "expected a build, got {outcome}"
        );
        ensure!(index.doc_count() as usize == entries, "every entry indexed");
        eprintln!(
            "build run {run}: {files} files; parse floor {:.0} ms, load {:.0} ms, index {:.0} ms",
            ms(floor),
            ms(load_time),
            ms(index_time)
        );
        floors.push(ms(floor));
        loads.push(ms(load_time));
        indexes.push(ms(index_time));
    }
    let (floor, load_ms, index_ms) = (median(floors), median(loads), median(indexes));
    let total = load_ms + index_ms;
    let bytes: u64 = std::fs::read_dir(index_dir(state))?
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    // entries | parse floor | load | index | total | total/floor | total/load | index size
    println!(
        "| {entries} | {floor:.0} | {load_ms:.0} | {index_ms:.0} | {total:.0} | {:.1}× | {:.1}× | {:.1} MB |",
        total / floor,
        total / load_ms,
        bytes as f64 / 1e6
    );
    Ok(())
}

// ---------------------------------------------------------------- incremental

/// The entry changed by the incremental benchmark: a seed entry if there is one.
fn pick_entry(data: &Path) -> anyhow::Result<PathBuf> {
    let signal = data.join("entries/signal.toml");
    if signal.exists() {
        return Ok(signal);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(data.join("entries"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files.into_iter().next().context("no entry file")
}

/// `text` with `word` inserted at the start of the English summary.
fn with_word(text: &str, word: &str) -> anyhow::Result<String> {
    let mut out = String::with_capacity(text.len() + word.len() + 1);
    let mut in_summary = false;
    let mut done = false;
    for line in text.split_inclusive('\n') {
        if line.starts_with('[') {
            in_summary = line.trim_end() == "[summary]";
        }
        if in_summary && !done {
            for quote in ["\"\"\"", "'''", "\"", "'"] {
                let start = format!("en = {quote}");
                if let Some(rest) = line.strip_prefix(&start) {
                    out.push_str(&format!("{start}{word} {rest}"));
                    done = true;
                    break;
                }
            }
            if done {
                continue;
            }
        }
        out.push_str(line);
    }
    ensure!(done, "no `en = ` line under [summary]");
    Ok(out)
}

/// A word no entry has: letters only, different for every run.
fn marker(run: usize) -> String {
    let letters: String = format!("{run:03}")
        .bytes()
        .map(|b| char::from(b'a' + (b - b'0')))
        .collect();
    format!("quokkabench{letters}")
}

fn finds(index: &SearchIndex, word: &str, slug: &str) -> anyhow::Result<bool> {
    let results = index.search(&SearchRequest::new(word, Lang::En))?;
    Ok(results.hits.iter().any(|h| h.slug == slug))
}

fn incremental(data: &Path, state: &Path, runs: usize) -> anyhow::Result<()> {
    std::fs::create_dir_all(state)?;
    let file = pick_entry(data)?;
    let slug = file
        .file_stem()
        .context("entry file name")?
        .to_string_lossy()
        .into_owned();
    let original = std::fs::read_to_string(&file)?;
    let catalogue = load_catalogue(data)?;
    let entries = catalogue.entries.len();
    let (index, outcome) = sync_index(&index_dir(state), &catalogue, false, &|_, _| {})?;
    eprintln!("incremental: {entries} entries, changing {slug}; setup: {outcome}");
    drop(index);

    // 1. The command-line path: `floss-registry index` then a search, in one process: load
    //    the whole tree, sync the index (manifest diff, delete + add, commit, reload), search.
    let mut cold: Vec<[f64; 4]> = Vec::new();
    let result = (|| -> anyhow::Result<()> {
        for run in 0..runs.max(1) {
            let word = marker(run);
            std::fs::write(&file, with_word(&original, &word)?)?;
            let started = Instant::now();
            let (catalogue, t_load) = time(|| load_catalogue(data));
            let catalogue = catalogue?;
            let (synced, t_sync) =
                time(|| sync_index(&index_dir(state), &catalogue, false, &|_, _| {}));
            let (index, outcome) = synced?;
            let (found, t_search) = time(|| finds(&index, &word, &slug));
            let total = started.elapsed();
            ensure!(found?, "the new text of {slug} is not found");
            ensure!(
                matches!(&outcome, IndexOutcome::Incremental { changed, removed }
                    if changed.len() == 1 && removed.is_empty()),
                "expected an incremental update of one entry, got {outcome}"
            );
            eprintln!(
                "  cold run {run}: load {:.0} ms, sync_index {:.1} ms, search {:.1} ms, total {:.0} ms",
                ms(t_load),
                ms(t_sync),
                ms(t_search),
                ms(total)
            );
            cold.push([ms(t_load), ms(t_sync), ms(t_search), ms(total)]);
        }
        Ok(())
    })();
    // Leave the tree and its index as they were.
    std::fs::write(&file, &original)?;
    result?;
    let catalogue = load_catalogue(data)?;
    let (index, _) = sync_index(&index_dir(state), &catalogue, false, &|_, _| {})?;
    drop(index);

    // 2. The path of a server that watches its data: the index stays open; only the changed
    //    file is parsed and checked, its document replaced, committed and the reader reloaded.
    //    On a copy of the index, so that the one in `state` stays in step with its manifest.
    let scratch = state.join("scratch-index");
    if scratch.exists() {
        std::fs::remove_dir_all(&scratch)?;
    }
    copy_dir(&index_dir(state), &scratch)?;
    let mut catalogue = catalogue;
    let (index, _) = SearchIndex::open_or_build(
        &scratch,
        &catalogue,
        &catalogue.fingerprint(),
        false,
        &|_, _| {},
    )?;
    let relative = format!("entries/{slug}.toml");
    let latest = chrono::Utc::now().date_naive() + chrono::Days::new(1);
    let mut hot: Vec<[f64; 4]> = Vec::new();
    for run in 0..runs.max(1) {
        let word = marker(100 + run);
        let text = with_word(&original, &word)?;
        let started = Instant::now();
        let ((entry, diagnostics), t_parse) =
            time(|| parse_entry_text(&text, &relative, &catalogue, latest));
        let entry = entry.with_context(|| format!("{relative} is invalid: {diagnostics:?}"))?;
        catalogue.entries.insert(slug.clone(), entry);
        let (fingerprint, t_fingerprint) = time(|| catalogue.fingerprint());
        let (updated, t_update) = time(|| {
            let entry = &catalogue.entries[&slug];
            index.update(&catalogue, &[entry], &[], &fingerprint)
        });
        updated?;
        let t_update = t_update + t_fingerprint;
        let (found, t_search) = time(|| finds(&index, &word, &slug));
        let total = started.elapsed();
        ensure!(found?, "the new text of {slug} is not found (hot path)");
        eprintln!(
            "  hot run {run}: parse {:.2} ms, fingerprint + update {:.1} ms (fingerprint {:.1}), search {:.1} ms, total {:.1} ms",
            ms(t_parse),
            ms(t_update),
            ms(t_fingerprint),
            ms(t_search),
            ms(total)
        );
        hot.push([ms(t_parse), ms(t_update), ms(t_search), ms(total)]);
    }
    drop(index);
    std::fs::remove_dir_all(&scratch)?;

    let col = |rows: &[[f64; 4]], i: usize| median(rows.iter().map(|r| r[i]).collect());
    // path | entries | step 1 | step 2 | search | total (medians)
    println!(
        "| `floss-registry index` path: `data::load` of the tree, `sync_index`, search | {entries} | load {:.0} | sync_index {:.1} | {:.1} | **{:.0}** |",
        col(&cold, 0),
        col(&cold, 1),
        col(&cold, 2),
        col(&cold, 3)
    );
    println!(
        "| index kept open: parse the file, `Catalogue::fingerprint` + `SearchIndex::update`, search | {entries} | parse {:.2} | fingerprint + update {:.1} | {:.1} | **{:.1}** |",
        col(&hot, 0),
        col(&hot, 1),
        col(&hot, 2),
        col(&hot, 3)
    );
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let target = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &target)?;
        } else if e.file_name() != ".tantivy-writer.lock" {
            std::fs::copy(e.path(), target)?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- the query mix

/// One query of the mix.
#[derive(Debug, Clone)]
struct Case {
    q: String,
    lang: Lang,
    /// (dimension, value) filters.
    filters: Vec<(&'static str, &'static str)>,
    /// For the relevance set: the slugs expected, whether all of them, within how many.
    expect: Option<(Vec<String>, bool, usize)>,
    kind: &'static str,
}

/// The relevance set, read from the test file itself so that both stay the same.
const RELEVANCE_TEST: &str = include_str!("../tests/search_relevance.rs");

#[derive(Debug, PartialEq)]
enum Token {
    Str(String),
    Ident(String),
    Num(usize),
}

fn tokens(src: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '"' => {
                let mut s = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            if let Some(e) = chars.next() {
                                s.push(match e {
                                    'n' => '\n',
                                    other => other,
                                });
                            }
                        }
                        '"' => break,
                        c => s.push(c),
                    }
                }
                out.push(Token::Str(s));
            }
            c if c.is_ascii_digit() => {
                let mut n = c.to_digit(10).unwrap_or(0) as usize;
                while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                    n = n * 10 + d as usize;
                    chars.next();
                }
                out.push(Token::Num(n));
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut s = String::from(c);
                while let Some(&c) = chars.peek() {
                    if c.is_alphanumeric() || c == '_' {
                        s.push(c);
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push(Token::Ident(s));
            }
            _ => {}
        }
    }
    out
}

/// The `CASES` of `tests/search_relevance.rs`: `("query", FR|EN, Any|All(&["slug", ...], n))`.
fn relevance_cases() -> anyhow::Result<Vec<Case>> {
    let start = RELEVANCE_TEST
        .find("const CASES")
        .context("no CASES in tests/search_relevance.rs")?;
    let body = &RELEVANCE_TEST[start..];
    let end = body.find("\n];").context("end of CASES")?;
    let toks = tokens(&body[..end]);
    let mut cases = Vec::new();
    let mut i = 0;
    while i + 2 < toks.len() {
        let (Token::Str(q), Token::Ident(lang), Token::Ident(kind)) =
            (&toks[i], &toks[i + 1], &toks[i + 2])
        else {
            i += 1;
            continue;
        };
        let lang = match lang.as_str() {
            "FR" => Lang::Fr,
            "EN" => Lang::En,
            _ => {
                i += 1;
                continue;
            }
        };
        let all = match kind.as_str() {
            "All" => true,
            "Any" => false,
            _ => bail!("unexpected {kind} after {q:?}"),
        };
        let mut slugs = Vec::new();
        let mut j = i + 3;
        let n = loop {
            match toks.get(j) {
                Some(Token::Str(s)) => slugs.push(s.clone()),
                Some(Token::Num(n)) => break *n,
                other => bail!("unexpected {other:?} in the case {q:?}"),
            }
            j += 1;
        };
        cases.push(Case {
            q: q.clone(),
            lang,
            filters: Vec::new(),
            expect: Some((slugs, all, n)),
            kind: "relevance set",
        });
        i = j + 1;
    }
    ensure!(
        cases.len() >= 40,
        "only {} relevance cases parsed",
        cases.len()
    );
    Ok(cases)
}

/// The relevance set plus typos, as-you-type prefixes, filtered and long queries.
fn query_mix() -> anyhow::Result<Vec<Case>> {
    let mut cases = relevance_cases()?;
    let plain = |q: &str, lang, kind| Case {
        q: q.to_owned(),
        lang,
        filters: Vec::new(),
        expect: None,
        kind,
    };
    for q in [
        "bitwardn",
        "libreofice",
        "firefx",
        "peertub",
        "syncting",
        "jitsy meet",
    ] {
        cases.push(plain(q, Lang::En, "typo"));
    }
    for q in [
        "jits",
        "mast",
        "bitw",
        "libre",
        "peert",
        "visio",
        "chiff",
        "gestionnaire de mo",
    ] {
        cases.push(plain(q, Lang::Fr, "prefix"));
    }
    for q in [
        "logiciel libre pour remplacer google docs et dropbox",
        "self-hosted open source alternative to slack with video calls",
    ] {
        cases.push(plain(q, Lang::En, "long"));
    }
    type Filtered = (&'static str, Lang, &'static [(&'static str, &'static str)]);
    let filtered: [Filtered; 6] = [
        ("messagerie", Lang::Fr, &[("category", "messaging")]),
        ("chat", Lang::En, &[("platform", "android")]),
        ("notes", Lang::En, &[("platform", "linux")]),
        ("vidéo", Lang::Fr, &[("category", "video-platform")]),
        ("password", Lang::En, &[("platform", "ios")]),
        (
            "partage",
            Lang::Fr,
            &[("category", "file-sync"), ("platform", "linux")],
        ),
    ];
    for (q, lang, filters) in filtered {
        cases.push(Case {
            q: q.to_owned(),
            lang,
            filters: filters.to_vec(),
            expect: None,
            kind: "filter",
        });
    }
    Ok(cases)
}

fn request(case: &Case) -> SearchRequest {
    let mut req = SearchRequest::new(case.q.clone(), case.lang);
    req.filters = filters_of(&case.filters);
    req
}

fn filters_of(pairs: &[(&str, &str)]) -> Filters {
    let mut f = Filters::default();
    for (dim, value) in pairs {
        let list = match *dim {
            "category" => &mut f.category,
            "platform" => &mut f.platform,
            _ => continue,
        };
        list.push((*value).to_owned());
    }
    f
}

// ---------------------------------------------------------------- the FTS5 baseline

/// Results per query: one page of the API's default size.
const PAGE: usize = 20;
/// Results per query for relevance on generated trees, where copies are collapsed: at least
/// this many, and [`DEPTH_PER_COPY`] per copy of the most copied entry (the relevance set asks
/// for at most 6 distinct entries, and the copies of one entry come together in the results).
const DEEP_PAGE: usize = 100;
const DEPTH_PER_COPY: usize = 10;

struct Fts {
    conn: Connection,
}

/// Variants of the FTS5 query: all words required (the baseline), or any of them.
#[derive(Debug, Clone, Copy, PartialEq)]
enum FtsMode {
    And,
    Or,
}

impl Fts {
    /// Creates (or replaces) the baseline database at `path` (`:memory:` for none).
    fn build(path: &str, catalogue: &Catalogue) -> anyhow::Result<Fts> {
        if path != ":memory:" {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let _ = std::fs::remove_file(format!("{path}{suffix}"));
            }
        }
        let conn = Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA journal_mode = OFF;
             PRAGMA synchronous = OFF;
             PRAGMA cache_size = -262144;
             PRAGMA mmap_size = 1073741824;
             PRAGMA temp_store = MEMORY;
             CREATE VIRTUAL TABLE entries USING fts5(
                 slug UNINDEXED, name, summary_fr, summary_en, description_fr, description_en,
                 services, categories UNINDEXED, platforms UNINDEXED,
                 tokenize = 'unicode61 remove_diacritics 2');",
        )?;
        let tx = conn.unchecked_transaction()?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO entries (rowid, slug, name, summary_fr, summary_en, description_fr,
                 description_en, services, categories, platforms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for (id, entry) in catalogue.entries.values().enumerate() {
                let id = id as i64 + 1;
                let platforms: Vec<String> = entry
                    .platforms
                    .iter()
                    .filter_map(|p| serde_json::to_value(p).ok()?.as_str().map(str::to_owned))
                    .collect();
                let mut services = Vec::new();
                for s in entry
                    .replaces
                    .iter()
                    .filter_map(|s| catalogue.services.get(s))
                {
                    services.push(s.name.clone());
                    services.extend(s.aliases.fr.iter().cloned());
                    services.extend(s.aliases.en.iter().cloned());
                }
                insert.execute(params![
                    id,
                    entry.slug,
                    entry.name,
                    entry.summary.fr,
                    entry.summary.en,
                    entry.description.fr,
                    entry.description.en,
                    services.join(" ; "),
                    format!(" {} ", entry.categories.join(" ")),
                    format!(" {} ", platforms.join(" ")),
                ])?;
            }
        }
        tx.execute_batch("INSERT INTO entries (entries) VALUES ('optimize');")?;
        tx.commit()?;
        conn.execute_batch("ANALYZE;")?;
        Ok(Fts { conn })
    }

    /// The FTS5 query of a user's input: its words, quoted, the last one as a prefix.
    fn match_expr(q: &str, mode: FtsMode) -> Option<String> {
        let words: Vec<&str> = q
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let last = words.len().checked_sub(1)?;
        let parts: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if i == last {
                    format!("\"{w}\"*")
                } else {
                    format!("\"{w}\"")
                }
            })
            .collect();
        Some(parts.join(if mode == FtsMode::And { " " } else { " OR " }))
    }

    /// The top `limit` slugs (with name, summary and a snippet fetched, as a results page
    /// needs).
    fn search(&self, case: &Case, mode: FtsMode, limit: usize) -> anyhow::Result<Vec<String>> {
        let Some(expr) = Fts::match_expr(&case.q, mode) else {
            return Ok(Vec::new());
        };
        let mut sql = String::from(
            "SELECT slug, name, summary_fr, summary_en,
                    snippet(entries, -1, '<mark>', '</mark>', '…', 16)
             FROM entries WHERE entries MATCH ?1",
        );
        // Filters: checked on the rows that match (the lists are stored as " a b ").
        for (i, (dim, _)) in case.filters.iter().enumerate() {
            let column = if *dim == "category" {
                "categories"
            } else {
                "platforms"
            };
            sql.push_str(&format!(" AND instr({column}, ?{}) > 0", i + 2));
        }
        sql.push_str(
            " ORDER BY bm25(entries, 0.0, 10.0, 3.0, 3.0, 1.0, 1.0, 5.0, 0.0, 0.0) LIMIT ?99",
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        stmt.raw_bind_parameter(1, &expr)?;
        for (i, (_, value)) in case.filters.iter().enumerate() {
            stmt.raw_bind_parameter(i + 2, format!(" {value} "))?;
        }
        stmt.raw_bind_parameter(99, limit as i64)?;
        let mut rows = stmt.raw_query();
        let mut slugs = Vec::with_capacity(limit);
        while let Some(row) = rows.next()? {
            let summary: String = row.get(if case.lang == Lang::Fr { 2 } else { 3 })?;
            let snippet: String = row.get(4)?;
            black_box((row.get::<_, String>(1)?, summary, snippet));
            slugs.push(row.get(0)?);
        }
        Ok(slugs)
    }
}

// ---------------------------------------------------------------- relevance

/// The entry a slug is a copy of: generated trees hold renamed copies of the seed entries
/// (`signal-00042`) and corpus entries whose slug was taken (`nextcloud-01234`).
fn base_slug(slug: &str) -> &str {
    match slug.rsplit_once('-') {
        Some((base, n)) if n.len() == 5 && n.bytes().all(|b| b.is_ascii_digit()) => base,
        _ => slug,
    }
}

/// Whether the expected entries are in the top results. With `collapse`, copies of one entry
/// count as that entry and take one place: the top N are the first N distinct entries.
fn passes(hits: &[String], expect: &(Vec<String>, bool, usize), collapse: bool) -> bool {
    let (slugs, all, n) = expect;
    let mut top: Vec<&str> = Vec::new();
    for hit in hits {
        let slug = if collapse {
            base_slug(hit)
        } else {
            hit.as_str()
        };
        if !top.contains(&slug) {
            top.push(slug);
        }
    }
    let within = |s: &String| top.iter().take(*n).any(|t| t == s);
    if *all {
        slugs.iter().all(within)
    } else {
        slugs.iter().any(within)
    }
}

#[derive(Debug, Default)]
struct Relevance {
    cases: usize,
    tantivy: usize,
    fts_and: usize,
    fts_or: usize,
}

/// How many results to read per query so that `n` distinct entries can show when every entry
/// has copies: [`PAGE`] on a catalogue without copies.
fn depth(catalogue: &Catalogue, collapse: bool) -> usize {
    if !collapse {
        return PAGE;
    }
    let mut copies: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for slug in catalogue.entries.keys() {
        *copies.entry(base_slug(slug)).or_default() += 1;
    }
    let most = copies.values().copied().max().unwrap_or(1);
    DEEP_PAGE.max(most * DEPTH_PER_COPY)
}

/// The slugs of the first `limit` results of tantivy, page after page (a page holds at most
/// `MAX_PER_PAGE`).
fn tantivy_slugs(index: &SearchIndex, case: &Case, limit: usize) -> anyhow::Result<Vec<String>> {
    let mut req = request(case);
    req.per_page = limit.min(MAX_PER_PAGE);
    let mut slugs = Vec::with_capacity(limit);
    loop {
        let results = index.search(&req)?;
        let before = slugs.len();
        slugs.extend(results.hits.into_iter().map(|h| h.slug));
        if slugs.len() >= limit || slugs.len() == before || slugs.len() >= results.total {
            break;
        }
        req.page += 1;
    }
    slugs.truncate(limit);
    Ok(slugs)
}

/// Runs the relevance set on both engines, reading `limit` results per query; `collapse` on
/// generated trees (see [`passes`]).
fn relevance(
    index: &SearchIndex,
    fts: &Fts,
    cases: &[Case],
    limit: usize,
    collapse: bool,
) -> anyhow::Result<Relevance> {
    let mut r = Relevance::default();
    for case in cases {
        let Some(expect) = &case.expect else { continue };
        r.cases += 1;
        let hits = tantivy_slugs(index, case, limit)?;
        let and = fts.search(case, FtsMode::And, limit)?;
        let or = fts.search(case, FtsMode::Or, limit)?;
        let t = passes(&hits, expect, collapse);
        let a = passes(&and, expect, collapse);
        let o = passes(&or, expect, collapse);
        r.tantivy += usize::from(t);
        r.fts_and += usize::from(a);
        r.fts_or += usize::from(o);
        let mark = |ok| if ok { "ok  " } else { "FAIL" };
        let top = |v: &[String]| v.iter().take(4).cloned().collect::<Vec<_>>().join(", ");
        eprintln!(
            "  tantivy {} | fts5 {} | fts5-or {} | {:?} → tantivy: {} | fts5: {}",
            mark(t),
            mark(a),
            mark(o),
            case.q,
            top(&hits),
            top(&and)
        );
    }
    Ok(r)
}

fn relevance_row(label: &str, entries: usize, r: &Relevance) {
    let cell = |n: usize| {
        format!(
            "{n}/{} ({:.0} %)",
            r.cases,
            100.0 * n as f64 / r.cases.max(1) as f64
        )
    };
    // corpus | entries | queries | tantivy | FTS5 (all words) | FTS5 (any word)
    println!(
        "| {label} | {entries} | {} | **{}** | {} | {} |",
        r.cases,
        cell(r.tantivy),
        cell(r.fts_and),
        cell(r.fts_or)
    );
}

fn relevance_only(data: &Path) -> anyhow::Result<()> {
    let catalogue = load_catalogue(data)?;
    let index = SearchIndex::in_memory(&catalogue)?;
    let fts = Fts::build(":memory:", &catalogue)?;
    let cases = relevance_cases()?;
    let r = relevance(&index, &fts, &cases, depth(&catalogue, false), false)?;
    relevance_row(
        "seed catalogue (as in the CI test)",
        catalogue.entries.len(),
        &r,
    );
    Ok(())
}

// ---------------------------------------------------------------- latency

/// Latency samples of one engine, in milliseconds, by query of the mix.
struct Samples {
    by_query: Vec<Vec<f64>>,
}

impl Samples {
    fn new(queries: usize) -> Samples {
        Samples {
            by_query: vec![Vec::new(); queries],
        }
    }

    fn sorted(&self) -> Vec<f64> {
        let mut all: Vec<f64> = self.by_query.iter().flatten().copied().collect();
        all.sort_by(f64::total_cmp);
        all
    }

    fn report_slowest(&self, engine: &str, mix: &[Case]) {
        let mut slowest: Vec<(f64, usize)> = self
            .by_query
            .iter()
            .enumerate()
            .map(|(i, v)| (median(v.clone()), i))
            .collect();
        slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
        eprintln!("slowest queries on {engine} (median ms):");
        for (t, i) in slowest.iter().take(6) {
            let case = &mix[*i];
            eprintln!(
                "  {t:7.2} ms  [{}] {:?} {:?}",
                case.kind, case.q, case.filters
            );
        }
        let kinds = ["relevance set", "typo", "prefix", "long", "filter"];
        let medians: Vec<String> = kinds
            .iter()
            .map(|kind| {
                let v: Vec<f64> = self
                    .by_query
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mix[*i].kind == *kind)
                    .flat_map(|(_, v)| v.iter().copied())
                    .collect();
                format!("{kind} {:.2}", median(v))
            })
            .collect();
        eprintln!("{engine} median by kind (ms): {}", medians.join(", "));
    }
}

fn query(data: &Path, state: &Path, rounds: usize) -> anyhow::Result<()> {
    let catalogue = load_catalogue(data)?;
    let entries = catalogue.entries.len();
    let (index, outcome) = sync_index(&index_dir(state), &catalogue, false, &|_, _| {})?;
    eprintln!("query: {entries} entries; tantivy index: {outcome}");
    let db = state.join("fts5.sqlite");
    let (fts, fts_build) = time(|| Fts::build(&db.to_string_lossy(), &catalogue));
    let fts = fts?;
    let fts_bytes = std::fs::metadata(&db).map_or(0, |m| m.len());
    eprintln!(
        "FTS5 baseline built in {:.0} ms ({:.1} MB)",
        ms(fts_build),
        fts_bytes as f64 / 1e6
    );
    let mix = query_mix()?;
    eprintln!("query mix: {} queries", mix.len());
    let requests: Vec<SearchRequest> = mix.iter().map(request).collect();

    // Warm-up: every query twice on both engines (caches, page cache, prepared statements).
    for _ in 0..2 {
        for (case, req) in mix.iter().zip(&requests) {
            black_box(index.search(req)?);
            black_box(fts.search(case, FtsMode::And, PAGE)?);
        }
    }
    let mut tantivy = Samples::new(mix.len());
    let mut sqlite = Samples::new(mix.len());
    for round in 0..rounds.max(1) {
        for (i, (case, req)) in mix.iter().zip(&requests).enumerate() {
            let mut run_t = || -> anyhow::Result<()> {
                let started = Instant::now();
                black_box(index.search(black_box(req))?);
                tantivy.by_query[i].push(ms(started.elapsed()));
                Ok(())
            };
            let mut run_f = || -> anyhow::Result<()> {
                let started = Instant::now();
                black_box(fts.search(black_box(case), FtsMode::And, PAGE)?);
                sqlite.by_query[i].push(ms(started.elapsed()));
                Ok(())
            };
            // Alternate which engine goes first, so that neither always follows the other.
            if round % 2 == 0 {
                run_t()?;
                run_f()?;
            } else {
                run_f()?;
                run_t()?;
            }
        }
    }
    tantivy.report_slowest("tantivy", &mix);
    sqlite.report_slowest("FTS5", &mix);
    let (t, f) = (tantivy.sorted(), sqlite.sorted());
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    // entries | queries × rounds | tantivy p50 | p99 | mean | FTS5 p50 | p99 | mean | p99 ratio
    println!(
        "| {entries} | {} × {} | {:.2} | **{:.2}** | {:.2} | {:.2} | **{:.2}** | {:.2} | {:.2} |",
        mix.len(),
        rounds.max(1),
        percentile(&t, 0.5),
        percentile(&t, 0.99),
        mean(&t),
        percentile(&f, 0.5),
        percentile(&f, 0.99),
        mean(&f),
        percentile(&t, 0.99) / percentile(&f, 0.99),
    );
    let limit = depth(&catalogue, true);
    eprintln!("relevance: the first {limit} results of each query, copies collapsed");
    let r = relevance(&index, &fts, &mix, limit, true)?;
    relevance_row(
        &format!("generated tree (copies collapsed, first {limit} results read)"),
        entries,
        &r,
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_count_as_the_entry_they_copy() {
        assert_eq!(base_slug("signal-00042"), "signal");
        assert_eq!(base_slug("jitsi-meet"), "jitsi-meet");
        assert_eq!(base_slug("davx5"), "davx5");
        let hits: Vec<String> = ["molly", "molly-00007", "signal-00042"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let expect = (vec!["signal".to_owned()], true, 2);
        assert!(passes(&hits, &expect, true));
        assert!(!passes(&hits, &expect, false));
    }

    #[test]
    fn the_relevance_set_is_read_from_the_test_file() {
        let cases = relevance_cases().expect("parsed");
        assert!(cases.len() >= 40);
        let first = &cases[0];
        assert_eq!(first.q, "alternative à WhatsApp");
        assert_eq!(first.lang, Lang::Fr);
        assert_eq!(first.expect, Some((vec!["signal".to_owned()], true, 5)));
    }

    #[test]
    fn fts_queries_quote_words_and_end_with_a_prefix() {
        assert_eq!(
            Fts::match_expr("mots de passe", FtsMode::And).as_deref(),
            Some("\"mots\" \"de\" \"passe\"*")
        );
        assert_eq!(
            Fts::match_expr("d'audience OR x", FtsMode::Or).as_deref(),
            Some("\"d\" OR \"audience\" OR \"OR\" OR \"x\"*")
        );
        assert_eq!(Fts::match_expr(" -- ", FtsMode::And), None);
    }

    #[test]
    fn a_word_goes_into_the_english_summary() {
        let text = "slug = \"a\"\n[summary]\nfr = \"x\"\nen = \"y\"\n[description]\nen = \"z\"\n";
        let out = with_word(text, "w").expect("summary found");
        assert!(out.contains("en = \"w y\""), "{out}");
        assert!(out.contains("en = \"z\""), "{out}");
    }
}
