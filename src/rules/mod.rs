//! The rule engine: loads rule files and data files, selects rules, runs
//! them over a document.
//!
//! The default `rules/` folder is embedded in the binary. Rule packs given
//! with `--rules DIR` add rules and replace default rules of the same id;
//! their `data/` files add or replace word lists. A rule's id is its path
//! under the rules folder without `.toml` (`typography/mismatched-quotes`).

mod data;
pub mod docs;
mod examples;
pub(crate) mod select;
mod spec;
mod word_table;

pub(crate) use data::slice_of;
pub use data::{Data, Word, WordSet};
pub use examples::{ExampleFailure, test_rule};
pub use select::Selector;
pub use spec::{Category, Example, FixSafety, FixSpec, RuleFile, Severity};

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::check::{Check, Hit, HitSink, KINDS, Reads, kind_names};
use crate::document::{Document, Lang};
use crate::error::RuleFileError;
use crate::finding::{Finding, Origin, Related, Texts};
use crate::timings::{Stage, Timings};

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// A loaded rule.
#[derive(Debug)]
pub struct Rule {
    pub id: arcstr::ArcStr,
    /// Where the rule came from: `rules/<id>.toml` (embedded) or a path.
    pub origin: String,
    pub meta: RuleFile<()>,
    check: Box<dyn Check>,
    /// `meta.message` and the fix's title, cut into their parts on the
    /// rule's first finding (not at start-up: most rules find nothing).
    templates: std::sync::OnceLock<(Template, Option<Template>)>,
}

impl Rule {
    pub fn applies_to(&self, lang: Lang) -> bool {
        self.meta.languages.contains(&lang)
    }

    /// Runs the rule on `doc` (whatever the document's language); the
    /// findings' texts are shared through `texts` with the other findings
    /// of the document.
    pub fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>, texts: &mut Texts) {
        self.run_into(doc, Out::Own(out), texts);
    }

    /// Runs the rule into `out`; how many findings it reported.
    fn run_into(&self, doc: &Document<'_>, out: Out<'_>, texts: &mut Texts) -> usize {
        let mut sink = Findings {
            rule: self,
            doc,
            out,
            texts,
            buf: String::new(),
            places: Vec::new(),
            origins: Default::default(),
            found: 0,
        };
        self.check.check(doc, &mut sink);
        sink.out.flush();
        sink.found
    }

    /// [`Rule::run_into`], its time added to `timings` when there are.
    fn run_timed(
        &self,
        doc: &Document<'_>,
        out: Out<'_>,
        texts: &mut Texts,
        timings: Option<&Timings>,
    ) {
        match timings {
            None => {
                self.run_into(doc, out, texts);
            }
            Some(t) => {
                let start = std::time::Instant::now();
                let found = self.run_into(doc, out, texts);
                t.add_rule(&self.id, start.elapsed(), found);
            }
        }
    }
}

/// Where a rule's findings go: a list of its own, or the list that the
/// rules running on other threads share, in batches (a long article's
/// findings are then held once, not once per rule and again when put
/// together). A rule runs on one thread, so its findings keep their order
/// in the shared list, which is all that sorting them needs to be
/// deterministic: findings sort by rule among equal places.
enum Out<'o> {
    Own(&'o mut Vec<Finding>),
    Shared {
        all: &'o std::sync::Mutex<Vec<Finding>>,
        batch: Vec<Finding>,
    },
}

impl Out<'_> {
    /// How many findings a rule gathers before it takes the shared list's
    /// lock.
    const BATCH: usize = 64;

    fn push(&mut self, finding: Finding) {
        match self {
            Out::Own(out) => out.push(finding),
            Out::Shared { batch, .. } => {
                batch.push(finding);
                if batch.len() == Self::BATCH {
                    self.flush();
                }
            }
        }
    }

    /// Moves a batch into the shared list.
    fn flush(&mut self) {
        if let Out::Shared { all, batch } = self {
            if !batch.is_empty() {
                // A rule that panicked while holding the lock fails its
                // file anyway (see `lint::guarded`): the list is still whole.
                let mut all = all
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                all.append(batch);
            }
        }
    }
}

/// The sink a rule hands its check: each hit becomes a finding as it is
/// reported.
struct Findings<'r, 'd, 'o> {
    rule: &'r Rule,
    doc: &'r Document<'d>,
    out: Out<'o>,
    texts: &'o mut Texts,
    /// Where each message and title is filled before it is looked up in
    /// `texts`: a text seen before costs no allocation.
    buf: String,
    /// Where a finding's related places are gathered before their list is
    /// looked up in `texts`, likewise.
    places: Vec<Related>,
    /// The rule's origins, one for each severity its findings take (a
    /// hit may report at a lower one): shared by all its findings.
    origins: [Option<Arc<Origin>>; 3],
    /// How many findings the rule reported.
    found: usize,
}

impl Findings<'_, '_, '_> {
    fn finding(&mut self, hit: Hit) -> Finding {
        let (rule, doc) = (self.rule, self.doc);
        let text = doc.text().get(hit.span.range()).unwrap_or_default();
        let mut fill = |template: &Template| {
            template.fill(&mut self.buf, text, doc.lang, &hit.vars);
            self.texts.get(&self.buf)
        };
        let (message, fix_title) = rule.templates.get_or_init(|| {
            (
                Template::new(&rule.meta.message),
                rule.meta.fix.as_ref().map(|f| Template::new(&f.title)),
            )
        });
        let message = fill(message);
        let fix = match (&rule.meta.fix, fix_title, &hit.suggestion) {
            (Some(f), Some(title), Some(s)) => {
                let title = fill(title);
                Some(self.texts.fix(title, f.safety, s))
            }
            _ => None,
        };
        let mut places = std::mem::take(&mut self.places);
        places.clear();
        places.extend(hit.related.into_iter().map(|r| Related {
            span: r.span,
            message: self.texts.get(&r.message),
            file: if r.in_original {
                doc.original().map(|o| Arc::clone(o.file))
            } else {
                None
            },
        }));
        let related = self.texts.related(&places);
        self.places = places;
        let severity = hit
            .weaker
            .map_or(rule.meta.severity, |w| w.min(rule.meta.severity));
        // (A match, not a cast: another severity would not compile.)
        let slot = match severity {
            Severity::Info => 0,
            Severity::Warning => 1,
            Severity::Error => 2,
        };
        let origin = self.origins[slot].get_or_insert_with(|| {
            Arc::new(Origin {
                rule: arcstr::ArcStr::clone(&rule.id),
                category: rule.meta.category,
                severity,
            })
        });
        let extras = self.texts.extras(fix, related);
        Finding::of(Arc::clone(origin), message, hit.span).with_extras(extras)
    }
}

