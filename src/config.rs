//! Configuration files: `factlint.toml`.
//!
//! A configuration is found from each checked file's folder upward, as ruff
//! and `.editorconfig` do: the nearest `factlint.toml` wins (configurations
//! are not merged), and the search stops at the file system root. With
//! `--config FILE` there is no discovery: every file uses FILE.
//!
//! Its top-level keys are named like the flags of `factlint check`. Paths
//! in it (`rules`, `facts`, `exclude`) are relative to its folder. Every key
//! and value is checked: an unknown key or an invalid value is an error
//! with the file's path, line and column.
//!
//! Precedence, for each file: the command line, then (for `lang` and
//! `published`) a Markdown file's front matter, then the configuration,
//! then the defaults. A run may check files under different configurations
//! (a folder with two of them): [`Plan`] groups the inputs by their
//! configuration and builds one [`Linter`] per group.

use std::collections::{BTreeMap, HashMap};
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use crate::document::Lang;
use crate::error::RuleFileError;
use crate::lint::{FileReport, Linter};
use crate::render::{RuleInfo, Summary};
use crate::rules::{Category, RuleSet, Selector, Severity};

/// The name of a configuration file.
pub const FILE_NAME: &str = "factlint.toml";

/// The lowest severity that makes the exit status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Error => "error",
            FailOn::Warning => "warning",
            FailOn::Info => "info",
            FailOn::Never => "never",
        }
    }

    fn parse(s: &str) -> Option<FailOn> {
        [FailOn::Error, FailOn::Warning, FailOn::Info, FailOn::Never]
            .into_iter()
            .find(|f| f.as_str() == s)
    }

    /// True when `report` has a finding at or above this threshold.
    pub fn fails(self, report: &FileReport) -> bool {
        let s = Summary::of(std::slice::from_ref(report));
        match self {
            FailOn::Never => false,
            FailOn::Error => s.errors > 0,
            FailOn::Warning => s.errors + s.warnings > 0,
            FailOn::Info => s.findings > 0,
        }
    }
}

// ---------------------------------------------------------------------------
// Errors.

/// An error of a configuration, or of what it names.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The configuration file itself: a TOML error, an unknown key, an
    /// invalid value.
    #[error("{}", ConfigFileError(.0))]
    File(RuleFileError),
    /// A rule file or fact sheet it (or the command line) names.
    #[error(transparent)]
    Rules(RuleFileError),
    /// Anything else (a command-line `--select` that matches no rule).
    #[error("{0}")]
    Other(String),
}

/// Shows a configuration file error as a rule file error is shown, but
/// says what kind of file it is.
struct ConfigFileError<'a>(&'a RuleFileError);

impl fmt::Display for ConfigFileError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.0;
        write!(f, "{}", e.path)?;
        if let Some(loc) = &e.location {
            write!(f, ":{}:{}", loc.line, loc.column)?;
        }
        write!(f, ": invalid configuration: {}", e.message)?;
        if let Some(key) = &e.key {
            write!(f, " (key `{key}`)")?;
        }
        if let (Some(line), Some(loc)) = (&e.source_line, &e.location) {
            let pad = " ".repeat(loc.line.to_string().len());
            write!(f, "\n{pad} |\n{} | {line}\n{pad} |", loc.line)?;
        }
        Ok(())
    }
}

fn parse_severity(s: &str) -> Option<Severity> {
    [Severity::Info, Severity::Warning, Severity::Error]
        .into_iter()
        .find(|v| v.as_str() == s)
}

/// How specifically a `[severity]` key names a rule, or `None` when it does
/// not: the exact id wins over an id prefix (a longer one over a shorter
/// one), which wins over a category, which wins over `all`.
pub fn severity_key_rank(key: &str, id: &str, category: Category) -> Option<(u8, usize)> {
    let key = key.trim_end_matches('/');
    if id == key {
        Some((3, key.len()))
    } else if id
        .strip_prefix(key)
        .is_some_and(|rest| rest.starts_with('/'))
    {
        Some((2, key.len()))
    } else if key == category.as_str() {
        Some((1, 0))
    } else if key == "all" {
        Some((0, 0))
    } else {
        None
    }
}

