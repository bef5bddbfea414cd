//! `report.md`: the corpus summary, word choice per concept and outlet, findings stated in
//! sentences generated from the tables, and caveats. Each finding names the evidence rows
//! (a filter on `evidence.csv`) that support it.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::copies::OutletCopies;

use crate::columns;
use crate::features::{LabelKey, SignalKind, SignalSet};
use crate::lexicon::{LexiconSet, StoryChoice, StoryReason};
use crate::quotes::{UNCLASSIFIED, UNRESOLVED, Voice};
use crate::stats::Findings;
use crate::table::{Totals, label_slug};

use super::comparison::COMPARISON_TABLES;
use super::comparison::ComparisonFiles;
use super::manifest::StoryArticles;
use super::markdown_parts::chart_link;
use super::stats_text;
use super::write::Formats;

/// Which story lexicons measured this corpus and why, which were left out, and what to do when
/// none applies.
fn lexicons_section(md: &mut String, input: &MarkdownInput) {
    let (stories, set) = (input.stories, input.set);
    let _ = writeln!(md, "## Lexicons\n");
    for choice in stories {
        let _ = writeln!(md, "- Story lexicon {}.", choice.describe());
    }
    for story in StoryArticles::of(set, input.outlets) {
        let _ = writeln!(md, "- Story lexicon {}.", story.describe(input.articles));
    }
    if stories.iter().any(|c| c.reason == StoryReason::OtherLexiconsNamed) {
        let files: Vec<String> = set.files.iter().map(|f| format!("`{}` ({})", f.id, f.source)).collect();
        let _ = writeln!(
            md,
            "- Lexicons used: the files named with `--lexicon`, and the shipped general files they do not replace: {}.",
            files.join(", ")
        );
    }
    // No story lexicon, shipped or named with --lexicon: only the general ones measured.
    if !stories.is_empty() && stories.iter().all(|c| !c.applied && c.reason != StoryReason::OtherLexiconsNamed) {
        let _ = writeln!(
            md,
            "\nNo story lexicon applies. Word choice is measured only on the contested labels that recur across stories (`lexicons/general/labels.toml`); agency, tone and coverage have nothing to measure without one (they need its events, actors and facts). To measure this story's own labels, draft a story lexicon from the corpus (`framelens lexicon suggest INPUT --out suggestions/`), edit it, check it (`framelens lexicon check FILE --corpus INPUT`) and report with `--lexicon FILE` (README, \"A second story, step by step\")."
        );
    }
    md.push('\n');
}

/// What `report.md` is written from.
#[derive(Clone, Copy)]
pub struct MarkdownInput<'a> {
    /// Articles measured.
    pub articles: u64,
    /// Totals per outlet.
    pub outlets: &'a BTreeMap<String, Totals>,
    /// The lexicons applied.
    pub set: &'a LexiconSet,
    /// The comparison written, if any.
    pub comparison: Option<&'a ComparisonFiles>,
    /// Whether the learned cue model added attributions.
    pub learned_cues: bool,
    /// The table formats written.
    pub formats: Formats,
    /// Which story lexicons applied, and why.
    pub stories: &'a [StoryChoice],
    /// Outlet intervals and differences, if computed.
    pub findings: Option<&'a Findings>,
    /// Copy counts per outlet.
    pub copies: &'a [OutletCopies],
    /// Copies were left out of the outlet tables and the comparison.
    pub copies_dropped: bool,
    /// The signals measured; the sections of the others are left out.
    pub signals: SignalSet,
    /// Every line was measured, site furniture included (`--keep-boilerplate`).
    pub boilerplate_kept: bool,
    /// The boilerplate rules left out (`--keep-lines`), comma-separated; "" for none.
    pub kept_lines: &'a str,
}

