//! Attributions: who is credited with which words, found from quotation marks and reporting cues.
//!
//! Owns the patterns news uses: a quote followed by its cue (`“…,” X said.`, `“…,” said X`),
//! a cue before the quote (`X said: “…”`, `X told CNN: “…”`), fragments lifted into the
//! writer's sentence (`called it a “political assassination”`), quotes that continue an earlier
//! speaker (`“…,” he added. “…”`), and indirect speech (`X said (that) …`, `…, X said.`,
//! `according to X, …`). Speakers are noun phrases next to the cue; pronouns are resolved to the
//! last compatible named speaker. Canonical names and groups are `speaker`'s job.

use rustc_hash::FxHashMap;
use std::ops::Range;

use super::gender::{Genders, pronoun_gender};
use super::learned::{CueModel, is_candidate};
use super::speaker::{DOCUMENTS, is_body};
use super::{QuoteMark, QuoteSpan, Voice, VoiceMap};
use crate::lexicon::{CueClass, CueEntry, Gender, GivenNames, LexiconSet};
use crate::text::{Document, Span, TokenKind};

/// Direct (inside quotation marks) or indirect (reported speech).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The content is inside quotation marks.
    Direct,
    /// The content is the writer's paraphrase.
    Indirect,
}

impl Kind {
    /// Name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
        }
    }
}

/// How much of the sentence a direct quote is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Extent {
    /// A whole sentence or more in the speaker's words.
    Full,
    /// A few words lifted into the writer's sentence.
    Fragment,
}

impl Extent {
    /// Name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Extent::Full => "full",
            Extent::Fragment => "fragment",
        }
    }
}

/// What found an attribution: the hand-written patterns or the learned cue model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FoundBy {
    /// The patterns of this module and the cue lexicon.
    Rules,
    /// A cue the learned model scored (opt-in: `--learned-cues`).
    Model,
}

impl FoundBy {
    /// Name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            FoundBy::Rules => "rules",
            FoundBy::Model => "model",
        }
    }
}

/// One attribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// Direct or indirect.
    pub kind: Kind,
    /// Full or fragment (direct quotes only).
    pub extent: Option<Extent>,
    /// The attributed words (quotation marks excluded).
    pub content: Span,
    /// The reporting cue, when one was found.
    pub cue: Option<Span>,
    /// Index of the cue in the lexicon's cue list.
    pub cue_entry: Option<usize>,
    /// The speaker as written next to the cue (a pronoun stays a pronoun here).
    pub source: Option<Span>,
    /// For pronouns and continued quotes: the earlier mention the speaker was resolved to.
    pub resolved: Option<Span>,
    /// For a fragment: the writer's clause that carries it ("called the killing a “political
    /// assassination”"), the span annotation schemes such as PolNeAR mark as the content.
    pub clause: Option<Span>,
    /// Index of the sentence holding the content's start.
    pub sentence: usize,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Rules or the learned model.
    pub found_by: FoundBy,
}

impl Attribution {
    /// The mention naming the speaker: the resolved one when there is one.
    pub fn speaker_span(&self) -> Option<Span> {
        self.resolved.or(self.source)
    }
}

/// The reporting cues, indexed by their first word, and the learned cue model when in use.
pub struct CueIndex {
    by_first: FxHashMap<String, Vec<(Vec<String>, usize)>>,
    classes: Vec<CueClass>,
    quotes_only: Vec<bool>,
    model: Option<CueModel>,
    /// Given names by gender, for resolving "he" and "she".
    names: GivenNames,
}

impl CueIndex {
    /// Index `cues`.
    pub fn new(cues: &[CueEntry]) -> CueIndex {
        let mut by_first: FxHashMap<String, Vec<(Vec<String>, usize)>> = FxHashMap::default();
        for (i, cue) in cues.iter().enumerate() {
            for form in &cue.forms {
                let words: Vec<String> = form.split_whitespace().map(str::to_string).collect();
                if let Some(first) = words.first() {
                    by_first.entry(first.clone()).or_default().push((words, i));
                }
            }
        }
        for forms in by_first.values_mut() {
            forms.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        CueIndex {
            by_first,
            classes: cues.iter().map(|c| c.class).collect(),
            quotes_only: cues.iter().map(|c| c.quotes_only).collect(),
            model: None,
            names: GivenNames::default(),
        }
    }

    /// Index the cues of `set`, with its given names.
    pub fn from_lexicons(set: &LexiconSet) -> CueIndex {
        CueIndex { names: set.given_names.clone(), ..CueIndex::new(&set.cues) }
    }

    /// Also find attributions whose cue only `model` knows.
    pub fn with_model(mut self, model: CueModel) -> CueIndex {
        self.model = Some(model);
        self
    }

    /// The longest cue starting at token `i`: (token range, cue index).
    fn at(&self, doc: &Document, i: usize) -> Option<(Range<usize>, usize)> {
        let forms = self.by_first.get(doc.tokens[i].key.as_str())?;
        forms.iter().find_map(|(words, cue)| {
            let end = i + words.len();
            let fits =
                end <= doc.tokens.len() && words.iter().enumerate().all(|(k, w)| doc.tokens[i + k].key == w.as_str());
            fits.then_some((i..end, *cue))
        })
    }

    /// The class of cue `i`.
    pub fn class(&self, i: usize) -> CueClass {
        self.classes[i]
    }
}

/// Words that end a speaker phrase when walking away from the cue.
const STOP_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "and", "but", "because", "as", "while", "after", "before", "when", "if", "so",
    "than", "or", "where", "though", "although", "since", "until", "in", "on", "at", "for", "with", "by", "from", "to",
    "into", "about", "during", "over", "under", "without",
];

/// Words skipped between a speaker and the cue ("he also said", "Mahdi has said").
const BETWEEN_SPEAKER_AND_CUE: &[&str] = &[
    "also",
    "meanwhile",
    "however",
    "nevertheless",
    "reportedly",
    "later",
    "previously",
    "further",
    "then",
    "again",
    "earlier",
    "has",
    "had",
    "have",
    "was",
    "is",
    "were",
    "are",
    "would",
    "will",
    "had",
    "once",
    "repeatedly",
    "publicly",
    "privately",
    "recently",
    "allegedly",
    "apparently",
    "only",
    "just",
    "even",
    "still",
    "not",
    "never",
    "did",
    "does",
    "do",
    "first",
    "quickly",
    "might",
    "could",
    "can",
    "may",
    "must",
    "should",
    "be",
    "been",
    "widely",
    "often",
    "now",
    "since",
    "frequently",
    "openly",
    "flatly",
    "simply",
    "finally",
    "initially",
    "originally",
    "ultimately",
    "subsequently",
    "essentially",
    "basically",
    "bluntly",
    "candidly",
    "angrily",
    "proudly",
    "loudly",
    "softly",
    "quietly",
    "jokingly",
    "doesn't",
    "don't",
    "didn't",
    "won't",
    "wouldn't",
    "can't",
    "couldn't",
    "hasn't",
    "haven't",
    "hadn't",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "shouldn't",
    "likely",
    "probably",
    "clearly",
    "generally",
    "usually",
    "always",
    "long",
    "strongly",
];

/// Words that make a phrase a plausible speaker even without capitals, possessives included
/// ("his son said").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "some", "many", "several", "most", "other", "another", "his", "her", "their", "its", "our",
];

/// Time words that end a speaker phrase ("on Sunday a resolution called…").
const TIME_WORDS: &[&str] =
    &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight"];

/// `“A,” he said, but “B.”`, `Mills “A,” Jordan said, and still “B.”`: words that carry a
/// speaker's sentence on after their reporting clause.
const GOES_ON: &[&str] = &["and", "but", "still", "yet", "then", "also", "so"];

/// Words that lead a speaker phrase only with a noun after them ("That person said").
const DEMONSTRATIVES: &[&str] = &["this", "that", "these", "those"];

/// Pronouns a speaker can be.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Find every attribution in `doc`.
pub fn find_attributions(doc: &Document, quotes: &[QuoteSpan], cues: &CueIndex) -> Vec<Attribution> {
    let voices = VoiceMap::new(quotes);
    let hits = cue_hits(doc, cues, &voices);
    let mut found = Vec::new();
    let mut used_cues: Vec<usize> = Vec::new();
    // Single marks quote only in a headline's `Name: ‘…’` (elsewhere they are quotes inside
    // quotes, or titles).
    let after_colon_lead = |q: &QuoteSpan| {
        let open = tokens_in(doc, Span::new(q.span.start, q.inner.start)).start;
        let paragraph = doc.sentence_of(open).map(|s| s.paragraph);
        paragraph.and_then(|p| colon_lead(doc, p)).is_some_and(|(_, colon)| colon + 1 == open)
    };
    for quote in quotes.iter().filter(|q| q.mark == QuoteMark::Double || after_colon_lead(q)) {
        if let Some(a) = direct(doc, quote, &hits, &found) {
            if let Some(cue) = a.cue {
                used_cues.push(cue.start);
            }
            found.push(a);
        }
    }
    for (tokens, cue) in &hits {
        let span = token_span(doc, tokens.clone());
        if used_cues.contains(&span.start) || cues.quotes_only[*cue] {
            continue;
        }
        if let Some(a) = indirect(doc, tokens.clone(), *cue, &voices, &hits) {
            found.push(a);
        }
    }
    for paragraph in 0..doc.paragraphs.len() {
        if let Some(a) = colon_indirect(doc, paragraph, &found) {
            found.push(a);
        }
        if let Some(a) = block_after_lead_in(doc, paragraph, &hits, &found) {
            found.push(a);
        }
    }
    for sentence in 0..doc.sentences.len() {
        if let Some(a) = poll_attribution(doc, sentence, &voices) {
            found.push(a);
        }
    }
    if let Some(model) = &cues.model {
        let learned = learned_attributions(doc, model, &found, &voices, &hits);
        found.extend(learned);
    }
    found.sort_by_key(|a| (a.content.start, a.content.end));
    drop_unattributed_inside_others(&mut found);
    resolve_pronouns(doc, &mut found, &voices, &cues.names);
    found
}

/// Attributions whose cue only the learned model finds: in each sentence, runs of own-voice
/// words the model scores as a cue, clear of every attribution found so far; the speaker is the
/// phrase before the cue (when there is one) and the content what follows it, as for a listed
/// cue ("Clinton plans to call on young people to …").
fn learned_attributions(
    doc: &Document,
    model: &CueModel,
    found: &[Attribution],
    voices: &VoiceMap,
    hits: &[(Range<usize>, usize)],
) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        for run in learned_cue_runs(doc, model, sentence.tokens.clone(), voices) {
            // "did not directly address": the model's run of helper words alone is no cue.
            let Some(cue) = learned_cue_words(doc, run) else { continue };
            let taken = |span: Span| {
                found.iter().chain(&out).any(|a| a.content.overlaps(span) || a.cue.is_some_and(|c| c.overlaps(span)))
            };
            if taken(token_span(doc, cue.clone())) {
                continue;
            }
            let Some(content) = learned_content(doc, &cue, sentence.tokens.end, hits) else { continue };
            if taken(token_span(doc, content.clone())) {
                continue;
            }
            let source = learned_speaker(doc, sentence.tokens.start, cue.start);
            let mut attribution = reported(doc, content, cue, None, source, index);
            attribution.found_by = FoundBy::Model;
            out.push(attribution);
        }
    }
    out
}

/// The runs of consecutive own-voice words of a sentence (`tokens`) that `model` scores as cue
/// words.
fn learned_cue_runs(doc: &Document, model: &CueModel, tokens: Range<usize>, voices: &VoiceMap) -> Vec<Range<usize>> {
    let scorer = model.scorer(doc, tokens.clone());
    let is_cue =
        |i: usize| is_candidate(doc, i) && voices.voice_of(doc.tokens[i].span) == Voice::Own && scorer.is_cue(i);
    let mut runs: Vec<Range<usize>> = Vec::new();
    for i in tokens.clone().filter(|&i| is_cue(i)) {
        match runs.last_mut() {
            Some(run) if run.end == i => run.end += 1,
            _ => runs.push(i..i + 1),
        }
    }
    runs
}

/// What a learned cue reports: the words after it, as for a listed cue, unless they start with
/// a verb ("the strike the president approved resulted in …") or a passive's agent
/// ("authorized by court rulings"), or are fewer than [`LEARNED_MIN_WORDS`].
fn learned_content(
    doc: &Document,
    cue: &Range<usize>,
    end: usize,
    hits: &[(Range<usize>, usize)],
) -> Option<Range<usize>> {
    // `Caddell continued:` closing its paragraph: the block after it.
    if let Some(block) = block_after_colon(doc, cue.end) {
        return Some(block);
    }
    let content = content_after(doc, cue.end, end, hits)?;
    let content = trim_punct(doc, cut_at_semicolon(doc, content, cue));
    let content = trim_punct(doc, cut_learned_content_end(doc, content));
    let verb_first = doc.tokens.get(content.start).is_some_and(|t| t.key.ends_with("ed") || t.key == "by")
        || content.start < content.end && has_finite_verb(doc, content.start..content.start + 1);
    (words_in(doc, content.clone()) >= LEARNED_MIN_WORDS && !verb_first).then_some(content)
}

/// A learned cue's content without what the writer adds after it: a participle clause after a
/// comma ("ruled against the procedure, dealing a blow to …"), an aside after a dash, or a new
/// clause after ", and" ("highlighted sharp differences, and the crisis has …"). Measured on
/// PolNeAR: +0.001 F1 on dev, +0.003 on train; cutting at subordinators, "as", a circumstance
/// after a noun or a sentence end measured no better.
fn cut_learned_content_end(doc: &Document, content: Range<usize>) -> Range<usize> {
    let key = |i: usize| &*doc.tokens[i].key;
    let participle = |i: usize| {
        surface(doc, i) == ","
            && doc
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Word && t.key.len() > 5 && t.key.ends_with("ing"))
    };
    let new_clause = |i: usize| {
        matches!(key(i), "and" | "but")
            && surface(doc, i - 1) == ","
            && has_finite_verb(doc, i + 1..(i + 5).min(content.end))
    };
    let end = (content.start + 1..content.end)
        .find(|&i| participle(i) || (words_in(doc, content.start..i) >= 2 && (is_dash(doc, i) || new_clause(i))));
    content.start..end.unwrap_or(content.end)
}

/// The speaker of a learned cue: the phrase before it, as for a listed cue, cut back to the
/// sentence's subject when the words after the subject could not speak ("Trump took offense
/// at", but "Iraqi lawmakers voted"), and the subject when no phrase stands right before the
/// cue ("The union could not resist pointing out").
fn learned_speaker(doc: &Document, sentence_start: usize, cue: usize) -> Option<Range<usize>> {
    let before = speaker_before(doc, sentence_start, cue);
    let subject = sentence_subject(doc, sentence_start, cue);
    let speaker = match (before, subject) {
        (Some(b), Some(s)) if s.start == b.start && s.end < b.end && !is_speaker_phrase(doc, s.end..b.end) => Some(s),
        (before, subject) => before.or(subject),
    };
    // "to pass on the suggestion", "There was no immediate comment": an article before a noun
    // cue, or an existential "there", names nobody.
    speaker.filter(|s| !(s.len() == 1 && matches!(&*doc.tokens[s.start].key, "the" | "a" | "an" | "there")))
}

/// Fewest words a learned cue's content may have.
const LEARNED_MIN_WORDS: usize = 2;

/// Words that carry no report of their own: auxiliaries, prepositions, articles and adverbs the
/// learned model scores high next to a cue ("has previously made", "known as", "for Clinton").
const HELPER_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "to",
    "of",
    "for",
    "with",
    "about",
    "as",
    "on",
    "in",
    "at",
    "by",
    "from",
    "against",
    "also",
    "not",
    "has",
    "have",
    "had",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "does",
    "did",
    "do",
    "might",
    "may",
    "would",
    "will",
    "could",
    "can",
    "should",
    "must",
    "made",
    "make",
    "makes",
    "gave",
    "known",
    "went",
    "which",
    "who",
    "that",
    "directly",
    "previously",
    "still",
    "never",
    "just",
    "only",
];

/// A learned cue run without helper words at its ends, and None when it is helpers only or a
/// capitalised word inside a title-case headline ("Mixed Messages on …").
fn learned_cue_words(doc: &Document, run: Range<usize>) -> Option<Range<usize>> {
    // "did not immediately respond": an adverb is no cue either.
    let helper = |i: usize| HELPER_WORDS.contains(&&*doc.tokens[i].key) || doc.tokens[i].key.ends_with("ly");
    let start = run.clone().find(|&i| !helper(i))?;
    let end = run.end;
    let headline =
        (start..end).any(|i| is_capitalized(doc, i) && doc.sentence_of(i).is_some_and(|s| s.tokens.start != i));
    (!headline).then_some(start..end)
}

/// `“You squeezed employees” to drive up the stock price, she said`: a quotation with neither
/// cue nor speaker that lies inside another attribution's words is part of that one.
fn drop_unattributed_inside_others(found: &mut Vec<Attribution>) {
    let attributed = |a: &Attribution| a.cue.is_some() || a.source.is_some();
    let encloses = |o: &Attribution, a: &Attribution| {
        o.content.start <= a.content.start && a.content.end <= o.content.end && o.content != a.content
    };
    let drop: Vec<bool> =
        found.iter().map(|a| !attributed(a) && found.iter().any(|o| attributed(o) && encloses(o, a))).collect();
    let mut drop = drop.into_iter();
    found.retain(|_| !drop.next().unwrap_or(false));
}

/// Words after which a cue word is a noun ("their calls", "the report", "secretary of state").
const NOUN_MARKERS: &[&str] = &[
    "the", "a", "an", "their", "his", "her", "its", "our", "my", "your", "this", "these", "those", "such", "no", "of",
];

