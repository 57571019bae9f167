//! The one HTML escaper: every text beacon puts into a page, a template value or an
//! attribute goes through [`escape_html`].

use std::borrow::Cow;

/// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attribute values.
pub fn escape_html(input: &str) -> Cow<'_, str> {
    let Some(first) = first_special(input.as_bytes()) else {
        return Cow::Borrowed(input);
    };
    // Every page escapes thousands of values: copy the runs between special bytes whole.
    let mut out = String::with_capacity(input.len() + 16);
    let mut rest = input;
    let mut at = first;
    loop {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#x27;",
        });
        // The special bytes are ASCII, so `at + 1` is a char boundary.
        rest = &rest[at + 1..];
        match first_special(rest.as_bytes()) {
            Some(next) => at = next,
            None => break,
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The five bytes [`escape_html`] replaces.
const SPECIAL: [u8; 5] = [b'&', b'<', b'>', b'"', b'\''];

/// Where the first special byte is. Eight bytes at a time while none of them is special (most
/// values hold none, and most are short, where `memchr`'s set-up costs more than it saves),
/// then byte by byte: a word holds a byte `c` when `w ^ c…c` has a zero byte, which the
/// classic test `(x - 0x01…01) & !x & 0x80…80` finds without a false positive.
fn first_special(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut at = 0;
    for word in bytes.chunks_exact(8) {
        let w = u64::from_ne_bytes(word.try_into().expect("a chunk of eight bytes"));
        let found = SPECIAL.iter().fold(0, |found, &c| {
            let x = w ^ (ONES * u64::from(c));
            found | (x.wrapping_sub(ONES) & !x & HIGHS)
        });
        if found != 0 {
            break;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|b| SPECIAL.contains(b))
        .map(|p| at + p)
}

#[cfg(test)]
mod tests {
    use super::escape_html;

    #[test]
    fn escape_html_replaces_the_five_specials_and_keeps_everything_else() {
        assert!(matches!(
            escape_html("plain é 日本"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            escape_html(r#"<a href="x">Tom & Jerry's</a>é"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#x27;s&lt;/a&gt;é"
        );
        assert_eq!(escape_html("&"), "&amp;");
        assert_eq!(escape_html("日<"), "日&lt;");
    }

    /// The word-at-a-time scan finds every special byte wherever it stands, in texts shorter
    /// and longer than a word, beside non-ASCII bytes (whose high bit is set).
    #[test]
    fn every_special_byte_is_found_at_every_position() {
        for len in 0..40 {
            for at in 0..len {
                for special in ['&', '<', '>', '"', '\''] {
                    let mut text: Vec<char> = "aé日z".chars().cycle().take(len).collect();
                    text[at] = special;
                    let text: String = text.into_iter().collect();
                    let expected: String = text
                        .chars()
                        .map(|c| match c {
                            '&' => "&amp;".to_string(),
                            '<' => "&lt;".to_string(),
                            '>' => "&gt;".to_string(),
                            '"' => "&quot;".to_string(),
                            '\'' => "&#x27;".to_string(),
                            c => c.to_string(),
                        })
                        .collect();
                    assert_eq!(escape_html(&text), expected, "{text:?}");
                }
            }
            let plain: String = "aé日z".chars().cycle().take(len).collect();
            assert!(matches!(escape_html(&plain), std::borrow::Cow::Borrowed(_)));
        }
    }
}
