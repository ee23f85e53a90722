//! Build script. It writes the pinyin reading table the normaliser reads by sound
//! (`build/readings.rs`: compiled in, so no process spends milliseconds building it), and it
//! tells the end-to-end tests that drive a real program (Neovim for the language server,
//! Chromium for the HTML report; Java and Python for Spark live in python/) whether it is
//! installed, so that without one they show as *ignored* (not as passed in 0.00 s). CI installs
//! them and also sets `CI`, under which a missing program is a failure.

fn main() {
    readings::generate();
    // Not on PATH: activating a virtual environment must not rebuild the crate. A program
    // installed later is seen after `touch build.rs` (or under CI=1, which runs them all).
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rerun-if-changed=build.rs");
    let ci = std::env::var_os("CI").is_some();
    for (cfg, program) in [("has_nvim", "nvim"), ("has_chromium", "chromium")] {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        let found = std::process::Command::new(program)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        if found || ci {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
    // the Python package's tests (tests/python.rs): a test environment made by .ci/run
    println!("cargo::rustc-check-cfg=cfg(has_python_env)");
    println!("cargo::rerun-if-env-changed=REDLINT_PYTHON");
    let python = std::env::var_os("REDLINT_PYTHON")
        .map_or_else(|| std::path::PathBuf::from("target/pyenv/bin/python"), Into::into);
    // only a path that exists: one that does not makes Cargo rerun this script (and rebuild
    // the crate, with fat LTO in release) on every build
    if python.exists() {
        println!("cargo::rerun-if-changed={}", python.display());
    }
    if python.exists() || ci {
        println!("cargo::rustc-cfg=has_python_env");
    }
}

#[path = "build/readings.rs"]
mod readings;
