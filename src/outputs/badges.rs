//! `badge.svg` (overall status) and `components/<id>/badge.svg`: two-part status badges in the
//! usual style (grey label, coloured value), with `role="img"`, an `aria-label` and a `<title>`
//! for screen readers. Written with quick-xml so every name is escaped.
//!
//! Text widths are estimated (no font metrics at build time): about 7 px per character of
//! 11 px Verdana, wider for East Asian characters, which is what badge services do too.

use std::io;

use quick_xml::events::BytesText;
use quick_xml::Writer;

use super::published::xml_safe;
use crate::context::BuildContext;
use crate::error::{Error, Result};
use crate::i18n::I18n;
use crate::output::OutputFile;
use crate::status::ComponentStatus;

pub fn render(ctx: &BuildContext) -> Result<Vec<OutputFile>> {
    let i18n = &ctx.i18n;
    let mut files = vec![badge_file(
        i18n,
        "badge.svg",
        i18n.text("badge-label"),
        ctx.report.overall,
    )?];
    for component in &ctx.site.config.components {
        let status = ctx
            .report
            .component(&component.id)
            .map_or(ComponentStatus::Operational, |c| c.status);
        files.push(badge_file(
            i18n,
            &format!("components/{}/badge.svg", component.id),
            &component.name,
            status,
        )?);
    }
    Ok(files)
}

fn badge_file(i18n: &I18n, path: &str, label: &str, status: ComponentStatus) -> Result<OutputFile> {
    let bytes = render_badge(label, i18n.badge(status), i18n.status(status), status)
        .map_err(|e| Error::io(path, e))?;
    Ok(OutputFile::new(path, bytes))
}

/// Background colour of the value part. Each gives white text a contrast of at least 4.5:1.
fn colour(status: ComponentStatus) -> &'static str {
    match status {
        ComponentStatus::NoData => "#57606a",
        ComponentStatus::Operational => "#1a7f37",
        ComponentStatus::UnderMaintenance => "#0969da",
        ComponentStatus::DegradedPerformance => "#9a6700",
        ComponentStatus::PartialOutage => "#bc4c00",
        ComponentStatus::MajorOutage => "#cf222e",
    }
}

/// Estimated width in pixels of `text` at 11 px.
fn text_width(text: &str) -> u32 {
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 4,
            'm' | 'w' | 'M' | 'W' | '@' => 10,
            c if c.is_ascii_uppercase() => 8,
            c if c.is_ascii() => 7,
            // CJK, Hangul, kana and other wide scripts.
            '\u{1100}'..='\u{115F}'
            | '\u{2E80}'..='\u{A4CF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{F900}'..='\u{FAFF}' => 12,
            _ => 8,
        })
        .sum()
}

/// `value` is what the badge shows (`operational`), `words` what a screen reader says
/// (`Operational`), both in the site's language.
fn render_badge(label: &str, value: &str, words: &str, status: ComponentStatus) -> io::Result<Vec<u8>> {
    let label = xml_safe(label);
    let value = xml_safe(value);
    let pad = 6;
    let left = text_width(&label) + 2 * pad;
    let right = text_width(&value) + 2 * pad;
    let width = left + right;
    let title = format!("{label}: {words}");
    let mut w = Writer::new(Vec::new());
    w.create_element("svg")
        .with_attributes([
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", &width.to_string()),
            ("height", "20"),
            ("viewBox", &format!("0 0 {width} 20")),
            ("role", "img"),
            ("aria-label", &title),
        ])
        .write_inner_content(|w| {
            w.create_element("title")
                .write_text_content(BytesText::new(&title))?;
            let rect = |w: &mut Writer<Vec<u8>>, x: u32, width: u32, fill: &str| {
                w.create_element("rect")
                    .with_attributes([
                        ("x", x.to_string().as_str()),
                        ("width", &width.to_string()),
                        ("height", "20"),
                        ("fill", fill),
                    ])
                    .write_empty()
                    .map(|_| ())
            };
            rect(w, 0, left, "#555")?;
            rect(w, left, right, colour(status))?;
            w.create_element("g")
                .with_attributes([
                    ("fill", "#fff"),
                    ("font-family", "Verdana,DejaVu Sans,sans-serif"),
                    ("font-size", "11"),
                    ("text-anchor", "middle"),
                    ("aria-hidden", "true"),
                ])
                .write_inner_content(|w| {
                    for (x, text) in [(left / 2, label.as_ref()), (left + right / 2, value.as_ref())] {
                        w.create_element("text")
                            .with_attributes([("x", x.to_string().as_str()), ("y", "14")])
                            .write_text_content(BytesText::new(text))?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}
