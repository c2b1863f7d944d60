//! The command line: `factlint check`, `factlint rules list|explain|test`,
//! `factlint config`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use factlint::baseline::Baseline;
use factlint::config::{self, FailOn};
use factlint::lint::FileReport;
use factlint::render::{self, Deferred as _};
use factlint::rules::{RuleSet, test_rule};
use factlint::source::Format;
use factlint::timings::{Stage, Timings};
use factlint::{Lang, error::RuleFileError};

/// factlint: a fact-checking and consistency linter for news articles in
/// Arabic, French and English.
#[derive(Debug, Parser)]
#[command(name = "factlint", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check articles: files, folders (recursively: .txt, .md, .markdown,
    /// honouring .gitignore) or `-` for standard input.
    Check(CheckArgs),
    /// List, explain and test rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Show the effective configuration of a path: the `factlint.toml`
    /// found for it, and each setting with where it comes from.
    Config(ConfigArgs),
}

#[derive(Debug, Subcommand)]
enum RulesCommand {
    /// List the rules in force.
    List {
        #[command(flatten)]
        rules: RuleArgs,
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Show a rule's documentation and examples.
    Explain {
        /// The rule id (`typography/mismatched-quotes`).
        id: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Run the examples of every rule (of the default rules, or of the rule
    /// pack in DIR); exit 1 if any fails.
    Test {
        /// A rule pack to test instead of the default rules.
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ListFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
struct RuleArgs {
    /// A folder of rule files that adds rules and overrides default rules by
    /// id (repeatable; later folders win).
    #[arg(long = "rules", value_name = "DIR")]
    packs: Vec<PathBuf>,
    /// Do not load the default rules (only those of --rules).
    #[arg(long)]
    no_default_rules: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// Diagnostics for a terminal.
    Human,
    /// The JSON report, version 1.
    Json,
    Html,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations (workflow commands).
    Github,
    /// `JUnit` XML, for CI test reports.
    Junit,
    /// A Markdown review summary.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangArg {
    Auto,
    Ar,
    Fr,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Files or folders to check; `-` reads standard input. Default: `.`.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Write the report to FILE (replaced whole, atomically) instead of
    /// standard output.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Language of the articles; `auto` reads front matter, then detects
    /// [default: the configuration's `lang`, else auto].
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Publication date (YYYY-MM-DD) that relative dates are resolved against.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    published: Option<NaiveDate>,
    #[command(flatten)]
    rules: RuleArgs,
    /// A fact sheet (TOML, see README "Fact sheets") whose figures the
    /// `fact` rules check the articles against (repeatable; added to the
    /// default sheets of `rules/facts/`).
    #[arg(long = "facts", value_name = "FILE")]
    facts: Vec<PathBuf>,
    /// Only these rules: ids, id prefixes or categories (comma-separated,
    /// repeatable).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Vec<String>,
    /// Leave out these rules: ids, id prefixes or categories.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    /// Exit 1 when a finding at or above this severity is found
    /// [default: the configuration's `fail-on`, else error].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Colours in the human format.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// Also list every figure understood in each file (human format; the
    /// JSON format always has them under `amounts`).
    #[arg(long)]
    amounts: bool,
    /// Also print each file's dated mentions in chronological order (human
    /// format; the JSON format always has them under `timeline`).
    #[arg(long)]
    timeline: bool,
    /// The original that PATH translates: check the translation against it
    /// (the `translation` rules); exactly one PATH (a file or `-`) is then
    /// allowed. A Markdown file's front matter `source:` does the same.
    #[arg(long, value_name = "ORIGINAL")]
    source: Option<PathBuf>,
    /// The file name to report for standard input (its extension picks the
    /// format: `.md` is Markdown).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Use this configuration file for every input instead of finding a
    /// `factlint.toml` from each file's folder upward.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Report only the findings that the baseline FILE does not hold.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the findings in the baseline FILE and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    /// Check this many files at a time, or split one long file over this
    /// many threads [default: one per core].
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Print to standard error where the time went: each stage (rules,
    /// reading, parsing, extractions, report) and each rule, the slowest
    /// first.
    #[arg(long)]
    timings: bool,
    #[command(flatten)]
    fix: FixArgs,
}

#[derive(Debug, Args)]
struct FixArgs {
    /// Apply the fixes that rules declare safe, in place (standard input:
    /// print the fixed text); report what remains.
    #[arg(long)]
    fix: bool,
    /// Print a unified diff of the fixes instead of writing them; exit 1
    /// when there is something to fix.
    #[arg(long)]
    diff: bool,
    /// With --fix or --diff: also apply the fixes that are not safe.
    #[arg(long)]
    unsafe_fixes: bool,
}

impl FixArgs {
    fn fixer(&self) -> Option<factlint::fix::Fixer> {
        use factlint::fix::{Fixer, Mode};
        let mode = if self.diff {
            Mode::Diff
        } else if self.fix {
            Mode::Write
        } else {
            return None;
        };
        Some(Fixer {
            mode,
            unsafe_fixes: self.unsafe_fixes,
        })
    }
}

#[derive(Debug, Args)]
struct ConfigArgs {
    /// The file or folder whose configuration to show. Default: `.`.
    path: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    format: ListFormat,
    /// Use this configuration file instead of finding one.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// As for `check`: shown as coming from the command line.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    published: Option<NaiveDate>,
    #[command(flatten)]
    rules: RuleArgs,
    #[arg(long = "facts", value_name = "FILE")]
    facts: Vec<PathBuf>,
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Vec<String>,
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("`{s}` is not a date YYYY-MM-DD: {e}"))
}

/// Rule-file errors, all of them, then exit 2. `main` prints the first with
/// `error: `; the others get it here.
fn rule_errors(errors: &[RuleFileError]) -> anyhow::Error {
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    anyhow::anyhow!("{}", text.join("\nerror: "))
}

fn load_rules(args: &RuleArgs) -> Result<RuleSet> {
    RuleSet::load(&args.packs, !args.no_default_rules).map_err(|e| rule_errors(&e))
}

/// What to check. Ordered so that a run's output does not depend on the
/// order of its arguments or of the file system: standard input first, then
/// files by path.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Input {
    Stdin,
    File(PathBuf),
    Missing(PathBuf),
    /// A folder (or a part of one) that could not be walked.
    Unreadable(PathBuf, String),
}

impl Input {
    fn path(&self) -> Option<&Path> {
        match self {
            Input::Stdin => None,
            Input::File(p) | Input::Missing(p) | Input::Unreadable(p, _) => Some(p),
        }
    }
}

/// The path an error of a folder walk is about (`root` when it names none)
/// and its message without the path.
fn walk_error(root: &Path, err: &ignore::Error) -> (PathBuf, String) {
    match err {
        ignore::Error::WithPath { path, err } => (path.clone(), err.to_string()),
        ignore::Error::WithDepth { err, .. } => walk_error(root, err),
        other => (root.to_path_buf(), other.to_string()),
    }
}

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "md" | "markdown"))
}

/// The files to check: folders are walked (honouring `.gitignore` files
/// whether or not the folder is in a Git repository), then every input is
/// sorted by path and listed once. Also returns warnings (a `.gitignore`
/// line that is not a valid pattern).
fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<String>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if p.is_dir() {
            for entry in ignore::WalkBuilder::new(p).require_git(false).build() {
                match entry {
                    Ok(e) => {
                        if e.file_type().is_some_and(|t| t.is_file()) && is_article(e.path()) {
                            out.push(Input::File(e.into_path()));
                        }
                    }
                    Err(e) if e.is_partial() => warnings.push(e.to_string()),
                    Err(e) => {
                        let (path, message) = walk_error(p, &e);
                        out.push(Input::Unreadable(path, message));
                    }
                }
            }
        } else if p.exists() || p.symlink_metadata().is_ok() {
            // A dangling link or a link loop is read, and its error told.
            out.push(Input::File(p.clone()));
        } else {
            out.push(Input::Missing(p.clone()));
        }
    }
    out.sort_by(|a, b| (a.path(), a).cmp(&(b.path(), b)));
    out.dedup();
    warnings.sort();
    warnings.dedup();
    (out, warnings)
}

