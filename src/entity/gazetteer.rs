//! The gazetteer: known entities and their forms, from `rules/gazetteer/*.toml`.
//!
//! Every form (canonical, accepted, the surname of a person, known variants
//! and misspellings) is reduced to a matching key: lower case, Arabic letter
//! forms folded (alef with hamza or madda, alef maqsura, taa marbuta, hamza
//! seats), diacritics, tatweel and controls removed, spaces collapsed (see
//! `forms.rs`). One Aho-Corasick automaton over all keys (daachorse's
//! double array) finds every mention in one pass; for the embedded gazetteer
//! `build.rs` builds it, and a run only decodes it. It reads bytes, not
//! chars: a key is whole UTF-8, so a match starts and ends on char
//! boundaries, and no char is decoded (200 short English articles cost
//! 3.5 % fewer instructions in all than with the char-wise automaton,
//! Arabic ones 0.7 %).

use std::borrow::Cow;
use std::collections::BTreeMap;

use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};

use crate::error::RuleFileError;

use super::forms::{FormKind, Pooled, is_french, prepare, unless_ordinary};
use super::spec::EntityFile;
pub use super::spec::EntityType;

/// A known entity.
///
/// Its strings (and its forms') are borrowed from the binary for the
/// embedded gazetteer, owned for a file read at run time.
#[derive(Debug, Clone)]
pub struct Entity {
    /// The canonical form in Latin script.
    pub name: Cow<'static, str>,
    pub kind: EntityType,
    /// The canonical form in Arabic text.
    pub ar: Option<Cow<'static, str>>,
    /// The canonical form in French text, when it differs from `name`.
    pub fr: Option<Cow<'static, str>>,
    pub case_sensitive: bool,
    /// The gazetteer file it comes from.
    pub origin: Cow<'static, str>,
}

/// One form of an entity.
#[derive(Debug, Clone)]
pub struct Form {
    pub entity: usize,
    pub kind: FormKind,
    /// As written in the gazetteer.
    pub text: Cow<'static, str>,
    /// Its matching key.
    pub key: Cow<'static, str>,
    /// True when the form is written in Arabic script.
    pub arabic: bool,
    /// The French canonical form, where it differs from `name`.
    pub french: bool,
    /// An Arabic surname kept only if it is no ordinary Arabic word: decided
    /// in [`Gazetteer::build`], in one pass over the lexicon for all of them.
    unless_ordinary: bool,
    /// The place of `key` among the embedded keys (embedded forms only).
    rank: Option<u32>,
}

/// The characters of a word as a set of 64 bits (a character's code point
/// modulo 64): a lower bound of its Damerau-Levenshtein distance to another
/// word that costs one `xor` and one `popcount` when both sets are made
/// beforehand. An insertion or a deletion adds or removes at most one bit
/// of the set, a substitution changes at most two and a transposition none,
/// so two words `d` edits apart differ in at most `2d` bits (characters
/// that share a bit only make the sets closer, and the bound weaker).
fn letter_bits(word: &str) -> u64 {
    word.chars().fold(0, |m, c| m | 1 << (u32::from(c) % 64))
}

/// The lower bound of the distance that [`letter_bits`] sets give.
fn bits_distance_at_least(a: u64, b: u64) -> usize {
    (a ^ b).count_ones().div_ceil(2) as usize
}

/// The letter counts of an ASCII word: a lower bound of its
/// Damerau-Levenshtein distance to another word, far cheaper than the
/// distance. An insertion or a deletion changes the counts by one, a
/// substitution by two and a transposition not at all, so `d` edits
/// change them by at most `2d`.
struct Counts<'w> {
    counts: [i16; 128],
    word: &'w [u8],
}

