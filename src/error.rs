//! Errors and diagnostics. Content problems are [`Diagnostic`]s, collected rather than returned
//! one at a time, so `beacon check` can report every broken file in one run. Byte offsets are
//! kept while parsing and turned into line:column only here.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One problem in one input file, located to the character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user knows it: relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What is wrong and what was expected.
    pub message: String,
    /// The offending line, without its line ending; empty when the file has no such line.
    pub source_line: String,
    /// How many characters of `source_line` to underline (at least 1).
    pub underline: usize,
}

impl Diagnostic {
    /// `Ok` when `text`, found at byte `offset` of `file_text`, nests no deeper than
    /// [`crate::nesting::check`] allows for `syntax`; else the diagnostic at the first spot too
    /// deep. Every recursive parser of user input is called only after this.
    pub fn check_nesting(
        path: &Path,
        file_text: &str,
        offset: usize,
        text: &str,
        syntax: crate::nesting::Syntax,
    ) -> std::result::Result<(), Diagnostic> {
        crate::nesting::check(text, syntax).map_err(|deep| {
            let at = offset + deep.offset;
            Diagnostic::at(path, file_text, at..at + 1, deep.message())
        })
    }

    /// A diagnostic for the bytes `span` of `source` (the whole file's text).
    pub fn at(path: &Path, source: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        let start = clamp_to_char_boundary(source, span.start);
        let end = clamp_to_char_boundary(source, span.end.max(start));
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i);
        let line = source[..start].matches('\n').count() + 1;
        let column = source[line_start..start].chars().count() + 1;
        let source_line = source[line_start..line_end].trim_end_matches('\r').to_string();
        let underline = source[start..end.min(line_end)]
            .trim_end_matches('\r')
            .chars()
            .count()
            .max(1);
        Diagnostic {
            path: path.to_path_buf(),
            line,
            column,
            message: message.into(),
            source_line,
            underline,
        }
    }

    /// A diagnostic about a file as a whole (it is empty, unreadable, ...): line 1, column 1.
    pub fn file(path: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: message.into(),
            source_line: String::new(),
            underline: 1,
        }
    }
}

/// How many characters of a source line a diagnostic shows at most.
const SHOWN_LINE: usize = 160;

fn clamp_to_char_boundary(source: &str, mut offset: usize) -> usize {
    offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// `path:line:column: message`, then the offending line with a caret under the spot.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )?;
        if !self.source_line.is_empty() {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            // A long line (a minified file, a megabyte on one line) is shown as a window
            // around the spot, so one diagnostic stays a few lines long.
            let chars: Vec<char> = self.source_line.chars().collect();
            let spot = self.column.saturating_sub(1).min(chars.len());
            let first = if chars.len() > SHOWN_LINE {
                spot.saturating_sub(SHOWN_LINE / 3)
            } else {
                0
            };
            let last = (first + SHOWN_LINE).min(chars.len());
            let before = if first > 0 { "…" } else { "" };
            let after = if last < chars.len() { "…" } else { "" };
            let shown: String = chars[first..last].iter().collect();
            let lead: String = before
                .chars()
                .chain(chars[first..spot].iter().copied())
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let underline = self.underline.min(last.saturating_sub(spot)).max(1);
            write!(
                f,
                "\n {number} | {before}{shown}{after}\n {pad} | {lead}{}",
                "^".repeat(underline)
            )?;
        }
        Ok(())
    }
}

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The site's content or config has problems; each is located in its file.
    #[error("{} found", crate::wording::count(.0.len(), "problem", "problems"))]
    Content(Vec<Diagnostic>),
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The command line asked for something that cannot be done.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// Exit status per the contract: 1 for content errors, 2 for usage and I/O errors.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Content(_) => 1,
            Error::Io { .. } | Error::Usage(_) => 2,
        }
    }
}

impl From<Vec<Diagnostic>> for Error {
    fn from(diagnostics: Vec<Diagnostic>) -> Self {
        Error::Content(diagnostics)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Rewrites serde's "unknown field `x`, expected one of ..." and "unknown variant" messages
/// so they suggest the closest known name, as a user who mistyped a key needs.
pub fn with_suggestion(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("missing field `") {
        return format!("missing required key `{}", rest);
    }
    let (kind, rest) = if let Some(rest) = message.strip_prefix("unknown field `") {
        ("key", rest)
    } else if let Some(rest) = message.strip_prefix("unknown variant `") {
        ("value", rest)
    } else {
        return message.to_string();
    };
    let Some((unknown, expected)) = rest.split_once('`') else {
        return message.to_string();
    };
    let candidates: Vec<&str> = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|c| !c.is_empty())
        .collect();
    let expected_list = candidates
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut out = format!("unknown {kind} `{unknown}`");
    if let Some(best) = closest(unknown, candidates.iter().copied()) {
        out.push_str(&format!("; did you mean `{best}`?"));
    }
    if candidates.is_empty() {
        out.push_str("; no keys are allowed here");
    } else {
        out.push_str(&format!(" (expected one of {expected_list})"));
    }
    out
}

/// The candidate closest to `wanted`, if any is close enough to be a plausible typo.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wanted, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// Each diagnostic as `line:column message`, for tests that check where problems are reported.
#[cfg(test)]
pub(crate) fn located(problems: &[Diagnostic]) -> Vec<String> {
    problems
        .iter()
        .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_spot() {
        let line = format!("{}X{}", "a".repeat(100_000), "b".repeat(100_000));
        let d = Diagnostic::at(Path::new("f"), &line, 100_000..100_001, "here");
        let shown = d.to_string();
        assert!(shown.len() < 1000, "{}", shown.len());
        let lines: Vec<&str> = shown.lines().collect();
        let caret = lines[2].find('^').unwrap();
        assert_eq!(lines[1].chars().nth(lines[2][..caret].chars().count()), Some('X'));
        let short = Diagnostic::at(Path::new("f"), "ab\tX", 3..4, "here").to_string();
        assert!(short.ends_with(" 1 | ab\tX\n   |   \t^"), "{short:?}");
    }

    #[test]
    fn line_and_column_count_characters_and_ignore_crlf() {
        let source = "a = 1\r\ntitle = \"é\" x\r\n";
        let at = source.find('x').unwrap();
        let d = Diagnostic::at(Path::new("f.md"), source, at..at + 1, "bad");
        assert_eq!((d.line, d.column), (2, 13));
        assert_eq!(d.source_line, "title = \"é\" x");
        assert_eq!(
            d.to_string(),
            "f.md:2:13: bad\n 2 | title = \"é\" x\n   |             ^"
        );
    }

    #[test]
    fn unknown_field_gets_a_suggestion() {
        let m = with_suggestion("unknown field `titel`, expected one of `title`, `date`");
        assert_eq!(
            m,
            "unknown key `titel`; did you mean `title`? (expected one of `title`, `date`)"
        );
        let m = with_suggestion("unknown variant `majr`, expected one of `notice`, `major`");
        assert!(m.contains("did you mean `major`?"), "{m}");
    }

    #[test]
    fn far_names_get_no_suggestion() {
        assert_eq!(closest("zzz", ["title", "date"]), None);
    }
}
