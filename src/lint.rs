//! Checking one file: decode, parse, run the rules.

use std::path::Path;
use std::sync::Arc;

use crate::document::{Document, Lang, Original};
use crate::error::InputError;
use crate::finding::Finding;
use crate::rules::RuleSet;
use crate::source::{Decoded, Format, SourceFile};
use crate::timings::{Stage, Timings};

/// The result of checking one file.
#[derive(Debug)]
pub enum FileReport {
    Checked {
        source: SourceFile,
        lang: Lang,
        findings: Vec<Finding>,
        /// Every figure the tool understood, in text order.
        amounts: Vec<crate::amount::AmountMention>,
        /// Every dated mention, in text order (the timeline sorts them).
        dates: Vec<crate::date::DateMention>,
        /// The publication date the dates were resolved against.
        published: Option<chrono::NaiveDate>,
    },
    /// Skipped: the file holds NUL bytes.
    Binary {
        path: String,
    },
    Error(InputError),
}

/// What the rules found in a document, before its source is handed back.
struct Outcome {
    lang: Lang,
    findings: Vec<Finding>,
    amounts: Vec<crate::amount::AmountMention>,
    dates: Vec<crate::date::DateMention>,
    published: Option<chrono::NaiveDate>,
}

/// True when a front matter `source:` value names an article file (a path
/// ending in `.md`, `.markdown` or `.txt`), not a news agency or a URL
/// (`source: Reuters`, `source: https://…`), which front matter also calls
/// a source.
fn names_an_article(value: &str) -> bool {
    let path = Path::new(value);
    !value.contains("://")
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "md" | "markdown" | "txt"))
}

/// Reads and decodes the original of a translation; the error is a
/// message without the path.
pub fn read_original(path: &Path) -> Result<SourceFile, String> {
    let display = path.display().to_string();
    let bytes = crate::source::read_path(path).map_err(|e| e.to_string())?;
    match SourceFile::decode(&display, bytes, Format::from_path(path)) {
        Ok(Decoded::File(f)) => Ok(f),
        Ok(Decoded::Binary) => Err("a binary file (it holds NUL bytes), not an article".into()),
        Err(e) => Err(e.to_string()),
    }
}

/// Checks files with one rule set.
#[derive(Debug)]
pub struct Linter {
    pub rules: RuleSet,
    /// The language of every file, or `None` to read it from front matter
    /// or detect it.
    pub lang: Option<Lang>,
    /// The publication date of every file (`--published`), over the front
    /// matter's.
    pub published: Option<chrono::NaiveDate>,
    /// The language of files whose front matter gives none, instead of
    /// detecting it (a configuration file's `lang`); `lang` wins over it.
    pub default_lang: Option<Lang>,
    /// The publication date of files whose front matter gives none (a
    /// configuration file's `published`); `published` wins over it.
    pub default_published: Option<chrono::NaiveDate>,
    /// The original that every file is a translation of (`--source`); a
    /// file's front matter `source:` is used when this is `None`.
    pub original: Option<Arc<SourceFile>>,
    /// A long file's work may be split over the threads of rayon's pool:
    /// only for a caller that runs nothing else on the pool meanwhile (see
    /// [`crate::ordered::split_document`]), as when one file is checked.
    pub split: bool,
    /// Each file's figures and dated mentions are kept in its report (for
    /// the JSON and HTML reports, `--amounts`, `--timeline`): extracted
    /// even when no rule reads them. When false, a report holds those that
    /// a rule had extracted anyway, and a run of rules that read none
    /// (`--select typography`) extracts none. True by default.
    pub figures: bool,
    /// `--timings`: where each file's time goes (see [`crate::timings`]);
    /// `None` measures nothing.
    pub timings: Option<Arc<Timings>>,
}

