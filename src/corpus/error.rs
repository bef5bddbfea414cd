//! `CorpusError`: a bad input, named by file and line, with what to do about it.

use std::fmt;

/// One problem with one input file, row or article. The run reports it and goes on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}{}", if fix.is_empty() { String::new() } else { format!(" ({fix})") })]
pub struct CorpusError {
    /// `file` or `file:line`.
    pub location: String,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub fix: String,
}

impl CorpusError {
    /// A new error.
    pub fn new(location: impl fmt::Display, message: impl Into<String>, fix: impl Into<String>) -> CorpusError {
        CorpusError { location: location.to_string(), message: message.into(), fix: fix.into() }
    }

    /// What to do about it.
    pub fn fix(&self) -> &str {
        &self.fix
    }
}

/// Decode `bytes` as UTF-8, or say where the first bad byte is.
pub fn decode(bytes: Vec<u8>, location: &str) -> Result<String, CorpusError> {
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        CorpusError::new(
            format!("{location}:{line}"),
            format!("not valid UTF-8 (byte {at})"),
            "convert the file to UTF-8, e.g. iconv -f windows-1252 -t utf-8",
        )
    })
}

/// Refuse text with no words in it.
pub fn require_text(text: String, location: &str) -> Result<String, CorpusError> {
    if text.trim().is_empty() {
        return Err(CorpusError::new(location, "empty article", "remove the file or row, or fill in its text"));
    }
    Ok(text)
}

/// Refuse an article longer than `limit` bytes.
pub(super) fn within_limit(bytes: u64, limit: u64, location: &str) -> Result<(), CorpusError> {
    if bytes <= limit {
        return Ok(());
    }
    Err(CorpusError::new(
        location,
        format!("article of {} bytes is over the limit of {} bytes, skipped", bytes, limit),
        "raise --max-article-mb if this really is one article",
    ))
}