/// `--lang`: `None` when not given, `Some(None)` for `auto`.
#[allow(clippy::option_option)] // as `config::Overrides::lang`
fn lang_arg(lang: Option<LangArg>) -> Option<Option<Lang>> {
    lang.map(|l| match l {
        LangArg::Auto => None,
        LangArg::Ar => Some(Lang::Ar),
        LangArg::Fr => Some(Lang::Fr),
        LangArg::En => Some(Lang::En),
    })
}

/// Configuration errors, all of them, then exit 2 (as [`rule_errors`]).
fn config_errors(errors: &[config::ConfigError]) -> anyhow::Error {
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    anyhow::anyhow!("{}", text.join("\nerror: "))
}

/// Groups the inputs by their configuration (`factlint.toml` or
/// `--config`), one linter per group (see `src/config.rs`).
fn plan_inputs(args: &CheckArgs, paths: &[PathBuf], inputs: &[Input]) -> Result<config::Plan> {
    let overrides = config::Overrides {
        config: args.config.clone(),
        lang: lang_arg(args.lang),
        published: args.published,
        fail_on: args.fail_on,
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        rules: args.rules.packs.clone(),
        no_default_rules: args.rules.no_default_rules,
        facts: args.facts.clone(),
    };
    // A set, not `paths.contains`: a shell glob hands over thousands of
    // files, and comparing each with every path given (component by
    // component) took longer than checking 2,000 short articles' worth of
    // them. `Path`'s hash agrees with its equality (by components).
    let given: std::collections::HashSet<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let targets: Vec<config::Target<'_>> = inputs
        .iter()
        .map(|input| match input {
            Input::Stdin => config::Target::Stdin(args.stdin_filename.as_deref().map(Path::new)),
            Input::File(p) | Input::Missing(p) | Input::Unreadable(p, _) => config::Target::File {
                path: p,
                explicit: given.contains(p.as_path()),
            },
        })
        .collect();
    config::Plan::build(&overrides, &targets).map_err(|e| config_errors(&e))
}