/// Cues outside quotation marks: (token range, cue index). A capitalised cue word is a name
/// ("the United States") unless it opens a sentence; one after an article or a possessive is a
/// noun.
fn cue_hits(doc: &Document, cues: &CueIndex, voices: &VoiceMap) -> Vec<(Range<usize>, usize)> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let Some((range, cue)) = cues.at(doc, i) else {
            i += 1;
            continue;
        };
        // "(According to the police, …": an opening bracket may come first.
        let opens_sentence = || {
            let first = (0..i).rev().take_while(|&j| matches!(surface(doc, j), "(" | "[")).last().unwrap_or(i);
            doc.sentences.binary_search_by_key(&first, |s| s.tokens.start).is_ok()
        };
        // In a Title Case headline a capitalised finite cue ("Says") is a verb; "Writing" in
        // "Started Writing His Address" is not taken.
        let headline_verb = || !doc.tokens[i].key.ends_with("ing") && in_title_case_sentence(doc, i);
        let capital_name = is_capitalized(doc, i) && !opens_sentence() && !headline_verb();
        let after_article = i > 0 && (NOUN_MARKERS.contains(&&*doc.tokens[i - 1].key) || is_possessive(doc, i - 1));
        // "did not show up", "called off the vote": a particle makes another verb.
        let phrasal = doc.tokens.get(range.end).is_some_and(|t| matches!(&*t.key, "up" | "off"));
        // "pledged delegates": the participle is the term's adjective.
        let term = doc.tokens[i].key == "pledged" && doc.tokens.get(range.end).is_some_and(|t| t.key == "delegates");
        // "Iraq has found itself in a predicament": finding oneself somewhere reports nothing
        // ("calls himself a socialist" does).
        let reflexive = matches!(&*doc.tokens[i].key, "found" | "finds" | "find")
            && doc.tokens.get(range.end).is_some_and(|t| {
                matches!(&*t.key, "itself" | "himself" | "herself" | "themselves" | "myself" | "ourselves")
            });
        // "Trump said praise from Putin would not …": a cue word right after "said" opens
        // the reported clause.
        let after_said = hits.last().is_some_and(|(r, _): &(Range<usize>, usize)| {
            r.end == i && matches!(&*doc.tokens[r.start].key, "said" | "says" | "say" | "told" | "tells")
        });
        // `<tweet id="…">`, `</tweet>`: markup left in scraped text names a tag, not a cue.
        let markup = doc.text[..doc.tokens[i].span.start].ends_with(['<', '/']);
        // "Additional reporting by …": a credit line.
        let credit = i > 0 && doc.tokens[i - 1].key == "additional" && doc.tokens[i].key == "reporting";
        // "the drug was found in his car", "they found a way": a place or a way, no finding.
        let not_reporting = no_report_sense(doc, i);
        // "Having said that, …", "That said, …": a discourse marker, nobody's words.
        // ("Having said that he would resign, …" reports his words.)
        let concession = key_at(doc, i) == "said"
            && i > 0
            && match key_at(doc, i - 1) {
                "having" => matches!(key_at(doc, range.end), "that" | "this") && surface_at(doc, range.end + 1) == ",",
                "that" | "this" => {
                    surface_at(doc, range.end) == ","
                        && doc.sentences.binary_search_by_key(&(i - 1), |s| s.tokens.start).is_ok()
                }
                _ => false,
            };
        if voices.voice_of(doc.tokens[i].span) == Voice::Own
            && !markup
            && !credit
            && !not_reporting
            && !concession
            && !after_said
            && !capital_name
            && !after_article
            && !phrasal
            && !term
            && !reflexive
            && !hyphen_joined(doc, i)
        {
            i = range.end;
            hits.push((range, cue));
            continue;
        }
        i += 1;
    }
    hits
}

/// "self-described", "so-called", "long-said": the word is joined to the one before it by a
/// hyphen, so it is part of a compound adjective, not a reporting verb.
fn hyphen_joined(doc: &Document, i: usize) -> bool {
    i > 0
        && doc.text[..doc.tokens[i].span.start].ends_with('-')
        && doc.tokens[i - 1].span.end + 1 == doc.tokens[i].span.start
}

/// A headline written in Title Case ("Ruth Okafor Says She Has Already Started Writing …"),
/// where a capitalised cue word is still a verb: most words of the sentence are capitalised.
fn in_title_case_sentence(doc: &Document, i: usize) -> bool {
    let Some(sentence) = doc.sentence_of(i) else {
        return false;
    };
    let words = sentence.tokens.clone().filter(|&t| doc.tokens[t].kind == TokenKind::Word);
    let (count, capitalised) = words.fold((0, 0), |(n, c), t| (n + 1, c + usize::from(is_capitalized(doc, t))));
    count >= 4 && capitalised * 4 >= count * 3
}

/// "Trump's claims", "Editor's note": a possessive before a cue word makes it a noun ("he's
/// said" is a contraction, not a possessive).
fn is_possessive(doc: &Document, i: usize) -> bool {
    const CONTRACTED: &[&str] = &["he", "she", "it", "that", "there", "who", "what", "here", "this", "where"];
    // The key already has the "'s" removed and is lower case.
    let key = &*doc.tokens[i].key;
    surface(doc, i).len() > 2 && surface(doc, i).ends_with("'s") && !CONTRACTED.contains(&key)
}

/// A cue found for a quote: its tokens, the speaker's tokens when there is one, and the cue's
/// index in the lexicon.
type CueFound = (Range<usize>, Option<Range<usize>>, usize);

/// The cue hits (sorted by token) starting at token `from` or later.
fn hits_from(hits: &[(Range<usize>, usize)], from: usize) -> &[(Range<usize>, usize)] {
    &hits[hits.partition_point(|(r, _)| r.start < from)..]
}

fn token_span(doc: &Document, tokens: Range<usize>) -> Span {
    Span::new(doc.tokens[tokens.start].span.start, doc.tokens[tokens.end - 1].span.end)
}

/// Token range of the tokens lying inside `span`.
fn tokens_in(doc: &Document, span: Span) -> Range<usize> {
    let start = doc.tokens.partition_point(|t| t.span.start < span.start);
    let end = doc.tokens.partition_point(|t| t.span.end <= span.end);
    start..end.max(start)
}

fn surface<'d>(doc: &'d Document, i: usize) -> &'d str {
    doc.tokens[i].norm.slice(doc.normalized.as_str())
}

/// "found" of a place or a way ("found in his car", "found a way"), which reports no finding
/// ("found in 2014 that …" does).
fn no_report_sense(doc: &Document, cue: usize) -> bool {
    let place = matches!(key_at(doc, cue + 1), "in" | "at" | "on" | "inside" | "near" | "under" | "beside")
        && !(cue + 2..cue + 8).any(|j| key_at(doc, j) == "that");
    let way = DETERMINERS.contains(&key_at(doc, cue + 1)) && matches!(key_at(doc, cue + 2), "way" | "ways");
    key_at(doc, cue) == "found" && (place || way)
}

/// The matching key of token `i`, or "" past the last token.
fn key_at<'d>(doc: &'d Document, i: usize) -> &'d str {
    doc.tokens.get(i).map_or("", |t| &*t.key)
}

/// The normalised text of token `i`, or "" past the last token.
fn surface_at<'d>(doc: &'d Document, i: usize) -> &'d str {
    if i < doc.tokens.len() { surface(doc, i) } else { "" }
}

/// A dash (the normalised view writes every dash as `-`; some texts double it).
fn is_dash(doc: &Document, i: usize) -> bool {
    matches!(surface(doc, i), "-" | "--")
}

/// Word and number tokens in `range` (punctuation not counted).
fn words_in(doc: &Document, range: Range<usize>) -> usize {
    range.filter(|&i| !is_punct(doc, i)).count()
}

fn is_punct(doc: &Document, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Punct
}

pub(super) fn is_capitalized(doc: &Document, i: usize) -> bool {
    surface(doc, i).chars().next().is_some_and(char::is_uppercase)
}

/// A direct attribution for one quote, or `None` for a title in quotation marks or an unattributable quote.
fn direct(
    doc: &Document,
    quote: &QuoteSpan,
    hits: &[(Range<usize>, usize)],
    earlier: &[Attribution],
) -> Option<Attribution> {
    let inner = tokens_in(doc, quote.inner);
    if inner.is_empty() {
        return None;
    }
    let words = words_in(doc, inner.clone());
    let sentence_index = doc.sentences.partition_point(|s| s.tokens.end <= inner.start);
    let sentence = doc.sentences.get(sentence_index)?;
    let end_sentence = doc.sentences.partition_point(|s| s.tokens.end < inner.end).min(doc.sentences.len() - 1);
    let sentence_end = doc.sentences[end_sentence].tokens.end;
    // The opening mark's first token (NYT's '' is two).
    let mark = tokens_in(doc, Span::new(quote.span.start, quote.inner.start));
    let open_mark = if mark.is_empty() { inner.start.saturating_sub(1) } else { mark.start };
    let close_mark = (inner.end..sentence_end)
        .find(|&i| !is_punct(doc, i) || surface(doc, i) == "\"")
        .map_or(inner.end, |i| if surface(doc, i) == "\"" { i + 1 } else { inner.end });
    let before_start = sentence.tokens.start;
    // `Gingrich said, “In many ways …”`: a cue and a comma lead into a quote as a colon does.
    let comma_lead_in = open_mark > 1
        && surface(doc, open_mark - 1) == ","
        && hits_from(hits, before_start)
            .iter()
            .take_while(|(r, _)| r.start < open_mark)
            .any(|(r, _)| r.end == open_mark - 1)
        && is_capitalized(doc, inner.start);
    let starts_sentence =
        open_mark <= before_start || (open_mark > 0 && surface(doc, open_mark - 1) == ":") || comma_lead_in;
    if !starts_sentence && (is_title(doc, inner.clone(), words) || is_label(doc, open_mark, inner.clone(), close_mark))
    {
        return None;
    }
    let after = || cue_after(doc, close_mark.max(inner.end), sentence_end, hits);
    let before = || cue_before(doc, before_start, open_mark, hits);
    let next = || cue_in_next_sentence(doc, close_mark.max(inner.end), end_sentence, hits);
    // A fragment belongs to its sentence's verb before it; a full quote to the cue after it.
    let lead = || cue_in_lead_in_paragraph(doc, sentence.paragraph, open_mark, hits);
    // A cue and comma leading in (`Varga said, “…,” adding, “…”`) name this quote's speaker.
    let found = if comma_lead_in {
        before().or_else(after)
    } else if starts_sentence {
        after().or_else(next).or_else(before).or_else(lead)
    } else {
        before().or_else(after)
    };
    // `“…,” said James Miller, author of “Those Guys”`: a cue already taken by an earlier quote
    // does not make a quote inside the writer's words after it an attribution of its own
    // (`“A,” he said, “B.”` keeps B: only the speaker stands between the cue and B).
    let cue_taken = |cue: &Range<usize>| {
        let span = token_span(doc, cue.clone());
        earlier.iter().any(|a| a.cue == Some(span) && a.content.end <= span.start)
    };
    // `“Word is,” Trump said last month, “that Ford …”`: the first part ended on a comma and a
    // comma leads into this one, so the speaker's sentence goes on.
    let continues = |cue: &Range<usize>| {
        let span = token_span(doc, cue.clone());
        open_mark > 0
            && surface(doc, open_mark - 1) == ","
            && earlier.iter().any(|a| a.cue == Some(span) && a.content.slice(doc.text).ends_with(','))
    };
    let continuation = found.as_ref().is_some_and(|(cue, ..)| cue.end <= inner.start && continues(cue));
    if let Some((cue, ..)) = &found
        && cue.end <= inner.start
        && !starts_sentence
        && !continuation
        && cue_taken(cue)
        && (cue.end..open_mark).any(|i| {
            let key = &*doc.tokens[i].key;
            doc.tokens[i].kind == TokenKind::Word && !is_capitalized(doc, i) && !GOES_ON.contains(&key)
        })
    {
        return None;
    }
    let (cue, source, cue_entry) = match found {
        Some((cue, source, entry)) => (Some(cue), source, Some(entry)),
        None => {
            let paragraph_end = doc.paragraphs[sentence.paragraph].tokens.end;
            let colon = colon_lead(doc, sentence.paragraph).filter(|(_, colon)| colon + 1 == open_mark);
            let source = colon.map(|(speaker, _)| speaker).or_else(|| lead_in_subject(doc, open_mark));
            (None, source.or_else(|| dash_speaker(doc, close_mark.max(inner.end), paragraph_end)), None)
        }
    };
    // A quote that is a sentence of its own (capital first, at least three words, a full stop or
    // question or exclamation mark at the end; not “New York values,”) is full even
    // when the writer's sentence leads into it ("Lee, who declared, “It is time to unite.”").
    let ends_sentence = matches!(surface(doc, inner.end - 1), "." | "?" | "!");
    let sentence_like = is_capitalized(doc, inner.start) && words >= 3 && ends_sentence;
    let full = (starts_sentence || sentence_like || continuation) && words >= 3 || words >= 8;
    let extent = if full { Extent::Full } else { Extent::Fragment };
    let mut attribution = Attribution {
        kind: Kind::Direct,
        extent: Some(extent),
        content: quote.inner,
        cue: cue.clone().map(|c: Range<usize>| token_span(doc, c)),
        cue_entry,
        source: source.clone().map(|s: Range<usize>| token_span(doc, s)),
        resolved: None,
        clause: None,
        sentence: sentence_index,
        paragraph: sentence.paragraph,
        found_by: FoundBy::Rules,
    };
    // A fragment, or a quote led into by the writer's words after a cue ("said in a statement
    // that Trump “has a long history …”"), is part of the writer's clause.
    // So is a quote opening lower-case inside the writer's sentence before its cue ("a top
    // priority “is raising taxes at the top,” Kamin said").
    let mixed = !starts_sentence
        && !continuation
        && cue.as_ref().is_some_and(|c| c.end <= inner.start || !is_capitalized(doc, inner.start));
    if (extent == Extent::Fragment || mixed)
        && let Some(cue_tokens) = cue.as_ref()
    {
        attribution.clause =
            fragment_clause(doc, cue_tokens.clone(), sentence.tokens.clone(), (open_mark, &inner), hits);
    }
    // `“…” that the border is secure, he said`: the writer's words between the quote and its
    // reporting clause are reported too.
    if let (Some(c), Some(s)) = (&cue, &source)
        && c.start >= inner.end
        && s.start > close_mark
        && (close_mark..s.start).any(|i| doc.tokens[i].kind == TokenKind::Word)
        && let Some(comma) = (close_mark..s.start).rev().find(|&i| surface(doc, i) == ",")
    {
        let clause = trim_punct(doc, open_mark..comma);
        attribution.clause = (!clause.is_empty()).then(|| token_span(doc, clause));
    }
    if continuation && attribution.source.is_none() {
        let first_part = earlier.iter().rev().find(|a| a.cue.is_some() && a.cue == attribution.cue);
        attribution.resolved = first_part.and_then(Attribution::speaker_span);
    }
    if attribution.cue.is_none() && attribution.source.is_none() {
        if extent == Extent::Fragment {
            return None;
        }
        let previous = earlier
            .iter()
            .rev()
            .find(|a| a.kind == Kind::Direct && a.speaker_span().is_some())
            .filter(|p| sentence.paragraph <= p.paragraph + 1);
        let reported = || speaker_reported_just_before(doc, sentence_index, hits);
        let (speaker, entry) = match previous {
            Some(p) => (p.speaker_span()?, p.cue_entry),
            None => reported()?,
        };
        attribution.resolved = Some(speaker);
        attribution.cue_entry = entry;
    }
    Some(attribution)
}

/// `Clinton said she would fight on. “We are not done.”`: the speaker of the last cue in the
/// sentence just before (same or previous paragraph), for a quote with no cue of its own.
fn speaker_reported_just_before(
    doc: &Document,
    sentence: usize,
    hits: &[(Range<usize>, usize)],
) -> Option<(Span, Option<usize>)> {
    let before = doc.sentences.get(sentence.checked_sub(1)?)?;
    if before.paragraph + 1 < doc.sentences[sentence].paragraph {
        return None;
    }
    let in_sentence = &hits[..hits.partition_point(|(r, _)| r.start < before.tokens.end)];
    let (cue, entry) = hits_from(in_sentence, before.tokens.start).last()?;
    let speaker = speaker_before(doc, before.tokens.start, cue.start)
        .or_else(|| speaker_after(doc, cue.end, before.tokens.end))
        .filter(|s| !PRONOUNS.contains(&&*doc.tokens[s.start].key) || s.len() > 1)?;
    Some((token_span(doc, speaker), Some(*entry)))
}

/// The clause around a fragment: after a cue before it (to the sentence end), or before a cue
/// after it (from the sentence start).
fn fragment_clause(
    doc: &Document,
    cue: Range<usize>,
    sentence: Range<usize>,
    (open_mark, inner): (usize, &Range<usize>),
    hits: &[(Range<usize>, usize)],
) -> Option<Span> {
    let clause = if cue.end <= inner.start {
        // `a message reading “Thank you Georgia” after the polls closed`, `responds
        // enthusiastically: “Okay!”`: a quote right after its cue or a colon is the content by itself;
        // `According to Woodward, “The real estate world …”`: so is a sentence led in by a comma.
        let led_in = match surface(doc, open_mark.saturating_sub(1)) {
            ":" => true,
            "," => is_capitalized(doc, inner.start),
            _ => false,
        };
        // `she said, but “…”`: so is a quote the speaker's sentence goes on into.
        let goes_on = |i: usize| is_punct(doc, i) || GOES_ON.contains(&&*doc.tokens[i].key);
        if (cue.end..inner.start).all(|i| is_punct(doc, i)) || led_in || (cue.end..inner.start).all(goes_on) {
            return None;
        }
        // `Patel said that “we need more data” about how …`: the clause runs from the quote.
        let clause = content_after(doc, cue.end, sentence.end, hits).unwrap_or(open_mark..sentence.end);
        // `told an aide on a regular basis that “…”`: a "that" just before the quote opens the
        // reported clause however far the cue is.
        let clause = if open_mark > clause.start && doc.tokens[open_mark - 1].key == "that" {
            open_mark..clause.end
        } else {
            clause
        };
        // `said the system was “corrupt,” noting …`: a quote ending on a comma ends the clause.
        let comma_inside = inner.end > inner.start && surface(doc, inner.end - 1) == ",";
        let clause = if comma_inside { clause.start..(inner.end + 1).min(clause.end) } else { clause };
        // `he intends to “win over voters” everywhere he can, it would seem …`: and so does the
        // first comma after the quote, outside a list.
        let after_quote = (inner.end + 1).min(clause.end)..clause.end;
        let clause = phrase_end(doc, after_quote).map_or(clause.clone(), |comma| clause.start..comma);
        cut_before_relative(doc, cut_before_next_cue(doc, clause, &cue, hits))
    } else {
        let comma = (sentence.start..cue.start).rev().find(|&i| surface(doc, i) == ",").unwrap_or(cue.start);
        sentence.start..comma
    };
    let clause = trim_punct(doc, clause);
    // `to denounce both Iran and the US as “occupiers”.`: a clause holding the opening mark keeps
    // the closing one that trimming took.
    let closes_fragment = clause.contains(&open_mark) && clause.end == inner.end && inner.end < sentence.end;
    let clause = if closes_fragment { clause.start..inner.end + 1 } else { clause };
    (!clause.is_empty()).then(|| token_span(doc, clause))
}

