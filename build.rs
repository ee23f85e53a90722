//! Build script: tells the Neovim end-to-end tests whether an editor is installed, so that
//! without one they show as *ignored* (not as passed in 0.00 s). CI installs it and also sets
//! `CI`, under which a missing editor is a failure.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(has_nvim)");
    println!("cargo::rerun-if-env-changed=PATH");
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rerun-if-changed=build.rs");
    let found = std::process::Command::new("nvim")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found || std::env::var_os("CI").is_some() {
        println!("cargo::rustc-cfg=has_nvim");
    }
}
