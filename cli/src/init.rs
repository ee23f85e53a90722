//! `redlint init`: writes a commented starter `redlint.toml`.

use std::io::Write;
use std::path::Path;

use redlint::config::{FILE_NAME, STARTER};

pub fn run(dir: &Path) -> Result<u8, String> {
    if !dir.is_dir() {
        return Err(format!("{} is not a directory (create it first)", dir.display()));
    }
    let path = dir.join(FILE_NAME);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                format!("{} already exists; not overwriting it", path.display())
            }
            _ => format!("cannot create {}: {}", path.display(), crate::input::io_message(&e)),
        })?;
    file.write_all(STARTER.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    crate::say(&format!("wrote {}", path.display()));
    Ok(0)
}
