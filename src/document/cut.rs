//! Views too long to be one block, cut at sentence ends.
//!
//! A paragraph of an article holds a few thousand bytes at most. A file
//! without line breaks (a scrape, an export, a data dump) is one paragraph
//! however long it is, and what the checks hold for one block while they
//! work on it (its tokens, its normalized copies) is about thirty times its
//! length: a 100 MB line took 2.7 GiB. Such a view is checked as blocks of
//! at most [`MAX_BLOCK`] bytes, cut at the end of a sentence where there is
//! one (else at white space), so that memory stays proportional to the
//! file and the blocks are segmented on all threads. An article's
//! paragraphs are never cut.

use std::borrow::Cow;

use super::View;

/// The longest view checked as one block (64 KiB: ten thousand words, far
/// beyond any paragraph of an article).
pub(crate) const MAX_BLOCK: usize = 64 * 1024;

/// `views`, each longer than [`MAX_BLOCK`] replaced by its pieces (see
/// [`cuts`]). The white space at a cut belongs to no piece, as a line break
/// between two paragraphs belongs to neither.
pub(super) fn long_views(views: Vec<View<'_>>) -> Vec<View<'_>> {
    if views.iter().all(|(text, _)| text.len() <= MAX_BLOCK) {
        return views;
    }
    let mut out = Vec::with_capacity(views.len());
    for (text, map) in views {
        if text.len() <= MAX_BLOCK {
            out.push((text, map));
            continue;
        }
        for range in cuts(&text, MAX_BLOCK) {
            let piece = match &text {
                Cow::Borrowed(t) => Cow::Borrowed(&t[range.clone()]),
                Cow::Owned(t) => Cow::Owned(t[range.clone()].to_owned()),
            };
            let mut piece_map = map.slice(range.start, range.end);
            piece_map.shrink_to_fit();
            out.push((piece, piece_map));
        }
    }
    out
}

/// The pieces of `text`, each at most `max` bytes long (but for a
/// character longer than `max`), in order, without the white space between
/// them. A piece ends, by preference, with a sentence (a stop, `!`, `?`,
/// `؟`, `…` or `۔` before white space) in the second half of its room;
/// else with a word before white space anywhere in its room; else at the
/// last character boundary that fits (a run of `max` bytes without white
/// space is no prose).
pub(super) fn cuts(text: &str, max: usize) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        if text.len() - start <= max {
            out.push(start..text.len());
            break;
        }
        // The last character boundary in the room; a character longer
        // than the room (`max` < 4) is a piece of its own.
        let limit = (start + 1..=start + max)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or_else(|| {
                (start + 1..=text.len())
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(text.len())
            });
        // `ws` is white space at which the piece may end: the piece is
        // `start..ws`, the next one starts after the white space run.
        let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
        let sentence_end = |ws: usize| {
            let before = &text[start..ws];
            before.ends_with(['.', '!', '?', '؟', '…', '۔'])
        };
        let half = start + max / 2;
        let end = (half..=limit)
            .rev()
            .filter(|&i| i < bytes.len() && is_space(bytes[i]))
            .find(|&i| sentence_end(i))
            .or_else(|| {
                (start + 1..=limit)
                    .rev()
                    .find(|&i| i < bytes.len() && is_space(bytes[i]) && !is_space(bytes[i - 1]))
            })
            .unwrap_or(limit);
        out.push(start..end);
        start = end;
        while start < bytes.len() && is_space(bytes[start]) {
            start += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_view_is_cut_at_sentence_ends() {
        let sentence = "The board met on Monday. ";
        let text = sentence.repeat(10);
        let text = text.trim_end();
        let pieces: Vec<&str> = cuts(text, 60).into_iter().map(|r| &text[r]).collect();
        assert!(pieces.iter().all(|p| p.len() <= 60), "{pieces:?}");
        assert!(
            pieces
                .iter()
                .all(|p| p.starts_with("The") && p.ends_with("Monday.")),
            "{pieces:?}"
        );
        assert_eq!(pieces.join(" "), text);
    }

    #[test]
    fn arabic_and_question_marks_end_sentences() {
        let text = "هل اجتمع المجلس؟ نعم اجتمع أمس. ".repeat(8);
        let text = text.trim_end();
        for r in cuts(text, 100) {
            let p = &text[r];
            assert!(p.len() <= 100);
            assert!(p.ends_with('؟') || p.ends_with('.'), "{p:?}");
        }
    }

    #[test]
    fn without_sentences_a_view_is_cut_at_white_space_then_anywhere() {
        let words = "alpha beta gamma delta ".repeat(20);
        let words = words.trim_end();
        for r in cuts(words, 50) {
            let p = &words[r];
            assert!(p.len() <= 50 && !p.starts_with(' ') && !p.ends_with(' '));
        }
        // One Arabic word of 300 bytes: cut at character boundaries.
        let word = "ب".repeat(150);
        let pieces = cuts(&word, 51);
        assert!(pieces.iter().all(|r| r.len() == 50), "{pieces:?}");
        assert_eq!(
            pieces.iter().map(ExactSizeIterator::len).sum::<usize>(),
            300
        );
        // A character longer than the room is a piece of its own.
        assert_eq!(cuts("ببب", 1), [0..2, 2..4, 4..6]);
    }

    #[test]
    fn short_views_and_their_maps_are_kept_as_they_are() {
        let mut map = crate::source::OffsetMap::new();
        map.push_identity(0, 10, 5);
        let views = vec![(Cow::Borrowed("hello"), map)];
        let out = long_views(views);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].0, "hello");
        assert_eq!(out[0].1.to_orig(0, 5), crate::source::Span::new(10, 15));
    }

    proptest::proptest! {
        /// The pieces are in order, within their room, on character
        /// boundaries, and all that lies between them is white space.
        #[test]
        fn pieces_cover_the_text_but_white_space(
            text in "([a-c]{1,6}|ب{1,4}|[ .؟\\n]){0,80}",
            max in 1usize..40,
        ) {
            let pieces = cuts(&text, max);
            let mut at = 0;
            for r in &pieces {
                proptest::prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                proptest::prop_assert!(r.start >= at && r.start < r.end);
                proptest::prop_assert!(r.len() <= max || text[r.clone()].chars().count() == 1);
                proptest::prop_assert!(text[at..r.start].bytes().all(|b| b" \n".contains(&b)));
                at = r.end;
            }
            proptest::prop_assert!(text[at..].bytes().all(|b| b" \n".contains(&b)));
        }
    }
}
