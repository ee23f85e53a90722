//! Stage 9, severity: a violation starts at its rule's level for the note (organic or
//! sponsored: `Rule::violation`); every change after that is made here, from a typed reason
//! ([`Why`]), which also gives the message the outputs show as `context`. Nothing else in the
//! engine sets a violation's level, and no decision compares message text.

use crate::context::Why;
use crate::pack::Rule;
use crate::violation::{Severity, Violation};

/// Puts `v` at the level `why` gives it, and records why. `rule` finds the violation's rule,
/// asked only for the reasons that go back to its levels.
///
/// | reason | level |
/// |---|---|
/// | no product in the sentence, not promoted, an illness story, a warning note, a word quoted as a word | info at most |
/// | a promoting note | the rule's organic level |
/// | a sponsored note | the rule's sponsored level |
/// | another of its category at warning or above in the note | the rule's organic level, warning at least |
/// | stacked hits of a category | the pack's `escalate.to`, never lower than it was |
pub(super) fn settle<'r>(v: &mut Violation, why: Why, rule: impl FnOnce() -> Option<&'r Rule>) {
    v.severity = match why {
        Why::NoProduct
        | Why::NotPromoted
        | Why::Everyday
        | Why::Urged
        | Why::Alone
        | Why::IllnessStory
        | Why::Warns
        | Why::ProductsEffect
        | Why::Quoted => v.severity.min(Severity::Info),
        Why::Stacked { to, .. } => v.severity.max(to),
        Why::Kindred => match rule() {
            Some(r) => r.severity_for(false).max(Severity::Warning),
            None => return,
        },
        Why::Promotes | Why::Sponsored => match rule() {
            Some(r) => r.severity_for(why == Why::Sponsored),
            None => return,
        },
    };
    v.why = Some(why);
    v.context = Some(why.message());
}
