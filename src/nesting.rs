//! How deep a text nests, measured before a recursive parser sees it. Parsers of user input
//! recurse (or rescan what is open) once per level: nesting 100,000 deep overflows the stack
//! or takes minutes. One linear scan, here, refuses such a text with the place where it went
//! too deep, so every parser of the site's files (JSON5, YAML, TOML, Markdown, HTML, Fluent)
//! gets a bounded input and the user a `file:line:col`.
//!
//! The count is deliberately simple and errs towards counting: brackets are counted whether
//! or not they stand in a quoted string. No real file comes near [`MAX_DEPTH`].

/// The deepest nesting accepted in any file: brackets and braces in data files, tags, block
/// quotes, list markers and link brackets in Markdown, placeables in Fluent.
pub const MAX_DEPTH: usize = 128;

/// Which kind of nesting a text has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// JSON, JSON5, YAML flow collections, TOML: `[` and `{`.
    Data,
    /// Fluent: `{` placeables.
    Fluent,
    /// Markdown with inline HTML: tags that open a level, block quotes and list markers that
    /// start a line, and link brackets. Fenced code and code spans are text and not counted.
    Markup,
}

/// Where a text nests deeper than [`MAX_DEPTH`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep {
    /// Byte offset of the opener that went one level too deep.
    pub offset: usize,
    /// What nests there, for the message.
    pub what: &'static str,
    /// Whether the text is Markdown (the message then suggests a code block).
    pub markup: bool,
}

impl TooDeep {
    /// The message for a diagnostic at [`TooDeep::offset`].
    pub fn message(&self) -> String {
        let hint = if self.markup {
            ", or put pasted output in a fenced code block (```)"
        } else {
            ""
        };
        format!(
            "{} nest more than {MAX_DEPTH} levels deep here; beacon reads no deeper nesting \
             (it would take a parser minutes or overflow its stack). Flatten it{hint}",
            self.what
        )
    }
}

/// `Ok` when `text` nests at most [`MAX_DEPTH`] levels deep as `syntax` counts them.
pub fn check(text: &str, syntax: Syntax) -> Result<(), TooDeep> {
    if shallow(text.as_bytes(), syntax) {
        return Ok(());
    }
    walk(text, syntax)
}

/// How deep `text` nests, byte by byte, as `syntax` counts it.
fn walk(text: &str, syntax: Syntax) -> Result<(), TooDeep> {
    match syntax {
        Syntax::Data => brackets(text, b"[{", b"]}", "brackets and braces"),
        Syntax::Fluent => brackets(text, b"{", b"}", "placeables `{ … }`"),
        Syntax::Markup => markup(text),
    }
}

/// Whether `text` cannot nest deeper than [`MAX_DEPTH`], from counts of the bytes that open a
/// level (each count one vectorised pass): every level is opened by one of them, so at most
/// [`MAX_DEPTH`] of them is never too deep, whatever closes. A Markdown container (a block
/// quote or list item) is opened by a `>`, `-`, `*` or `+`, or by digits and a `.` or `)`; a
/// tag by a `<`, a link by a `[`. Almost every real file passes here and skips the walk below.
fn shallow(text: &[u8], syntax: Syntax) -> bool {
    use memchr::{memchr2_iter, memchr3_iter, memchr_iter};
    let at_most = |count: usize| count <= MAX_DEPTH;
    match syntax {
        Syntax::Data => at_most(memchr2_iter(b'[', b'{', text).count()),
        Syntax::Fluent => at_most(memchr_iter(b'{', text).count()),
        Syntax::Markup => {
            at_most(memchr_iter(b'<', text).count())
                && at_most(memchr_iter(b'[', text).count())
                && at_most(
                    memchr3_iter(b'>', b'-', b'*', text).count()
                        + memchr3_iter(b'+', b'.', b')', text).count(),
                )
        }
    }
}

/// Counts `open` against `close` bytes in `text`.
fn brackets(text: &str, open: &[u8], close: &[u8], what: &'static str) -> Result<(), TooDeep> {
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        if open.contains(&b) {
            depth += 1;
            if depth > MAX_DEPTH {
                return Err(TooDeep {
                    offset: i,
                    what,
                    markup: false,
                });
            }
        } else if close.contains(&b) {
            depth = depth.saturating_sub(1);
        }
    }
    Ok(())
}

/// Elements that never hold others (void), or that the HTML parser closes by itself when a
/// sibling starts (`<p>`, `<li>`…): neither opens a level that can pile up.
const FLAT_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rt", "rp",
    "colgroup",
];

