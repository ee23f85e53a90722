//! `file:` URIs and paths.

use std::path::PathBuf;

/// The local path of a `file:` URI (`file:///a/b%20c.md` → `/a/b c.md`); `None` for another
/// scheme or a path that is not UTF-8 once decoded.
pub fn to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    // an authority (`localhost`, or empty) before the path
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let mut bytes = Vec::with_capacity(path.len());
    let mut iter = path.bytes();
    while let Some(b) = iter.next() {
        if b == b'%' {
            let hex = [iter.next()?, iter.next()?];
            bytes.push(u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?);
        } else {
            bytes.push(b);
        }
    }
    let path = String::from_utf8(bytes).ok()?;
    // `file:///C:/x` on Windows
    let path = match path.as_bytes() {
        [b'/', drive, b':', ..] if cfg!(windows) && drive.is_ascii_alphabetic() => path[1..].to_owned(),
        _ => path,
    };
    Some(PathBuf::from(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_file_uris() {
        assert_eq!(
            to_path("file:///tmp/a%20b/%E7%AC%94%E8%AE%B0.md"),
            Some(PathBuf::from("/tmp/a b/笔记.md"))
        );
        assert_eq!(to_path("file://localhost/tmp/x"), Some(PathBuf::from("/tmp/x")));
        assert_eq!(to_path("file:///tmp/笔记.md"), Some(PathBuf::from("/tmp/笔记.md")));
        assert_eq!(to_path("untitled:Untitled-1"), None);
        assert_eq!(to_path("file:///bad%zz"), None);
    }
}
