//! `cargo run -p redlint-tables`: writes every table of [`redlint_tables::TABLES`] into the
//! workspace (`src/normalize/…`). Commit what it changes.

fn main() -> std::process::ExitCode {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for (path, generate) in redlint_tables::TABLES {
        let file = root.join(path);
        let source = generate();
        let old = std::fs::read_to_string(&file).unwrap_or_default();
        if old == source {
            println!("{path}: current");
            continue;
        }
        if let Err(e) = std::fs::write(&file, source) {
            eprintln!("{path}: {e}");
            return std::process::ExitCode::FAILURE;
        }
        println!("{path}: written");
    }
    std::process::ExitCode::SUCCESS
}
