//! The one way beacon makes `[a-z0-9-]` words of a name or title, for file names, URLs and ids:
//! `new` names an incident file with it, and `import` makes component ids and slugs with it.
//! Every script is transliterated by `deunicode` (`Zürich` → `zurich`, `東京` → `dong-jing`),
//! so the same text gives the same words on every run and every machine.

/// `text` as lowercase ASCII words joined by `-`. Apostrophes vanish (`can't` → `cant`); any
/// other character that is not a letter or digit separates words. Empty when nothing readable
/// is left (a name of only symbols).
pub fn slugify(text: &str) -> String {
    let without_apostrophes: String = text.chars().filter(|c| !matches!(c, '\'' | '\u{2019}')).collect();
    let ascii = deunicode::deunicode(&without_apostrophes).to_ascii_lowercase();
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The longest slug or component id, in characters (ASCII: bytes). Each becomes a folder name
/// in the output (`incidents/<slug>/`, `components/<id>/`) and, for a slug, a file name in the
/// site (`<slug>.md`, with an editor's or beacon's temporary name around it); file systems
/// allow 255 bytes per name, so 100 leaves room on every one of them.
pub const MAX_NAME_LEN: usize = 100;

/// Names Windows keeps for devices, in any case and with any extension: a folder or file
/// named so cannot be created, copied or served there (and a site is often deployed from a
/// Windows machine, or served from one).
const RESERVED_ON_WINDOWS: &[&str] = &[
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Why `name` (a slug or component id, already `[a-z0-9-]`) cannot be a file or folder name on
/// every host beacon's output goes to; `None` when it can. `check` reports it, so a site that
/// passes `check` does not fail to build or deploy for a name.
pub fn output_name_problem(name: &str) -> Option<String> {
    if name.len() > MAX_NAME_LEN {
        return Some(format!(
            "is {} characters long; it names a folder of the output, and beacon takes at most \
             {MAX_NAME_LEN} (file systems allow 255 bytes per name)",
            name.len()
        ));
    }
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    if RESERVED_ON_WINDOWS.contains(&stem.as_str()) {
        return Some(format!(
            "`{name}` is a device name on Windows, where no file or folder can have it; \
             choose another"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn every_script_folds_to_ascii_words() {
        let cases = [
            (
                "Email unavailable for mobile users",
                "email-unavailable-for-mobile-users",
            ),
            ("  Can't log in: VPN (Europe) ", "cant-log-in-vpn-europe"),
            ("Dégradation du réseau à Zürich", "degradation-du-reseau-a-zurich"),
            ("Straße & Œuvre", "strasse-oeuvre"),
            ("SSPR 2.0 — down", "sspr-2-0-down"),
            ("Media Proxy", "media-proxy"),
            ("Почта", "pochta"),
            ("東京", "dong-jing"),
            ("2018-11-21_networking-issues", "2018-11-21-networking-issues"),
            ("  --API--  ", "api"),
            ("★", ""),
        ];
        for (text, slug) in cases {
            assert_eq!(slugify(text), slug, "{text}");
        }
    }
}
