//! Gale–Church length-based alignment with anchors: a dynamic program over
//! two sequences of units (paragraphs, or sentences) that pairs them in
//! beads of 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1 and 1-3 units.
//!
//! A bead's cost is `-ln P(bead kind) - ln P(length difference)`, where the
//! length difference is Gale and Church's `δ = (ls·c - lt) / √(m·s²)` (`ls`
//! and `lt` the letters and digits of each side, `c` the expected ratio of
//! translation to source letters, `m` the mean length, `s²` the variance per
//! letter), normally distributed. An insertion or deletion (1-0, 0-1) costs
//! its prior only: Gale and Church's δ of a lone unit grows with its length,
//! so that a long dropped paragraph would rather be merged into a
//! neighbour than reported. Anchors (figures, dates, names) move the cost:
//! each anchor shared by the two sides is a bonus, and a merged bead (2-1,
//! 1-2, …) pays a penalty for each of its units whose figures and dates
//! all miss on the other side: a sentence whose `97.4 billion` is nowhere
//! in the translation is dropped, not merged.
//!
//! The program runs in a diagonal band on very long inputs, so that its cost
//! stays linear in their length.

use std::ops::Range;

/// What two units may share.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Anchor {
    /// A figure: its kind (`%` or empty) and normalized value.
    Amount(String),
    /// A date at its precision (ISO), or an unresolved relative date.
    Date(String),
    /// A gazetteer entity.
    Entity(usize),
}

impl Anchor {
    /// Figures and dates: anchors that a faithful translation keeps.
    pub fn is_numeric(&self) -> bool {
        !matches!(self, Anchor::Entity(_))
    }
}

/// One paragraph or sentence, as the aligner sees it. Anchors are numbers
/// (the same anchor has the same number on both sides: see
/// [`Anchors`]), sorted, so that two units are compared by a merge.
#[derive(Debug, Clone, Default)]
pub struct Unit {
    /// Letters and digits.
    pub len: f64,
    /// All its anchors, sorted, without duplicates.
    pub anchors: Vec<u32>,
    /// Its figures and dates (the anchors that [`Anchor::is_numeric`]),
    /// sorted.
    pub numeric: Vec<u32>,
}

impl Unit {
    /// Adds an anchor numbered by `anchors`.
    pub fn add(&mut self, anchors: &mut Anchors, anchor: &Anchor) {
        let id = anchors.id(anchor);
        if let Err(i) = self.anchors.binary_search(&id) {
            self.anchors.insert(i, id);
            if anchor.is_numeric() {
                let j = self.numeric.binary_search(&id).unwrap_or_else(|j| j);
                self.numeric.insert(j, id);
            }
        }
    }
}

/// Numbers the anchors of two documents.
#[derive(Debug, Default)]
pub struct Anchors(std::collections::BTreeMap<Anchor, u32>);

impl Anchors {
    /// The number of an anchor (a new one for an anchor not seen yet).
    pub fn id(&mut self, anchor: &Anchor) -> u32 {
        let next = u32::try_from(self.0.len()).unwrap_or(u32::MAX);
        *self.0.entry(anchor.clone()).or_insert(next)
    }
}

/// A group of source units and the translation units that render them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bead {
    pub source: Range<usize>,
    pub target: Range<usize>,
}

/// Gale and Church's variance of the translation length per source letter.
const VARIANCE: f64 = 6.8;
/// Bonus per shared anchor.
const SHARED: f64 = 1.0;
/// Penalty per merged unit whose figures and dates all miss on the other side.
const ORPHAN: f64 = 6.0;
/// Above this many cells, the program runs in a band.
const FULL_LIMIT: usize = 40_000;
/// Half-width of the band.
const BAND: usize = 60;
/// The most the band widens for sides of different lengths: a passage of
/// up to this many units dropped (or added) in one place still fits in the
/// band. Widened by the whole difference, the band of two unrelated long
/// texts was nearly the full matrix (a 1 MB original against a 1 MB
/// translation of another text: 2.4 s, 3 MB: 13.7 s).
const MAX_SKEW: usize = 1_000;

