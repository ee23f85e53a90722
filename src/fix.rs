//! Applying suggestions: the text of `redlint fix`.
//!
//! Only a violation's first suggestion is applied, only a safe one unless `unsafe` is asked
//! for, and only to a violation at `warning` or above unless a lower level is asked for
//! ([`FixOptions::min_severity`]): a hit the linter lowered to `info` (a superlative in a
//! sentence that sells nothing, 这是我做得最好的一次) is one it judged innocent. Edits are applied from the end of the text so that earlier offsets stay valid;
//! an edit that overlaps one already taken is skipped. Fixing runs a few passes, so that a fix
//! that uncovers another (or one skipped for an overlap) is applied too; a fixed note, checked
//! again, no longer raises what was fixed.
//!
//! ```
//! use redlint::{Linter, Note, fix};
//!
//! let linter = Linter::builtin();
//! let fixed = fix::fix_note(&linter, &Note::from_body("这款面霜最好用"), false);
//! assert_eq!(fixed.value.body, "这款面霜很好用");
//! assert!(linter.lint(&fixed.value).iter().all(|v| v.rule != "B101"));
//! ```

use crate::linter::Linter;
use crate::note::{FrontMatterError, Note};
use crate::span::Span;
use crate::violation::{Field, Severity, Violation};

/// What fixing applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixOptions {
    /// Apply suggestions marked unsafe too (they change what the note says).
    pub unsafe_too: bool,
    /// Fix only violations at or above this severity (default `warning`: a violation the
    /// linter lowered to `info` is left as written).
    pub min_severity: Severity,
}

impl Default for FixOptions {
    fn default() -> FixOptions {
        FixOptions {
            unsafe_too: false,
            min_severity: Severity::Warning,
        }
    }
}

impl FixOptions {
    /// The default options, with or without the unsafe suggestions.
    pub fn unsafe_too(unsafe_too: bool) -> FixOptions {
        FixOptions {
            unsafe_too,
            ..FixOptions::default()
        }
    }
}

/// How many times a note is linted and fixed at most.
pub const MAX_PASSES: usize = 3;

/// One applied fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The rule whose suggestion it was.
    pub rule: String,
    /// The field it was in.
    pub field: Field,
    /// The text replaced.
    pub from: String,
    /// The replacement.
    pub to: String,
    /// Whether the suggestion was safe.
    pub safe: bool,
}

/// The result of fixing: the fixed value, what was applied, what was left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed<T> {
    /// The fixed note or text.
    pub value: T,
    /// Fixes applied, in the order of the passes.
    pub applied: Vec<Applied>,
    /// Violations left with only unsafe suggestions (applied with `unsafe`).
    pub unsafe_left: usize,
    /// Fixes left out because they overlapped another one in the last pass.
    pub overlapping: usize,
}

impl<T> Fixed<T> {
    /// Whether anything changed.
    pub fn changed(&self) -> bool {
        !self.applied.is_empty()
    }
}

/// A replacement of `span` of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The byte range replaced.
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// Applies `edits` to `text` from the end, skipping any edit that overlaps one already taken
/// (the earlier-starting, then the longer, is kept). Returns the new text and, for each edit,
/// whether it was applied.
///
/// ```
/// use redlint::fix::{Edit, apply_edits};
/// use redlint::Span;
/// let edits = [
///     Edit { span: Span::new(0, 3), replacement: "A".into() },
///     Edit { span: Span::new(2, 5), replacement: "B".into() },
///     Edit { span: Span::new(6, 7), replacement: "".into() },
/// ];
/// let (text, applied) = apply_edits("0123456789", &edits);
/// assert_eq!(text, "A345789");
/// assert_eq!(applied, [true, false, true]);
/// ```
pub fn apply_edits(text: &str, edits: &[Edit]) -> (String, Vec<bool>) {
    let mut order: Vec<usize> = (0..edits.len()).collect();
    order.sort_by_key(|&i| (edits[i].span.start, std::cmp::Reverse(edits[i].span.end)));
    let mut applied = vec![false; edits.len()];
    let mut taken: Vec<usize> = Vec::new();
    let mut end_of_last = 0;
    for i in order {
        let s = edits[i].span;
        let valid =
            s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end);
        // an insertion (empty span) at the end of a taken edit still overlaps nothing
        if !valid || (!taken.is_empty() && s.start < end_of_last) {
            continue;
        }
        applied[i] = true;
        taken.push(i);
        end_of_last = s.end;
    }
    let mut out = text.to_owned();
    for &i in taken.iter().rev() {
        out.replace_range(edits[i].span.range(), &edits[i].replacement);
    }
    (out, applied)
}

/// Whether `v` is to be fixed at all: at or above the level asked for.
fn wanted(v: &Violation, options: &FixOptions) -> bool {
    v.severity >= options.min_severity
}

/// The suggestion to apply for `v`, if any: its first, when safe or `unsafe_too`, of a
/// violation at or above the level asked for.
fn chosen<'v>(v: &'v Violation, options: &FixOptions) -> Option<&'v crate::violation::Suggestion> {
    v.suggestions
        .first()
        .filter(|s| wanted(v, options) && (s.safe || options.unsafe_too))
}

fn record(v: &Violation, options: &FixOptions) -> Option<Applied> {
    chosen(v, options).map(|s| Applied {
        rule: v.rule.clone(),
        field: v.field,
        from: v.matched.clone(),
        to: s.replacement.clone(),
        safe: s.safe,
    })
}

fn unsafe_left(found: &[Violation], options: &FixOptions) -> usize {
    found
        .iter()
        .filter(|v| wanted(v, options) && !v.suggestions.is_empty() && chosen(v, options).is_none())
        .count()
}