/// `the “Medicare for all” document`, `a “pay to play” scheme`: a quotation of several plain
/// words between a determiner and the noun it modifies names a thing; nobody is quoted saying it.
fn is_label(doc: &Document, open_mark: usize, inner: Range<usize>, close_mark: usize) -> bool {
    let after_determiner = open_mark > 0 && DETERMINERS.contains(&&*doc.tokens[open_mark - 1].key);
    // `the “textbook definition” of racism`, `the “senseless, tragic deaths”`: fragments.
    let before_noun = doc.tokens.get(close_mark).is_some_and(|t| {
        t.kind == TokenKind::Word
            && !is_capitalized(doc, close_mark)
            && !STOP_WORDS.contains(&&*t.key)
            && !matches!(&*t.key, "of" | "is" | "was" | "are" | "were")
    });
    let plain_words = inner.clone().all(|i| doc.tokens[i].kind == TokenKind::Word || is_dash(doc, i));
    inner.len() >= 2 && after_determiner && before_noun && plain_words
}

/// A short Title Case quote ("Face the Nation") names a work, not words someone said.
fn is_title(doc: &Document, inner: Range<usize>, words: usize) -> bool {
    const SMALL: &[&str] = &["the", "of", "and", "a", "an", "in", "on", "for", "to", "with"];
    // `chanted “USA! USA!”`: an exclamation or a question is speech, not a title.
    let exclaims = inner.clone().any(|i| matches!(surface(doc, i), "!" | "?"));
    words <= 6
        && !exclaims
        && inner
            .clone()
            .filter(|&i| !is_punct(doc, i))
            .all(|i| is_capitalized(doc, i) || SMALL.contains(&&*doc.tokens[i].key))
        && inner.clone().filter(|&i| !is_punct(doc, i)).any(|i| is_capitalized(doc, i))
}

/// `“…,” X said` or `“…,” said X`: a cue within a few tokens after the closing mark.
fn cue_after(doc: &Document, from: usize, sentence_end: usize, hits: &[(Range<usize>, usize)]) -> Option<CueFound> {
    let start = (from..sentence_end).find(|&i| !is_punct(doc, i) || surface(doc, i) == "\"")?;
    if surface(doc, start) == "\"" {
        return None; // another quote follows before any cue
    }
    // `“…,” Paul Renner, the president of the Ohio state nurses union, said`: a cue
    // word inside the speaker's appositive ("state") that finds no speaker does not end the search.
    hits_from(hits, start)
        .iter()
        .take_while(|(r, _)| r.start <= start + 24 && r.start < sentence_end)
        .take(3)
        .find_map(|hit| speaker_for_cue_after(doc, start, sentence_end, hit))
}

/// The cue `hit` after a quote whose writer's words begin at `start`, with its speaker.
fn speaker_for_cue_after(
    doc: &Document,
    start: usize,
    sentence_end: usize,
    (cue, entry): &(Range<usize>, usize),
) -> Option<CueFound> {
    // `“…,” Sen. Marco Rubio (R-Fla.) said`: a parenthesis before the cue is part of the speaker.
    let between = start..skip_parenthesis_back(doc, start, cue.start);
    if between.clone().any(|i| is_punct(doc, i) && surface(doc, i) != ".") {
        // `“…,” Sadr, who leads the largest bloc, said`: the speaker is before the first comma.
        // `“…” between the US and Iraq, says Herbert`: the speaker follows the cue.
        let first_comma = between.clone().find(|&i| surface(doc, i) == ",")?;
        let comma_before_cue = surface(doc, skip_adverbs_back(doc, between.clone()).end - 1) == ",";
        let who = doc.tokens.get(first_comma + 1).is_some_and(|t| matches!(&*t.key, "who" | "which"));
        let according = cites_source_after(doc, cue);
        let source = start..first_comma;
        // `“…,” Ki Hong, 33, said`: a name, then an appositive set off by commas, then the cue;
        // the name may follow its role (`the economist Rosa Lindqvist, a former adviser, wrote`).
        let named = is_named(doc, source.clone()) || ends_in_name(doc, source.clone());
        if comma_before_cue && (who || named) && is_speaker_phrase(doc, source.clone()) {
            return Some((cue.clone(), Some(source), *entry));
        }
        // `“…,” another team mate, Peter Lindahl, recalled`: a role, then the name.
        let last_comma = skip_adverbs_back(doc, between.clone()).end - 1;
        if comma_before_cue && last_comma > first_comma + 1 && is_name(doc, first_comma + 1..last_comma) {
            return Some((cue.clone(), Some(start..last_comma), *entry));
        }
        // `“…” that the border is secure, he said`: the writer's words finish the quoted
        // sentence, and a short reporting clause ends it.
        let last_comma = between.clone().rev().find(|&i| surface(doc, i) == ",").unwrap_or(first_comma);
        let speaker = last_comma + 1..between.end;
        let clause_ends = words_in(doc, cue.end..sentence_end) <= 6;
        if !comma_before_cue
            && !according
            && clause_ends
            && speaker.len() <= 5
            && is_speaker_phrase(doc, speaker.clone())
        {
            return Some((cue.clone(), Some(speaker), *entry));
        }
        let after = speaker_after(doc, cue.end, sentence_end)?;
        return (comma_before_cue && !according).then(|| (cue.clone(), Some(after), *entry));
    }
    if between.len() > 10 {
        return None;
    }
    let source = if between.is_empty() {
        // `defended “Ohio values,” saying the state …`: a participle never has its speaker
        // after it; it leads into the writer's next clause.
        if doc.tokens[cue.end - 1].key.ends_with("ing") {
            return None;
        }
        speaker_after(doc, cue.end, sentence_end)
    } else {
        let phrase = strip_leading_conjunctions(doc, skip_adverbs_back(doc, between));
        if !is_speaker_phrase(doc, phrase.clone()) {
            return None;
        }
        Some(phrase)
    };
    Some((cue.clone(), source.filter(|s| !s.is_empty()), *entry))
}

/// `“Is it over?” Sanders replied.`: a quote that ends its sentence, and a next sentence in the
/// same paragraph that opens with its speaker and cue (a recipient, time or place may follow).
fn cue_in_next_sentence(
    doc: &Document,
    from: usize,
    sentence: usize,
    hits: &[(Range<usize>, usize)],
) -> Option<CueFound> {
    let this = &doc.sentences[sentence];
    if (from..this.tokens.end).any(|i| !is_punct(doc, i)) {
        return None;
    }
    let next = doc.sentences.get(sentence + 1).filter(|n| n.paragraph == this.paragraph && n.tokens.len() <= 24)?;
    let found = cue_after(doc, next.tokens.start, next.tokens.end, hits)?;
    let told_end = found.1.as_ref().map_or(found.0.end, |s| s.end.max(found.0.end));
    let reported_speech = (found.0.end..next.tokens.end).any(|i| doc.tokens[i].key == "that");
    // The cue opens the sentence with its speaker (`Trump told ITV in an interview on Monday.`).
    let opens = found.0.start <= next.tokens.start + 5;
    let tail = words_in(doc, told_end..next.tokens.end);
    (found.1.is_some() && !reported_speech && opens && tail <= 12).then_some(found)
}

/// `Stated Stone:` ending one paragraph, and the quote opening the next.
fn cue_in_lead_in_paragraph(
    doc: &Document,
    paragraph: usize,
    open_mark: usize,
    hits: &[(Range<usize>, usize)],
) -> Option<CueFound> {
    if open_mark != doc.paragraphs[paragraph].tokens.start {
        return None;
    }
    let colon = doc.paragraphs.get(paragraph.checked_sub(1)?)?.tokens.end.checked_sub(1)?;
    if surface(doc, colon) != ":" {
        return None;
    }
    let sentence_start = doc.sentence_of(colon)?.tokens.start;
    cue_before(doc, sentence_start, colon, hits)
}

/// `Limbaugh added:` as a short paragraph of its own, and the next paragraph without quotation
/// marks: a block the writer sets off as the speaker's words (a transcript, a letter, another
/// outlet's report). Reported, not direct: no mark says the words are the speaker's own, so the
/// text layer counts them as the outlet's voice.
fn block_after_lead_in(
    doc: &Document,
    paragraph: usize,
    hits: &[(Range<usize>, usize)],
    found: &[Attribution],
) -> Option<Attribution> {
    let first = doc.paragraphs[paragraph].tokens.start;
    let content = block_after_colon(doc, first.checked_sub(1)?)?;
    let (cue, source, entry) = cue_in_lead_in_paragraph(doc, paragraph, first, hits)?;
    let span = token_span(doc, content.clone());
    if source.is_none() || found.iter().any(|a| a.content.overlaps(span)) {
        return None;
    }
    let sentence = doc.sentences.partition_point(|s| s.tokens.end <= cue.start);
    Some(reported(doc, content, cue, Some(entry), source, sentence))
}

/// The paragraph after `colon` when the colon closes a short paragraph and the next one opens
/// without a quotation mark (see [`block_after_lead_in`]).
fn block_after_colon(doc: &Document, colon: usize) -> Option<Range<usize>> {
    let paragraph = doc.sentence_of(colon)?.paragraph;
    let lead_in = doc.paragraphs[paragraph].tokens.clone();
    let next = paragraph + 1;
    let tokens = doc.paragraphs.get(next)?.tokens.clone();
    let closes = surface(doc, colon) == ":" && lead_in.end == colon + 1;
    (closes && words_in(doc, lead_in) <= LEAD_IN_MAX_WORDS && !tokens.is_empty() && !opens_with_quote_mark(doc, next))
        .then(|| trim_punct(doc, tokens))
}

/// Most words a paragraph may have to lead a block in with its colon.
const LEAD_IN_MAX_WORDS: usize = 15;

/// Paragraph openers before a colon that label furniture, not a speaker ("Related: …").
const NOT_SPEAKERS: &[&str] = &[
    "contributing",
    "related",
    "watch",
    "update",
    "updated",
    "note",
    "editor",
    "editors",
    "video",
    "photo",
    "photos",
    "read",
    "see",
    "correction",
    "breaking",
    "transcript",
    "source",
    "credit",
    "image",
    "listen",
    "tags",
    "topics",
    "filed",
    "advertisement",
    "more",
    "also",
    "subscribe",
    "warning",
    "contact",
    "email",
    "follow",
    "share",
    "posted",
    "here",
    "partial",
    "excerpt",
    "excerpts",
    "below",
];

/// `Hartley: The council should have fixed it`, `KATE BOULDUAN: Why not debate?`: a paragraph
/// (a headline, a transcript turn) opening with a short capitalised name and a colon. Returns the
/// name's tokens and the colon's token.
fn colon_lead(doc: &Document, paragraph: usize) -> Option<(Range<usize>, usize)> {
    let tokens = doc.paragraphs[paragraph].tokens.clone();
    let colon = tokens.clone().take(8).find(|&i| surface(doc, i) == ":")?;
    // `"WALLACE: …`: a transcript quoted turn by turn has its label inside the quote.
    let quoted_turn = opens_with_quote_mark(doc, paragraph);
    let name = tokens.start + usize::from(quoted_turn)..colon;
    let words: Vec<usize> = name.clone().filter(|&i| !is_punct(doc, i)).collect();
    let words_after = words_in(doc, colon + 1..tokens.end);
    let plain = name.clone().all(|i| !is_punct(doc, i) || surface(doc, i) == ".");
    let named = words.iter().all(|&i| doc.tokens[i].kind == TokenKind::Word && is_capitalized(doc, i));
    let furniture = words.iter().any(|&i| NOT_SPEAKERS.contains(&&*doc.tokens[i].key));
    // "The Bubble: …" is a column's name, not a speaker's.
    let column = words.first().is_some_and(|&i| DETERMINERS.contains(&&*doc.tokens[i].key));
    (!words.is_empty()
        && words.len() <= 5
        && plain
        && named
        && !furniture
        && !column
        && (quoted_turn || !is_kicker(doc, &words, paragraph))
        && words_after >= MIN_CONTENT_WORDS)
        .then_some((name, colon))
}

/// Whether a paragraph opens with a quotation mark.
fn opens_with_quote_mark(doc: &Document, paragraph: usize) -> bool {
    let first = doc.paragraphs[paragraph].tokens.start;
    first < doc.paragraphs[paragraph].tokens.end && surface(doc, first) == "\""
}

/// `DESPERATION: DNC files …`: one upper-case word before a colon is a headline kicker unless
/// it labels another paragraph too, as a speaker's turns do in a transcript (`TRUMP: …`), or
/// stands inside a quotation (tested by the caller).
fn is_kicker(doc: &Document, words: &[usize], paragraph: usize) -> bool {
    let [word] = words else { return false };
    let text = surface(doc, *word);
    let upper = text.len() > 2 && text.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    // "KATE BOULDUAN: …" earlier makes a later "BOULDUAN: …" a turn of the same transcript.
    let labels_another = doc.paragraphs.iter().enumerate().any(|(p, other)| {
        let colon = other.tokens.clone().take(6).find(|&i| surface(doc, i) == ":");
        p != paragraph
            && colon.is_some_and(|c| (other.tokens.start..c).any(|i| doc.tokens[i].key == doc.tokens[*word].key))
    });
    upper && !labels_another
}

/// The words after a colon lead-in (`Poll: Mayor loses ground with younger voters`), when no
/// attribution already took them.
fn colon_indirect(doc: &Document, paragraph: usize, found: &[Attribution]) -> Option<Attribution> {
    let (speaker, colon) = colon_lead(doc, paragraph)?;
    let content = trim_punct(doc, colon + 1..doc.paragraphs[paragraph].tokens.end);
    if content.is_empty() {
        return None;
    }
    // Quoted words count too: `Issa: Clinton’s ‘Honesty Is In Question’` (single marks inside a
    // headline quote nobody else), `"WALLACE: Let's start …` (a transcript quoted turn by turn).
    let span = token_span(doc, content.clone());
    // An attribution nested inside the turn ("PENCE: Well, Clinton apparently thinks …") leaves
    // the turn the label's; one that starts with it or before it already took the words.
    if found.iter().any(|a| a.content.start <= span.start && span.start < a.content.end) {
        return None;
    }
    let sentence = doc.sentences.partition_point(|s| s.tokens.end <= content.start);
    Some(reported(doc, content, colon..colon + 1, None, Some(speaker), sentence))
}

/// `In a radio interview, Okafor went even further: “…”`, `Governor Ames released the following
/// statement:` ending the paragraph before the quote: a lead-in sentence without a cue that ends
/// on a colon right before the quote, whose subject is a name (after a dash, in headline lead-ins:
/// `TURNOUT IS UP - Elena R. Vasquez: “…”`).
fn lead_in_subject(doc: &Document, open_mark: usize) -> Option<Range<usize>> {
    let colon = open_mark.checked_sub(1)?;
    if surface(doc, colon) != ":" {
        return None;
    }
    let sentence_start = doc.sentence_of(colon)?.tokens.start;
    let after_dash = (sentence_start..colon).rev().find(|&i| is_dash(doc, i));
    let mut start = after_dash.map_or(sentence_start, |dash| dash + 1);
    let mut subject = sentence_subject(doc, start, colon)?;
    // `Nearby, a teenage girl held a sign reading: “…”`: a word set off by a comma opens the
    // sentence; the subject follows it.
    if subject.end < colon && surface(doc, subject.end) == "," {
        start = subject.end + 1;
        subject = sentence_subject(doc, start, colon)?;
    }
    // `Transcript as follows:`, `Here they are:`: site furniture and pointers are no speakers.
    let furniture = subject.clone().any(|i| NOT_SPEAKERS.contains(&&*doc.tokens[i].key));
    (!furniture && (is_named(doc, subject.clone()) || ends_in_name(doc, subject.clone()))).then_some(subject)
}

/// `“…” — John Smith`: a dash after the quote, then the speaker, and no cue.
fn dash_speaker(doc: &Document, from: usize, limit: usize) -> Option<Range<usize>> {
    let start = (from..limit).find(|&i| surface(doc, i) != "," && surface(doc, i) != "\"")?;
    if !is_dash(doc, start) {
        return None;
    }
    let dashes_end = (start..limit).find(|&i| !is_dash(doc, i))?;
    speaker_after(doc, dashes_end, limit).filter(|s| is_named(doc, s.clone()))
}

/// `X said: “…”`, `X told CNN “…”`, or a fragment inside a sentence whose verb is a cue.
fn cue_before(
    doc: &Document,
    sentence_start: usize,
    open_mark: usize,
    hits: &[(Range<usize>, usize)],
) -> Option<CueFound> {
    let before_mark = &hits[..hits.partition_point(|(r, _)| r.start < open_mark)];
    let mut candidates = hits_from(before_mark, sentence_start).iter().rev().filter(|(r, _)| r.end <= open_mark);
    let (cue, entry) = candidates.next()?;
    let last = (cue.clone(), speaker_of_cue_before(doc, sentence_start, cue.clone(), open_mark), *entry);
    if last.1.is_some() {
        return Some(last);
    }
    // `He says if voters think the plan will be decided by “…”`, `Nor, he said, did he say
    // anything that could be “…”`: the nearest cue has no speaker, an earlier one in the sentence does.
    let earlier = candidates
        .map(|(cue, entry)| (cue.clone(), speaker_of_cue_before(doc, sentence_start, cue.clone(), open_mark), *entry))
        .find(|(_, source, _)| source.is_some());
    // `Lazar said he welcomed … and added, “…”`: a cue joined to the earlier one by "and" keeps
    // the quote, with the earlier cue's speaker; the earlier cue reports its own words.
    let joined = last.0.start > sentence_start && matches!(&*doc.tokens[last.0.start - 1].key, "and" | "but");
    match earlier {
        Some((_, source, _)) if joined => Some((last.0, source, last.2)),
        earlier => Some(earlier.unwrap_or(last)),
    }
}

