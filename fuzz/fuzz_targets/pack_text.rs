//! Arbitrary pack text: parsing either fails with an error naming a real line, or yields a pack
//! that builds into a linter that lints without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use redlint::LinterBuilder;
use redlint::pack::Pack;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Pack::parse("fuzz.toml", text) {
        Err(e) => assert!(e.line >= 1 && e.line <= text.lines().count().max(1) + 1, "{e}"),
        Ok(pack) => {
            let mut b = LinterBuilder::new();
            b.without_builtin();
            if b.add_pack_str("fuzz.toml", text).is_err() {
                return;
            }
            if let Ok(linter) = b.build() {
                for rule in &pack.rules {
                    for ex in rule.examples.iter().chain(&rule.counter_examples) {
                        let _ = linter.lint_text(ex.text());
                    }
                }
                let _ = linter.lint_text(text);
            }
        }
    }
});
