//! Which outlet published an article, when no manifest or column says so.
//!
//! Owns the inference rules, tried in this order, each named in `articles.csv`:
//! `retrieved_from_url` (a "Content retrieved from: URL" line), `credit_line`
//! ("(FRANCE 24 with AFP…)"), `comment_section` ("The Hill has removed its comment section"),
//! `author_bio` ("joined The Epoch Times' news team"), `url` (the manifest's url), `page_url`
//! (a web address of a known outlet alone on one of the first or last three lines), `site_name`
//! (a known outlet as a whole line, as the part of a title line after `|` or ` - `, or in a
//! copyright or source line, in the first or last three lines), `file_name` (a known outlet's
//! lower-case alias or domain name inside the file name, or its name, alias or domain name in
//! the first one to three parts: `nyt_2015-11-16_…`, `huff-post_…`), and last `file_stem` (the
//! file name itself).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::text::boilerplate::RETRIEVED_FROM;
use crate::text::name_key;

/// The rule of an outlet that is the article's file name: no other rule named one.
pub const FILE_STEM: &str = "file_stem";

/// An outlet known by name, aliases and web domains (from `lexicons/general/media.toml`).
#[derive(Clone, Debug, Default)]
pub struct KnownOutlet {
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Web domains.
    pub domains: Vec<String>,
}

/// Applies the inference rules.
#[derive(Clone, Debug, Default)]
pub struct OutletGuesser {
    /// Whether outlets are guessed at all ([`OutletGuesser::not_guessing`]).
    skip: bool,
    by_name: HashMap<String, String>,
    by_domain: Vec<(String, String)>,
    /// Lower-case aliases and the first label of each domain ("foxnews", "cnbc"): the forms a
    /// file name uses, and never a common word that happens to be an outlet's name.
    by_file_word: HashMap<String, String>,
}

impl OutletGuesser {
    /// A guesser that knows `outlets`.
    pub fn new(outlets: &[KnownOutlet]) -> OutletGuesser {
        let mut by_name = HashMap::new();
        let mut by_domain = Vec::new();
        let mut by_file_word = HashMap::new();
        // "Time", "Slate": a name that is one capitalised word may be any word in a file name,
        // so neither that outlet's domain nor another outlet's domain makes it a file word
        // (politico.eu is Politico Europe's, but "politico" in a file name is Politico's).
        let plain_words: Vec<String> = outlets
            .iter()
            .flat_map(|o| std::iter::once(&o.name).chain(&o.aliases))
            .filter(|n| !n.contains(' ') && n.chars().skip(1).any(|c| c.is_lowercase()))
            .map(|n| name_key(n))
            .collect();
        for outlet in outlets {
            for name in std::iter::once(&outlet.name).chain(&outlet.aliases) {
                by_name.entry(name_key(name)).or_insert_with(|| outlet.name.clone());
            }
            for alias in outlet.aliases.iter().filter(|a| a.chars().all(|c| !c.is_uppercase())) {
                by_file_word.entry(name_key(alias)).or_insert_with(|| outlet.name.clone());
            }
            for domain in &outlet.domains {
                let domain = domain.to_lowercase();
                let label = domain.strip_prefix("www.").unwrap_or(&domain).split('.').next().unwrap_or_default();
                if label.len() >= 3 && !plain_words.iter().any(|w| w == label) {
                    by_file_word.entry(label.replace('-', "")).or_insert_with(|| outlet.name.clone());
                }
                by_domain.push((domain, outlet.name.clone()));
            }
        }
        OutletGuesser { skip: false, by_name, by_domain, by_file_word }
    }

    /// A guesser for a pass that reads articles without using their outlets (the story
    /// choice): every outlet is `unknown`, by the rule `none`, and no rule runs.
    pub fn not_guessing() -> OutletGuesser {
        OutletGuesser { skip: true, ..OutletGuesser::default() }
    }

    /// The canonical name for `name`, if known.
    pub fn known(&self, name: &str) -> Option<&str> {
        self.by_name.get(&name_key(name)).map(String::as_str)
    }