fn run_check(args: &CheckArgs) -> Result<ExitCode> {
    let started = args.timings.then(std::time::Instant::now);
    let timings = args.timings.then(std::sync::Arc::<Timings>::default);
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let original = args
        .source
        .as_deref()
        .map(|source| read_source(source, &paths))
        .transpose()?;
    let (inputs, warnings) = collect_inputs(&paths);
    let mut plan = Timings::time(timings.as_deref(), Stage::Rules, || {
        plan_inputs(args, &paths, &inputs)
    })?;
    if let Some(original) = &original {
        for run in &mut plan.runs {
            run.linter.original = Some(std::sync::Arc::clone(original));
        }
    }
    // One file is checked on this thread, and a long one split over all
    // cores; several go to all cores whole (see `ordered::split_document`).
    let split = plan.assignment.iter().flatten().count() == 1;
    // Every figure and dated mention of every file is kept until the end
    // only for the reports that list them (JSON, HTML, `--amounts`,
    // `--timeline`); the others drop them as each file is done, and do not
    // extract them when no rule reads them.
    let keep_mentions = matches!(args.format, OutputFormat::Json | OutputFormat::Html)
        || args.amounts
        || args.timeline;
    for run in &mut plan.runs {
        run.linter.split = split;
        run.linter.figures = keep_mentions;
        run.linter.timings.clone_from(&timings);
    }
    let baseline = args.baseline.as_deref().map(Baseline::load).transpose()?;
    // Files that an `exclude` glob of their configuration skips are left
    // out; the others keep their order.
    let (inputs, runs): (Vec<&Input>, Vec<&config::Run>) = inputs
        .iter()
        .zip(&plan.assignment)
        .filter_map(|(input, run)| run.map(|r| (input, &plan.runs[r])))
        .unzip();
    let fixer = args.fix.fixer();
    let rules = if matches!(args.format, OutputFormat::Sarif) {
        plan.rule_info()
    } else {
        Vec::new()
    };
    let mut out = Outcome::new(args, baseline.as_ref(), split, &rules)?;
    // A progress bar for long runs on a terminal, unless the report itself
    // goes to that terminal as the files are done.
    let progress =
        if inputs.len() >= 20 && std::io::stderr().is_terminal() && !out.streams_to_terminal() {
            indicatif::ProgressBar::new(inputs.len() as u64)
        } else {
            indicatif::ProgressBar::hidden()
        };
    let check_one = |&(input, run): &(&Input, &config::Run)| {
        let linter = &run.linter;
        let mut report = check_input(args, input, linter);
        if !keep_mentions && let FileReport::Checked { amounts, dates, .. } = &mut report {
            *amounts = Vec::new();
            *dates = Vec::new();
        }
        match &fixer {
            Some(fixer) => {
                let file = if let Input::File(p) = input {
                    Some(&**p)
                } else {
                    None
                };
                let (report, note) = fixer.fix(linter, report, file);
                (report, Some(note))
            }
            None => (report, None),
        }
    };
    // Diagnostics about inputs go to standard error.
    for w in &warnings {
        let _ = writeln!(std::io::stderr().lock(), "warning: {w}");
    }
    // Several files go to all cores and their reports come back in input
    // order, each written (or kept, for the formats that need them all) as
    // soon as those before it are: a run over an archive holds a few
    // reports at a time. One file is checked on this thread (a long one split
    // over all cores).
    let work: Vec<(&Input, &config::Run)> = inputs.into_iter().zip(runs).collect();
    let mut write_error = None;
    // Results come in input order: each is the next input's.
    let mut runs_in_order = work.iter().map(|(_, run)| *run);
    let emit = |(report, note): (FileReport, Option<factlint::fix::Note>)| {
        let run = runs_in_order.next().expect("one run per input");
        progress.inc(1);
        let taken = Timings::time(timings.as_deref(), Stage::Report, || {
            out.take(report, run, note)
        });
        match taken {
            Ok(()) => std::ops::ControlFlow::Continue(()),
            // A closed output (`| head`): nothing more is written, but the
            // files are still checked for the exit status.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                out.closed = true;
                std::ops::ControlFlow::Continue(())
            }
            Err(e) => {
                write_error = Some(e);
                std::ops::ControlFlow::Break(())
            }
        }
    };
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global()
            .context("cannot start the threads")?;
    }
    // Eight files per thread past the last one written: few enough to keep
    // memory small, enough that a long file seldom holds the others back.
    factlint::ordered::for_each(&work, 8, check_one, emit);
    progress.finish_and_clear();
    if let Some(e) = write_error {
        return Err(anyhow::Error::new(e).context("cannot write the report"));
    }
    let code = Timings::time(timings.as_deref(), Stage::Report, || {
        out.finish(args, &plan)
    });
    if let (Some(t), Some(started)) = (&timings, started) {
        let table = t.table(started.elapsed(), rayon::current_num_threads());
        let _ = std::io::stderr().lock().write_all(table.as_bytes());
    }
    // The process ends here: freeing the rule sets, their automata and
    // word lists one allocation at a time took a third of the start-up
    // time. The operating system takes the memory back.
    drop(work);
    std::mem::forget(plan);
    code
}

