//! `Extractor`: everything measured on one article, in one pass.

use crate::copies::Fingerprint;
use crate::corpus::Article;
use crate::lexicon::{AnchorMatcher, LexiconMatcher, LexiconSet, StemStream, StoryEntries, StoryScopes};
use crate::quotes::{CueIndex, CueModel, QuoteSpan, Voice, VoiceMap, find_attributions, find_quote_spans};
use crate::text::{Document, RemovedLine, Span, Stemmer, TextOptions};

use super::speaker_books::SpeakerBooks;
use super::{ArticleText, Hit, SignalFinder, SignalSet, Voiced, WordChoice};

/// What one article contributes to the tables.
#[derive(Clone, Debug)]
pub struct ArticleResult {
    /// The article (its text is kept so evidence can be printed).
    pub article: Article,
    /// Word and number tokens in the kept text.
    pub words: u32,
    /// Of those, outside quotation marks.
    pub own_words: u32,
    /// Kept paragraphs.
    pub paragraphs: u32,
    /// Quote spans found.
    pub quotes: Vec<QuoteSpan>,
    /// Lines removed as boilerplate.
    pub removed: Vec<RemovedLine>,
    /// Word choice.
    pub word_choice: WordChoice,
    /// Attributions with their speakers.
    pub voices: Vec<Voiced>,
    /// Hedges, credits, facts, agency and tone.
    pub signals: Vec<Hit>,
    /// The own-voice text's fingerprint, for finding copies (`None` for very short texts).
    pub fingerprint: Option<Fingerprint>,
    /// Where each sentence starts (original bytes, in order), to number evidence sentences.
    pub sentence_starts: Vec<usize>,
    /// The story lexicons that measured it (numbers in [`LexiconSet::stories`], ascending).
    pub stories: Vec<u32>,
}

impl ArticleResult {
    /// The number (0-based, in the article) of the sentence that holds byte `at`.
    pub fn sentence_number(&self, at: usize) -> u64 {
        self.sentence_starts.partition_point(|&s| s <= at).saturating_sub(1) as u64
    }
}

/// Measures articles. Build once per run; share by reference across threads.
pub struct Extractor<'a> {
    set: &'a LexiconSet,
    matcher: &'a LexiconMatcher,
    options: TextOptions,
    cues: CueIndex,
    speakers: SpeakerBooks,
    signals: SignalFinder,
    enabled: SignalSet,
    anchors: AnchorMatcher,
    stories: StoryScopes,
}

impl<'a> Extractor<'a> {
    /// An extractor for the lexicons in `set`, compiled into `matcher`.
    pub fn new(set: &'a LexiconSet, matcher: &'a LexiconMatcher, options: TextOptions) -> Extractor<'a> {
        Extractor {
            set,
            matcher,
            options,
            cues: CueIndex::from_lexicons(set),
            speakers: SpeakerBooks::new(set),
            signals: SignalFinder::new(set),
            enabled: SignalSet::all(),
            anchors: AnchorMatcher::new(set),
            stories: StoryScopes::new(set),
        }
    }

    /// Also find attributions with the learned cue `model`, when given.
    pub fn with_cue_model(self, model: Option<CueModel>) -> Extractor<'a> {
        match model {
            Some(model) => Extractor { cues: self.cues.with_model(model), ..self },
            None => self,
        }
    }

    /// Measure only the signals of `enabled` (every one by default): the others are not
    /// compiled or computed, and leave no evidence, columns or tables.
    pub fn with_signals(self, enabled: SignalSet) -> Extractor<'a> {
        if enabled == self.enabled {
            return self; // compiled already
        }
        Extractor { signals: SignalFinder::of(self.set, enabled), enabled, ..self }
    }

    /// The story lexicons with these ids were chosen by the run from the corpus, not named by
    /// the user: they measure no article without a `story` that does not name their anchors
    /// (see [`StoryScopes::chosen`]).
    pub fn with_chosen_stories(self, ids: &[&str]) -> Extractor<'a> {
        Extractor { stories: self.stories.chosen(ids), ..self }
    }

    /// The signals measured.
    pub fn signals(&self) -> SignalSet {
        self.enabled
    }

    /// The lexicons in use.
    pub fn lexicons(&self) -> &LexiconSet {
        self.set
    }

    /// Measure one article.
    pub fn extract(&self, article: Article, stemmer: &Stemmer) -> ArticleResult {
        self.measure(article, stemmer, true)
    }

    /// Word choice and attributions only: no hedges, credits, facts, agency or tone (`signals`
    /// is empty). The stage the benchmark also times on its own.
    pub fn extract_without_signals(&self, article: Article, stemmer: &Stemmer) -> ArticleResult {
        self.measure(article, stemmer, false)
    }

    fn measure(&self, article: Article, stemmer: &Stemmer, with_signals: bool) -> ArticleResult {
        let doc = Document::parse(&article.text, self.options);
        let quotes = find_quote_spans(doc.text, &doc.paragraph_spans());
        let voices = VoiceMap::new(&quotes);
        let stream = StemStream::new(&doc, stemmer);
        let scope = self.stories.of(&article.story, &article.text);
        let matches = self.matcher.find_in_where(&doc, &stream, |c| scope.keeps(StoryEntries::Concepts, c));
        let referents = self.anchors.referents(self.set, &doc, &stream, &matches);
        let word_choice = WordChoice::measure(&doc, &matches, &referents, &voices);
        let attributions = find_attributions(&doc, &quotes, &self.cues);
        let mut voiced = Voiced::describe_all(&doc, attributions, &self.speakers.of(self.set, &scope));
        let signals = if with_signals && !self.enabled.is_empty() {
            let attributed: Vec<Span> = voiced.iter().map(|v| v.attribution.content).collect();
            let text = ArticleText {
                doc: &doc,
                voices: &voices,
                outlet: &article.outlet,
                stemmer,
                quotes: &quotes,
                attributed: &attributed,
                scope: &scope,
            };
            self.signals.find_in(&text, &stream)
        } else {
            Vec::new()
        };
        Voiced::link_credits(&mut voiced, &doc, &signals);
        let words = doc.tokens.iter().filter(|t| t.is_wordlike());
        let (mut total, mut own) = (0, 0);
        let mut own_keys = Vec::new();
        for token in words {
            total += 1;
            if voices.voice_of(token.span) == Voice::Own {
                own += 1;
                own_keys.push(token.key.as_str());
            }
        }
        let fingerprint = Fingerprint::of_words(own_keys);
        let paragraphs = doc.paragraphs.len() as u32;
        let removed = doc.removed.clone();
        let sentence_starts = doc.sentences.iter().map(|s| s.span.start).collect();
        let stories = scope.measured_by().to_vec();
        drop(doc);
        ArticleResult {
            article,
            words: total,
            own_words: own,
            paragraphs,
            quotes,
            removed,
            word_choice,
            voices: voiced,
            signals,
            fingerprint,
            sentence_starts,
            stories,
        }
    }
}
