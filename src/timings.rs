//! `check --timings`: where a run's time goes, stage by stage and rule by
//! rule, as eslint's `TIMING=1` and languagetool's `--profile` tell it. A
//! newsroom that adds a slow pattern to its rule pack sees it at the top of
//! the rules; a long file shows which stage holds it up.
//!
//! The times are wall-clock durations measured around each piece of work
//! and summed over the files and the threads that did them: on several
//! cores their total exceeds the run's elapsed time, which the table gives
//! beside it. The report's is the time the writing thread spends on it
//! (a long file's findings are drawn on every core meanwhile). A rule's
//! time is that of its own pass; the extractions that it reads (figures
//! and dates, names) are done before the rules and counted as stages of
//! their own (without `--timings` they are done by the first rule that
//! reads them). Nothing is measured, not even the clock read, when the
//! option is off.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A stage of the check of a file, in the order a file goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Finding the configurations, loading and compiling the rules.
    Rules,
    /// Reading a file and decoding it.
    Read,
    /// Cutting it into paragraphs, sentences and words; telling its language.
    Parse,
    /// Extracting its figures and dates.
    Figures,
    /// Finding its names.
    Names,
    /// Sorting its findings, applying its suppression comments.
    Order,
    /// Drawing and writing the report.
    Report,
}

impl Stage {
    const ALL: [Stage; 7] = [
        Stage::Rules,
        Stage::Read,
        Stage::Parse,
        Stage::Figures,
        Stage::Names,
        Stage::Order,
        Stage::Report,
    ];

    /// The stages' names, in the table's order.
    pub fn names() -> impl Iterator<Item = &'static str> {
        Stage::ALL.into_iter().map(Stage::name)
    }

    fn name(self) -> &'static str {
        match self {
            Stage::Rules => "configuration and rules",
            Stage::Read => "reading",
            Stage::Parse => "parsing",
            Stage::Figures => "figures and dates",
            Stage::Names => "names",
            Stage::Order => "ordering and suppressions",
            Stage::Report => "report",
        }
    }
}

/// One rule's runs.
#[derive(Debug, Default, Clone, Copy)]
struct RuleTime {
    time: Duration,
    runs: usize,
    /// Findings it reported, before suppressions and baselines.
    found: usize,
}

#[derive(Debug, Default)]
struct Inner {
    stages: [Duration; Stage::ALL.len()],
    rules: BTreeMap<String, RuleTime>,
    files: usize,
    bytes: usize,
}

/// The times of a run, gathered from every thread.
#[derive(Debug, Default)]
pub struct Timings {
    inner: Mutex<Inner>,
}

