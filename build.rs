//! Build script. It writes the pinyin reading table the normaliser reads by sound
//! (`build/readings.rs`: compiled in, so no process spends milliseconds building it). It
//! depends on nothing but itself and that generator: a second `cargo build` does nothing, also
//! after activating a virtual environment or installing a program (the end-to-end tests in
//! cli/tests/ look for Neovim, Chromium and Python when they run).

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    readings::generate();
}

#[path = "build/readings.rs"]
mod readings;
