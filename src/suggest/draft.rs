//! What `lexicon suggest` writes: the ranked candidates and the slot groups as tables, and a
//! draft lexicon in the documented TOML format with the evidence as comments.

use std::collections::BTreeMap;
use std::fmt::Write;

use polars::prelude::DataFrame;

use super::rank::Candidate;
use super::slots::SlotGroup;
use super::terms::TermTable;
use super::voices::VoiceCandidate;
use crate::lexicon::{Inflect, LexiconSet, label_key};
use crate::table::FrameBuilder;
use crate::text::Stemmer;

/// Stem keys of every label (and form) of a lexicon, to mark terms it already has.
pub fn lexicon_terms(set: &LexiconSet, stemmer: &Stemmer) -> BTreeMap<String, String> {
    let mut known = BTreeMap::new();
    for concept in &set.concepts {
        for label in &concept.labels {
            for text in std::iter::once(&label.text).chain(&label.forms) {
                known
                    .entry(label_key(text, Inflect::Stem, stemmer))
                    .or_insert_with(|| format!("{}: {}", concept.id, label.text));
            }
        }
    }
    known
}

/// `suggestions`: one row per candidate, per group, best first.
pub fn suggestions_table(
    table: &TermTable,
    ranked: &[Vec<Candidate>],
    groups: &[SlotGroup],
    known: &BTreeMap<String, String>,
) -> DataFrame {
    let group_of: BTreeMap<&str, &str> =
        groups.iter().flat_map(|g| g.members.iter().map(move |m| (m.as_str(), g.name.as_str()))).collect();
    let rows: Vec<(usize, usize, &Candidate)> =
        ranked.iter().enumerate().flat_map(|(g, list)| list.iter().enumerate().map(move |(r, c)| (g, r, c))).collect();
    let surface = |key: &str| table.terms.get(key).map_or(key.to_string(), |s| s.surface().to_string());
    let text = |f: &dyn Fn(usize, &Candidate) -> String| rows.iter().map(|(g, _, c)| f(*g, c)).collect::<Vec<_>>();
    FrameBuilder::default()
        .text("outlet", &text(&|g, _| table.groups[g].clone()))
        .count("rank", rows.iter().map(|(_, r, _)| *r as u64 + 1).collect())
        .text("term", &text(&|_, c| surface(&c.key)))
        .text("key", &text(&|_, c| c.key.clone()))
        .count("words", rows.iter().map(|(_, _, c)| table.terms[&c.key].n as u64).collect())
        .count("uses", rows.iter().map(|(_, _, c)| u64::from(c.uses)).collect())
        .count("rest_uses", rows.iter().map(|(_, _, c)| u64::from(c.rest)).collect())
        .measure("z", rows.iter().map(|(_, _, c)| Some(c.odds.z)).collect())
        .measure("log_odds", rows.iter().map(|(_, _, c)| Some(c.odds.delta)).collect())
        .measure("slot_similarity", rows.iter().map(|(_, _, c)| Some(c.slot)).collect())
        .text("slot_alternative", &text(&|_, c| c.slot_term.as_deref().map(&surface).unwrap_or_default()))
        .text("group", &text(&|_, c| group_of.get(c.key.as_str()).map(|k| surface(k)).unwrap_or_default()))
        .text("in_lexicon", &text(&|_, c| known.get(&c.key).cloned().unwrap_or_default()))
        .text("example", &text(&|g, c| table.terms[&c.key].examples[g].clone().unwrap_or_default()))
        .build()
}

/// Uses per group, as "HuffPost 2, Sputnik 1".
fn uses_by_group(table: &TermTable, key: &str) -> String {
    let stats = &table.terms[key];
    let parts: Vec<String> =
        table.groups.iter().zip(&stats.uses).filter(|(_, u)| **u > 0).map(|(g, u)| format!("{g} {u}")).collect();
    parts.join(", ")
}

