//! Findings: what a rule reports, in original byte spans.

use std::sync::Arc;

use arcstr::ArcStr;
use serde::Serialize;

use crate::rules::{Category, FixSafety, Severity};
use crate::source::{SourceFile, Span};

/// A secondary place that a finding points at (the quote that opened a
/// mismatched pair, the other spelling of a name, …), in the finding's
/// file or, for the translation checks, in another one (the original).
#[derive(Debug, Clone, Serialize)]
pub struct Related {
    pub span: Span,
    pub message: ArcStr,
    /// The file the span is in when it is not the finding's own (the
    /// original of a translation); `None`: the finding's file.
    #[serde(skip)]
    pub file: Option<Arc<SourceFile>>,
}

impl Related {
    /// The source file the related span is in: its own file, else `own`.
    pub fn source<'s>(&'s self, own: &'s SourceFile) -> &'s SourceFile {
        self.file.as_deref().unwrap_or(own)
    }

    /// The path of the other file, when the span is in another file.
    pub fn other_path(&self) -> Option<&str> {
        self.file.as_deref().map(|f| f.path.as_str())
    }

    /// The related text.
    pub fn text<'s>(&'s self, own: &'s SourceFile) -> &'s str {
        self.source(own)
            .text
            .get(self.span.range())
            .unwrap_or_default()
    }
}

impl PartialEq for Related {
    fn eq(&self, other: &Related) -> bool {
        self.span == other.span
            && self.message == other.message
            && self.other_path() == other.other_path()
    }
}

impl Eq for Related {}

impl std::hash::Hash for Related {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // What `eq` compares.
        (self.span, &self.message, self.other_path()).hash(state);
    }
}

/// The related places of a finding, in one pointer (none when there are
/// none). Findings of a file that point at the same places share one list
/// (see [`Texts::related`]): every variant of a name points at the name's
/// other forms, and a long article has tens of thousands of such findings
/// for a few thousand different lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RelatedList(Option<Arc<Vec<Related>>>);

impl RelatedList {
    /// A list of its own (not shared), for findings made outside a rule run.
    pub fn of(list: Vec<Related>) -> RelatedList {
        RelatedList((!list.is_empty()).then(|| Arc::new(list)))
    }
}

impl std::ops::Deref for RelatedList {
    type Target = [Related];

    fn deref(&self) -> &[Related] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }
}

impl<'a> IntoIterator for &'a RelatedList {
    type Item = &'a Related;
    type IntoIter = std::slice::Iter<'a, Related>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// A shared list as [`Texts`] keeps it: hashed and compared by its places,
/// so that it is found from a slice of them.
#[derive(Debug)]
struct SharedList(Arc<Vec<Related>>);

impl std::borrow::Borrow<[Related]> for SharedList {
    fn borrow(&self) -> &[Related] {
        &self.0
    }
}

impl PartialEq for SharedList {
    fn eq(&self, other: &SharedList) -> bool {
        self.0 == other.0
    }
}

impl Eq for SharedList {}

impl std::hash::Hash for SharedList {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // As the slice hashes (see `Borrow`).
        self.0.as_slice().hash(state);
    }
}

/// The fix a finding offers: replace the finding's span with the first
/// suggestion. Findings that offer the same fix share it (see
/// [`Texts::fix`]): a long article repeats a few fixes (remove the space
/// before «،», write the name as the article mostly does) over tens of
/// thousands of findings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Fix {
    pub title: ArcStr,
    pub safety: FixSafety,
    /// Replacements for the span, best first (at least one). Reports show
    /// them as the finding's (see [`Finding::suggestions`]).
    #[serde(skip)]
    pub suggestions: Box<[ArcStr]>,
}

/// The texts of one file's findings (messages, fix titles, suggestions,
/// related notes), their fixes and their lists of related places, each
/// kept once: a long article repeats a few hundred texts over tens of
/// thousands of findings («space before «،»», the same variant of a name),
/// and one allocation per text would be most of the memory its report
/// holds.
#[derive(Debug, Default)]
pub struct Texts {
    strings: rustc_hash::FxHashSet<ArcStr>,
    fixes: rustc_hash::FxHashMap<(ArcStr, FixSafety, ArcStr), Arc<Fix>>,
    related: rustc_hash::FxHashSet<SharedList>,
    /// Keyed by the fix and the list, which are kept once here: one pointer
    /// for one value (0: none).
    extras: rustc_hash::FxHashMap<(usize, usize), Arc<Extras>>,
    /// The pair [`Texts::extras`] gave last, with its key.
    last_extras: Option<((usize, usize), Arc<Extras>)>,
}

