//! The Python package and its Spark integration (python/), run from `cargo test` so that one
//! command runs every test: pytest on the package, which compares its results with this
//! binary's.
//!
//! The extension is built by this very build: `python/` is a dev-dependency of this crate (on
//! Linux), so cargo compiles it with the engine and the dependencies it has already compiled for
//! the tests, into `target/debug/deps/lib_redlint.so`. This test lays the package out beside
//! it (`target/debug/python/redlint/`: the Python sources and the extension) and runs pytest
//! with it first on `PYTHONPATH`. (It used to run `maturin develop`, which had to build the
//! engine and every dependency a second time, in a target directory of its own: cargo holds
//! this one's lock while tests run. On a 2-core machine that second build was about ten
//! minutes of the first `cargo test`.)
//!
//! The environment is `target/pyenv` (or `REDLINT_PYTHON`, a python whose environment has
//! pytest, pyspark, pyarrow and pandas); `.ci/run` creates it, and installs Java for Spark.
//! It is looked for when the test runs: without it the test says so and returns, and under
//! `CI` it fails.
#![cfg(target_os = "linux")]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace's root (this crate is its cli/ folder).
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn python() -> PathBuf {
    std::env::var_os("REDLINT_PYTHON").map_or_else(|| workspace().join("target/pyenv/bin/python"), PathBuf::from)
}

/// Lays the package out in `dir/redlint/`: the Python sources of `python/redlint/` and the
/// extension module built by this build.
fn stage(dir: &Path, extension: &Path) {
    let package = dir.join("redlint");
    let _ = std::fs::remove_dir_all(&package);
    std::fs::create_dir_all(&package).expect("the staging directory");
    let sources = workspace().join("python/redlint");
    for entry in std::fs::read_dir(&sources).expect("python/redlint") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        if name.ends_with(".py") || name.ends_with(".pyi") || name == "py.typed" {
            std::fs::copy(&path, package.join(&name)).expect("copy a source");
        }
    }
    std::fs::copy(extension, package.join("_redlint.abi3.so")).expect("copy the extension");
}

#[test]
fn python_package_and_spark() {
    let root = workspace();
    let python = python();
    // looked for when the test runs: without it the test says so and returns; under `CI`
    // (whose .ci/run makes it) a missing environment is a failure
    if !python.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is missing: run .ci/run, or set REDLINT_PYTHON",
            python.display()
        );
        eprintln!(
            "note: no Python test environment at {} (.ci/run makes it), skipping",
            python.display()
        );
        return;
    }
    // the binary's directory (target/debug) holds the dev-dependencies' artifacts in deps/
    let out = Path::new(env!("CARGO_BIN_EXE_redlint"))
        .parent()
        .expect("the target directory");
    let extension = out.join("deps/lib_redlint.so");
    assert!(
        extension.exists(),
        "{} is missing: the python/ dev-dependency builds it",
        extension.display()
    );
    let staged = out.join("python");
    stage(&staged, &extension);
    let venv = python.parent().and_then(|b| b.parent()).expect("a virtual environment");
    let path = format!(
        "{}:{}",
        venv.join("bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let pythonpath = std::env::var("PYTHONPATH").map_or_else(
        |_| staged.display().to_string(),
        |p| format!("{}:{p}", staged.display()),
    );
    let tests = Command::new(&python)
        // run from the staged package's directory: the working directory goes first on
        // sys.path (in Spark's workers too), and python/redlint/ holds no built extension
        .args(["-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir"])
        .arg(root.join("python"))
        .arg(root.join("python/tests"))
        .current_dir(&staged)
        .env("PATH", &path)
        .env("PYTHONPATH", &pythonpath)
        .env("REDLINT_BIN", env!("CARGO_BIN_EXE_redlint"))
        .status()
        .expect("pytest runs");
    // pytest exits 5 when it collected no tests: that is a failure too
    assert_eq!(tests.code(), Some(0), "pytest failed (exit 5: no tests ran)");
}