// ---------------------------------------------------------------------------
// The file.

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    lang: Option<Spanned<String>>,
    published: Option<Spanned<toml::Value>>,
    fail_on: Option<Spanned<String>>,
    select: Option<Spanned<Vec<Spanned<String>>>>,
    ignore: Option<Spanned<Vec<Spanned<String>>>>,
    rules: Option<Spanned<Vec<Spanned<String>>>>,
    no_default_rules: Option<Spanned<bool>>,
    facts: Option<Spanned<Vec<Spanned<String>>>>,
    exclude: Option<Spanned<Vec<Spanned<String>>>>,
    severity: Option<Spanned<BTreeMap<Spanned<String>, Spanned<String>>>>,
}

/// A value of a configuration file and where it is (a byte offset).
#[derive(Debug, Clone)]
pub struct Item<T> {
    pub value: T,
    pub offset: usize,
}

fn item<T, U>(s: &Spanned<T>, value: U) -> Item<U> {
    Item {
        value,
        offset: s.span().start,
    }
}

/// A parsed `factlint.toml`.
#[derive(Debug)]
pub struct Config {
    /// The file, as shown (relative to the current folder when under it).
    pub path: PathBuf,
    /// Its folder, as shown: relative paths in it are joined to this.
    pub dir: PathBuf,
    /// Its folder, absolute (`exclude` globs are matched under it).
    abs_dir: PathBuf,
    text: String,
    pub lang: Option<Item<Lang>>,
    pub published: Option<Item<NaiveDate>>,
    pub fail_on: Option<Item<FailOn>>,
    pub select: Option<Item<Vec<Item<String>>>>,
    pub ignore: Option<Item<Vec<Item<String>>>>,
    /// Rule folders, joined to [`Config::dir`].
    pub rules: Option<Item<Vec<PathBuf>>>,
    pub no_default_rules: Option<Item<bool>>,
    /// Fact sheets, joined to [`Config::dir`].
    pub facts: Option<Item<Vec<PathBuf>>>,
    pub exclude: Option<Item<Vec<String>>>,
    exclude_matcher: Option<ignore::gitignore::Gitignore>,
    /// `[severity]`: rule id, id prefix or category, and its severity.
    pub severity: Vec<Item<(String, Severity)>>,
}

impl Config {
    /// Reads the configuration file `path` (`--config FILE`).
    pub fn load(path: &Path) -> Result<Config, Vec<ConfigError>> {
        let abs = Discovery::new().absolute(path);
        Config::load_shown(path, &abs)
    }

    /// Reads `abs`, showing it as `shown`.
    fn load_shown(shown: &Path, abs: &Path) -> Result<Config, Vec<ConfigError>> {
        let display = shown.display().to_string();
        let text = std::fs::read_to_string(abs).map_err(|e| {
            vec![ConfigError::File(RuleFileError::whole(
                &display,
                format!("cannot read: {e}"),
            ))]
        })?;
        let dir = shown.parent().unwrap_or(Path::new("")).to_path_buf();
        let abs_dir = abs.parent().unwrap_or(Path::new("/")).to_path_buf();
        Config::parse(shown, &dir, &abs_dir, text)
    }

