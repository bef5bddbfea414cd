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

/// The first rule that removes `line`, if any.
pub fn classify(line: &Line) -> Option<&'static Rule> {
    RULES.iter().find(|rule| (rule.test)(line))
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

fn is_source_url(line: &Line) -> bool {
    if !may_start_with(line.text, "castrCASTR") || !(line.text.contains("from") || line.text.contains("ource:")) {
        return false;
    }
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(content |article |story )?(retrieved|taken|sourced|republished) from:?\s+\S+$|^(?i)source:\s*https?://\S+$",
        )
    });
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
mod tests {
    use super::*;

    #[test]
    fn every_keyword_phrase_is_found_in_any_ascii_casing() {
        for (phrases, bit) in keyword_phrases() {
            for phrase in phrases.iter() {
                for casing in [phrase.to_string(), phrase.to_ascii_uppercase(), phrase.to_ascii_lowercase()] {
                    let line = format!("Some words before {casing} and after");
                    assert_ne!(keyword_families(&line) & bit, 0, "{line:?}");
                }
            }
        }
        assert_eq!(keyword_families("The vote was held on Tuesday"), 0);
    }

    fn rule_for(text: &str) -> Option<&'static str> {
        rule_in(text, &[], 10, "")
    }

    fn rule_in(text: &str, earlier: &[&str], index: usize, next: &str) -> Option<&'static str> {
        let lower = text.to_ascii_lowercase();
        let repeated = earlier.contains(&text);
        classify(&Line { text, lower: &lower, keywords: keyword_families(text), index, earlier, next, repeated })
            .map(|r| r.name)
    }

    #[test]
    fn site_navigation_lines_are_removed() {
        for text in
            ["See all Video", "See all Hill.TV See all Video", "Most Popular", "Load more", "Related Topics", "twitter"]
        {
            assert_eq!(rule_for(text), Some("site_navigation"), "{text}");
        }
    }

    #[test]
    fn newsletter_comment_and_tag_lines_are_removed() {
        assert_eq!(rule_for("Daily newsletterReceive essential international news every morning"), Some("newsletter"));
        assert_eq!(
            rule_for(
                "The Hill has removed its comment section, as there are many other forums for readers to participate in the conversation. We invite you to join the discussion on Facebook and Twitter."
            ),
            Some("comment_section")
        );
        assert_eq!(rule_for("Tags Iran Iran strike Iraq"), Some("tag_line"));
    }

    #[test]
    fn update_notes_datelines_and_credits_are_removed() {
        assert_eq!(
            rule_for("This article has been updated with more details on the parliament vote and withdrawal."),
            Some("update_note")
        );
        assert_eq!(rule_for("Updated at 11 a.m."), Some("update_note"));
        assert_eq!(rule_for("Updated:"), Some("update_note"));
        assert_eq!(rule_for("07/01/2020 8:32 AM AEDT"), Some("dateline"));
        assert_eq!(rule_for("1/5/2020"), Some("dateline"));
        assert_eq!(rule_for("January 5, 2020"), Some("dateline"));
        assert_eq!(rule_for("sep. 3 2019 10:02 p.m. EST"), Some("dateline"));
        assert_eq!(rule_for("Last updated 5 minutes ago"), Some("update_note"));
        assert_eq!(rule_for("First published Jan 5"), Some("update_note"));
        assert_eq!(rule_for("PUBLISHED:"), Some("update_note"));
        assert_eq!(rule_for("(FRANCE 24 with AFP, AP and REUTERS)"), Some("credit_line"));
        assert_eq!(rule_for("Content retrieved from: https://example.com/a/b."), Some("source_url"));
    }

    #[test]
    fn first_character_test_lets_case_folds_through() {
        assert!(may_start_with("Updated", "tuTU"));
        assert!(!may_start_with("Reporting by", "tuTU"));
        assert!(!may_start_with("", "tu"));
        // U+017F (long s) folds to "s" in a case-insensitive regex: not ASCII, so it goes on.
        assert!(may_start_with("\u{17f}ep. 3 2019", "s"));
    }

    #[test]
    fn opening_tests_let_through_every_line_their_regex_could_match() {
        assert!(may_open_with("UPDATED at 5 p.m.", &["updated"]));
        assert!(!may_open_with("The update came late", &["updated", "this "]));
        // A non-ASCII character among the first bytes may fold to ASCII in the regex: it goes on.
        assert!(may_open_with("thi\u{17f} article was updated", &["this "]));
        for bio in ["Jack Phillips is a reporter", "Ana María López was the editor", "Lee is an editor"] {
            assert!(may_be_bio(bio), "{bio}");
        }
        for not in ["The minister is a reporter's source", "Jack is not a reporter", "jack is a reporter"] {
            assert_eq!(may_be_bio(not), not.starts_with("The"), "{not}");
        }
        assert!(!may_be_bio("A very long name of many words is a reporter"), "five name words are too many");
    }

    #[test]
    fn author_bio_and_byline_are_removed() {
        assert_eq!(
            rule_for(
                "Jack Phillips is a breaking news reporter with 15 years experience who started as a local New York City reporter."
            ),
            Some("author_bio")
        );
        assert_eq!(rule_in("Jack Phillips", &[], 3, ""), Some("byline"));
        assert_eq!(rule_in("Jack Phillips", &[], 30, ""), None, "a name deep in the text is not a byline");
    }

    #[test]
    fn captions_and_their_credit_less_copy_are_removed() {
        let bare = "Members of the Iraqi parliament are seen at the parliament in Baghdad, Iraq January 5, 2020.";
        let credited = "Members of the Iraqi parliament are seen at the parliament in Baghdad, Iraq January 5, 2020. Iraqi parliament media office/handout via Reuters";
        assert_eq!(rule_in(bare, &[], 2, credited), Some("photo_caption"));
        assert_eq!(rule_in(credited, &[bare], 3, ""), Some("photo_caption"));
    }

    #[test]
    fn repeated_headline_is_a_duplicate() {
        let title = "Iraqi MPs Back Resolution to 'End the Presence' of Any US Soldiers";
        assert_eq!(rule_in(title, &[title], 1, ""), Some("duplicate_line"));
    }

    #[test]
    fn teasers_related_lists_share_lines_and_date_fields_are_removed() {
        for text in ["Read more: Iran vows revenge", "RELATED: What we know", "WATCH | Protesters storm embassy"] {
            assert_eq!(rule_for(text), Some("teaser"), "{text}");
        }
        // Every opener of the word list, however cased and after leading punctuation (the
        // two-byte test in front of the openers must let each one through).
        for opener in english().teaser_openers.iter() {
            for text in [format!("{}: Iran vows revenge", opener.to_uppercase()), format!("» {opener} | What we know")]
            {
                assert_eq!(rule_for(&text), Some("teaser"), "{text}");
            }
        }
        assert!(!may_open_teaser("the vote") && !may_open_teaser("r") && may_open_teaser("read"));
        let list = ["Related Articles", "Iran fires missiles at US bases", "Who was Qassem Soleimani"];
        assert_eq!(rule_in(list[2], &list[..2], 8, ""), Some("related_list"));
        assert_eq!(rule_in("US reactions", &["The vote was held on Sunday."], 8, ""), None);
        for text in ["Share Facebook Twitter Email", "Share via email | Print", "Follow us on X"] {
            assert_eq!(rule_for(text), Some("share_line"), "{text}");
        }
        for text in [
            "Published Monday 6 January 2020, 10:32 GMT",
            "Posted: Jan. 5, 2020 / 3:30 PM ET",
            "Sun 5 Jan 2020 14.07 GMT",
            "Updated 3 hours ago",
            "January 6th, 2020",
        ] {
            assert!(matches!(rule_for(text), Some("date_field" | "dateline" | "update_note")), "{text}");
        }
        assert_eq!(rule_for("Published Monday 6 January 2020, 10:32 GMT"), Some("date_field"));
        for text in [
            "Photo: Reuters/Thaier al-Sudani",
            "Image credit: AFP",
            "Soldiers in Baghdad. (Photo by Ahmad Al-Rubaye/AFP via Getty Images)",
        ] {
            assert_eq!(rule_for(text), Some("photo_caption"), "{text}");
        }
    }

    #[test]
    fn ordinary_sentences_and_section_heads_are_kept() {
        for text in [
            "The vote was a response to the US assassination last week of Major General Qassem Soleimani.",
            "US reactions",
            "Vying factions in Iraq",
            "'No to Iran, no to America!'",
            "Sadr said a security agreement with the United States should be cancelled immediately.",
            "\"We'll watch,\" he told CBS' \"Face the Nation.\"",
            "More than 5,000 troops remain in Iraq, officials said on Monday.",
            "Watch the vote closely, he said: the numbers matter.",
            "On January 5, 2020, parliament voted.",
            "Share prices fell 3% on Monday.",
            "Trump: Iran will pay a big price",
            "7 p.m.",
            "The latest Reuters/Ipsos opinion poll released Friday shows that in a head-to-head contest, Clinton leads Trump by 43 percent to 38 percent.",
        ] {
            assert_eq!(rule_in(text, &[], 2, ""), None, "{text}");
        }
    }
}
