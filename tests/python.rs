//! The Python package and its Spark integration (python/), run from `cargo test` so that one
//! command runs every test: builds the extension into the test environment with
//! `maturin develop` (its own target directory, so it does not wait on this build's lock),
//! then runs pytest, which compares the package's results with this binary's.
//!
//! The environment is `target/pyenv` (or `REDLINT_PYTHON`, a python whose environment has
//! maturin, pytest, pyspark, pyarrow and pandas); `.ci/run` creates it, and installs Java for
//! Spark. Without it the test is ignored, and under `CI` it fails.

use std::path::PathBuf;
use std::process::Command;

fn python() -> PathBuf {
    std::env::var_os("REDLINT_PYTHON").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/pyenv/bin/python"),
        PathBuf::from,
    )
}

#[test]
#[cfg_attr(
    not(has_python_env),
    ignore = "no Python test environment (.ci/run creates target/pyenv)"
)]
fn python_package_and_spark() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let python = python();
    assert!(
        python.exists(),
        "{} is missing: run .ci/run, or set REDLINT_PYTHON",
        python.display()
    );
    let venv = python.parent().and_then(|b| b.parent()).expect("a virtual environment");
    let path = format!(
        "{}:{}",
        venv.join("bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let build = Command::new(&python)
        .args([
            "-m",
            "maturin",
            "develop",
            "--quiet",
            "--manifest-path",
            "python/Cargo.toml",
        ])
        .current_dir(&root)
        .env("VIRTUAL_ENV", venv)
        .env("PATH", &path)
        .env("CARGO_TARGET_DIR", root.join("target/python"))
        .status()
        .expect("maturin runs");
    assert!(build.success(), "maturin develop failed");
    let tests = Command::new(&python)
        .args(["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"])
        .current_dir(root.join("python"))
        .env("PATH", &path)
        .env("REDLINT_BIN", env!("CARGO_BIN_EXE_redlint"))
        .status()
        .expect("pytest runs");
    // pytest exits 5 when it collected no tests: that is a failure too
    assert_eq!(tests.code(), Some(0), "pytest failed (exit 5: no tests ran)");
}
