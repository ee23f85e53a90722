//! The `redlint` binary: everything it does is [`redlint_cli::run`].

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(redlint_cli::run(std::env::args_os()))
}