impl Texts {
    /// The shared copy of `text`.
    pub fn get(&mut self, text: &str) -> ArcStr {
        if let Some(shared) = self.strings.get(text) {
            return ArcStr::clone(shared);
        }
        let shared = ArcStr::from(text);
        self.strings.insert(ArcStr::clone(&shared));
        shared
    }

    /// The shared fix titled `title` that replaces a span with `suggestion`.
    pub fn fix(&mut self, title: ArcStr, safety: FixSafety, suggestion: &str) -> Arc<Fix> {
        let suggestion = self.get(suggestion);
        Arc::clone(
            self.fixes
                .entry((ArcStr::clone(&title), safety, ArcStr::clone(&suggestion)))
                .or_insert_with(|| {
                    Arc::new(Fix {
                        title,
                        safety,
                        suggestions: Box::new([suggestion]),
                    })
                }),
        )
    }

    /// The shared list of `places` (empty: no list).
    pub fn related(&mut self, places: &[Related]) -> RelatedList {
        if places.is_empty() {
            return RelatedList::default();
        }
        if let Some(shared) = self.related.get(places) {
            return RelatedList(Some(Arc::clone(&shared.0)));
        }
        let shared = Arc::new(places.to_vec());
        self.related.insert(SharedList(Arc::clone(&shared)));
        RelatedList(Some(shared))
    }

    /// The shared pair of a fix and a list of related places, as
    /// [`Texts::fix`] and [`Texts::related`] made them (none when there is
    /// neither).
    pub fn extras(&mut self, fix: Option<Arc<Fix>>, related: RelatedList) -> Option<Arc<Extras>> {
        // Each made here, so one address for one value; the map keeps them
        // alive, so an address is not another's later.
        let key = (
            fix.as_ref().map_or(0, |f| Arc::as_ptr(f) as usize),
            related.0.as_ref().map_or(0, |l| Arc::as_ptr(l) as usize),
        );
        if key == (0, 0) {
            return None;
        }
        // A rule's findings come in runs that offer the same (a space
        // before «،» after another).
        if let Some((last, extras)) = &self.last_extras {
            if *last == key {
                return Some(Arc::clone(extras));
            }
        }
        let extras = Arc::clone(
            self.extras
                .entry(key)
                .or_insert_with(|| Arc::new(Extras { fix, related })),
        );
        self.last_extras = Some((key, Arc::clone(&extras)));
        Some(extras)
    }
}

/// Who reports a finding and how seriously: the rule, its category and
/// the finding's severity. The findings of a rule at one severity share
/// one (a rule run makes one for each severity it reports at), so that a
/// finding is four pointers' worth.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    pub rule: ArcStr,
    pub category: Category,
    pub severity: Severity,
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule, category and severity (see [`Finding::rule`],
    /// [`Finding::category`], [`Finding::severity`]).
    origin: Arc<Origin>,
    /// Shared with the other findings of the file that read the same
    /// (see [`Texts`]).
    pub message: ArcStr,
    pub span: Span,
    /// Its fix and related places (see [`Finding::fix`],
    /// [`Finding::related`]): one pointer, none for the many findings that
    /// have neither.
    extras: Option<Arc<Extras>>,
}

// A long article holds a finding for every seventy bytes or so (146,342 in
// the Arabic 10 MB benchmark file): kept small.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Finding>() == 32);

/// What a finding may offer beyond its message: a fix, places it points
/// at. Findings of a file that offer the same share one (see
/// [`Texts::extras`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extras {
    /// Shared with the other findings of the file that offer the same.
    fix: Option<Arc<Fix>>,
    /// Shared with the other findings of the file that point at the same
    /// places.
    related: RelatedList,
}

impl Extras {
    /// `None` when there is neither a fix nor a related place.
    fn of(fix: Option<Arc<Fix>>, related: RelatedList) -> Option<Arc<Extras>> {
        (fix.is_some() || !related.is_empty()).then(|| Arc::new(Extras { fix, related }))
    }
}

impl Finding {
    /// A finding of `rule` with no fix and no related place (set them on
    /// the result); its origin is its own (a rule run shares them, see
    /// [`Finding::of`]).
    pub fn new(
        rule: ArcStr,
        category: Category,
        severity: Severity,
        message: ArcStr,
        span: Span,
    ) -> Finding {
        let origin = Origin {
            rule,
            category,
            severity,
        };
        Finding::of(Arc::new(origin), message, span)
    }

    /// A finding from a shared origin, with no fix and no related place.
    pub fn of(origin: Arc<Origin>, message: ArcStr, span: Span) -> Finding {
        Finding {
            origin,
            message,
            span,
            extras: None,
        }
    }

    /// The fix it offers.
    pub fn fix(&self) -> Option<&Fix> {
        self.extras.as_ref()?.fix.as_deref()
    }

    /// The places it points at besides its span.
    pub fn related(&self) -> &[Related] {
        self.extras.as_ref().map_or(&[], |e| &e.related)
    }

