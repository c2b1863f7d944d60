//! Names the gazetteer does not know, clustered inside one Arabic article
//! without any list of variants: Arabic words that are no ordinary word and
//! share a consonant skeleton of at least three consonants with a Latin
//! name of the article (`Toberoff`, `توبروف`, `طوبروف`), or with each other
//! while differing in one letter only (`توبروف`, `طوبروف`). When such a
//! cluster has several Arabic forms, the least used ones are mentions to
//! report (`Status::Transliteration`), and the most used one is the
//! suggestion.

use std::collections::BTreeMap;

use super::extract::{Covered, LocalEntity, Mention, OrdinaryWords, Status};
use super::forms::key;
use super::skeleton;
use crate::document::{Document, Script, is_latin_letter};
use crate::rules::Data;

struct Occurrence<'t> {
    block: usize,
    range: std::ops::Range<usize>,
    /// The word without its proclitic, as written.
    text: &'t str,
}

/// Local entities and the mentions of their minority Arabic forms. `base`
/// is the number of gazetteer entities (local indices follow them).
pub(super) fn find<'t>(
    doc: &'t Document<'_>,
    base: usize,
    data: &Data,
    existing: &[Mention],
    lists: &super::Lists,
    keys: &mut super::KeyCache<'t>,
) -> (Vec<Mention>, Vec<LocalEntity>) {
    if doc.lang != crate::Lang::Ar {
        return (Vec::new(), Vec::new());
    }
    let lexicon = data.set("lexicon-ar");
    let inflections = &lists.inflections;
    // Latin names: capitalized, no ordinary word, not a known entity.
    let mut latin: BTreeMap<String, String> = BTreeMap::new(); // skeleton → name
    let covered = Covered::new(existing);
    let name_clitics = &lists.name_clitics;
    // The words that may be names, in text order: (block, view range,
    // script). Read twice, so that nothing is kept per word (10 MB of
    // Arabic text has about a million words).
    let covered = &covered;
    let candidates = || {
        doc.blocks.iter().enumerate().flat_map(move |(bi, block)| {
            block.words.iter().filter_map(move |w| {
                let range = w.range();
                (!covered.overlaps(bi, &range) && !block.is_masked(&range)).then_some((
                    bi,
                    range,
                    w.script(),
                ))
            })
        })
    };
    // First pass: the Latin names, and the keys of the Arabic words as
    // written whole.
    let mut whole: rustc_hash::FxHashSet<std::rc::Rc<str>> =
        rustc_hash::FxHashSet::with_capacity_and_hasher(
            super::distinct_words_guess(doc),
            rustc_hash::FxBuildHasher,
        );
    let ordinary = OrdinaryWords::of(data);
    for (bi, range, script) in candidates() {
        let text = &doc.blocks[bi].text[range];
        match script {
            Script::Latin
                if text.chars().next().is_some_and(char::is_uppercase)
                    && text.chars().count() >= 4
                    && text.chars().all(is_latin_letter)
                    && !ordinary.contains(&text.to_lowercase()) =>
            {
                let sk = skeleton::latin(text);
                if sk.len() >= 3 {
                    latin.entry(sk).or_insert_with(|| text.to_owned());
                }
            }
            // Each distinct word once (a word comes back many times).
            Script::Arabic => {
                if let Some(key) = keys.key_once(text) {
                    whole.insert(key);
                }
            }
            _ => {}
        }
    }
    // Second pass: occurrences by skeleton. Whether a word counts, and
    // under which skeleton, depends on the word alone: worked out once per
    // distinct word. A letter that looks like a proclitic belongs to the
    // name unless the stripped form is what matches a Latin name, or what
    // the article also writes on its own (`بيليترو` is not ب + يليترو).
    let mut groups: Vec<(String, Vec<Occurrence>)> = Vec::new();
    let mut group_of: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    let mut memo: rustc_hash::FxHashMap<&str, Option<(usize, usize)>> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(
            super::distinct_words_guess(doc),
            rustc_hash::FxBuildHasher,
        );
    for (bi, range, script) in candidates() {
        if script != Script::Arabic {
            continue;
        }
        let text = &doc.blocks[bi].text[range.clone()];
        let reading = *memo.entry(text).or_insert_with(|| {
            // An ordinary word, as written, is no name, whatever its
            // reading: asked first, as most words of a text are such.
            if lexicon.contains(text) {
                return None;
            }
            // Where the name starts after a possible proclitic.
            let k = keys.key(text);
            let clitic = name_clitics
                .iter()
                .find(|p| {
                    k.len() >= p.len() + 8 && crate::source::strip_short_prefix(&k, p).is_some()
                })
                .map_or(0, |p| p.chars().count());
            let start = text
                .char_indices()
                .filter(|(_, c)| !crate::source::is_mark(*c))
                .nth(clitic)
                .map_or(0, |(i, _)| i);
            let mut options = vec![0usize];
            if start > 0 {
                options.insert(0, start);
            }
            let chosen = options.iter().copied().find(|&st| {
                let core_key = keys.key(&text[st..]);
                st == 0
                    || latin.contains_key(&skeleton::arabic(&core_key))
                    || whole.contains(&*core_key)
            })?;
            let core = &text[chosen..];
            let core_key = keys.key(core);
            if core_key.chars().count() < 4 || lexicon.contains(core) || lexicon.contains(&core_key)
            {
                return None;
            }
            let sk = skeleton::arabic(&core_key);
            if sk.len() < 3 {
                return None;
            }
            let next = groups.len();
            let g = *group_of.entry(sk.clone()).or_insert(next);
            if g == next {
                groups.push((sk, Vec::new()));
            }
            Some((chosen, g))
        });
        let Some((st, g)) = reading else { continue };
        groups[g].1.push(Occurrence {
            block: bi,
            range: range.start + st..range.end,
            text: &text[st..],
        });
    }
    // In the order of their skeletons.
    groups.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut mentions = Vec::new();
    let mut locals = Vec::new();
    for (sk, occurrences) in groups {
        // The distinct forms, most used first.
        let mut forms: Vec<(&str, usize)> = Vec::new();
        for o in &occurrences {
            match forms.iter_mut().find(|(t, _)| *t == o.text) {
                Some(f) => f.1 += 1,
                None => forms.push((o.text, 1)),
            }
        }
        if forms.len() < 2 {
            continue;
        }
        let anchor = latin.get(&sk).cloned();
        // Without a Latin name, the forms must be one letter apart, and
        // not by an inflection (`ستطلق`, `سيطلق`).
        if anchor.is_none()
            && !forms.iter().skip(1).all(|(t, _)| {
                let (a, b) = (key(t), key(forms[0].0));
                strsim::levenshtein(&a, &b) == 1 && !inflections.relate(&a, &b)
            })
        {
            continue;
        }
        forms.sort_by_key(|f| std::cmp::Reverse(f.1));
        let majority = forms[0].0.to_owned();
        let index = base + locals.len();
        locals.push(LocalEntity {
            name: anchor.unwrap_or_else(|| majority.clone()),
            majority: majority.clone(),
        });
        for o in occurrences {
            let status = if o.text == majority {
                Status::Correct
            } else {
                Status::Transliteration
            };
            mentions.push(Mention::new(
                o.block,
                o.range,
                index,
                usize::MAX,
                status,
                true,
            ));
        }
    }
    (mentions, locals)
}

