//! Text normalisation for comparing what people wrote: two reviews that differ only in
//! punctuation, spacing, full- or half-width forms, letter case or HTML entities are the same
//! text. Used by the brushing guard (copied review text) and by anything that de-duplicates text.
//!
//! The normal form keeps only letters and digits (`char::is_alphanumeric`, which includes CJK
//! ideographs), after decoding HTML entities, folding full-width ASCII forms (U+FF01–U+FF5E) and
//! the ideographic space to their ASCII counterparts, and lower-casing.

/// The normal form of `text`: see the module documentation.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let decoded = decode_entities(text);
    for c in decoded.chars() {
        match c {
            // The common cases first, without the Unicode tables: CJK ideographs are letters
            // without case, ASCII needs no table either.
            '\u{4E00}'..='\u{9FFF}' => out.push(c),
            _ if c.is_ascii() => {
                if c.is_ascii_alphanumeric() {
                    out.push(c.to_ascii_lowercase());
                }
            }
            // Filtering after lower-casing: some lower-case forms add a combining mark ('İ' → "i̇").
            _ => out.extend(fold_width(c).to_lowercase().filter(|c| c.is_alphanumeric())),
        }
    }
    out
}

/// Number of characters of the normal form (what "long enough to compare" is measured in).
pub fn normalized_len(normal: &str) -> usize {
    normal.chars().count()
}

/// Full-width ASCII variants (！ to ～) and the ideographic space to their ASCII forms.
fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Decodes the HTML character references scraped review text carries: the five XML entities,
/// `&nbsp;`, and numeric references (`&#39;`, `&#x4E2D;`). Anything else is left as written.
pub fn decode_entities(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e <= 12);
        let decoded = end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{A0}'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests;