impl HitSink for Findings<'_, '_, '_> {
    fn push(&mut self, hit: Hit) {
        let finding = self.finding(hit);
        self.found += 1;
        self.out.push(finding);
    }
}

/// A message or title template, cut once into its text and its `{name}`
/// placeholders: a rule with many findings fills it for each.
#[derive(Debug)]
struct Template(Vec<Part>);

#[derive(Debug, PartialEq)]
enum Part {
    Text(Box<str>),
    /// `{text}`: the flagged text.
    Flagged,
    /// `{lang}`: the document's language name.
    Lang,
    /// Another placeholder, filled from the hit's values (written as it
    /// is when the hit gives none).
    Var(Box<str>),
}

impl Template {
    fn new(template: &str) -> Template {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            text.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                text.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let part = match &after[..close] {
                "text" => Part::Flagged,
                "lang" => Part::Lang,
                name => Part::Var(name.into()),
            };
            if !text.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut text).into()));
            }
            parts.push(part);
            rest = &after[close + 1..];
        }
        text.push_str(rest);
        if !text.is_empty() {
            parts.push(Part::Text(text.into()));
        }
        Template(parts)
    }

    /// Fills the template into `out` (cleared first) with the flagged
    /// `text`, the language and a hit's values.
    fn fill(
        &self,
        out: &mut String,
        text: &str,
        lang: Lang,
        vars: &[(&'static str, Cow<'_, str>)],
    ) {
        out.clear();
        for part in &self.0 {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Flagged => out.push_str(text),
                Part::Lang => out.push_str(lang.name()),
                Part::Var(name) => {
                    if let Some((_, v)) = vars.iter().find(|(n, _)| *n == &**name) {
                        out.push_str(v);
                    } else {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
            }
        }
    }
}

/// Placeholders used in a template.
fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(n, _)| n))
}

/// The set of rules in force, with their shared data.
#[derive(Debug)]
pub struct RuleSet {
    rules: Vec<Rule>,
    data: Data,
    /// The rules that [`RuleSet::retain`] left out: they exist, so an
    /// inline suppression naming one is neither unknown nor unused.
    deselected: Vec<(arcstr::ArcStr, Category)>,
}

/// One rule or data file to load.
struct RuleSource {
    /// Path under the rules folder, with `/` separators.
    rel: String,
    /// Path shown in errors.
    display: String,
    /// Borrowed for the embedded defaults: never copied.
    text: std::borrow::Cow<'static, str>,
    /// One of the files embedded in the binary.
    embedded: bool,
}

/// The default rule files compiled into the binary.
fn embedded_sources() -> impl Iterator<Item = RuleSource> {
    EMBEDDED_RULES.iter().map(|(rel, text)| RuleSource {
        rel: (*rel).to_owned(),
        display: format!("rules/{rel}"),
        text: std::borrow::Cow::Borrowed(text),
        embedded: true,
    })
}

