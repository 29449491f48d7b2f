//! The complete entry file of an imported record nobody has catalogued yet: the facts the
//! record states, every applicable criterion `unknown` (the reviewers establish them), added
//! today, review status `community`. A file that the validator would refuse is not proposed:
//! the reason is reported instead (no text is ever made up to fill a gap, such as a French
//! summary the source does not have).

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::record::Record;
use crate::catalogue::Snapshot;
use crate::model::{Kind, Localized, Platform};

/// What a record gives for a new entry.
#[derive(Debug, Clone)]
pub struct Draft {
    pub name: String,
    pub kinds: Vec<Kind>,
    pub platforms: Vec<Platform>,
    pub categories: Vec<String>,
    pub license: String,
    pub homepage: String,
    pub repository: String,
    pub self_hostable: bool,
    pub summary: Localized,
    pub description: Localized,
}

/// The slug a name gives: lower-case ASCII letters and digits joined by single hyphens.
pub fn slug_of(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug: String = slug.trim_end_matches('-').chars().take(64).collect();
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// The entry file `record` would add, with its slug, kinds and platforms; or why none.
pub fn propose(
    record: &Record,
    snapshot: &Snapshot,
    proposed: &BTreeSet<String>,
    now: DateTime<Utc>,
) -> Result<(String, String, Vec<Kind>, Vec<Platform>), String> {
    let draft = record.draft.as_ref().map_err(Clone::clone)?;
    let slug = slug_of(&draft.name);
    if !crate::model::is_valid_slug(&slug) {
        return Err(format!("the name `{}` gives no valid slug", draft.name));
    }
    if snapshot.catalogue.entries.contains_key(&slug) || proposed.contains(&slug) {
        return Err(format!("the slug `{slug}` is already taken"));
    }
    let key = crate::data::name_key(&draft.name);
    if let Some(other) = snapshot
        .catalogue
        .entries
        .values()
        .find(|e| crate::data::name_key(&e.name) == key)
    {
        return Err(format!(
            "the name `{}` is already the name of entry `{}`",
            draft.name, other.slug
        ));
    }
    let today = now.date_naive();
    let text = entry_toml(&slug, draft, snapshot, today);
    let file = format!("entries/{slug}.toml");
    let (_, diagnostics) = crate::data::parse_entry_text(&text, &file, &snapshot.catalogue, today);
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{} ({})", d.message, d.code))
        .collect();
    if !errors.is_empty() {
        return Err(format!(
            "the entry file would not pass the validator: {}",
            errors.join("; ")
        ));
    }
    Ok((slug, text, draft.kinds.clone(), draft.platforms.clone()))
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn list<T: AsRef<str>>(items: &[T]) -> String {
    let inner: Vec<String> = items.iter().map(|i| quoted(i.as_ref())).collect();
    format!("[{}]", inner.join(", "))
}

fn entry_toml(slug: &str, d: &Draft, snapshot: &Snapshot, today: chrono::NaiveDate) -> String {
    let kinds: Vec<&str> = d.kinds.iter().map(|k| k.id()).collect();
    let platforms: Vec<&str> = d.platforms.iter().map(|p| p.id()).collect();
    let mut out = String::new();
    out.push_str(&format!("slug = {}\n", quoted(slug)));
    out.push_str(&format!("name = {}\n", quoted(&d.name)));
    out.push_str(&format!("kinds = {}\n", list(&kinds)));
    out.push_str(&format!("homepage = {}\n", quoted(&d.homepage)));
    out.push_str(&format!("repository = {}\n", quoted(&d.repository)));
    out.push_str(&format!("license = {}\n", quoted(&d.license)));
    out.push_str(&format!("categories = {}\n", list(&d.categories)));
    out.push_str(&format!("platforms = {}\n", list(&platforms)));
    out.push_str(&format!("self_hostable = {}\n", d.self_hostable));
    out.push_str(&format!("added = {today}\n\n"));
    out.push_str(&format!(
        "[summary]\nfr = {}\nen = {}\n\n",
        quoted(&d.summary.fr),
        quoted(&d.summary.en)
    ));
    out.push_str(&format!(
        "[description]\nfr = {}\nen = {}\n\n",
        quoted(&d.description.fr),
        quoted(&d.description.en)
    ));
    out.push_str("# Imported: every criterion is for reviewers to establish.\n[assessment]\n");
    for (id, criterion) in &snapshot.catalogue.criteria {
        if criterion.applies_to_kinds(&d.kinds) {
            out.push_str(&format!("{id} = {{ status = \"unknown\" }}\n"));
        }
    }
    out.push_str("\n[review]\nstatus = \"community\"\n");
    out
}

#[cfg(test)]
mod tests {
    use super::slug_of;

    #[test]
    fn slugs_keep_ascii_words_joined_by_single_hyphens() {
        assert_eq!(slug_of("Grist"), "grist");
        assert_eq!(
            slug_of("  Open  Source -- Catalogus! "),
            "open-source-catalogus"
        );
        assert_eq!(slug_of("Ça va"), "a-va");
        assert_eq!(slug_of("日本"), "");
    }
}
