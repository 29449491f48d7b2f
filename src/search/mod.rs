//! The search engine: a tantivy index of the catalogue, kept in step with the data, and the
//! queries citizens type ("alternative à WhatsApp", "visioconférence", "nextclud").
//!
//! [`SearchIndex`] owns one writer (behind a mutex) and one reader reloaded after each
//! commit; it is `Send + Sync` and every method blocks (call it from `spawn_blocking`).
//! The index is a cache: it records the fingerprint of the data it was built from and is
//! rebuilt from the catalogue whenever it is missing, stale or unreadable. User input is
//! never an error here; only I/O and index failures are.
//!
//! Modules: `schema` (fields), `analyzers` (fr/en/folded), `document` (entry → document),
//! `indexer` (writing), `meta` (the fingerprint record), `lexicon` + `intent` (what a query
//! means), `expand` (typos and prefixes to index terms), `query` (tantivy queries),
//! `facets`, `snippet`, `engine` (one search), `types` (the API's request and results).

mod analyzers;
mod document;
mod engine;
mod expand;
mod facets;
mod indexer;
mod intent;
mod lexicon;
mod meta;
mod query;
mod schema;
mod snippet;
pub mod sync;
mod types;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy};

pub use meta::{META_FILE, Manifest};
pub use schema::SCHEMA_VERSION;
pub use types::{
    BuildOutcome, DEFAULT_PER_PAGE, FacetCount, Facets, Filters, Hit, MAX_PER_PAGE, SearchRequest,
    SearchResults, ServiceMatch, Sort, UnknownSort,
};

use analyzers::Analyzers;
use lexicon::Lexicon;
use meta::IndexMeta;
use schema::Fields;

use crate::data::Catalogue;
use crate::model::Entry;

/// Failures of the index itself (never of user input).
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// `open_or_build` was pointed at a directory holding something else than an index.
    #[error("{0} is not empty and holds no search index: refusing to replace its content")]
    NotAnIndex(PathBuf),
    #[error("unexpected index content: {0}")]
    Schema(String),
}

/// Fingerprint recorded by [`SearchIndex::in_memory`].
pub const IN_MEMORY_FINGERPRINT: &str = "in-memory";

#[derive(Debug)]
struct State {
    fingerprint: String,
    generation: u64,
    lexicon: Arc<Lexicon>,
    /// What the documents hold, updated entry by entry with each commit.
    manifest: Arc<Manifest>,
}

impl State {
    fn new(fingerprint: &str, generation: u64, catalogue: &Catalogue, manifest: Manifest) -> State {
        let lexicon = Arc::new(Lexicon::new(catalogue, &mut Analyzers::default().folded));
        State {
            fingerprint: fingerprint.to_owned(),
            generation,
            lexicon,
            manifest: Arc::new(manifest),
        }
    }
}

/// The searchable index of a catalogue.
pub struct SearchIndex {
    fields: Fields,
    writer: Mutex<IndexWriter>,
    reader: IndexReader,
    /// Where the index lives; `None` in memory.
    dir: Option<PathBuf>,
    state: RwLock<State>,
    analyzers: Analyzers,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("dir", &self.dir)
            .field("fingerprint", &self.fingerprint())
            .field("generation", &self.generation())
            .field("doc_count", &self.doc_count())
            .finish_non_exhaustive()
    }
}

/// Why an index on disk cannot be reused as it is, or `None` when it can.
fn staleness(dir: &Path, fingerprint: &str) -> (Option<String>, Option<IndexMeta>) {
    let Some(record) = meta::read(dir) else {
        return (Some(format!("no readable {META_FILE}")), None);
    };
    let reason = if record.schema_version != SCHEMA_VERSION {
        Some(format!(
            "index schema version {} (expected {SCHEMA_VERSION})",
            record.schema_version
        ))
    } else if record.fingerprint != fingerprint {
        Some(format!(
            "data changed (index built from `{}`, data is `{fingerprint}`)",
            record.fingerprint
        ))
    } else {
        None
    };
    (reason, Some(record))
}

/// Whether `dir` may be emptied: it is missing, empty, or holds an index of ours.
fn replaceable(dir: &Path) -> Result<bool, SearchError> {
    let io = |source| SearchError::Io {
        path: dir.to_owned(),
        source,
    };
    match std::fs::read_dir(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(io(e)),
        Ok(mut entries) => Ok(entries.next().is_none()
            || dir.join("meta.json").exists()
            || dir.join(META_FILE).exists()),
    }
}

fn recreate_dir(dir: &Path) -> Result<(), SearchError> {
    if !replaceable(dir)? {
        return Err(SearchError::NotAnIndex(dir.to_owned()));
    }
    let io = |source| SearchError::Io {
        path: dir.to_owned(),
        source,
    };
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(io)?;
    }
    std::fs::create_dir_all(dir).map_err(io)
}

