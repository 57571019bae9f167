//! The shipped catalogues, and which one a `language` tag of config.toml speaks.
//!
//! A tag picks the catalogue of its language subtag: `fr-CA` speaks `fr` and keeps `fr-CA` for
//! `<html lang>`, the feeds and CLDR's regional formats (dates, clocks). Chinese is the one
//! language with two scripts: beacon ships Simplified Chinese as `zh-Hans`, which `zh`, `zh-CN`,
//! `zh-SG` and `zh-Hans-*` also pick; Traditional Chinese (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`)
//! is not shipped and is an error rather than a silent fall-back to the other script.

use std::str::FromStr;

use unic_langid::LanguageIdentifier;

/// One shipped catalogue.
#[derive(Debug)]
pub struct Shipped {
    /// The catalogue's code: `locales/<code>.ftl`, and `i18n/<code>.ftl` in a site.
    pub code: &'static str,
    /// The language's English name, for messages and a suggestion when a name is written.
    pub name: &'static str,
    pub ftl: &'static str,
}

macro_rules! shipped {
    ($($code:literal: $name:literal),* $(,)?) => {
        &[$(Shipped {
            code: $code,
            name: $name,
            ftl: include_str!(concat!("../locales/", $code, ".ftl")),
        }),*]
    };
}

/// Every shipped catalogue; English is the reference the others are checked against.
pub const SHIPPED: &[Shipped] = shipped![
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "de": "German",
    "pt": "Portuguese",
    "it": "Italian",
    "nl": "Dutch",
    "ja": "Japanese",
    "zh-Hans": "Simplified Chinese",
    "ar": "Arabic",
];

/// The reference catalogue (English).
pub fn reference() -> &'static Shipped {
    &SHIPPED[0]
}

/// A `language` value that names a shipped catalogue.
#[derive(Debug, Clone)]
pub struct Language {
    /// The tag as written, in canonical case (`fr-ca` -> `fr-CA`): `<html lang>`, feeds, CLDR.
    pub tag: String,
    pub id: LanguageIdentifier,
    pub shipped: &'static Shipped,
}

/// The catalogue `tag` speaks, or why none does (with a suggestion where one is close).
pub fn resolve(tag: &str) -> Result<Language, String> {
    let shipped_list = || {
        SHIPPED
            .iter()
            .map(|s| format!("`{}` ({})", s.code, s.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let id = LanguageIdentifier::from_str(tag.trim()).map_err(|_| {
        format!(
            "`{tag}` is not a language tag{} (expected a BCP 47 tag such as \"fr\" or \"pt-BR\"; shipped: {})",
            suggestion(tag).map_or_else(String::new, |s| format!("; did you mean `{s}`?")),
            shipped_list()
        )
    })?;
    let language = id.language.as_str();
    let code = if language == "zh" {
        let traditional = id.script.is_some_and(|s| s.as_str() == "Hant")
            || (id.script.is_none()
                && id
                    .region
                    .is_some_and(|r| matches!(r.as_str(), "TW" | "HK" | "MO")));
        if traditional {
            return Err(format!(
                "`{tag}` is Traditional Chinese, which beacon does not ship; Simplified Chinese is `zh-Hans` (or add a catalogue, see docs/i18n.md)"
            ));
        }
        "zh-Hans"
    } else {
        language
    };
    match SHIPPED.iter().find(|s| s.code == code) {
        Some(shipped) => Ok(Language {
            tag: id.to_string(),
            id,
            shipped,
        }),
        None => Err(format!(
            "unknown language `{tag}`{}: beacon ships {}",
            suggestion(tag).map_or_else(String::new, |s| format!(" (did you mean `{s}`?)")),
            shipped_list()
        )),
    }
}

/// A shipped code close to what was written: a language name (`french`), a country code often
/// taken for a language (`jp`, `cn`), or a code one or two letters away.
fn suggestion(written: &str) -> Option<&'static str> {
    let lower = written.trim().to_ascii_lowercase();
    let first = lower.split(['-', '_']).next().unwrap_or_default();
    if let Some(s) = SHIPPED.iter().find(|s| {
        s.name.to_ascii_lowercase() == lower || s.name.to_ascii_lowercase().ends_with(&format!(" {lower}"))
    }) {
        return Some(s.code);
    }
    let by_country = match first {
        "jp" => Some("ja"),
        "cn" | "chinese" => Some("zh-Hans"),
        "sp" | "esp" => Some("es"),
        "ger" | "deu" => Some("de"),
        "fra" | "fre" => Some("fr"),
        "br" | "por" => Some("pt"),
        "ita" => Some("it"),
        "nld" | "dut" => Some("nl"),
        "ara" | "sa" | "eg" => Some("ar"),
        "eng" | "us" | "uk" | "gb" => Some("en"),
        _ => None,
    };
    by_country.or_else(|| crate::error::closest(&lower, SHIPPED.iter().map(|s| s.code)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_subtags_fall_back_to_the_language_and_keep_the_tag() {
        let fr = resolve("fr-ca").unwrap();
        assert_eq!((fr.tag.as_str(), fr.shipped.code), ("fr-CA", "fr"));
        for tag in ["zh", "zh-CN", "zh-Hans", "zh-Hans-SG", "zh-SG"] {
            assert_eq!(resolve(tag).unwrap().shipped.code, "zh-Hans", "{tag}");
        }
        assert_eq!(resolve("pt-BR").unwrap().shipped.code, "pt");
    }

    #[test]
    fn unknown_languages_name_the_shipped_ones_and_suggest() {
        let error = resolve("jp").unwrap_err();
        assert!(error.contains("did you mean `ja`?"), "{error}");
        assert!(error.contains("`ar` (Arabic)"), "{error}");
        assert!(resolve("french").unwrap_err().contains("did you mean `fr`?"));
        assert!(resolve("zh-TW").unwrap_err().contains("Traditional Chinese"));
        assert!(resolve("sv").is_err());
    }
}