/// The speaker of a cue before a quote: before the cue, or a name between the cue and the quote.
fn speaker_of_cue_before(
    doc: &Document,
    sentence_start: usize,
    cue: Range<usize>,
    open_mark: usize,
) -> Option<Range<usize>> {
    // `said Ammar: “…”`: a speaker after the cue only when it runs up to the quote or a colon.
    // `said Ammar al-Shibli: “…”`, `According to Woodward, “…”`: a name after the cue, then the quote.
    let according = cites_source_after(doc, &cue);
    let lead_in = || {
        speaker_after(doc, cue.end, open_mark).filter(|s| {
            let next = if s.end < open_mark { surface(doc, s.end) } else { "\"" };
            let closes = s.end == open_mark || next == ":" || (according && next == ",");
            closes && (according || is_named(doc, s.clone()))
        })
    };
    speaker_before(doc, sentence_start, cue.start).or_else(lead_in)
}

/// Drop a leading "and"/"but"/"so" ("“…,” and he said").
fn strip_leading_conjunctions(doc: &Document, range: Range<usize>) -> Range<usize> {
    let mut start = range.start;
    while start < range.end && matches!(&*doc.tokens[start].key, "and" | "but" | "so" | "then" | "still" | "yet") {
        start += 1;
    }
    start..range.end
}

/// Drop adverbs and auxiliaries between a speaker and its cue ("he also said").
fn skip_adverbs_back(doc: &Document, range: Range<usize>) -> Range<usize> {
    let mut end = range.end;
    loop {
        if end > range.start && BETWEEN_SPEAKER_AND_CUE.contains(&&*doc.tokens[end - 1].key) {
            end -= 1;
        } else if let Some(before) = time_phrase_back(doc, range.start, end) {
            end = before;
        } else if let Some(before) = setting_phrase_back(doc, range.start, end) {
            end = before;
        } else {
            return range.start..end;
        }
    }
}

/// `Clinton on Tuesday said`, `the ministry late Sunday said`, `Smith this week said`: where a
/// time phrase (a day name, or a week, month or year) ending at `end` starts, when one does.
fn time_phrase_back(doc: &Document, start: usize, end: usize) -> Option<usize> {
    // "McConnell, who in 2010 said", "Clinton in late August said": a dated prepositional phrase.
    let dated = (end.saturating_sub(4).max(start + 1)..end.saturating_sub(1))
        .rev()
        .find(|&p| matches!(&*doc.tokens[p].key, "in" | "during" | "since") && is_time_phrase(doc, p + 1..end));
    if let Some(preposition) = dated {
        return Some(preposition);
    }
    // "this week", "last month", "earlier this year"
    if end >= start + 3
        && matches!(&*doc.tokens[end - 1].key, "week" | "weekend" | "month" | "year")
        && matches!(&*doc.tokens[end - 2].key, "this" | "last" | "next")
    {
        let at = end - 2;
        let at = if matches!(&*doc.tokens[at - 1].key, "earlier" | "later") { at - 1 } else { at };
        // Only after a name or a pronoun: in "a report released last year found" the time
        // belongs to the participle.
        let after_speaker = is_capitalized(doc, at - 1) || PRONOUNS.contains(&&*doc.tokens[at - 1].key);
        return (at > start && after_speaker).then_some(at);
    }
    let mut at = end;
    // "Tuesday night", "Monday morning"
    if at > start && matches!(&*doc.tokens[at - 1].key, "night" | "morning" | "afternoon" | "evening") {
        at -= 1;
    }
    if at == start || !TIME_WORDS.contains(&&*doc.tokens[at - 1].key) {
        return None;
    }
    at -= 1;
    if at > start && matches!(&*doc.tokens[at - 1].key, "on" | "late" | "early" | "last" | "this") {
        at -= 1;
    }
    (at > start).then_some(at)
}

/// Occasions a speaker speaks at, in or during ("in a televised interview", "at a rally").
const SETTINGS: &[&str] = &[
    "interview",
    "statement",
    "speech",
    "letter",
    "conference",
    "briefing",
    "rally",
    "hearing",
    "email",
    "post",
    "tweet",
    "video",
    "message",
    "appearance",
    "event",
    "meeting",
    "debate",
    "op-ed",
    "column",
];

/// `Stumpf in a televised interview said`, `the ministry in a statement said`: where a setting
/// phrase (preposition, determiner, up to two words, a setting noun) ending at `end` starts,
/// when one does and something stands before it.
fn setting_phrase_back(doc: &Document, start: usize, end: usize) -> Option<usize> {
    if end == start || !SETTINGS.contains(&&*doc.tokens[end - 1].key) {
        return None;
    }
    let determiner =
        (end.saturating_sub(4).max(start)..end - 1).rev().find(|&i| DETERMINERS.contains(&&*doc.tokens[i].key))?;
    let preposition = determiner.checked_sub(1)?;
    let words_between = (determiner + 1..end - 1).all(|i| doc.tokens[i].kind == TokenKind::Word);
    (preposition > start && words_between && matches!(&*doc.tokens[preposition].key, "in" | "at" | "during" | "on"))
        .then_some(preposition)
}

/// The speaker phrase ending just before `cue`: back over adverbs, then words up to a stop word
/// or punctuation. An appositive ("Okafor, Democrat of Ohio, said") is skipped.
fn speaker_before(doc: &Document, sentence_start: usize, cue: usize) -> Option<Range<usize>> {
    let end = skip_parenthesis_back(doc, sentence_start, skip_adverbs_back(doc, sentence_start..cue).end);
    // "A court document filed Thursday says": the participle describes the speaker.
    let end = if plain_verb(doc, cue) { reduced_relative_back(doc, sentence_start, end).unwrap_or(end) } else { end };
    // "protesters took to the streets to denounce …": an infinitive cue has the sentence's subject.
    if end > sentence_start + 1 && doc.tokens[end - 1].key == "to" && end == cue {
        return infinitive_subject(doc, sentence_start, end - 1);
    }
    // "The league denounced the remarks and said …": the subject of the first verb speaks.
    if end > sentence_start + 1 && matches!(&*doc.tokens[end - 1].key, "and" | "but") {
        return sentence_subject(doc, sentence_start, end - 1);
    }
    // "Clinton went on offense on Monday, saying he would …": a participle after a comma
    // reports the words of the sentence's subject.
    if participle_after_comma(doc, sentence_start, end, cue) {
        return reporter_before_comma(doc, sentence_start, end).or_else(|| sentence_subject(doc, sentence_start, end));
    }
    // "Mike Lee, who declared …": the relative pronoun is the mention; its antecedent is resolved later.
    if end > sentence_start && matches!(&*doc.tokens[end - 1].key, "who" | "which") {
        return Some(end - 1..end);
    }
    if end > sentence_start && surface(doc, end - 1) == "," {
        let comma = (sentence_start..end - 1).rev().find(|&i| surface(doc, i) == ",")?;
        let between = comma + 1..end - 1;
        // "A protester who gave only his first name, Ali, said": a one-word name after "name".
        let given_name =
            between.len() == 1 && is_capitalized(doc, between.start) && doc.tokens[comma - 1].key == "name";
        if is_name(doc, between.clone()) || given_name {
            return Some(between);
        }
        // "…, Roberta Lange, the state party chairwoman, said": a name right before the appositive.
        let before_appositive = (sentence_start..comma).rev().find(|&i| surface(doc, i) == ",");
        if let Some(previous) = before_appositive
            && is_name(doc, previous + 1..comma)
            && comma - previous <= 6
        {
            return Some(previous + 1..comma);
        }
        // Nested appositives ("Nasrallah, leader of Lebanon’s powerful, Iran-allied Hezbollah
        // movement, said"): the speaker stands before the sentence's first comma. A finite verb
        // after it makes the words a clause, reported by a speaker after the cue ("…, but it is
        // under pressure, said the chief executive").
        let first = (sentence_start..comma).find(|&i| surface(doc, i) == ",").unwrap_or(comma);
        // "Kasich, a Republican who has refused to endorse Mr. Trump, said …": a verb in a
        // relative clause belongs to the appositive.
        let relative = (first + 1..end - 1).any(|i| matches!(&*doc.tokens[i].key, "who" | "whose"));
        // "…, and the meeting deteriorated from there, said one source": an appositive never
        // opens with "and" or "but"; that is a clause too.
        // ("…, and Democratic Gov. Jay Nixon, tweeted" joins a name to the speaker.)
        let coordinated = matches!(doc.tokens.get(first + 1).map(|t| &*t.key), Some("and" | "but"))
            && !(first + 2..end - 1).any(|i| is_capitalized(doc, i));
        if (has_finite_verb(doc, first + 1..end - 1) || coordinated) && !relative && speaker_closes_sentence(doc, cue) {
            return None;
        }
        // "Rep. Lena Marsh (D-Ore.), ranking member of …, said": the party tag stays outside.
        return phrase_back(doc, sentence_start, skip_parenthesis_back(doc, sentence_start, first));
    }
    let Some(phrase) = phrase_back(doc, sentence_start, end) else {
        return plural_after_comma(doc, sentence_start, end).or_else(|| quantity_subject(doc, sentence_start, end));
    };
    // "a move he said": the pronoun is the speaker.
    if phrase.len() > 1 && PRONOUNS.contains(&&*doc.tokens[phrase.end - 1].key) {
        return Some(phrase.end - 1..phrase.end);
    }
    Some(coordinated_subject(doc, sentence_start, phrase))
}

/// `…, teachers and union officials told`: a conjunct before "and" that opens the clause (at the
/// sentence start or after a comma) speaks too. Names are left apart ("Pompeo and Esper said"
/// keeps Esper), since a speaker is one person or body in `quotes.csv` and `voices.csv`.
fn coordinated_subject(doc: &Document, sentence_start: usize, phrase: Range<usize>) -> Range<usize> {
    let Some(and) = phrase.start.checked_sub(1).filter(|&i| i > sentence_start && doc.tokens[i].key == "and") else {
        return phrase;
    };
    let Some(first) = phrase_back(doc, sentence_start, and) else { return phrase };
    let opens_clause = first.start == sentence_start || surface(doc, first.start - 1) == ",";
    // A noun for people ends it; "The council met and the mayor said" has a verb.
    let named = first.clone().chain(phrase.clone()).any(|i| is_capitalized(doc, i) && i != first.start);
    let names_speaker = !named && is_person_noun(&doc.tokens[first.end - 1].key);
    let plain = !has_finite_verb(doc, first.clone()) && first.len() <= 4 && names_speaker;
    if opens_clause && plain { first.start..phrase.end } else { phrase }
}

/// The speaker of an infinitive cue whose "to" is at `to`: the sentence's subject ("Protesters
/// took to the streets to denounce …", "Clinton plans to say …"), unless a verb that hands the
/// speaking to its object stands before it ("asked the minister to explain"): then no guess.
fn infinitive_subject(doc: &Document, sentence_start: usize, to: usize) -> Option<Range<usize>> {
    const TO_OBJECT: &[&str] = &[
        "ask",
        "asked",
        "asks",
        "asking",
        "tell",
        "told",
        "tells",
        "urge",
        "urged",
        "urges",
        "urging",
        "invite",
        "invited",
        "force",
        "forced",
        "allow",
        "allowed",
        "press",
        "pressed",
        "encourage",
        "encouraged",
        "call",
        "called",
        "calls",
        "calling",
        "want",
        "wants",
        "wanted",
        "expect",
        "expects",
        "expected",
        "persuade",
        "persuaded",
        "order",
        "ordered",
        "challenge",
        "challenged",
        "get",
        "got",
    ];
    let from = to.saturating_sub(8).max(sentence_start);
    if (from..to).any(|i| TO_OBJECT.contains(&&*doc.tokens[i].key)) {
        return None;
    }
    // Only a person or a body, named or by role, near the "to" ("It's too early to say" and
    // "The dispute centers on … to confirm" have none).
    let speaks = |subject: &Range<usize>| {
        let last = &*doc.tokens[subject.end - 1].key;
        let person = matches!(last, "he" | "she" | "they" | "we" | "i")
            || is_name(doc, subject.clone())
            || is_person_noun(last)
            || is_body(last);
        let contraction = doc.tokens.get(subject.end).is_some_and(|t| matches!(&*t.key, "'s" | "s" | "'re" | "'ve"));
        person && !contraction && to - subject.end <= 8
    };
    // "In one city, where rallies have denounced …, protesters took to the streets to denounce
    // …": when the opening phrase hides the sentence's subject, the clause after the last comma.
    let after_comma = || {
        let comma = (sentence_start..to).rev().find(|&i| surface(doc, i) == ",")?;
        sentence_subject(doc, comma + 1, to)
    };
    sentence_subject(doc, sentence_start, to).filter(speaks).or_else(|| after_comma().filter(speaks))
}

/// A cue that can only be a verb ("says", "found", "warned"), not a noun ("questions", "calls"):
/// after a noun and a participle, a noun cue is the participle's object ("the client directed
/// questions to …").
fn plain_verb(doc: &Document, cue: usize) -> bool {
    const VERBS: &[&str] = &[
        "said",
        "says",
        "say",
        "told",
        "found",
        "finds",
        "shows",
        "suggests",
        "states",
        "argues",
        "warns",
        "concludes",
        "alleges",
        "adds",
        "writes",
        "wrote",
        "notes",
        "predicts",
        "estimates",
    ];
    let key = &*doc.tokens[cue].key;
    key.ends_with("ed") || VERBS.contains(&key)
}

/// `A court document filed Thursday says`, `The lawsuit filed by the union says`: where the
/// past participle (and its agent) that describes the speaker starts, when one ends at `end`
/// right after a noun (not after an auxiliary: "officials were briefed").
fn reduced_relative_back(doc: &Document, sentence_start: usize, end: usize) -> Option<usize> {
    let word = |i: usize| doc.tokens[i].kind == TokenKind::Word;
    let agent = (end.saturating_sub(5).max(sentence_start)..end)
        .find(|&i| doc.tokens[i].key == "by" && (i + 1..end).all(word) && i + 1 < end);
    let participle = agent.unwrap_or(end).checked_sub(1).filter(|&p| p > sentence_start)?;
    let key = &*doc.tokens[participle].key;
    // "those surveyed said": the people asked are the speakers.
    const ASKED: &[&str] = &["surveyed", "polled", "interviewed", "questioned", "asked", "contacted", "sampled"];
    let is_participle =
        key.len() > 4 && key.ends_with("ed") && !ASKED.contains(&key) && !is_capitalized(doc, participle);
    let noun = &*doc.tokens[participle - 1].key;
    let after_noun = word(participle - 1)
        && !FINITE_VERBS.contains(&noun)
        && !STOP_WORDS.contains(&noun)
        && !PRONOUNS.contains(&noun)
        && !matches!(noun, "who" | "which" | "that");
    (is_participle && after_noun).then_some(participle)
}

/// `…, said the company's chief executive, John Ferriola.`: a speaker phrase right after the
/// cue that runs to the end of the sentence (or to a comma before its appositive).
fn speaker_closes_sentence(doc: &Document, cue: usize) -> bool {
    let Some(sentence) = doc.sentence_of(cue) else { return false };
    let Some(speaker) = speaker_after(doc, cue + 1, sentence.tokens.end) else { return false };
    trim_punct(doc, speaker.end..sentence.tokens.end).is_empty()
        || surface(doc, speaker.end) == "," && !has_finite_verb(doc, speaker.end..sentence.tokens.end)
}

/// `…, donors said.`, `…, some economists say`: a short lower-case plural phrase set off by a
/// comma before the cue speaks although it has no capital, determiner or role noun.
fn plural_after_comma(doc: &Document, sentence_start: usize, end: usize) -> Option<Range<usize>> {
    let comma = (sentence_start..end).rev().take(4).find(|&i| surface(doc, i) == ",")?;
    let phrase = comma + 1..end;
    let plain = phrase.clone().all(|i| {
        let key = &*doc.tokens[i].key;
        doc.tokens[i].kind == TokenKind::Word && !is_capitalized(doc, i) && !STOP_WORDS.contains(&key)
    });
    let plural = doc.tokens[end - 1].key.len() > 3 && doc.tokens[end - 1].key.ends_with('s');
    (!phrase.is_empty() && plain && plural).then_some(phrase)
}

/// Words a survey's share of respondents opens with ("Nine in 10 voters", "about half of
/// voters", "those surveyed").
const QUANTIFIERS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "half",
    "third",
    "quarter",
    "majority",
    "majorities",
    "most",
    "many",
    "some",
    "few",
    "nearly",
    "about",
    "almost",
    "more",
    "fewer",
    "those",
    "roughly",
    "just",
    "only",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
];

/// `Nine in 10 voters say …`, `26% say …`, `By double digits, those surveyed say …`: a share of
/// respondents from the clause start (after a comma) right up to the cue.
fn quantity_subject(doc: &Document, sentence_start: usize, end: usize) -> Option<Range<usize>> {
    let start = (sentence_start..end).rev().find(|&i| surface(doc, i) == ",").map_or(sentence_start, |c| c + 1);
    let start = after_dateline(doc, start, end);
    let first = doc.tokens.get(start).filter(|_| start < end)?;
    // "Large majorities of voters": a size word may come first.
    let sized = matches!(&*first.key, "large" | "small" | "slim" | "clear" | "wide")
        && doc
            .tokens
            .get(start + 1)
            .is_some_and(|t| matches!(&*t.key, "majority" | "majorities" | "minority" | "minorities"));
    let quantity = sized
        || first.kind == TokenKind::Number
        || QUANTIFIERS.contains(&first.key.split('-').next().unwrap_or_default());
    // "One member told Reuters that both groups feared …": a clause of its own is no subject.
    let plain = (start..end).all(|i| {
        let key = &*doc.tokens[i].key;
        (!STOP_WORDS.contains(&key) || matches!(key, "of" | "in" | "and" | "about"))
            && !CLAUSE_FINAL_CUES.contains(&key)
    });
    (quantity && plain && end - start <= 10).then_some(start..end)
}