impl<'w> Counts<'w> {
    /// `None` for a word that is not ASCII (no bound then).
    fn of(word: &'w str) -> Option<Counts<'w>> {
        if !word.is_ascii() || word.len() > usize::from(u8::MAX) {
            return None;
        }
        let mut counts = [0i16; 128];
        for b in word.bytes() {
            counts[usize::from(b)] += 1;
        }
        Some(Counts {
            counts,
            word: word.as_bytes(),
        })
    }

    /// A lower bound of the distance between this word and `other` (0 when
    /// `other` is not ASCII): half the sum of the count differences, read
    /// at the letters of the two words only (each once: a letter read is
    /// zeroed), not over the whole alphabet.
    fn distance_at_least(&self, other: &str) -> usize {
        if !other.is_ascii() || other.len() > usize::from(u8::MAX) {
            return 0;
        }
        let mut c = self.counts;
        for b in other.bytes() {
            c[usize::from(b)] -= 1;
        }
        let mut l1 = 0usize;
        for &b in self.word.iter().chain(other.as_bytes()) {
            let v = &mut c[usize::from(b)];
            l1 += usize::from(v.unsigned_abs());
            *v = 0;
        }
        l1.div_ceil(2)
    }
}

/// The gazetteer's automaton: leftmost-longest matches of the keys, each
/// match's value the index of its key.
pub struct Automaton(DoubleArrayAhoCorasick<u32>);

impl std::ops::Deref for Automaton {
    type Target = DoubleArrayAhoCorasick<u32>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::fmt::Debug for Automaton {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Automaton({} states)", self.0.num_states())
    }
}

/// The automaton over the embedded gazetteer's keys, built by `build.rs`
/// (the keys open [`EMBEDDED_TEXT`], one a line).
static EMBEDDED_AUTOMATON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.daac"));
/// The embedded gazetteer's entities and forms ([`Pooled`]), and the text
/// their strings are ranges of (the keys first, one a line).
static EMBEDDED_POOLED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.postcard"));
static EMBEDDED_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer-text.txt"));

/// The string at `range` of [`EMBEDDED_TEXT`].
fn embedded_str(range: (u32, u32)) -> &'static str {
    crate::rules::slice_of(EMBEDDED_TEXT, range)
}

/// Form indexes grouped by entity: entity `e`'s are
/// `forms[start[e]..start[e + 1]]`.
#[derive(Debug, Clone, Default)]
struct ByEntity {
    start: Vec<usize>,
    forms: Vec<usize>,
}

/// All known entities and the automaton over their forms.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub entities: Vec<Entity>,
    pub forms: Vec<Form>,
    /// Distinct keys, the automaton's patterns (the embedded gazetteer's
    /// are borrowed from the binary).
    keys: Vec<Cow<'static, str>>,
    /// The embedded gazetteer's distinct keys, in the automaton's order
    /// (empty without the embedded gazetteer).
    embedded_keys: Vec<&'static str>,
    /// The forms of key `k` are `key_forms[key_start[k]..key_start[k + 1]]`.
    key_start: Vec<usize>,
    key_forms: Vec<usize>,
    automaton: std::sync::OnceLock<Option<Automaton>>,
    /// Forms dropped as ordinary words (see [`Gazetteer::is_rejected`]).
    rejected: std::sync::OnceLock<rustc_hash::FxHashSet<usize>>,
    /// The forms of each entity (see [`Gazetteer::form_indexes`]).
    by_entity: std::sync::OnceLock<ByEntity>,
    /// One-word correct Latin forms by (first letter, length in chars),
    /// for fuzzy lookup: each form's index, after its key's
    /// [`letter_bits`]. Made on first use: a run that meets no unknown
    /// capitalized word never needs it.
    latin_by_len: std::sync::OnceLock<LatinByLen>,
    /// Index of each entity by name.
    by_name: rustc_hash::FxHashMap<Cow<'static, str>, usize>,
    /// What [`Gazetteer::near_latin`] found for the words asked about so
    /// far in this run: finding what a word is near compares it with every
    /// name of its length.
    near_memo: crate::memo::WordMemo<Near>,
}

/// See `Gazetteer::latin_by_len`.
type LatinByLen = BTreeMap<(char, usize), Vec<(u64, usize)>>;

/// (form, distance) pairs: what [`Gazetteer::near_latin`] finds.
type Near = Vec<(usize, usize)>;

