//! The validator on good and bad data trees: the seed catalogue is valid, and every check
//! (every code in `floss_registry::data::codes`) has a fixture that fails it, located at the
//! right file, line and column, with a message and a hint that help.

mod common;

use std::time::{Duration, Instant};

use common::*;
use floss_registry::data::{self, Diagnostic, MAX_FILE_BYTES, Report, Severity, codes};

/// Writes one entry `demo`, changed by `change`, in a tree of real criteria, categories and
/// services; returns the report and the entry's text.
fn check(change: impl FnOnce(EntryBuilder) -> EntryBuilder) -> (Report, String) {
    let tree = DataTree::seed_subset();
    let text = tree.add(&change(tree.entry("demo")));
    (tree.validate(), text)
}

/// The one error of the report, which must have this code (the fixture broke one thing).
fn the_only_error<'r>(report: &'r Report, code: &str) -> &'r Diagnostic {
    assert_eq!(report.error_codes(), vec![code], "{}", report.explain());
    let d = report.single(code);
    assert!(!d.message.is_empty(), "{d:?}");
    d
}

fn hint(d: &Diagnostic) -> &str {
    d.hint.as_deref().unwrap_or_default()
}

const DEMO: &str = "entries/demo.toml";

// ---------------------------------------------------------------- good trees

#[test]
fn the_seed_catalogue_is_valid() {
    let loaded = data::load(&seed_dir()).expect("registry-data is readable");
    assert_eq!(
        loaded.report.errors(),
        0,
        "{}",
        loaded.report.render_human(false)
    );
    assert!(loaded.catalogue.entries.len() >= 100);
    assert!(loaded.catalogue.entries.contains_key("signal"));
}

#[test]
fn a_minimal_tree_with_one_complete_entry_is_valid_without_warnings() {
    let tree = DataTree::seed_subset();
    tree.add(&tree.entry("demo"));
    let loaded = tree.load();
    assert!(
        loaded.report.diagnostics.is_empty(),
        "{}",
        loaded.report.explain()
    );
    assert_eq!(loaded.report.files_checked, 13);
    assert_eq!(
        loaded.catalogue.entries.keys().collect::<Vec<_>>(),
        ["demo"]
    );
}

#[test]
fn a_server_entry_assessing_the_web_and_server_criteria_is_valid() {
    let tree = DataTree::seed_subset();
    let text = tree.add(&tree.entry("demo").kinds(&["web", "server"]));
    assert!(text.contains("[assessment.analytics]"), "{text}");
    assert!(!text.contains("[assessment.local-first]"), "{text}");
    let report = tree.validate();
    assert!(report.diagnostics.is_empty(), "{}", report.explain());
}

#[test]
fn an_empty_data_directory_is_valid() {
    let report = DataTree::empty().validate();
    assert!(report.diagnostics.is_empty(), "{}", report.explain());
}

// ---------------------------------------------------------------- files

#[test]
fn a_toml_syntax_error_is_located_on_its_line() {
    let (report, text) = check(|e| e.raw("oops = \n"));
    let d = the_only_error(&report, codes::TOML_SYNTAX);
    assert_eq!(d.file, DEMO);
    assert_eq!(at(d).0, position_of(&text, "oops = ").0);
    assert!(hint(d).contains("toml.io"), "{d:?}");
}

#[test]
fn an_empty_file_is_rejected() {
    let tree = DataTree::seed_subset();
    tree.write(DEMO, "");
    let report = tree.validate();
    let d = the_only_error(&report, codes::EMPTY_FILE);
    assert_eq!(d.file, DEMO);
    assert!(d.message.contains("empty"), "{d:?}");
    assert!(hint(d).contains("floss-registry schema"), "{d:?}");
}

#[test]
fn a_file_over_the_size_limit_is_rejected_with_its_size() {
    let tree = DataTree::seed_subset();
    let text = tree.entry("demo").toml();
    let padding = "# padding\n".repeat(usize::try_from(MAX_FILE_BYTES).unwrap_or_default() / 10);
    tree.write(DEMO, format!("{text}{padding}"));
    let size = std::fs::metadata(tree.path().join(DEMO))
        .expect("file written")
        .len();
    assert!(size > MAX_FILE_BYTES);
    let report = tree.validate();
    let d = the_only_error(&report, codes::FILE_TOO_LARGE);
    assert_eq!(d.file, DEMO);
    assert!(d.message.contains(&format!("{size} bytes")), "{d:?}");
    assert!(d.message.contains("65536"), "{d:?}");
}

#[test]
fn a_huge_file_is_rejected_quickly_without_being_read() {
    // An 8 GiB sparse file: reading it would take long and fill the memory.
    let tree = DataTree::seed_subset();
    let huge = 8 * 1024 * 1024 * 1024_u64;
    std::fs::File::create(tree.path().join(DEMO))
        .and_then(|f| f.set_len(huge))
        .expect("create a sparse file");
    let started = Instant::now();
    let report = tree.validate();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "took {:?}",
        started.elapsed()
    );
    let d = the_only_error(&report, codes::FILE_TOO_LARGE);
    assert!(d.message.contains(&format!("{huge} bytes")), "{d:?}");
}

#[test]
fn invalid_utf8_is_located_at_the_bad_byte() {
    let tree = DataTree::seed_subset();
    let text = tree
        .entry("demo")
        .set_text("summary.en", "bad byte: @")
        .toml();
    let bytes: Vec<u8> = text
        .bytes()
        .map(|b| if b == b'@' { 0xff } else { b })
        .collect();
    tree.write(DEMO, bytes);
    let report = tree.validate();
    let d = the_only_error(&report, codes::INVALID_UTF8);
    assert_eq!(d.file, DEMO);
    assert_eq!(at(d), position_of(&text, "@"));
    assert!(
        d.message
            .contains(&format!("byte {}", text.find('@').unwrap_or_default())),
        "{d:?}"
    );
    assert!(hint(d).contains("UTF-8"), "{d:?}");
}