/// Fixes the fields of a note, with the default options and unsafe suggestions or not.
pub fn fix_note(linter: &Linter, note: &Note, unsafe_too: bool) -> Fixed<Note> {
    fix_note_with(linter, note, &FixOptions::unsafe_too(unsafe_too))
}

/// Fixes the fields of a note as `options` say.
pub fn fix_note_with(linter: &Linter, note: &Note, options: &FixOptions) -> Fixed<Note> {
    let mut fixed = Fixed {
        value: note.clone(),
        applied: Vec::new(),
        unsafe_left: 0,
        overlapping: 0,
    };
    for _ in 0..MAX_PASSES {
        let found = linter.lint(&fixed.value);
        fixed.unsafe_left = unsafe_left(&found, options);
        let mut fields: Vec<Field> = found.iter().map(|v| v.field).collect();
        fields.dedup();
        let mut pass_applied = 0;
        fixed.overlapping = 0;
        for field in fields {
            let vs: Vec<&Violation> = found
                .iter()
                .filter(|v| v.field == field && chosen(v, options).is_some())
                .collect();
            let edits: Vec<Edit> = vs
                .iter()
                .map(|v| Edit {
                    span: v.span,
                    replacement: chosen(v, options).map(|s| s.replacement.clone()).unwrap_or_default(),
                })
                .collect();
            let (text, applied) = apply_edits(fixed.value.field_text(field), &edits);
            for (v, ok) in vs.iter().zip(&applied) {
                if *ok {
                    fixed.applied.extend(record(v, options));
                    pass_applied += 1;
                } else {
                    fixed.overlapping += 1;
                }
            }
            match field {
                Field::Title => fixed.value.title = text,
                Field::Body => fixed.value.body = text,
                Field::Tag(i) => fixed.value.tags[i] = text,
                // text read in a picture cannot be rewritten (and `lint` never reports it)
                Field::Image(_) => {}
            }
        }
        if pass_applied == 0 {
            break;
        }
    }
    fixed
}

/// Fixes a plain-text note in place in its file's text: the body, and the title and tags in
/// its front matter; everything else (other front-matter keys, line endings) is kept as it is.
/// `sponsored` is the default for a note whose front matter does not say. The default options,
/// with unsafe suggestions or not.
pub fn fix_text(
    linter: &Linter,
    text: &str,
    sponsored: bool,
    unsafe_too: bool,
) -> Result<Fixed<String>, FrontMatterError> {
    fix_text_with(linter, text, sponsored, &FixOptions::unsafe_too(unsafe_too))
}

/// Fixes a plain-text note as [`fix_text`] does, as `options` say.
pub fn fix_text_with(
    linter: &Linter,
    text: &str,
    sponsored: bool,
    options: &FixOptions,
) -> Result<Fixed<String>, FrontMatterError> {
    let mut fixed = Fixed {
        value: text.to_owned(),
        applied: Vec::new(),
        unsafe_left: 0,
        overlapping: 0,
    };
    for _ in 0..MAX_PASSES {
        let mut parsed = Note::from_text(&fixed.value)?;
        if parsed.sponsored_line.is_none() {
            parsed.note.sponsored = sponsored;
        }
        let found = linter.lint(&parsed.note);
        fixed.unsafe_left = unsafe_left(&found, options);
        let mut vs = Vec::new();
        let mut edits = Vec::new();
        for v in &found {
            let Some(s) = chosen(v, options) else { continue };
            // a front-matter value stays one line and one list item
            if v.field != Field::Body && s.replacement.contains(['\n', '\r', ',', '，', '[', ']', '"', '\'']) {
                continue;
            }
            if let Some(span) = parsed.file_span(v.field, v.span) {
                vs.push(v);
                edits.push(Edit {
                    span,
                    replacement: s.replacement.clone(),
                });
            }
        }
        let (new_text, applied) = apply_edits(&fixed.value, &edits);
        fixed.overlapping = applied.iter().filter(|a| !**a).count();
        let mut pass_applied = 0;
        for (v, ok) in vs.iter().zip(&applied) {
            if *ok {
                fixed.applied.extend(record(v, options));
                pass_applied += 1;
            }
        }
        // the fixed text must still read as the same note shape
        if Note::from_text(&new_text).is_err() {
            break;
        }
        fixed.value = new_text;
        if pass_applied == 0 {
            break;
        }
    }
    Ok(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_from_the_end_and_skip_overlaps() {
        let e = |a, b, r: &str| Edit {
            span: Span::new(a, b),
            replacement: r.into(),
        };
        let (t, ok) = apply_edits("abcdef", &[e(4, 6, "X"), e(0, 2, "YY"), e(1, 3, "Z")]);
        assert_eq!(t, "YYcdX");
        assert_eq!(ok, [true, true, false]);
        // bad spans are skipped, not panicked on
        let (t, ok) = apply_edits("好", &[e(1, 2, "x"), e(0, 9, "y")]);
        assert_eq!((t.as_str(), ok), ("好", vec![false, false]));
    }

    #[test]
    fn text_fixes_keep_front_matter() {
        let linter = Linter::builtin();
        let text = "---\r\ntitle: 这款最好用\r\ndate: 2026-01-01\r\n---\r\n第一行\r\n这款面霜最好用";
        let fixed = fix_text(&linter, text, false, false).unwrap();
        assert_eq!(
            fixed.value,
            "---\r\ntitle: 这款很好用\r\ndate: 2026-01-01\r\n---\r\n第一行\r\n这款面霜很好用"
        );
        assert_eq!(fixed.applied.len(), 2);
        let again = Note::from_text(&fixed.value).unwrap();
        assert!(linter.lint(&again.note).iter().all(|v| v.rule != "B101"));
    }
}
