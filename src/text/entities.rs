//! HTML character references (`&amp;`, `&#8217;`, `&#x201C;`), which scraped plain text often
//! keeps. The one table that HTML input and the normalised view of plain text both decode with.

/// The longest reference decoded, `&` and `;` included (`&#x10FFFF;` is 10 bytes).
const LONGEST: usize = 12;

/// The character a reference names (`name` without `&` and `;`): a named reference from the
/// table below, or a decimal or hexadecimal code point. Control characters are not decoded.
pub fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                u32::from_str_radix(hex, 16).ok()?
            }
            None if !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()) => num.parse().ok()?,
            _ => return None,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || *c == '\n' || *c == '\t');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "shy" => '\u{ad}',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "prime" => '′',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        _ => return None,
    })
}

/// The reference at the start of `text` (which starts with `&`): its character and its length in
/// bytes, or `None` when `text` does not start with a known reference.
pub fn entity_at(text: &str) -> Option<(char, usize)> {
    let window = &text.as_bytes()[..text.len().min(LONGEST)];
    let end = window.iter().position(|&b| b == b';')?;
    let name = text.get(1..end)?;
    entity(name).map(|c| (c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_decimal_and_hex_references() {
        assert_eq!(entity_at("&amp; more"), Some(('&', 5)));
        assert_eq!(entity_at("&#8217;s"), Some(('’', 7)));
        assert_eq!(entity_at("&#x201C;"), Some(('“', 8)));
        assert_eq!(entity_at("&#X201d;"), Some(('”', 8)));
    }

    #[test]
    fn what_is_not_a_reference_stays() {
        for text in
            ["& more", "AT&T;", "&unknown;", "&#;", "&#x;", "&#0;", "&#xZZ;", "&#12a;", "&#99999999999;", "&amp"]
        {
            assert_eq!(entity_at(text), None, "{text}");
        }
    }
}