/// A cue ending in "-ing" right after a comma, or after "before", "while", "by" and the like.
fn participle_after_comma(doc: &Document, sentence_start: usize, end: usize, cue: usize) -> bool {
    if !doc.tokens[cue].key.ends_with("ing") || end <= sentence_start + 1 {
        return false;
    }
    // `… “New York values,” stating …`: a closing mark after the comma.
    let previous = if surface(doc, end - 1) == "\"" && end >= sentence_start + 2 { end - 2 } else { end - 1 };
    surface(doc, previous) == "," || matches!(&*doc.tokens[previous].key, "before" | "after" | "while" | "when" | "by")
}

/// Reporting verbs that end a clause before a participle ("…, the AP noted, adding that …").
const CLAUSE_FINAL_CUES: &[&str] =
    &["said", "says", "noted", "reported", "told", "wrote", "added", "stated", "explained"];

/// "…, the AP noted, adding …" or "…, noted the AP, adding …": the speaker of the reporting
/// verb just before the participle's comma.
fn reporter_before_comma(doc: &Document, sentence_start: usize, end: usize) -> Option<Range<usize>> {
    let comma = (sentence_start..end).rev().find(|&i| surface(doc, i) == ",")?;
    let from = comma.saturating_sub(5).max(sentence_start);
    let cue = (from..comma).rev().find(|&i| CLAUSE_FINAL_CUES.contains(&&*doc.tokens[i].key))?;
    if cue + 1 == comma { speaker_before(doc, sentence_start, cue) } else { speaker_after(doc, cue + 1, comma) }
}

/// Titles written with a full stop inside names ("Mr. Ekovich", "Sen. Rubio").
const TITLE_ABBREVIATIONS: &[&str] =
    &["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof", "st", "jr", "sr", "maj"];

/// A full stop that ends a title or an initial ("Mr.", "Harry B. Harris"), not a sentence.
fn abbreviation_dot(doc: &Document, i: usize) -> bool {
    if i == 0 || surface(doc, i) != "." {
        return false;
    }
    let before = surface(doc, i - 1);
    TITLE_ABBREVIATIONS.contains(&&*doc.tokens[i - 1].key)
        || before.len() == 1 && before.chars().all(|c| c.is_ascii_uppercase())
}

/// Step back over a parenthesis right before `end` ("Harry Reid (D-Nev.) told reporters").
fn skip_parenthesis_back(doc: &Document, sentence_start: usize, end: usize) -> usize {
    if end <= sentence_start {
        return end;
    }
    let window = sentence_start.max(end.saturating_sub(12))..end - 1;
    if surface(doc, end - 1) == ")" {
        return window.rev().find(|&i| surface(doc, i) == "(").unwrap_or(end);
    }
    // "Many speakers at the service — including Muslims, Christians and Jews — said": an aside
    // between dashes, with something before it.
    if is_dash(doc, end - 1) {
        return window.rev().find(|&i| is_dash(doc, i)).filter(|&i| i > sentence_start).unwrap_or(end);
    }
    end
}

/// Adverbs without "-ly" that open a sentence before a comma ("Worse, …", "Indeed, …").
const OPENING_ADVERBS: &[&str] =
    &["worse", "better", "indeed", "moreover", "furthermore", "overall", "finally", "ultimately", "again", "still"];

/// Words that open a sentence without being its subject ("But Clinton …", "Still, she …").
const SENTENCE_OPENERS: &[&str] =
    &["but", "and", "so", "yet", "still", "meanwhile", "instead", "then", "now", "later", "also", "however"];

/// Past a dateline opening the sentence (`WASHINGTON —`, `BAGHDAD (Reuters) -`): capitals
/// only, then a dash within a few tokens.
fn after_dateline(doc: &Document, sentence_start: usize, limit: usize) -> usize {
    let upper = |i: usize| {
        let word = surface(doc, i);
        doc.tokens[i].kind == TokenKind::Word && word.len() > 1 && !word.chars().any(char::is_lowercase)
    };
    if sentence_start >= limit || !upper(sentence_start) {
        return sentence_start;
    }
    let dash = (sentence_start..limit.min(sentence_start + 8)).find(|&i| is_dash(doc, i));
    dash.filter(|&d| (sentence_start..d).all(|i| upper(i) || is_punct(doc, i) || is_capitalized(doc, i)))
        .map_or(sentence_start, |d| d + 1)
}

/// The subject phrase a sentence opens with: a pronoun, a run of capitalised words ("Sen. Ted
/// Cruz", "Clinton's campaign"), or a determiner and up to four lower-case words ("the
/// campaign"), ending before `limit`.
fn sentence_subject(doc: &Document, sentence_start: usize, limit: usize) -> Option<Range<usize>> {
    let mut start = after_dateline(doc, sentence_start, limit);
    // `“…,” Hannity said during a panel, remarking …`: the writer's subject follows a quote
    // opening the sentence.
    if start < limit && surface(doc, start) == "\"" {
        start = (start + 1..limit).find(|&i| surface(doc, i) == "\"").map_or(start, |close| close + 1);
    }
    // "Recently, however, it issued …", "Worse, the companies have …": an adverb and its comma
    // open the sentence before the subject.
    let opener_adverb = |i: usize| {
        let key = &*doc.tokens[i].key;
        (key.len() > 4 && key.ends_with("ly") || OPENING_ADVERBS.contains(&key)) && surface_at(doc, i + 1) == ","
    };
    while start < limit
        && (is_punct(doc, start) || SENTENCE_OPENERS.contains(&&*doc.tokens[start].key) || opener_adverb(start))
    {
        start += 1;
    }
    // "After the killing of Soleimani, the coalition …", "Late Tuesday, the company …": the
    // subject follows an opening phrase.
    let key = key_at(doc, start);
    if start < limit && (STOP_WORDS.contains(&key) || matches!(key, "following" | "late" | "early")) {
        start = (start..limit).find(|&i| surface(doc, i) == ",")? + 1;
    }
    if start >= limit {
        return None;
    }
    if PRONOUNS.contains(&&*doc.tokens[start].key) {
        return Some(start..start + 1);
    }
    // "In one city, protesters took to the streets": a bare plural naming people.
    let bare_people = !is_capitalized(doc, start) && names_people(&doc.tokens[start].key);
    if bare_people && doc.tokens.get(start + 1).is_some_and(|t| t.kind == TokenKind::Word) {
        return Some(start..start + 1);
    }
    let led = DETERMINERS.contains(&&*doc.tokens[start].key);
    let mut end = if led { start + 1 } else { start };
    let mut lower_words = 0;
    while end < limit && end - start < 8 {
        let key = &*doc.tokens[end].key;
        let word = doc.tokens[end].kind == TokenKind::Word;
        let name_part = word && is_capitalized(doc, end) || matches!(key, "al" | "bin" | "abu" | "'s" | "s");
        let title_dot = abbreviation_dot(doc, end) && end + 1 < limit;
        let noun = led
            && word
            && lower_words < 4
            && !STOP_WORDS.contains(&key)
            && !BETWEEN_SPEAKER_AND_CUE.contains(&key)
            && !CLAUSE_FINAL_CUES.contains(&key)
            // "The retired neurosurgeon": right after the determiner an "-ed" word is an adjective.
            && (!(key.len() > 4 && key.ends_with("ed")) || end == start + 1);
        // "Shiite cleric Moqtada al-Sadr": a lower-case role word between capitalised words.
        let role_word = word
            && !led
            && end > start
            && end + 1 < limit
            && is_capitalized(doc, end - 1)
            && is_capitalized(doc, end + 1)
            && !STOP_WORDS.contains(&key)
            && !BETWEEN_SPEAKER_AND_CUE.contains(&key);
        if name_part || title_dot || role_word || surface(doc, end) == "'" {
            end += 1;
        } else if noun && !is_capitalized(doc, end) {
            lower_words += 1;
            end += 1;
        } else {
            break;
        }
    }
    let phrase = trim_punct(doc, start..end);
    (phrase.len() > usize::from(led) && is_speaker_phrase(doc, phrase.clone())).then_some(phrase)
}

/// Capitalised words only (titles, initials and particles allowed): "Maj. Gen. Hossein Dehghan".
fn is_name(doc: &Document, range: Range<usize>) -> bool {
    let words: Vec<usize> = range.filter(|&i| !is_punct(doc, i)).collect();
    words.len() >= 2
        && words.iter().all(|&i| is_capitalized(doc, i) || matches!(&*doc.tokens[i].key, "al" | "bin" | "abu"))
}

/// A short phrase whose last two words are a name (`the economist Rosa Lindqvist`).
fn ends_in_name(doc: &Document, range: Range<usize>) -> bool {
    range.len() >= 3 && range.len() <= 8 && is_name(doc, range.end - 2..range.end)
}

/// A name ("Maj. Gen. Hossein Dehghan") or a single capitalised word ("Sadr").
fn is_named(doc: &Document, range: Range<usize>) -> bool {
    range.len() == 1 && is_capitalized(doc, range.start) || is_name(doc, range)
}

fn phrase_back(doc: &Document, sentence_start: usize, end: usize) -> Option<Range<usize>> {
    let mut start = phrase_start(doc, sentence_start, end);
    // "Officials familiar with the matter said", "a source close to him said": the formula of an
    // unnamed source reads on to the noun before "familiar" or "close".
    if let Some(head) = unnamed_source_head(doc, sentence_start, start, end) {
        return Some(head..end);
    }
    // "Nine in 10 Democrats say": a survey share reads on through its "in".
    if start < end
        && start >= sentence_start + 2
        && doc.tokens[start].kind == TokenKind::Number
        && doc.tokens[start - 1].key == "in"
        && (QUANTIFIERS.contains(&&*doc.tokens[start - 2].key) || doc.tokens[start - 2].kind == TokenKind::Number)
    {
        return Some(start - 2..end);
    }
    // "About half of voters say": a hedge on the share belongs to it.
    if start < end
        && start > sentence_start
        && QUANTIFIERS.contains(&&*doc.tokens[start].key)
        && matches!(&*doc.tokens[start - 1].key, "about" | "nearly" | "almost" | "roughly")
    {
        start -= 1;
    }
    // "A Marist College poll in late August found": a time after the preposition is never the
    // speaker; the phrase before it is.
    if start < end
        && is_time_phrase(doc, start..end)
        && let Some(head) = head_before_preposition(doc, sentence_start, start)
    {
        return Some(head);
    }
    // "an endorsement from Mike Lee, who said": a head that cannot speak leaves the phrase after
    // the preposition as the speaker; "Officials from both parties say": a head that speaks
    // makes a speaker of a place or body that would not be one alone.
    // ("… for the task force did not immediately respond": a verb ends the body's phrase.)
    let head = head_before_preposition(doc, sentence_start, start).filter(|head| can_speak(doc, head.clone()));
    let body = start < end && !has_finite_verb(doc, start..end) && !(start..end).any(|i| doc.tokens[i].key == "not");
    if let Some(head) = head.filter(|_| body) {
        return Some(head.start..end);
    }
    let phrase = start..end;
    is_speaker_phrase(doc, phrase.clone()).then_some(phrase)
}

/// Where the noun phrase ending at `end` starts: back to a clause word, a preposition, a
/// punctuation mark, a time word or a past participle, at most 10 tokens.
fn phrase_start(doc: &Document, sentence_start: usize, end: usize) -> usize {
    let mut start = end;
    while start > sentence_start && end - start < 10 {
        let i = start - 1;
        let key = &*doc.tokens[i].key;
        // ("The self-described socialist said": a hyphenated "-ed" word is an adjective.)
        let past_verb = !is_capitalized(doc, i) && key.len() > 4 && key.ends_with("ed") && !hyphen_joined(doc, i);
        // "That person said": a demonstrative opening the sentence leads the speaker.
        if i == sentence_start && start < end && DEMONSTRATIVES.contains(&key) {
            start = i;
            break;
        }
        // "a retired general said": after a determiner an "-ed" word is an adjective.
        if past_verb && start < end && i > sentence_start && DETERMINERS.contains(&&*doc.tokens[i - 1].key) {
            start = i - 1;
            break;
        }
        if is_punct(doc, i) && surface(doc, i) != "'" && !abbreviation_dot(doc, i)
            || STOP_WORDS.contains(&key)
            || TIME_WORDS.contains(&key)
            || past_verb
        {
            break;
        }
        start = i;
    }
    start
}

/// Where the source before `familiar with …` or `close to …` starts, when the phrase starting
/// at `start` follows one of those formulas.
fn unnamed_source_head(doc: &Document, sentence_start: usize, start: usize, end: usize) -> Option<usize> {
    if start >= end || start < sentence_start + 3 {
        return None;
    }
    // "A person familiar with the planning for Thursday's meeting says": the formula's object
    // may run on past a time word or a preposition, though not past a comma or a verb.
    let adjective = (sentence_start + 1..start - 1)
        .rev()
        .take(10)
        .find(|&a| matches!((&*doc.tokens[a].key, &*doc.tokens[a + 1].key), ("familiar", "with") | ("close", "to")))?;
    let object = adjective + 2..start;
    let plain = object.clone().all(|i| surface(doc, i) != "," && !has_finite_verb(doc, i..i + 1));
    if !plain || doc.tokens[adjective - 1].kind != TokenKind::Word {
        return None;
    }
    Some(phrase_back(doc, sentence_start, adjective).map_or(adjective - 1, |h| h.start))
}

/// Prepositions that attach a place or a body to the noun before them ("protesters in the
/// south", "a spokesman for the company"); "of" never stops a speaker phrase in the first place.
const POSTMODIFIER_PREPOSITIONS: &[&str] =
    &["in", "for", "at", "from", "on", "with", "across", "inside", "within", "near"];

/// `Protesters in the Shiite-majority south said`, `a spokesman for the company said`: the
/// speaker phrase before a preposition that opens the phrase starting at `start`: the head
/// that speaks, with the prepositional phrase kept.
fn head_before_preposition(doc: &Document, sentence_start: usize, start: usize) -> Option<Range<usize>> {
    // "Experts on North Korea and nuclear nonproliferation said": the object may be two joined.
    let start = match start.checked_sub(1) {
        Some(and) if and > sentence_start && matches!(&*doc.tokens[and].key, "and" | "or") => {
            phrase_start(doc, sentence_start, and)
        }
        _ => start,
    };
    let preposition = start.checked_sub(1).filter(|&p| p > sentence_start)?;
    if !POSTMODIFIER_PREPOSITIONS.contains(&&*doc.tokens[preposition].key) {
        return None;
    }
    phrase_back(doc, sentence_start, preposition)
}

/// Months and other words of a date or season ("late August", "the spring of 2015").
const CALENDAR_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "late",
    "early",
    "mid",
    "the",
    "of",
    "last",
    "this",
    "next",
    "week",
    "weekend",
    "month",
    "year",
];

/// Whether `range` is only a date or time ("late August", "2015", "the spring of 2015",
/// "last year"), with at least one word that is not an article or a qualifier.
fn is_time_phrase(doc: &Document, range: Range<usize>) -> bool {
    let dated = |i: usize| {
        let key = &*doc.tokens[i].key;
        TIME_WORDS.contains(&key)
            || CALENDAR_WORDS.contains(&key)
            || doc.tokens[i].kind == TokenKind::Number && key.len() == 4 && key.starts_with(['1', '2'])
    };
    let anchored = range
        .clone()
        .any(|i| !matches!(&*doc.tokens[i].key, "the" | "of" | "late" | "early" | "mid" | "last" | "this" | "next"));
    anchored && range.into_iter().all(dated)
}

/// Whether the head of a phrase names someone who can speak: a role or group of people
/// ("Democrats", "a spokesman", "many"), a capitalised name or body, or a document.
fn can_speak(doc: &Document, head: Range<usize>) -> bool {
    let last = &*doc.tokens[head.end - 1].key;
    ROLE_NOUNS.contains(&last)
        || SPEAKING_HEADS.contains(&last)
        || QUANTIFIERS.contains(&last)
        || DOCUMENTS.contains(&last)
        || is_capitalized(doc, head.end - 1) && head.end - 1 > head.start
}

/// Heads of a speaker phrase: people, groups and records that speak without a capital or a
/// determiner ("voters say", "polls show"), and that a place or a body may follow ("forces in
/// the Middle East", "Democrats in Congress"), besides the role nouns.
const SPEAKING_HEADS: &[&str] = &[
    "forces",
    "troops",
    "coalition",
    "democrats",
    "republicans",
    "voters",
    "lawmakers",
    "legislators",
    "leaders",
    "members",
    "member",
    "people",
    "residents",
    "activists",
    "diplomats",
    "diplomat",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "staff",
    "students",
    "workers",
    "investigators",
    "prosecutors",
    "researchers",
    "scientists",
    "economists",
    "doctors",
    "authorities",
    "organizers",
    "volunteers",
    "delegates",
    "supporters",
    "candidates",
    "senators",
    "representatives",
    "farmers",
    "villagers",
    "parents",
    "teachers",
    "families",
    "citizens",
    "victims",
    "survivors",
    "soldiers",
    "officers",
    "nurses",
    "lawyers",
    "judges",
    "executives",
    "employees",
    "others",
    "many",
    "rivals",
    "investors",
    "donors",
    "progressives",
    "conservatives",
    "liberals",
    "advocates",
    "women",
    "men",
    "polls",
    "surveys",
    "studies",
    "records",
    "reports",
    "data",
    "results",
    "figures",
    "numbers",
];

/// The speaker phrase right after a cue (`said Ammar al-Shibli, a Shi'ite lawmaker`).
fn speaker_after(doc: &Document, from: usize, limit: usize) -> Option<Range<usize>> {
    let mut end = from;
    while end < limit && end - from < 10 {
        let inside_name = surface(doc, end) == "'" || end > from && abbreviation_dot(doc, end);
        // "said lobbyist and strategist Charlie Blaine": roles joined before the name.
        let joined_roles = doc.tokens[end].key == "and"
            && (end + 1..limit.min(end + 4)).any(|i| is_capitalized(doc, i))
            && (from..end).all(|i| !is_capitalized(doc, i));
        // "according to a person familiar with the talks": the unnamed source's formula goes on.
        let familiar_with = doc.tokens[end].key == "with" && end > from && doc.tokens[end - 1].key == "familiar";
        if is_punct(doc, end) && !inside_name
            || STOP_WORDS.contains(&&*doc.tokens[end].key)
                && !is_capitalized(doc, end)
                && !joined_roles
                && !familiar_with
        {
            break;
        }
        end += 1;
    }
    let phrase = from..end;
    // A lone article ("according to the “Schools First” budget") names nobody yet.
    let lone_article = phrase.len() == 1 && matches!(&*doc.tokens[from].key, "the" | "a" | "an");
    if lone_article || !is_speaker_phrase(doc, phrase.clone()) {
        return None;
    }
    // "said Mr. Sadr’s spokesman, Salah al-Obeidi.": the role's name follows it.
    Some(appositive_name(doc, phrase.clone(), limit).map_or(phrase, |name| from..name.end))
}