/// Render the report; `comparison` adds the charts, attribution style and the outlet comparison;
/// `learned_cues` says the learned cue model found some of the attributions; `formats` are the
/// files the measured tables were written as, which the findings point to.
pub fn render_markdown(input: &MarkdownInput) -> String {
    let MarkdownInput {
        articles,
        outlets,
        set,
        comparison,
        learned_cues,
        formats,
        stories: _,
        findings,
        copies,
        copies_dropped,
        signals,
        boilerplate_kept,
        kept_lines,
    } = *input;
    let mut md = String::new();
    let _ = writeln!(md, "# Framing report\n");
    let tables = match (formats.csv, formats.parquet) {
        (true, true) => "CSV and Parquet",
        (true, false) => "CSV",
        (false, _) => "Parquet",
    };
    let _ = writeln!(
        md,
        "{} articles from {} outlets. Tables: {tables} beside this file; every number traces to `evidence.csv`.\n",
        articles,
        outlets.len()
    );
    if learned_cues {
        let _ = writeln!(
            md,
            "Attributions include those whose cue only the learned cue model found (`--learned-cues`; about two in three right on PolNeAR dev): rows with `found_by = model` in `quotes.csv`. Voice counts and attribution style include them.\n"
        );
    }
    stats_text::scope_statement(&mut md, outlets, findings);
    lexicons_section(&mut md, input);
    left_out_signals(&mut md, signals);
    kept_boilerplate(&mut md, boilerplate_kept, kept_lines);
    corpus_section(&mut md, outlets, set);
    super::signals_text::copies_section(&mut md, copies, copies_dropped);
    chart_link(&mut md, comparison, "loadedness");
    word_choice_section(&mut md, outlets, set, comparison, findings);
    voices_section(&mut md, outlets);
    chart_link(&mut md, comparison, "voices");
    if let Some(files) = comparison {
        super::compare_text::attribution_section(&mut md, files);
    }
    super::signals_text::hedges_and_credits_section(&mut md, outlets, signals);
    if signals.contains(SignalKind::Agency) {
        super::signals_text::agency_section(&mut md, outlets, set);
    }
    if signals.contains(SignalKind::Tone) {
        super::signals_text::tone_section(&mut md, outlets, set);
    }
    if signals.contains(SignalKind::Loaded) {
        super::signals_text::loaded_section(&mut md, outlets);
        chart_link(&mut md, comparison, "loaded_language");
    }
    if signals.contains(SignalKind::Naming) {
        super::signals_text::naming_section(&mut md, outlets);
        chart_link(&mut md, comparison, "naming");
    }
    if signals.contains(SignalKind::Fact) {
        super::signals_text::coverage_section(&mut md, outlets, set, comparison);
    }
    if let Some(files) = comparison {
        super::compare_text::comparison_section(&mut md, files);
    }
    if let Some(findings) = findings {
        stats_text::differences_section(&mut md, findings);
        chart_link(&mut md, comparison, "outlet_differences");
        stats_text::how_to_read(&mut md, findings);
    }
    caveats_section(&mut md, articles, outlets, set);
    if formats.csv { md } else { point_to_parquet(&md) }
}

/// Say which signals the run left out (`--signals`), so that their absence is not read as zero.
fn left_out_signals(md: &mut String, signals: SignalSet) {
    let names: Vec<&str> = signals.left_out().map(|e| e.name).collect();
    if !names.is_empty() {
        let _ = writeln!(
            md,
            "Signals not measured in this run (`--signals {signals}`): {}. Their evidence rows, columns, tables and sections are absent; absent is not zero.\n",
            names.join(", ")
        );
    }
}

/// Say which lines the run measured that it would set aside by default, so that a byline or a
/// navigation line counted as text is not a surprise.
fn kept_boilerplate(md: &mut String, all: bool, rules: &str) {
    if all {
        let _ = writeln!(
            md,
            "Site furniture was measured as article text (`--keep-boilerplate`): bylines, navigation, credit lines and the like count in every table.\n"
        );
    } else if !rules.is_empty() {
        let _ = writeln!(
            md,
            "Lines that these boilerplate rules set aside by default were measured as article text, unless a later rule took them (`--keep-lines {rules}`; `removed_lines.csv` lists what was set aside).\n"
        );
    }
}

/// The findings with every measured table named as `NAME.parquet`, for a run without CSV files.
fn point_to_parquet(md: &str) -> String {
    static TABLE: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"`([a-z_]+)\.csv`").expect("table pattern compiles"));
    TABLE
        .replace_all(md, |c: &regex::Captures| {
            if COMPARISON_TABLES.contains(&&c[1]) { c[0].to_string() } else { format!("`{}.parquet`", &c[1]) }
        })
        .into_owned()
}