/// The affixes that inflect an Arabic word (`ar.imperfect-prefixes`,
/// `ar.case-endings`), and the proclitics that carry the article (those of
/// `ar.proclitics` that end in `ال` or `لل`), as keys.
#[derive(Debug)]
pub(super) struct Inflections {
    prefixes: Vec<String>,
    endings: Vec<String>,
    articles: Vec<String>,
}

impl Inflections {
    pub(super) fn of(data: &Data) -> Inflections {
        let keys = |name: &str| -> Vec<String> {
            let mut list = data.keys_of(name, key);
            list.sort_unstable();
            list.dedup();
            list
        };
        let mut articles = keys("ar.proclitics");
        articles.retain(|p| p.ends_with("ال") || p.ends_with("لل"));
        Inflections {
            prefixes: keys("ar.imperfect-prefixes"),
            endings: keys("ar.case-endings"),
            articles,
        }
    }

    /// True when keys `a` and `b` are one word with two prefixes or two
    /// endings of the lists, one of them with an ending and the other
    /// without (`رافدا`, `رافد`), or with two proclitics that carry the
    /// article (`للمندوبية`, `المندوبية`): the rest the same and not empty.
    fn relate(&self, a: &str, b: &str) -> bool {
        let same = |x: Option<&str>, y: Option<&str>| matches!((x, y), (Some(x), Some(y)) if !x.is_empty() && x == y);
        let two = |list: &[String], pair: &dyn Fn(&str, &str) -> bool| {
            list.iter()
                .any(|x| list.iter().any(|y| x != y && pair(x, y)))
        };
        let prefixes =
            |list: &[String]| two(list, &|x, y| same(a.strip_prefix(x), b.strip_prefix(y)));
        prefixes(&self.prefixes)
            || prefixes(&self.articles)
            || two(&self.endings, &|x, y| {
                same(a.strip_suffix(x), b.strip_suffix(y))
            })
            || self.endings.iter().any(|x| {
                same(a.strip_suffix(x.as_str()), Some(b))
                    || same(Some(a), b.strip_suffix(x.as_str()))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_of_one_word_are_related_and_other_words_are_not() {
        let rules = crate::rules::RuleSet::embedded().expect("default rules");
        let inf = Inflections::of(rules.data());
        for (a, b) in [
            ("ستطلق", "سيطلق"),
            ("يعلن", "تعلن"),
            ("تريليونان", "تريليونين"),
            ("المستثمرون", "المستثمرين"),
            ("فرسا", "فرسي"),
            ("رافداً", "رافد"),
            ("للمندوبية", "المندوبية"),
            ("والحوسبة", "للحوسبة"),
        ] {
            assert!(inf.relate(&key(a), &key(b)), "{a} {b}");
            assert!(inf.relate(&key(b), &key(a)), "{b} {a}");
        }
        // A letter changed inside the word, or at its ends but not between
        // two affixes of one list.
        for (a, b) in [
            ("توبروف", "طوبروف"),
            ("كوالتشيك", "قوالتشيك"),
            ("يوسف", "بوسف"),
            ("حسان", "حسام"),
        ] {
            assert!(!inf.relate(&key(a), &key(b)), "{a} {b}");
        }
    }
}