impl Linter {
    pub fn new(rules: RuleSet, lang: Option<Lang>) -> Linter {
        Linter {
            rules,
            lang,
            published: None,
            default_lang: None,
            default_published: None,
            original: None,
            split: false,
            figures: true,
            timings: None,
        }
    }

    /// Checks a decoded source file (as the translation of its original,
    /// when there is one: see [`crate::translation`]).
    ///
    /// A panic of a check (a bug) is caught and becomes an error of this
    /// file ([`InputError::Internal`]), so that the other files of a run
    /// are still checked; the panic message is printed as it happens.
    pub fn check_source(&self, source: SourceFile) -> FileReport {
        let path = source.path.clone();
        guarded(path, || self.check_unguarded(source))
    }

    fn check_unguarded(&self, mut source: SourceFile) -> FileReport {
        // Plain text is checked with its soft line breaks read as spaces in
        // place, and handed back as it was read.
        let soft = crate::document::soften(&mut source);
        let outcome = self.check_softened(&source);
        soft.restore(&mut source);
        match outcome {
            Ok(Outcome {
                lang,
                findings,
                amounts,
                dates,
                published,
            }) => FileReport::Checked {
                findings: Timings::time(self.timings(), Stage::Order, || {
                    crate::suppress::apply(&source, &self.rules, findings)
                }),
                source,
                lang,
                amounts,
                dates,
                published,
            },
            Err(e) => FileReport::Error(e),
        }
    }

    fn check_softened(&self, source: &SourceFile) -> Result<Outcome, InputError> {
        let data = self.rules.data();
        if let Some(t) = self.timings() {
            t.add_file(source.text.len());
        }
        let doc = Timings::time(self.timings(), Stage::Parse, || {
            Document::parse_split(source, self.lang, self.default_lang, data, self.split)
        })
        .with_published(self.published)
        .with_default_published(self.default_published);
        let original = self.original_of(source, &doc)?;
        Ok(match &original {
            Some(file) => {
                // The original has its own language, and the translation's
                // publication date: its relative dates resolve the same way.
                let odoc =
                    Document::parse(file, None, self.rules.data()).with_published(doc.published());
                self.outcome(doc.with_original(Original { doc: &odoc, file }))
            }
            None => self.outcome(doc),
        })
    }

    /// Runs the rules on a document (suppressions are applied by the
    /// caller, on the text as read).
    fn outcome(&self, doc: Document<'_>) -> Outcome {
        let timings = self.timings();
        let mut findings = self.rules.check_unsorted(&doc, self.split, timings);
        let (lang, published) = (doc.lang, doc.published());
        // Moved out of the document, not copied: on a long article the
        // figures and dates are a tenth of what is kept.
        let (amounts, dates) =
            Timings::time(timings, Stage::Figures, || doc.into_figures(self.figures));
        // With the rest of the document dropped (see `check_unsorted`).
        Timings::time(timings, Stage::Order, || {
            crate::rules::sort_findings(&mut findings);
        });
        Outcome {
            lang,
            findings,
            amounts,
            dates,
            published,
        }
    }

    /// The original of a file: `--source`, else the file named by its front
    /// matter's `source:` (relative to the file's folder), read and decoded.
    fn original_of(
        &self,
        source: &SourceFile,
        doc: &Document<'_>,
    ) -> Result<Option<Arc<SourceFile>>, InputError> {
        if let Some(o) = &self.original {
            return Ok(Some(Arc::clone(o)));
        }
        let Some(rel) = doc
            .front_matter
            .source
            .as_deref()
            .filter(|s| names_an_article(s))
        else {
            return Ok(None);
        };
        let folder = Path::new(&source.path).parent().unwrap_or(Path::new(""));
        let path = folder.join(rel);
        read_original(&path)
            .map(|f| Some(Arc::new(f)))
            .map_err(|message| InputError::Original {
                path: source.path.clone(),
                original: path.display().to_string(),
                message,
            })
    }

    fn timings(&self) -> Option<&Timings> {
        self.timings.as_deref()
    }