impl SearchIndex {
    /// Opens the index in `dir` if its recorded fingerprint equals `fingerprint` and it opens
    /// fine; otherwise (missing, stale, corrupt, or `full`) rebuilds it from the catalogue,
    /// calling `progress(done, total)` while indexing.
    ///
    /// A stale but readable index is rebuilt in place; an unreadable one is deleted and
    /// created again (only if `dir` holds an index or nothing: never another directory's
    /// files). Fails if another process holds the index's writer lock.
    pub fn open_or_build(
        dir: &Path,
        catalogue: &Catalogue,
        fingerprint: &str,
        full: bool,
        progress: &dyn Fn(u64, u64),
    ) -> Result<(SearchIndex, BuildOutcome), SearchError> {
        let (stale, record) = staleness(dir, fingerprint);
        let generation = record.as_ref().map_or(0, |m| m.generation);
        let manifest = record.map(|m| m.manifest).unwrap_or_default();
        let reason = if full {
            Some("full rebuild requested".to_owned())
        } else {
            stale
        };
        // An index that opens, with our schema, whose writer lock we get.
        let opened = indexer::open_in_dir(dir).and_then(|index| {
            let writer = indexer::writer(&index)?;
            Ok((index, writer))
        });
        let (index, writer, reason) = match (opened, reason) {
            (Err(SearchError::Tantivy(tantivy::TantivyError::LockFailure(e, msg))), _) => {
                return Err(tantivy::TantivyError::LockFailure(e, msg).into());
            }
            (Ok((index, writer)), None) => match Self::check_committed(&index, fingerprint) {
                Ok(()) => match Self::assemble(
                    index,
                    writer,
                    Some(dir),
                    State::new(fingerprint, generation, catalogue, manifest),
                ) {
                    Ok(opened) => {
                        tracing::info!(dir = %dir.display(), generation, "search index reused");
                        return Ok((opened, BuildOutcome::Reused));
                    }
                    Err(e) => {
                        // Segments that fail to load: corrupt. Start afresh.
                        let reason = format!("index could not be read: {e}");
                        let (index, writer) = Self::fresh(dir)?;
                        (index, writer, reason)
                    }
                },
                Err(reason) => (index, writer, reason),
            },
            (Ok((index, writer)), Some(reason)) => (index, writer, reason),
            (Err(e), reason) => {
                let reason = reason.unwrap_or_else(|| format!("index could not be opened: {e}"));
                let (index, writer) = Self::fresh(dir)?;
                (index, writer, reason)
            }
        };
        tracing::info!(dir = %dir.display(), reason = %reason, "building the search index");
        let built = Self::build(
            index,
            writer,
            Some(dir),
            catalogue,
            fingerprint,
            generation + 1,
            progress,
        )
        .or_else(|e| {
            // A rebuild in place can fail on a damaged index: retry from nothing.
            tracing::warn!(error = %crate::util::escaped(&e), "rebuilding the search index from an empty directory");
            let (index, writer) = Self::fresh(dir)?;
            Self::build(
                index,
                writer,
                Some(dir),
                catalogue,
                fingerprint,
                generation + 1,
                progress,
            )
        })?;
        Ok((built, BuildOutcome::Built { reason }))
    }

    /// Builds the index of `catalogue` in memory (tests, benchmarks, a read-only start).
    pub fn in_memory(catalogue: &Catalogue) -> Result<SearchIndex, SearchError> {
        let index = indexer::create_in_ram();
        let writer = indexer::writer(&index)?;
        Self::build(
            index,
            writer,
            None,
            catalogue,
            IN_MEMORY_FINGERPRINT,
            1,
            &|_, _| {},
        )
    }

    /// Replaces the documents of `changed` entries, removes those of `removed` slugs,
    /// commits, records `fingerprint`, and makes the change searchable. `catalogue` is the
    /// new catalogue (names of services and categories, criteria for grades); entries whose
    /// referenced services or categories were renamed must be passed in `changed` too.
    pub fn update(
        &self,
        catalogue: &Catalogue,
        changed: &[&Entry],
        removed: &[&str],
        fingerprint: &str,
    ) -> Result<(), SearchError> {
        let mut writer = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        let written = indexer::replace(&writer, &self.fields, catalogue, changed, removed)
            .and_then(|()| indexer::commit(&mut writer, fingerprint));
        if let Err(e) = written {
            // Leave the index as it was committed last.
            writer.rollback()?;
            return Err(e);
        }
        let mut manifest = Manifest::clone(&self.manifest());
        manifest.taxonomy = catalogue.taxonomy_hash();
        for slug in removed {
            manifest.entries.remove(*slug);
        }
        for entry in changed {
            manifest.entries.insert(
                entry.slug.clone(),
                crate::data::fingerprint::entry_hash(entry),
            );
        }
        self.committed(catalogue, fingerprint, manifest)
    }

