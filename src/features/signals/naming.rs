//! How people are named: a name after a courtesy title ("Mr. Obama", "Ms. Pelosi") or after a
//! title of office, rank or profession ("President Obama", "Sen. McConnell", "Dr. Fauci").
//! Referring to a person by title confers standing, and dropping it withholds it; courtesy titles
//! on every later reference are also a house style of some outlets. The word lists are classes of
//! `lexicons/language/english.toml` (`courtesy_titles`, `office_titles`, and
//! `not_names_after_title`, the capitalised words that start an institution's name after a title:
//! "Justice Department"; `titles_only_capitalised`, the titles that are also common words: "a
//! major Iranian general"). Rates are per 1,000 words of the voice, as for loaded language.

use super::{
    ArticleText, Column, Hit, Place, Ratio, RowTotals, Signal, SignalEntry, SignalKind, Sums, Values,
    class_voice_table, voice_words,
};
use crate::columns;
use crate::lexicon::{Inflect, LabelMatch, LexiconSet};
use crate::quotes::Voice;
use crate::text::{Span, TokenKind, english};

pub(super) const ENTRY: SignalEntry = SignalEntry {
    kind: SignalKind::Naming,
    name: "naming",
    description: "Names after a courtesy title (\"Mr. Obama\") or a title of office (\"President Obama\"), own voice and quoted.",
    build,
    key: |hit: &Hit| (hit.subject.clone(), hit.voice.as_str().to_string()),
    columns: feature_columns,
    table: Some(("naming", table)),
};

/// The ways of naming a person that the signal counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameForm {
    /// After a courtesy title: "Mr. Obama".
    Courtesy,
    /// After a title of office, rank or profession: "President Obama".
    Title,
}

impl NameForm {
    /// Every form, in table order.
    pub const ALL: [NameForm; 2] = [NameForm::Courtesy, NameForm::Title];

    /// Its name in tables (`evidence.concept`, `naming.form`).
    pub fn as_str(self) -> &'static str {
        match self {
            NameForm::Courtesy => "courtesy",
            NameForm::Title => "title",
        }
    }
}

struct Naming {
    /// Each title's form, one per concept of the one phrase family.
    titles: Vec<(String, NameForm)>,
}

fn build(_set: &LexiconSet) -> Box<dyn Signal> {
    let english = english();
    let courtesy = english.courtesy_titles.iter().map(|w| (w.to_string(), NameForm::Courtesy));
    let title = english.office_titles.iter().map(|w| (w.to_string(), NameForm::Title));
    Box::new(Naming { titles: courtesy.chain(title).collect() })
}

impl Signal for Naming {
    fn families(&self) -> Vec<(Vec<Vec<String>>, Inflect)> {
        vec![(self.titles.iter().map(|(t, _)| vec![t.clone()]).collect(), Inflect::Exact)]
    }

    fn find(&self, article: &ArticleText, matches: &[Vec<LabelMatch>], out: &mut Vec<Hit>) {
        let doc = article.doc;
        let starts: Vec<usize> = matches[0].iter().map(|m| m.tokens.start).collect();
        for m in &matches[0] {
            // The name: the next word, after an abbreviated title's full stop ("Sen. Reid"); a
            // full stop after a whole word ends the sentence ("…the governor. But").
            let mut next = m.tokens.end;
            let abbreviated = english().abbreviations.contains(&doc.tokens[next - 1].key.as_str());
            if abbreviated && doc.tokens.get(next).is_some_and(|t| t.kind == TokenKind::Punct && t.key == ".") {
                next += 1;
            }
            let Some(name) = doc.tokens.get(next) else { continue };
            let capitalised = name.span.slice(doc.text).starts_with(char::is_uppercase);
            if name.kind != TokenKind::Word
                || !capitalised
                || english().not_names_after_title.contains(&name.key.as_str())
                // "Lt. Gov. Patrick", "Deputy Secretary Blinken": the title nearest the name counts.
                || starts.binary_search(&next).is_ok()
            {
                continue;
            }
            let (title, form) = &self.titles[m.concept];
            // "a major Iranian general": a common word is a title only when capitalised.
            // "the president's Christian faith": a possessive title is no title of a name.
            let written = m.span.slice(doc.text);
            let lowercase = written.starts_with(char::is_lowercase);
            if (lowercase && english().titles_only_capitalised.contains(&title.as_str()))
                || written.ends_with("'s")
                || written.ends_with("’s")
            {
                continue;
            }
            let span = Span::new(m.span.start, doc.tokens[name_end(doc, next) - 1].span.end);
            out.push(Place::of(doc, m.tokens.start, span).hit(
                SignalKind::Naming,
                form.as_str().into(),
                title.clone(),
                article.voices,
            ));
        }
    }
}

