//! The boilerplate rules on lines from scraped pages: each rule removes what it names, in
//! order, and leaves article text alone.

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
    let line = Line { text, lower: &lower, keywords: keyword_families(text), index, earlier, next, repeated };
    classify(&line, KeptRules::default()).map(|r| r.name)
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
        for text in [format!("{}: Iran vows revenge", opener.to_uppercase()), format!("» {opener} | What we know")] {
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

#[test]
fn a_kept_rule_leaves_its_lines_to_the_rules_after_it() {
    let classify_with = |text: &str, index: usize, repeated: bool, kept: &[&str]| {
        let lower = text.to_ascii_lowercase();
        let keywords = keyword_families(text);
        let line = Line { text, lower: &lower, keywords, index, earlier: &[], next: "", repeated };
        classify(&line, KeptRules::named(kept).unwrap()).map(|r| r.name)
    };
    assert_eq!(classify_with("Jack Phillips", 2, false, &[]), Some("byline"));
    assert_eq!(classify_with("Jack Phillips", 2, false, &["byline"]), None);
    // A repeated navigation line: the duplicate rule takes it when navigation is kept.
    assert_eq!(classify_with("See all Video", 2, true, &[]), Some("site_navigation"));
    assert_eq!(classify_with("See all Video", 2, true, &["site_navigation"]), Some("duplicate_line"));
    assert_eq!(classify_with("See all Video", 2, true, &["site_navigation", "duplicate_line"]), None);
    assert_eq!(classify_with("See all Video", 2, true, &["byline", "teaser"]), Some("site_navigation"));
}

#[test]
fn kept_rules_are_named_in_rule_order_and_unknown_names_are_refused() {
    let kept = KeptRules::named(&["byline", " dateline", "source_url"]).unwrap();
    assert_eq!(kept.describe(), "source_url,dateline,byline");
    assert_eq!(KeptRules::default().describe(), "");
    assert_eq!(KeptRules::named(&["bylines"]), Err("bylines".to_string()));
    let every: Vec<&str> = RULES.iter().map(|r| r.name).collect();
    assert_eq!(KeptRules::named(&every).unwrap().describe(), every.join(","));
}
