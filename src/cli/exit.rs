//! How a run ended, and the exit code for it.

use std::process::ExitCode;

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was processed.
    Success,
    /// Output was written, but some inputs (articles, rows, lexicon files) were skipped.
    Partial,
    /// Nothing useful was written.
    Failed,
}

impl Outcome {
    /// 0 for success, 1 when inputs were skipped, 2 on failure.
    pub fn exit_code(self) -> ExitCode {
        ExitCode::from(self.code())
    }

    pub fn code(self) -> u8 {
        match self {
            Outcome::Success => 0,
            Outcome::Partial => 1,
            Outcome::Failed => 2,
        }
    }

    /// Partial when `skipped` is true.
    pub fn unless_skipped(skipped: bool) -> Outcome {
        if skipped { Outcome::Partial } else { Outcome::Success }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_stable() {
        assert_eq!([Outcome::Success.code(), Outcome::Partial.code(), Outcome::Failed.code()], [0, 1, 2]);
        assert_eq!(Outcome::unless_skipped(true), Outcome::Partial);
    }
}
