//! Splits a content file into its TOML front matter (between `+++` lines) and Markdown body,
//! keeping the byte offsets so later errors point into the file as written.

/// The two parts of a content file, borrowed from it.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub front_matter: &'a str,
    /// Byte offset of `front_matter` in the file text.
    pub front_matter_offset: usize,
    pub body: &'a str,
}

/// Why a file could not be split, with the byte offset to point at.
#[derive(Debug, PartialEq, Eq)]
pub struct SplitError {
    pub offset: usize,
    pub message: String,
}

/// Splits `text` and reads its front matter as `T` against `schema` (every unknown key
/// reported, see [`crate::keys::parse_all_keys`]): what page and translation files share.
pub fn read_front_matter<'a, T: serde::de::DeserializeOwned>(
    path: &std::path::Path,
    text: &'a str,
    schema: crate::keys::Schema,
) -> Result<(T, Split<'a>), Vec<crate::error::Diagnostic>> {
    let split = split_front_matter(text).map_err(|e| {
        vec![crate::error::Diagnostic::at(
            path,
            text,
            e.offset..e.offset,
            e.message,
        )]
    })?;
    let front =
        crate::keys::parse_all_keys(path, text, split.front_matter_offset, split.front_matter, schema)?;
    Ok((front, split))
}

/// A fence is `+++` alone on its line; trailing spaces, tabs and a CR are allowed.
pub fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\n', '\r', ' ', '\t']) == "+++"
}

/// Splits `text` (already free of a byte-order mark). Blank lines may precede the opening fence;
/// the first fence line after it closes the front matter, so `+++` in the body is plain text.
pub fn split_front_matter(text: &str) -> Result<Split<'_>, SplitError> {
    if text.trim().is_empty() {
        return Err(SplitError {
            offset: 0,
            message: "the file is empty; expected TOML front matter between `+++` lines".into(),
        });
    }
    let mut lines = lines_with_offsets(text);
    let (open_offset, open_line) = lines
        .by_ref()
        .find(|(_, line)| !line.trim().is_empty())
        .expect("a file that is not blank has a non-blank line");
    if !is_fence(open_line) {
        let hint = if open_line.trim_end() == "---" {
            " (YAML front matter between `---` lines is not supported; use TOML between `+++`)"
        } else {
            ""
        };
        return Err(SplitError {
            offset: open_offset,
            message: format!("expected `+++` to open the TOML front matter{hint}"),
        });
    }
    let front_start = open_offset + open_line.len();
    for (offset, line) in lines {
        if is_fence(line) {
            let body_start = (offset + line.len()).min(text.len());
            // The body goes to the Markdown and HTML parsers: bounded here, where the error
            // can point into the file.
            if let Err(deep) = crate::nesting::check(&text[body_start..], crate::nesting::Syntax::Markup) {
                return Err(SplitError {
                    offset: body_start + deep.offset,
                    message: deep.message(),
                });
            }
            return Ok(Split {
                front_matter: &text[front_start..offset],
                front_matter_offset: front_start,
                body: &text[body_start..],
            });
        }
    }
    Err(SplitError {
        offset: open_offset,
        message: "the front matter opened here is never closed; expected a `+++` line after it".into(),
    })
}

/// Each line with its byte offset; a line includes its `\n`, so offsets add up.
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |offset, line| {
        let start = *offset;
        *offset += line.len();
        Some((start, line))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (&str, &str) {
        let s = split_front_matter(text).unwrap();
        assert_eq!(
            &text[s.front_matter_offset..s.front_matter_offset + s.front_matter.len()],
            s.front_matter
        );
        (s.front_matter, s.body)
    }

    #[test]
    fn splits_plain_crlf_and_trailing_spaces() {
        let cases = [
            ("+++\na = 1\n+++\nbody\n", "a = 1\n", "body\n"),
            ("+++\r\na = 1\r\n+++\r\nbody\r\n", "a = 1\r\n", "body\r\n"),
            ("+++  \na = 1\n+++\t \nbody", "a = 1\n", "body"),
            ("\n\n+++\na = 1\n+++", "a = 1\n", ""),
            ("+++\n+++\n", "", ""),
        ];
        for (text, front, body) in cases {
            assert_eq!(parts(text), (front, body), "{text:?}");
        }
    }

    #[test]
    fn fence_inside_the_body_is_body_text() {
        assert_eq!(parts("+++\na = 1\n+++\nx\n+++\ny\n"), ("a = 1\n", "x\n+++\ny\n"));
    }

    #[test]
    fn a_line_starting_with_fence_is_not_a_fence() {
        let e = split_front_matter("+++\na = \"+++ x\"\n+++ more\n").unwrap_err();
        assert!(e.message.contains("never closed"), "{}", e.message);
    }

    #[test]
    fn missing_empty_and_yaml_front_matter_are_explained() {
        assert!(split_front_matter("").unwrap_err().message.contains("empty"));
        assert!(split_front_matter(" \n\t\n")
            .unwrap_err()
            .message
            .contains("empty"));
        let e = split_front_matter("# Title\n").unwrap_err();
        assert_eq!(e.offset, 0);
        assert!(e.message.contains("expected `+++`"));
        let e = split_front_matter("\n---\ntitle: x\n---\n").unwrap_err();
        assert_eq!(e.offset, 1);
        assert!(e.message.contains("YAML"));
    }
}
