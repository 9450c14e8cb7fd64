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

#[test]
fn batches_give_the_lines_of_for_each_line_in_order_whatever_their_size() {
    let mut text = Vec::new();
    for i in 0..500u32 {
        // Blank lines, long lines past the cap, and lines of every length in between.
        let len = (i * 7 % 40) as usize;
        text.extend(std::iter::repeat_n(b'a' + (i % 26) as u8, len));
        text.push(b'\n');
    }
    text.extend_from_slice(b"last line without a newline");
    let mut want = Vec::new();
    for_each_line(BufReader::with_capacity(7, &text[..]), 30, |n, l| {
        want.push((n, l.map(<[u8]>::to_vec)))
    })
    .unwrap();
    for batch in [1, 5, 64, 1 << 20] {
        let mut got = Vec::new();
        let mut calls = 0;
        for_each_batch(BufReader::with_capacity(7, &text[..]), 30, batch, |lines| {
            calls += 1;
            got.extend(lines.iter().map(|&(n, l)| (n, l.map(<[u8]>::to_vec))));
        })
        .unwrap();
        assert_eq!(got, want, "batch of {batch} bytes");
        assert!(calls >= 1);
    }
}