/// The name set off by a comma right after a role phrase without one, when it closes the clause.
fn appositive_name(doc: &Document, phrase: Range<usize>, limit: usize) -> Option<Range<usize>> {
    if phrase.end >= limit || surface(doc, phrase.end) != "," || is_name(doc, phrase.clone()) {
        return None;
    }
    let start = phrase.end + 1;
    let mut end = start;
    while end < limit
        && (is_capitalized(doc, end)
            || abbreviation_dot(doc, end)
            || matches!(&*doc.tokens[end].key, "al" | "bin" | "abu")
            || surface(doc, end) == "'")
    {
        end += 1;
    }
    let closes = end == limit || is_punct(doc, end);
    (end - start >= 2 && closes && is_name(doc, start..end)).then_some(start..end)
}

fn is_speaker_phrase(doc: &Document, phrase: Range<usize>) -> bool {
    if phrase.is_empty() || phrase.len() > 10 {
        return false;
    }
    let first = &*doc.tokens[phrase.start].key;
    // "Nothing reported here suggests …": an indefinite pronoun for a thing says nothing.
    if phrase.len() == 1 && matches!(first, "nothing" | "something" | "anything" | "everything") {
        return false;
    }
    // "That person said", "those officials said": a demonstrative leads a speaker only with a noun.
    let demonstrative = DEMONSTRATIVES.contains(&first) && (2..=4).contains(&phrase.len());
    // "the 34-year-old mother of three": hyphen-joined parts make one word.
    let words = phrase.clone().filter(|&i| !hyphen_joined(doc, i)).count();
    phrase.clone().any(|i| is_capitalized(doc, i) && doc.tokens[i].kind == TokenKind::Word)
        || demonstrative
        || (phrase.len() == 1 && PRONOUNS.contains(&first))
        || (DETERMINERS.contains(&first) || doc.tokens[phrase.start].kind == TokenKind::Number) && words <= 5
        || phrase.clone().any(|i| ROLE_NOUNS.contains(&&*doc.tokens[i].key))
        || SPEAKING_HEADS.contains(&&*doc.tokens[phrase.end - 1].key)
        || names_people(&doc.tokens[phrase.end - 1].key)
}

/// A role ("minister"), a speaking head ("spokesman") or a plural for people by what they do
/// ("teachers"): a noun that can speak.
fn is_person_noun(key: &str) -> bool {
    ROLE_NOUNS.contains(&key) || SPEAKING_HEADS.contains(&key) || names_people(key)
}

/// True when `range` holds only conjunctions ("But as Clyburn said", "And noting …"), or nothing.
fn only_conjunctions(doc: &Document, range: Range<usize>) -> bool {
    range.into_iter().all(|i| matches!(&*doc.tokens[i].key, "but" | "and" | "so" | "yet"))
}

/// A plural noun that names people by what they do ("technologists", "specialists",
/// "opponents", "campaigners", "historians"): a group that speaks without a determiner.
fn names_people(key: &str) -> bool {
    const ENDINGS: &[&str] = &["ists", "ians", "ents", "ants", "ers", "ors"];
    key.len() > 6 && ENDINGS.iter().any(|e| key.ends_with(e))
}

/// Role nouns that make a lower-case phrase a speaker without a determiner ("officials said",
/// "former rival says").
const ROLE_NOUNS: &[&str] = &[
    "police",
    "officials",
    "sources",
    "protesters",
    "analysts",
    "experts",
    "official",
    "expert",
    "analyst",
    "aides",
    "aide",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "rival",
    "critics",
    "supporters",
    "residents",
    "witnesses",
];

/// Fewest words an indirect content may have: on PolNeAR train, allowing one or two words
/// ("sought Republican suggestions") finds more but loses as much precision.
const MIN_CONTENT_WORDS: usize = 3;

/// `46 percent of voters said yes`: an answer of one word is the whole of what was said.
fn yes_or_no(doc: &Document, content: &Range<usize>) -> bool {
    content.len() == 1 && matches!(&*doc.tokens[content.start].key, "yes" | "no")
}

/// `Jeb Bush endorsed Cruz Wednesday`: the name endorsed, without the day, is the content
/// however short; `None` for any other cue or object.
fn endorsed_name(doc: &Document, cue: &Range<usize>, content: &Range<usize>) -> Option<Range<usize>> {
    let endorses = matches!(&*doc.tokens[cue.start].key, "endorsed" | "endorses" | "endorse" | "endorsing");
    if !endorses || content.start < cue.end || content.is_empty() || !is_capitalized(doc, content.start) {
        return None;
    }
    let end = (content.start..content.end)
        .find(|&i| !is_capitalized(doc, i) && !abbreviation_dot(doc, i) || TIME_WORDS.contains(&&*doc.tokens[i].key))
        .unwrap_or(content.end);
    let name = content.start..end;
    (words_in(doc, name.clone()) < MIN_CONTENT_WORDS).then_some(name)
}

/// `Neither contest appears to have a real race`, `the shift seemed so stark`: "seem" and
/// "appear" report an impression, not anyone's words; the subject and what follows the cue are
/// the content, with no source (PolNeAR marks them so). `None` for any other cue.
fn evidential(
    doc: &Document,
    cue: &Range<usize>,
    start: usize,
    end: usize,
    hits: &[(Range<usize>, usize)],
) -> Option<Range<usize>> {
    const EVIDENTIAL: &[&str] = &["seem", "seems", "seemed", "appear", "appears", "appeared"];
    if cue.len() != 1 || !EVIDENTIAL.contains(&&*doc.tokens[cue.start].key) {
        return None;
    }
    let subject = speaker_before(doc, start, cue.start)?;
    let rest = object_or_clause(doc, cue.end, end, hits)?;
    Some(trim_punct(doc, subject.start..rest.end))
}

/// `declined to comment`, `refused to say`: a refusal to speak is reported speech however short.
fn declined_to(doc: &Document, cue: &Range<usize>, content: &Range<usize>) -> bool {
    let refusal = matches!(
        &*doc.tokens[cue.start].key,
        "declined" | "declines" | "declining" | "refused" | "refuses" | "refusing"
    );
    refusal && content.len() == 2 && doc.tokens[content.start].key == "to"
}

/// Whether a word opens a reported clause right after a cue ("said it would …", "says they feel …").
fn opens_clause(key: &str) -> bool {
    PRONOUNS.contains(&key) || matches!(key, "that" | "you" | "there" | "this")
}

/// Words that open a subordinate clause of time or manner after a cue ("said as he entered").
const SUBORDINATORS: &[&str] = &["as", "when", "before", "after", "while", "until", "once"];

/// Prepositions that open a circumstance after a cue ("said in a statement", "wrote on Twitter").
const CIRCUMSTANCE_OPENERS: &[&str] =
    &["in", "on", "at", "during", "after", "before", "while", "from", "via", "through", "earlier", "later", "last"];

/// Indirect speech around a cue outside quotation marks.
fn indirect(
    doc: &Document,
    cue: Range<usize>,
    entry: usize,
    voices: &VoiceMap,
    hits: &[(Range<usize>, usize)],
) -> Option<Attribution> {
    let sentence_index = doc.sentences.partition_point(|s| s.tokens.end <= cue.start);
    let sentence = doc.sentences.get(sentence_index)?;
    let (start, end) = (sentence.tokens.start, sentence.tokens.end);
    if let Some((source, content)) = asked_question(doc, cue.clone(), start..end, hits) {
        return Some(reported(doc, content, cue, Some(entry), source, sentence_index));
    }
    if let Some(content) = evidential(doc, &cue, start, end, hits) {
        return Some(reported(doc, content, cue, Some(entry), None, sentence_index));
    }
    let according = cites_source_after(doc, &cue);
    let (source, content) = if according {
        according_to(doc, cue.clone(), start, end)?
    } else if let Some(pair) = as_noted(doc, &cue, start, end) {
        pair
    } else if let Some(pair) = opening_participle(doc, &cue, start, end) {
        pair
    } else if let Some(source) = speaker_before(doc, start, cue.start) {
        let rest = words_in(doc, cue.end..end);
        // "A, the AP noted, adding …": a comma after the cue ends the reporting clause too.
        // "The difference now, he told me on Friday, is that …": the listener and a circumstance
        // belong to the reporting clause, and the comma after them ends it.
        let clause_end = reporting_clause_end(doc, &cue, end);
        let comma_after = clause_end < end && surface(doc, clause_end) == ",";
        // "Later in the week, the ministry said it would comply": a clause after the cue is the content.
        let clause_follows = doc.tokens.get(cue.end).is_some_and(|t| opens_clause(&t.key));
        // "…, she said in a recorded message to the delegates.": only circumstances follow the cue.
        // ("…, who called on parliament to …" is a cue of its own kind: only plain reporting verbs.)
        // "…, Qameni was quoted as saying by the daily Baghdad Today.": the agent is a circumstance.
        let quoted_as =
            cue.len() > 2 && doc.tokens[cue.end - 1].key == "saying" && doc.tokens[cue.end - 3].key == "quoted";
        // "…, Graham told The Huffington Post on Thursday.": a listener, then a circumstance.
        let told_circumstance = clause_end > cue.end && trim_punct(doc, clause_end..end).is_empty();
        let circumstance = told_circumstance
            || (CLAUSE_FINAL_CUES.contains(&&*doc.tokens[cue.start].key) || quoted_as)
                && doc
                    .tokens
                    .get(cue.end)
                    .is_some_and(|t| CIRCUMSTANCE_OPENERS.contains(&&*t.key) || quoted_as && t.key == "by")
                && !(cue.end..end).any(|i| doc.tokens[i].key == "that");
        // "As reported by the Courier, a ranger found …": a cited source before the comma leads in.
        let cited_before = hits_from(hits, start)
            .iter()
            .take_while(|(r, _)| r.start < source.start)
            .any(|(r, _)| cites_source_after(doc, r));
        let answer = cue.end + 1 < end && yes_or_no(doc, &(cue.end..cue.end + 1));
        // "In one city, the protesters denounced the US": an opening phrase is no reported clause.
        let before = start..source.start.saturating_sub(1);
        let first = &*doc.tokens[start].key;
        let opener_before = STOP_WORDS.contains(&first)
            && !matches!(first, "and" | "but" | "or" | "so")
            && !before.clone().any(|i| surface(doc, i) == ",")
            && !has_finite_verb(doc, before);
        let trailing = source.start > start
            && !cited_before
            && !answer
            && (!opener_before || comma_after)
            && surface(doc, source.start - 1) == ","
            && (rest <= 4 && !clause_follows && !has_finite_verb(doc, cue.end..end) || comma_after || circumstance);
        // "Over the years, she said, letters have helped …": a reporting clause set inside the
        // sentence; the reported words are the whole sentence around it.
        let inserted = trailing && comma_after && words_go_on(doc, clause_end + 1, end, hits);
        let content = if inserted {
            start..end
        } else if trailing {
            without_role_appositive(doc, start..source.start - 1)
        } else {
            object_or_clause(doc, cue.end, end, hits)?
        };
        (source, content)
    } else {
        // "The troops will leave, said a spokesman": the cue right after the comma (an adverb
        // may stand between), not a verb deep inside a later clause ("…, Ryland said the
        // shootings demand that all Americans …").
        let comma = (start..cue.start).rev().find(|&i| surface(doc, i) == ",")?;
        if cue.start - comma > 2 || !inverts_with_speaker(doc, &cue) {
            return None;
        }
        let source = speaker_after(doc, cue.end, end)?;
        (source, start..comma)
    };
    let content = cut_at_semicolon(doc, cut_before_next_cue(doc, content, &cue, hits), &cue);
    let content = trim_punct(doc, cut_before_contrast(doc, cut_before_relative(doc, content)));
    let endorsed = endorsed_name(doc, &cue, &content);
    let short_is_whole = declined_to(doc, &cue, &content) || yes_or_no(doc, &content) || endorsed.is_some();
    let content = endorsed.unwrap_or(content);
    if words_in(doc, content.clone()) < MIN_CONTENT_WORDS && !short_is_whole {
        return None;
    }
    let quoted = content.clone().filter(|&i| voices.voice_of(doc.tokens[i].span) == Voice::Quoted).count();
    if quoted * 2 > content.len() {
        return None; // mostly a quotation: the direct pattern owns it
    }
    // "The offer was rejected by the board": the subject is spoken about; the agent, if any, speaks.
    // Without an agent, only words after the cue can be what was reported.
    if !is_passive(doc, &cue) {
        return Some(reported(doc, content, cue, Some(entry), Some(source), sentence_index));
    }
    let agent = passive_agent(doc, cue.end, sentence.tokens.end);
    let content = match &agent {
        None if content.end <= cue.start => return None,
        // "was rejected by the council in March": only a circumstance after the agent, so the
        // subject is what was spoken about.
        Some(a)
            if content.start < a.start
                && a.start <= content.start + 1
                && CIRCUMSTANCE_OPENERS.contains(&&*doc.tokens[a.end.min(content.end - 1)].key)
                && !has_finite_verb(doc, a.end..content.end) =>
        {
            source.clone()
        }
        // "was criticized by the union as reckless": the agent is the speaker, not content.
        Some(a) if content.start < a.start && a.start <= content.start + 1 && a.end < content.end => a.end..content.end,
        // "The registration issue was first reported by The Washington Post": the subject is
        // what was reported when the agent is all that follows.
        Some(a) if content.start + 1 >= a.start && a.end >= content.end => source.clone(),
        _ => content,
    };
    Some(reported(doc, content, cue, Some(entry), agent, sentence_index))
}

/// `announced Sunday it is …`, `said late Tuesday that …`: where the words after a day-name
/// time phrase at `from` start (`from` itself without one).
fn after_time_phrase(doc: &Document, from: usize, end: usize) -> usize {
    let mut at = from;
    if at < end && matches!(&*doc.tokens[at].key, "on" | "late" | "early" | "last" | "this") {
        at += 1;
    }
    if at >= end || !TIME_WORDS.contains(&&*doc.tokens[at].key) {
        return from;
    }
    at += 1;
    if at < end && matches!(&*doc.tokens[at].key, "night" | "morning" | "afternoon" | "evening") {
        at += 1;
    }
    if at < end { at } else { from }
}

/// Whether a cue after a comma can have its speaker after it (`…, said a spokesman`): not a
/// participle whose subject is the sentence's (`…, having blamed the commander for …`,
/// `…, blaming the commander`), where the phrase after the cue is its object.
fn inverts_with_speaker(doc: &Document, cue: &Range<usize>) -> bool {
    let word = &*doc.tokens[cue.start].key;
    let after_having = cue.start > 0 && doc.tokens[cue.start - 1].key == "having";
    !(after_having || word.ends_with("ing"))
}

/// The "by" agent right after a passive cue ("was rejected by the board").
fn passive_agent(doc: &Document, from: usize, end: usize) -> Option<Range<usize>> {
    let agent = (from < end && doc.tokens[from].key == "by").then(|| speaker_after(doc, from + 1, end)).flatten()?;
    // A lone article ("by the so-called …") names nobody.
    (agent.len() > 1 || !DETERMINERS.contains(&&*doc.tokens[agent.start].key)).then_some(agent)
}

/// `the offer was rejected`, `he was told`: a form of "be" before a past participle cue makes
/// the subject the one spoken about, not the speaker.
fn is_passive(doc: &Document, cue: &Range<usize>) -> bool {
    const PARTICIPLES: &[&str] = &["told", "said", "written", "shown", "known", "thought", "heard", "seen", "given"];
    let word = &*doc.tokens[cue.start].key;
    let participle = word.ends_with("ed") || PARTICIPLES.contains(&word);
    // "was first reported by": an adverb may come between.
    let adverb = cue.start > 1
        && matches!(
            &*doc.tokens[cue.start - 1].key,
            "first" | "also" | "widely" | "later" | "previously" | "initially" | "originally"
        );
    let before = if adverb { cue.start - 1 } else { cue.start };
    let be =
        before > 0 && matches!(&*doc.tokens[before - 1].key, "was" | "were" | "is" | "are" | "been" | "being" | "be");
    cue.len() == 1 && participle && be
}

/// Words that open a role set off before a speaker's name ("…, member of the security
/// commission, Ali al-Qameni, said").
const ROLE_HEADS: &[&str] = &[
    "member",
    "head",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "minister",
    "secretary",
    "deputy",
    "chief",
    "commander",
    "lawmaker",
    "senator",
    "adviser",
    "advisor",
];

/// Content before `, ROLE, NAME said` without the role: the last comma-separated part is cut
/// when it opens with a role word (after an article) and has no verb of its own.
fn without_role_appositive(doc: &Document, content: Range<usize>) -> Range<usize> {
    let Some(comma) = content.clone().rev().find(|&i| surface(doc, i) == ",") else { return content };
    let mut first = comma + 1;
    if first < content.end && matches!(&*doc.tokens[first].key, "a" | "an" | "the") {
        first += 1;
    }
    let role = first < content.end
        && ROLE_HEADS.contains(&&*doc.tokens[first].key)
        && content.end - comma <= 12
        && !has_finite_verb(doc, comma + 1..content.end);
    if role && comma > content.start { content.start..comma } else { content }
}

/// A reported-speech attribution (no quotation of its own) from token ranges.
fn reported(
    doc: &Document,
    content: Range<usize>,
    cue: Range<usize>,
    cue_entry: Option<usize>,
    source: Option<Range<usize>>,
    sentence: usize,
) -> Attribution {
    Attribution {
        kind: Kind::Indirect,
        extent: None,
        content: token_span(doc, content),
        cue: Some(token_span(doc, cue)),
        cue_entry,
        source: source.map(|s| token_span(doc, s)),
        resolved: None,
        clause: None,
        sentence,
        paragraph: doc.sentences[sentence].paragraph,
        found_by: FoundBy::Rules,
    }
}

