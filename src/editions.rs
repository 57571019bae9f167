//! The language editions of a site: which codes are well formed, where each language's edition
//! lives in the output, and what a language is called in itself (for the switcher).
//!
//! A multilingual site (`languages = ["en", "fr"]`) is built once per language: the first is
//! the default, at the root of the output; every other one under `<code>/`. Each edition is an
//! ordinary build of a [`crate::content::Site`] whose texts are that language's (see
//! [`crate::content::Site::in_language`]).

/// A language code as beacon accepts it: a BCP 47 tag of a primary language subtag of 2 or 3
/// lowercase letters and optional subtags of 2 to 8 letters or digits (`en`, `fr`, `pt-BR`,
/// `zh-Hans`). It names a folder of the output and a file suffix (`slug.fr.md`), so nothing
/// else (no `_`, `.`, `/` or spaces) gets in.
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// `code` in the usual case of BCP 47 (`fr-CA`, `zh-Hans`), for suggestions to users who wrote
/// `FR-ca`: the language lowercase, a region uppercase, a script title-case.
pub fn canonical_case(code: &str) -> String {
    code.split('-')
        .enumerate()
        .map(|(i, part)| match (i, part.len()) {
            (0, _) => part.to_ascii_lowercase(),
            (_, 2) => part.to_ascii_uppercase(),
            (_, 4) => part[..1].to_ascii_uppercase() + &part[1..].to_ascii_lowercase(),
            _ => part.to_ascii_lowercase(),
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// The folder of `code`'s edition inside the output, with its `/`: empty for the default
/// language (the first of `languages`), `fr/` for another.
pub fn edition_prefix(languages: &[String], code: &str) -> String {
    if languages.first().is_none_or(|first| first == code) {
        String::new()
    } else {
        format!("{code}/")
    }
}

/// What `code` is called in itself ("English", "Français", "العربية"), from the ISO 639 /
/// CLDR autonyms of the `isolang` crate, first letter capitalised as a menu entry is; the code
/// itself when the crate does not know the language.
pub fn endonym(code: &str) -> String {
    let primary = code.split('-').next().unwrap_or(code);
    let Some(name) = isolang::Language::from_639_1(primary)
        .or_else(|| isolang::Language::from_639_3(primary))
        .and_then(|l| l.to_autonym())
    else {
        return code.to_string();
    };
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_bcp47_shaped_and_safe_as_folder_names() {
        for good in ["en", "fr", "ast", "pt-BR", "zh-Hans", "es-419"] {
            assert!(is_language_code(good), "{good}");
        }
        for bad in [
            "", "e", "EN", "english", "en_US", "fr/", "../x", "en-", "en.x", "f r",
        ] {
            assert!(!is_language_code(bad), "{bad}");
        }
    }

    #[test]
    fn endonyms_name_each_shipped_language_in_itself() {
        let names: Vec<String> = ["en", "fr", "es", "de", "pt", "it", "nl", "ja", "zh", "ar"]
            .into_iter()
            .map(endonym)
            .collect();
        assert_eq!(
            names,
            [
                "English",
                "Français",
                "Español",
                "Deutsch",
                "Português",
                "Italiano",
                "Nederlands",
                "日本語",
                "中文",
                "العربية"
            ]
        );
        assert_eq!(endonym("pt-BR"), "Português");
        assert_eq!(endonym("qq"), "qq");
    }

    #[test]
    fn the_default_language_is_at_the_root() {
        let languages = ["en".to_string(), "fr".to_string()];
        assert_eq!(edition_prefix(&languages, "en"), "");
        assert_eq!(edition_prefix(&languages, "fr"), "fr/");
    }

    #[test]
    fn canonical_case_is_bcp47_usual_case() {
        assert_eq!(canonical_case("FR"), "fr");
        assert_eq!(canonical_case("fr-ca"), "fr-CA");
        assert_eq!(canonical_case("ZH-HANS"), "zh-Hans");
        assert_eq!(canonical_case("es-419"), "es-419");
    }
}