    /// Parses the text of a configuration file shown as `path`, whose
    /// relative paths are joined to `dir` (and matched under `abs_dir`).
    pub fn parse(
        path: &Path,
        dir: &Path,
        abs_dir: &Path,
        text: String,
    ) -> Result<Config, Vec<ConfigError>> {
        let display = path.display().to_string();
        let raw: RawConfig = toml::from_str(&text).map_err(|e| {
            vec![ConfigError::File(RuleFileError::from_toml(
                &display, &text, &e,
            ))]
        })?;
        let mut errors = Vec::new();
        let mut err = |offset: usize, key: &str, message: String| {
            let mut e = RuleFileError::at(&display, &text, offset, message);
            e.key = Some(key.to_owned());
            errors.push(ConfigError::File(e));
        };

        let lang = raw.lang.as_ref().and_then(|s| {
            let lang = s.get_ref().parse::<Lang>().ok();
            if lang.is_none() {
                err(
                    s.span().start,
                    "lang",
                    format!("unknown language `{}` (use ar, fr or en)", s.get_ref()),
                );
            }
            lang.map(|l| item(s, l))
        });
        let published = raw.published.as_ref().and_then(|s| {
            let date = match s.get_ref() {
                toml::Value::String(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d").ok(),
                toml::Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => {
                    NaiveDate::parse_from_str(&d.to_string(), "%Y-%m-%d").ok()
                }
                _ => None,
            };
            if date.is_none() {
                let shown = match s.get_ref() {
                    toml::Value::String(v) => v.clone(),
                    other => other.to_string(),
                };
                err(
                    s.span().start,
                    "published",
                    format!("`{shown}` is not a date YYYY-MM-DD"),
                );
            }
            date.map(|d| item(s, d))
        });
        let fail_on = raw.fail_on.as_ref().and_then(|s| {
            let fail_on = FailOn::parse(s.get_ref());
            if fail_on.is_none() {
                err(
                    s.span().start,
                    "fail-on",
                    format!(
                        "unknown severity `{}` (use error, warning, info or never)",
                        s.get_ref()
                    ),
                );
            }
            fail_on.map(|f| item(s, f))
        });
        let names = |s: &Spanned<Vec<Spanned<String>>>| {
            item(
                s,
                s.get_ref()
                    .iter()
                    .map(|n| item(n, n.get_ref().clone()))
                    .collect::<Vec<_>>(),
            )
        };
        let paths = |s: &Spanned<Vec<Spanned<String>>>| {
            item(
                s,
                s.get_ref()
                    .iter()
                    .map(|p| dir.join(p.get_ref()))
                    .collect::<Vec<_>>(),
            )
        };
        let mut severity = Vec::new();
        if let Some(table) = &raw.severity {
            for (key, value) in table.get_ref() {
                let Some(sev) = parse_severity(value.get_ref()) else {
                    err(
                        value.span().start,
                        key.get_ref(),
                        format!(
                            "unknown severity `{}` (use error, warning or info)",
                            value.get_ref()
                        ),
                    );
                    continue;
                };
                severity.push(item(key, (key.get_ref().clone(), sev)));
            }
            severity.sort_by_key(|i| i.offset);
        }
        let mut exclude_matcher = None;
        if let Some(globs) = &raw.exclude {
            let mut builder = ignore::gitignore::GitignoreBuilder::new(abs_dir);
            for g in globs.get_ref() {
                if let Err(e) = builder.add_line(None, g.get_ref()) {
                    err(
                        g.span().start,
                        "exclude",
                        format!("invalid glob `{}`: {e}", g.get_ref()),
                    );
                }
            }
            match builder.build() {
                Ok(m) => exclude_matcher = Some(m),
                Err(e) => err(globs.span().start, "exclude", e.to_string()),
            }
        }
        let config = Config {
            path: path.to_path_buf(),
            dir: dir.to_path_buf(),
            abs_dir: abs_dir.to_path_buf(),
            lang,
            published,
            fail_on,
            select: raw.select.as_ref().map(names),
            ignore: raw.ignore.as_ref().map(names),
            rules: raw.rules.as_ref().map(paths),
            no_default_rules: raw.no_default_rules.as_ref().map(|s| item(s, *s.get_ref())),
            facts: raw.facts.as_ref().map(paths),
            exclude: raw
                .exclude
                .as_ref()
                .map(|s| item(s, s.get_ref().iter().map(|g| g.get_ref().clone()).collect())),
            exclude_matcher,
            severity,
            text: String::new(),
        };
        if errors.is_empty() {
            Ok(Config { text, ..config })
        } else {
            Err(errors)
        }
    }

    /// The 1-based line of a byte offset of the file.
    pub fn line_of(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())]
            .matches('\n')
            .count()
            + 1
    }

    fn error_at(&self, offset: usize, key: &str, message: String) -> ConfigError {
        let mut e = RuleFileError::at(
            &self.path.display().to_string(),
            &self.text,
            offset,
            message,
        );
        e.key = Some(key.to_owned());
        ConfigError::File(e)
    }

    /// True when an `exclude` glob matches the file (or a folder it is in).
    /// `abs` is the file's absolute path; a file outside the
    /// configuration's folder is never excluded.
    pub fn excludes(&self, abs: &Path) -> bool {
        let Some(matcher) = &self.exclude_matcher else {
            return false;
        };
        match abs.strip_prefix(&self.abs_dir) {
            Ok(rel) if !rel.as_os_str().is_empty() => {
                matcher.matched_path_or_any_parents(rel, false).is_ignore()
            }
            _ => false,
        }
    }
}

