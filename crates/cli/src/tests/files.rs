//! Tests of `files` (a child module of it, kept in its own file).

use super::*;

#[test]
fn lines_are_split_and_long_ones_skipped_without_buffering() {
    let text = b"a\nbbbbbbbbbb\n\nccc";
    let mut seen = Vec::new();
    // A small reader capacity forces lines to span several buffers.
    let reader = BufReader::with_capacity(3, &text[..]);
    for_each_line(reader, 5, |n, l| {
        seen.push((n, l.map(|b| String::from_utf8_lossy(b).into_owned())))
    })
    .unwrap();
    assert_eq!(
        seen,
        vec![
            (1, Some("a".into())),
            (2, None),
            (3, Some(String::new())),
            (4, Some("ccc".into()))
        ]
    );
}
