//! Fuzz target: `floss_registry::fuzzing::Targets::search_request` (see src/fuzzing.rs), run by
//! `scripts/fuzz search_request` under AFL++.

fn main() {
    let data = std::env::var_os("FLOSS_FUZZ_DATA").unwrap_or_else(|| "registry-data".into());
    let targets = floss_registry::fuzzing::Targets::new(std::path::Path::new(&data));
    afl::fuzz!(|input: &[u8]| {
        targets.search_request(input);
    });
}