    /// Decide the outlet of an article from its text, its manifest url and its file name.
    /// Returns the outlet and the name of the rule that decided it.
    pub fn guess(&self, text: &str, url: &str, file_stem: Option<&str>) -> (String, &'static str) {
        if self.skip {
            return ("unknown".to_string(), "none");
        }
        if let Some(found) = self.outlet_of_retrieved_url(text) {
            return (found, "retrieved_from_url");
        }
        // Each rule's pattern is searched (and compiled) only when the text holds what any
        // match of it must hold.
        type MayMatch = fn(&str) -> bool;
        let named_rules: [(&'static str, &LazyLock<Regex>, bool, MayMatch); 3] = [
            ("credit_line", &CREDIT, false, may_hold_credit_line),
            ("comment_section", &COMMENTS, false, |text| text.contains(" its comment")),
            ("author_bio", &BIO, true, |_| true),
        ];
        for (rule, pattern, must_be_known, may_match) in named_rules {
            if may_match(text)
                && let Some(found) = self.outlet_of_pattern(text, pattern, must_be_known)
            {
                return (found, rule);
            }
        }
        if let Some(found) = self.outlet_of_domain(url) {
            return (found, "url");
        }
        let edges = edge_lines(text);
        if let Some(found) = edges.iter().find_map(|line| self.outlet_of_page_url(line)) {
            return (found, "page_url");
        }
        if let Some(found) = edges.iter().find_map(|line| self.outlet_of_site_line(line)) {
            return (found, "site_name");
        }
        match file_stem {
            Some(stem) => match self.outlet_in_file_name(stem) {
                Some(found) => (found, "file_name"),
                None => (stem.to_string(), FILE_STEM),
            },
            None => ("unknown".to_string(), "none"),
        }
    }

    fn outlet_of_retrieved_url(&self, text: &str) -> Option<String> {
        static RE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(&format!(r"(?im)^{RETRIEVED_FROM}(https?://\S+)")).expect("valid"));
        if !text.contains("://") {
            return None;
        }
        let url = RE.captures(text)?.get(1)?.as_str();
        self.outlet_of_domain(url).or_else(|| host(url).map(str::to_string))
    }

    fn outlet_of_pattern(&self, text: &str, pattern: &Regex, must_be_known: bool) -> Option<String> {
        for caps in pattern.captures_iter(text) {
            let name = caps.name("name")?.as_str().trim_end_matches(['\'', '’']).trim();
            match self.known(name) {
                Some(canonical) => return Some(canonical.to_string()),
                None if !must_be_known => return Some(name.to_string()),
                None => continue,
            }
        }
        None
    }

    fn outlet_of_domain(&self, url: &str) -> Option<String> {
        let host = host(url)?.to_lowercase();
        self.by_domain
            .iter()
            .find(|(domain, _)| host == *domain || host.ends_with(&format!(".{domain}")))
            .map(|(_, name)| name.clone())
    }