fn own_matches(t: &Totals) -> u32 {
    t.counts.iter().filter(|(k, _)| k.voice == Voice::Own).map(|(_, n)| n).sum()
}

fn loaded_share(t: &Totals, set: &LexiconSet) -> Option<f64> {
    let own = own_matches(t);
    let loaded: u32 = t
        .counts
        .iter()
        .filter(|(k, _)| k.voice == Voice::Own && set.concepts[k.concept].labels[k.label].connotation.score() != 0.0)
        .map(|(_, n)| n)
        .sum();
    (own > 0).then(|| f64::from(loaded) / f64::from(own))
}

fn corpus_section(md: &mut String, outlets: &BTreeMap<String, Totals>, set: &LexiconSet) {
    let _ = writeln!(md, "## Corpus\n");
    let _ = writeln!(
        md,
        "| outlet | articles | words | own-voice words | quoted share | label matches (own voice) | loaded share (own voice) |"
    );
    let _ = writeln!(md, "|---|---:|---:|---:|---:|---:|---:|");
    for (outlet, t) in outlets {
        let quoted = if t.words > 0 { t.quoted_words() as f64 / t.words as f64 } else { 0.0 };
        let loaded = loaded_share(t, set).map_or("–".to_string(), |s| format!("{s:.2}"));
        let _ = writeln!(
            md,
            "| {outlet} | {} | {} | {} | {quoted:.2} | {} | {loaded} |",
            t.articles,
            t.words,
            t.own_words,
            own_matches(t)
        );
    }
    let mut ranked: Vec<(&String, f64)> =
        outlets.iter().filter_map(|(o, t)| loaded_share(t, set).map(|s| (o, s))).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    if let (Some(first), Some(last)) = (ranked.first(), ranked.last())
        && ranked.len() > 1
        && first.1 > last.1
    {
        let _ = writeln!(
            md,
            "\n- {} uses non-neutral labels most often in its own voice ({:.0}% of its matches); {} least ({:.0}%). Evidence: `evidence.csv` where `voice = own` and `connotation != neutral`.",
            first.0,
            first.1 * 100.0,
            last.0,
            last.1 * 100.0
        );
    }
    md.push('\n');
}

fn word_choice_section(
    md: &mut String,
    outlets: &BTreeMap<String, Totals>,
    set: &LexiconSet,
    comparison: Option<&ComparisonFiles>,
    stats: Option<&Findings>,
) {
    let _ = writeln!(md, "## Word choice\n\nCells are `own voice / quoted` match counts.\n");
    let unanchored: Vec<String> =
        outlets.iter().filter(|(_, t)| t.unanchored > 0).map(|(o, t)| format!("{o} {}", t.unanchored)).collect();
    if !unanchored.is_empty() {
        let _ = writeln!(
            md,
            "Some labels name several things in a story and count only in a sentence that names their referent (an anchor of the concept). Matches left out for naming none: {}. Check them in `evidence.csv` where `referent = unanchored`.\n",
            unanchored.join(", ")
        );
    }
    for (c, concept) in set.concepts.iter().enumerate() {
        let used = outlets.values().any(|t| t.counts.keys().any(|k| k.concept == c));
        if !used {
            continue;
        }
        let _ = writeln!(md, "### {} — {}\n", concept.id, concept.description);
        chart_link(md, comparison, &format!("word_choice_{}", concept.id));
        let names: Vec<&String> = outlets.keys().collect();
        let _ = writeln!(
            md,
            "| label | connotation | {} |",
            names.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" | ")
        );
        let _ = writeln!(md, "|---|---|{}", "---:|".repeat(names.len()));
        let mut findings = Vec::new();
        for (l, label) in concept.labels.iter().enumerate() {
            let cell =
                |t: &Totals, voice| t.counts.get(&LabelKey { concept: c, label: l, voice }).copied().unwrap_or(0);
            let cells: Vec<(u32, u32)> =
                outlets.values().map(|t| (cell(t, Voice::Own), cell(t, Voice::Quoted))).collect();
            if cells.iter().all(|&(o, q)| o + q == 0) {
                continue;
            }
            let row: Vec<String> = cells.iter().map(|(o, q)| format!("{o} / {q}")).collect();
            let _ = writeln!(md, "| {} | {} | {} |", label.text, label.connotation.as_str(), row.join(" | "));
            let finding = Finding { names: &names, concept: &concept.id, label: &label.text, stats };
            findings.extend(finding.sentences(&cells));
        }
        md.push('\n');
        for finding in findings {
            let _ = writeln!(md, "- {finding}");
        }
        md.push('\n');
    }
}

