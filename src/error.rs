//! Typed errors of the library. The binary wraps them with `anyhow`.

use std::fmt;

use thiserror::Error;

/// A file that could not be read or decoded.
#[derive(Debug, Error)]
pub enum InputError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The original of a translation (front matter `source:`) could not
    /// be read.
    #[error("{path}: cannot read its original {original}: {message}")]
    Original {
        path: String,
        original: String,
        message: String,
    },
    #[error("{path}:{line}:{column}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        path: String,
        offset: usize,
        line: usize,
        column: usize,
    },
    /// A check panicked on the file: a bug in factlint, reported as an
    /// error of that file so that the other files are still checked.
    #[error(
        "{path}: internal error, the file could not be checked: {message} (a bug in factlint: please report it with this file)"
    )]
    Internal { path: String, message: String },
}

impl InputError {
    /// The file the error is about (for [`InputError::Original`], the
    /// translation).
    pub fn path(&self) -> &str {
        match self {
            InputError::Io { path, .. }
            | InputError::Original { path, .. }
            | InputError::InvalidUtf8 { path, .. }
            | InputError::Internal { path, .. } => path,
        }
    }
}

/// Where in a rule or data file an error is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLocation {
    pub line: usize,
    pub column: usize,
}

/// A rule file or data file that cannot be loaded.
#[derive(Debug, Error)]
pub struct RuleFileError {
    /// The file, as given (a path on disk, or `rules/…` for embedded rules).
    pub path: String,
    pub location: Option<FileLocation>,
    /// The offending key, when one is known.
    pub key: Option<String>,
    pub message: String,
    /// The line of the file the error points at, for display.
    pub source_line: Option<String>,
}

impl fmt::Display for RuleFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(loc) = &self.location {
            write!(f, ":{}:{}", loc.line, loc.column)?;
        }
        write!(f, ": invalid rule file: {}", self.message)?;
        if let Some(key) = &self.key {
            write!(f, " (key `{key}`)")?;
        }
        if let (Some(line), Some(loc)) = (&self.source_line, &self.location) {
            let pad = " ".repeat(loc.line.to_string().len());
            write!(f, "\n{pad} |\n{} | {line}\n{pad} |", loc.line)?;
        }
        Ok(())
    }
}

impl RuleFileError {
    /// An error about the whole file, with no location.
    pub fn whole(path: &str, message: impl Into<String>) -> Self {
        RuleFileError {
            path: path.to_owned(),
            location: None,
            key: None,
            message: message.into(),
            source_line: None,
        }
    }

    /// An error at byte `offset` of `text`.
    pub fn at(path: &str, text: &str, offset: usize, message: impl Into<String>) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..offset].chars().count() + 1;
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        RuleFileError {
            path: path.to_owned(),
            location: Some(FileLocation { line, column }),
            key: None,
            message: message.into(),
            source_line: Some(text[line_start..line_end].trim_end_matches('\r').to_owned()),
        }
    }

    /// From a TOML parse or schema error, with its span when it has one.
    pub fn from_toml(path: &str, text: &str, err: &toml::de::Error) -> Self {
        let message = err.message().trim().to_owned();
        let key = extract_key(&message);
        let mut e = match err.span() {
            Some(span) => RuleFileError::at(path, text, span.start, message),
            None => RuleFileError::whole(path, message),
        };
        e.key = key;
        e
    }
}

/// Pulls a key name out of serde's "unknown field `x`" / "missing field `x`".
fn extract_key(message: &str) -> Option<String> {
    for prefix in [
        "unknown field `",
        "missing field `",
        "duplicate key `",
        "duplicate field `",
    ] {
        if let Some(rest) = message.split(prefix).nth(1) {
            return rest.split('`').next().map(str::to_owned);
        }
    }
    None
}
