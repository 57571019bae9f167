//! `embed.js`: the script another site includes to show a banner while this site reports
//! trouble or maintenance (see docs/subscribing.md). One copy per language edition, with that
//! edition's words and the way from it to the API (which exists once, at the site root) written
//! in, so the script reads `api/v2/summary.json` relative to its own URL and never needs the
//! host page to say where the status page is.

use crate::context::BuildContext;
use crate::error::Result;
use crate::output::OutputFile;

/// The script, with `/*WORDS*/{}` and `/*API*/"api/v2/summary.json"` to fill in.
const SCRIPT: &str = include_str!("embed.js");

pub const PATH: &str = crate::output::EMBED_JS;

pub fn render(ctx: &BuildContext) -> Result<Vec<OutputFile>> {
    let up = "../".repeat(ctx.edition_prefix.matches('/').count());
    let api = serde_json::to_string(&format!("{up}api/v2/summary.json")).expect("a string serialises");
    let words = words(ctx);
    let script =
        SCRIPT
            .replacen("/*WORDS*/{}", &words, 1)
            .replacen("/*API*/\"api/v2/summary.json\"", &api, 1);
    Ok(vec![OutputFile::new(PATH, script.into_bytes())])
}

/// The words the banner shows, in this edition's language, as a JSON object: the headline for
/// each Statuspage indicator, the link, the dismiss button's name, the banner's own name, and
/// its language and direction. `<` is escaped so no text can close a script element.
fn words(ctx: &BuildContext) -> String {
    use crate::status::ComponentStatus as S;
    let i18n = &ctx.i18n;
    let words = serde_json::json!({
        "minor": i18n.banner(S::DegradedPerformance),
        "major": i18n.banner(S::PartialOutage),
        "critical": i18n.banner(S::MajorOutage),
        "maintenance": i18n.banner(S::UnderMaintenance),
        "link": i18n.text("embed-link"),
        "dismiss": i18n.text("embed-dismiss"),
        "label": i18n.text("embed-label"),
        "lang": i18n.tag(),
        "dir": i18n.dir(),
    });
    words.to_string().replace('<', "\\u003c")
}
