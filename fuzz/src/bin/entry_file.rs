//! Fuzz target: `floss_registry::fuzzing::Targets::entry_file` (see src/fuzzing.rs), run by
//! `scripts/fuzz entry_file` under AFL++.

fn main() {
    let data = std::env::var_os("FLOSS_FUZZ_DATA").unwrap_or_else(|| "registry-data".into());
    let targets = floss_registry::fuzzing::Targets::new(std::path::Path::new(&data));
    afl::fuzz!(|input: &[u8]| {
        targets.entry_file(input);
    });
}
