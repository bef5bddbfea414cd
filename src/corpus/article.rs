//! `Article`: one news article with its metadata, as read from the corpus.

/// One article. `text` is the original text; every span in later stages points into it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Article {
    /// Unique within the corpus: a file stem, an `id` column, or `file:line`.
    pub id: String,
    /// Where it came from: a file path, or `file:line` for a row.
    pub source: String,
    /// The outlet that published it.
    pub outlet: String,
    /// Which rule decided the outlet (`manifest`, `column`, `retrieved_from_url`, …).
    pub outlet_rule: String,
    /// Headline.
    pub title: String,
    /// Publication date as given.
    pub date: String,
    /// Web address.
    pub url: String,
    /// Story the article covers.
    pub story: String,
    /// The article text (for HTML, the extracted main text). Not serialised: merge states keep
    /// metadata only.
    #[serde(skip)]
    pub text: String,
}
