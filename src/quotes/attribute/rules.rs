//! The attribution rules, named and listed in the order they are applied.
//!
//! Every attribution records the rule that found it (`rule`, the `rule` column of `quotes.csv`)
//! and the rules that shaped it afterwards (`steps`: where its words were cut, how its speaker
//! was resolved). `framelens quotes --explain` prints both. The table below is the one list:
//! the enum, the names and the descriptions are generated from it, so they cannot drift apart.
//!
//! To add a rule: add a line here (name and one-line description, in the place where it applies),
//! set it where the code applies it, and pin it with a case in `tests/cases/attributions/` that
//! names it (`rule = "…"`). A unit test checks that every rule that finds attributions has one.

/// What a rule does to an attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleKind {
    /// Finds an attribution: the row's `rule`.
    Finds,
    /// Changes one that a finding rule made: its content, clause or speaker.
    Shapes,
}

/// A rule's entry in [`RULES`].
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo {
    /// The rule.
    pub rule: Rule,
    /// Its name in tables and `--explain` (snake case, stable).
    pub name: &'static str,
    /// Whether it finds attributions or shapes them.
    pub kind: RuleKind,
    /// One line saying what it does, with an example.
    pub description: &'static str,
}

macro_rules! rules {
    ($($variant:ident, $name:literal, $kind:ident, $description:literal;)*) => {
        /// An attribution rule. See [`RULES`] for names and descriptions.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $(#[doc = $description] $variant,)*
        }

        /// Every rule, in the order the attribution stage applies them.
        pub const RULES: &[RuleInfo] = &[
            $(RuleInfo { rule: Rule::$variant, name: $name, kind: RuleKind::$kind, description: $description },)*
        ];
    };
}