/// Most words a name runs to after its title ("Martin Luther King Jr").
const NAME_WORDS: usize = 4;

/// The end (exclusive) of the name starting at token `first`: the capitalised words that follow
/// it, over an initial's full stop ("George W. Bush") but no other punctuation.
fn name_end(doc: &crate::text::Document, first: usize) -> usize {
    let capital = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word && t.span.slice(doc.text).starts_with(char::is_uppercase))
    };
    let (mut end, mut words) = (first + 1, 1);
    while words < NAME_WORDS {
        let initial = doc.tokens[end - 1].key.chars().count() == 1;
        let dot = initial
            && doc.tokens.get(end).is_some_and(|t| t.key == "." && t.span.start == doc.tokens[end - 1].span.end);
        let at = if dot { end + 1 } else { end };
        if !capital(at) || english().not_names_after_title.contains(&doc.tokens[at].key.as_str()) {
            break;
        }
        end = at + 1;
        words += 1;
    }
    end
}

/// Names of one form in one voice.
pub(super) fn names(sums: &Sums, form: NameForm, voice: Voice) -> u64 {
    sums.get(&(form.as_str().to_string(), voice.as_str().to_string())).map_or(0, |s| s.count)
}

/// Names of one form per 1,000 words of the voice.
fn per_1k(r: &RowTotals, form: NameForm, voice: Voice) -> Ratio {
    Ratio::new(names(r.signals.of(SignalKind::Naming), form, voice) as f64 * 1000.0, voice_words(r, voice) as f64)
}

/// The share of own-voice names by title that use a courtesy title.
fn courtesy_share(r: &RowTotals) -> Ratio {
    let sums = r.signals.of(SignalKind::Naming);
    let courtesy = names(sums, NameForm::Courtesy, Voice::Own);
    Ratio::new(courtesy as f64, (courtesy + names(sums, NameForm::Title, Voice::Own)) as f64)
}

fn feature_columns(rows: &[RowTotals], _set: &LexiconSet) -> Vec<Column> {
    let mut out: Vec<Column> = NameForm::ALL
        .into_iter()
        .map(|form| {
            let values = rows.iter().map(|r| per_1k(r, form, Voice::Own)).collect();
            Column::new(columns::naming_per_1k(form.as_str(), Voice::Own.as_str()), Values::Ratio(values))
        })
        .collect();
    out.push(Column::new(columns::NAMING_COURTESY_SHARE_OWN, Values::Ratio(rows.iter().map(courtesy_share).collect())));
    out
}

/// `naming`: outlet × form × voice → names and names per 1,000 words of that voice; every form
/// and voice for every outlet, zeros included.
fn table(outlets: &[(&str, RowTotals)], _set: &LexiconSet) -> Vec<Column> {
    let forms = NameForm::ALL.map(NameForm::as_str);
    class_voice_table(outlets, (columns::FORM, &forms), columns::NAMES, |t, i, voice| {
        names(t.signals.of(SignalKind::Naming), NameForm::ALL[i], voice)
    })
}