fn read_pack(dir: &Path) -> Result<Vec<RuleSource>, RuleFileError> {
    let display = dir.display().to_string();
    if !dir.is_dir() {
        return Err(RuleFileError::whole(&display, "not a folder of rule files"));
    }
    let mut out = Vec::new();
    for entry in ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .sort_by_file_name(Ord::cmp)
        .build()
    {
        let entry = entry.map_err(|e| RuleFileError::whole(&display, e.to_string()))?;
        let path = entry.path();
        if !path.is_file() || path.extension().is_none_or(|e| e != "toml" && e != "txt") {
            continue;
        }
        let rel = path
            .strip_prefix(dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(path)
            .map_err(|e| RuleFileError::whole(&path.display().to_string(), e.to_string()))?;
        out.push(RuleSource {
            rel,
            display: path.display().to_string(),
            text: text.into(),
            embedded: false,
        });
    }
    Ok(out)
}

pub(crate) fn is_toml(rel: &str) -> bool {
    Path::new(rel)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('/').all(|seg| {
            !seg.is_empty()
                && seg
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

impl RuleSet {
    /// The embedded default rules only.
    pub fn embedded() -> Result<RuleSet, Vec<RuleFileError>> {
        RuleSet::load(&[], true)
    }

    /// Loads the embedded rules (when `defaults`) and then each pack in
    /// order. Every broken file is reported, not only the first.
    pub fn load(packs: &[PathBuf], defaults: bool) -> Result<RuleSet, Vec<RuleFileError>> {
        RuleSet::load_with(packs, defaults, Examples::Load)
    }

    /// [`RuleSet::load`] for checking articles: the `[[examples]]` of the
    /// embedded rule files (half their text) are not read, since only
    /// `rules test` and `rules explain` use them.
    pub fn load_for_checking(
        packs: &[PathBuf],
        defaults: bool,
    ) -> Result<RuleSet, Vec<RuleFileError>> {
        RuleSet::load_with(packs, defaults, Examples::SkipEmbedded)
    }

    fn load_with(
        packs: &[PathBuf],
        defaults: bool,
        examples: Examples,
    ) -> Result<RuleSet, Vec<RuleFileError>> {
        let mut sources = Vec::new();
        if defaults {
            sources.extend(embedded_sources());
        }
        let mut errors = Vec::new();
        for pack in packs {
            match read_pack(pack) {
                Ok(s) => sources.extend(s),
                Err(e) => errors.push(e),
            }
        }
        RuleSet::build(&sources, errors, examples)
    }

    /// Loads rule, data, gazetteer and fact files given as texts, each with
    /// its path under a rules folder (`house/my-rule.toml`,
    /// `data/words.toml`, `facts/story.toml`), after the embedded rules
    /// when `defaults`: as [`RuleSet::load`] with a pack of these files,
    /// without touching the file system (for tests and fuzzing).
    pub fn load_texts(
        files: &[(&str, &str)],
        defaults: bool,
    ) -> Result<RuleSet, Vec<RuleFileError>> {
        let mut sources = Vec::new();
        if defaults {
            sources.extend(embedded_sources());
        }
        sources.extend(files.iter().map(|(rel, text)| RuleSource {
            rel: (*rel).to_owned(),
            display: (*rel).to_owned(),
            text: (*text).to_owned().into(),
            embedded: false,
        }));
        RuleSet::build(&sources, Vec::new(), Examples::Load)
    }

    /// Builds the rule set from its files; `errors` are those of reading
    /// them.
    fn build(
        sources: &[RuleSource],
        mut errors: Vec<RuleFileError>,
        examples: Examples,
    ) -> Result<RuleSet, Vec<RuleFileError>> {
        // One thread: on a 2-core virtual machine, a thread for the
        // gazetteer and another sharing the rule files made start-up slower
        // (6.5 ms against 5.5 ms for an empty file: the threads' stacks,
        // malloc arenas and wake-ups cost more than the work they shared).
        let (gazetteer, gazetteer_errors) = load_gazetteer(sources);
        let (mut data, data_errors) = load_data(sources);
        let mut rules: Vec<Rule> = Vec::new();
        let mut rule_errors = Vec::new();
        for s in sources.iter().filter(|s| {
            !s.rel.starts_with("data/")
                && !s.rel.starts_with("gazetteer/")
                && !s.rel.starts_with("facts/")
                && is_toml(&s.rel)
        }) {
            match load_rule(s, &data, examples) {
                Ok(rule) => {
                    if let Some(old) = rules.iter_mut().find(|r| r.id == rule.id) {
                        *old = rule;
                    } else {
                        rules.push(rule);
                    }
                }
                Err(e) => rule_errors.push(e),
            }
        }
        errors.extend(data_errors);
        errors.extend(gazetteer_errors);
        data.gazetteer = std::sync::Arc::new(gazetteer);
        let mut facts = crate::fact::Facts::default();
        for s in sources
            .iter()
            .filter(|s| s.rel.starts_with("facts/") && is_toml(&s.rel))
        {
            if let Err(e) = facts.add_file(&s.display, &s.text, &data.gazetteer) {
                errors.push(e);
            }
        }
        data.facts = std::sync::Arc::new(facts);
        errors.extend(rule_errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        rules.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(RuleSet {
            rules,
            data,
            deselected: Vec::new(),
        })
    }

    /// Adds fact sheets (`--facts FILE`) after the rule set is loaded: a
    /// fact with the id of a loaded one replaces it. Every broken or
    /// unreadable sheet is reported, in the order given, and then none is
    /// added.
    pub fn add_facts(&mut self, paths: &[PathBuf]) -> Result<(), Vec<RuleFileError>> {
        if paths.is_empty() {
            return Ok(());
        }
        let mut facts = (*self.data.facts).clone();
        let mut errors = Vec::new();
        for path in paths {
            let display = path.display().to_string();
            let added = std::fs::read_to_string(path)
                .map_err(|e| RuleFileError::whole(&display, e.to_string()))
                .and_then(|text| facts.add_file(&display, &text, &self.data.gazetteer));
            errors.extend(added.err());
        }
        self.set_facts_unless(facts, errors)
    }

    /// Adds fact sheets given as texts, each with the path to report (an
    /// editor's unsaved sheet, tests, fuzzing), as [`RuleSet::add_facts`]
    /// does: on an error the rule set's facts are left as they were.
    pub fn add_fact_texts(&mut self, sheets: &[(&str, &str)]) -> Result<(), Vec<RuleFileError>> {
        if sheets.is_empty() {
            return Ok(());
        }
        let mut facts = (*self.data.facts).clone();
        let errors = sheets
            .iter()
            .filter_map(|(display, text)| facts.add_file(display, text, &self.data.gazetteer).err())
            .collect();
        self.set_facts_unless(facts, errors)
    }

    fn set_facts_unless(
        &mut self,
        facts: crate::fact::Facts,
        errors: Vec<RuleFileError>,
    ) -> Result<(), Vec<RuleFileError>> {
        if !errors.is_empty() {
            return Err(errors);
        }
        self.data.facts = Arc::new(facts);
        Ok(())
    }

    /// Replaces the rule set's facts (for instance with those it had before
    /// [`RuleSet::add_fact_texts`]: `Arc::clone(&set.data().facts)`).
    pub fn set_facts(&mut self, facts: Arc<crate::fact::Facts>) {
        self.data.facts = facts;
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn data(&self) -> &Data {
        &self.data
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| &*r.id == id)
    }

    /// Sets the severity of each rule for which `severity(id, category)`
    /// gives one (a configuration's `[severity]` table).
    pub fn set_severities(&mut self, severity: impl Fn(&str, Category) -> Option<Severity>) {
        for rule in &mut self.rules {
            if let Some(s) = severity(&rule.id, rule.meta.category) {
                rule.meta.severity = s;
            }
        }
    }

    /// Keeps the rules that `selector` selects.
    pub fn retain(&mut self, selector: &Selector) {
        let (kept, left): (Vec<Rule>, Vec<Rule>) = std::mem::take(&mut self.rules)
            .into_iter()
            .partition(|r| selector.selects(&r.id, r.meta.category));
        self.rules = kept;
        self.deselected
            .extend(left.into_iter().map(|r| (r.id, r.meta.category)));
    }

    /// The rules that `--select`/`--ignore` left out (id, category).
    pub fn deselected(&self) -> &[(arcstr::ArcStr, Category)] {
        &self.deselected
    }

    /// Runs every rule that applies to the document's language. Findings
    /// are sorted by position, then rule id, without duplicates.
    pub fn check(&self, doc: &Document<'_>) -> Vec<Finding> {
        self.check_split(doc, false)
    }

    /// Like [`RuleSet::check`]; on a long document, when `split` allows it
    /// (see [`crate::ordered::split_document`]), the figures and dates are
    /// extracted beside the names, then the rules run on all the threads
    /// of rayon's pool. The findings are the same, in the same order.
    pub fn check_split(&self, doc: &Document<'_>, split: bool) -> Vec<Finding> {
        let mut findings = self.check_unsorted(doc, split, None);
        sort_findings(&mut findings);
        findings
    }

    /// [`RuleSet::check_split`] without the sorting, which the caller does
    /// (with [`sort_findings`]) once it has dropped the document: on a long
    /// article the sort's room then comes after the words and names are
    /// gone, not on top of them.
    ///
    /// With `timings`, each rule's run is timed, and the extractions the
    /// rules read are done before them, each timed as its stage (else the
    /// first rule that reads one does it, and no rule asks for what none
    /// reads).
    pub(crate) fn check_unsorted(
        &self,
        doc: &Document<'_>,
        split: bool,
        timings: Option<&Timings>,
    ) -> Vec<Finding> {
        let rules: Vec<&Rule> = self
            .rules
            .iter()
            .filter(|r| r.applies_to(doc.lang))
            .collect();
        let mut findings = Vec::new();
        // What a list of rules reads of the document's extractions.
        let all = |rules: &[&Rule]| {
            rules
                .iter()
                .fold(Reads::default(), |all, r| all.and(r.check.reads(doc)))
        };
        if crate::ordered::split_document(split, doc.text().len()) {
            // Two sides: the figures and dates are extracted on one, then
            // the rules that read them run; the names on the other, then
            // the other rules. Either side's rules spread over every
            // thread that is free, the costliest first (`sides`). What no
            // rule asks for is not extracted.
            // A rule that asks for an extraction under way waits for it:
            // no extraction may itself wait for work of the pool, or the
            // thread that runs it could take up that rule meanwhile.
            let (figures, others) = sides(rules, doc);
            let (on_figures, on_others) = (all(&figures), all(&others));
            let shared = std::sync::Mutex::new(Vec::new());
            let run = |rule: &Rule| {
                let out = Out::Shared {
                    all: &shared,
                    batch: Vec::with_capacity(Out::BATCH),
                };
                rule.run_timed(doc, out, &mut Texts::default(), timings);
            };
            let names = Reads {
                entities: on_others.entities || on_figures.entities,
                ..Reads::default()
            };
            let figures_only = Reads {
                entities: false,
                ..on_figures
            };
            rayon::join(
                || {
                    extract(doc, figures_only, timings);
                    crate::ordered::map(figures, true, run)
                },
                || {
                    extract(doc, names, timings);
                    crate::ordered::map(others, true, run)
                },
            );
            findings = shared
                .into_inner()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        } else {
            if timings.is_some() {
                extract(doc, all(&rules), timings);
            }
            let mut texts = Texts::default();
            for rule in rules {
                rule.run_timed(doc, Out::Own(&mut findings), &mut texts, timings);
            }
        }
        findings
    }
}

/// Extracts what `reads` asks for from `doc`, each extraction timed as its
/// stage: the figures (and the dates with them) or the dates alone, then
/// the names.
fn extract(doc: &Document<'_>, reads: Reads, timings: Option<&Timings>) {
    if reads.amounts {
        Timings::time(timings, Stage::Figures, || doc.amounts()); // and the dates
    } else if reads.dates {
        Timings::time(timings, Stage::Figures, || doc.dates());
    }
    if reads.entities {
        Timings::time(timings, Stage::Names, || doc.entities());
    }
}

/// The rules of a document split over threads, in two sides: those that
/// read its figures or dates, and the others; each side in the order its
/// rules start: the costliest first ([`Check::weight`]), so that the
/// threads that finish early take up the short ones meanwhile instead of
/// idling while one long rule ends the check (stable: in the given order
/// among equals).
///
/// [`Check::weight`]: crate::check::Check::weight
fn sides<'r>(rules: Vec<&'r Rule>, doc: &Document<'_>) -> (Vec<&'r Rule>, Vec<&'r Rule>) {
    let (mut figures, mut others): (Vec<&Rule>, Vec<&Rule>) = rules.into_iter().partition(|r| {
        let reads = r.check.reads(doc);
        reads.amounts || reads.dates
    });
    for side in [&mut figures, &mut others] {
        side.sort_by_key(|r| std::cmp::Reverse(r.check.weight()));
    }
    (figures, others)
}

/// Sorts findings by span, then rule and message, keeping the order in
/// which they were found among equals, and drops exact duplicates (the
/// first found stays).
pub fn sort_findings(findings: &mut Vec<Finding>) {
    crate::sort::sort_stable_by(findings, |a, b| {
        (a.span.start, a.span.end, a.rule(), &a.message).cmp(&(
            b.span.start,
            b.span.end,
            b.rule(),
            &b.message,
        ))
    });
    findings.dedup_by(|a, b| a.rule() == b.rule() && a.span == b.span && a.message == b.message);
}

/// The data lists of `sources` (`data/*.toml`, `data/*.txt`).
fn load_data(sources: &[RuleSource]) -> (Data, Vec<RuleFileError>) {
    let mut data = Data::default();
    let mut errors = Vec::new();
    // The embedded data files, as build.rs read them.
    let embedded = if sources.iter().any(|s| s.embedded) {
        data::embedded_files()
    } else {
        Vec::new()
    };
    for s in sources.iter().filter(|s| s.rel.starts_with("data/")) {
        let rel = s.rel.trim_start_matches("data/");
        if let Some(stem) = rel.strip_suffix(".txt") {
            match &s.text {
                std::borrow::Cow::Borrowed(text) if s.embedded => {
                    data.add_embedded_text_file(stem, text);
                }
                _ => data.add_text_file(stem, s.text.clone()),
            }
        } else if let Some((_, lists)) = embedded
            .iter()
            .find(|(r, _)| s.embedded && data::embedded_str(*r) == rel)
        {
            data.add_embedded_lists(rel.trim_end_matches(".toml"), lists);
        } else if let Err(e) = data.add_file(&s.display, rel.trim_end_matches(".toml"), &s.text) {
            errors.push(e);
        }
    }
    (data, errors)
}

/// The gazetteer of `sources` (`gazetteer/*.toml`), indexed.
fn load_gazetteer(sources: &[RuleSource]) -> (crate::entity::Gazetteer, Vec<RuleFileError>) {
    let mut gazetteer = crate::entity::Gazetteer::default();
    let mut errors = Vec::new();
    // The embedded files come first, and build.rs has parsed them.
    if sources.iter().any(|s| s.embedded)
        && let Err(e) = gazetteer.add_embedded()
    {
        errors.push(e);
    }
    for s in sources
        .iter()
        .filter(|s| s.rel.starts_with("gazetteer/") && is_toml(&s.rel) && !s.embedded)
    {
        if let Err(e) = gazetteer.add_file(&s.display, &s.text) {
            errors.push(e);
        }
    }
    gazetteer.build();
    (gazetteer, errors)
}

/// The value of a top-level `kind = "..."` line before the first table
/// header, in the plain form the embedded rule files use; `None` otherwise
/// (the file is then parsed for it).
fn embedded_kind(text: &str) -> Option<&str> {
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            return None;
        }
        if let Some(rest) = line.strip_prefix("kind")
            && let Some(value) = rest.trim_start().strip_prefix('=')
        {
            let value = value.trim().strip_prefix('"')?;
            let (kind, tail) = value.split_once('"')?;
            let tail = tail.trim();
            return (tail.is_empty() || tail.starts_with('#')).then_some(kind);
        }
    }
    None
}

/// The embedded rule file `rel` without its examples, as JSON
/// (`EMBEDDED_RULES_JSON`, which `build.rs` sorted by path).
fn embedded_json(rel: &str) -> Option<&'static str> {
    EMBEDDED_RULES_JSON
        .binary_search_by(|(r, _)| (*r).cmp(rel))
        .ok()
        .map(|i| EMBEDDED_RULES_JSON[i].1)
}

/// Whether the `[[examples]]` of the embedded rule files are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Examples {
    Load,
    SkipEmbedded,
}