#[test]
fn an_unreadable_file_is_reported_and_the_others_still_checked() {
    // A directory named like an entry cannot be read as one, even by root (who may read a
    // file with mode 000).
    let tree = DataTree::seed_subset();
    tree.add(&tree.entry("demo"));
    std::fs::create_dir(tree.path().join("entries/ghost.toml")).expect("create a directory");
    let loaded = tree.load();
    let d = the_only_error(&loaded.report, codes::UNREADABLE);
    assert_eq!(d.file, "entries/ghost.toml");
    assert!(d.message.contains("cannot read"), "{d:?}");
    assert!(loaded.catalogue.entries.contains_key("demo"));
}

#[test]
fn a_file_name_that_is_not_a_slug_is_rejected() {
    let tree = DataTree::seed_subset();
    tree.add_as("Demo_App", &tree.entry("demo"));
    let report = tree.validate();
    let d = the_only_error(&report, codes::INVALID_FILE_NAME);
    assert_eq!(d.file, "entries/Demo_App.toml");
    assert!(d.message.contains("Demo_App.toml"), "{d:?}");
    assert!(hint(d).contains("lower-case"), "{d:?}");
}

#[test]
fn a_file_that_is_not_toml_is_ignored_with_a_warning_and_markdown_silently() {
    let tree = DataTree::seed_subset();
    tree.add(&tree.entry("demo"));
    tree.write("entries/notes.txt", "to do");
    tree.write("entries/README.md", "# Entries");
    let report = tree.validate();
    assert!(report.is_valid(), "{}", report.explain());
    let d = report.single(codes::IGNORED_FILE);
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.file, "entries/notes.txt");
    assert!(hint(d).contains(".toml"), "{d:?}");
    assert_eq!(report.diagnostics.len(), 1, "{}", report.explain());
}

#[test]
fn a_missing_sub_directory_is_reported() {
    let tree = DataTree::seed_subset();
    tree.remove_dir("services");
    let report = tree.validate();
    let d = the_only_error(&report, codes::MISSING_DIRECTORY);
    assert_eq!(d.file, "services/");
    assert!(d.message.contains("`services/`"), "{d:?}");
    assert!(hint(d).contains("entries/"), "{d:?}");
}

#[test]
fn problems_past_the_limit_of_a_file_are_counted_in_one_last_diagnostic() {
    let extra = data::MAX_PER_FILE + 10;
    let lines: String = (0..extra).map(|i| format!("extra{i} = 1\n")).collect();
    let (report, text) = check(|e| e.raw(&lines));
    assert_eq!(report.diagnostics.len(), data::MAX_PER_FILE + 1);
    // The first problems of the file are kept, in order; the count comes last.
    let first = &report.diagnostics[0];
    assert_eq!(first.code, codes::UNKNOWN_FIELD);
    assert_eq!(at(first), position_of(&text, "extra0 ="));
    let last = report.diagnostics.last().unwrap_or(first);
    assert_eq!(last, report.single(codes::TOO_MANY_PROBLEMS));
    assert_eq!(last.file, DEMO);
    assert!(last.is_error());
    assert!(last.location.is_none(), "{last:?}");
    assert!(
        last.message.starts_with("10 more problems in this file"),
        "{last:?}"
    );
    assert!(hint(last).contains("validate again"), "{last:?}");
}

/// A file outside the data tree, with content that must never appear in a report.
fn secret_outside() -> (tempfile::TempDir, std::path::PathBuf) {
    let outside = tempfile::tempdir().expect("a directory outside the tree");
    let secret = outside.path().join("secret.toml");
    std::fs::write(&secret, "password = \"hunter2-SECRET\"\n").expect("write the secret");
    (outside, secret)
}

#[cfg(unix)]
#[test]
fn a_symlinked_file_is_an_error_and_is_not_followed() {
    let (_outside, secret) = secret_outside();
    let tree = DataTree::seed_subset();
    tree.add(&tree.entry("demo"));
    std::os::unix::fs::symlink(&secret, tree.path().join("entries/leak.toml"))
        .expect("create a symlink");
    // A dangling link is a link too (not an unreadable file).
    std::os::unix::fs::symlink(
        tree.path().join("entries/nowhere"),
        tree.path().join("entries/ghost.toml"),
    )
    .expect("create a symlink");
    let loaded = tree.load();
    let report = &loaded.report;
    assert_eq!(
        report.error_codes(),
        [codes::SYMLINK, codes::SYMLINK],
        "{}",
        report.explain()
    );
    let files: Vec<&str> = report.diagnostics.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["entries/ghost.toml", "entries/leak.toml"]);
    let d = &report.diagnostics[1];
    assert!(d.message.contains("`entries/leak.toml`"), "{d:?}");
    assert!(d.message.contains("symbolic link"), "{d:?}");
    assert!(hint(d).contains("regular file"), "{d:?}");
    assert!(d.location.is_none(), "{d:?}");
    assert!(!report.explain().contains("SECRET"), "{}", report.explain());
    assert!(loaded.catalogue.entries.contains_key("demo"));
}

#[cfg(unix)]
#[test]
fn a_symlinked_directory_is_an_error_and_is_not_listed() {
    let (outside, _secret) = secret_outside();
    let tree = DataTree::seed_subset();
    tree.remove_dir("entries");
    std::os::unix::fs::symlink(outside.path(), tree.path().join("entries"))
        .expect("create a symlink");
    let loaded = tree.load();
    let d = the_only_error(&loaded.report, codes::SYMLINK);
    assert_eq!(d.file, "entries/");
    assert!(d.message.contains("`entries/`"), "{d:?}");
    assert!(loaded.catalogue.entries.is_empty());
    let shown = loaded.report.explain();
    assert!(
        !shown.contains("secret") && !shown.contains("SECRET"),
        "{shown}"
    );
}

