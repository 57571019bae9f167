//! Author text (a title, an update) that opens a bidirectional embedding, override or isolate
//! (U+202A–U+202E, U+2066–U+2068) without closing it would reorder whatever follows it where
//! no HTML element isolates it: a page's `<title>` ("Outage U+202E gnp.exe – Status" shows the
//! site name reversed), feed titles, calendar summaries. Such text is closed at its end, so its
//! direction tricks stay inside it; balanced text is unchanged.

use std::borrow::Cow;

const POP_DIRECTIONAL_FORMATTING: char = '\u{202C}';
const POP_DIRECTIONAL_ISOLATE: char = '\u{2069}';

/// `text` with a closing mark appended for every embedding, override or isolate it leaves open.
pub fn close_open_controls(text: &str) -> Cow<'_, str> {
    // The stack of what is open, innermost last; a PDI also closes the embeddings inside its
    // isolate (Unicode Bidirectional Algorithm, X6a).
    // Every control is U+202A..U+202E or U+2066..U+2069, whose UTF-8 starts with 0xE2: a text
    // without that byte (nearly every one) is left alone after one vectorised look.
    if memchr::memchr(0xE2, text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    let mut open: Vec<char> = Vec::new();
    for c in text.chars() {
        match c {
            '\u{202A}'..='\u{202E}' if c != POP_DIRECTIONAL_FORMATTING => {
                open.push(POP_DIRECTIONAL_FORMATTING)
            }
            '\u{2066}'..='\u{2068}' => open.push(POP_DIRECTIONAL_ISOLATE),
            POP_DIRECTIONAL_FORMATTING if open.last() == Some(&POP_DIRECTIONAL_FORMATTING) => {
                open.pop();
            }
            POP_DIRECTIONAL_ISOLATE => {
                if let Some(at) = open.iter().rposition(|&c| c == POP_DIRECTIONAL_ISOLATE) {
                    open.truncate(at);
                }
            }
            _ => {}
        }
    }
    if open.is_empty() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().chain(open.into_iter().rev()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_controls_are_closed_and_balanced_text_is_left_alone() {
        assert_eq!(close_open_controls("Outage"), "Outage");
        assert_eq!(
            close_open_controls("a \u{202E}gnp.exe"),
            "a \u{202E}gnp.exe\u{202C}"
        );
        assert_eq!(close_open_controls("\u{202E}x\u{202C}"), "\u{202E}x\u{202C}");
        assert_eq!(
            close_open_controls("\u{2067}\u{202B}x"),
            "\u{2067}\u{202B}x\u{202C}\u{2069}"
        );
        assert_eq!(
            close_open_controls("\u{2068}\u{202D}x\u{2069}"),
            "\u{2068}\u{202D}x\u{2069}"
        );
        assert_eq!(close_open_controls("x\u{202C}\u{2069}"), "x\u{202C}\u{2069}");
    }
}
