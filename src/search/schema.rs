//! The tantivy schema of the catalogue index and typed handles to its fields.
//!
//! One document per entry. Text fields are analysed per language (see `analyzers`); facet
//! fields carry the filterable values; fast fields carry the sort keys; `card` stores what
//! a hit shows, as JSON, so a hit never needs the catalogue. Changing anything here must bump
//! [`SCHEMA_VERSION`], which makes `open_or_build` rebuild old indexes.

use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};

use super::SearchError;
use super::analyzers::{EN, FOLDED, FR};
use crate::model::Lang;

/// Version of the schema and of the way documents are built from entries.
pub const SCHEMA_VERSION: u32 = 1;

/// The filterable dimensions of the catalogue, each a facet field and a facet in results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dim {
    Category,
    Platform,
    License,
    /// Criteria met.
    Criterion,
    Grade,
    /// Review status.
    Status,
}

impl Dim {
    pub const ALL: [Dim; 6] = [
        Dim::Category,
        Dim::Platform,
        Dim::License,
        Dim::Criterion,
        Dim::Grade,
        Dim::Status,
    ];

    /// The name of the facet in results and of the filter parameter.
    pub fn key(self) -> &'static str {
        match self {
            Dim::Category => "category",
            Dim::Platform => "platform",
            Dim::License => "license",
            Dim::Criterion => "criterion",
            Dim::Grade => "grade",
            Dim::Status => "status",
        }
    }

    /// Whether several selected values must all hold (criteria met) rather than any of them.
    pub fn is_conjunctive(self) -> bool {
        self == Dim::Criterion
    }

    fn field_name(self) -> &'static str {
        match self {
            Dim::Category => "f_category",
            Dim::Platform => "f_platform",
            Dim::License => "f_license",
            Dim::Criterion => "f_criterion",
            Dim::Grade => "f_grade",
            Dim::Status => "f_status",
        }
    }
}

/// Handles to every field of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    /// Exact slug: the key of updates and deletions.
    pub slug: Field,
    /// The entry's name, folded, not stemmed (typo tolerance and prefixes work on it).
    pub name: Field,
    /// Folded lower-case name as one string: the name sort key.
    pub name_sort: Field,
    /// Folded name without spaces ("jitsimeet"): tells a query naming an entry.
    pub name_key: Field,
    pub summary_fr: Field,
    pub summary_en: Field,
    /// Descriptions as plain text (Markdown removed).
    pub description_fr: Field,
    pub description_en: Field,
    /// Replaced services: ids, names and aliases in both languages, folded.
    pub services: Field,
    /// Replaced service ids, exact: what "alternatives to X" looks for.
    pub replaces: Field,
    /// Category ids and names, analysed per language.
    pub categories_fr: Field,
    pub categories_en: Field,
    /// Platforms, kinds, licence ids: words people add to a query ("android", "linux").
    pub keywords: Field,
    /// Grade order, lower first: the letter, then the score within the letter.
    pub grade_order: Field,
    /// Dates as `yyyymmdd` integers, sortable.
    pub last_changed: Field,
    pub added: Field,
    /// JSON of what a hit displays.
    pub card: Field,
    facets: [Field; 6],
}

fn text(tokenizer: &str, positions: bool) -> TextOptions {
    let record = if positions {
        IndexRecordOption::WithFreqsAndPositions
    } else {
        IndexRecordOption::WithFreqs
    };
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(record),
    )
}

/// The schema of the index.
pub fn build_schema() -> Schema {
    let mut b = Schema::builder();
    b.add_text_field("slug", STRING | STORED);
    b.add_text_field("name", text(FOLDED, true));
    b.add_text_field("name_sort", STRING | FAST);
    b.add_text_field("name_key", STRING);
    b.add_text_field("summary_fr", text(FR, true));
    b.add_text_field("summary_en", text(EN, true));
    b.add_text_field("description_fr", text(FR, true));
    b.add_text_field("description_en", text(EN, true));
    b.add_text_field("services", text(FOLDED, true));
    b.add_text_field("replaces", STRING);
    b.add_text_field("categories_fr", text(FR, true));
    b.add_text_field("categories_en", text(EN, true));
    b.add_text_field("keywords", text(FOLDED, false));
    b.add_u64_field("grade_order", FAST);
    b.add_u64_field("last_changed", INDEXED | FAST);
    b.add_u64_field("added", INDEXED | FAST);
    b.add_text_field("card", STORED);
    for dim in Dim::ALL {
        b.add_facet_field(dim.field_name(), FacetOptions::default());
    }
    b.build()
}

impl Fields {
    /// Looks every field up; fails only if `schema` is not the one [`build_schema`] makes.
    pub fn new(schema: &Schema) -> Result<Fields, SearchError> {
        let f = |name: &str| {
            schema
                .get_field(name)
                .map_err(|_| SearchError::Schema(format!("field `{name}` is missing")))
        };
        Ok(Fields {
            slug: f("slug")?,
            name: f("name")?,
            name_sort: f("name_sort")?,
            name_key: f("name_key")?,
            summary_fr: f("summary_fr")?,
            summary_en: f("summary_en")?,
            description_fr: f("description_fr")?,
            description_en: f("description_en")?,
            services: f("services")?,
            replaces: f("replaces")?,
            categories_fr: f("categories_fr")?,
            categories_en: f("categories_en")?,
            keywords: f("keywords")?,
            grade_order: f("grade_order")?,
            last_changed: f("last_changed")?,
            added: f("added")?,
            card: f("card")?,
            facets: [
                f(Dim::Category.field_name())?,
                f(Dim::Platform.field_name())?,
                f(Dim::License.field_name())?,
                f(Dim::Criterion.field_name())?,
                f(Dim::Grade.field_name())?,
                f(Dim::Status.field_name())?,
            ],
        })
    }

    pub fn facet(&self, dim: Dim) -> Field {
        self.facets[dim as usize]
    }

    pub fn facet_name(dim: Dim) -> &'static str {
        dim.field_name()
    }

    pub fn summary(&self, lang: Lang) -> Field {
        match lang {
            Lang::Fr => self.summary_fr,
            Lang::En => self.summary_en,
        }
    }

    pub fn description(&self, lang: Lang) -> Field {
        match lang {
            Lang::Fr => self.description_fr,
            Lang::En => self.description_en,
        }
    }

    pub fn categories(&self, lang: Lang) -> Field {
        match lang {
            Lang::Fr => self.categories_fr,
            Lang::En => self.categories_en,
        }
    }
}

/// Names of the fast fields sorted on (sort collectors address fast fields by name).
pub const GRADE_ORDER: &str = "grade_order";
pub const NAME_SORT: &str = "name_sort";
pub const LAST_CHANGED: &str = "last_changed";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_the_schema_has_a_handle() {
        let schema = build_schema();
        let fields = Fields::new(&schema).expect("fields of our own schema");
        for dim in Dim::ALL {
            assert_eq!(
                schema.get_field_name(fields.facet(dim)),
                Fields::facet_name(dim)
            );
        }
        assert_eq!(schema.get_field_name(fields.grade_order), GRADE_ORDER);
        assert_eq!(schema.get_field_name(fields.name_sort), NAME_SORT);
        assert_eq!(schema.get_field_name(fields.last_changed), LAST_CHANGED);
    }

    #[test]
    fn a_foreign_schema_is_refused() {
        let schema = Schema::builder().build();
        assert!(Fields::new(&schema).is_err());
    }
}