// ---------------------------------------------------------------------------
// Discovery.

/// Finds the configuration of files, reading each folder's at most once.
#[derive(Debug)]
pub struct Discovery {
    cwd: PathBuf,
    /// Absolute folder → the configuration that applies in it.
    cache: HashMap<PathBuf, Option<Arc<Config>>>,
    /// Configurations that could not be loaded.
    pub errors: Vec<ConfigError>,
}

impl Discovery {
    pub fn new() -> Discovery {
        Discovery {
            cwd: std::env::current_dir().unwrap_or_default(),
            cache: HashMap::new(),
            errors: Vec::new(),
        }
    }

    /// The configuration of a file (or of standard input, `None`: found from
    /// the current folder): the nearest `factlint.toml` in its folder or
    /// above.
    pub fn discover(&mut self, file: Option<&Path>) -> Option<Arc<Config>> {
        let start = match file {
            Some(f) => {
                let abs = self.absolute(f);
                abs.parent()
                    .map_or_else(|| self.cwd.clone(), Path::to_path_buf)
            }
            None => self.cwd.clone(),
        };
        self.discover_in(&start)
    }

    /// `path` made absolute, with `.` and `..` resolved lexically, so that
    /// walking up its parents walks up the folders it is in.
    fn absolute(&self, path: &Path) -> PathBuf {
        let mut out = PathBuf::new();
        for c in self.cwd.join(path).components() {
            match c {
                std::path::Component::CurDir => {}
                std::path::Component::ParentDir => {
                    out.pop();
                }
                other => out.push(other),
            }
        }
        out
    }

    fn discover_in(&mut self, start: &Path) -> Option<Arc<Config>> {
        let mut visited = Vec::new();
        let mut dir = Some(start);
        let mut found = None;
        while let Some(d) = dir {
            if let Some(cached) = self.cache.get(d) {
                found.clone_from(cached);
                break;
            }
            visited.push(d.to_path_buf());
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                let shown = candidate
                    .strip_prefix(&self.cwd)
                    .map_or_else(|_| candidate.clone(), Path::to_path_buf);
                match Config::load_shown(&shown, &candidate) {
                    Ok(c) => found = Some(Arc::new(c)),
                    Err(e) => self.errors.extend(e),
                }
                break;
            }
            dir = d.parent();
        }
        for v in visited {
            self.cache.insert(v, found.clone());
        }
        found
    }
}

impl Default for Discovery {
    fn default() -> Self {
        Discovery::new()
    }
}

// ---------------------------------------------------------------------------
// Settings: a configuration and the command line, resolved.

/// What the command line says (its flags), over any configuration.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--config FILE`: no discovery.
    pub config: Option<PathBuf>,
    /// `--lang`: `Some(None)` is `--lang auto`.
    pub lang: Option<Option<Lang>>,
    pub published: Option<NaiveDate>,
    pub fail_on: Option<FailOn>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub rules: Vec<PathBuf>,
    pub no_default_rules: bool,
    pub facts: Vec<PathBuf>,
}

/// Where a setting's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Default,
    /// The configuration file, at this line.
    File(usize),
    CommandLine,
    /// The configuration file (at this line) and the command line, joined.
    FileAndCommandLine(usize),
}

/// A resolved value and where it comes from.
#[derive(Debug, Clone)]
pub struct Setting<T> {
    pub value: T,
    pub origin: Origin,
}

