//! Sorting long vectors of large items (findings, mentions) without a copy
//! of them.

use std::cmp::Ordering;

/// Sorts `items` as [`slice::sort_by`] does (stable: equal items keep
/// their order), without its scratch room. The standard stable sort takes
/// room for a copy of every item (up to 8 MB, half of them beyond), at
/// the moment a run holds the most: 2 MB for the 14,000 findings of the
/// Arabic 1 MB benchmark file, 5 MB for the entity mentions of the English
/// 10 MB one. Here the items' indices are sorted instead, and each item is
/// then moved once, along the cycles of the permutation. A slice already
/// in order is left as it is, without allocating.
pub(crate) fn sort_stable_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.is_sorted_by(|a, b| compare(a, b).is_le()) {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| compare(&items[a], &items[b]));
    // Place `k` is to receive the item now at `order[k]`: follow each
    // cycle once, marking a place done by pointing it at itself.
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// The same order as `sort_by`, equal keys included (the payload
        /// tells equal items apart).
        #[test]
        fn sorting_by_indices_equals_the_stable_sort(
            keys in proptest::collection::vec(0u8..6, 0..200),
        ) {
            let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(k, _)| k);
            let mut sorted = items;
            super::sort_stable_by(&mut sorted, |a, b| a.0.cmp(&b.0));
            proptest::prop_assert_eq!(sorted, expected);
        }
    }
}