/// `--source ORIGINAL`: the original, read once, for the one translation
/// in `paths`.
fn read_source(
    source: &Path,
    paths: &[PathBuf],
) -> Result<std::sync::Arc<factlint::source::SourceFile>> {
    match paths {
        [one] if !one.is_dir() => {}
        [one] => bail!(
            "--source {}: the translation must be a file, not a folder ({})",
            source.display(),
            one.display()
        ),
        _ => bail!(
            "--source {} checks one translation: give exactly one PATH (got {})",
            source.display(),
            paths.len()
        ),
    }
    let file = factlint::lint::read_original(source).map_err(|message| {
        anyhow::anyhow!("--source {}: cannot read: {message}", source.display())
    })?;
    Ok(std::sync::Arc::new(file))
}

/// Checks one input with its linter.
fn check_input(args: &CheckArgs, input: &Input, linter: &factlint::lint::Linter) -> FileReport {
    match input {
        Input::Stdin => {
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| "<stdin>".into());
            let stdin = std::io::stdin().lock();
            match factlint::source::read_input(stdin, factlint::source::MAX_INPUT_BYTES) {
                Ok(bytes) => linter.check_bytes(&name, bytes, Format::from_path(Path::new(&name))),
                Err(source) => {
                    FileReport::Error(factlint::error::InputError::Io { path: name, source })
                }
            }
        }
        Input::File(p) => linter.check_path(p),
        Input::Missing(p) => FileReport::Error(factlint::error::InputError::Io {
            path: p.display().to_string(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
        }),
        Input::Unreadable(p, message) => FileReport::Error(factlint::error::InputError::Io {
            path: p.display().to_string(),
            source: std::io::Error::other(message.clone()),
        }),
    }
}