/// The effective settings of the files of one configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    pub config: Option<Arc<Config>>,
    /// `None`: detect (front matter, then the text). The configuration's
    /// language gives way to the front matter; the command line's does not.
    pub lang: Setting<Option<Lang>>,
    /// The configuration's date gives way to the front matter; the command
    /// line's does not.
    pub published: Setting<Option<NaiveDate>>,
    pub fail_on: Setting<FailOn>,
    pub select: Setting<Vec<String>>,
    pub ignore: Setting<Vec<String>>,
    pub rules: Setting<Vec<PathBuf>>,
    pub no_default_rules: Setting<bool>,
    pub facts: Setting<Vec<PathBuf>>,
    pub exclude: Setting<Vec<String>>,
    pub severity: Vec<Setting<(String, Severity)>>,
}

fn pick<T: Clone>(
    cli: Option<T>,
    file: Option<&Item<T>>,
    config: &Config,
    default: T,
) -> Setting<T> {
    match (cli, file) {
        (Some(v), _) => Setting {
            value: v,
            origin: Origin::CommandLine,
        },
        (None, Some(i)) => Setting {
            value: i.value.clone(),
            origin: Origin::File(config.line_of(i.offset)),
        },
        (None, None) => Setting {
            value: default,
            origin: Origin::Default,
        },
    }
}

/// A list the command line adds to.
fn joined<T: Clone>(file: Option<(Vec<T>, usize)>, cli: &[T]) -> Setting<Vec<T>> {
    match (file, cli.is_empty()) {
        (Some((mut v, line)), false) => {
            v.extend_from_slice(cli);
            Setting {
                value: v,
                origin: Origin::FileAndCommandLine(line),
            }
        }
        (Some((v, line)), true) => Setting {
            value: v,
            origin: Origin::File(line),
        },
        (None, false) => Setting {
            value: cli.to_vec(),
            origin: Origin::CommandLine,
        },
        (None, true) => Setting {
            value: Vec::new(),
            origin: Origin::Default,
        },
    }
}

impl Settings {
    /// The settings of files under `config` (or none) with the command
    /// line's `overrides`.
    pub fn resolve(config: Option<Arc<Config>>, cli: &Overrides) -> Settings {
        let empty;
        let c: &Config = if let Some(c) = &config {
            c
        } else {
            empty = Config::parse(Path::new(""), Path::new(""), Path::new("/"), String::new())
                .expect("an empty configuration is valid");
            &empty
        };
        let line = |offset: usize| c.line_of(offset);
        let names = |i: &Option<Item<Vec<Item<String>>>>| {
            i.as_ref().map(|i| {
                (
                    i.value.iter().map(|n| n.value.clone()).collect::<Vec<_>>(),
                    line(i.offset),
                )
            })
        };
        let lang = match (cli.lang, &c.lang) {
            (Some(l), _) => Setting {
                value: l,
                origin: Origin::CommandLine,
            },
            (None, Some(i)) => Setting {
                value: Some(i.value),
                origin: Origin::File(line(i.offset)),
            },
            (None, None) => Setting {
                value: None,
                origin: Origin::Default,
            },
        };
        let published = match (cli.published, &c.published) {
            (Some(d), _) => Setting {
                value: Some(d),
                origin: Origin::CommandLine,
            },
            (None, Some(i)) => Setting {
                value: Some(i.value),
                origin: Origin::File(line(i.offset)),
            },
            (None, None) => Setting {
                value: None,
                origin: Origin::Default,
            },
        };
        // `--select` replaces the configuration's selection; `--ignore`
        // adds to its `ignore`.
        let select = if cli.select.is_empty() {
            joined(names(&c.select), &[])
        } else {
            Setting {
                value: cli.select.clone(),
                origin: Origin::CommandLine,
            }
        };
        let no_default_rules = if cli.no_default_rules {
            Setting {
                value: true,
                origin: Origin::CommandLine,
            }
        } else {
            pick(None, c.no_default_rules.as_ref(), c, false)
        };
        Settings {
            lang,
            published,
            fail_on: pick(cli.fail_on, c.fail_on.as_ref(), c, FailOn::Error),
            select,
            ignore: joined(names(&c.ignore), &cli.ignore),
            rules: joined(
                c.rules.as_ref().map(|i| (i.value.clone(), line(i.offset))),
                &cli.rules,
            ),
            no_default_rules,
            facts: joined(
                c.facts.as_ref().map(|i| (i.value.clone(), line(i.offset))),
                &cli.facts,
            ),
            exclude: joined(
                c.exclude
                    .as_ref()
                    .map(|i| (i.value.clone(), line(i.offset))),
                &[],
            ),
            severity: c
                .severity
                .iter()
                .map(|i| Setting {
                    value: i.value.clone(),
                    origin: Origin::File(line(i.offset)),
                })
                .collect(),
            config,
        }
    }

