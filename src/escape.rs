//! The one HTML escaper: every text beacon puts into a page, a template value or an
//! attribute goes through [`escape_html`].

use std::borrow::Cow;

/// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attribute values.
pub fn escape_html(input: &str) -> Cow<'_, str> {
    let special = |b: &u8| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'');
    let Some(first) = input.bytes().position(|b| special(&b)) else {
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
        match rest.bytes().position(|b| special(&b)) {
            Some(next) => at = next,
            None => break,
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
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
}
