//! Site furniture: the lines of a scraped page that are not the article, and the rule that spots each.
//!
//! Owns the rule list. Rules see one line at a time (plus the lines kept before it) and are
//! listed in [`RULES`] in the order they are tried, so the first rule that fires names the line
//! in `removed_lines.csv`. Nothing is deleted from the text: removed lines are only skipped by
//! later stages, so every span still points into the original.

mod shapes;

use crate::text::english;
use std::sync::LazyLock;

use regex::Regex;

/// One boilerplate rule.
pub struct Rule {
    /// Name written to `removed_lines.csv`.
    pub name: &'static str,
    /// What the rule removes, for the README and `--help`.
    pub description: &'static str,
    test: fn(&Line) -> bool,
}

/// What a rule may look at.
pub struct Line<'a> {
    /// The normalised line, trimmed.
    pub text: &'a str,
    /// The same, ASCII letters lower-cased.
    pub lower: &'a str,
    /// Keyword families found in the line ([`keyword_families`]).
    pub keywords: u8,
    /// Index among the article's non-empty lines.
    pub index: usize,
    /// The non-empty lines before this one (kept or not), trimmed.
    pub earlier: &'a [&'a str],
    /// The non-empty line after this one, trimmed ("" at the end).
    pub next: &'a str,
    /// Whether the same text is among `earlier` (looked up in a set by the caller, since a
    /// search of `earlier` for every line would be quadratic in a long article).
    pub repeated: bool,
}

/// The rules, in the order they are tried.
pub static RULES: &[Rule] = &[
    Rule {
        name: "source_url",
        description: "\"Content retrieved from: URL\" and similar provenance lines",
        test: is_source_url,
    },
    Rule {
        name: "credit_line",
        description: "agency credit lines such as \"(FRANCE 24 with AFP, AP and REUTERS)\"",
        test: is_credit_line,
    },
    Rule {
        name: "comment_section",
        description: "comment-section notices (\"… has removed its comment section\", \"join the discussion\")",
        test: is_comment_notice,
    },
    Rule { name: "newsletter", description: "newsletter and subscription prompts", test: is_newsletter },
    Rule {
        name: "site_navigation",
        description: "\"See all Video\", \"Most Popular\", \"Load more\", \"Related Topics\", share buttons",
        test: is_navigation,
    },
    Rule {
        name: "teaser",
        description: "teasers for other articles (\"Read more: …\", \"RELATED: …\", \"WATCH: …\")",
        test: is_teaser,
    },
    Rule {
        name: "related_list",
        description: "the headline-like lines of a list after a \"Related\", \"More from …\" or \"Most read\" header",
        test: is_related_item,
    },
    Rule {
        name: "share_line",
        description: "share and follow buttons (\"Share Facebook Twitter Email\", \"Follow us on X\")",
        test: is_share_line,
    },
    Rule { name: "tag_line", description: "tag lists (\"Tags Iran Iran strike Iraq\")", test: is_tag_line },
    Rule {
        name: "update_note",
        description: "\"This article has been updated…\", \"Updated at 11 a.m.\", \"Updated:\"",
        test: is_update_note,
    },
    Rule { name: "dateline", description: "lines holding only a date or time", test: is_dateline },
    Rule {
        name: "date_field",
        description: "a site's date field (\"Published Monday 6 January 2020, 10:32 GMT\", \"Posted 3 hours ago\")",
        test: is_date_field,
    },
    Rule {
        name: "author_bio",
        description: "author biographies (\"Jack Phillips is a … reporter …\") and follow-me lines",
        test: is_author_bio,
    },
    Rule {
        name: "photo_caption",
        description: "photo captions with a picture credit, and the caption line they repeat",
        test: is_photo_caption,
    },
    Rule {
        name: "duplicate_line",
        description: "a line repeating an earlier line (a headline printed twice)",
        test: is_duplicate,
    },
    Rule { name: "byline", description: "a bare author name near the top", test: is_byline },
];

/// Rules a run does not apply (`--keep-lines`): the lines they would set aside stay in the
/// text, and the other rules still try them. Bit `i` stands for `RULES[i]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeptRules(u32);

// One bit per rule.
const _: () = assert!(RULES.len() <= 32);

impl KeptRules {
    /// No rule left out.
    pub const NONE: KeptRules = KeptRules(0);

