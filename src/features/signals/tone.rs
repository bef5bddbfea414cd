//! Tone toward actors: the VADER compound score (the `vader-parity` crate, which reproduces
//! Python vaderSentiment 3.3.2) of each sentence that mentions an actor, per actor and voice. A
//! sentence counts once per actor and voice. The actors are the story lexicon's `[[actor]]`
//! entries.

use vader_parity::SentimentIntensityAnalyzer;

use super::{
    ArticleText, Column, Hit, Place, Ratio, RowTotals, Signal, SignalEntry, SignalKind, Sum, Sums, Values, ratio, story,
};
use crate::columns;
use crate::lexicon::{Inflect, LabelMatch, LexiconSet, StoryEntries};
use crate::quotes::{Voice, VoiceMap};
use crate::text::Document;

pub(super) const ENTRY: SignalEntry = SignalEntry {
    kind: SignalKind::Tone,
    name: "tone",
    description: "The VADER tone of sentences that mention each actor, own voice and quoted.",
    build,
    key: |hit: &Hit| (hit.subject.clone(), hit.voice.as_str().to_string()),
    columns: feature_columns,
    table: Some(("tone", table)),
};

struct Tone {
    patterns: Vec<Vec<String>>,
    actors: Vec<String>,
    /// The actors by the story lexicon that defines them (see [`story`]).
    groups: Vec<Vec<usize>>,
    vader: SentimentIntensityAnalyzer,
}

fn build(set: &LexiconSet) -> Box<dyn Signal> {
    Box::new(Tone {
        patterns: set.actors.iter().map(|a| a.patterns.clone()).collect(),
        actors: set.actors.iter().map(|a| a.id.clone()).collect(),
        groups: story::groups(set, StoryEntries::Actors, set.actors.len()),
        vader: SentimentIntensityAnalyzer::new(),
    })
}

impl Signal for Tone {
    fn families(&self) -> Vec<(Vec<Vec<String>>, Inflect)> {
        story::families(&self.groups, &self.patterns)
    }

    fn find(&self, article: &ArticleText, matches: &[Vec<LabelMatch>], out: &mut Vec<Hit>) {
        let actors = story::in_scope(&self.groups, matches, article.scope, StoryEntries::Actors);
        out.extend(self.tone(article.doc, &actors, article.voices));
    }
}

impl Tone {
    fn tone(&self, doc: &Document, actors: &[LabelMatch], voices: &VoiceMap) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        let mut scored: Option<(usize, f64)> = None;
        for m in actors {
            let place = Place::of(doc, m.tokens.start, m.span);
            let subject = self.actors[m.concept].clone();
            let voice = voices.voice_of(m.span);
            // Matches come in text order, so this sentence's hits are the last ones (looking
            // only at them keeps an article with thousands of mentions linear).
            let mut this_sentence = hits.iter().rev().take_while(|h| h.sentence == place.sentence);
            if this_sentence.any(|h| h.subject == subject && h.voice == voice) {
                continue;
            }
            let score = match scored {
                Some((start, score)) if start == place.sentence.start => score,
                _ => {
                    let score = self.vader.polarity_scores(place.sentence.slice(doc.text)).compound;
                    scored = Some((place.sentence.start, score));
                    score
                }
            };
            let mut hit = place.hit(SignalKind::Tone, subject, format!("{score:+.4}"), voices);
            hit.score = Some(score);
            hits.push(hit);
        }
        hits
    }
}

/// An actor's sentences in one voice: (sum of their scores, sentences).
pub(super) fn of<'s>(sums: &'s Sums, actor: &str, voice: Voice) -> Option<&'s Sum> {
    sums.get(&(actor.to_string(), voice.as_str().to_string()))
}

fn feature_columns(rows: &[RowTotals], set: &LexiconSet) -> Vec<Column> {
    let mut out = Vec::new();
    for actor in &set.actors {
        for voice in [Voice::Own, Voice::Quoted] {
            let mean = rows.iter().map(|r| {
                of(r.signals.of(SignalKind::Tone), &actor.id, voice)
                    .map_or_else(Ratio::default, |s| Ratio::new(s.score, s.count as f64))
            });
            out.push(Column::new(columns::tone_mean(&actor.id, voice.as_str()), Values::Ratio(mean.collect())));
        }
    }
    out
}

/// `tone`: outlet × actor × voice → sentences and their mean VADER compound score.
fn table(outlets: &[(&str, RowTotals)], _set: &LexiconSet) -> Vec<Column> {
    let rows: Vec<(&str, &str, &str, &Sum)> = outlets
        .iter()
        .flat_map(|(outlet, t)| {
            t.signals
                .of(SignalKind::Tone)
                .iter()
                .map(move |((actor, voice), s)| (*outlet, actor.as_str(), voice.as_str(), s))
        })
        .collect();
    vec![
        Column::new(columns::OUTLET, Values::Text(rows.iter().map(|r| r.0.to_string()).collect())),
        Column::new(columns::ACTOR, Values::Text(rows.iter().map(|r| r.1.to_string()).collect())),
        Column::new(columns::VOICE, Values::Text(rows.iter().map(|r| r.2.to_string()).collect())),
        Column::new(columns::SENTENCES, Values::Count(rows.iter().map(|r| r.3.count).collect())),
        Column::new(
            columns::MEAN_COMPOUND,
            Values::Measure(rows.iter().map(|r| ratio(r.3.score, r.3.count as f64)).collect()),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vader_matches_the_reference_implementation() {
        let vader = SentimentIntensityAnalyzer::new();
        assert_eq!(vader.polarity_scores("VADER is smart, handsome, and funny.").compound, 0.8316);
        assert!(vader.polarity_scores("The strike killed dozens of civilians.").compound < -0.5);
    }
}
