//! One error type for the library: every stage's error, each with what went wrong, where, and
//! what to do about it ([`Error::fix`]). Stages return their own error types; `?` turns any of
//! them into an [`Error`].

use crate::chart::ChartError;
use crate::compare::LoadError;
use crate::corpus::CorpusError;
use crate::lexicon::Problem;
use crate::quotes::ModelError;
use crate::report::{CompareFilesError, ReportError};

/// Any error of framelens.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A bad input file, row or article (corpus).
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    /// A problem in a lexicon file (lexicon).
    #[error(transparent)]
    Lexicon(#[from] Problem),
    /// A learned cue model file that cannot be read (quotes).
    #[error(transparent)]
    CueModel(#[from] ModelError),
    /// A report's table that cannot be read back (compare).
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A chart that cannot be drawn (chart).
    #[error(transparent)]
    Chart(#[from] ChartError),
    /// A file that cannot be written (report).
    #[error(transparent)]
    Report(#[from] ReportError),
    /// A comparison that cannot be made or written (report).
    #[error(transparent)]
    Compare(#[from] CompareFilesError),
}

impl Error {
    /// What to do about it.
    pub fn fix(&self) -> &str {
        match self {
            Error::Corpus(e) => e.fix(),
            Error::Lexicon(e) => e.fix(),
            Error::CueModel(e) => e.fix(),
            Error::Load(e) => e.fix(),
            Error::Chart(e) => e.fix(),
            Error::Report(e) => e.fix(),
            Error::Compare(e) => e.fix(),
        }
    }
}

/// A result with framelens's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::CueModel;

    /// `?` turns a stage's error into an `Error` that keeps its message and its fix.
    fn parse_model(text: &str) -> Result<CueModel> {
        Ok(CueModel::parse(text)?)
    }

    #[test]
    fn stage_errors_convert_and_keep_their_location_and_fix() {
        let err = parse_model("# threshold\t0\nw=said 2.5\n").unwrap_err();
        assert!(matches!(err, Error::CueModel(ModelError { line: 2, .. })), "{err:?}");
        assert!(err.to_string().starts_with("line 2: expected feature<TAB>weight"), "{err}");
        assert!(err.fix().contains("framelens train cues"));

        let corpus: Error = CorpusError::new("a.txt:3", "not valid UTF-8 (byte 5)", "convert the file to UTF-8").into();
        assert_eq!(corpus.to_string(), "a.txt:3: not valid UTF-8 (byte 5) (convert the file to UTF-8)");
        assert_eq!(corpus.fix(), "convert the file to UTF-8");

        let write: Error = ReportError::write(std::path::Path::new("out/x.csv"), "denied").into();
        assert!(write.to_string().starts_with("cannot write out/x.csv: denied"), "{write}");
        assert!(write.fix().contains("--out"));
    }
}