#[test]
fn control_characters_in_file_names_are_shown_escaped() {
    let tree = DataTree::seed_subset();
    tree.write("entries/evil\u{1b}[31m\nname.txt", "x");
    tree.write("entries/Bad\rName.toml", "x = 1\n");
    let report = tree.validate();
    let names: Vec<&str> = report.diagnostics.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(
        names,
        [
            "entries/Bad\\rName.toml",
            "entries/evil\\u{1b}[31m\\nname.txt"
        ],
        "{}",
        report.explain()
    );
    let shown = report.render_human(false);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\r'),
        "{shown:?}"
    );
    assert!(shown.contains("Bad\\rName.toml"), "{shown}");
}

// ---------------------------------------------------------------- structure

#[test]
fn an_unknown_field_is_rejected_with_the_closest_known_name() {
    let (report, text) = check(|e| e.set("homepag", "\"https://demo.example.org\""));
    let d = the_only_error(&report, codes::UNKNOWN_FIELD);
    assert_eq!(d.file, DEMO);
    assert_eq!(at(d), position_of(&text, "homepag ="));
    assert!(d.message.contains("`homepag`"), "{d:?}");
    assert_eq!(hint(d), "did you mean `homepage`?");
}

#[test]
fn an_unknown_field_in_an_assessment_lists_the_allowed_ones() {
    let (report, text) = check(|e| e.set("assessment.e2ee.proof", "\"trust me\""));
    let d = the_only_error(&report, codes::UNKNOWN_FIELD);
    assert_eq!(at(d), position_of(&text, "proof ="));
    assert!(d.message.contains("`assessment.e2ee`"), "{d:?}");
    assert!(hint(d).contains("evidence"), "{d:?}");
}

#[test]
fn a_missing_top_level_field_is_reported_at_the_top_of_the_file() {
    let (report, _) = check(|e| e.remove("homepage"));
    let d = the_only_error(&report, codes::MISSING_FIELD);
    assert_eq!(d.file, DEMO);
    assert_eq!(at(d), (1, 1));
    assert!(d.message.contains("`homepage`"), "{d:?}");
    assert!(hint(d).contains("add `homepage`"), "{d:?}");
}

#[test]
fn a_missing_field_in_a_table_is_reported_at_its_header() {
    let (report, text) = check(|e| e.remove("review.status").set("review.by", "\"Ada\""));
    let d = the_only_error(&report, codes::MISSING_FIELD);
    assert_eq!(at(d), position_of(&text, "review]"));
    assert!(d.message.contains("`status` in `review`"), "{d:?}");
}

#[test]
fn a_text_without_its_french_version_is_reported() {
    let (report, text) = check(|e| e.remove("summary.fr"));
    let d = the_only_error(&report, codes::MISSING_LANGUAGE);
    assert_eq!(at(d), position_of(&text, "summary]"));
    assert!(d.message.contains("French"), "{d:?}");
    assert!(hint(d).contains("fr = "), "{d:?}");
}

#[test]
fn a_quoted_boolean_is_a_wrong_type() {
    let (report, text) = check(|e| e.set("self_hostable", "\"yes\""));
    let d = the_only_error(&report, codes::WRONG_TYPE);
    assert_eq!(at(d), position_of(&text, "\"yes\""));
    assert!(d.message.contains("boolean"), "{d:?}");
    assert!(d.message.contains("found a string"), "{d:?}");
    assert!(hint(d).contains("`true` or `false`"), "{d:?}");
}

#[test]
fn a_single_category_instead_of_a_list_is_a_wrong_type() {
    let (report, text) = check(|e| e.set("categories", "\"messaging\""));
    let d = the_only_error(&report, codes::WRONG_TYPE);
    assert_eq!(at(d), position_of(&text, "\"messaging\""));
    assert!(hint(d).contains("square brackets"), "{d:?}");
}

#[test]
fn an_unknown_kind_is_an_invalid_value_listing_the_allowed_ones() {
    let (report, text) = check(|e| e.set("kinds", "[\"desktop\", \"toaster\"]"));
    let d = the_only_error(&report, codes::INVALID_VALUE);
    assert_eq!(at(d), position_of(&text, "\"toaster\""));
    assert!(d.message.contains("`toaster`"), "{d:?}");
    assert!(hint(d).contains("desktop, mobile"), "{d:?}");
}

#[test]
fn a_misspelt_status_suggests_the_closest_one() {
    let (report, text) = check(|e| e.set("assessment.e2ee.status", "\"mett\""));
    let d = the_only_error(&report, codes::INVALID_VALUE);
    assert_eq!(at(d), position_of(&text, "\"mett\""));
    assert!(hint(d).starts_with("did you mean `met`?"), "{d:?}");
}

#[test]
fn a_slug_with_capitals_and_spaces_is_an_invalid_id() {
    let (report, text) = check(|e| e.set("slug", "\"Demo App\""));
    let d = the_only_error(&report, codes::INVALID_ID);
    assert_eq!(at(d), position_of(&text, "\"Demo App\""));
    assert!(hint(d).contains("lower-case"), "{d:?}");
}

#[test]
fn february_the_thirtieth_is_an_invalid_date() {
    let (report, text) = check(|e| e.set("added", "2026-02-30"));
    let d = the_only_error(&report, codes::INVALID_DATE);
    assert_eq!(at(d), position_of(&text, "2026-02-30"));
    assert!(d.message.contains("date"), "{d:?}");
    assert!(hint(d).contains("YYYY-MM-DD"), "{d:?}");
}

