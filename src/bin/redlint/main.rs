//! The `redlint` binary: everything it does is [`redlint::cli::run`].

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(redlint::cli::run(std::env::args_os()))
}
