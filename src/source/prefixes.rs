//! A list of prefixes looked for at the start of every word: the Arabic
//! proclitics (`و`, `بال`, `لل` …) that the extractors and checks strip
//! before they look a word up.

use super::strip_short_prefix;

/// Prefixes in a given order (longest first, say), grouped by their first
/// character: a word is compared only with the prefixes that start as it
/// does (most Arabic words start with none of the proclitics' letters, and
/// the article's `ا` starts one of them), not with every one.
#[derive(Debug, Clone, Default)]
pub(crate) struct Prefixes {
    list: Vec<String>,
    /// Each first character of the list, with the positions in `list` of
    /// the prefixes that start with it, in the list's order.
    groups: Vec<(char, Vec<usize>)>,
    /// Every position of `list`, when a prefix is empty: it starts every
    /// word, which is then compared with them all.
    all: Option<Vec<usize>>,
}

impl Prefixes {
    pub(crate) fn new(list: Vec<String>) -> Prefixes {
        let mut groups: Vec<(char, Vec<usize>)> = Vec::new();
        let mut all = None;
        for (i, p) in list.iter().enumerate() {
            match p.chars().next() {
                Some(c) => match groups.iter_mut().find(|(g, _)| *g == c) {
                    Some((_, at)) => at.push(i),
                    None => groups.push((c, vec![i])),
                },
                None => all = Some((0..list.len()).collect()),
            }
        }
        Prefixes { list, groups, all }
    }

    /// The prefixes, in their order.
    pub(crate) fn list(&self) -> &[String] {
        &self.list
    }

    /// Each prefix that `word` starts with, and what is left of `word`
    /// without it, in the list's order.
    pub(crate) fn of<'w>(&'w self, word: &'w str) -> impl Iterator<Item = (&'w str, &'w str)> + 'w {
        let candidates = self.all.as_deref().unwrap_or_else(|| {
            let first = word.chars().next();
            self.groups
                .iter()
                .find(|(c, _)| Some(*c) == first)
                .map_or(&[], |(_, at)| at)
        });
        candidates.iter().filter_map(move |&i| {
            let p = &self.list[i];
            strip_short_prefix(word, p).map(|rest| (p.as_str(), rest))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn prefixes(list: &[&str]) -> Prefixes {
        Prefixes::new(list.iter().map(|&p| p.to_owned()).collect())
    }

    #[test]
    fn a_word_gets_the_prefixes_it_starts_with_in_the_lists_order() {
        let p = prefixes(&["وال", "بال", "لل", "وب", "و", "ب", "ل"]);
        let of = |w| p.of(w).collect::<Vec<_>>();
        assert_eq!(
            of("وبالمليار"),
            [("وب", "المليار"), ("و", "بالمليار")],
            "not بال, which is not at the start"
        );
        assert_eq!(of("للمرة"), [("لل", "مرة"), ("ل", "لمرة")]);
        assert_eq!(of("مليار"), []);
        assert_eq!(of(""), []);
        assert_eq!(p.list()[0], "وال");
    }

    #[test]
    fn an_empty_prefix_starts_every_word() {
        let p = prefixes(&["ال", "", "و"]);
        let of = |w| p.of(w).collect::<Vec<_>>();
        assert_eq!(of("والد"), [("", "والد"), ("و", "الد")]);
        assert_eq!(of(""), [("", "")]);
    }

    proptest! {
        /// The same as comparing the word with every prefix in turn.
        #[test]
        fn the_same_as_trying_every_prefix(
            list in proptest::collection::vec("[وبالفكaé]{0,3}", 0..8),
            word in "[وبالفكaé]{0,6}",
        ) {
            let p = Prefixes::new(list.clone());
            let every: Vec<(&str, &str)> = list
                .iter()
                .filter_map(|q| word.strip_prefix(q.as_str()).map(|rest| (q.as_str(), rest)))
                .collect();
            prop_assert_eq!(p.of(&word).collect::<Vec<_>>(), every);
        }
    }
}