/// Where a report that is written file by file goes.
enum Output {
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
    /// `--output FILE`: replaced whole when the report is done.
    File(std::io::BufWriter<factlint::atomic::Pending>),
}

impl Output {
    fn open(path: Option<&Path>) -> Result<Output> {
        Ok(match path {
            Some(path) => Output::File(std::io::BufWriter::with_capacity(
                1 << 16,
                factlint::atomic::Pending::create(path)
                    .with_context(|| format!("--output {}", path.display()))?,
            )),
            None => Output::Stdout(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout().lock(),
            )),
        })
    }

    /// Flushes standard output, or puts the file in place.
    fn close(self) -> std::io::Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush(),
            Output::File(w) => w
                .into_inner()
                .map_err(std::io::IntoInnerError::into_error)?
                .commit(None),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::File(w) => w.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match self {
            Output::Stdout(w) => w.write_all(buf),
            Output::File(w) => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::File(w) => w.flush(),
        }
    }
}

/// The report as the files come.
enum Sink {
    Human(render::human::Writer, Output),
    Json(render::json::Writer, Output),
    Sarif(render::sarif::Writer, Output),
    Github(Output),
    /// The formats whose opening counts every file (HTML, Markdown,
    /// `JUnit`): each file's part is drawn as it comes, and the whole
    /// written at the end.
    Html(render::html::Writer, Output),
    Markdown(render::markdown::Writer, Output),
    Junit(render::junit::Writer, Output),
    /// `--amounts`, `--timeline` and fixes: the reports are kept and the
    /// report rendered at the end (`styled`: with colours).
    Collect {
        reports: Vec<FileReport>,
        styled: bool,
    },
}

/// What a run does with each file's report, in input order, and at the
/// end: the baseline, the diagnostics, the report, the exit status.
struct Outcome {
    sink: Sink,
    /// `--baseline`: the entries not used yet.
    filter: Option<factlint::baseline::Filter>,
    /// `--write-baseline`: the findings so far.
    new_baseline: Option<Baseline>,
    fix_mode: Option<factlint::fix::Mode>,
    notes: Vec<factlint::fix::Note>,
    /// Some file fails its configuration's `fail-on`.
    failing: bool,
    /// Some input could not be read.
    input_error: bool,
    /// Standard output was closed (`| head`): nothing more is written, and
    /// that is no error.
    closed: bool,
}