/// `slot_groups`: one row per member of each proposed group, with the group's disagreement.
pub fn slot_groups_table(table: &TermTable, groups: &[SlotGroup], known: &BTreeMap<String, String>) -> DataFrame {
    let rows: Vec<(&SlotGroup, usize)> =
        groups.iter().flat_map(|g| (0..g.members.len()).map(move |i| (g, i))).collect();
    let surface = |key: &str| table.terms[key].surface().to_string();
    FrameBuilder::default()
        .text("group", &rows.iter().map(|(g, _)| surface(&g.name)).collect::<Vec<_>>())
        .text("term", &rows.iter().map(|(g, i)| surface(&g.members[*i])).collect::<Vec<_>>())
        .measure("similarity", rows.iter().map(|(g, i)| Some(g.similarity[*i])).collect())
        .measure("disagreement_bits", rows.iter().map(|(g, _)| Some(g.disagreement.bits)).collect())
        .measure("disagreement_g", rows.iter().map(|(g, _)| Some(g.disagreement.g)).collect())
        .text("anchors", &rows.iter().map(|(g, _)| g.anchors.join("; ")).collect::<Vec<_>>())
        .count("uses", rows.iter().map(|(g, i)| u64::from(table.terms[&g.members[*i]].total())).collect())
        .text("uses_by_outlet", &rows.iter().map(|(g, i)| uses_by_group(table, &g.members[*i])).collect::<Vec<_>>())
        .text(
            "in_lexicon",
            &rows.iter().map(|(g, i)| known.get(&g.members[*i]).cloned().unwrap_or_default()).collect::<Vec<_>>(),
        )
        .build()
}

/// A concept id from a term: lower-case ASCII letters, digits and `_`, starting with a letter.
pub fn concept_id(term: &str) -> String {
    let mut id = String::new();
    for c in term.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('_') {
            id.push('_');
        }
    }
    let id = id.trim_matches('_').to_string();
    if id.starts_with(|c: char| c.is_ascii_lowercase()) { id } else { format!("c_{id}") }
}

/// `text` in lines of at most about `width` characters, broken after commas.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for part in text.split_inclusive(", ") {
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && line.len() + part.len() > width {
            lines.push(String::new());
        }
        lines.last_mut().expect("one line at least").push_str(part);
    }
    lines.into_iter().map(|l| l.trim_end().to_string()).collect()
}

fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// What a draft is written from: the story id, the input as given, and the names most of its
/// articles write ([`AnchorCounter::story_names`](super::AnchorCounter::story_names)) with the
/// number of articles read.
pub struct DraftSource {
    /// The story id the draft gets.
    pub story: String,
    /// The input, as the command line gave it.
    pub input: String,
    /// Names and the articles that write each, most first.
    pub names: Vec<(String, u32)>,
    /// Articles read.
    pub articles: u32,
    /// What the groups compared are, in the plural: "outlets" (or "stories" with `--by story`).
    pub compared: &'static str,
    /// The most-quoted people whom no role or title put in a voice group.
    pub voices: Vec<VoiceCandidate>,
}

