//! Checks of what a lexicon file adds besides concepts: hedges, facts, events, actors, given
//! names, voices, roles, reporting cues and outlets.

use super::check::{FileCheck, Signals, is_snake_case, lower, strings};
use super::model::{
    CueEntry, EventEntry, Gender, HedgeEntry, LoadedClass, LoadedEntry, OutletEntry, PatternEntry, RoleEntry,
    VoiceEntry,
};
use super::schema::{RawFile, RawLoaded, RawPatterns};
use super::tokens::phrase_keys;

impl FileCheck<'_> {
    /// Hedges, facts, events and actors: ids snake_case (they become column names), every
    /// phrase with words.
    pub(super) fn signals(&mut self, raw: &RawFile) -> Signals {
        let mut out = Signals::default();
        for hedge in &raw.hedge {
            let h = hedge.get_ref();
            let mut forms = vec![h.text.get_ref().trim().to_lowercase()];
            forms.extend(h.forms.iter().map(|f| f.get_ref().trim().to_lowercase()));
            self.phrases("hedge", h.text.get_ref(), std::iter::once(&h.text).chain(&h.forms));
            out.hedges.push(HedgeEntry { text: h.text.get_ref().clone(), forms });
        }
        for entry in &raw.loaded {
            if let Some(loaded) = self.loaded(entry.get_ref()) {
                out.loaded.push(loaded);
            }
        }
        out.facts = raw.fact.iter().map(|f| self.pattern_entry("fact", f.get_ref())).collect();
        for event in &raw.event {
            let e = event.get_ref();
            self.signal_id("event", &e.id, e.verbs.is_empty() && e.nouns.is_empty());
            let all = e.verbs.iter().chain(&e.nouns).chain(&e.targets).chain(&e.agents);
            self.phrases("event", e.id.get_ref(), all);
            if e.targets.is_empty() || e.agents.is_empty() {
                self.error(
                    event.span().start,
                    format!("event `{}` needs targets and agents", e.id.get_ref()),
                    "list the words that name what the event is done to and who does it",
                );
            }
            out.events.push(EventEntry {
                id: e.id.get_ref().clone(),
                description: e.description.clone(),
                verbs: lower(&e.verbs),
                nouns: lower(&e.nouns),
                targets: strings(&e.targets),
                agents: strings(&e.agents),
            });
        }
        out.actors = raw.actor.iter().map(|a| self.pattern_entry("actor", a.get_ref())).collect();
        out
    }

    fn pattern_entry(&mut self, kind: &str, raw: &RawPatterns) -> PatternEntry {
        self.signal_id(kind, &raw.id, raw.patterns.is_empty());
        self.phrases(kind, raw.id.get_ref(), raw.patterns.iter());
        PatternEntry {
            id: raw.id.get_ref().clone(),
            description: raw.description.clone(),
            patterns: strings(&raw.patterns),
        }
    }

    fn signal_id(&mut self, kind: &str, id: &toml::Spanned<String>, empty: bool) {
        if !is_snake_case(id.get_ref()) {
            let message = format!("{kind} id `{}` is not snake_case", id.get_ref());
            self.error(id.span().start, message, "use lower-case letters, digits and _");
        }
        if empty {
            self.error(
                id.span().start,
                format!("{kind} `{}` has no patterns", id.get_ref()),
                "add the phrases that report it",
            );
        }
    }

    fn phrases<'r>(&mut self, kind: &str, owner: &str, phrases: impl Iterator<Item = &'r toml::Spanned<String>>) {
        for phrase in phrases {
            if phrase_keys(phrase.get_ref()).is_empty() {
                self.error(phrase.span().start, format!("empty phrase in {kind} `{owner}`"), "remove it");
            }
        }
    }

    /// A voice group must be snake_case: it becomes part of column names.
    fn check_group(&mut self, owner: &str, group: &toml::Spanned<String>) {
        if !is_snake_case(group.get_ref()) {
            let message = format!("{owner} group `{}` is not snake_case", group.get_ref());
            self.error(group.span().start, message, "use lower-case letters, digits and _");
        }
    }

    /// The `[given_names]` table: single words, each in one list only.
    pub(super) fn given_names(&mut self, raw: &RawFile) -> Vec<(String, Gender)> {
        let Some(table) = &raw.given_names else { return Vec::new() };
        let listed =
            table.male.iter().map(|n| (n, Gender::Male)).chain(table.female.iter().map(|n| (n, Gender::Female)));
        let mut names: Vec<(String, Gender)> = Vec::new();
        for (name, gender) in listed {
            let key = name.get_ref().trim().to_lowercase();
            let one_word = !key.is_empty() && key.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'');
            if !one_word {
                let message = format!("given name `{}` is not one word", name.get_ref());
                self.error(name.span().start, message, "list each name as one word, letters only");
            } else if names.iter().any(|(k, g)| *k == key && *g != gender) {
                let message = format!("given name `{key}` is listed as both male and female");
                self.error(name.span().start, message, "keep it in one list, or in neither when it is used for both");
            } else {
                names.push((key, gender));
            }
        }
        names
    }

    pub(super) fn voices_and_cues(&mut self, raw: &RawFile) -> (Vec<CueEntry>, Vec<VoiceEntry>, Vec<RoleEntry>) {
        let mut cues = Vec::new();
        for cue in &raw.cue {
            let c = cue.get_ref();
            let mut forms: Vec<String> = c.forms.iter().map(|f| f.get_ref().trim().to_lowercase()).collect();
            if forms.is_empty() {
                forms.push(c.text.get_ref().trim().to_lowercase());
            }
            if forms.iter().any(|f| phrase_keys(f).is_empty()) {
                self.error(c.text.span().start, format!("cue `{}` has an empty form", c.text.get_ref()), "remove it");
            }
            cues.push(CueEntry { text: c.text.get_ref().clone(), class: c.class, forms, quotes_only: c.quotes_only });
        }
        let mut voices = Vec::new();
        for voice in &raw.voice {
            let v = voice.get_ref();
            self.check_group("voice", &v.group);
            if v.name.get_ref().trim().is_empty() {
                self.error(v.name.span().start, "voice with an empty name".into(), "set name = \"…\"");
            }
            voices.push(VoiceEntry {
                name: v.name.get_ref().clone(),
                aliases: v.aliases.clone(),
                group: v.group.get_ref().clone(),
            });
        }
        let story = raw.concept.len() + raw.voice.len() > 0;
        let mut roles = Vec::new();
        for role in &raw.role {
            let r = role.get_ref();
            self.check_group("role", &r.group);
            if phrase_keys(r.text.get_ref()).is_empty() {
                self.error(r.text.span().start, "role with no words".into(), "write the role phrase");
            }
            roles.push(RoleEntry {
                text: r.text.get_ref().trim().to_lowercase(),
                group: r.group.get_ref().clone(),
                story,
            });
        }
        (cues, voices, roles)
    }

    pub(super) fn outlets(&mut self, raw: &RawFile) -> Vec<OutletEntry> {
        let mut outlets = Vec::new();
        for entry in &raw.outlet {
            let e = entry.get_ref();
            if e.name.get_ref().trim().is_empty() {
                self.error(e.name.span().start, "outlet with an empty name".into(), "set name = \"…\"");
                continue;
            }
            let domains = e.domains.iter().map(|d| d.to_lowercase()).collect();
            outlets.push(OutletEntry {
                name: e.name.get_ref().clone(),
                aliases: e.aliases.clone(),
                domains,
                wire: e.wire,
            });
        }
        outlets
    }

    /// A `[[loaded]]` entry: a known class, and words in every form.
    fn loaded(&mut self, raw: &RawLoaded) -> Option<LoadedEntry> {
        let listed = LoadedClass::ALL.iter().filter(|c| **c != LoadedClass::ScareQuote);
        let known: Vec<&str> = listed.clone().map(|c| c.as_str()).collect();
        let class = LoadedClass::named(raw.class.get_ref()).filter(|c| *c != LoadedClass::ScareQuote);
        if class.is_none() {
            let message = format!("unknown class `{}` for loaded word `{}`", raw.class.get_ref(), raw.text.get_ref());
            self.error(raw.class.span().start, message, &format!("use one of: {}", known.join(", ")));
        }
        self.phrases("loaded", raw.text.get_ref(), std::iter::once(&raw.text).chain(&raw.forms));
        let mut forms = vec![raw.text.get_ref().trim().to_lowercase()];
        forms.extend(raw.forms.iter().map(|f| f.get_ref().trim().to_lowercase()));
        Some(LoadedEntry {
            text: raw.text.get_ref().trim().to_string(),
            class: class?,
            polarity: raw.polarity,
            forms,
            file: self.locator.file().to_string(),
            at: self.locator.line_column(raw.text.span().start),
        })
    }
}