#[test]
fn a_date_time_where_a_date_is_expected_is_an_invalid_date() {
    let (report, text) = check(|e| e.set("added", "2026-01-02T10:00:00Z"));
    let d = the_only_error(&report, codes::INVALID_DATE);
    assert_eq!(at(d), position_of(&text, "2026-01-02T10:00:00Z"));
    assert!(d.message.contains("`added`"), "{d:?}");
    assert!(hint(d).contains("YYYY-MM-DD"), "{d:?}");
}

#[test]
fn a_date_written_as_an_impossible_string_is_an_invalid_date() {
    let (report, text) = check(|e| e.set("assessment.licence.assessed", "\"2026-13-01\""));
    let d = the_only_error(&report, codes::INVALID_DATE);
    assert_eq!(at(d), position_of(&text, "\"2026-13-01\""));
    assert!(d.message.contains("`assessment.licence.assessed`"), "{d:?}");
}

#[test]
fn an_empty_text_is_rejected() {
    let (report, text) = check(|e| e.set("summary.en", "\"\""));
    let d = the_only_error(&report, codes::EMPTY_TEXT);
    assert_eq!(at(d), position_of(&text, "\"\""));
    assert!(d.message.contains("`summary.en`"), "{d:?}");
}

#[test]
fn a_blank_text_is_rejected_as_empty() {
    let (report, text) = check(|e| e.set("description.fr", "\"   \""));
    let d = the_only_error(&report, codes::EMPTY_TEXT);
    assert_eq!(at(d), position_of(&text, "\"   \""));
    assert!(d.message.contains("`description.fr` is blank"), "{d:?}");
}

#[test]
fn a_summary_over_200_characters_is_too_long() {
    let long = "é".repeat(201);
    let (report, text) = check(|e| e.set_text("summary.fr", &long));
    let d = the_only_error(&report, codes::TEXT_TOO_LONG);
    assert_eq!(at(d), position_of(&text, &format!("\"{long}\"")));
    assert!(
        d.message.contains("201 characters, over the limit of 200"),
        "{d:?}"
    );
    assert!(hint(d).contains("shorten"), "{d:?}");
}

#[test]
fn a_name_over_80_characters_is_too_long() {
    let long = "N".repeat(81);
    let (report, text) = check(|e| e.set_text("name", &long));
    let d = the_only_error(&report, codes::TEXT_TOO_LONG);
    assert_eq!(at(d), position_of(&text, &format!("\"{long}\"")));
    assert!(d.message.contains("over the limit of 80"), "{d:?}");
}

#[test]
fn more_than_five_categories_are_too_many() {
    let (report, text) = check(|e| {
        e.set(
            "categories",
            "[\"messaging\", \"notes\", \"file-sync\", \"a\", \"b\", \"c\"]",
        )
    });
    let d = the_only_error(&report, codes::TOO_MANY_ITEMS);
    assert_eq!(at(d), position_of(&text, "[\"messaging\", \"notes\""));
    assert!(d.message.contains("more than 5"), "{d:?}");
}

#[test]
fn an_empty_list_of_platforms_is_too_few() {
    let (report, text) = check(|e| e.set("platforms", "[]"));
    let d = the_only_error(&report, codes::TOO_FEW_ITEMS);
    assert_eq!(at(d), position_of(&text, "[]"));
    assert!(d.message.contains("`platforms` needs at least 1"), "{d:?}");
}

// ---------------------------------------------------------------- meaning

#[test]
fn a_category_listed_twice_is_a_duplicate_value() {
    let (report, text) =
        check(|e| e.set("categories", "[\"messaging\", \"notes\", \"messaging\"]"));
    let d = the_only_error(&report, codes::DUPLICATE_VALUE);
    assert_eq!(at(d), position_of_last(&text, "\"messaging\""));
    assert!(d.message.contains("`messaging` appears twice"), "{d:?}");
}

#[test]
fn a_slug_that_differs_from_the_file_name_is_rejected() {
    let tree = DataTree::seed_subset();
    let text = tree.add_as("demo-app", &tree.entry("demo"));
    let report = tree.validate();
    let d = the_only_error(&report, codes::SLUG_MISMATCH);
    assert_eq!(d.file, "entries/demo-app.toml");
    assert_eq!(at(d), position_of(&text, "\"demo\""));
    assert!(hint(d).contains("rename the file to `demo.toml`"), "{d:?}");
}

#[test]
fn a_slug_copied_into_another_file_is_a_duplicate_reported_on_the_copy() {
    let tree = DataTree::seed_subset();
    tree.add(&tree.entry("demo"));
    let text = tree.add_as("copy", &tree.entry("demo").set_text("name", "Copy"));
    let loaded = tree.load();
    let report = &loaded.report;
    assert_eq!(
        report.error_codes(),
        [codes::DUPLICATE_SLUG, codes::SLUG_MISMATCH],
        "{}",
        report.explain()
    );
    let d = report.single(codes::DUPLICATE_SLUG);
    assert_eq!(d.file, "entries/copy.toml");
    assert_eq!(at(d), position_of(&text, "\"demo\""));
    assert!(d.message.contains("entries/demo.toml"), "{d:?}");
    // The file that owns the slug is not blamed and stays in the catalogue.
    assert!(report.diagnostics.iter().all(|d| d.file != DEMO));
    assert!(loaded.catalogue.entries.contains_key("demo"));
}

#[test]
fn two_entries_with_the_same_name_up_to_case_are_duplicates() {
    let tree = DataTree::seed_subset();
    tree.add(&tree.entry("demo"));
    let text = tree.add(&tree.entry("other").set_text("name", "DEMO "));
    let loaded = tree.load();
    let d = the_only_error(&loaded.report, codes::DUPLICATE_NAME);
    assert_eq!(d.file, "entries/other.toml");
    assert_eq!(at(d), position_of(&text, "\"DEMO \""));
    assert!(d.message.contains("entries/demo.toml"), "{d:?}");
    assert!(hint(d).contains("edit the existing entry"), "{d:?}");
    assert_eq!(
        loaded.catalogue.entries.keys().collect::<Vec<_>>(),
        ["demo"]
    );
}