fn markup(text: &str) -> Result<(), TooDeep> {
    let mut tags = 0usize;
    let mut links = 0usize;
    let mut fence: Option<(u8, usize)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_start_matches([' ', '\t']);
        // A fence of three or more backticks or tildes opens or closes a code block.
        let run = trimmed.bytes().take_while(|b| *b == b'`' || *b == b'~').count();
        if run >= 3
            && trimmed.as_bytes()[1..run]
                .iter()
                .all(|b| *b == trimmed.as_bytes()[0])
        {
            let mark = trimmed.as_bytes()[0];
            match fence {
                None => fence = Some((mark, run)),
                Some((m, n)) if m == mark && run >= n => fence = None,
                Some(_) => {}
            }
            continue;
        }
        if fence.is_some() {
            continue;
        }
        containers(line, start)?;
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'`' => {
                    // A code span: its text up to the same run of backticks is not markup.
                    let run = bytes[i..].iter().take_while(|b| **b == b'`').count();
                    let closer = "`".repeat(run);
                    match line[i + run..].find(&closer) {
                        Some(end) => i += run + end + run,
                        None => i += run,
                    }
                    continue;
                }
                b'[' => {
                    links += 1;
                    if links > MAX_DEPTH {
                        return Err(too_deep(start + i, "link brackets `[`"));
                    }
                }
                b']' => links = links.saturating_sub(1),
                b'<' => {
                    let rest = &bytes[i + 1..];
                    if rest.first() == Some(&b'/') {
                        if rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
                            tags = tags.saturating_sub(1);
                        }
                    } else if rest.first().is_some_and(u8::is_ascii_alphabetic) {
                        let name_len = rest
                            .iter()
                            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
                            .count();
                        let name = line[i + 1..i + 1 + name_len].to_ascii_lowercase();
                        let tag_end = rest.iter().position(|b| *b == b'>');
                        let self_closing = tag_end.is_some_and(|e| e > 0 && rest[e - 1] == b'/');
                        if !self_closing && !FLAT_ELEMENTS.contains(&name.as_str()) {
                            tags += 1;
                            if tags > MAX_DEPTH {
                                return Err(too_deep(start + i, "HTML elements"));
                            }
                        }
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }
    Ok(())
}

/// The block quotes and list items a line opens at its start (`> > - 1. text`).
fn containers(line: &str, start: usize) -> Result<(), TooDeep> {
    let bytes = line.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    loop {
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        let marker_end = match bytes.get(i) {
            Some(b'>') => i + 1,
            Some(b'-' | b'*' | b'+') if bytes.get(i + 1).is_some_and(|b| *b == b' ' || *b == b'\t') => i + 1,
            Some(b) if b.is_ascii_digit() => {
                let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                let after = i + digits;
                if digits <= 9
                    && matches!(bytes.get(after), Some(b'.' | b')'))
                    && bytes.get(after + 1).is_some_and(|b| *b == b' ' || *b == b'\t')
                {
                    after + 1
                } else {
                    return Ok(());
                }
            }
            _ => return Ok(()),
        };
        depth += 1;
        if depth > MAX_DEPTH {
            return Err(too_deep(start + i, "block quotes and list items"));
        }
        i = marker_end;
    }
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..offset].matches('\n').count() + 1;
    (line, text[line_start..offset].chars().count() + 1)
}

fn too_deep(offset: usize, what: &'static str) -> TooDeep {
    TooDeep {
        offset,
        what,
        markup: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_accepted_and_one_more_is_not() {
        let at = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(check(&at(MAX_DEPTH), Syntax::Data).is_ok());
        assert_eq!(
            check(&at(MAX_DEPTH + 1), Syntax::Data).unwrap_err().offset,
            MAX_DEPTH
        );
        let divs = |n: usize| format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n));
        assert!(check(&divs(MAX_DEPTH), Syntax::Markup).is_ok());
        assert!(check(&divs(MAX_DEPTH + 1), Syntax::Markup).is_err());
        let quotes = |n: usize| format!("{} x\n", "> ".repeat(n));
        assert!(check(&quotes(MAX_DEPTH), Syntax::Markup).is_ok());
        assert!(check(&quotes(MAX_DEPTH + 1), Syntax::Markup).is_err());
        assert!(check(&"{".repeat(MAX_DEPTH + 1), Syntax::Fluent).is_err());
    }

    /// The fast path never passes a text the walk refuses, and `check` agrees with the walk:
    /// runs of each opener around the limit, on one line or one per line, with text before
    /// and after them.
    #[test]
    fn the_fast_path_passes_only_what_the_walk_passes() {
        let openers = [
            "<div>", "<div ", "<span>", "[", "{", "> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "`[`",
        ];
        let counts = [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, 2 * MAX_DEPTH];
        let affixes = [
            ("", ""),
            ("x\n", "\n</div>]}"),
            ("```\n", "\n```\n"),
            ("> ", " x"),
        ];
        let mut refused = 0;
        for opener in openers {
            for count in counts {
                for separator in ["", "\n", " "] {
                    for (before, after) in affixes {
                        let text = format!("{before}{}{after}", vec![opener; count].join(separator));
                        for syntax in [Syntax::Data, Syntax::Fluent, Syntax::Markup] {
                            let walked = walk(&text, syntax);
                            refused += usize::from(walked.is_err());
                            if shallow(text.as_bytes(), syntax) {
                                assert!(walked.is_ok(), "{syntax:?} passed by the fast path: {text:?}");
                            }
                            assert_eq!(
                                check(&text, syntax).is_ok(),
                                walked.is_ok(),
                                "{syntax:?}: {text:?}"
                            );
                        }
                    }
                }
            }
        }
        // The cases reach past the limit for every kind of opener.
        assert!(refused > 100, "{refused}");
    }

    #[test]
    fn what_is_flat_or_code_does_not_count() {
        let many = "<p>a<br><img src=x><li>b<x/>\n".repeat(1000);
        assert!(check(&many, Syntax::Markup).is_ok());
        let fenced = format!("```\n{}\n```\n", "<div>".repeat(1000));
        assert!(check(&fenced, Syntax::Markup).is_ok());
        let span = format!("`{}` after\n", "<div>[".repeat(1000));
        assert!(check(&span, Syntax::Markup).is_ok());
        let sequential = "<div>x</div>\n".repeat(10_000);
        assert!(check(&sequential, Syntax::Markup).is_ok());
    }
}