impl Timings {
    fn with<R>(&self, f: impl FnOnce(&mut Inner) -> R) -> R {
        // A thread that panicked while adding a time left whole numbers.
        f(&mut self
            .inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    /// Adds `time` to `stage`.
    pub fn add(&self, stage: Stage, time: Duration) {
        self.with(|t| t.stages[stage as usize] += time);
    }

    /// Adds a run of rule `id` that took `time` and reported `found`
    /// findings.
    pub fn add_rule(&self, id: &str, time: Duration, found: usize) {
        self.with(|t| {
            let r = match t.rules.get_mut(id) {
                Some(r) => r,
                None => t.rules.entry(id.to_owned()).or_default(),
            };
            r.time += time;
            r.runs += 1;
            r.found += found;
        });
    }

    /// Counts a file of `bytes` bytes that was checked.
    pub fn add_file(&self, bytes: usize) {
        self.with(|t| {
            t.files += 1;
            t.bytes += bytes;
        });
    }

    /// Runs `f`, adding its time to `stage` when there are timings.
    pub fn time<R>(timings: Option<&Timings>, stage: Stage, f: impl FnOnce() -> R) -> R {
        match timings {
            None => f(),
            Some(t) => {
                let start = Instant::now();
                let r = f();
                t.add(stage, start.elapsed());
                r
            }
        }
    }

    /// The table: the stages in the order a file goes through them, then
    /// the rules that ran, the slowest first (by name among equals), each
    /// with its share of the summed time; `elapsed`: the whole run's.
    pub fn table(&self, elapsed: Duration, threads: usize) -> String {
        self.with(|t| {
            let total: Duration = t.stages.iter().sum::<Duration>()
                + t.rules.values().map(|r| r.time).sum::<Duration>();
            let share = |d: Duration| {
                if total.is_zero() {
                    0.0
                } else {
                    100.0 * d.as_secs_f64() / total.as_secs_f64()
                }
            };
            let mut rules: Vec<(String, &RuleTime)> = t
                .rules
                .iter()
                .map(|(id, r)| (format!("rule {id}"), r))
                .collect();
            rules.sort_by(|a, b| b.1.time.cmp(&a.1.time).then_with(|| a.0.cmp(&b.0)));
            // As wide as the longest name (the stages' are at most 25).
            let width = rules
                .iter()
                .map(|(name, _)| name.chars().count())
                .fold(25, usize::max);
            let mut out = String::new();
            let _ = writeln!(
                out,
                "Timings: {} {}, {}, {} elapsed on {} {} (times are summed over the threads)",
                count(t.files),
                if t.files == 1 { "file" } else { "files" },
                bytes(t.bytes),
                ms(elapsed),
                threads,
                if threads == 1 { "thread" } else { "threads" },
            );
            let row = |out: &mut String, what: &str, time: Duration, found: &str| {
                let line = format!(
                    "  {what:<width$} {:>11} {:>7.1} % {found:>9}",
                    ms(time),
                    share(time)
                );
                let _ = writeln!(out, "{}", line.trim_end());
            };
            let _ = writeln!(
                out,
                "  {:<width$} {:>11} {:>9} {:>9}",
                "stage or rule", "time", "share", "findings"
            );
            for stage in Stage::ALL {
                row(&mut out, stage.name(), t.stages[stage as usize], "");
            }
            for (name, r) in &rules {
                row(&mut out, name, r.time, &count(r.found));
            }
            let found = t.rules.values().map(|r| r.found).sum();
            row(&mut out, "total", total, &count(found));
            out
        })
    }
}

/// A duration in milliseconds, to the hundredth below 10 ms.
fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

/// A size in bytes, kB or MB (decimal units).
#[allow(clippy::cast_precision_loss)] // shown to two decimals
fn bytes(n: usize) -> String {
    match n {
        0..1_000 => format!("{n} B"),
        1_000..1_000_000 => format!("{:.1} kB", n as f64 / 1e3),
        _ => format!("{:.2} MB", n as f64 / 1e6),
    }
}

/// A count with thousands separators.
fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_lists_the_stages_in_order_then_the_slowest_rules_first() {
        let t = Timings::default();
        t.add_file(1_500);
        t.add(Stage::Parse, Duration::from_millis(3));
        t.add(Stage::Parse, Duration::from_millis(1));
        t.add(Stage::Names, Duration::from_millis(10));
        t.add_rule("typography/quotes", Duration::from_millis(2), 3);
        t.add_rule("entity/variant", Duration::from_millis(4), 1_234);
        t.add_rule("typography/quotes", Duration::from_millis(3), 2);
        t.add_rule("amount/sum", Duration::from_millis(5), 0);
        let table = t.table(Duration::from_millis(30), 2);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(
            lines[0],
            "Timings: 1 file, 1.5 kB, 30.0 ms elapsed on 2 threads (times are summed over the threads)"
        );
        // The names' column is as wide as the longest, `rule
        // typography/quotes` (25 at least).
        assert_eq!(
            lines[1],
            format!(
                "  {:<25} {:>11} {:>9} {:>9}",
                "stage or rule", "time", "share", "findings"
            )
        );
        let names: Vec<&str> = lines[2..].iter().map(|l| l[2..27].trim_end()).collect();
        assert_eq!(
            names,
            [
                "configuration and rules",
                "reading",
                "parsing",
                "figures and dates",
                "names",
                "ordering and suppressions",
                "report",
                // 5 ms each: by name.
                "rule amount/sum",
                "rule typography/quotes",
                "rule entity/variant",
                "total",
            ]
        );
        // Summed over the runs, with the share of the total (28 ms).
        assert!(lines[4].contains("4.00 ms"), "{}", lines[4]);
        assert!(lines[4].contains(" 14.3 %"), "{}", lines[4]);
        assert!(lines[10].ends_with("        5"), "{}", lines[10]);
        assert!(lines[11].ends_with("    1,234"), "{}", lines[11]);
        assert!(lines[12].contains("28.0 ms"), "{}", lines[12]);
        assert!(lines[12].contains("100.0 %"), "{}", lines[12]);
        assert!(lines[12].ends_with("    1,239"), "{}", lines[12]);
    }

    #[test]
    fn sizes_and_counts_read_as_people_write_them() {
        assert_eq!(bytes(999), "999 B");
        assert_eq!(bytes(1_000), "1.0 kB");
        assert_eq!(bytes(11_443_449), "11.44 MB");
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000), "1,000");
        assert_eq!(count(15_223), "15,223");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(ms(Duration::from_micros(2_346)), "2.35 ms");
        assert_eq!(ms(Duration::from_micros(12_345)), "12.3 ms");
    }

    #[test]
    fn time_measures_only_with_timings() {
        let t = Timings::default();
        let r = Timings::time(Some(&t), Stage::Read, || {
            std::thread::sleep(Duration::from_millis(2));
            7
        });
        assert_eq!(r, 7);
        assert!(t.with(|i| i.stages[Stage::Read as usize]) >= Duration::from_millis(2));
        assert_eq!(Timings::time(None, Stage::Read, || 8), 8);
        // An empty run: no division by zero.
        let empty = Timings::default().table(Duration::ZERO, 1);
        assert!(empty.contains("0 files, 0 B, 0.00 ms elapsed on 1 thread "));
        let t = Timings::default();
        for _ in 0..2_000 {
            t.add_file(10);
        }
        t.add_rule(
            "language/untranslated-french-in-english",
            Duration::from_millis(1),
            0,
        );
        let table = t.table(Duration::from_secs(1), 2);
        assert!(
            table.starts_with("Timings: 2,000 files, 20.0 kB, 1000.0 ms"),
            "{table}"
        );
        // The longest name sets the column: its time is where the others' are.
        let lines: Vec<&str> = table.lines().collect();
        let at = |l: &str| l.find(" ms").expect("a time");
        assert!(lines[2..].iter().all(|l| at(l) == at(lines[2])), "{table}");
        assert!(empty.lines().last().unwrap().contains("0.0 %"));
    }
}