    /// Replaces every document by those of `catalogue`, in the open index (the running
    /// server's rebuild: searches go on against the previous commit meanwhile).
    pub fn rebuild(
        &self,
        catalogue: &Catalogue,
        fingerprint: &str,
        progress: &dyn Fn(u64, u64),
    ) -> Result<(), SearchError> {
        let mut writer = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        let written = writer
            .delete_all_documents()
            .map_err(SearchError::from)
            .and_then(|_| indexer::add_all(&writer, &self.fields, catalogue, progress))
            .and_then(|()| indexer::commit(&mut writer, fingerprint));
        if let Err(e) = written {
            writer.rollback()?;
            return Err(e);
        }
        self.committed(catalogue, fingerprint, Manifest::of(catalogue))
    }

    /// After a commit: writes the record, reloads the reader and swaps the state.
    fn committed(
        &self,
        catalogue: &Catalogue,
        fingerprint: &str,
        manifest: Manifest,
    ) -> Result<(), SearchError> {
        let generation = self.generation() + 1;
        if let Some(dir) = &self.dir {
            meta::write(
                dir,
                &IndexMeta {
                    schema_version: SCHEMA_VERSION,
                    fingerprint: fingerprint.to_owned(),
                    generation,
                    manifest: manifest.clone(),
                },
            )?;
        }
        self.reader.reload()?;
        let state = State::new(fingerprint, generation, catalogue, manifest);
        *self.state.write().unwrap_or_else(PoisonError::into_inner) = state;
        Ok(())
    }

    /// The content hashes of what the index holds (see [`sync`]).
    pub fn manifest(&self) -> Arc<Manifest> {
        Arc::clone(
            &self
                .state
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .manifest,
        )
    }

    /// Runs a search. Never fails on user input: unknown filters match nothing, any text is
    /// a valid query, page and per-page are clamped.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults, SearchError> {
        let searcher = self.reader.searcher();
        let lexicon = Arc::clone(
            &self
                .state
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .lexicon,
        );
        let ctx = engine::Context {
            searcher: &searcher,
            fields: &self.fields,
            lexicon: &lexicon,
        };
        engine::search(&ctx, self.analyzers.clone(), req)
    }

    /// The fingerprint of the data the index holds.
    pub fn fingerprint(&self) -> String {
        self.state
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .fingerprint
            .clone()
    }

    /// How many times the index was committed (builds and updates), across restarts.
    pub fn generation(&self) -> u64 {
        self.state
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .generation
    }

    /// Entries in the index.
    pub fn doc_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Where the index lives (`None` in memory).
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The committed payload must be the fingerprint of the record: an update committed
    /// without its record having been written (a crash between the two) is stale.
    fn check_committed(index: &Index, fingerprint: &str) -> Result<(), String> {
        match indexer::committed_fingerprint(index) {
            Ok(Some(committed)) if committed == fingerprint => Ok(()),
            Ok(_) => Err("the last commit does not match the index record".into()),
            Err(e) => Err(format!("index metadata could not be read: {e}")),
        }
    }

    /// An empty index in a directory emptied for it.
    fn fresh(dir: &Path) -> Result<(Index, IndexWriter), SearchError> {
        recreate_dir(dir)?;
        let index = indexer::create_in_dir(dir)?;
        let writer = indexer::writer(&index)?;
        Ok((index, writer))
    }

    fn build(
        index: Index,
        mut writer: IndexWriter,
        dir: Option<&Path>,
        catalogue: &Catalogue,
        fingerprint: &str,
        generation: u64,
        progress: &dyn Fn(u64, u64),
    ) -> Result<SearchIndex, SearchError> {
        let fields = Fields::new(&index.schema())?;
        writer.delete_all_documents()?;
        indexer::add_all(&writer, &fields, catalogue, progress)?;
        indexer::commit(&mut writer, fingerprint)?;
        let manifest = Manifest::of(catalogue);
        if let Some(dir) = dir {
            meta::write(
                dir,
                &IndexMeta {
                    schema_version: SCHEMA_VERSION,
                    fingerprint: fingerprint.to_owned(),
                    generation,
                    manifest: manifest.clone(),
                },
            )?;
        }
        let state = State::new(fingerprint, generation, catalogue, manifest);
        Self::assemble(index, writer, dir, state)
    }

    fn assemble(
        index: Index,
        writer: IndexWriter,
        dir: Option<&Path>,
        state: State,
    ) -> Result<SearchIndex, SearchError> {
        let fields = Fields::new(&index.schema())?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            fields,
            writer: Mutex::new(writer),
            reader,
            dir: dir.map(Path::to_owned),
            state: RwLock::new(state),
            analyzers: Analyzers::default(),
        })
    }
}

#[cfg(test)]
mod tests;