    /// Gives it this fix (its fix and related places are then its own).
    pub fn set_fix(&mut self, fix: Option<Arc<Fix>>) {
        let related = self
            .extras
            .take()
            .map(|e| e.related.clone())
            .unwrap_or_default();
        self.extras = Extras::of(fix, related);
    }

    /// Gives it these related places (its fix and related places are then
    /// its own).
    pub fn set_related(&mut self, related: Vec<Related>) {
        let fix = self.extras.take().and_then(|e| e.fix.clone());
        self.extras = Extras::of(fix, RelatedList::of(related));
    }

    /// With a fix and related places shared with other findings (see
    /// [`Texts::extras`]).
    #[must_use]
    pub fn with_extras(self, extras: Option<Arc<Extras>>) -> Finding {
        Finding { extras, ..self }
    }

    /// The id of the rule that reported it.
    pub fn rule(&self) -> &ArcStr {
        &self.origin.rule
    }

    pub fn category(&self) -> Category {
        self.origin.category
    }

    pub fn severity(&self) -> Severity {
        self.origin.severity
    }

    /// True when the two share one origin (not a copy of it).
    #[cfg(test)]
    pub(crate) fn same_origin(&self, other: &Finding) -> bool {
        Arc::ptr_eq(&self.origin, &other.origin)
    }

    /// Gives it another severity (its origin is then its own).
    pub fn set_severity(&mut self, severity: Severity) {
        Arc::make_mut(&mut self.origin).severity = severity;
    }

    /// Gives it another category (its origin is then its own).
    pub fn set_category(&mut self, category: Category) {
        Arc::make_mut(&mut self.origin).category = category;
    }

    /// Replacements for the span, best first: its fix's (none without a
    /// fix).
    pub fn suggestions(&self) -> &[ArcStr] {
        self.fix().map_or(&[], |f| &f.suggestions)
    }

    /// The flagged text.
    pub fn text<'t>(&self, source: &'t str) -> &'t str {
        source.get(self.span.range()).unwrap_or_default()
    }
}