#[test]
fn a_deprecated_spdx_id_is_an_invalid_license() {
    let (report, text) = check(|e| e.set("license", "\"GPL-3.0\""));
    let d = the_only_error(&report, codes::INVALID_LICENSE);
    assert_eq!(at(d), position_of(&text, "GPL-3.0\""));
    assert!(d.message.contains("`GPL-3.0`"), "{d:?}");
    assert!(hint(d).contains("-only or -or-later"), "{d:?}");
}

#[test]
fn an_unknown_licence_id_is_located_inside_the_expression() {
    let (report, text) = check(|e| e.set("license", "\"MIT OR Foo-Bar\""));
    let d = the_only_error(&report, codes::INVALID_LICENSE);
    assert_eq!(at(d), position_of(&text, "Foo-Bar"));
    assert!(hint(d).contains("https://spdx.org/licenses/"), "{d:?}");
}

#[test]
fn a_non_free_licence_is_an_error() {
    let (report, text) = check(|e| e.set("license", "\"BUSL-1.1\""));
    let d = the_only_error(&report, codes::NON_FREE_LICENSE);
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(at(d), position_of(&text, "\"BUSL-1.1\""));
    assert!(d.message.contains("neither OSI- nor FSF-approved"), "{d:?}");
    assert!(hint(d).contains("assessment.licence"), "{d:?}");
}

#[test]
fn a_non_free_licence_acknowledged_in_the_assessment_is_only_a_warning() {
    let tree = DataTree::seed_subset();
    let text = tree.add(
        &tree
            .entry("demo")
            .set("license", "\"GPL-3.0-only AND BUSL-1.1\"")
            .set("assessment.licence.status", "\"partial\"")
            .set_text("assessment.licence.note.fr", "Une partie est sous BUSL.")
            .set_text(
                "assessment.licence.note.en",
                "Part of it is under the BUSL.",
            ),
    );
    let loaded = tree.load();
    assert!(loaded.report.is_valid(), "{}", loaded.report.explain());
    let d = loaded.report.single(codes::NON_FREE_LICENSE);
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(at(d), position_of(&text, "\"GPL-3.0-only AND BUSL-1.1\""));
    assert!(d.message.contains("BUSL-1.1"), "{d:?}");
    assert!(loaded.catalogue.entries.contains_key("demo"));
}

#[test]
fn a_homepage_that_is_not_a_url_is_invalid() {
    let (report, text) = check(|e| e.set("homepage", "\"demo.example.org\""));
    let d = the_only_error(&report, codes::INVALID_URL);
    assert_eq!(at(d), position_of(&text, "\"demo.example.org\""));
    assert!(d.message.contains("not a valid URL"), "{d:?}");
    assert!(hint(d).contains("https://example.org/page"), "{d:?}");
}

#[test]
fn a_url_without_a_public_host_name_is_invalid() {
    let (report, text) = check(|e| e.set("repository", "\"https://localhost/demo\""));
    let d = the_only_error(&report, codes::INVALID_URL);
    assert_eq!(at(d), position_of(&text, "\"https://localhost/demo\""));
    assert!(d.message.contains("no public host name"), "{d:?}");
}

#[test]
fn an_http_homepage_is_rejected_as_insecure() {
    let (report, text) = check(|e| e.set("homepage", "\"http://demo.example.org\""));
    let d = the_only_error(&report, codes::INSECURE_URL);
    assert_eq!(at(d), position_of(&text, "\"http://demo.example.org\""));
    assert!(d.message.contains("does not use https"), "{d:?}");
    assert!(hint(d).contains("https://"), "{d:?}");
}

#[test]
fn an_http_evidence_link_is_rejected_as_insecure() {
    let (report, text) = check(|e| {
        e.set(
            "assessment.licence.evidence",
            "[\"http://code.example.org/demo/LICENSE\"]",
        )
    });
    let d = the_only_error(&report, codes::INSECURE_URL);
    assert_eq!(at(d), position_of(&text, "\"http://code.example.org"));
}

#[test]
fn a_misspelt_category_is_unknown_and_the_right_one_suggested() {
    let (report, text) = check(|e| e.set("categories", "[\"mesaging\"]"));
    let d = the_only_error(&report, codes::UNKNOWN_CATEGORY);
    assert_eq!(at(d), position_of(&text, "\"mesaging\""));
    assert!(d.message.contains("unknown category `mesaging`"), "{d:?}");
    assert!(hint(d).starts_with("did you mean `messaging`?"), "{d:?}");
}

#[test]
fn a_misspelt_service_is_unknown_and_the_right_one_suggested() {
    let (report, text) = check(|e| e.set("replaces", "[\"whatsapp\", \"telegramm\"]"));
    let d = the_only_error(&report, codes::UNKNOWN_SERVICE);
    assert_eq!(at(d), position_of(&text, "\"telegramm\""));
    assert!(hint(d).starts_with("did you mean `telegram`?"), "{d:?}");
}

#[test]
fn an_assessment_of_an_unknown_criterion_is_rejected_at_its_header() {
    let (report, text) = check(|e| e.set("assessment.privacy-magic.status", "\"unknown\""));
    let d = the_only_error(&report, codes::UNKNOWN_CRITERION);
    assert_eq!(at(d), position_of(&text, "privacy-magic]"));
    assert!(d.message.contains("`privacy-magic`"), "{d:?}");
    assert!(hint(d).contains("criteria/"), "{d:?}");
}

#[test]
fn an_applicable_criterion_left_unassessed_is_reported() {
    let (report, text) = check(|e| e.remove("assessment.e2ee"));
    let d = the_only_error(&report, codes::MISSING_ASSESSMENT);
    assert_eq!(at(d), position_of(&text, "assessment."));
    assert!(
        d.message
            .contains("1 applicable criterion is not assessed: e2ee"),
        "{d:?}"
    );
    assert!(hint(d).contains("[assessment.e2ee]"), "{d:?}");
}