    /// The rules named in `names`, or the first name that is not a rule's.
    pub fn named<S: AsRef<str>>(names: &[S]) -> Result<KeptRules, String> {
        let mut kept = KeptRules::default();
        for name in names {
            let name = name.as_ref().trim();
            let index = RULES.iter().position(|r| r.name == name).ok_or_else(|| name.to_string())?;
            kept.0 |= 1 << index;
        }
        Ok(kept)
    }

    /// Whether `RULES[index]` is left out.
    fn keeps(self, index: usize) -> bool {
        self.0 & (1 << index) != 0
    }

    /// The names of the rules left out, in rule order, comma-separated ("" for none).
    pub fn describe(self) -> String {
        RULES.iter().enumerate().filter(|(i, _)| self.keeps(*i)).map(|(_, r)| r.name).collect::<Vec<_>>().join(",")
    }
}

/// The first rule that removes `line`, if any, among the rules not in `kept`.
pub fn classify(line: &Line, kept: KeptRules) -> Option<&'static Rule> {
    RULES.iter().enumerate().find(|(i, rule)| !kept.keeps(*i) && (rule.test)(line)).map(|(_, rule)| rule)
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("boilerplate pattern compiles")
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len() && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Whether `text` can open with one of the ASCII `firsts` under Unicode case folding: its
/// first character is one of them or is not ASCII. A cheap test before an anchored,
/// case-insensitive regex, which costs far more per line than this.
fn may_start_with(text: &str, firsts: &str) -> bool {
    text.chars().next().is_some_and(|c| !c.is_ascii() || firsts.contains(c))
}

/// Whether `text` can open with one of the ASCII `prefixes` under Unicode case folding: it does
/// (ASCII case ignored), or its first bytes are not all ASCII. Exact as a test before an
/// anchored, case-insensitive match (a regex, or a shape that folds as one) whose openings are
/// `prefixes`, all under 16 bytes long.
fn may_open_with(text: &str, prefixes: &[&str]) -> bool {
    !text.as_bytes()[..text.len().min(16)].is_ascii() || prefixes.iter().any(|p| starts_with_ignore_case(text, p))
}

/// The opening of a provenance line, up to the address: "Content retrieved from: ", "Republished
/// from ". Lines that open so are set aside here, and name the outlet in `corpus::outlet`.
pub const RETRIEVED_FROM: &str = r"(?:content |article |story )?(?:retrieved|taken|sourced|republished) from:?\s+";

fn is_source_url(line: &Line) -> bool {
    if !may_start_with(line.text, "castrCASTR") || !(line.text.contains("from") || line.text.contains("ource:")) {
        return false;
    }
    static RE: LazyLock<Regex> =
        LazyLock::new(|| re(&format!(r"(?i)^{RETRIEVED_FROM}\S+$|^(?i)source:\s*https?://\S+$")));
    RE.is_match(line.text)
}

fn is_credit_line(line: &Line) -> bool {
    line.text.len() < 120 && shapes::credit_line(line.text)
}

/// Bit of a keyword family in [`keyword_families`].
const COMMENT: u8 = 1;
const NEWSLETTER: u8 = 2;
const PICTURE: u8 = 4;

/// The phrases of each keyword family, with the family's bit.
fn keyword_phrases() -> [(&'static [&'static str], u8); 3] {
    let english = english();
    [
        (english.comment_section_phrases.as_slice(), COMMENT),
        (english.newsletter_phrases.as_slice(), NEWSLETTER),
        (english.picture_credit_phrases.as_slice(), PICTURE),
    ]
}

/// Which keyword families occur in `text` (ASCII case ignored), as bits.
pub fn keyword_families(text: &str) -> u8 {
    static AUTOMATON: LazyLock<(aho_corasick::AhoCorasick, Vec<u8>)> = LazyLock::new(|| {
        let families = keyword_phrases();
        let patterns: Vec<&str> = families.iter().flat_map(|(k, _)| k.iter().copied()).collect();
        let bits: Vec<u8> = families.iter().flat_map(|(k, bit)| std::iter::repeat_n(*bit, k.len())).collect();
        let automaton = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(patterns)
            .expect("keywords compile");
        (automaton, bits)
    });
    let (automaton, bits) = &*AUTOMATON;
    automaton.find_overlapping_iter(text).fold(0, |found, m| found | bits[m.pattern().as_usize()])
}

fn is_comment_notice(line: &Line) -> bool {
    static COUNT: LazyLock<Regex> = LazyLock::new(|| re(r"^[0-9]* ?comments?$"));
    line.text.len() < 600 && (line.keywords & COMMENT != 0 || (line.text.len() < 20 && COUNT.is_match(line.lower)))
}

