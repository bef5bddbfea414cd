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

/// Turns byte offsets of one file into lines and columns (line starts are found once, so a
/// lexicon of any size is located in linear time).
pub struct Locator<'a> {
    file: &'a str,
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    /// A locator for `text`, read from `file`.
    pub fn new(file: &'a str, text: &'a str) -> Locator<'a> {
        let line_starts =
            std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)).collect();
        Locator { file, text, line_starts }
    }

    /// The file's name, as used in messages.
    pub fn file(&self) -> &str {
        self.file
    }

    /// 1-based line and column of byte `offset`.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let column = self.text.get(start..offset).map_or(0, |l| l.chars().count()) + 1;
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