rules! {
    // Direct quotations, each quote in turn: first the cue, then the speaker without one.
    QuoteCueAfter, "quote_cue_after", Finds,
        "A cue right after the quote in its sentence: `“…,” X said`, `“…,” said X` (inside a sentence, only a quote set off by a comma or its own punctuation).";
    QuoteCueNextSentence, "quote_cue_next_sentence", Finds,
        "A quote ending its sentence, and a short next sentence opening with speaker and cue: `“Is it over?” Sanders replied.`";
    QuoteCueBefore, "quote_cue_before", Finds,
        "A cue before the quote in its sentence: `X said: “…”`, `X told CNN “…”`, or a fragment in a sentence whose verb is a cue.";
    QuoteLeadInParagraph, "quote_lead_in_paragraph", Finds,
        "A paragraph ending in a cue and a colon (`Stated Stone:`), and the quote opening the next paragraph.";
    QuoteColonLead, "quote_colon_lead", Finds,
        "A headline or transcript lead-in without a cue: `Name: “…”`.";
    QuoteLeadInSubject, "quote_lead_in_subject", Finds,
        "A sentence without a cue ending on a colon before the quote, whose subject is a name: `Okafor went further: “…”`.";
    QuoteDashSpeaker, "quote_dash_speaker", Finds,
        "A dash and a name after the quote, and no cue: `“…” — John Smith`.";
    QuoteContinuesSpeaker, "quote_continues_speaker", Finds,
        "A full quote with no cue or speaker continues the last quoted speaker of this or the previous paragraph: `“…,” he added. “…”`.";
    QuoteAfterReported, "quote_after_reported", Finds,
        "A full quote with no cue takes the speaker of the sentence just before: `Clinton said she would fight on. “We are not done.”`.";
    QuoteSplitSentence, "quote_split_sentence", Shapes,
        "The second part of a quote split around its cue, the first part ending on a comma, keeps its speaker: `“Word is,” Trump said, “that …”`.";
    FragmentClause, "fragment_clause", Shapes,
        "The writer's clause that carries a fragment, or a quote led into by the writer's words: `called the killing a “political assassination”`.";
    QuoteClauseBeforeCue, "quote_clause_before_cue", Shapes,
        "The writer's words between a quote and its reporting clause are reported too: `“…” that the border is secure, he said`.";
    // Reported speech, each cue outside quotation marks in turn.
    AskedQuestion, "asked_question", Finds,
        "A passive `asked` opening the sentence reports the question: `Asked whether he would run, Lee said …`.";
    Evidential, "evidential", Finds,
        "`seem` or `appear`: the subject and what follows, with no speaker: `the shift seemed so stark`.";
    AccordingTo, "according_to", Finds,
        "`According to X, …` and `…, according to X`.";
    AsNoted, "as_noted", Finds,
        "A clause led by `as` and closed by a comma opens the sentence: `As the Times noted, …`; the words after the comma.";
    OpeningParticiple, "opening_participle", Finds,
        "A participle cue opening the sentence reports the words up to its comma, spoken by the subject after it: `Noting he majored in philosophy, Allen said …`.";
    ReportedTrailing, "reported_trailing", Finds,
        "A reporting clause after a comma reports the words before it: `…, X said.`, `…, Graham told The Huffington Post on Thursday.`";
    ReportedInserted, "reported_inserted", Finds,
        "A reporting clause set inside the sentence reports the whole sentence: `Over the years, she said, letters have helped …`.";
    ReportedObject, "reported_object", Finds,
        "The object or clause after the cue: `X said (that) …`, `X denied the report`.";
    ReportedInverted, "reported_inverted", Finds,
        "A cue right after a comma with its speaker after it: `The troops will leave, said a spokesman.`";
    EndorsedName, "endorsed_name", Shapes,
        "An endorsement reports the name endorsed, however short: `Jeb Bush endorsed Cruz Wednesday`.";
    PassiveAgent, "passive_agent", Shapes,
        "A passive cue: the by-agent speaks and the subject is spoken about: `was criticized by the union as reckless`.";
    CutAtNextCue, "content_cut_next_cue", Shapes,
        "Reported words end before another reporting clause in the same sentence.";
    CutAtSemicolon, "content_cut_semicolon", Shapes,
        "A semicolon ends the words after a cue, and starts them before a trailing one.";
    CutBeforeRelative, "content_cut_relative", Shapes,
        "Reported words end before a relative clause that describes the speaker.";
    CutBeforeContrast, "content_cut_contrast", Shapes,
        "Reported words end before the writer's contrast: `…, but he did not say when`.";
    // Blocks, lead-ins and polls, paragraph by paragraph and sentence by sentence.
    ColonWords, "colon_words", Finds,
        "The words after a colon lead-in that no quote took: `Poll: Mayor loses ground with younger voters`.";
    BlockAfterLeadIn, "block_after_lead_in", Finds,
        "A short paragraph ending in a cue and a colon, then a paragraph without quotation marks: the speaker's words as a block.";
    PollCitedIn, "poll_cited_in", Finds,
        "A poll cited with `in` is the source of the clause it frames: `Trump leads by 20 points in the latest CNN poll`.";
    LearnedCue, "learned_cue", Finds,
        "A cue only the learned model finds (`--learned-cues`): the speaker before it, the words after it.";
    // Speakers, once every attribution is found.
    ResolveRelative, "resolve_relative", Shapes,
        "A relative pronoun as speaker (`Lee, who declared, “…”`) resolves to the name before it.";
    ResolvePronoun, "resolve_pronoun", Shapes,
        "A pronoun speaker resolves to the last compatible named speaker or name before it, by gender and number.";
    ResolveRole, "resolve_role", Shapes,
        "`The lawmaker added` resolves to a full name that spoke in an earlier sentence of this or the previous paragraph.";
    ResolveContinued, "resolve_continued", Shapes,
        "A quote continuing an earlier speaker takes that speaker's resolution.";
}

impl Rule {
    /// This rule's entry in [`RULES`].
    pub fn info(self) -> &'static RuleInfo {
        &RULES[self as usize]
    }

    /// The rule's name, as in `quotes.csv`.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The rule named `name`.
    pub fn named(name: &str) -> Option<Rule> {
        RULES.iter().find(|r| r.name == name).map(|r| r.rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_enum_order_with_unique_names() {
        for (i, info) in RULES.iter().enumerate() {
            assert_eq!(info.rule as usize, i, "{}", info.name);
            assert_eq!(Rule::named(info.name), Some(info.rule));
            assert!(info.name.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{}", info.name);
            assert!(!info.description.is_empty() && info.description.len() < 200, "{}", info.name);
        }
    }
}
