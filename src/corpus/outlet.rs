//! Which outlet published an article, when no manifest or column says so.
//!
//! Owns the inference rules, tried in this order, each named in `articles.csv`:
//! `retrieved_from_url` (a "Content retrieved from: URL" line), `credit_line`
//! ("(FRANCE 24 with AFP…)"), `comment_section` ("The Hill has removed its comment section"),
//! `author_bio` ("joined The Epoch Times' news team"), `url` (the manifest's url), `file_name`
//! (a known outlet inside the file name), and last `file_stem` (the file name itself).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

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
    by_name: HashMap<String, String>,
    by_domain: Vec<(String, String)>,
}

/// The compact key two spellings of an outlet name share: "The Epoch Times" → "epochtimes".
fn name_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.chars().filter(|c| c.is_alphanumeric()).collect()
}

impl OutletGuesser {
    /// A guesser that knows `outlets`.
    pub fn new(outlets: &[KnownOutlet]) -> OutletGuesser {
        let mut by_name = HashMap::new();
        let mut by_domain = Vec::new();
        for outlet in outlets {
            for name in std::iter::once(&outlet.name).chain(&outlet.aliases) {
                by_name.entry(name_key(name)).or_insert_with(|| outlet.name.clone());
            }
            for domain in &outlet.domains {
                by_domain.push((domain.to_lowercase(), outlet.name.clone()));
            }
        }
        OutletGuesser { by_name, by_domain }
    }

    /// The canonical name for `name`, if known.
    pub fn known(&self, name: &str) -> Option<&str> {
        self.by_name.get(&name_key(name)).map(String::as_str)
    }

    /// Decide the outlet of an article from its text, its manifest url and its file name.
    /// Returns the outlet and the name of the rule that decided it.
    pub fn guess(&self, text: &str, url: &str, file_stem: Option<&str>) -> (String, &'static str) {
        if let Some(found) = self.outlet_of_retrieved_url(text) {
            return (found, "retrieved_from_url");
        }
        let named_rules: [(&'static str, &LazyLock<Regex>, bool); 3] =
            [("credit_line", &CREDIT, false), ("comment_section", &COMMENTS, false), ("author_bio", &BIO, true)];
        for (rule, pattern, must_be_known) in named_rules {
            if let Some(found) = self.outlet_of_pattern(text, pattern, must_be_known) {
                return (found, rule);
            }
        }
        if let Some(found) = self.outlet_of_domain(url) {
            return (found, "url");
        }
        match file_stem {
            Some(stem) => match self.outlet_in_file_name(stem) {
                Some(found) => (found, "file_name"),
                None => (stem.to_string(), "file_stem"),
            },
            None => ("unknown".to_string(), "none"),
        }
    }

    fn outlet_of_retrieved_url(&self, text: &str) -> Option<String> {
        static RE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?im)^(?:content |article |story )?(?:retrieved|taken|sourced|republished) from:?\s+(https?://\S+)",
            )
            .expect("valid")
        });
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
        lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|part| part.len() > 1)
            .find_map(|part| self.known(part))
            .map(str::to_string)
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
    fn file_name_then_file_stem() {
        let g = guesser();
        assert_eq!(g.guess("Text.", "", Some("event00_breitbart")), ("Breitbart".into(), "file_name"));
        assert_eq!(g.guess("Text.", "", Some("000_63e7")), ("000_63e7".into(), "file_stem"));
        assert_eq!(g.guess("Text.", "https://thehill.com/x", Some("a")), ("The Hill".into(), "url"));
    }
}