/// An embedded rule file without its `[[examples]]`, which come last in
/// each (a test checks that what is left is the file less its examples).
fn without_examples(text: &str) -> &str {
    text.find("\n[[examples]]").map_or(text, |i| &text[..=i])
}

fn load_rule(s: &RuleSource, data: &Data, examples: Examples) -> Result<Rule, RuleFileError> {
    let id = s.rel.trim_end_matches(".toml");
    if !valid_id(id) {
        return Err(RuleFileError::whole(
            &s.display,
            format!(
                "`{id}` is not a valid rule id: use lower-case letters, digits and `-`, in folders"
            ),
        ));
    }
    // The embedded files are ours: their `kind` line is read without a
    // first parse of the whole file.
    let quick = s
        .embedded
        .then(|| embedded_kind(&s.text))
        .flatten()
        .and_then(|kind| KINDS.iter().find(|(name, _)| *name == kind));
    let (kind, loader) = if let Some((kind, loader)) = quick {
        (*kind, loader)
    } else {
        let head: spec::KindOnly = toml::from_str(&s.text)
            .map_err(|e| RuleFileError::from_toml(&s.display, &s.text, &e))?;
        let kind = head.kind.get_ref();
        let Some((kind, loader)) = KINDS.iter().find(|(name, _)| name == kind) else {
            let mut e = RuleFileError::at(
                &s.display,
                &s.text,
                head.kind.span().start,
                format!(
                    "unknown kind `{kind}` (known kinds: {})",
                    kind_names().join(", ")
                ),
            );
            e.key = Some("kind".into());
            return Err(e);
        };
        (*kind, loader)
    };
    let (text, json) = if s.embedded && examples == Examples::SkipEmbedded {
        (without_examples(&s.text), embedded_json(&s.rel))
    } else {
        (&*s.text, None)
    };
    // A newsroom's rule file is compiled whole now, so that a pattern too
    // big to compile is an error when it loads; the embedded rules (which
    // the tests compile whole) compile what a document needs on first use.
    let built = loader(&s.display, text, json, data, !s.embedded)?;
    let meta = built.file;
    // (The message is made only for a rule that fails the test.)
    let lint = |cond: bool, key: &str, msg: &dyn Fn() -> String| -> Result<(), RuleFileError> {
        if cond {
            return Ok(());
        }
        let msg = msg();
        let offset = s
            .text
            .find(&format!("{key} ="))
            .or_else(|| s.text.find(key))
            .unwrap_or(0);
        let mut e = RuleFileError::at(&s.display, &s.text, offset, msg);
        e.key = Some(key.to_owned());
        Err(e)
    };
    lint(!meta.summary.trim().is_empty(), "summary", &|| {
        "the summary is empty".into()
    })?;
    lint(!meta.message.trim().is_empty(), "message", &|| {
        "the message is empty".into()
    })?;
    lint(!meta.languages.is_empty(), "languages", &|| {
        "the rule applies to no language".into()
    })?;
    let mut templates = vec![("message", meta.message.as_str())];
    if let Some(fix) = &meta.fix {
        templates.push(("title", fix.title.as_str()));
    }
    for (key, template) in templates {
        for name in placeholders(template) {
            lint(
                name == "text" || name == "lang" || built.placeholders.contains(&name),
                key,
                &|| {
                    format!(
                        "unknown placeholder `{{{name}}}`; kind `{kind}` offers {}",
                        ["text", "lang"]
                            .iter()
                            .chain(built.placeholders)
                            .map(|p| format!("{{{p}}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                },
            )?;
        }
    }
    Ok(Rule {
        id: arcstr::ArcStr::from(id),
        origin: s.display.clone(),
        templates: std::sync::OnceLock::new(),
        meta,
        check: built.check,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// `sort_findings` equals a stable sort of the findings followed by
        /// the removal of duplicates: among equal span, rule and message,
        /// the order found (here in the fix's title) is kept, and the first
        /// of duplicates stays.
        #[test]
        fn sorting_findings_is_a_stable_sort_then_dedup(
            raw in proptest::collection::vec((0u8..4, 0u8..3, 0u8..2, 0u8..2), 0..40),
        ) {
            use crate::finding::Finding;
            let findings: Vec<Finding> = raw
                .iter()
                .enumerate()
                .map(|(k, &(start, len, rule, message))| {
                    let mut f = Finding::new(
                        format!("r{rule}").into(),
                        Category::Typography,
                        Severity::Warning,
                        format!("m{message}").into(),
                        crate::source::Span::new(usize::from(start), usize::from(start + len)),
                    );
                    f.set_fix(Some(std::sync::Arc::new(crate::finding::Fix {
                        title: k.to_string().into(),
                        safety: FixSafety::Safe,
                        suggestions: Box::new([]),
                    })));
                    f
                })
                .collect();
            let mut expected = findings.clone();
            expected.sort_by(|a, b| {
                (a.span.start, a.span.end, a.rule(), &a.message)
                    .cmp(&(b.span.start, b.span.end, b.rule(), &b.message))
            });
            expected.dedup_by(|a, b| a.rule() == b.rule() && a.span == b.span && a.message == b.message);
            let mut sorted = findings;
            sort_findings(&mut sorted);
            proptest::prop_assert_eq!(sorted, expected);
        }
    }

    #[test]
    fn a_split_document_starts_the_costliest_rules_of_each_side_first() {
        let rules = RuleSet::embedded().expect("default rules");
        for (text, lang) in [
            ("٣ ملايين دولار في ١ يناير ٢٠٢٤. قال ماسك.", Lang::Ar),
            ("Musk said $3 million on 1 January 2024.", Lang::En),
        ] {
            let source = crate::source::SourceFile::from_text(
                "a.txt",
                text.into(),
                crate::source::Format::Text,
            );
            let doc = Document::parse(&source, Some(lang), rules.data());
            let applying: Vec<&Rule> = rules
                .rules()
                .iter()
                .filter(|r| r.applies_to(lang))
                .collect();
            let (figures, others) = sides(applying.clone(), &doc);
            // Every rule once, on the side of what it reads.
            assert_eq!(figures.len() + others.len(), applying.len());
            for r in &figures {
                let reads = r.check.reads(&doc);
                assert!(reads.amounts || reads.dates, "{}", r.id);
            }
            for r in &others {
                let reads = r.check.reads(&doc);
                assert!(!reads.amounts && !reads.dates, "{}", r.id);
            }
            for side in [&figures, &others] {
                // Costliest first; among equals, in the rule set's order.
                for pair in side.windows(2) {
                    let (a, b) = (pair[0], pair[1]);
                    assert!(a.check.weight() >= b.check.weight(), "{} {}", a.id, b.id);
                    if a.check.weight() == b.check.weight() {
                        let at = |r: &Rule| applying.iter().position(|x| x.id == r.id);
                        assert!(at(a) < at(b), "{} {}", a.id, b.id);
                    }
                }
            }
            assert_eq!(&*figures[0].id, "fact/amount", "{lang:?}");
            assert_eq!(&*others[0].id, "language/doubled-word", "{lang:?}");
        }
    }

    #[test]
    fn the_findings_of_a_rule_at_one_severity_share_one_origin() {
        let text = include_str!("../../seeds/000_1da055f338dfc321.txt").repeat(40);
        let source =
            crate::source::SourceFile::from_text("a.txt", text, crate::source::Format::Text);
        let rules = RuleSet::embedded().expect("default rules");
        let doc = Document::parse(&source, None, rules.data());
        // One thread, and on a long file all of them (each rule its own
        // sink either way).
        for split in [false, true] {
            let findings = rules.check_split(&doc, split);
            let mut pairs = 0;
            for (i, a) in findings.iter().enumerate() {
                for b in &findings[i + 1..] {
                    let alike = a.rule() == b.rule() && a.severity() == b.severity();
                    assert_eq!(a.same_origin(b), alike, "{} {}", a.rule(), b.rule());
                    pairs += usize::from(alike);
                }
            }
            assert!(pairs > 1000, "{pairs}");
        }
    }

    #[test]
    fn an_embedded_rule_file_less_its_examples_is_the_file_without_them() {
        let mut cut = 0;
        for s in embedded_sources().filter(|s| is_toml(&s.rel)) {
            let mut whole: toml::Table = toml::from_str(&s.text).expect("embedded files parse");
            let short: toml::Table =
                toml::from_str(without_examples(&s.text)).expect("what is left parses");
            if whole.remove("examples").is_some() {
                cut += 1;
            }
            assert_eq!(whole, short, "{}: the examples do not come last", s.rel);
        }
        assert!(cut > 30, "only {cut} files with examples");
        // Loaded for checking, the rules are the same, without examples.
        let checking = RuleSet::load_for_checking(&[], true).expect("it loads");
        let all = RuleSet::embedded().expect("it loads");
        assert_eq!(checking.rules().len(), all.rules().len());
        for (a, b) in checking.rules().iter().zip(all.rules()) {
            assert_eq!((&a.id, &a.meta.message), (&b.id, &b.meta.message));
            assert!(a.meta.examples.is_empty());
        }
        assert!(all.rules().iter().all(|r| !r.meta.examples.is_empty()));
    }

    #[test]
    fn every_embedded_rule_compiles_whole() {
        // A run compiles an embedded rule's patterns on first use; here
        // every one is compiled, as a newsroom's rule file is when it loads.
        let sources: Vec<RuleSource> = embedded_sources().collect();
        let (data, errors) = load_data(&sources);
        assert!(errors.is_empty(), "{errors:?}");
        let mut rules = 0;
        for s in sources.into_iter().filter(|s| {
            is_toml(&s.rel)
                && !["data/", "gazetteer/", "facts/"]
                    .iter()
                    .any(|p| s.rel.starts_with(p))
        }) {
            let whole = RuleSource {
                embedded: false,
                ..s
            };
            if let Err(e) = load_rule(&whole, &data, Examples::Load) {
                panic!("{}: {e}", whole.rel);
            }
            rules += 1;
        }
        assert!(rules > 30, "only {rules} embedded rules");
    }

    #[test]
    fn rule_files_load_in_the_order_of_the_files() {
        let rule = |message: &str, pattern: &str| {
            format!(
                "kind = \"pattern\"\ncategory = \"typography\"\nseverity = \"warning\"\n\
                 languages = [\"en\"]\nsummary = \"s\"\nmessage = \"{message}\"\n\
                 explanation = \"e\"\n[params]\npatterns = ['{pattern}']\n"
            )
        };
        let (first, second) = (rule("first", "zz"), rule("second", "zz"));
        let (broken_a, broken_b) = (rule("a", "(unclosed"), rule("b", "[unclosed"));
        let good: Vec<(&str, &str)> = (0..12)
            .flat_map(|i| {
                [
                    ("house/r.toml", if i % 2 == 0 { &*first } else { &*second }),
                    ("house/other.toml", &*first),
                ]
            })
            .collect();
        let mut broken = good.clone();
        broken.insert(3, ("house/a.toml", &broken_a));
        broken.insert(9, ("house/b.toml", &broken_b));
        // The later file of an id wins.
        let set = RuleSet::load_texts(&good, false).expect("it loads");
        let ids: Vec<&str> = set.rules().iter().map(|r| &*r.id).collect();
        assert_eq!(ids, ["house/other", "house/r"]);
        assert_eq!(set.get("house/r").expect("loaded").meta.message, "second");
        // Errors come in the order of the files.
        let errors = RuleSet::load_texts(&broken, false).expect_err("two are broken");
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["house/a.toml", "house/b.toml"]);
    }

    /// The embedded rule files (not data, gazetteer or fact files).
    fn embedded_rule_sources() -> impl Iterator<Item = RuleSource> {
        embedded_sources().filter(|s| {
            is_toml(&s.rel)
                && !["data/", "gazetteer/", "facts/"]
                    .iter()
                    .any(|p| s.rel.starts_with(p))
        })
    }

    #[test]
    fn the_quick_kind_of_every_embedded_rule_is_its_parsed_kind() {
        let mut rules = 0;
        for s in embedded_rule_sources() {
            let head: spec::KindOnly = toml::from_str(&s.text).expect("embedded rules parse");
            assert_eq!(
                embedded_kind(&s.text),
                Some(head.kind.get_ref().as_str()),
                "{}",
                s.rel
            );
            rules += 1;
        }
        assert!(rules > 30, "only {rules} embedded rules");
    }

    #[test]
    fn every_embedded_rule_reads_from_its_json_as_from_its_toml() {
        // The JSON that build.rs made of each rule file (less its
        // examples) builds the same rule as the TOML, and is read: with a
        // TOML that does not parse beside it, the rule still loads.
        let set = RuleSet::embedded().expect("the embedded rules load");
        let mut rules = 0;
        for s in embedded_rule_sources() {
            let json = embedded_json(&s.rel).unwrap_or_else(|| panic!("no JSON for {}", s.rel));
            let kind = embedded_kind(&s.text).expect("a plain kind line");
            let (_, loader) = KINDS.iter().find(|(k, _)| *k == kind).expect("a kind");
            let text = without_examples(&s.text);
            let shown = |b: Result<crate::check::Built, RuleFileError>| {
                let b = b.unwrap_or_else(|e| panic!("{}: {e}", s.rel));
                format!("{:?} {:?} {:?}", b.file, b.check, b.placeholders)
            };
            let from_toml = shown(loader(&s.display, text, None, &set.data, true));
            let from_json = shown(loader(
                &s.display,
                "= not TOML",
                Some(json),
                &set.data,
                true,
            ));
            assert!(
                from_toml == from_json,
                "{} reads otherwise from JSON",
                s.rel
            );
            rules += 1;
        }
        assert_eq!(rules, EMBEDDED_RULES_JSON.len());
        assert!(rules > 30, "only {rules} embedded rules");
        // A JSON that does not read falls back on the TOML, and its error.
        let (_, loader) = KINDS.iter().find(|(k, _)| *k == "pattern").expect("a kind");
        let e = loader("x.toml", "kind = 3", Some("{"), &set.data, true).err();
        assert!(e.is_some_and(|e| e.location.is_some()));
    }

    #[test]
    fn the_quick_kind_reads_only_a_plain_top_level_line() {
        assert_eq!(
            embedded_kind("id = 1\nkind = \"pattern\"\n"),
            Some("pattern")
        );
        assert_eq!(embedded_kind("kind=\"pattern\" # note\n"), Some("pattern"));
        assert_eq!(embedded_kind("[params]\nkind = \"pattern\"\n"), None);
        assert_eq!(embedded_kind("kind = 'pattern'\n"), None);
        assert_eq!(embedded_kind("kind = \"pattern\" x\n"), None);
        assert_eq!(embedded_kind("kinds = 2\n"), None);
    }

    #[test]
    fn fills_placeholders_and_keeps_unknown_ones() {
        let vars = vec![("open", Cow::Borrowed("\""))];
        let mut out = "left from before".to_owned();
        Template::new("«{text}» opened with «{open}» {x} in {lang}").fill(
            &mut out,
            "»",
            Lang::Ar,
            &vars,
        );
        assert_eq!(out, "«»» opened with «\"» {x} in Arabic");
        Template::new("{open}{{text}} {unclosed").fill(&mut out, "t", Lang::En, &vars);
        assert_eq!(out, "\"{{text}} {unclosed");
    }

    /// Fills `{name}` placeholders as the templates were first filled:
    /// read again for every finding.
    fn fill_reference(
        out: &mut String,
        template: &str,
        text: &str,
        lang: Lang,
        vars: &[(&'static str, Cow<'_, str>)],
    ) {
        out.clear();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return;
            };
            let name = &after[..close];
            match name {
                "text" => out.push_str(text),
                "lang" => out.push_str(lang.name()),
                _ => match vars.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[open..=open + close + 1]),
                },
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
    }

    proptest::proptest! {
        /// A template cut once fills as the template read again does.
        #[test]
        fn a_template_cut_once_fills_as_it_reads(
            template in "[a-z«» {}]{0,10}(\\{(text|lang|open|x)\\}[a-z«» {}]{0,6}){0,4}",
            text in "[a-z»]{0,3}",
        ) {
            let vars = vec![("open", Cow::Borrowed("«")), ("x", Cow::Borrowed(""))];
            let (mut a, mut b) = (String::new(), String::new());
            Template::new(&template).fill(&mut a, &text, Lang::Fr, &vars);
            fill_reference(&mut b, &template, &text, Lang::Fr, &vars);
            proptest::prop_assert_eq!(a, b);
        }
    }

    /// Articles in the three languages, and the translations of the
    /// fixtures with their originals: (text, original).
    fn articles() -> Vec<(&'static str, Option<&'static str>)> {
        macro_rules! fixture {
            ($path:literal) => {
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $path))
            };
        }
        vec![
            (fixture!("seeds/000_1da055f338dfc321.txt"), None),
            (fixture!("tests/fixtures/clean/ar/tech_openai.txt"), None),
            (fixture!("tests/fixtures/clean/en/tech_deal.txt"), None),
            (fixture!("tests/fixtures/clean/en/sport_court.txt"), None),
            (fixture!("tests/fixtures/clean/fr/economie_usine.txt"), None),
            (
                fixture!("tests/fixtures/translation/en-ar.translation.ar.txt"),
                Some(fixture!("tests/fixtures/translation/en-ar.source.en.txt")),
            ),
            (
                fixture!("tests/fixtures/translation/ar-en.translation.en.txt"),
                Some(fixture!("tests/fixtures/translation/ar-en.source.ar.txt")),
            ),
            (
                fixture!("tests/fixtures/translation/en-fr.translation.fr.txt"),
                Some(fixture!("tests/fixtures/translation/en-fr.source.en.txt")),
            ),
        ]
    }

    fn source(path: &str, text: &str) -> Arc<crate::source::SourceFile> {
        Arc::new(crate::source::SourceFile::from_text(
            path,
            text.to_owned(),
            crate::source::Format::Text,
        ))
    }

    /// Every check declares what it reads of the extractions: a split
    /// document extracts that before the rules run (too little and a rule
    /// waits for an extraction on its own; too much is work for nothing).
    /// A check reads nothing it does not declare, declares nothing for a
    /// document it reads nothing of, and what it declares it reads of some
    /// article.
    #[test]
    fn every_check_declares_exactly_what_it_reads() {
        let rules = RuleSet::embedded().expect("the embedded rules load");
        let data = rules.data();
        let mut seen = std::collections::BTreeMap::<&str, (Reads, Reads)>::new();
        for (text, original) in articles() {
            let (file, ofile) = (source("a.txt", text), original.map(|o| source("o.txt", o)));
            let published = chrono::NaiveDate::from_ymd_opt(2025, 2, 11);
            for (rule, published) in rules
                .rules()
                .iter()
                .flat_map(|r| [(r, None), (r, published)])
            {
                let odoc = ofile.as_ref().map(|o| Document::parse(o, None, data));
                let mut doc = Document::parse(&file, None, data).with_published(published);
                if let (Some(odoc), Some(ofile)) = (&odoc, &ofile) {
                    doc = doc.with_original(crate::document::Original {
                        doc: odoc,
                        file: ofile,
                    });
                }
                if !rule.applies_to(doc.lang) {
                    continue;
                }
                let declared = rule.check.reads(&doc).to_extract();
                rule.run(&doc, &mut Vec::new(), &mut Texts::default());
                let read = doc.extracted();
                assert_eq!(
                    read.and(declared),
                    declared,
                    "{}: what it reads of {:?}, and what it declares",
                    rule.id,
                    text.chars().take(30).collect::<String>()
                );
                // What a rule reads depends on the text (a fact's cue in a
                // sentence with a figure), but a rule that reads nothing of
                // a document (no publication date, no original, no fact
                // sheet) declares nothing for it.
                assert!(
                    read != Reads::default() || declared == Reads::default(),
                    "{}: declares {declared:?} for {:?}, reads nothing",
                    rule.id,
                    text.chars().take(30).collect::<String>()
                );
                let (d, r) = seen
                    .entry(&*rule.id)
                    .or_insert((Reads::default(), Reads::default()));
                (*d, *r) = (d.and(declared), r.and(read));
            }
        }
        assert_eq!(seen.len(), rules.rules().len(), "every rule ran");
        for (id, (declared, read)) in &seen {
            assert_eq!(
                read, declared,
                "{id}: what it read of all the articles, and what it declared"
            );
        }
        let reading = seen
            .values()
            .filter(|(d, _)| *d != Reads::default())
            .count();
        assert!(reading >= 10, "{reading} rules read extractions");
    }

    /// A long document checked on several threads (blocks segmented, the
    /// extractions and rules split) has the blocks and findings of the
    /// document checked on one.
    #[test]
    fn a_document_split_over_threads_has_the_findings_of_a_whole_one() {
        let rules = RuleSet::embedded().expect("the embedded rules load");
        let data = rules.data();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .expect("a pool");
        let mut compared = 0;
        for (text, original) in articles() {
            let mut long = text.to_owned();
            while long.len() < crate::ordered::SPLIT_BYTES {
                long.push_str("\n\n");
                long.push_str(text);
            }
            let (file, ofile) = (source("a.txt", &long), original.map(|o| source("o.txt", o)));
            let check = |split: bool| {
                let odoc = ofile.as_ref().map(|o| Document::parse(o, None, data));
                let mut doc = Document::parse_split(&file, None, None, data, split)
                    .with_published(chrono::NaiveDate::from_ymd_opt(2025, 2, 11));
                if let (Some(odoc), Some(ofile)) = (&odoc, &ofile) {
                    doc = doc.with_original(crate::document::Original {
                        doc: odoc,
                        file: ofile,
                    });
                }
                let blocks = format!("{:?}", doc.blocks);
                (blocks, rules.check_split(&doc, split))
            };
            let whole = check(false);
            let split = pool.install(|| {
                assert!(crate::ordered::split_document(true, long.len()));
                check(true)
            });
            assert!(split.0 == whole.0, "the same blocks");
            assert_eq!(split.1, whole.1);
            compared += whole.1.len();
        }
        assert!(compared > 500, "{compared} findings compared");
    }

    #[test]
    fn rule_ids_are_paths_of_lowercase_segments() {
        assert!(valid_id("typography/mismatched-quotes"));
        assert!(!valid_id("Typography/x"));
        assert!(!valid_id("a//b"));
    }
}