/// The draft lexicon: one concept per slot group, those outlets disagree over most first,
/// connotations left for the researcher, each label's other spellings (`spellings`) folded in as
/// its `forms`, the counts behind each group as comments, then each group's distinctive terms that no group took.
/// No article text goes into it, since a lexicon is shared and committed: the example sentences
/// are in `suggestions.csv`.
pub fn draft_toml(
    source: &DraftSource,
    table: &TermTable,
    ranked: &[Vec<Candidate>],
    groups: &[SlotGroup],
    known: &BTreeMap<String, String>,
    spellings: &dyn Fn(&str) -> Vec<String>,
) -> String {
    let (story, input) = (&source.story, &source.input);
    let mut out = String::new();
    let _ = writeln!(out, "# Draft story lexicon written by `framelens lexicon suggest` on {input}.");
    let _ = writeln!(out, "# Each concept is a group of terms that fill the same slot in different outlets' texts.");
    let _ = writeln!(out, "# Before use: keep the groups that name one referent, merge or split the rest, write each");
    let _ = writeln!(out, "# description, and set every connotation (left \"neutral\" here) with your reasoning.");
    let _ = writeln!(out, "# Then run `framelens lexicon check` on this file with `--corpus` to see what matches.");
    let _ = writeln!(out, "# Example sentences for every term are in suggestions.csv (column `example`), not here.\n");
    let _ = writeln!(out, "[lexicon]");
    let _ = writeln!(out, "id = {}", quoted(&concept_id(story).replace('_', "-")));
    let _ = writeln!(out, "version = \"0.1.0\"");
    let _ = writeln!(out, "language = \"en\"");
    let _ = writeln!(out, "description = \"TODO: the story in one line.\"");
    let _ = writeln!(out, "sources = [{}]", quoted(&format!("framelens lexicon suggest on {input}")));
    let _ = writeln!(out, "defaults = {{ inflect = \"stem\", case = \"insensitive\" }}");
    if !source.names.is_empty() {
        let names: Vec<String> =
            source.names.iter().map(|(name, n)| format!("{name} ({n} of {})", source.articles)).collect();
        let _ =
            writeln!(out, "# The names most articles write (articles of all): keep as `anchors` those that only this");
        let _ = writeln!(
            out,
            "# story's coverage names together, so that framelens can tell its articles (lexicons/README.md):"
        );
        for line in wrap(&names.join(", "), 92) {
            let _ = writeln!(out, "#   {line}");
        }
        let _ = writeln!(out, "# anchors = [\"…\", \"…\"]");
    }
    let mut ids: Vec<String> = Vec::new();
    for group in groups {
        let surface = |k: &str| table.terms[k].surface().to_string();
        let mut id = concept_id(&surface(&group.name));
        if ids.contains(&id) {
            id = format!("{id}_{}", ids.len() + 1);
        }
        ids.push(id.clone());
        let d = &group.disagreement;
        let _ = writeln!(
            out,
            "\n# Terms filling the slot of \"{}\"; {} disagree by {:.2} bits{} (G = {:.1} over {} uses):",
            surface(&group.name),
            source.compared,
            d.bits,
            if table.stories.len() > 1 { " within stories" } else { "" },
            d.g,
            d.uses
        );
        for (member, sim) in group.members.iter().zip(&group.similarity) {
            let lexicon = known.get(member).map_or(String::new(), |k| format!(" [already in lexicon: {k}]"));
            let _ = writeln!(
                out,
                "#   {} ({}; context similarity {sim:.2}){lexicon}",
                surface(member),
                uses_by_group(table, member)
            );
        }
        let _ = writeln!(out, "[[concept]]");
        let _ = writeln!(out, "id = {}", quoted(&id));
        let _ = writeln!(out, "description = \"TODO: the referent these labels name.\"");
        if !group.anchors.is_empty() {
            let _ = writeln!(out, "# Names written beside these labels: keep those of the referent, and mark a label");
            let _ = writeln!(out, "# `anchored = true` where it also names other things.");
            let anchors: Vec<String> = group.anchors.iter().map(|a| quoted(a)).collect();
            let _ = writeln!(out, "anchors = [{}]", anchors.join(", "));
        }
        let _ = writeln!(out, "labels = [");
        for member in &group.members {
            let forms: Vec<String> = spellings(member).iter().map(|f| quoted(f)).collect();
            let forms = if forms.is_empty() { String::new() } else { format!(", forms = [{}]", forms.join(", ")) };
            let _ = writeln!(out, "  {{ text = {}, connotation = \"neutral\"{forms} }},", quoted(&surface(member)));
        }
        let _ = writeln!(out, "]");
    }
    voice_entries(&mut out, &source.voices);
    let grouped: Vec<&String> = groups.iter().flat_map(|g| &g.members).collect();
    let _ = writeln!(out, "\n# Distinctive terms in no group (z-score; uses), to place by hand:");
    for (g, list) in ranked.iter().enumerate() {
        let rest: Vec<String> = list
            .iter()
            .filter(|c| !grouped.contains(&&c.key))
            .take(15)
            .map(|c| format!("{} ({:.1}; {})", table.terms[&c.key].surface(), c.odds.z, c.uses))
            .collect();
        if !rest.is_empty() {
            let _ = writeln!(out, "#   {}: {}", table.groups[g], rest.join(", "));
        }
    }
    out
}

/// The most-quoted people in no voice group, as `[[voice]]` entries commented out: the group
/// is the researcher's call (the general ones are in `lexicons/general/voices.toml`).
fn voice_entries(out: &mut String, voices: &[VoiceCandidate]) {
    if voices.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n# The people quoted most whom no role or title put in a voice group (`unclassified` in");
    let _ = writeln!(out, "# quotes.csv). Uncomment the entries to keep, each with the group its person speaks for");
    let _ = writeln!(out, "# in this story (government, legislator, party, citizens… or a group of your own):");
    for voice in voices {
        let written: Vec<String> = voice.written.iter().map(|(name, n)| format!("{name} {n}")).collect();
        let _ = writeln!(
            out,
            "\n# {} attributions in {} articles, written as: {}",
            voice.attributions,
            voice.articles,
            written.join(", ")
        );
        let _ = writeln!(out, "# [[voice]]");
        let _ = writeln!(out, "# name = {}", quoted(&voice.name));
        let _ = writeln!(out, "# group = \"\"");
    }
}