/// Applies the first suggestion of every fixable finding to `text`; findings
/// that overlap an earlier one are left out. Returns the new text and how
/// many fixes were applied.
pub fn apply_fixes(text: &str, findings: &[Finding]) -> (String, usize) {
    let mut edits: Vec<(Span, &str)> = findings
        .iter()
        .filter_map(|f| f.suggestions().first().map(|s| (f.span, &**s)))
        .collect();
    edits.sort_by_key(|(s, _)| (s.start, s.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0usize;
    let mut applied = 0;
    for (span, replacement) in edits {
        let r = span.range();
        if r.start < pos || r.end > text.len() {
            continue;
        }
        out.push_str(&text[pos..r.start]);
        out.push_str(replacement);
        pos = r.end;
        applied += 1;
    }
    out.push_str(&text[pos..]);
    (out, applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_kept_once() {
        let mut texts = Texts::default();
        let a = texts.get("space before «،»");
        let b = texts.get(&String::from("space before «،»"));
        let c = texts.get("space before «,»");
        assert!(ArcStr::ptr_eq(&a, &b));
        assert!(!ArcStr::ptr_eq(&a, &c));
        assert_eq!((&*a, &*c), ("space before «،»", "space before «,»"));
    }

    #[test]
    fn a_finding_reads_its_origin_and_changing_it_leaves_the_shared_one_alone() {
        let shared = Arc::new(Origin {
            rule: "typography/q".into(),
            category: Category::Typography,
            severity: Severity::Warning,
        });
        let mut f = Finding::of(Arc::clone(&shared), "m".into(), Span::new(0, 1));
        let g = Finding::of(Arc::clone(&shared), "n".into(), Span::new(2, 3));
        assert!(f.same_origin(&g));
        assert_eq!(
            (f.rule().as_str(), f.category(), f.severity()),
            ("typography/q", Category::Typography, Severity::Warning)
        );
        f.set_severity(Severity::Error);
        assert_eq!(
            (f.severity(), g.severity()),
            (Severity::Error, Severity::Warning)
        );
        assert!(!f.same_origin(&g));
        f.set_category(Category::Suppression);
        assert_eq!(
            (f.category(), g.category()),
            (Category::Suppression, Category::Typography)
        );
    }

    #[test]
    fn a_list_of_related_places_is_kept_once() {
        let mut texts = Texts::default();
        let place = |start, message: &str| Related {
            span: Span::new(start, start + 4),
            message: message.into(),
            file: None,
        };
        let list = vec![place(10, "another form"), place(40, "another form")];
        let same = |x: &RelatedList, y: &RelatedList| matches!((&x.0, &y.0), (Some(x), Some(y)) if Arc::ptr_eq(x, y));
        let first = texts.related(&list);
        assert!(same(&first, &texts.related(&list.clone())));
        assert_eq!(&*first, &list[..]);
        // Another place, another note, another order, a prefix: other lists.
        for other in [
            vec![place(10, "another form"), place(44, "another form")],
            vec![place(10, "another form"), place(40, "the first one")],
            vec![place(40, "another form"), place(10, "another form")],
            vec![place(10, "another form")],
        ] {
            let shared = texts.related(&other);
            assert_eq!(&*shared, &other[..]);
            assert!(!same(&first, &shared));
        }
        // None: no list at all, and the same as a finding made without one.
        assert_eq!(texts.related(&[]).0, None);
        assert_eq!(texts.related(&[]), RelatedList::of(Vec::new()));
        assert!(texts.related(&[]).is_empty());
    }

    #[test]
    fn findings_that_offer_the_same_fix_and_places_share_them_and_changing_one_leaves_the_others_alone()
     {
        let mut texts = Texts::default();
        let title = texts.get("Remove the space");
        let fix = texts.fix(title, FixSafety::Safe, "،");
        let other = texts.get("Other");
        let other_fix = texts.fix(other, FixSafety::Safe, ",");
        let place = Related {
            span: Span::new(10, 14),
            message: "another form".into(),
            file: None,
        };
        let places = texts.related(std::slice::from_ref(&place));
        let origin = Arc::new(Origin {
            rule: "typography/q".into(),
            category: Category::Typography,
            severity: Severity::Warning,
        });
        let finding = |extras| {
            Finding::of(Arc::clone(&origin), "m".into(), Span::new(0, 1)).with_extras(extras)
        };
        let shared = texts.extras(Some(Arc::clone(&fix)), places.clone());
        let again = texts.extras(Some(Arc::clone(&fix)), places.clone());
        assert!(matches!((&shared, &again), (Some(x), Some(y)) if Arc::ptr_eq(x, y)));
        // No places, another fix, no fix (each asked for after one that
        // differs from it in one half): another pair; neither: none.
        let no_places = texts.extras(Some(Arc::clone(&fix)), RelatedList::default());
        let other_fixed = texts.extras(Some(Arc::clone(&other_fix)), places.clone());
        let no_fix = texts.extras(None, places.clone());
        for other in [&other_fixed, &no_places, &no_fix] {
            assert!(matches!((&shared, other), (Some(x), Some(y)) if !Arc::ptr_eq(x, y)));
        }
        assert_eq!(texts.extras(None, RelatedList::default()), None);
        let (mut f, g) = (finding(shared), finding(again));
        assert_eq!(f.fix().map(|f| &*f.title), Some("Remove the space"));
        assert_eq!(f.related(), std::slice::from_ref(&place));
        assert_eq!(finding(no_fix).fix(), None);
        assert_eq!(finding(no_places).related(), &[]);
        // Changing one finding's fix keeps its places, and the other's both.
        f.set_fix(Some(Arc::clone(&other_fix)));
        assert_eq!(f.fix().map(|f| &*f.title), Some("Other"));
        assert_eq!(f.related(), std::slice::from_ref(&place));
        assert_eq!(g.fix().map(|f| &*f.title), Some("Remove the space"));
        f.set_related(Vec::new());
        assert_eq!(
            (f.related(), f.fix().map(|f| &*f.title)),
            (&[][..], Some("Other"))
        );
        f.set_fix(None);
        assert_eq!(
            f,
            Finding::of(Arc::clone(&origin), "m".into(), Span::new(0, 1))
        );
        assert_eq!(g.related(), std::slice::from_ref(&place));
    }

    #[test]
    fn a_fix_is_kept_once_and_offers_its_suggestion() {
        let mut texts = Texts::default();
        let title = texts.get("Remove the space");
        let mut fix =
            |safety, suggestion: &str| texts.fix(ArcStr::clone(&title), safety, suggestion);
        let a = fix(FixSafety::Safe, "،");
        let b = fix(FixSafety::Safe, &String::from("،"));
        assert!(Arc::ptr_eq(&a, &b));
        for other in [fix(FixSafety::Safe, ","), fix(FixSafety::Unsafe, "،")] {
            assert!(!Arc::ptr_eq(&a, &other));
        }
        assert_eq!(
            (&*a.title, &*a.suggestions),
            ("Remove the space", &[ArcStr::from("،")][..])
        );
        let mut finding = Finding::new(
            "typography/x".into(),
            Category::Typography,
            Severity::Warning,
            "m".into(),
            Span::new(0, 1),
        );
        finding.set_fix(Some(a));
        assert_eq!(finding.suggestions(), &[ArcStr::from("،")][..]);
        finding.set_fix(None);
        assert!(finding.suggestions().is_empty());
    }
}