impl Outcome {
    /// `split`: one file is checked, and a long one's report may be drawn
    /// on all cores. `rules`: the rules in force (a SARIF log opens with
    /// them).
    fn new(
        args: &CheckArgs,
        baseline: Option<&Baseline>,
        split: bool,
        rules: &[render::RuleInfo],
    ) -> Result<Outcome> {
        let styled = match args.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                args.output.is_none()
                    && std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none()
            }
        };
        let fixer = args.fix.fixer();
        let stream = fixer.is_none() && !args.amounts && !args.timeline;
        let sink = match args.format {
            OutputFormat::Human if stream => Sink::Human(
                render::human::Writer::new(styled).split(split),
                Output::open(args.output.as_deref())?,
            ),
            OutputFormat::Json if stream => {
                // The opening goes into the output's buffer: no write to
                // the file or pipe yet.
                let mut output = Output::open(args.output.as_deref())?;
                let writer =
                    render::json::Writer::new(&mut output).context("cannot write the report")?;
                Sink::Json(writer.split(split), output)
            }
            OutputFormat::Sarif if stream => Sink::Sarif(
                render::sarif::Writer::new(rules)
                    .context("cannot write the report")?
                    .split(split),
                Output::open(args.output.as_deref())?,
            ),
            OutputFormat::Github if stream => Sink::Github(Output::open(args.output.as_deref())?),
            // (`--amounts` and `--timeline` add to the human report only.)
            OutputFormat::Html if fixer.is_none() => Sink::Html(
                render::html::Writer::default(),
                Output::open(args.output.as_deref())?,
            ),
            OutputFormat::Markdown if fixer.is_none() => Sink::Markdown(
                render::markdown::Writer::default(),
                Output::open(args.output.as_deref())?,
            ),
            OutputFormat::Junit if fixer.is_none() => Sink::Junit(
                render::junit::Writer::default(),
                Output::open(args.output.as_deref())?,
            ),
            _ => Sink::Collect {
                reports: Vec::new(),
                styled,
            },
        };
        Ok(Outcome {
            sink,
            filter: baseline.map(Baseline::filter_one_by_one),
            new_baseline: args.write_baseline.as_ref().map(|_| Baseline::of(&[])),
            fix_mode: fixer.map(|f| f.mode),
            notes: Vec::new(),
            failing: false,
            input_error: false,
            closed: false,
        })
    }

    /// True when the report is written to a terminal as the files are done.
    fn streams_to_terminal(&self) -> bool {
        match &self.sink {
            Sink::Human(_, out) | Sink::Json(_, out) | Sink::Sarif(_, out) | Sink::Github(out) => {
                matches!(out, Output::Stdout(_)) && std::io::stdout().is_terminal()
            }
            Sink::Html(..) | Sink::Markdown(..) | Sink::Junit(..) | Sink::Collect { .. } => false,
        }
    }

    /// Takes the next file's report (and its fix note).
    fn take(
        &mut self,
        mut report: FileReport,
        run: &config::Run,
        note: Option<factlint::fix::Note>,
    ) -> std::io::Result<()> {
        if let Some(filter) = &mut self.filter {
            filter.apply(&mut report);
        }
        // Diagnostics about inputs go to standard error; a closed standard
        // error is not an error.
        match &report {
            FileReport::Binary { path } => {
                let _ = writeln!(
                    std::io::stderr().lock(),
                    "warning: {path}: skipped: binary file (it holds NUL bytes)"
                );
            }
            FileReport::Error(e) => {
                self.input_error = true;
                let _ = writeln!(std::io::stderr().lock(), "error: {e}");
            }
            FileReport::Checked { .. } => {}
        }
        // Each file against its own configuration's `fail-on`.
        self.failing |= run.settings.fail_on.value.fails(&report);
        if let Some(b) = &mut self.new_baseline {
            b.add(&report);
        }
        self.notes.extend(note);
        match &mut self.sink {
            Sink::Human(..) | Sink::Json(..) | Sink::Sarif(..) | Sink::Github(..)
                if self.closed =>
            {
                Ok(())
            }
            Sink::Human(writer, out) => writer.file(out, &report),
            Sink::Json(writer, out) => writer.file(out, &report),
            Sink::Sarif(writer, out) => writer.file(out, &report),
            Sink::Github(out) => render::github::write_file(out, &report),
            Sink::Html(writer, _) => writer.file(&report),
            Sink::Markdown(writer, _) => writer.file(&report),
            Sink::Junit(writer, _) => writer.file(&report),
            Sink::Collect { reports, .. } => {
                reports.push(report);
                Ok(())
            }
        }
    }

    /// Writes the end of the report (or the whole of it), the fix
    /// messages and the baseline, and says the exit status.
    fn finish(self, args: &CheckArgs, plan: &config::Plan) -> Result<ExitCode> {
        let baselined = self.filter.as_ref().map_or(0, |f| f.hidden);
        let mut input_error = self.input_error;
        let fixes = self
            .fix_mode
            .map(|mode| factlint::fix::Summary::of(mode, self.notes));
        if let Some(fixes) = &fixes {
            let mut stderr = std::io::stderr().lock();
            for m in &fixes.messages {
                let _ = writeln!(stderr, "{m}");
            }
            input_error |= fixes.write_error;
        }
        let ended = match self.sink {
            _ if self.closed => Ok(()),
            Sink::Human(writer, mut out) => writer
                .finish(&mut out, baselined)
                .and_then(|()| out.close()),
            Sink::Json(writer, mut out) => writer
                .finish(&mut out, baselined)
                .and_then(|()| out.close()),
            Sink::Sarif(writer, mut out) => writer.finish(&mut out).and_then(|()| out.close()),
            Sink::Github(out) => out.close(),
            Sink::Html(writer, mut out) => writer.finish(&mut out).and_then(|()| out.close()),
            Sink::Markdown(writer, mut out) => writer.finish(&mut out).and_then(|()| out.close()),
            Sink::Junit(writer, mut out) => writer.finish(&mut out).and_then(|()| out.close()),
            Sink::Collect { reports, styled } => {
                let written = write_whole(args, &reports, plan, fixes.as_ref(), styled, baselined);
                // Freeing every report one allocation at a time is work
                // that the end of the process does at once.
                std::mem::forget(reports);
                written?;
                Ok(())
            }
        };
        match ended {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                return Err(anyhow::Error::new(e).context("cannot write the report"));
            }
            _ => {}
        }
        if let (Some(path), Some(baseline)) = (&args.write_baseline, &self.new_baseline) {
            baseline.write(path)?;
        }
        if input_error {
            return Ok(ExitCode::from(2));
        }
        if args.write_baseline.is_some() {
            return Ok(ExitCode::SUCCESS);
        }
        if let Some(f) = &fixes
            && args.fix.diff
        {
            return Ok(ExitCode::from(u8::from(f.changed)));
        }
        Ok(ExitCode::from(u8::from(self.failing)))
    }
}

