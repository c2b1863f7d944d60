//! Long vectors of large items (findings, mentions): sorted without a
//! copy of them, grown without doubling.

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
    // Indices as `u32` (no list of one file is longer): the index list
    // and the sort's scratch room take half as much.
    let Ok(len) = u32::try_from(items.len()) else {
        return items.sort_by(compare);
    };
    let mut order: Vec<u32> = (0..len).collect();
    order.sort_by(|&a, &b| compare(&items[a as usize], &items[b as usize]));
    // Place `k` is to receive the item now at `order[k]`: follow each
    // cycle once, marking a place done by pointing it at itself.
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            // `at` < `len`, a `u32`.
            order[at] = at as u32;
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Makes room in `items` for `additional` more, growing it by a quarter
/// of its length when it is full rather than doubling it as `push` does:
/// a list of mentions that is kept for the whole check is at its longest
/// when a run holds the most, and a doubled vector is up to half empty
/// then (the 19,000 figures of the English 10 MB benchmark file: 5 MB of
/// room for 2.6 MB of them). The copies stay linear in all (each growth
/// moves the items once, and the lengths grow geometrically), and most of
/// them are not copies at all: a large block is grown in place by the
/// allocator.
pub(crate) fn reserve_lean<T>(items: &mut Vec<T>, additional: usize) {
    if items.capacity() - items.len() < additional {
        items.reserve_exact(additional.max(items.len() / 4).max(16));
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

    #[test]
    fn lean_growth_leaves_at_most_a_quarter_empty() {
        let mut v: Vec<u64> = Vec::new();
        let mut grown = 0;
        for i in 0..100_000u64 {
            let before = v.capacity();
            super::reserve_lean(&mut v, 1);
            grown += usize::from(v.capacity() != before);
            v.push(i);
            assert!(
                v.capacity() <= v.len() + (v.len() / 4).max(16),
                "{}",
                v.len()
            );
        }
        // Geometric: about log(100,000 / 16) / log(1.25) growths, not one a push.
        assert!((30..=50).contains(&grown), "{grown}");
        assert_eq!(v.iter().sum::<u64>(), 100_000 * 99_999 / 2);
    }
}