fn is_newsletter(line: &Line) -> bool {
    line.text.len() < 200
        && (line.keywords & NEWSLETTER != 0 || line.lower.starts_with("sign up") || line.lower.starts_with("subscribe"))
}

fn is_navigation(line: &Line) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(see all(?-u:\b).*|most popular|most read|load more|read more|related( topics| articles| stories| coverage)?|more (stories|from .{1,30})|advertisement|sponsored( content)?|share( this( article)?)?( on \w+)?|twitter|facebook|email|print|whatsapp|linkedin|copy link|skip to (main )?content|watch:?|video|back to top)$",
        )
    });
    line.text.len() < 80 && RE.is_match(line.text)
}

fn is_teaser(line: &Line) -> bool {
    if line.lower.len() > 250 {
        return false;
    }
    // The opener, if any, starts where the leading punctuation ends: test that before any search.
    let head = line.lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    if !may_open_teaser(head) || !english().teaser_openers.iter().any(|opener| head.starts_with(opener)) {
        return false;
    }
    let Some(mark) = line.lower.find([':', '|', '>']).or_else(|| line.lower.find(" - ")) else {
        return false;
    };
    let opener = line.lower[..mark].trim().trim_start_matches(|c: char| !c.is_alphanumeric());
    let rest = line.lower[mark..].trim_start_matches([':', '|', '>', '-', ' ']);
    !rest.is_empty() && english().teaser_openers.contains(&opener)
}

/// Whether `head` begins with the first two bytes of some teaser opener: one small table
/// lookup that rules out nearly every line before the openers are compared one by one (an
/// opener of fewer than two bytes, were one added, lets every line through).
fn may_open_teaser(head: &str) -> bool {
    static HEADS: LazyLock<Option<Vec<[u8; 2]>>> = LazyLock::new(|| {
        let openers = &english().teaser_openers;
        let mut heads: Vec<[u8; 2]> = Vec::with_capacity(openers.len());
        for opener in openers.iter() {
            heads.push(opener.as_bytes().get(..2)?.try_into().ok()?);
        }
        heads.sort_unstable();
        heads.dedup();
        Some(heads)
    });
    match (&*HEADS, head.as_bytes().get(..2)) {
        (None, _) => true,
        (Some(heads), Some(two)) => heads.iter().any(|h| h == two),
        (Some(_), None) => false,
    }
}

/// A short line that could be a headline: no sentence end.
fn headline_like(text: &str) -> bool {
    (8..=160).contains(&text.len()) && !text.ends_with(['.', '!', '?', '"', ':', ';', ','])
}

fn is_related_header(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let lower = lower.trim_end_matches([':', ' ']);
    lower.len() < 40 && (english().related_headers.contains(&lower) || lower.starts_with("more from "))
}

fn is_related_item(line: &Line) -> bool {
    if !headline_like(line.text) {
        return false;
    }
    for earlier in line.earlier.iter().rev().take(12) {
        if is_related_header(earlier) {
            return true;
        }
        if !headline_like(earlier) {
            return false;
        }
    }
    false
}

fn is_share_line(line: &Line) -> bool {
    if line.lower.len() > 100 {
        return false;
    }
    // Word by word, stopping at the first word that is not a share word (most lines fail on
    // their first word).
    let share_words = &english().share_words;
    let mut words = 0;
    for word in line.lower.split([' ', '|', '/', '\u{b7}', '\u{2022}']).filter(|w| !w.is_empty()) {
        if !share_words.contains(&word.trim_matches([':', ','])) {
            return false;
        }
        words += 1;
    }
    words >= 2
}

fn is_date_field(line: &Line) -> bool {
    if line.lower.len() > 100 || !line.lower.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let english = english();
    let (mut number, mut anchor) = (false, false);
    for word in line.lower.split([' ', ',', '|', '/', '\u{b7}', '(', ')']) {
        let word = word.trim_matches([':', ';', '-']);
        if word.is_empty() {
            continue;
        }
        if word.as_bytes()[0].is_ascii_digit() {
            if !word.bytes().all(|b| b.is_ascii_alphanumeric() || b":.-+".contains(&b)) {
                return false;
            }
            number = true;
            // a full date ("2020-01-05", "05.01.2020") or an ordinal day ("6th"); a time alone
            // ("7 p.m.") heads a live blog's entries and stays
            let ordinal = ["st", "nd", "rd", "th"].iter().any(|s| word.strip_suffix(s).is_some_and(|d| d.len() <= 2));
            anchor |= ordinal || word.matches(['-', '.']).count() >= 2;
            continue;
        }
        let bare = word.trim_end_matches('.');
        if !english.date_field_words.iter().any(|w| *w == word || *w == bare) {
            return false;
        }
        anchor |= !NOT_CALENDAR.contains(&bare);
    }
    number && anchor
}