#[test]
fn assessing_a_criterion_that_does_not_apply_is_only_a_warning() {
    let tree = DataTree::seed_subset();
    // `analytics` applies to web and server software, not to a desktop app.
    let text = tree.add(
        &tree
            .entry("demo")
            .set("assessment.analytics.status", "\"unknown\""),
    );
    let loaded = tree.load();
    assert!(loaded.report.is_valid(), "{}", loaded.report.explain());
    let d = loaded.report.single(codes::INAPPLICABLE_CRITERION);
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(at(d), position_of(&text, "analytics]"));
    assert!(d.message.contains("kinds desktop"), "{d:?}");
    assert!(loaded.catalogue.entries.contains_key("demo"));
}

#[test]
fn a_met_criterion_without_evidence_is_rejected_when_evidence_is_required() {
    let (report, text) = check(|e| {
        e.set("assessment.e2ee.status", "\"met\"")
            .set("assessment.e2ee.assessed", DATE)
    });
    let d = the_only_error(&report, codes::MISSING_EVIDENCE);
    assert_eq!(at(d), position_after(&text, "[assessment.e2ee]", "\"met\""));
    assert!(
        d.message.contains("`e2ee` is marked met without evidence"),
        "{d:?}"
    );
    assert!(hint(d).contains("evidence = [\"https://"), "{d:?}");
}

#[test]
fn a_met_criterion_that_needs_no_evidence_is_valid_without_it() {
    // `local-first` is observed more than documented: its criterion requires no link.
    let (report, _) = check(|e| {
        e.set("assessment.local-first.status", "\"met\"")
            .set("assessment.local-first.assessed", DATE)
    });
    assert!(report.diagnostics.is_empty(), "{}", report.explain());
}

#[test]
fn not_applicable_without_a_reason_is_rejected() {
    let (report, text) = check(|e| {
        e.set("assessment.e2ee.status", "\"not-applicable\"")
            .set("assessment.e2ee.assessed", DATE)
    });
    let d = the_only_error(&report, codes::MISSING_REASON);
    assert_eq!(
        at(d),
        position_after(&text, "[assessment.e2ee]", "\"not-applicable\"")
    );
    assert!(hint(d).contains("note.fr"), "{d:?}");
}

#[test]
fn a_known_status_without_an_assessment_date_is_rejected() {
    let (report, text) = check(|e| e.set("assessment.e2ee.status", "\"not-met\""));
    let d = the_only_error(&report, codes::MISSING_DATE);
    assert_eq!(
        at(d),
        position_after(&text, "[assessment.e2ee]", "\"not-met\"")
    );
    assert!(d.message.contains("`e2ee` has no date"), "{d:?}");
    assert!(hint(d).contains("assessed = YYYY-MM-DD"), "{d:?}");
}

#[test]
fn a_date_in_the_future_is_rejected() {
    let (report, text) = check(|e| e.set("added", "2026-12-25"));
    let d = the_only_error(&report, codes::FUTURE_DATE);
    assert_eq!(at(d), position_of(&text, "2026-12-25"));
    assert!(
        d.message
            .contains("`added` is 2026-12-25, a date in the future"),
        "{d:?}"
    );
    assert!(hint(d).contains("not a planned date"), "{d:?}");
}

#[test]
fn a_quoted_date_is_accepted_with_a_warning_to_write_it_as_a_date() {
    let (report, text) = check(|e| e.set("added", "\"2026-11-01\""));
    assert!(report.error_codes().is_empty(), "{}", report.explain());
    let d = report.single(codes::QUOTED_DATE);
    assert_eq!(at(d), position_of(&text, "\"2026-11-01\""));
    assert!(d.message.contains("`added` is a quoted string"), "{d:?}");
    assert!(hint(d).contains("`2026-11-01`"), "{d:?}");
}

#[test]
fn tomorrow_is_accepted_for_contributors_east_of_utc_by_load() {
    // `load` allows one day of slack over today's UTC date.
    let tree = DataTree::seed_subset();
    let tomorrow = chrono::Utc::now().date_naive() + chrono::Days::new(1);
    tree.add(&tree.entry("demo").set("added", &tomorrow.to_string()));
    let report = data::load(tree.path()).expect("readable").report;
    assert!(report.is_valid(), "{}", report.explain());
}

#[test]
fn a_validation_without_reviewer_and_date_is_an_incomplete_review() {
    let (report, text) = check(|e| e.set("review.status", "\"validated\""));
    let d = the_only_error(&report, codes::INCOMPLETE_REVIEW);
    assert_eq!(at(d), position_of(&text, "\"validated\""));
    assert!(d.message.contains("needs `by`"), "{d:?}");
    assert!(hint(d).contains("name the reviewer"), "{d:?}");
}

#[test]
fn a_validation_with_reviewer_and_date_is_complete() {
    let (report, _) = check(|e| {
        e.set("review.status", "\"validated\"")
            .set_text("review.by", "Ada Lovelace")
            .set("review.date", DATE)
    });
    assert!(report.diagnostics.is_empty(), "{}", report.explain());
}

#[test]
fn raw_html_in_a_description_is_rejected_wherever_it_is() {
    let (report, text) = check(|e| {
        e.set_text(
            "description.en",
            "<script>alert(1)</script> A demonstration app.",
        )
        .set_text(
            "description.fr",
            "Une application **vraiment** <b>sûre</b>.",
        )
    });
    assert_eq!(
        report.error_codes(),
        [codes::RAW_HTML, codes::RAW_HTML],
        "{}",
        report.explain()
    );
    let found = report.with_code(codes::RAW_HTML);
    // Sorted by position: French first.
    assert_eq!(at(found[0]), position_of(&text, "<b>"));
    assert!(
        found[0].message.contains("`description.fr`"),
        "{:?}",
        found[0]
    );
    assert!(found[0].message.contains("`<b>`"), "{:?}", found[0]);
    assert_eq!(at(found[1]), position_of(&text, "<script>"));
    assert!(found[1].message.contains("<script>"), "{:?}", found[1]);
    assert!(hint(found[1]).contains("Markdown only"), "{:?}", found[1]);
}