/// One label of one concept, for sentences about who uses it.
struct Finding<'a> {
    names: &'a [&'a String],
    concept: &'a str,
    label: &'a str,
    stats: Option<&'a Findings>,
}

impl Finding<'_> {
    /// Sentences about the label: used in its own voice by a single outlet (with its n and
    /// test), or only quoted.
    fn sentences(&self, cells: &[(u32, u32)]) -> Vec<String> {
        let (concept, label, names) = (self.concept, self.label, self.names);
        let evidence = format!("Evidence: `evidence.csv` where `concept = {concept}` and `label = {label}`.");
        let own_users: Vec<usize> = (0..cells.len()).filter(|&i| cells[i].0 > 0).collect();
        let mut found = Vec::new();
        if names.len() > 1 && own_users.len() == 1 {
            let i = own_users[0];
            let feature = columns::label_share(concept, &label_slug(label), "own");
            let tested = stats_text::evidence_note(self.stats, names[i], &feature);
            found.push(format!(
                "Only {} says “{label}” in its own voice ({}{tested}). {evidence}",
                names[i],
                times(cells[i].0)
            ));
        }
        for (i, &(own, quoted)) in cells.iter().enumerate() {
            if own == 0 && quoted > 0 {
                found.push(format!(
                    "{} has “{label}” only inside quotations ({}). {evidence}",
                    names[i],
                    times(quoted)
                ));
            }
        }
        found
    }
}

fn voices_section(md: &mut String, outlets: &BTreeMap<String, Totals>) {
    let _ = writeln!(md, "## Quoted voices\n");
    let _ = writeln!(
        md,
        "| outlet | direct quotes | reported | distinct voices | voice entropy (bits) | first quoted | first group | anonymous share |"
    );
    let _ = writeln!(md, "|---|---:|---:|---:|---:|---|---|---:|");
    for (outlet, t) in outlets {
        let v = &t.voices;
        let (first, group) = v.first_speaker.clone().unwrap_or_default();
        let anonymous = if v.attributions() > 0 { v.anonymous as f64 / v.attributions() as f64 } else { 0.0 };
        let entropy = v.entropy().map_or("–".to_string(), |e| format!("{e:.2}"));
        let _ = writeln!(
            md,
            "| {outlet} | {} | {} | {} | {entropy} | {first} | {group} | {anonymous:.2} |",
            v.direct,
            v.indirect,
            v.distinct()
        );
    }
    md.push('\n');
    for finding in voice_findings(outlets) {
        let _ = writeln!(md, "- {finding}");
    }
    md.push('\n');
}

/// Sentences about voices: who quotes the most distinct voices, whom each outlet quotes first,
/// and which group gets the most words.
fn voice_findings(outlets: &BTreeMap<String, Totals>) -> Vec<String> {
    let mut found = Vec::new();
    let most = outlets.iter().max_by(|a, b| a.1.voices.distinct().cmp(&b.1.voices.distinct()).then(b.0.cmp(a.0)));
    if let Some((outlet, t)) = most
        && outlets.len() > 1
    {
        found.push(format!(
            "{outlet} gives words to {} distinct voices, the most. Evidence: `voices.csv` where `level = speaker` and `outlet = {outlet}`.",
            t.voices.distinct()
        ));
    }
    for (outlet, t) in outlets {
        if let Some((name, group)) = &t.voices.first_speaker {
            // Documents and bodies are named in lower case ("resolution"): "quotes the resolution".
            let name = if name.starts_with(char::is_lowercase) { format!("the {name}") } else { name.clone() };
            let top = t
                .voices
                .by_group
                .iter()
                .filter(|(g, _)| !matches!(g.as_str(), "unattributed" | UNCLASSIFIED | UNRESOLVED))
                .max_by(|a, b| a.1.words.cmp(&b.1.words).then(b.0.cmp(a.0)));
            let top = top.map_or(String::new(), |(g, c)| {
                format!("; the {g} group gets the most attributed words ({})", c.words)
            });
            found.push(format!(
                "{outlet} quotes {name} ({group}) first{top}. Evidence: `quotes.csv` where `outlet = {outlet}`."
            ));
        }
    }
    found
}

