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