    fn outlet_in_file_name(&self, stem: &str) -> Option<String> {
        let lower = stem.to_lowercase();
        let parts: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|part| !part.is_empty()).collect();
        let anywhere = parts.iter().filter(|part| part.len() > 1).find_map(|&part| {
            self.by_file_word.get(part).cloned().or_else(|| {
                // a multi-word name written as one ("epochtimes", "newyorktimes")
                let known = self.by_name.get(part)?;
                (name_key(known) == part && known.split_whitespace().filter(|w| *w != "The").count() > 1)
                    .then(|| known.clone())
            })
        });
        // "politico_2015-11-11_…", "nyt_…", "huff-post_…", "usa-today_…": a file name that opens
        // with an outlet's name, alias or file word, in one to three parts, names it (at the
        // start only: "story_time_2020" is not Time's).
        anywhere.or_else(|| {
            (1..=parts.len().min(3)).rev().find_map(|n| {
                let opening = parts[..n].concat();
                if opening.len() < 3 {
                    return None;
                }
                self.by_file_word.get(&opening).or_else(|| self.by_name.get(&opening)).cloned()
            })
        })
    }

    /// A line that is only a web address ("https://www.cnbc.com/2020/01/05/…", "Source URL: …").
    fn outlet_of_page_url(&self, line: &str) -> Option<String> {
        let url = line.rsplit_once(": ").map_or(line, |(_, u)| u).trim();
        if url.contains(' ') || !(url.starts_with("http://") || url.starts_with("https://") || url.starts_with("www."))
        {
            return None;
        }
        self.outlet_of_domain(url)
    }

    /// A known outlet as the whole line, as the part of a title line after or before `|`,
    /// ` - `, ` — ` or ` – `, or in a copyright or source line ("© 2020 CNBC LLC.",
    /// "Copyright 2020 The Associated Press. All rights reserved.", "Source: Al Arabiya").
    fn outlet_of_site_line(&self, line: &str) -> Option<String> {
        if line.len() > 200 {
            return None;
        }
        if let Some(name) = self.known(line) {
            return Some(name.to_string());
        }
        static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r" [|\-–—] |\|").expect("valid"));
        let parts: Vec<&str> = SEPARATOR.split(line).map(str::trim).collect();
        if parts.len() > 1
            && let Some(name) = [parts[parts.len() - 1], parts[0]].iter().find_map(|p| self.known(p))
        {
            return Some(name.to_string());
        }
        static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?i)^(?:©|\(c\)|copyright|source:|published by|distributed by)\s*(?:©\s*)?(?:\d{4}(?:\s*-\s*\d{4})?\s*,?\s*)?(?P<name>[^.,;|]{2,60})",
            )
            .expect("valid")
        });
        let name = CREDIT.captures(line)?.name("name")?.as_str().trim();
        let name = ["All rights reserved", "LLC", "Inc", "Ltd", "Limited"]
            .iter()
            .fold(name, |n, suffix| n.strip_suffix(suffix).map_or(n, str::trim_end));
        self.known(name).map(str::to_string)
    }
}

static CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\s*\((?P<name>[A-Z0-9][\w .&'-]{1,40}?) (?:with|via) [A-Z]").expect("valid"));
static COMMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*(?P<name>[A-Z][\w .&'-]{1,40}?) has (?:removed|closed|disabled) its comment").expect("valid")
});
static BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:joined|joining|works? (?:at|for)|(?:reporter|writer|editor|correspondent|columnist) (?:at|for|with)) (?P<name>(?:[Tt]he )?[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3})")
        .expect("valid")
});

/// The non-empty lines of `text` (trimmed) when there are at most six, else the first three
/// and the last three, read from both ends without walking the middle of the article.
fn edge_lines(text: &str) -> Vec<&str> {
    let non_empty = |line: &str| !line.trim().is_empty();
    let mut edges: Vec<&str> = text.lines().filter(|l| non_empty(l)).take(7).map(str::trim).collect();
    if edges.len() == 7 {
        edges.truncate(3);
        let mut last: Vec<&str> = text.lines().rev().filter(|l| non_empty(l)).take(3).map(str::trim).collect();
        last.reverse();
        edges.extend(last);
    }
    edges
}

/// Whether some line of `text` opens with `(` after white space: where every match of
/// [`CREDIT`] starts (`^\s*\(` in multi-line mode, `\s` being Unicode white space as in
/// `trim_start`). Looks back from each `(` only over the white space before it.
fn may_hold_credit_line(text: &str) -> bool {
    text.match_indices('(')
        .any(|(at, _)| text[..at].chars().rev().find(|c| *c == '\n' || !c.is_whitespace()).is_none_or(|c| c == '\n'))
}