    /// Loads the rules and fact sheets, checks every name of `select`,
    /// `ignore` and `[severity]` against them, applies the selection and
    /// the severity overrides, and returns the linter of these settings.
    pub fn linter(&self, cli: &Overrides) -> Result<Linter, Vec<ConfigError>> {
        let mut rules = RuleSet::load_for_checking(&self.rules.value, !self.no_default_rules.value)
            .map_err(|e| e.into_iter().map(ConfigError::Rules).collect::<Vec<_>>())?;
        rules
            .add_facts(&self.facts.value)
            .map_err(|e| e.into_iter().map(ConfigError::Rules).collect::<Vec<_>>())?;
        let known: Vec<(&str, Category)> = rules
            .rules()
            .iter()
            .map(|r| (&*r.id, r.meta.category))
            .collect();
        let mut errors = Vec::new();
        if let Some(c) = &self.config {
            for (list, key) in [(&c.select, "select"), (&c.ignore, "ignore")] {
                for n in list.iter().flat_map(|l| &l.value) {
                    let probe = Selector::new(vec![n.value.clone()], Vec::new());
                    if !probe.unknown(&known).is_empty() {
                        errors.push(c.error_at(
                            n.offset,
                            key,
                            format!("no rule matches `{}`", n.value),
                        ));
                    }
                }
            }
            for i in &c.severity {
                let key = &i.value.0;
                if !known
                    .iter()
                    .any(|(id, cat)| severity_key_rank(key, id, *cat).is_some())
                {
                    errors.push(c.error_at(
                        i.offset,
                        key,
                        format!("[severity]: no rule matches `{key}`"),
                    ));
                }
            }
        }
        let from_cli = Selector::new(cli.select.clone(), cli.ignore.clone());
        let unknown = from_cli.unknown(&known);
        if !unknown.is_empty() {
            errors.push(ConfigError::Other(format!(
                "--select/--ignore: no rule matches {}",
                unknown
                    .iter()
                    .map(|u| format!("`{u}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let overrides: Vec<(String, Severity)> =
            self.severity.iter().map(|s| s.value.clone()).collect();
        rules.set_severities(|id, category| {
            overrides
                .iter()
                .filter_map(|(key, sev)| severity_key_rank(key, id, category).map(|r| (r, *sev)))
                .max_by_key(|(rank, _)| *rank)
                .map(|(_, sev)| sev)
        });
        rules.retain(&Selector::new(
            self.select.value.clone(),
            self.ignore.value.clone(),
        ));
        let mut linter = Linter::new(rules, None);
        if self.lang.origin == Origin::CommandLine {
            linter.lang = self.lang.value;
        } else {
            linter.default_lang = self.lang.value;
        }
        if self.published.origin == Origin::CommandLine {
            linter.published = self.published.value;
        } else {
            linter.default_published = self.published.value;
        }
        Ok(linter)
    }
}

// ---------------------------------------------------------------------------
// A run over many files.

/// What a run checks, for configuration discovery.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// Standard input, with the name given for it (`--stdin-filename`).
    Stdin(Option<&'a Path>),
    /// A file (or a path that could not be read). `explicit` when it was
    /// named on the command line: `exclude` does not apply to it.
    File { path: &'a Path, explicit: bool },
}

/// The linter of one configuration, and the files' exit threshold.
#[derive(Debug)]
pub struct Run {
    pub settings: Settings,
    pub linter: Linter,
}

/// The inputs of a run grouped by configuration.
#[derive(Debug)]
pub struct Plan {
    /// One per distinct configuration, in the order first met.
    pub runs: Vec<Run>,
    /// For each target, its run, or `None` when an `exclude` glob skips it.
    pub assignment: Vec<Option<usize>>,
}

impl Plan {
    /// Finds each target's configuration (or uses `--config`), and builds
    /// one linter per distinct configuration. With no targets, the
    /// configuration of the current folder is still loaded and checked.
    pub fn build(cli: &Overrides, targets: &[Target<'_>]) -> Result<Plan, Vec<ConfigError>> {
        let fixed = match &cli.config {
            Some(path) => Some(Arc::new(Config::load(path)?)),
            None => None,
        };
        let mut discovery = Discovery::new();
        let mut configs: Vec<Option<Arc<Config>>> = Vec::new();
        let mut assignment = Vec::with_capacity(targets.len());
        for t in targets {
            let (config, file) = match (t, &fixed) {
                (Target::Stdin(_), Some(c)) => (Some(Arc::clone(c)), None),
                (Target::File { path, .. }, Some(c)) => (Some(Arc::clone(c)), Some(*path)),
                (Target::Stdin(name), None) => {
                    (discovery.discover_in(&stdin_dir(&discovery, *name)), None)
                }
                (Target::File { path, .. }, None) => (discovery.discover(Some(path)), Some(*path)),
            };
            let excluded = match (t, &config, file) {
                (
                    Target::File {
                        explicit: false, ..
                    },
                    Some(c),
                    Some(f),
                ) => c.excludes(&discovery.absolute(f)),
                _ => false,
            };
            assignment.push((!excluded).then(|| index_of(&mut configs, config)));
        }
        if configs.is_empty() {
            let config = fixed.or_else(|| discovery.discover(None));
            index_of(&mut configs, config);
        }
        let mut errors = std::mem::take(&mut discovery.errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut runs = Vec::new();
        for config in configs {
            let settings = Settings::resolve(config, cli);
            match settings.linter(cli) {
                Ok(linter) => runs.push(Run { settings, linter }),
                Err(e) => errors.extend(e),
            }
        }
        if !errors.is_empty() {
            let mut seen = std::collections::BTreeSet::new();
            errors.retain(|e| seen.insert(e.to_string()));
            return Err(errors);
        }
        Ok(Plan { runs, assignment })
    }

    /// The rules in force over the whole run (by id; a rule under two
    /// configurations is listed once, as the first has it).
    pub fn rule_info(&self) -> Vec<RuleInfo> {
        let mut all: Vec<RuleInfo> = Vec::new();
        for run in &self.runs {
            for r in RuleInfo::of(&run.linter.rules) {
                if !all.iter().any(|a| a.id == r.id) {
                    all.push(r);
                }
            }
        }
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all
    }
}

/// The index of `config` in `configs`, added when new.
fn index_of(configs: &mut Vec<Option<Arc<Config>>>, config: Option<Arc<Config>>) -> usize {
    let same = |a: &Option<Arc<Config>>| match (a, &config) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    };
    if let Some(i) = configs.iter().position(same) {
        i
    } else {
        configs.push(config);
        configs.len() - 1
    }
}

/// Where standard input's configuration is found: the folder of its
/// `--stdin-filename`, else the current folder.
fn stdin_dir(d: &Discovery, name: Option<&Path>) -> PathBuf {
    match name.and_then(Path::parent) {
        Some(p) => d.absolute(p),
        None => d.cwd.clone(),
    }
}

// ---------------------------------------------------------------------------
// `factlint config`.

fn origin_text(settings: &Settings, origin: Origin) -> String {
    let file = || {
        settings
            .config
            .as_ref()
            .map_or_else(String::new, |c| c.path.display().to_string())
    };
    match origin {
        Origin::Default => "default".into(),
        Origin::CommandLine => "command line".into(),
        Origin::File(line) => format!("{}:{line}", file()),
        Origin::FileAndCommandLine(line) => format!("{}:{line} + command line", file()),
    }
}

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn toml_list<T: AsRef<str>>(items: &[T]) -> String {
    let inner: Vec<String> = items.iter().map(|s| toml_str(s.as_ref())).collect();
    format!("[{}]", inner.join(", "))
}

fn paths_list(items: &[PathBuf]) -> Vec<String> {
    items.iter().map(|p| p.display().to_string()).collect()
}

/// The rows of `factlint config`: key, value as TOML (`None`: unset),
/// origin.
fn rows(s: &Settings) -> Vec<(&'static str, Option<String>, Origin)> {
    vec![
        (
            "lang",
            Some(toml_str(s.lang.value.map_or("auto", Lang::code))),
            s.lang.origin,
        ),
        (
            "published",
            s.published.value.map(|d| toml_str(&d.to_string())),
            s.published.origin,
        ),
        (
            "fail-on",
            Some(toml_str(s.fail_on.value.as_str())),
            s.fail_on.origin,
        ),
        ("select", Some(toml_list(&s.select.value)), s.select.origin),
        ("ignore", Some(toml_list(&s.ignore.value)), s.ignore.origin),
        (
            "rules",
            Some(toml_list(&paths_list(&s.rules.value))),
            s.rules.origin,
        ),
        (
            "no-default-rules",
            Some(s.no_default_rules.value.to_string()),
            s.no_default_rules.origin,
        ),
        (
            "facts",
            Some(toml_list(&paths_list(&s.facts.value))),
            s.facts.origin,
        ),
        (
            "exclude",
            Some(toml_list(&s.exclude.value)),
            s.exclude.origin,
        ),
    ]
}

/// `factlint config PATH`: the effective configuration of `path`, in a
/// TOML-like form with each value's origin as a comment.
pub fn render_human(settings: &Settings, path: &Path, excluded: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# the configuration of {}", path.display());
    match &settings.config {
        Some(c) => {
            let _ = writeln!(out, "# config file: {}", c.path.display());
        }
        None => out.push_str("# config file: none (defaults)\n"),
    }
    if excluded {
        out.push_str(
            "# excluded: an `exclude` glob matches it (unless named on the command line)\n",
        );
    }
    out.push('\n');
    let line = |out: &mut String, left: String, origin: String| {
        let _ = writeln!(out, "{left:<40} # {origin}");
    };
    for (key, value, origin) in rows(settings) {
        let left = match value {
            Some(v) => format!("{key} = {v}"),
            None => format!("# {key} = (not set)"),
        };
        line(&mut out, left, origin_text(settings, origin));
    }
    out.push_str("\n[severity]\n");
    if settings.severity.is_empty() {
        out.push_str("# no overrides: each rule's own severity\n");
    }
    for s in &settings.severity {
        line(
            &mut out,
            format!(
                "{} = {}",
                toml_str(&s.value.0),
                toml_str(s.value.1.as_str())
            ),
            origin_text(settings, s.origin),
        );
    }
    out.push_str(
        "\n# A Markdown file's front matter `lang:` and `published:` win over the config file,\n\
         # not over the command line.\n",
    );
    out
}

/// `factlint config --format json PATH`.
pub fn render_json(settings: &Settings, path: &Path, excluded: bool) -> String {
    let origin = |o: Origin| {
        let (source, line) = match o {
            Origin::Default => ("default", None),
            Origin::CommandLine => ("command line", None),
            Origin::File(l) => ("config", Some(l)),
            Origin::FileAndCommandLine(l) => ("config and command line", Some(l)),
        };
        serde_json::json!({ "source": source, "line": line })
    };
    let mut values = serde_json::Map::new();
    for (key, value, o) in rows(settings) {
        let value = match value {
            Some(v) => toml::from_str::<toml::Table>(&format!("v = {v}"))
                .ok()
                .and_then(|t| serde_json::to_value(&t["v"]).ok())
                .unwrap_or(serde_json::Value::Null),
            None => serde_json::Value::Null,
        };
        let mut entry = origin(o);
        entry["value"] = value;
        values.insert(key.to_owned(), entry);
    }
    let severity: Vec<serde_json::Value> = settings
        .severity
        .iter()
        .map(|s| {
            let mut e = origin(s.origin);
            e["key"] = s.value.0.clone().into();
            e["value"] = s.value.1.as_str().into();
            e
        })
        .collect();
    let doc = serde_json::json!({
        "path": path.display().to_string(),
        "config": settings.config.as_ref().map(|c| c.path.display().to_string()),
        "excluded": excluded,
        "settings": values,
        "severity": severity,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
