//! Checking one file: decode, parse, run the rules.

use crate::document::{Document, Lang};
use crate::error::InputError;
use crate::finding::Finding;
use crate::rules::RuleSet;
use crate::source::{Decoded, Format, SourceFile};

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
}

impl Linter {
    pub fn new(rules: RuleSet, lang: Option<Lang>) -> Linter {
        Linter {
            rules,
            lang,
            published: None,
            default_lang: None,
            default_published: None,
        }
    }

    /// Checks a decoded source file.
    pub fn check_source(&self, source: SourceFile) -> FileReport {
        let doc =
            Document::parse_with_default(&source, self.lang, self.default_lang, self.rules.data())
                .with_published(self.published)
                .with_default_published(self.default_published);
        let lang = doc.lang;
        let findings = crate::suppress::apply(&source, &self.rules, self.rules.check(&doc));
        let amounts = doc.amounts().to_vec();
        let dates = doc.dates().to_vec();
        let published = doc.published();
        drop(doc);
        FileReport::Checked {
            source,
            lang,
            findings,
            amounts,
            dates,
            published,
        }
    }

    /// Checks the bytes of a file called `path`.
    pub fn check_bytes(&self, path: &str, bytes: Vec<u8>, format: Format) -> FileReport {
        match SourceFile::decode(path, bytes, format) {
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
        match crate::source::read_path(path) {
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