impl Gazetteer {
    /// Adds the entities of one gazetteer file. A later file's entity with
    /// the same `name` replaces the earlier one (a newsroom's own forms).
    pub fn add_file(&mut self, path: &str, text: &str) -> Result<(), RuleFileError> {
        let file: EntityFile =
            toml::from_str(text).map_err(|e| RuleFileError::from_toml(path, text, &e))?;
        self.add_parsed(path, file)
    }

    /// Adds the embedded gazetteer files (`rules/gazetteer/*.toml`), which
    /// `build.rs` has already read, checked against the schema and
    /// prepared (the forms of each entity, their keys and what the
    /// gazetteer derives from them): their strings are borrowed from the
    /// binary.
    pub(crate) fn add_embedded(&mut self) -> Result<(), RuleFileError> {
        let pooled: Pooled =
            postcard::from_bytes(EMBEDDED_POOLED).expect("build.rs wrote it with the same types");
        let mut start = 0usize;
        self.embedded_keys = pooled
            .key_ends
            .iter()
            .map(|&end| {
                let end = usize::try_from(end).unwrap_or(usize::MAX);
                let key = EMBEDDED_TEXT.get(start..end).unwrap_or_default();
                start = end + 1;
                key
            })
            .collect();
        // Room for all of them at once: grown by doubling, these tables
        // were copied at each step (fresh pages cost most of start-up).
        self.entities.reserve(pooled.entities.len());
        self.by_name.reserve(pooled.entities.len());
        self.forms.reserve(pooled.forms.len());
        let (mut entities, mut forms) = (pooled.entities.iter(), pooled.forms.iter());
        let (mut entity_at, mut form_at) = (0usize, 0usize);
        for &(path, entities_end) in &pooled.files {
            let origin = Cow::Borrowed(embedded_str(path));
            let entities_end = usize::try_from(entities_end).unwrap_or(usize::MAX);
            while entity_at < entities_end
                && let Some(e) = entities.next()
            {
                entity_at += 1;
                let forms_end = usize::try_from(e.forms_end).unwrap_or(usize::MAX);
                let count = forms_end.saturating_sub(form_at);
                form_at = forms_end;
                let entity = Entity {
                    name: Cow::Borrowed(embedded_str(e.name)),
                    kind: e.kind,
                    ar: e.ar.map(|r| Cow::Borrowed(embedded_str(r))),
                    fr: e.fr.map(|r| Cow::Borrowed(embedded_str(r))),
                    case_sensitive: e.case_sensitive,
                    origin: origin.clone(),
                };
                let forms = forms.by_ref().take(count).map(|f| Form {
                    entity: 0,
                    kind: f.kind,
                    text: Cow::Borrowed(embedded_str(f.text)),
                    key: Cow::Borrowed(embedded_str(f.key)),
                    arabic: f.arabic,
                    french: f.french,
                    unless_ordinary: f.unless_ordinary,
                    rank: f.rank,
                });
                self.add_entity(&origin, entity, forms)?;
            }
        }
        Ok(())
    }

    /// Adds the entities of a gazetteer file read from `path`.
    fn add_parsed(&mut self, path: &str, file: EntityFile) -> Result<(), RuleFileError> {
        for spec in file.entity {
            let prepared = prepare(&spec);
            let forms = prepared
                .into_iter()
                .map(|f| Form {
                    entity: 0,
                    kind: f.kind,
                    french: is_french(&f.text, &spec.name, spec.fr.as_deref()),
                    unless_ordinary: unless_ordinary(&f, &spec.name),
                    text: Cow::Owned(f.text),
                    key: Cow::Owned(f.key),
                    arabic: f.arabic,
                    rank: f.rank,
                })
                .collect::<Vec<_>>();
            let entity = Entity {
                name: Cow::Owned(spec.name),
                kind: spec.kind,
                ar: spec.ar.map(Cow::Owned),
                fr: spec.fr.map(Cow::Owned),
                case_sensitive: spec.case_sensitive,
                origin: Cow::Owned(path.to_owned()),
            };
            self.add_entity(path, entity, forms)?;
        }
        Ok(())
    }