/// The host of a URL, without `www.`.
fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?.trim_end_matches('.');
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty() && host.contains('.')).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guesser() -> OutletGuesser {
        let outlet = |name: &str, aliases: &[&str], domains: &[&str]| KnownOutlet {
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            domains: domains.iter().map(|s| s.to_string()).collect(),
        };
        OutletGuesser::new(&[
            outlet("Sputnik", &["sputniknews"], &["sputniknews.com"]),
            outlet("France 24", &["FRANCE 24"], &["france24.com"]),
            outlet("The Hill", &[], &["thehill.com"]),
            outlet("The Epoch Times", &["Epoch Times"], &["theepochtimes.com"]),
            outlet("Breitbart", &["breitbart"], &["breitbart.com"]),
        ])
    }

    #[test]
    fn tests_in_front_of_the_patterns_let_every_match_through() {
        let texts = [
            "Body.\n(FRANCE 24 with AFP, AP and REUTERS)",
            "Body.\n  \n\t(Reuters via AP)",
            "\u{a0}(BBC with agencies)",
            "(AFP with Reuters) first line",
            "Body (FRANCE 24 with AFP)",
            "Body.\nThe Hill has removed its comment section.",
            "The Hill has closed its comments",
            "Body.\nContent retrieved from: https://sputniknews.com/a",
            "SOURCED FROM HTTP://example.org/x",
            "No credit, comments or address here.",
        ];
        for text in texts {
            assert!(may_hold_credit_line(text) || !CREDIT.is_match(text), "{text:?}");
            assert!(text.contains(" its comment") || !COMMENTS.is_match(text), "{text:?}");
        }
        assert!(may_hold_credit_line(texts[1]) && may_hold_credit_line(texts[2]) && !may_hold_credit_line(texts[4]));
        assert_eq!(guesser().guess(texts[1], "", None).1, "credit_line");
        // The edge lines are those of the whole list of non-empty lines.
        for n in 0..12 {
            let text: String = (0..n).map(|i| format!("line {i}\n \n")).collect();
            let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            let expected: Vec<&str> =
                if lines.len() <= 6 { lines.clone() } else { [&lines[..3], &lines[lines.len() - 3..]].concat() };
            assert_eq!(edge_lines(&text), expected, "{n} lines");
        }
        assert_eq!(guesser().guess(texts[8], "", None), ("example.org".into(), "retrieved_from_url"));
    }

    #[test]
    fn a_guesser_that_does_not_guess_names_no_outlet() {
        let text = "Body.\nContent retrieved from: https://sputniknews.com/a";
        assert_eq!(OutletGuesser::not_guessing().guess(text, "", Some("003")), ("unknown".into(), "none"));
    }

    #[test]
    fn retrieved_from_url_names_the_outlet() {
        let text = "Body.\nContent retrieved from: https://sputniknews.com/middleeast/2020/x/.";
        assert_eq!(guesser().guess(text, "", Some("003")), ("Sputnik".into(), "retrieved_from_url"));
    }

    #[test]
    fn unknown_domain_is_used_as_is() {
        let text = "Body.\nContent retrieved from: https://www.example.org/a";
        assert_eq!(guesser().guess(text, "", None), ("example.org".into(), "retrieved_from_url"));
    }

    #[test]
    fn credit_line_comment_notice_and_bio_name_the_outlet() {
        let g = guesser();
        assert_eq!(
            g.guess("Text.\n(FRANCE 24 with AFP, AP and REUTERS)", "", None),
            ("France 24".into(), "credit_line")
        );
        let hill = "Text.\nThe Hill has removed its comment section, as there are many other forums.";
        assert_eq!(g.guess(hill, "", None), ("The Hill".into(), "comment_section"));
        let bio = "Having joined The Epoch Times' news team in 2009, Jack was born";
        assert_eq!(g.guess(bio, "", None), ("The Epoch Times".into(), "author_bio"));
    }

    #[test]
    fn bio_naming_no_known_outlet_is_ignored() {
        let guessed = guesser().guess("He joined The Army in 2009.", "", Some("event00_breitbart"));
        assert_eq!(guessed, ("Breitbart".into(), "file_name"));
    }

    #[test]
    fn a_page_address_or_a_site_name_in_the_first_or_last_lines_names_the_outlet() {
        let g = OutletGuesser::new(&[
            KnownOutlet { name: "CNBC".into(), aliases: vec![], domains: vec!["cnbc.com".into()] },
            KnownOutlet { name: "The Associated Press".into(), aliases: vec!["AP".into()], domains: vec![] },
            KnownOutlet { name: "Al Arabiya".into(), aliases: vec!["Al-Arabiya".into()], domains: vec![] },
            KnownOutlet { name: "Time".into(), aliases: vec![], domains: vec!["time.com".into()] },
        ]);
        let body = "One.\nTwo.\nThree.\nFour.\nFive.\nSix.\nSeven.";
        let with = |first: &str, last: &str| format!("{first}\n{body}\n{last}");
        let url = with("https://www.cnbc.com/2020/01/05/iraq.html", "");
        assert_eq!(g.guess(&url, "", None), ("CNBC".into(), "page_url"));
        let title = with("Iraq votes to expel US troops | Al Arabiya", "");
        assert_eq!(g.guess(&title, "", None), ("Al Arabiya".into(), "site_name"));
        let copyright = with("Title", "Copyright 2020 The Associated Press. All rights reserved.");
        assert_eq!(g.guess(&copyright, "", None), ("The Associated Press".into(), "site_name"));
        assert_eq!(g.guess(&with("Title", "© 2020 CNBC LLC"), "", None), ("CNBC".into(), "site_name"));
        assert_eq!(g.guess(&with("Title", "Al-Arabiya"), "", None), ("Al Arabiya".into(), "site_name"));
        // a site named in the middle of the text, or inside a sentence, does not count
        let middle = "Title\nOne.\nTwo.\nThree.\nCNBC\nFour.\nFive.\nSix.";
        assert_eq!(g.guess(middle, "", Some("a")).1, "file_stem");
        assert_eq!(g.guess("Iraq told CNBC it would vote.", "", Some("a")).1, "file_stem");
        // a common word that is an outlet's name is not read into a file name; an acronym is
        assert_eq!(g.guess("Text.", "", Some("story_time_2020")).1, "file_stem");
        assert_eq!(g.guess("Text.", "", Some("2020_cnbc_iraq")), ("CNBC".into(), "file_name"));
    }

    #[test]
    fn a_file_name_opening_with_an_outlet_names_it() {
        let outlet = |name: &str, aliases: &[&str], domains: &[&str]| KnownOutlet {
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            domains: domains.iter().map(|s| s.to_string()).collect(),
        };
        let g = OutletGuesser::new(&[
            outlet("Politico", &["POLITICO"], &["politico.com"]),
            outlet("Politico Europe", &[], &["politico.eu"]),
            outlet("The New York Times", &["NYT", "nytimes"], &["nytimes.com"]),
            outlet("HuffPost", &["huffpost"], &["huffpost.com"]),
            outlet("USA Today", &["usatoday"], &["usatoday.com"]),
            outlet("Time", &[], &["time.com"]),
        ]);
        for (stem, outlet) in [
            ("politico_2015-11-11_the-ninth-circle", "Politico"),
            ("nyt_2015-11-16_o-malley-campaign", "The New York Times"),
            ("huff-post_2015-11-17_wash-post-fact-check", "HuffPost"),
            ("usa-today_2015-11-18_paris", "USA Today"),
            ("time_2020_iraq", "Time"),
        ] {
            assert_eq!(g.guess("Text.", "", Some(stem)), (outlet.into(), "file_name"), "{stem}");
        }
        // Only at the start, and another outlet's domain does not claim a one-word name.
        assert_eq!(g.guess("Text.", "", Some("story_time_2020")).1, "file_stem");
        assert_eq!(g.guess("Text.", "", Some("2015_politico_x")).1, "file_stem");
        assert_eq!(g.guess("Text.", "", Some("wash-post_2015")).1, "file_stem");
    }

    #[test]
    fn file_name_then_file_stem() {
        let g = guesser();
        assert_eq!(g.guess("Text.", "", Some("event00_breitbart")), ("Breitbart".into(), "file_name"));
        assert_eq!(g.guess("Text.", "", Some("000_63e7")), ("000_63e7".into(), "file_stem"));
        assert_eq!(g.guess("Text.", "https://thehill.com/x", Some("a")), ("The Hill".into(), "url"));
    }
}