/// Words of a date field that do not make a line one on their own: times, zones, fillers.
const NOT_CALENDAR: &[&str] = &[
    "at", "of", "the", "last", "first", "time", "day", "days", "hour", "hours", "minute", "minutes", "min", "mins",
    "week", "weeks", "am", "pm", "a.m", "p.m", "gmt", "utc", "et", "est", "edt", "pt", "pst", "pdt", "ct", "cst",
    "cdt", "bst", "cet", "cest", "ist", "aest", "aedt", "jst", "msk",
];

fn is_tag_line(line: &Line) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| re(r"^(Tags|Topics|Filed under|TAGS)(?-u:\b):?\s"));
    line.text.len() < 200 && !line.text.ends_with('.') && may_start_with(line.text, "TF") && RE.is_match(line.text)
}

fn is_update_note(line: &Line) -> bool {
    if !may_open_with(line.text, &["this ", "updated", "last updated", "published", "first published"]) {
        return false;
    }
    shapes::update_note(line.text)
}

fn is_dateline(line: &Line) -> bool {
    if !may_start_with(line.text, "0123456789jfmasondJFMASOND") {
        return false;
    }
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4})([ ,T]+\d{1,2}:\d{2}(:\d{2})?( ?[ap]\.?m\.?)?( [A-Z]{2,5})?)?$",
        )
    });
    RE.is_match(line.text)
}

fn is_author_bio(line: &Line) -> bool {
    let t = line.text;
    if t.len() >= 800 {
        return false;
    }
    static FOLLOW: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^follow (him|her|them|us|me)(?-u:\b).{0,40}(?-u:\b)on(?-u:\b)"));
    static CONTACT: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^(you can )?(reach|contact|email) (him|her|them|the (author|reporter))(?-u:\b)"));
    let contact = ["you can", "reach", "contact", "email"].iter().any(|p| starts_with_ignore_case(t, p));
    (may_be_bio(t) && shapes::author_bio(t))
        || (starts_with_ignore_case(t, "follow") && FOLLOW.is_match(t))
        || (contact && CONTACT.is_match(t))
}

/// Whether `text` can match the biography pattern: a capital first, then "is" or "was" followed
/// by "a", "an" or "the" as its second to fifth words (a name of one to four words comes first,
/// and name words hold no space), so the full shape is checked only on lines like a biography.
fn may_be_bio(text: &str) -> bool {
    if !text.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let mut words = text.splitn(7, ' ').skip(1);
    let mut previous = words.next().unwrap_or("");
    for word in words.take(4) {
        if matches!(previous, "is" | "was") && matches!(word, "a" | "an" | "the") {
            return true;
        }
        previous = word;
    }
    false
}

fn is_photo_caption(line: &Line) -> bool {
    has_picture_credit(line.lower, line.keywords)
        || (line.text.len() > 20 && line.next.starts_with(line.text) && {
            let next = line.next.to_ascii_lowercase();
            has_picture_credit(&next, keyword_families(&next))
        })
}

fn has_picture_credit(lower: &str, keywords: u8) -> bool {
    if lower.len() >= 400 || !(keywords & PICTURE != 0 || lower.ends_with("/ap") || lower.ends_with("via ap")) {
        return false;
    }
    // A sentence that names a credit early ("The latest Reuters/Ipsos poll shows … .") is body
    // text; a caption's credit comes last.
    if !lower.ends_with(['.', '!', '?']) {
        return true;
    }
    let mut tail = lower.len().saturating_sub(60);
    while !lower.is_char_boundary(tail) {
        tail += 1;
    }
    keyword_families(&lower[tail..]) & PICTURE != 0
}

fn is_duplicate(line: &Line) -> bool {
    line.text.len() > 10 && line.repeated
}

fn is_byline(line: &Line) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| re(r"^(By )?[A-Z][a-z'’-]+(?: [A-Z]\.)?(?: [A-Z][a-z'’-]+){1,2}$"));
    line.index > 0 && line.index < 6 && RE.is_match(line.text)
}

#[cfg(test)]
mod tests;