/// After a reporting clause's closing comma, the sentence goes on with the reported words: a
/// word that opens no relative clause and no cue of its own, and at least three words to the end.
/// `Asked whether he would run, Lee said …`, `said when asked how …`: a passive "asked"
/// reports the question put to the sentence's speaker, from after the cue (and its "by" agent,
/// the source when given) to the comma before the main clause.
fn asked_question(
    doc: &Document,
    cue: Range<usize>,
    sentence: Range<usize>,
    hits: &[(Range<usize>, usize)],
) -> Option<(Option<Range<usize>>, Range<usize>)> {
    if doc.tokens[cue.start].key != "asked" || cue.end >= sentence.end {
        return None;
    }
    let opens = after_dateline(doc, sentence.start, cue.start) == cue.start;
    let after_when = cue.start > sentence.start && matches!(&*doc.tokens[cue.start - 1].key, "when" | "if" | "as");
    if !(opens || after_when) {
        return None;
    }
    // The main clause's cue is the first later one with a comma before it ("to describe the
    // device" inside the question has none).
    let comma = |from: usize| {
        let later = hits_from(hits, from).iter().take_while(|(r, _)| r.start < sentence.end);
        later
            .filter_map(|(r, _)| (from..r.start).rev().find(|&i| surface(doc, i) == ","))
            .next()
            .or_else(|| (from..sentence.end).find(|&i| surface(doc, i) == ","))
    };
    let (source, from) = if doc.tokens[cue.end].key == "by" {
        let agent = speaker_after(doc, cue.end + 1, sentence.end)?;
        let agent = cue.end + 1
            ..(agent.start..agent.end).find(|&i| QUESTION_WORDS.contains(&&*doc.tokens[i].key)).unwrap_or(agent.end);
        (Some(agent.clone()), agent.end)
    } else {
        (None, cue.end)
    };
    let end = comma(from).unwrap_or(sentence.end);
    // "Asked shortly before the vote whether …": the question starts at its question word.
    let from = (from..end.min(from + 8))
        .find(|&i| QUESTION_WORDS.contains(&&*doc.tokens[i].key) && doc.tokens[i].key != "about")
        .unwrap_or(from);
    let content = trim_punct(doc, from..end);
    let words = words_in(doc, content.clone());
    (words >= MIN_CONTENT_WORDS).then_some((source, content))
}

/// Nouns that make "in …" a cited source: one poll or survey ("in the polls" is a standing, and
/// PolNeAR rarely marks it).
const POLL_NOUNS: &[&str] = &["poll", "survey"];

/// Words after which a reported clause starts ("a time when Sanders has sagged in the polls").
const CLAUSE_OPENERS: &[&str] =
    &["when", "as", "while", "because", "although", "though", "that", "which", "who", "but", "and", "after", "since"];

/// `Trump leads by 20 points in the latest CNN/ORC poll`, `In the new poll, Clinton leads …`: a
/// poll cited with "in" is the source of the clause it frames. The cue is the "in".
fn poll_attribution(doc: &Document, sentence: usize, voices: &VoiceMap) -> Option<Attribution> {
    let tokens = doc.sentences[sentence].tokens.clone();
    let noun = tokens.clone().find(|&i| POLL_NOUNS.contains(&&*doc.tokens[i].key))?;
    let from = noun.saturating_sub(8).max(tokens.start);
    let cue = (from..noun).rev().find(|&i| doc.tokens[i].key == "in")?;
    let plain = (cue + 1..noun).all(|i| !matches!(surface(doc, i), "," | ";" | ":" | "\""));
    if !plain || voices.voice_of(doc.tokens[cue].span) != Voice::Own {
        return None;
    }
    let start = after_dateline(doc, tokens.start, cue);
    let content = if cue == start {
        // "In the new poll, Clinton leads …": the clause after the comma.
        let comma = (noun + 1..tokens.end.min(noun + 6)).find(|&i| surface(doc, i) == ",")?;
        comma + 1..tokens.end
    } else {
        let opener = (start..cue)
            .rev()
            .find(|&i| matches!(surface(doc, i), "," | ";" | ":") || CLAUSE_OPENERS.contains(&&*doc.tokens[i].key));
        opener.map_or(start, |i| i + 1)..cue
    };
    let content = trim_punct(doc, content);
    if words_in(doc, content.clone()) < MIN_CONTENT_WORDS {
        return None;
    }
    Some(reported(doc, content, cue..cue + 1, None, Some(cue + 1..noun + 1), sentence))
}

/// Words that open an embedded question ("asked whether …").
const QUESTION_WORDS: &[&str] = &["whether", "if", "how", "why", "what", "who", "when", "where", "about"];

fn words_go_on(doc: &Document, from: usize, end: usize, hits: &[(Range<usize>, usize)]) -> bool {
    let Some(first) = doc.tokens.get(from).filter(|_| from < end) else { return false };
    let opens_cue = hits_from(hits, from).first().is_some_and(|(r, _)| r.start == from);
    let words = words_in(doc, from..end);
    // "…, she said, referencing the memo": a participle after the comma describes the speaker.
    let participle = first.key.len() > 4 && first.key.ends_with("ing") && !is_capitalized(doc, from);
    first.kind == TokenKind::Word
        && !participle
        && !matches!(&*first.key, "who" | "which" | "whose" | "where" | "when" | "according")
        && !opens_cue
        && words >= MIN_CONTENT_WORDS
}

/// "denounced the remarks and said it would …", "was corrupt, noting that …": a content ends
/// where "and", "but" or a comma leads to another cue, which starts an attribution of its own.
fn cut_before_next_cue(
    doc: &Document,
    content: Range<usize>,
    own: &Range<usize>,
    hits: &[(Range<usize>, usize)],
) -> Range<usize> {
    // The attribution's own cue inside its content ("Fundraising, according to the campaign,
    // has surged") does not end it.
    let mut inside = hits_from(hits, content.start + 1)
        .iter()
        .take_while(|(r, _)| r.start < content.end)
        .filter(|(r, _)| r.start != own.start);
    let boundary = inside.find_map(|(r, _)| {
        let before = skip_adverbs_back(doc, content.start..r.start).end;
        let joined = before > content.start
            && (matches!(&*doc.tokens[before - 1].key, "and" | "but")
                || surface(doc, before - 1) == "," && doc.tokens[r.start].key.ends_with("ing"));
        if joined {
            return Some(before - 1);
        }
        // "… next week, and other GOP leaders said he …": a clause with a speaker and a cue of
        // its own is another attribution.
        let subject = phrase_back(doc, content.start, before)?;
        let conjunction = subject.start.checked_sub(1).filter(|&c| c > content.start)?;
        // "said the plan was sound, Reuters reported.": a reporting clause closing the sentence
        // is the outlet's, not part of what was said.
        let reporting_clause = surface(doc, conjunction) == ","
            && is_past_or_third_person(&doc.tokens[r.start].key)
            && is_speaker_phrase(doc, subject.clone());
        let closing = reporting_clause && words_in(doc, r.end..content.end) <= 3;
        // "said fathers would not be eligible, and when pressed on why, the mother of three
        // replied, “…”": a reporting clause led by ", and" and a circumstance starts anew.
        let led_by_and = (content.start + 1..conjunction)
            .rev()
            .take(12)
            .find(|&i| matches!(&*doc.tokens[i].key, "and" | "but") && surface(doc, i - 1) == ",")
            .filter(|_| reporting_clause && surface(doc, r.end.min(content.end - 1)) == ",");
        if let Some(and) = led_by_and {
            return Some(and - 1);
        }
        (closing || matches!(&*doc.tokens[conjunction].key, "and" | "but" | "while" | "whereas")).then_some(conjunction)
    });
    boundary.map_or(content.clone(), |before| content.start..before)
}

/// A verb form that closes a reporting clause ("reported", "says", "told"), not a noun
/// ("report", "claim").
fn is_past_or_third_person(key: &str) -> bool {
    const IRREGULAR: &[&str] = &["said", "told", "wrote", "found", "thought", "felt", "knew", "saw", "heard", "put"];
    key.ends_with("ed") || key.len() > 3 && key.ends_with('s') && !key.ends_with("ss") || IRREGULAR.contains(&key)
}

/// "said the timing was not intentional; they only learned …": a semicolon ends the reported
/// words after the cue, and starts them before it ("…; the plan was doomed, she said").
fn cut_at_semicolon(doc: &Document, content: Range<usize>, cue: &Range<usize>) -> Range<usize> {
    let mut semicolons = content.clone().filter(|&i| surface(doc, i) == ";");
    if content.start >= cue.end {
        semicolons.next().filter(|&s| s > content.start).map_or(content.clone(), |s| content.start..s)
    } else if content.end <= cue.start {
        semicolons.next_back().map_or(content.clone(), |s| s + 1..content.end)
    } else {
        content
    }
}

/// "he supports the bill, which includes …": a relative clause set off by a comma at the end
/// adds the writer's description, not the speaker's words. One closed by a second comma
/// ("lawmakers, who saw …, into agreement") sits inside the content and stays.
fn cut_before_relative(doc: &Document, content: Range<usize>) -> Range<usize> {
    let relative = (content.start + 1..content.end.saturating_sub(1))
        .find(|&i| surface(doc, i) == "," && matches!(&*doc.tokens[i + 1].key, "which" | "who"))
        .filter(|&comma| (comma + 1..content.end).all(|i| surface(doc, i) != ","));
    relative.map_or(content.clone(), |comma| content.start..comma)
}

/// "Washington believes the strike was legitimate, while Iraqi lawmakers disagreed": a clause
/// set against the content after ", while" or ", whereas" with its own subject is the writer's
/// contrast, not the speaker's words.
fn cut_before_contrast(doc: &Document, content: Range<usize>) -> Range<usize> {
    let subject_after = |i: usize| {
        doc.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word
                && (is_capitalized(doc, i) || DETERMINERS.contains(&&*t.key) || PRONOUNS.contains(&&*t.key))
        })
    };
    let contrast = (content.start + 1..content.end.saturating_sub(2)).find(|&i| {
        surface(doc, i) == "," && matches!(&*doc.tokens[i + 1].key, "while" | "whereas") && subject_after(i + 2)
    });
    content.start..contrast.unwrap_or(content.end)
}

/// `As the Times noted, CONTENT.`, `But as Clyburn said, CONTENT.`: a reporting clause led by
/// "as" and closed by a comma opens the sentence; what follows the comma is reported.
fn as_noted(doc: &Document, cue: &Range<usize>, start: usize, end: usize) -> Option<(Range<usize>, Range<usize>)> {
    if cue.end >= end || surface(doc, cue.end) != "," {
        return None;
    }
    let source = speaker_before(doc, start, cue.start)?;
    let as_at = source.start.checked_sub(1).filter(|&i| i >= start && doc.tokens[i].key == "as")?;
    let content = trim_punct(doc, cue.end + 1..end);
    (only_conjunctions(doc, start..as_at) && words_in(doc, content.clone()) >= MIN_CONTENT_WORDS)
        .then_some((source, content))
}

/// `Noting he majored in philosophy, Allen said …`, `Having said he would resign, the minister
/// left`: a participle cue opening the sentence reports the words up to its comma, spoken by the
/// subject of the clause after it.
fn opening_participle(
    doc: &Document,
    cue: &Range<usize>,
    start: usize,
    end: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    let having = cue.start > start && doc.tokens[cue.start - 1].key == "having";
    let lead = if having { cue.start - 1 } else { cue.start };
    if !only_conjunctions(doc, start..lead) || !(having || doc.tokens[cue.start].key.ends_with("ing")) {
        return None;
    }
    let comma = (cue.end..end).find(|&i| surface(doc, i) == ",")?;
    let subject = sentence_subject(doc, comma + 1, end)?;
    let words = if doc.tokens[cue.end].key == "that" { cue.end + 1 } else { cue.end };
    let content = trim_punct(doc, words..comma);
    let speaks = is_speaker_phrase(doc, subject.clone()) && doc.tokens[subject.start].key != "it";
    (speaks && words_in(doc, content.clone()) >= MIN_CONTENT_WORDS).then_some((subject, content))
}

/// `According to X, CONTENT.` or `CONTENT, according to X.`
fn according_to(doc: &Document, cue: Range<usize>, start: usize, end: usize) -> Option<(Range<usize>, Range<usize>)> {
    let source = speaker_after(doc, cue.end, end).or_else(|| cited_source(doc, cue.end, end))?;
    // "It has not gone unnoticed: according to recent polls, …": a colon opens a clause.
    let start = (start..cue.start).rev().find(|&i| matches!(surface(doc, i), ":" | ";")).map_or(start, |c| c + 1);
    if cue.start == start || (cue.start > start && surface(doc, cue.start - 1) != ",") && cue.start < start + 3 {
        let comma = (source.end..end).find(|&i| surface(doc, i) == ",")?;
        return Some((source, comma + 1..end));
    }
    let comma = (start..cue.start).rev().find(|&i| surface(doc, i) == ",").unwrap_or(cue.start);
    // "Fundraising, according to the campaign, has surged": a source set inside the sentence
    // reports the whole sentence around it.
    let goes_on = source.end + 1 < end
        && surface(doc, source.end) == ","
        && words_in(doc, source.end + 1..end) >= MIN_CONTENT_WORDS;
    if goes_on {
        return Some((source, start..end));
    }
    // "Katrina Pierson, who has spoken for the Tea Party, according to Politico": the relative
    // clause just before the source is what it reports.
    let relative = (start + 1..comma)
        .rev()
        .find(|&i| matches!(&*doc.tokens[i].key, "who" | "which") && surface(doc, i - 1) == ",");
    let relative = relative.filter(|&r| (r..comma).all(|i| surface(doc, i) != ","));
    Some((source, relative.unwrap_or(start)..comma))
}

/// "according to X" and "as reported by X": cues whose source follows them.
fn cites_source_after(doc: &Document, cue: &Range<usize>) -> bool {
    doc.tokens[cue.start].key == "according" || doc.tokens[cue.end - 1].key == "by"
}

/// "according to two local broadcasters", "according to recent data from a ratings firm": after
/// "according to" any phrase up to the next comma (at most 16 tokens) names the source.
fn cited_source(doc: &Document, from: usize, end: usize) -> Option<Range<usize>> {
    let comma = (from..end).find(|&i| surface(doc, i) == ",").unwrap_or(end);
    // A quotation closed inside the phrase names it (`the “Schools First” budget`); one left
    // open is the content starting.
    let marks: Vec<usize> = (from..comma).filter(|&i| surface(doc, i) == "\"").collect();
    let stop = if marks.len().is_multiple_of(2) { comma } else { marks[marks.len() - 1] };
    let phrase = trim_punct(doc, from..stop);
    let words = words_in(doc, phrase.clone());
    (words > 0 && phrase.len() <= 16).then_some(phrase)
}

/// The first comma in `range` that is not inside a list ("Iraqi land, water, and airspace": a
/// comma before a short item and another comma or "and"/"or", and the ", and" closing it).
fn phrase_end(doc: &Document, range: Range<usize>) -> Option<usize> {
    let mut in_list = false;
    for comma in range.clone().filter(|&i| surface(doc, i) == ",") {
        let next = (comma + 1..range.end.min(comma + 5))
            .find(|&i| surface(doc, i) == "," || matches!(&*doc.tokens[i].key, "and" | "or"));
        let closes_list = in_list && next == Some(comma + 1);
        in_list = next.is_some_and(|n| n > comma + 1);
        if !in_list && !closes_list {
            return Some(comma);
        }
    }
    None
}

/// Auxiliaries and copulas: one before the first comma makes a cue's complement a clause.
const FINITE_VERBS: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "should", "could", "can", "may",
    "might", "must", "shall", "did", "does", "do",
];

/// "say stricter rules would help": a finite verb after the cue makes its words a clause.
fn has_finite_verb(doc: &Document, range: Range<usize>) -> bool {
    range.into_iter().any(|i| FINITE_VERBS.contains(&&*doc.tokens[i].key))
}

/// What follows a cue outside a quote: a reported clause to the sentence end, or an object noun
/// phrase ("criticized the judge at a rally", "blasted the plan, calling it …") to the first comma.
fn object_or_clause(doc: &Document, from: usize, end: usize, hits: &[(Range<usize>, usize)]) -> Option<Range<usize>> {
    let content = content_after(doc, from, end, hits)?;
    let clause = content.start > from || opens_clause(&doc.tokens[content.start].key);
    let Some(comma) = phrase_end(doc, content.clone()) else {
        return Some(content);
    };
    // "said a security agreement should be cancelled, …": a finite verb makes it a clause.
    let has_verb = has_finite_verb(doc, content.start..comma);
    // "said Obama enjoys the event, in part, because …": a one-word name or a pronoun and a
    // lower-case word after it are a subject and its verb (longer names measured worse on dev).
    let subject_verb = (is_capitalized(doc, content.start) || PRONOUNS.contains(&&*doc.tokens[content.start].key))
        && doc.tokens.get(content.start + 1).is_some_and(|t| {
            t.kind == TokenKind::Word
                && !is_capitalized(doc, content.start + 1)
                && !STOP_WORDS.contains(&&*t.key)
                && !DETERMINERS.contains(&&*t.key)
        });
    // "said Trump, despite his wealth, is …": a name, then an aside, then its verb.
    let first_comma = (content.start..comma).find(|&i| surface(doc, i) == ",").unwrap_or(comma);
    let aside_then_verb = first_comma > content.start
        && first_comma < comma
        && (content.start..first_comma).all(|i| is_capitalized(doc, i))
        && has_finite_verb(doc, comma + 1..(comma + 4).min(content.end));
    // "say the plan, which passed in March, will raise rents", "said the program, run by the
    // agency, has brought …": a short subject, an aside between commas, then its verb.
    let aside_opens = doc.tokens.get(comma + 1).is_some_and(|t| {
        ASIDE_OPENERS.contains(&&*t.key) || t.key.len() > 4 && (t.key.ends_with("ed") || t.key.ends_with("ing"))
    });
    let aside_end = (comma + 2..content.end.min(comma + 14)).find(|&i| surface(doc, i) == ",");
    let subject_aside = comma - content.start <= 5
        && aside_opens
        && aside_end.is_some_and(|c| has_finite_verb(doc, c + 1..(c + 3).min(content.end)));
    Some(if clause || has_verb || subject_verb || aside_then_verb || subject_aside {
        content
    } else {
        content.start..comma
    })
}