/// (source units, translation units, prior probability).
const MOVES: [(usize, usize, f64); 8] = [
    (1, 1, 0.89),
    (1, 0, 0.02),
    (0, 1, 0.02),
    (2, 1, 0.089),
    (1, 2, 0.089),
    (2, 2, 0.011),
    (3, 1, 0.005),
    (1, 3, 0.005),
];

/// `-ln erfc(x)` for `x ≥ 0`, without underflow (the Chebyshev fit of
/// Numerical Recipes, fractional error below 1.2·10⁻⁷).
fn neg_ln_erfc(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.5 * x);
    let poly = -1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    x * x - poly - t.ln()
}

/// The cost of `-ln P(|δ|)`: the two-sided tail of a standard normal.
fn length_cost(ls: f64, lt: f64, ratio: f64) -> f64 {
    let mean = f64::midpoint(ls, lt / ratio).max(1.0);
    let delta = (ls * ratio - lt) / (mean * VARIANCE).sqrt();
    // 2·(1 − Φ(|δ|)) = erfc(|δ| / √2).
    neg_ln_erfc(delta.abs() / std::f64::consts::SQRT_2)
}

/// The cost of a bead of `source` and `target` units, whose anchors are
/// `sa` and `ta` (their [`union`]s); `prior_cost` is `-ln` of the bead
/// kind's prior.
fn bead_cost(
    (source, sa): (&[Unit], &[u32]),
    (target, ta): (&[Unit], &[u32]),
    ratio: f64,
    prior_cost: f64,
) -> f64 {
    let mut cost = prior_cost;
    if source.is_empty() || target.is_empty() {
        return cost;
    }
    let ls: f64 = source.iter().map(|u| u.len).sum();
    let lt: f64 = target.iter().map(|u| u.len).sum();
    cost += length_cost(ls, lt, ratio);
    if sa.is_empty() && ta.is_empty() {
        return cost;
    }
    #[allow(clippy::cast_precision_loss)] // a handful of anchors
    let shared = shared(sa, ta) as f64;
    cost -= SHARED * shared;
    if source.len() + target.len() > 2 {
        let orphan = |u: &Unit, other: &[u32]| {
            !u.numeric.is_empty() && u.numeric.iter().all(|a| other.binary_search(a).is_err())
        };
        let orphans = source.iter().filter(|u| orphan(u, ta)).count()
            + target.iter().filter(|u| orphan(u, sa)).count();
        #[allow(clippy::cast_precision_loss)]
        {
            cost += ORPHAN * orphans as f64;
        }
    }
    cost
}

/// The anchors of every run of units a bead may take (one, two or three
/// in a row), each [`union`] made once, not once for every cell of the
/// program that reads it (a third of the time of two long unrelated texts
/// went to making them again).
struct Runs<'u> {
    units: &'u [Unit],
    /// The unions of the runs of two units, then those of three, one after
    /// the other.
    flat: Vec<u32>,
    /// Where the union of the run of `k` units ending before unit `end`
    /// starts in `flat`: at `(k - 2) * (n + 1) + end`, the next entry ends
    /// it.
    starts: Vec<usize>,
}