    /// Checks the bytes of a file called `path`.
    pub fn check_bytes(&self, path: &str, bytes: Vec<u8>, format: Format) -> FileReport {
        let decoded = Timings::time(self.timings(), Stage::Read, || {
            SourceFile::decode(path, bytes, format)
        });
        match decoded {
            Ok(Decoded::File(source)) => self.check_source(source),
            Ok(Decoded::Binary) => FileReport::Binary {
                path: path.to_owned(),
            },
            Err(e) => FileReport::Error(e),
        }
    }

    /// Reads and checks a file on disk.
    pub fn check_path(&self, path: &std::path::Path) -> FileReport {
        let display = path.display().to_string();
        match Timings::time(self.timings(), Stage::Read, || {
            crate::source::read_path(path)
        }) {
            Ok(bytes) => self.check_bytes(&display, bytes, Format::from_path(path)),
            Err(source) => FileReport::Error(InputError::Io {
                path: display,
                source,
            }),
        }
    }

    /// Checks a text (for tests and the library API).
    pub fn check_text(&self, path: &str, text: &str, format: Format) -> FileReport {
        self.check_source(SourceFile::from_text(path, text.to_owned(), format))
    }
}

/// Runs `check` for the file at `path`; a panic becomes an
/// [`InputError::Internal`] error of that file.
fn guarded(path: String, check: impl FnOnce() -> FileReport) -> FileReport {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(check)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("a check panicked")
            .to_owned();
        FileReport::Error(InputError::Internal { path, message })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_extracted_for_the_report_only_when_it_keeps_them() {
        let text = "On 3 March 2024 the firm raised $97.4 billion ,and 9.74 billion.";
        let figures = |select: &str, keep: bool| {
            let mut rules = RuleSet::embedded().expect("default rules");
            rules.retain(&crate::rules::Selector::new(vec![select.into()], vec![]));
            let mut linter = Linter::new(rules, Some(Lang::En));
            linter.figures = keep;
            let report = linter.check_bytes("a.txt", text.as_bytes().to_vec(), Format::Text);
            let FileReport::Checked {
                findings,
                amounts,
                dates,
                ..
            } = report
            else {
                panic!("checked");
            };
            (findings.len(), amounts.len(), dates.len())
        };
        // Kept (the default): every figure and date, whatever the rules.
        assert_eq!(figures("typography", true), (1, 2, 1));
        // Not kept, and no rule reads them: none extracted, the same findings.
        assert_eq!(figures("typography", false), (1, 0, 0));
        // Not kept, but a rule read them: they are handed over all the same.
        let (_, amounts, dates) = figures("amount", false);
        assert_eq!((amounts, dates), (2, 1));
        assert!(Linter::new(RuleSet::embedded().expect("rules"), None).figures);
    }

    #[test]
    fn a_panicking_check_is_an_error_of_its_file() {
        fn formatted() -> FileReport {
            panic!("overflow at {}", 7)
        }
        fn literal() -> FileReport {
            panic!("a literal")
        }
        fn other() -> FileReport {
            std::panic::panic_any(42u8)
        }
        type Check = fn() -> FileReport;
        let cases: [(Check, &str); 3] = [
            (formatted, "overflow at 7"),
            (literal, "a literal"),
            (other, "a check panicked"),
        ];
        for (panic, message) in cases {
            let report = guarded("a.txt".into(), panic);
            let FileReport::Error(e) = report else {
                panic!("an error");
            };
            assert_eq!(e.path(), "a.txt");
            assert!(
                e.to_string().starts_with(&format!(
                    "a.txt: internal error, the file could not be checked: {message} ("
                )),
                "{e}"
            );
        }
        // A check that does not panic is left alone.
        let report = guarded("b.txt".into(), || FileReport::Binary {
            path: "b.txt".into(),
        });
        assert!(matches!(report, FileReport::Binary { .. }));
    }
}