/// Renders a report that needs every file's report, and writes it (with a
/// fixed standard input, or the diffs of `--diff`).
fn write_whole(
    args: &CheckArgs,
    reports: &[FileReport],
    plan: &config::Plan,
    fixes: Option<&factlint::fix::Summary>,
    styled: bool,
    baselined: usize,
) -> Result<()> {
    let fixed_stdin = fixes.and_then(|f| f.stdout_text.as_ref());
    let output = match args.format {
        OutputFormat::Human if args.amounts || args.timeline => {
            let mut out = String::new();
            if args.amounts {
                out.push_str(&render::human::render_amounts(reports));
            }
            if args.timeline {
                out.push_str(&render::human::render_timeline(reports));
            }
            out.push_str(&render::human::render_baselined(reports, styled, baselined));
            out
        }
        OutputFormat::Human => render::human::render_baselined(reports, styled, baselined),
        OutputFormat::Json => render::json::render_baselined(reports, baselined),
        OutputFormat::Html => render::html::render(reports),
        OutputFormat::Sarif => render::sarif::render(reports, &plan.rule_info()),
        OutputFormat::Github => render::github::render(reports),
        OutputFormat::Junit => render::junit::render(reports),
        OutputFormat::Markdown => render::markdown::render(reports),
    };
    let output = match fixes {
        // `--diff` prints the diffs instead of the report.
        Some(f) if args.fix.diff => f.diff.clone(),
        _ => output,
    };
    if let Some(path) = &args.output {
        write_atomically(path, output.as_bytes())?;
    } else if fixed_stdin.is_some() {
        // Standard output holds the fixed text: the report goes to standard
        // error.
        let _ = std::io::stderr().lock().write_all(output.as_bytes());
    } else {
        write_stdout(output.as_bytes())?;
    }
    if let Some(text) = fixed_stdin {
        write_stdout(text.as_bytes())?;
    }
    Ok(())
}

/// Writes to standard output; a closed pipe is not an error.
fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(()),
    }
}