#[test]
fn markdown_that_merely_mentions_angle_brackets_is_not_html() {
    let (report, _) = check(|e| {
        e.set_text(
            "description.en",
            "Starts in < 1 s; see <https://example.org> and `<div>`.",
        )
    });
    assert!(report.diagnostics.is_empty(), "{}", report.explain());
}

// ---------------------------------------------------------------- criteria, categories, services

#[test]
fn a_broken_criterion_is_reported_and_its_assessments_become_unknown() {
    let tree = DataTree::seed_subset();
    let path = tree.path().join("criteria/e2ee.toml");
    let text = std::fs::read_to_string(&path).expect("copied criterion");
    tree.write(
        "criteria/e2ee.toml",
        text.replace("level = \"recommended\"", "level = \"optional\""),
    );
    tree.add(&tree.entry("demo"));
    let loaded = tree.load();
    let report = &loaded.report;
    assert_eq!(
        report.error_codes(),
        [codes::INVALID_VALUE, codes::UNKNOWN_CRITERION],
        "{}",
        report.explain()
    );
    assert_eq!(
        report.single(codes::INVALID_VALUE).file,
        "criteria/e2ee.toml"
    );
    assert_eq!(report.single(codes::UNKNOWN_CRITERION).file, DEMO);
    assert!(!loaded.catalogue.criteria.contains_key("e2ee"));
}

#[test]
fn a_service_in_an_unknown_category_is_rejected() {
    let tree = DataTree::seed_subset();
    let text = std::fs::read_to_string(tree.path().join("services/telegram.toml"))
        .expect("copied service")
        .replace("[\"messaging\"]", "[\"chat\"]");
    tree.write("services/telegram.toml", &text);
    let report = tree.validate();
    let d = the_only_error(&report, codes::UNKNOWN_CATEGORY);
    assert_eq!(d.file, "services/telegram.toml");
    assert_eq!(at(d), position_of(&text, "\"chat\""));
}

#[test]
fn a_service_privacy_contact_must_be_an_https_page_with_the_day_it_was_read() {
    let tree = DataTree::seed_subset();
    let original = std::fs::read_to_string(tree.path().join("services/telegram.toml"))
        .expect("copied service");
    let text = format!(
        "{original}\n[privacy_contact]\nurl = \"http://telegram.org/privacy\"\nchecked = 2026-12-07\n"
    );
    tree.write("services/telegram.toml", &text);
    let report = tree.validate();
    let d = the_only_error(&report, codes::INSECURE_URL);
    assert_eq!(d.file, "services/telegram.toml");
    assert_eq!(at(d), position_of(&text, "\"http://telegram.org/privacy\""));

    let fixed = text.replace("http://", "https://");
    tree.write("services/telegram.toml", &fixed);
    assert!(tree.validate().is_valid(), "{}", tree.validate().explain());
    let undated = fixed.replace("checked = 2026-12-07\n", "");
    tree.write("services/telegram.toml", &undated);
    assert!(
        !tree.validate().is_valid(),
        "the day it was read is required"
    );
}

#[test]
fn a_category_whose_id_is_not_its_file_name_is_rejected() {
    let tree = DataTree::seed_subset();
    let text = std::fs::read_to_string(tree.path().join("categories/notes.toml"))
        .expect("copied category")
        .replace("id = \"notes\"", "id = \"note\"");
    tree.write("categories/notes.toml", &text);
    let report = tree.validate();
    let d = the_only_error(&report, codes::SLUG_MISMATCH);
    assert_eq!(d.file, "categories/notes.toml");
    assert_eq!(at(d), position_of(&text, "\"note\""));
}

// ---------------------------------------------------------------- every problem at once

#[test]
fn every_problem_of_a_file_is_reported_in_one_run() {
    let (report, text) = check(|e| {
        e.set("homepage", "\"http://demo.example.org\"")
            .set("categories", "[\"mesaging\"]")
            .set("added", "2027-01-01")
            .set("license", "\"BUSL-1.1\"")
    });
    assert_eq!(
        report.error_codes(),
        [
            codes::FUTURE_DATE,
            codes::INSECURE_URL,
            codes::NON_FREE_LICENSE,
            codes::UNKNOWN_CATEGORY
        ],
        "{}",
        report.explain()
    );
    // Sorted by position in the file.
    let lines: Vec<usize> = report.diagnostics.iter().map(|d| at(d).0).collect();
    assert_eq!(
        lines,
        [
            position_of(&text, "homepage").0,
            position_of(&text, "license").0,
            position_of(&text, "categories").0,
            position_of(&text, "added").0,
        ]
    );
}

#[test]
fn every_structural_problem_of_a_file_is_reported_in_one_run() {
    let (report, _) = check(|e| {
        e.remove("repository")
            .set("colour", "\"blue\"")
            .set("self_hostable", "1")
            .set("platforms", "[\"amiga\"]")
    });
    assert_eq!(
        report.error_codes(),
        [
            codes::INVALID_VALUE,
            codes::MISSING_FIELD,
            codes::UNKNOWN_FIELD,
            codes::WRONG_TYPE
        ],
        "{}",
        report.explain()
    );
}

