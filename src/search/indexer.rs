//! Writing the index: opening or creating it on disk or in memory, full builds, incremental
//! replacements, and commits that carry the data fingerprint.
//!
//! The only module that holds an `IndexWriter` while it works. It decides nothing about
//! whether an index is current; `mod.rs` does.

use std::path::Path;

use tantivy::schema::Term;
use tantivy::{Index, IndexWriter};

use super::SearchError;
use super::analyzers::{self, Analyzers};
use super::document;
use super::schema::{Fields, build_schema};
use crate::data::Catalogue;
use crate::model::Entry;

/// Memory of the writer, shared by its threads: modest, the server does other things too.
const WRITER_MEMORY_BYTES: usize = 64_000_000;
/// At most two indexing threads (the target machines have two cores).
const MAX_WRITER_THREADS: usize = 2;

/// A fresh index in memory, tokenizers registered.
pub fn create_in_ram() -> Index {
    let index = Index::create_in_ram(build_schema());
    analyzers::register(index.tokenizers());
    index
}

/// A fresh index in the empty directory `dir`, tokenizers registered.
pub fn create_in_dir(dir: &Path) -> Result<Index, SearchError> {
    let index = Index::create_in_dir(dir, build_schema())?;
    analyzers::register(index.tokenizers());
    Ok(index)
}

/// The index in `dir`, if it opens and has the schema this version builds.
pub fn open_in_dir(dir: &Path) -> Result<Index, SearchError> {
    let index = Index::open_in_dir(dir)?;
    if index.schema() != build_schema() {
        return Err(SearchError::Schema(
            "the index on disk was built with another schema".into(),
        ));
    }
    analyzers::register(index.tokenizers());
    Ok(index)
}

pub fn writer(index: &Index) -> Result<IndexWriter, SearchError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, MAX_WRITER_THREADS);
    Ok(index.writer_with_num_threads(threads, WRITER_MEMORY_BYTES)?)
}

/// Adds every entry of the catalogue, calling `progress(done, total)` as it goes.
pub fn add_all(
    writer: &IndexWriter,
    fields: &Fields,
    catalogue: &Catalogue,
    progress: &dyn Fn(u64, u64),
) -> Result<(), SearchError> {
    let mut folded = Analyzers::default().folded;
    let total = catalogue.entries.len() as u64;
    progress(0, total);
    for (done, entry) in catalogue.entries.values().enumerate() {
        writer.add_document(document::build(fields, catalogue, &mut folded, entry))?;
        progress(done as u64 + 1, total);
    }
    Ok(())
}

/// Replaces the documents of `changed` (deleted by slug, then added) and deletes `removed`.
/// Nothing is visible until [`commit`].
pub fn replace(
    writer: &IndexWriter,
    fields: &Fields,
    catalogue: &Catalogue,
    changed: &[&Entry],
    removed: &[&str],
) -> Result<(), SearchError> {
    let mut folded = Analyzers::default().folded;
    for slug in removed {
        writer.delete_term(Term::from_field_text(fields.slug, slug));
    }
    for entry in changed {
        writer.delete_term(Term::from_field_text(fields.slug, &entry.slug));
        writer.add_document(document::build(fields, catalogue, &mut folded, entry))?;
    }
    Ok(())
}

/// Commits, recording `fingerprint` as the commit's payload.
pub fn commit(writer: &mut IndexWriter, fingerprint: &str) -> Result<(), SearchError> {
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(fingerprint);
    prepared.commit()?;
    Ok(())
}

/// The payload of the last commit of `index`.
pub fn committed_fingerprint(index: &Index) -> Result<Option<String>, SearchError> {
    Ok(index.load_metas()?.payload)
}