/// Replaces `path` with `bytes` whole: a temporary file in the same folder,
/// renamed over it, so that a reader never sees half a report.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    factlint::atomic::write(path, bytes, None)
        .with_context(|| format!("--output {}", path.display()))
}

fn run_rules(cmd: RulesCommand) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match cmd {
        RulesCommand::List { rules, format } => {
            let set = load_rules(&rules)?;
            match format {
                ListFormat::Human => out.write_all(factlint::rules::docs::list(&set).as_bytes())?,
                ListFormat::Json => {
                    out.write_all(factlint::rules::docs::list_json(&set).as_bytes())?;
                }
            }
        }
        RulesCommand::Explain { id, rules } => {
            let set = load_rules(&rules)?;
            let Some(rule) = set.get(&id) else {
                let close: Vec<&str> = set
                    .rules()
                    .iter()
                    .map(|r| &*r.id)
                    .filter(|r| r.contains(id.as_str()) || id.contains(r))
                    .collect();
                if close.is_empty() {
                    bail!("no rule `{id}` (see `factlint rules list`)");
                }
                bail!("no rule `{id}`; did you mean {}?", close.join(", "));
            };
            out.write_all(factlint::rules::docs::explain(rule).as_bytes())?;
        }
        RulesCommand::Test { dir } => {
            let set = match &dir {
                Some(d) => {
                    RuleSet::load(std::slice::from_ref(d), true).map_err(|e| rule_errors(&e))?
                }
                None => RuleSet::embedded().map_err(|e| rule_errors(&e))?,
            };
            let mut failures = Vec::new();
            let mut tested = 0usize;
            let mut examples = 0usize;
            for rule in set.rules() {
                // Only the pack's own rules. An embedded rule's origin
                // (`rules/<id>.toml`) looks like a path under a pack called
                // `rules`, but names no file there.
                if let Some(d) = &dir {
                    let origin = Path::new(&rule.origin);
                    if !(origin.starts_with(d) && origin.is_file()) {
                        continue;
                    }
                }
                tested += 1;
                examples += rule.meta.examples.len();
                failures.extend(test_rule(rule, set.data()));
            }
            for f in &failures {
                if f.example == 0 {
                    writeln!(out, "FAIL {}: {}", f.rule, f.message)?;
                } else {
                    writeln!(
                        out,
                        "FAIL {} example {}: {}\n     text: {:?}",
                        f.rule, f.example, f.message, f.text
                    )?;
                }
            }
            let bad_rules = {
                let mut v: Vec<&str> = failures.iter().map(|f| f.rule.as_str()).collect();
                v.dedup();
                v.len()
            };
            writeln!(
                out,
                "{} passed, {} failed ({examples} examples in {tested} rules)",
                tested - bad_rules,
                bad_rules
            )?;
            return Ok(ExitCode::from(u8::from(!failures.is_empty())));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `factlint config [PATH]`: the effective configuration of PATH.
fn run_config(args: &ConfigArgs) -> Result<ExitCode> {
    let path = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
    let overrides = config::Overrides {
        config: args.config.clone(),
        lang: lang_arg(args.lang),
        published: args.published,
        fail_on: args.fail_on,
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        rules: args.rules.packs.clone(),
        no_default_rules: args.rules.no_default_rules,
        facts: args.facts.clone(),
    };
    // A folder's configuration is that of a file in it.
    let probe = if path.is_dir() {
        path.join("-")
    } else {
        path.clone()
    };
    let targets = [
        config::Target::File {
            path: &probe,
            explicit: false,
        },
        config::Target::File {
            path: &probe,
            explicit: true,
        },
    ];
    let plan = config::Plan::build(&overrides, &targets).map_err(|e| config_errors(&e))?;
    let excluded = plan.assignment[0].is_none();
    let run = &plan.runs[0];
    let out = match args.format {
        ListFormat::Human => config::render_human(&run.settings, &path, excluded),
        ListFormat::Json => config::render_json(&run.settings, &path, excluded),
    };
    write_stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => run_check(&args),
        Command::Rules(cmd) => run_rules(cmd),
        Command::Config(args) => run_config(&args),
    }
}