fn times(n: u32) -> String {
    if n == 1 { "once".to_string() } else { format!("{n} times") }
}

fn caveats_section(md: &mut String, articles: u64, outlets: &BTreeMap<String, Totals>, set: &LexiconSet) {
    let _ = writeln!(md, "## Caveats\n");
    if articles < 30 {
        let _ = writeln!(
            md,
            "- Small corpus ({} articles): differences between outlets describe these articles, not the outlets' coverage in general.",
            articles
        );
    }
    let unused: Vec<&str> = set
        .concepts
        .iter()
        .enumerate()
        .filter(|(c, _)| !outlets.values().any(|t| t.counts.keys().any(|k| k.concept == *c)))
        .map(|(_, concept)| concept.id.as_str())
        .collect();
    if !unused.is_empty() {
        let _ = writeln!(md, "- Lexicon concepts with no match in this corpus: {}.", unused.join(", "));
    }
    unclassified_caveat(md, outlets);
    let _ = writeln!(
        md,
        "- Labels are matched by their words, not by what they refer to: a label of one concept can name another event (check `evidence.csv`)."
    );
    let _ = writeln!(
        md,
        "- Own voice means outside quotation marks; paraphrased speech without marks counts as the outlet's own voice."
    );
}

/// From this share of attributed words in no voice group on, the caveats say so.
const UNCLASSIFIED_NOTE: f64 = 0.2;

/// From this share of attributed words given to unresolved pronouns on, the caveats say so.
const UNRESOLVED_NOTE: f64 = 0.1;

/// Most-quoted speakers named in the caveat about speakers in no voice group.
const UNCLASSIFIED_NAMED: usize = 5;

/// When many attributed words come from speakers in no voice group (people named by surname on
/// a story no lexicon names), say how many and who, so that group shares are read with them.
fn unclassified_caveat(md: &mut String, outlets: &BTreeMap<String, Totals>) {
    let (mut unclassified, mut unresolved, mut attributed) = (0u64, 0u64, 0u64);
    let mut speakers: BTreeMap<&str, (&str, u64)> = BTreeMap::new();
    for t in outlets.values() {
        for (group, count) in &t.voices.by_group {
            if group != "unattributed" {
                attributed += count.words;
            }
            if group == UNCLASSIFIED {
                unclassified += count.words;
            }
            if group == UNRESOLVED {
                unresolved += count.words;
            }
        }
        for (key, s) in &t.voices.by_speaker {
            let Some(&n) = s.groups.get(UNCLASSIFIED) else { continue };
            let entry = speakers.entry(key.as_str()).or_insert((s.name.as_str(), 0));
            // The shortest name seen: longer ones carry words the mention ran into
            // ("Rival Hillary Clinton").
            if s.name.len() < entry.0.len() {
                entry.0 = s.name.as_str();
            }
            entry.1 += n;
        }
    }
    if attributed == 0 {
        return;
    }
    if unresolved as f64 >= UNRESOLVED_NOTE * attributed as f64 {
        let _ = writeln!(
            md,
            "- {:.0}% of attributed words come from pronouns that no earlier name in the article resolved (`unresolved`): neither a voice group nor anonymous sources. Evidence: `quotes.csv` where `group = unresolved`.",
            100.0 * unresolved as f64 / attributed as f64
        );
    }
    if (unclassified as f64) < UNCLASSIFIED_NOTE * attributed as f64 {
        return;
    }
    let mut top: Vec<(&str, u64)> = speakers.into_values().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let names: Vec<String> = top.iter().take(UNCLASSIFIED_NAMED).map(|(name, n)| format!("{name} ({n})")).collect();
    let _ = writeln!(
        md,
        "- {:.0}% of attributed words come from speakers in no voice group (`unclassified`){}. Voice-group shares and charts count them in no named group; `[[voice]]` entries in a story lexicon name them (`framelens lexicon suggest` drafts them; lexicons/README.md). Evidence: `quotes.csv` where `group = unclassified`.",
        100.0 * unclassified as f64 / attributed as f64,
        if names.is_empty() { String::new() } else { format!(", most often {}", names.join(", ")) }
    );
}
