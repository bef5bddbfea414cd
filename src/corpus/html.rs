//! Main text of an HTML page: the `<article>` (else `<main>`, else `<body>`) with scripts,
//! navigation, headers, footers, asides, forms and figures dropped, block elements turned into
//! paragraphs and entities decoded. A small scanner, not a browser: good for saved news pages.

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "figure", "svg", "template", "iframe",
    "button",
];
/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "br",
    "tr",
    "table",
    "pre",
    "dd",
    "dt",
];

/// `(title, text)` of an HTML page. Paragraphs are separated by blank lines.
pub fn extract_main_text(html: &str) -> (String, String) {
    let title = element_text(html, "title").or_else(|| element_text(html, "h1")).unwrap_or_default();
    let scope = element_inner(html, "article")
        .or_else(|| element_inner(html, "main"))
        .or_else(|| element_inner(html, "body"))
        .unwrap_or(html);
    (collapse(&decode_entities(&title)), to_text(scope))
}

fn element_inner<'h>(html: &'h str, name: &str) -> Option<&'h str> {
    let lower = html.to_ascii_lowercase();
    let open = find_open_tag(&lower, name)?;
    let body_start = open + lower[open..].find('>')? + 1;
    let close = lower[body_start..].rfind(&format!("</{name}")).map_or(html.len(), |c| body_start + c);
    Some(&html[body_start..close])
}

fn find_open_tag(lower: &str, name: &str) -> Option<usize> {
    let needle = format!("<{name}");
    let mut from = 0;
    while let Some(at) = lower[from..].find(&needle) {
        let at = from + at;
        let after = lower[at + needle.len()..].chars().next();
        if after.is_some_and(|c| c == '>' || c.is_whitespace() || c == '/') {
            return Some(at);
        }
        from = at + needle.len();
    }
    None
}

fn element_text(html: &str, name: &str) -> Option<String> {
    let inner = element_inner(html, name)?;
    let text = to_text(inner);
    let first = text.lines().find(|l| !l.trim().is_empty())?.trim().to_string();
    Some(first)
}

/// Walk tags: drop skipped elements, break paragraphs at block elements, keep the rest's text.
fn to_text(html: &str) -> String {
    let mut out = String::new();
    let mut skipping: Option<String> = None;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        if skipping.is_none() {
            out.push_str(&rest[..lt]);
        }
        let Some(gt) = rest[lt..].find('>') else { break };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let (closing, name) = tag_name(tag);
        match &skipping {
            Some(open) if closing && *open == name => skipping = None,
            Some(_) => {}
            None if !closing && SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') => skipping = Some(name),
            None if BLOCKS.contains(&name.as_str()) => out.push_str("\n\n"),
            None => {}
        }
    }
    if skipping.is_none() {
        out.push_str(rest);
    }
    paragraphs(&decode_entities(&out))
}

fn tag_name(tag: &str) -> (bool, String) {
    let closing = tag.starts_with('/');
    let name = tag.trim_start_matches('/').split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
    (closing, name.to_ascii_lowercase())
}

/// Collapse white space inside paragraphs; separate paragraphs by one blank line.
fn paragraphs(text: &str) -> String {
    let blocks: Vec<String> = text.split("\n\n").map(collapse).filter(|b| !b.is_empty()).collect();
    blocks.join("\n\n")
}

fn collapse(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decode character references. An `&` that would make the text after it read as a reference
/// again (`&amp;amp;`, an article about HTML) stays `&amp;`, because plain text has its
/// references decoded once more when it is normalised (`text::normalize`).
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match crate::text::entity_at(rest) {
            Some((c, len)) => {
                rest = &rest[len..];
                let next = &rest[..rest.char_indices().nth(16).map_or(rest.len(), |(i, _)| i)];
                let again = c == '&' && crate::text::entity_at(&format!("&{next}")).is_some();
                if again { out.push_str("&amp;") } else { out.push(c) }
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_escaped_reference_is_decoded_once_through_html_and_normalising() {
        let (title, text) = extract_main_text("<p>Type &amp;amp; for an ampersand, AT&amp;T said.</p>");
        assert_eq!(title, "");
        let doc = crate::text::Document::parse(&text, crate::text::TextOptions::default());
        assert_eq!(doc.normalized.as_str(), "Type &amp; for an ampersand, AT&T said.");
    }

    #[test]
    fn article_text_is_kept_and_furniture_dropped() {
        let html = r#"<html><head><title>Iraq votes &amp; more</title><script>var x = "<p>no</p>";</script></head>
<body><nav><a href="/">Home</a></nav><article><h1>Iraq votes</h1>
<p>The parliament&nbsp;voted to <b>expel</b> troops.</p><figure><img src="a.jpg"><figcaption>A caption</figcaption></figure>
<p>&ldquo;We respect your decision,&rdquo; Seely wrote.</p></article><footer>Copyright</footer></body></html>"#;
        let (title, text) = extract_main_text(html);
        assert_eq!(title, "Iraq votes & more");
        assert_eq!(
            text,
            "Iraq votes\n\nThe parliament\u{a0}voted to expel troops.\n\n“We respect your decision,” Seely wrote."
        );
    }

    #[test]
    fn page_without_article_uses_body() {
        let (_, text) = extract_main_text("<body><p>One &#8220;two&#x201D;</p><p>Three</p></body>");
        assert_eq!(text, "One “two”\n\nThree");
    }
}