/// Words that open an aside set between commas after a subject: a relative pronoun, a
/// preposition of concession or example, or an irregular past participle.
const ASIDE_OPENERS: &[&str] = &[
    "which",
    "who",
    "whose",
    "where",
    "despite",
    "like",
    "including",
    "run",
    "led",
    "built",
    "written",
    "known",
    "held",
    "set",
    "made",
    "taken",
    "seen",
    "given",
    "paid",
    "sold",
    "won",
];

/// What follows a cue: an optional recipient ("told CNN", "told parliament in a speech") and
/// "that" (before any comma), then the rest of the sentence.
fn content_after(doc: &Document, from: usize, end: usize, hits: &[(Range<usize>, usize)]) -> Option<Range<usize>> {
    // "told CNN on Monday that …", but not "said the system was corrupt, noting that …".
    // "going to jump to that conclusion": after a preposition "that" is a determiner.
    const PREPOSITIONS: &[&str] = &["to", "of", "in", "on", "at", "with", "for", "about", "by", "from", "like"];
    // "said he had given up hope that …": after a subject pronoun, "that" belongs to a later
    // verb; so it does after another cue ("said the shootings demand that …").
    let next_cue = hits_from(hits, from).first().map_or(end, |(r, _)| r.start);
    // "told reporters the deal was close", "told him it was over": the listener is not content.
    let from = from + told_recipient(doc, from, end);
    let from = after_time_phrase(doc, from, end);
    // "said — on Twitter, as it happens — that …": an aside between dashes after the cue.
    let from = if from < end && is_dash(doc, from) {
        (from + 1..end.min(from + 12)).find(|&i| is_dash(doc, i)).map_or(from, |i| i + 1)
    } else {
        from
    };
    // "said as he entered the talks that …", "said when she took office that …": a subordinate
    // clause right after the cue is a circumstance, and the words follow a later "that"; with no
    // "that", a clause of time ("said before he died") reports nothing, while "when" asks an
    // embedded question ("have not said when they would vote"), which is the content.
    if from < end && SUBORDINATORS.contains(&&*doc.tokens[from].key) {
        let pronoun_subject = doc.tokens.get(from + 1).is_some_and(|t| PRONOUNS.contains(&&*t.key));
        if pronoun_subject || has_finite_verb(doc, from + 1..end.min(from + 4)) {
            let that = (from + 2..end.min(from + 16).min(next_cue)).find(|&i| {
                doc.tokens[i].key == "that" && !PREPOSITIONS.contains(&&*doc.tokens[i - 1].key) && i + 1 < end
            });
            match that {
                Some(t) => return (surface(doc, t + 1) != "\"").then_some(t + 1..end),
                None if doc.tokens[from].key != "when" => return None,
                None => {}
            }
        }
    }
    // "said the plan would change that.": after a finite verb the clause has begun, and a "that"
    // closing the sentence is a pronoun.
    let that = (from..end.min(from + 8).min(next_cue))
        .take_while(|&i| {
            surface(doc, i) != "," && !PRONOUNS.contains(&&*doc.tokens[i].key) && !has_finite_verb(doc, i..i + 1)
        })
        .find(|&i| {
            doc.tokens[i].key == "that"
                && !(i > from && PREPOSITIONS.contains(&&*doc.tokens[i - 1].key))
                && i + 1 < end
                && !matches!(surface(doc, i + 1), "." | "!" | "?" | ";")
        });
    // "says at a campaign stop in Toledo, Ohio, that …": a circumstance with commas in it.
    let that = that.or_else(|| {
        let opens = from < end && CIRCUMSTANCE_OPENERS.contains(&&*doc.tokens[from].key);
        (from + 1..end.min(from + 14).min(next_cue))
            .take_while(|&i| opens && !PRONOUNS.contains(&&*doc.tokens[i].key) && !has_finite_verb(doc, i..i + 1))
            .find(|&i| doc.tokens[i].key == "that" && surface(doc, i - 1) == ",")
    });
    let start = match that {
        Some(t) => t + 1,
        None => from,
    };
    (start < end && surface(doc, start) != "\"").then_some(start..end)
}

/// Where the reporting clause of a plain reporting cue ends: after the listener of "told"
/// (`told me`, `told The Huffington Post`) and one circumstance (`on Friday`, `in an
/// interview`, `at a campaign stop in Toledo, Ohio`) that runs to a comma or the sentence end
/// with no verb or "that" in it; `cue.end` when neither follows.
fn reporting_clause_end(doc: &Document, cue: &Range<usize>, end: usize) -> usize {
    if !CLAUSE_FINAL_CUES.contains(&&*doc.tokens[cue.start].key) {
        return cue.end;
    }
    let listener = if matches!(&*doc.tokens[cue.start].key, "told" | "tells") {
        let named = (cue.end..end.min(cue.end + 5)).take_while(|&i| is_capitalized(doc, i)).count();
        let pronoun =
            usize::from(cue.end < end && matches!(&*doc.tokens[cue.end].key, "me" | "him" | "her" | "us" | "them"));
        // "told the court in his filing", "told a cheering crowd": a determiner and a noun or two.
        let led = cue.end < end && DETERMINERS.contains(&&*doc.tokens[cue.end].key);
        let nouns = (cue.end + 1..end.min(cue.end + 3))
            .take_while(|&i| doc.tokens[i].kind == TokenKind::Word && !STOP_WORDS.contains(&&*doc.tokens[i].key))
            .count();
        let described = if led && nouns > 0 { 1 + nouns } else { 0 };
        named.max(pronoun).max(described)
    } else {
        0
    };
    let at = after_time_phrase(doc, cue.end + listener, end);
    let opens = at < end && CIRCUMSTANCE_OPENERS.contains(&&*doc.tokens[at].key);
    if !opens {
        return if at > cue.end && (at == end || surface(doc, at) == "," || trim_punct(doc, at..end).is_empty()) {
            at
        } else {
            cue.end
        };
    }
    let stop = (at..end.min(at + 10)).find(|&i| surface(doc, i) == "," || trim_punct(doc, i..end).is_empty());
    match stop {
        Some(stop) if !has_finite_verb(doc, at..stop) && !(at..stop).any(|i| doc.tokens[i].key == "that") => stop,
        _ => cue.end,
    }
}

/// Tokens of a listener right after "told" when a clause follows it: an object pronoun or an
/// audience noun ("told him it was over", "told reporters the deal was close"); 0 otherwise.
fn told_recipient(doc: &Document, from: usize, end: usize) -> usize {
    const LISTENERS: &[&str] = &[
        "him",
        "her",
        "them",
        "us",
        "me",
        "you",
        "reporters",
        "journalists",
        "lawmakers",
        "supporters",
        "voters",
        "senators",
        "students",
        "listeners",
        "viewers",
        "investors",
        "parliament",
        "congress",
        "colleagues",
    ];
    let told = from > 0 && matches!(&*doc.tokens[from - 1].key, "told" | "tell" | "tells" | "telling");
    let clause_next = doc
        .tokens
        .get(from + 1)
        .is_some_and(|t| t.kind == TokenKind::Word && (DETERMINERS.contains(&&*t.key) || PRONOUNS.contains(&&*t.key)));
    usize::from(told && from + 1 < end && LISTENERS.contains(&&*doc.tokens[from].key) && clause_next)
}

fn trim_punct(doc: &Document, range: Range<usize>) -> Range<usize> {
    let (mut start, mut end) = (range.start, range.end);
    while start < end && is_punct(doc, start) {
        start += 1;
    }
    while end > start && is_punct(doc, end - 1) {
        end -= 1;
    }
    start..end
}

/// Resolve pronoun speakers to the last compatible named speaker before them: he/she to a
/// person, it to a document or body, they to the last plural or body. A name mentioned after
/// that speaker (a speaker introduced in a previous sentence) wins. Quotes continuing an earlier
/// speaker then take that speaker's resolution.
fn resolve_pronouns(doc: &Document, found: &mut [Attribution], voices: &VoiceMap, names: &GivenNames) {
    let genders = Genders::new(doc, names);
    for attribution in found.iter_mut() {
        if let Some(source) = attribution.source
            && matches!(source.slice(doc.text).to_lowercase().as_str(), "who" | "which")
        {
            attribution.resolved = relative_antecedent(doc, source);
        }
    }
    for i in 0..found.len() {
        let Some(source) = found[i].source else { continue };
        let pronoun = source.slice(doc.text).to_lowercase();
        let role = is_definite_role(&pronoun);
        if !(PRONOUNS.contains(&pronoun.as_str()) || role) || found[i].resolved.is_some() {
            continue;
        }
        let wants_person = role || matches!(pronoun.as_str(), "he" | "she" | "i" | "we");
        let paragraph = found[i].paragraph;
        let speakers = found[..i].iter().rev().filter_map(|a| {
            let s = a.speaker_span()?;
            let text = s.slice(doc.text);
            let lower = text.to_lowercase();
            // "“…,” the minister said. … he continued": a definite role is a person too.
            let person = looks_like_person(text) || is_definite_role(&lower);
            (s.start < source.start && !PRONOUNS.contains(&lower.as_str()) && person == wants_person).then_some((a, s))
        });
        // "she" never resolves to a speaker the article shows to be a man, nor "he" to a woman.
        let wanted = pronoun_gender(&pronoun);
        let (earlier, passed) = by_gender(speakers, wanted, false, |(_, s)| genders.of(*s));
        let earlier = earlier.map(|(a, _)| a);
        let crossed = passed.is_some_and(|(a, _)| a.paragraph + 1 >= paragraph);
        let near = earlier.filter(|a| a.paragraph + 1 >= paragraph).and_then(Attribution::speaker_span);
        if role {
            // "The lawmaker added": only the person who spoke in an earlier sentence, never a name
            // further back or another voice of the same sentence ("Asked by X …, the governor said").
            let sentence_of = |at: usize| doc.sentences.partition_point(|s| s.span.end <= at);
            // A full name, so not a place or body standing for a government ("Washington said").
            let full_name = |n: &Span| {
                let text = n.slice(doc.text);
                looks_like_person(text) && text.split_whitespace().count() >= 2
            };
            found[i].resolved = near.filter(|n| sentence_of(n.start) < sentence_of(source.start) && full_name(n));
            continue;
        }
        // Past a speaker of the other gender, a name must show the pronoun's gender to be taken.
        let mentioned = if wants_person && near.is_none() {
            by_gender(names_before(doc, source.start, voices).into_iter(), wanted, crossed, |s| genders.of(*s)).0
        } else {
            None
        };
        // "It declared …": a document or body named in the sentences just before is the likelier
        // antecedent than an earlier speaker (often a news agency credited in passing).
        let document = if pronoun == "it" { last_document_before(doc, source.start, voices) } else { None };
        found[i].resolved = document.or(near).or(mentioned).or_else(|| earlier.and_then(Attribution::speaker_span));
    }
    for i in 0..found.len() {
        if found[i].source.is_none()
            && let Some(previous) = found[i].resolved
            && let Some(resolved) =
                found[..i].iter().rev().find(|a| a.source == Some(previous)).and_then(|a| a.resolved)
        {
            found[i].resolved = Some(resolved);
        }
    }
}

/// `the lawmaker`, `the spokesman`: "the" and one singular role word, which news writing uses
/// for the person just quoted. Documents ("the resolution") and bodies ("the ministry") are not
/// roles; a plural ("the protesters") is not one person.
fn is_definite_role(lower: &str) -> bool {
    let Some(("the", word)) = lower.split_once(' ') else { return false };
    word.len() > 3
        && word.chars().all(|c| c.is_ascii_lowercase())
        && !word.ends_with('s')
        && !DOCUMENTS.contains(&word)
        && !is_body(word)
}

/// A capitalised mention not led by a determiner or a pronoun ("He too" is no name).
fn looks_like_person(mention: &str) -> bool {
    let first = mention.split_whitespace().next().unwrap_or("").to_lowercase();
    !DETERMINERS.contains(&first.as_str())
        && !PRONOUNS.contains(&first.as_str())
        && mention.chars().next().is_some_and(char::is_uppercase)
}

/// The phrase a relative pronoun refers to: "Mike Lee" in "from Mike Lee, who declared".
fn relative_antecedent(doc: &Document, pronoun: Span) -> Option<Span> {
    let at = doc.tokens.partition_point(|t| t.span.start < pronoun.start);
    let sentence = doc.sentences.get(doc.sentences.partition_point(|s| s.tokens.end <= at))?;
    let comma = at.checked_sub(1).filter(|&i| i >= sentence.tokens.start && surface(doc, i) == ",")?;
    let phrase = phrase_back(doc, sentence.tokens.start, comma)?;
    // Prefer the name the phrase ends with ("… the backing of Prime Minister Adel Abdul Mahdi").
    let mut name_start = phrase.end;
    while name_start > phrase.start
        && (is_capitalized(doc, name_start - 1) || matches!(&*doc.tokens[name_start - 1].key, "al" | "bin" | "abu"))
    {
        name_start -= 1;
    }
    let antecedent =
        if phrase.end - name_start >= 1 && name_start > phrase.start { name_start..phrase.end } else { phrase };
    Some(token_span(doc, antecedent))
}

/// The last document or body noun ("resolution", "statement", "coalition") before `at`, outside
/// quotation marks, in the sentence holding `at` or the one before.
fn last_document_before(doc: &Document, at: usize, voices: &VoiceMap) -> Option<Span> {
    let document =
        |key: &str| DOCUMENTS.contains(&key) || matches!(key, "measure" | "motion" | "coalition" | "ministry");
    let here = doc.sentences.partition_point(|s| s.span.end <= at);
    let from = doc.sentences.get(here.saturating_sub(1))?.tokens.start;
    let until = doc.tokens.partition_point(|t| t.span.end <= at);
    (from..until)
        .rev()
        .find(|&i| document(&doc.tokens[i].key) && voices.voice_of(doc.tokens[i].span) == Voice::Own)
        .map(|i| doc.tokens[i].span)
}

/// The candidate a pronoun of gender `wanted` refers to, of `candidates` (nearest first): the
/// nearest, unless the article shows it to be of the other gender, or `strict`; then the nearest
/// shown to be of the wanted gender. Also the nearest when it was passed over.
fn by_gender<T>(
    mut candidates: impl Iterator<Item = T>,
    wanted: Option<Gender>,
    strict: bool,
    gender: impl Fn(&T) -> Option<Gender>,
) -> (Option<T>, Option<T>) {
    let Some(wanted) = wanted else { return (candidates.next(), None) };
    if strict {
        return (candidates.find(|c| gender(c) == Some(wanted)), None);
    }
    let Some(nearest) = candidates.next() else { return (None, None) };
    match gender(&nearest) {
        Some(other) if other != wanted => (candidates.find(|c| gender(c) == Some(wanted)), Some(nearest)),
        _ => (Some(nearest), None),
    }
}

/// The runs of two or more capitalised words before `at` in the two preceding sentences, the
/// last first: speakers introduced without a cue ("Pompeo would not answer. “We’ll watch,” he
/// said.").
fn names_before(doc: &Document, at: usize, voices: &VoiceMap) -> Vec<Span> {
    let here = doc.sentences.partition_point(|s| s.span.end <= at);
    let Some(from) = doc.sentences.get(here.saturating_sub(2)).map(|s| s.tokens.start) else { return Vec::new() };
    let until = doc.tokens.partition_point(|t| t.span.end <= at);
    let mut names: Vec<Span> = Vec::new();
    let mut run_start = None;
    for i in from..=until.min(doc.tokens.len()) {
        // "Secretary of State Mike Pompeo": an "of" between capitals stays inside the run.
        let inner_of = run_start.is_some() && i + 1 < until && doc.tokens[i].key == "of" && is_capitalized(doc, i + 1);
        let capital = i < until
            && doc.tokens[i].kind == TokenKind::Word
            && (is_capitalized(doc, i) || inner_of)
            && voices.voice_of(doc.tokens[i].span) == Voice::Own;
        match (capital, run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(s)) => {
                let name = token_span(doc, s..i);
                if i - s >= 2 && !is_body(&name.slice(doc.text).to_lowercase()) {
                    names.push(name);
                }
                run_start = None;
            }
            _ => {}
        }
    }
    names.reverse();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::find_quote_spans;
    use crate::text::TextOptions;

    /// (cue, content, speaker) of every attribution in `text`, with no listed cues and `model`.
    fn learned_only(text: &str, model: &str) -> Vec<(String, String, String)> {
        let doc = Document::parse(text, TextOptions { remove_boilerplate: false });
        let quotes = find_quote_spans(text, &doc.paragraph_spans());
        let cues = CueIndex::new(&[]).with_model(CueModel::parse(model).unwrap());
        let slice = |s: Option<Span>| s.map_or(String::new(), |s| s.slice(text).to_string());
        find_attributions(&doc, &quotes, &cues)
            .into_iter()
            .map(|a| (slice(a.cue), a.content.slice(text).to_string(), slice(a.source)))
            .collect()
    }

    #[test]
    fn a_learned_cue_closing_a_short_paragraph_reports_the_next_one() {
        let model = "w=opined\t5\nbias\t-1\n";
        let text = "Okafor opined:\n\nThe parade route is too long for the police to cover.\n";
        let expected = (
            "opined".to_string(),
            "The parade route is too long for the police to cover".to_string(),
            "Okafor".to_string(),
        );
        assert_eq!(learned_only(text, model), [expected]);
        // A long paragraph ending in a colon leads in a list, not someone's words: the cue
        // reports the words after it in its own sentence.
        let long = "Okafor opined on the film, the casting, the score, the lighting, the length, the poster and \
                    the reviews in three columns last week:\n\nThe parade route is too long for the police to cover.\n";
        let content = "on the film, the casting, the score, the lighting, the length, the poster and the reviews in \
                       three columns last week";
        assert_eq!(learned_only(long, model), [("opined".to_string(), content.to_string(), "Okafor".to_string())]);
    }

    #[test]
    fn an_article_or_an_existential_there_before_a_learned_cue_is_no_speaker() {
        let model = "w=suggestion\t5\nw=comment\t5\nbias\t-1\n";
        let text = "The general came to pass on the suggestion for normalising relations with Riyadh. There was no \
                    immediate comment on the move from the Pentagon.";
        let speakers: Vec<String> = learned_only(text, model).into_iter().map(|(_, _, speaker)| speaker).collect();
        assert_eq!(speakers, ["", ""]);
    }
}
