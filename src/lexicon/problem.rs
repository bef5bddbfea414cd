//! Problems found while loading lexicons: what, where (file, line, column) and how to fix it.

use std::fmt;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file is not used.
    Error,
    /// The file is used; the author should look.
    Warning,
}

/// One problem in one lexicon file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The file as the user named it.
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match (self.line, self.column) {
            (0, _) => write!(f, "{}: {level}: {}", self.file, self.message)?,
            (line, 0) => write!(f, "{}:{line}: {level}: {}", self.file, self.message)?,
            (line, column) => write!(f, "{}:{line}:{column}: {level}: {}", self.file, self.message)?,
        }
        if !self.fix.is_empty() {
            write!(f, " (fix: {})", self.fix)?;
        }
        Ok(())
    }
}

impl std::error::Error for Problem {}

impl Problem {
    /// A warning at a known line and column of `file`.
    pub fn warning(file: &str, (line, column): (usize, usize), message: String, fix: &str) -> Problem {
        Problem { severity: Severity::Warning, file: file.to_string(), line, column, message, fix: fix.to_string() }
    }

    /// How to fix it.
    pub fn fix(&self) -> &str {
        &self.fix
    }
}

/// Turns byte offsets of one file into lines and columns.
pub struct Locator<'a> {
    file: &'a str,
    text: &'a str,
}

impl<'a> Locator<'a> {
    /// A locator for `text`, read from `file`.
    pub fn new(file: &'a str, text: &'a str) -> Locator<'a> {
        Locator { file, text }
    }

    /// The file's name, as used in messages.
    pub fn file(&self) -> &str {
        self.file
    }

    /// 1-based line and column of byte `offset`.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let before = &self.text[..offset.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }

    /// A problem at byte `offset`.
    pub fn at(&self, severity: Severity, offset: usize, message: String, fix: &str) -> Problem {
        let (line, column) = self.line_column(offset);
        Problem { severity, file: self.file.to_string(), line, column, message, fix: fix.to_string() }
    }

    /// An error at byte `offset`.
    pub fn error(&self, offset: usize, message: String, fix: &str) -> Problem {
        self.at(Severity::Error, offset, message, fix)
    }
}