impl<'u> Runs<'u> {
    fn new(units: &'u [Unit]) -> Runs<'u> {
        let n = units.len();
        let mut flat = Vec::new();
        let mut starts = Vec::with_capacity(2 * (n + 1) + 1);
        for k in 2..=3 {
            for end in 0..=n {
                starts.push(flat.len());
                if end >= k {
                    flat.extend_from_slice(&union(&units[end - k..end]));
                }
            }
        }
        starts.push(flat.len());
        Runs {
            units,
            flat,
            starts,
        }
    }

    /// The units of `run` and their anchors (`run` at most three long).
    fn get(&self, run: Range<usize>) -> (&'u [Unit], &[u32]) {
        let units = &self.units[run.clone()];
        let anchors = match run.len() {
            0 => &[][..],
            1 => &units[0].anchors[..],
            k => {
                let at = (k - 2) * (self.units.len() + 1) + run.end;
                &self.flat[self.starts[at]..self.starts[at + 1]]
            }
        };
        (units, anchors)
    }
}

/// The anchors of several units, sorted, without duplicates.
fn union(units: &[Unit]) -> std::borrow::Cow<'_, [u32]> {
    if let [one] = units {
        return std::borrow::Cow::Borrowed(&one.anchors);
    }
    let mut all: Vec<u32> = units
        .iter()
        .flat_map(|u| u.anchors.iter().copied())
        .collect();
    all.sort_unstable();
    all.dedup();
    std::borrow::Cow::Owned(all)
}

/// How many anchors two sorted lists share.
fn shared(left: &[u32], right: &[u32]) -> usize {
    let (mut l, mut r, mut count) = (0, 0, 0);
    while l < left.len() && r < right.len() {
        match left[l].cmp(&right[r]) {
            std::cmp::Ordering::Less => l += 1,
            std::cmp::Ordering::Greater => r += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                l += 1;
                r += 1;
            }
        }
    }
    count
}

/// The columns of the program's rows `0..=n` (`n`, `m` > 0): all of them
/// up to [`FULL_LIMIT`] cells, else a band around the diagonal, widened by
/// the difference of the two lengths up to [`MAX_SKEW`].
fn band(n: usize, m: usize) -> Vec<Range<usize>> {
    let banded = n.saturating_mul(m) > FULL_LIMIT;
    let half = BAND + n.abs_diff(m).min(MAX_SKEW);
    (0..=n)
        .map(|i| {
            if !banded {
                return 0..m + 1;
            }
            let center = i * m / n;
            center.saturating_sub(half)..(center + half + 1).min(m + 1)
        })
        .collect()
}

