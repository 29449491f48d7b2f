//! Fuzz target: `floss_registry::fuzzing::Targets::submission_body` (see src/fuzzing.rs), run by
//! `scripts/fuzz submission_body` under AFL++.

fn main() {
    let data = std::env::var_os("FLOSS_FUZZ_DATA").unwrap_or_else(|| "registry-data".into());
    let targets = floss_registry::fuzzing::Targets::new(std::path::Path::new(&data));
    afl::fuzz!(|input: &[u8]| {
        targets.submission_body(input);
    });
}