    /// Adds one entity with its forms (their `entity` is set here). A later
    /// entity with the same name replaces the earlier one.
    fn add_entity(
        &mut self,
        path: &str,
        entity: Entity,
        forms: impl IntoIterator<Item = Form>,
    ) -> Result<(), RuleFileError> {
        if entity.name.trim().is_empty() {
            return Err(RuleFileError::whole(path, "an entity has an empty `name`"));
        }
        let index = if let Some(&i) = self.by_name.get(&*entity.name) {
            self.forms.retain(|f| f.entity != i);
            i
        } else {
            self.by_name
                .insert(entity.name.clone(), self.entities.len());
            self.entities.len()
        };
        self.forms
            .extend(forms.into_iter().map(|f| Form { entity: index, ..f }));
        if index == self.entities.len() {
            self.entities.push(entity);
        } else {
            self.entities[index] = entity;
        }
        Ok(())
    }

    /// The index of the entity named `name`.
    pub fn entity_named(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// Indexes the forms; call after the last file. The automaton is
    /// built on first use, and so is the list of surnames that are ordinary
    /// Arabic words ([`Gazetteer::is_rejected`]).
    pub fn build(&mut self) {
        // The forms in key order (a stable sort keeps each key's forms in
        // their order), then one group per distinct key.
        self.keys.clear();
        self.key_start.clear();
        self.key_forms.clear();
        // (No forms at all, a rule set without the embedded gazetteer: the
        // sort below, not a walk over the embedded keys.)
        if !self.forms.is_empty()
            && let Some(ranks) = self
                .forms
                .iter()
                .map(|f| f.rank.filter(|&r| (r as usize) < self.embedded_keys.len()))
                .collect::<Option<Vec<u32>>>()
        {
            // Embedded forms only: their keys' places among the embedded
            // keys (which are in key order) sort them, a counting sort.
            let mut count = vec![0usize; self.embedded_keys.len()];
            for &rank in &ranks {
                count[rank as usize] += 1;
            }
            let distinct = count.iter().filter(|&&c| c > 0).count();
            self.keys.reserve_exact(distinct);
            self.key_start.reserve_exact(distinct + 1);
            self.key_forms.reserve_exact(ranks.len());
            let mut next = vec![0usize; count.len()];
            for (rank, &key) in self.embedded_keys.iter().enumerate() {
                if count[rank] > 0 {
                    next[rank] = self.key_forms.len();
                    self.keys.push(Cow::Borrowed(key));
                    self.key_start.push(self.key_forms.len());
                    self.key_forms.resize(self.key_forms.len() + count[rank], 0);
                }
            }
            for (i, rank) in ranks.into_iter().enumerate() {
                self.key_forms[next[rank as usize]] = i;
                next[rank as usize] += 1;
            }
        } else {
            let mut order: Vec<usize> = (0..self.forms.len()).collect();
            order.sort_by(|&a, &b| self.forms[a].key.cmp(&self.forms[b].key));
            for i in order {
                let k = &self.forms[i].key;
                if self.keys.last().map(|l| &**l) != Some(&**k) {
                    self.keys.push(k.clone());
                    self.key_start.push(self.key_forms.len());
                }
                self.key_forms.push(i);
            }
        }
        self.key_start.push(self.key_forms.len());
        self.latin_by_len = std::sync::OnceLock::new();
        self.automaton = std::sync::OnceLock::new();
        self.rejected = std::sync::OnceLock::new();
        self.by_entity = std::sync::OnceLock::new();
        self.near_memo.clear();
    }

    /// The indexes of `entity`'s forms, in ascending order; built on first
    /// use (a document naming a few entities needs their forms, not a pass
    /// over every form of the gazetteer).
    pub fn form_indexes(&self, entity: usize) -> &[usize] {
        let index = self.by_entity.get_or_init(|| {
            // Counting sort of the form indexes by entity: one allocation
            // for all entities.
            let mut start = vec![0usize; self.entities.len() + 1];
            for f in &self.forms {
                start[f.entity + 1] += 1;
            }
            for e in 0..self.entities.len() {
                start[e + 1] += start[e];
            }
            let mut next = start.clone();
            let mut forms = vec![0usize; self.forms.len()];
            for (i, f) in self.forms.iter().enumerate() {
                forms[next[f.entity]] = i;
                next[f.entity] += 1;
            }
            ByEntity { start, forms }
        });
        index
            .start
            .get(entity..=entity + 1)
            .map_or(&[], |r| &index.forms[r[0]..r[1]])
    }

    /// True for a surname form that is an ordinary Arabic word of the
    /// lexicon `lexicon-ar` (`الأسد` is not al-Assad): not a mention. Decided
    /// on first use for every such surname, in the lexicon's set (the
    /// embedded lexicon's is made by `build.rs`; a newsroom's own is made
    /// once, and the transliteration pass reads it too).
    pub fn is_rejected(&self, form: usize, data: &crate::rules::Data) -> bool {
        if !self.forms[form].unless_ordinary {
            return false;
        }
        self.rejected
            .get_or_init(|| {
                let lexicon = data.set("lexicon-ar");
                (0..self.forms.len())
                    .filter(|&i| {
                        let f = &self.forms[i];
                        f.unless_ordinary && (lexicon.contains(&f.text) || lexicon.contains(&f.key))
                    })
                    .collect()
            })
            .contains(&form)
    }

    /// The correct one-word Latin forms near `lower` (a lower-case word):
    /// same first letter, length within 2, Damerau-Levenshtein distance 1 or
    /// 2, and not a word that only extends a name (`Macronie`, `Musks`).
    /// Returns (form, distance) pairs; the lookup goes through length
    /// buckets, never through every name, and a word's answer is kept for
    /// the rest of the run.
    pub fn near_latin(&self, lower: &str) -> Vec<(usize, usize)> {
        self.near_memo
            .get_or_insert(lower, || self.find_near_latin(lower))
    }

    /// [`Gazetteer::near_latin`], worked out.
    fn find_near_latin(&self, lower: &str) -> Vec<(usize, usize)> {
        let len = lower.chars().count();
        let Some(first) = lower.chars().next() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let by_len = self.latin_by_len.get_or_init(|| {
            let mut by_len = LatinByLen::new();
            for (i, f) in self.forms.iter().enumerate() {
                if f.kind.is_correct() && !f.arabic && !f.key.contains(' ') {
                    let len = f.key.chars().count();
                    if len >= 4 {
                        let first = f.key.chars().next().unwrap_or_default();
                        by_len
                            .entry((first, len))
                            .or_default()
                            .push((letter_bits(&f.key), i));
                    }
                }
            }
            by_len
        });
        let (bits, counts) = (letter_bits(lower), Counts::of(lower));
        for l in len.saturating_sub(2)..=len + 2 {
            for &(key_bits, i) in by_len.get(&(first, l)).into_iter().flatten() {
                // Most names of the length differ in more letters than two
                // edits make: told by their sets alone, the key not read.
                if bits_distance_at_least(bits, key_bits) > 2 {
                    continue;
                }
                let k = &self.forms[i].key;
                if lower.starts_with(&**k) || k.starts_with(lower) {
                    continue;
                }
                if counts.as_ref().is_some_and(|c| c.distance_at_least(k) > 2) {
                    continue; // too many letters differ for two edits
                }
                let d = strsim::damerau_levenshtein(lower, k);
                if (1..=2).contains(&d) {
                    out.push((i, d));
                }
            }
        }
        out
    }

    /// True for a French canonical form that differs from the entity's name
    /// (`Allemagne`): not a target for words of English text.
    pub fn is_french_only(&self, form: usize) -> bool {
        self.forms[form].french
    }

    /// The automaton over every form's key. With the embedded gazetteer
    /// alone it is the one `build.rs` built over the same keys, decoded on
    /// first use; with other gazetteer files it is built on first use. A run
    /// that checks no text never pays for it.
    pub fn automaton(&self) -> Option<&Automaton> {
        self.automaton
            .get_or_init(|| {
                if self.keys.is_empty() {
                    return None;
                }
                if self.has_embedded_keys()
                    && let Ok((automaton, _)) =
                        DoubleArrayAhoCorasick::deserialize(EMBEDDED_AUTOMATON)
                {
                    return Some(Automaton(automaton));
                }
                self.build_automaton()
            })
            .as_ref()
    }

    /// True when the keys are exactly those of the embedded automaton.
    fn has_embedded_keys(&self) -> bool {
        !self.embedded_keys.is_empty()
            && self
                .keys
                .iter()
                .map(|k| &**k)
                .eq(self.embedded_keys.iter().copied())
    }

    /// Builds the automaton over the keys (what `build.rs` does for the
    /// embedded gazetteer).
    fn build_automaton(&self) -> Option<Automaton> {
        DoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(self.keys.iter().map(|k| k.as_bytes()))
            .ok()
            .map(Automaton)
    }

    /// The indices (in `forms`) of the forms whose key is pattern `pattern`
    /// of the automaton (a match's value).
    pub fn pattern_forms(&self, pattern: usize) -> &[usize] {
        &self.key_forms[self.key_start[pattern]..self.key_start[pattern + 1]]
    }

    /// The forms of one entity, in the gazetteer's order.
    pub fn forms_of(&self, entity: usize) -> impl Iterator<Item = &Form> {
        self.form_indexes(entity).iter().map(|&i| &self.forms[i])
    }

    /// The canonical form of `entity` for a mention in `arabic` script in a
    /// document in `lang`.
    pub fn canonical(&self, entity: usize, arabic: bool, lang: crate::Lang) -> &str {
        let e = &self.entities[entity];
        if arabic {
            if let Some(ar) = &e.ar {
                return ar;
            }
        }
        if lang == crate::Lang::Fr
            && let Some(fr) = &e.fr
        {
            return fr;
        }
        &e.name
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn embedded() -> Gazetteer {
        let mut g = Gazetteer::default();
        g.add_embedded().expect("the embedded gazetteer loads");
        g.build();
        g
    }

    /// The default gazetteer, and the automaton of the engine that came
    /// before daachorse (aho-corasick, leftmost-longest) over its keys.
    static REFERENCE: std::sync::LazyLock<(Gazetteer, aho_corasick::AhoCorasick)> =
        std::sync::LazyLock::new(|| {
            let g = embedded();
            let ac = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(g.keys.iter().map(|k| k.as_bytes()))
                .expect("it builds");
            (g, ac)
        });

    #[test]
    fn the_default_gazetteer_decodes_the_automaton_built_with_the_binary() {
        let g = embedded();
        assert!(g.keys.len() > 1000);
        // build.rs computed the same keys as the run, so the run decodes
        // its automaton instead of building one.
        assert!(g.has_embedded_keys());
        let built = g.build_automaton().expect("it builds");
        let decoded = g.automaton().expect("there are keys");
        assert_eq!(decoded.num_states(), built.num_states());
        let text = "openai و ماسك and elon musk in الولايات المتحدة";
        let found = |a: &Automaton| -> Vec<(usize, usize, u32)> {
            a.leftmost_find_iter(text)
                .map(|m| (m.start(), m.end(), m.value()))
                .collect()
        };
        assert_eq!(found(decoded), found(&built));
        assert!(found(decoded).len() >= 3, "{:?}", found(decoded));
    }

    #[test]
    fn the_prepared_embedded_gazetteer_equals_its_toml_files_read_at_run_time() {
        // build.rs stores each entity's forms and keys; reading the same
        // files as a newsroom's gives the same entities and forms.
        let mut read = Gazetteer::default();
        for (rel, text) in crate::rules::EMBEDDED_RULES {
            let toml = std::path::Path::new(rel).extension() == Some("toml".as_ref());
            if rel.starts_with("gazetteer/") && toml {
                read.add_file(&format!("rules/{rel}"), text)
                    .expect("it loads");
            }
        }
        read.build();
        let decoded = embedded();
        assert!(decoded.forms.len() > 3000, "{}", decoded.forms.len());
        // (Compared as text, and only said to differ: the lists are long.)
        let same = |a: String, b: String| a == b;
        assert!(same(
            format!("{:?}", decoded.entities),
            format!("{:?}", read.entities)
        ));
        // The same forms; only the embedded ones know their key's place.
        let unranked = |g: &Gazetteer| -> String {
            let forms: Vec<Form> = g
                .forms
                .iter()
                .map(|f| Form {
                    rank: None,
                    ..f.clone()
                })
                .collect();
            format!("{forms:?}")
        };
        assert!(same(unranked(&decoded), unranked(&read)), "other forms");
        assert!(decoded.forms.iter().all(|f| f.rank.is_some()));
        assert!(read.forms.iter().all(|f| f.rank.is_none()));
        // Grouped by key by those places, and by comparing keys: the same.
        assert!(decoded.keys == read.keys, "other keys");
        assert!(decoded.key_forms == read.key_forms, "other groups");
        assert!(decoded.key_start == read.key_start, "other groups");
        assert!(decoded.forms.iter().any(|f| f.unless_ordinary));
        assert!(decoded.forms.iter().any(|f| f.french));
    }

    #[test]
    fn a_surname_that_is_an_ordinary_word_of_the_lexicon_is_rejected() {
        let g = embedded();
        let doubtful = |text: &str| {
            g.forms
                .iter()
                .position(|f| f.unless_ordinary && &*f.text == text)
                .unwrap_or_else(|| panic!("{text} is a doubtful surname"))
        };
        // `سلمان` (a given name) is in the embedded lexicon; `شولتس` is not.
        let (salman, scholz) = (doubtful("سلمان"), doubtful("شولتس"));
        let rules = crate::rules::RuleSet::embedded().expect("the default rules load");
        assert!(g.is_rejected(salman, rules.data()));
        assert!(!g.is_rejected(scholz, rules.data()));
        // A newsroom's own lexicon decides instead (a fresh gazetteer: the
        // answers are kept for its data).
        let g = embedded();
        let mut data = crate::rules::Data::default();
        data.add_text_file("lexicon-ar", "# words\nشولتس\nكتاب\n".to_owned().into());
        assert!(!g.is_rejected(salman, &data));
        assert!(g.is_rejected(scholz, &data));
        // A form that may not be an ordinary word never is.
        let musk = g
            .forms
            .iter()
            .position(|f| &*f.text == "ماسك")
            .expect("Musk");
        assert!(!g.forms[musk].unless_ordinary);
        assert!(!g.is_rejected(musk, rules.data()));
    }

    #[test]
    fn a_gazetteer_with_a_newsroom_file_builds_its_own_automaton() {
        let mut g = Gazetteer::default();
        g.add_embedded().expect("the embedded gazetteer loads");
        let file = "[[entity]]\nname = \"Zorblax Quintaro\"\ntype = \"person\"\n";
        g.add_file("newsroom.toml", file).expect("it loads");
        g.build();
        assert!(!g.has_embedded_keys());
        let text = "said zorblax quintaro, and openai";
        let a = g.automaton().expect("there are keys");
        let keys: Vec<&str> = a
            .leftmost_find_iter(text)
            .map(|m| &*g.keys[m.value() as usize])
            .collect();
        assert_eq!(keys, ["zorblax quintaro", "openai"]);
    }

    #[test]
    fn near_names_are_kept_for_the_run_and_dropped_when_the_names_change() {
        let mut g = embedded();
        for w in ["opnai", "microsfot", "zorblaz", "obamma", "qqqqqq"] {
            assert_eq!(g.near_latin(w), g.find_near_latin(w), "{w}");
            assert_eq!(g.near_latin(w), g.find_near_latin(w), "{w}, kept");
        }
        assert!(!g.near_latin("opnai").is_empty());
        assert!(g.near_latin("zorblaz").is_empty());
        // A newsroom's name: the word kept as near nothing is near it now.
        let file = "[[entity]]\nname = \"Zorblax\"\ntype = \"person\"\n";
        g.add_file("newsroom.toml", file).expect("it loads");
        g.build();
        let near = g.near_latin("zorblaz");
        assert_eq!(near.len(), 1, "{near:?}");
        assert_eq!(g.forms[near[0].0].text, "Zorblax");
        // It keeps no more than its bound.
        for i in 0..crate::memo::WordMemo::<Near>::WORDS + 10 {
            g.near_latin(&format!("word{i}"));
        }
        let kept = g.near_memo.len();
        assert!(
            (1..=crate::memo::WordMemo::<Near>::WORDS).contains(&kept),
            "{kept}"
        );
    }

    #[test]
    fn the_forms_of_an_entity_are_its_forms_in_order_even_once_replaced() {
        let mut g = Gazetteer::default();
        g.add_embedded().expect("the embedded gazetteer loads");
        g.build();
        let scan = |g: &Gazetteer, e: usize| -> Vec<usize> {
            (0..g.forms.len())
                .filter(|&i| g.forms[i].entity == e)
                .collect()
        };
        assert!((0..g.entities.len()).all(|e| g.form_indexes(e) == scan(&g, e)));
        // A newsroom's entity of the same name takes the old one's index;
        // its forms come last.
        let file =
            "[[entity]]\nname = \"OpenAI\"\ntype = \"organisation\"\nvariants = [\"Open AI\"]\n";
        g.add_file("newsroom.toml", file).expect("it loads");
        g.build();
        let e = g.by_name["OpenAI"];
        let forms = g.form_indexes(e);
        assert!(forms.len() >= 2 && forms == scan(&g, e), "{forms:?}");
        assert_eq!(forms.last(), Some(&(g.forms.len() - 1)));
        assert!((0..g.entities.len()).all(|e| g.form_indexes(e) == scan(&g, e)));
        assert!(g.form_indexes(g.entities.len()).is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// The decoded automaton finds, in text made of pieces of names
        /// and of what separates them, exactly the leftmost-longest
        /// matches that aho-corasick finds over the same keys.
        #[test]
        fn the_decoded_automaton_finds_what_aho_corasick_finds(
            picks in proptest::collection::vec((0usize..100_000, 0usize..4, 0usize..6), 0..24)
        ) {
            let (g, ac) = &*REFERENCE;
            let seps = [" ", "", "-", "و", "x", "\u{e9}"];
            let mut text = String::new();
            for (k, cut, sep) in picks {
                let key = &g.keys[k % g.keys.len()];
                // The whole key, or its first or second half.
                let chars: Vec<char> = key.chars().collect();
                let piece: String = match cut {
                    0 | 1 => key.to_string(),
                    2 => chars[..chars.len() / 2].iter().collect(),
                    _ => chars[chars.len() / 2..].iter().collect(),
                };
                text.push_str(&piece);
                text.push_str(seps[sep]);
            }
            let ours: Vec<(usize, usize, usize)> = g
                .automaton()
                .expect("keys")
                .leftmost_find_iter(&text)
                .map(|m| (m.start(), m.end(), m.value() as usize))
                .collect();
            let theirs: Vec<(usize, usize, usize)> = ac
                .find_iter(&text)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            prop_assert_eq!(ours, theirs);
        }
    }

    proptest! {
        /// The letter sets never say more than the distance.
        #[test]
        fn letter_sets_bound_the_distance(a in "[a-hé0-9]{0,9}", b in "[a-hé0-9]{0,9}") {
            let bound = bits_distance_at_least(letter_bits(&a), letter_bits(&b));
            prop_assert!(bound <= strsim::damerau_levenshtein(&a, &b));
        }

        /// The letter counts never say more than the distance.
        #[test]
        fn letter_counts_bound_the_distance(a in "[a-f]{0,9}", b in "[a-f]{0,9}") {
            let bound = Counts::of(&a).expect("ASCII").distance_at_least(&b);
            prop_assert!(bound <= strsim::damerau_levenshtein(&a, &b));
        }

        /// The bound read at the two words' letters is the one read over
        /// the whole alphabet.
        #[test]
        fn letter_counts_are_compared_over_the_whole_alphabet(
            a in "[a-fA-F0-9 '-]{0,12}",
            b in "[a-fA-F0-9 '-]{0,12}",
        ) {
            let mut diff = [0i32; 128];
            for x in a.bytes() {
                diff[usize::from(x)] += 1;
            }
            for x in b.bytes() {
                diff[usize::from(x)] -= 1;
            }
            let l1: u32 = diff.iter().map(|d| d.unsigned_abs()).sum();
            let bound = Counts::of(&a).expect("ASCII").distance_at_least(&b);
            prop_assert_eq!(bound, (l1 as usize).div_ceil(2));
        }
    }
}
