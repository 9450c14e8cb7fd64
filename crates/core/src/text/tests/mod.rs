use super::*;

#[test]
fn punctuation_spacing_width_case_and_entities_do_not_make_a_different_text() {
    let a = normalize("质量很好，物流很快！Good");
    for b in [
        "质量很好 物流很快 good",
        "质量很好,物流很快!GOOD",
        "质量很好&#65292;物流很快&amp;ＧＯＯＤ",
        "  质量很好。。。物流很快～～ Ｇｏｏｄ ",
    ] {
        assert_eq!(normalize(b), a, "{b}");
    }
    assert_ne!(normalize("质量很好，物流很慢"), a);
}

#[test]
fn entities_decode_exactly_and_unknown_ones_stay() {
    assert_eq!(
        decode_entities("a &lt;b&gt; &quot;c&quot; &#39;d&#x27;"),
        "a <b> \"c\" 'd'"
    );
    assert_eq!(
        decode_entities("AT&T &unknown; &#xZZ; &"),
        "AT&T &unknown; &#xZZ; &"
    );
    assert_eq!(
        decode_entities("&#1114112;"),
        "&#1114112;",
        "beyond Unicode stays as written"
    );
    assert_eq!(normalized_len(&normalize("好评！")), 2);
}

proptest::proptest! {
    #[test]
    fn normalising_is_idempotent_and_never_panics(s in "\\PC{0,40}") {
        let once = normalize(&s);
        proptest::prop_assert_eq!(normalize(&once), once.clone());
        proptest::prop_assert!(once.chars().all(char::is_alphanumeric));
    }
}

proptest::proptest! {
    /// The fast paths for ASCII and CJK ideographs give what the Unicode tables give.
    #[test]
    fn the_normal_form_is_the_tables_normal_form(text in "(\\PC|[a-zA-Z0-9０-９Ａ-ｚ　！-～中文字]|&amp;|&#x4E2D;){0,40}") {
        let reference: String = decode_entities(&text)
            .chars()
            .flat_map(|c| {
                let c = match c {
                    '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                    '\u{3000}' => ' ',
                    _ => c,
                };
                c.to_lowercase().filter(|c| c.is_alphanumeric()).collect::<Vec<_>>()
            })
            .collect();
        proptest::prop_assert_eq!(normalize(&text), reference);
    }
}