#[test]
fn problems_across_files_are_all_reported_and_only_valid_entries_are_kept() {
    let tree = DataTree::seed_subset();
    tree.add(&tree.entry("good"));
    tree.add(&tree.entry("also-good").set("replaces", "[]"));
    tree.add(
        &tree
            .entry("insecure")
            .set("homepage", "\"http://insecure.example.org\""),
    );
    tree.add(&tree.entry("broken").raw("[links\n"));
    tree.write("entries/empty.toml", "");
    tree.add(&tree.entry("html").set_text("summary.en", "An <i>app</i>."));
    let loaded = tree.load();
    let report = &loaded.report;
    let files: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .map(|d| (d.file.as_str(), d.code))
        .collect();
    assert_eq!(
        files,
        [
            ("entries/broken.toml", codes::TOML_SYNTAX),
            ("entries/empty.toml", codes::EMPTY_FILE),
            ("entries/html.toml", codes::RAW_HTML),
            ("entries/insecure.toml", codes::INSECURE_URL),
        ],
        "{}",
        report.explain()
    );
    assert_eq!(report.errors(), 4);
    assert_eq!(
        loaded.catalogue.entries.keys().collect::<Vec<_>>(),
        ["also-good", "good"]
    );
    assert_eq!(report.files_checked, 12 + 6);
}

#[test]
fn checking_one_text_gives_the_same_diagnostics_as_validating_the_tree() {
    let tree = DataTree::seed_subset();
    let text = tree.add(
        &tree
            .entry("demo")
            .set("homepage", "\"http://demo.example.org\"")
            .set("assessment.e2ee.status", "\"met\"")
            .set("assessment.e2ee.assessed", DATE)
            .set_text("description.en", "A <b>bold</b> app."),
    );
    let loaded = tree.load();
    assert_eq!(loaded.report.errors(), 3, "{}", loaded.report.explain());
    let (entry, diagnostics) = data::parse_entry_text(&text, DEMO, &loaded.catalogue, today());
    assert!(entry.is_none());
    assert_eq!(diagnostics, loaded.report.diagnostics);
}

#[test]
fn checking_one_valid_text_returns_the_entry() {
    let tree = DataTree::seed_subset();
    let loaded = tree.load();
    let text = tree.entry("demo").toml();
    let (entry, diagnostics) = data::parse_entry_text(&text, DEMO, &loaded.catalogue, today());
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(entry.map(|e| e.name), Some("Demo".to_owned()));
}

#[test]
fn checking_one_text_with_a_syntax_error_reports_it() {
    let tree = DataTree::seed_subset();
    let loaded = tree.load();
    let (entry, diagnostics) = data::parse_entry_text(
        "slug = \"demo\"\nname = \n",
        DEMO,
        &loaded.catalogue,
        today(),
    );
    assert!(entry.is_none());
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0].code, codes::TOML_SYNTAX);
    assert_eq!(at(&diagnostics[0]).0, 2);
}

#[test]
fn checking_one_text_first_makes_the_checks_of_a_file_read_from_disk() {
    // One list of checks: the size limit and emptiness apply to a submitted text as to a file.
    let tree = DataTree::seed_subset();
    let padding = "# padding\n".repeat(usize::try_from(MAX_FILE_BYTES).unwrap_or_default() / 10);
    let text = format!("{}{padding}", tree.entry("demo").toml());
    tree.write(DEMO, &text);
    let loaded = tree.load();
    assert_eq!(loaded.report.error_codes(), [codes::FILE_TOO_LARGE]);
    let (entry, diagnostics) = data::parse_entry_text(&text, DEMO, &loaded.catalogue, today());
    assert!(entry.is_none());
    assert_eq!(diagnostics, loaded.report.diagnostics);
    tree.write(DEMO, "");
    let loaded = tree.load();
    assert_eq!(loaded.report.error_codes(), [codes::EMPTY_FILE]);
    let (entry, diagnostics) = data::parse_entry_text("", DEMO, &loaded.catalogue, today());
    assert!(entry.is_none());
    assert_eq!(diagnostics, loaded.report.diagnostics);
}

// ---------------------------------------------------------------- rendering

/// A small tree with a few typical mistakes, for the snapshots of the rendered report.
fn small_bad_tree() -> DataTree {
    let tree = DataTree::seed_subset();
    tree.add(
        &tree
            .entry("demo")
            .set("homepage", "\"http://demo.example.org\"")
            .set("categories", "[\"mesaging\"]")
            .set_text("description.fr", "Une application <b>sûre</b>."),
    );
    tree.add(&tree.entry("broken").raw("[links\n"));
    tree.add(
        &tree
            .entry("typo")
            .set("self_hostable", "\"no\"")
            .set("licence", "\"MIT\"")
            .set("assessment.e2ee.status", "\"partly\""),
    );
    tree.write("entries/notes.txt", "");
    tree
}

#[test]
fn the_human_report_of_a_bad_tree_reads_like_a_compiler() {
    let report = small_bad_tree().validate();
    insta::assert_snapshot!("human_report_of_a_bad_tree", report.render_human(false));
}

#[test]
fn the_json_report_of_a_bad_tree_has_one_record_per_problem() {
    let report = small_bad_tree().validate();
    insta::assert_json_snapshot!("json_report_of_a_bad_tree", report.render_json());
}

// ---------------------------------------------------------------- coverage

#[test]
fn every_check_code_has_a_failing_fixture_in_this_file() {
    let codes_source = include_str!("../src/data/diagnostic.rs");
    let this_file = include_str!("validate.rs");
    let codes_module = codes_source
        .split("pub mod codes {")
        .nth(1)
        .and_then(|rest| rest.split('}').next())
        .unwrap_or_default();
    let names: Vec<&str> = codes_module
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub const "))
        .filter_map(|l| l.split(':').next())
        .collect();
    assert!(names.len() >= 30, "found {names:?}");
    let untested: Vec<&&str> = names
        .iter()
        .filter(|name| !this_file.contains(&format!("codes::{name})")))
        .collect();
    assert!(untested.is_empty(), "codes without a fixture: {untested:?}");
}