/// Aligns `source` with `target`; `ratio` is the expected number of
/// translation letters per source letter. The beads cover both sequences,
/// in order.
pub fn align(source: &[Unit], target: &[Unit], ratio: f64) -> Vec<Bead> {
    let (n, m) = (source.len(), target.len());
    if n == 0 || m == 0 {
        return if n + m == 0 {
            Vec::new()
        } else {
            vec![Bead {
                source: 0..n,
                target: 0..m,
            }]
        };
    }
    let ratio = if ratio.is_finite() && ratio > 0.0 {
        ratio
    } else {
        1.0
    };
    // Only the cells of the band are kept, row after row: a cell outside
    // it is never reached (its cost is infinite), and long inputs take
    // memory in proportion to their length, not to its square.
    let rows = band(n, m);
    let mut starts = Vec::with_capacity(n + 1);
    let mut cells = 0;
    for r in &rows {
        starts.push(cells);
        cells += r.len();
    }
    let cell = |i: usize, j: usize| rows[i].contains(&j).then(|| starts[i] + j - rows[i].start);
    let mut cost = vec![f64::INFINITY; cells];
    let mut back = vec![(0u8, 0u8); cells];
    let (sources, targets) = (Runs::new(source), Runs::new(target));
    let prior_costs = MOVES.map(|(_, _, prior)| -f64::ln(prior));
    if let Some(origin) = cell(0, 0) {
        cost[origin] = 0.0;
    }
    for i in 0..=n {
        for j in rows[i].clone() {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = f64::INFINITY;
            let mut step = (0u8, 0u8);
            for (&(di, dj, _), &prior_cost) in MOVES.iter().zip(&prior_costs) {
                if di > i || dj > j {
                    continue;
                }
                let prev = cell(i - di, j - dj).map_or(f64::INFINITY, |k| cost[k]);
                if !prev.is_finite() {
                    continue;
                }
                let (here, there) = (sources.get(i - di..i), targets.get(j - dj..j));
                let c = prev + bead_cost(here, there, ratio, prior_cost);
                if c < best {
                    best = c;
                    #[allow(clippy::cast_possible_truncation)] // at most 3
                    {
                        step = (di as u8, dj as u8);
                    }
                }
            }
            let here = starts[i] + j - rows[i].start;
            cost[here] = best;
            back[here] = step;
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj) = cell(i, j).map_or((0, 0), |k| back[k]);
        let (di, dj) = (usize::from(di), usize::from(dj));
        if di == 0 && dj == 0 {
            // Unreachable in the band: give the rest as one bead.
            beads.push(Bead {
                source: 0..i,
                target: 0..j,
            });
            break;
        }
        beads.push(Bead {
            source: i - di..i,
            target: j - dj..j,
        });
        i -= di;
        j -= dj;
    }
    beads.reverse();
    beads
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(len: f64, anchors: &[&str]) -> Unit {
        // Anchors numbered by their text, the same in every unit.
        let mut ids: Vec<u32> = anchors.iter().map(|a| a.parse().unwrap()).collect();
        ids.sort_unstable();
        Unit {
            len,
            anchors: ids.clone(),
            numeric: ids,
        }
    }

    #[test]
    fn equal_lengths_align_one_to_one() {
        let s = [unit(100.0, &[]), unit(300.0, &[]), unit(50.0, &[])];
        let t = [unit(90.0, &[]), unit(280.0, &[]), unit(55.0, &[])];
        let beads = align(&s, &t, 0.95);
        assert_eq!(beads.len(), 3);
        assert!(
            beads
                .iter()
                .all(|b| b.source.len() == 1 && b.target.len() == 1)
        );
    }

    #[test]
    fn a_dropped_unit_with_its_own_figure_is_a_deletion() {
        let s = [unit(120.0, &["1"]), unit(80.0, &["2"]), unit(150.0, &["3"])];
        let t = [unit(110.0, &["1"]), unit(140.0, &["3"])];
        let beads = align(&s, &t, 0.9);
        assert!(beads.contains(&Bead {
            source: 1..2,
            target: 1..1
        }));
    }

    #[test]
    fn two_sentences_joined_in_translation_are_a_merge() {
        let s = [unit(60.0, &["1"]), unit(70.0, &["2"]), unit(100.0, &[])];
        let t = [unit(125.0, &["1", "2"]), unit(95.0, &[])];
        let beads = align(&s, &t, 0.95);
        assert_eq!(beads[0].source, 0..2);
        assert_eq!(beads[0].target, 0..1);
    }

    #[test]
    fn tail_cost_does_not_underflow() {
        assert!(neg_ln_erfc(40.0).is_finite());
        assert!((neg_ln_erfc(0.0)).abs() < 1e-6);
    }

    /// The aligner as it was before it kept only the band's cells: a full
    /// matrix of costs and steps. The property test below holds `align` to
    /// it.
    fn align_reference(source: &[Unit], target: &[Unit], ratio: f64) -> Vec<Bead> {
        let (n, m) = (source.len(), target.len());
        if n == 0 || m == 0 {
            return if n + m == 0 {
                Vec::new()
            } else {
                vec![Bead {
                    source: 0..n,
                    target: 0..m,
                }]
            };
        }
        let ratio = if ratio.is_finite() && ratio > 0.0 {
            ratio
        } else {
            1.0
        };
        let width = m + 1;
        // The same band, every cell of the matrix kept.
        let rows = band(n, m);
        let mut cost = vec![f64::INFINITY; (n + 1) * width];
        let mut back = vec![(0u8, 0u8); (n + 1) * width];
        cost[0] = 0.0;
        for i in 0..=n {
            for j in rows[i].clone() {
                if i == 0 && j == 0 {
                    continue;
                }
                let mut best = f64::INFINITY;
                let mut step = (0u8, 0u8);
                for &(di, dj, prior) in &MOVES {
                    if di > i || dj > j {
                        continue;
                    }
                    let prev = cost[(i - di) * width + (j - dj)];
                    if !prev.is_finite() {
                        continue;
                    }
                    // The unions made here, for each cell, as they were.
                    let (here, there) = (&source[i - di..i], &target[j - dj..j]);
                    let c = prev
                        + bead_cost(
                            (here, &union(here)),
                            (there, &union(there)),
                            ratio,
                            -prior.ln(),
                        );
                    if c < best {
                        best = c;
                        #[allow(clippy::cast_possible_truncation)] // at most 3
                        {
                            step = (di as u8, dj as u8);
                        }
                    }
                }
                cost[i * width + j] = best;
                back[i * width + j] = step;
            }
        }
        let mut beads = Vec::new();
        let (mut i, mut j) = (n, m);
        while i > 0 || j > 0 {
            let (di, dj) = back[i * width + j];
            let (di, dj) = (usize::from(di), usize::from(dj));
            if di == 0 && dj == 0 {
                // Unreachable in the band: give the rest as one bead.
                beads.push(Bead {
                    source: 0..i,
                    target: 0..j,
                });
                break;
            }
            beads.push(Bead {
                source: i - di..i,
                target: j - dj..j,
            });
            i -= di;
            j -= dj;
        }
        beads.reverse();
        beads
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// The same beads as the full matrix, in the full program and in
        /// the band (more than 40,000 cells, sides of different lengths).
        #[test]
        fn the_band_keeps_the_beads_of_the_full_matrix(
            source in proptest::collection::vec((1u32..400, proptest::collection::vec(0u32..30, 0..3)), 0..260),
            target in proptest::collection::vec((1u32..400, proptest::collection::vec(0u32..30, 0..3)), 0..260),
            ratio in 0.5f64..2.0,
        ) {
            let units = |v: &[(u32, Vec<u32>)]| -> Vec<Unit> {
                v.iter()
                    .map(|(len, anchors)| {
                        let mut a = anchors.clone();
                        a.sort_unstable();
                        a.dedup();
                        Unit { len: f64::from(*len), numeric: a.iter().copied().filter(|x| x % 2 == 0).collect(), anchors: a }
                    })
                    .collect()
            };
            let (s, t) = (units(&source), units(&target));
            proptest::prop_assert_eq!(align(&s, &t, ratio), align_reference(&s, &t, ratio));
        }
    }

    #[test]
    fn long_inputs_run_in_a_band() {
        let s: Vec<Unit> = (0..1500)
            .map(|i| unit(f64::from(50 + i % 7), &[]))
            .collect();
        let t = s.clone();
        let beads = align(&s, &t, 1.0);
        assert_eq!(beads.len(), 1500);
    }

    /// Sides of very different lengths run in a band of bounded width:
    /// linear in their length (widened by the whole difference, the band
    /// of 100,000 units against 10,000 was 900 million cells).
    #[test]
    fn the_band_widens_a_bounded_amount_for_sides_of_different_lengths() {
        let (n, m) = (100_000, 10_000);
        let rows = band(n, m);
        assert_eq!(rows.len(), n + 1);
        let cells: usize = rows.iter().map(ExactSizeIterator::len).sum();
        assert!(cells <= (n + 1) * (2 * (BAND + MAX_SKEW) + 1), "{cells}");
        // A path from the first cell to the last stays in the band: each
        // row starts at or before the column the row above ends at.
        assert_eq!((rows[0].start, rows[n].end), (0, m + 1));
        assert!(rows.windows(2).all(|w| w[1].start < w[0].end));
        // Aligned, 3,000 units against 300 cover both sides in order.
        let source: Vec<Unit> = (0..3_000)
            .map(|k| unit(f64::from(50 + k % 7), &[]))
            .collect();
        let target: Vec<Unit> = (0..300).map(|k| unit(f64::from(40 + k % 5), &[])).collect();
        let mut at = (0, 0);
        for b in align(&source, &target, 1.0) {
            assert_eq!((b.source.start, b.target.start), at);
            at = (b.source.end, b.target.end);
        }
        assert_eq!(at, (3_000, 300));
    }
}
