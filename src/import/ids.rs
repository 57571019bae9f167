//! Ids and slugs made from names: readable ASCII (`Zürich DNS` → `zurich-dns`, `東京` →
//! `dong-jing`), the same for the same name on every run, and unique within a site.

use std::collections::BTreeSet;

use crate::slug::slugify;

/// Hands out ids that are unique: the first `foo` is `foo`, the next `foo-2`, then `foo-3`.
/// Callers feed names in a fixed order, so the same input always gets the same ids.
#[derive(Debug, Default)]
pub struct UniqueIds {
    taken: BTreeSet<String>,
}

impl UniqueIds {
    /// A unique id for `name`; `fallback` stands in when the name has no readable character.
    pub fn claim(&mut self, name: &str, fallback: &str) -> String {
        let mut base = slugify(name);
        if base.is_empty() {
            base = slugify(fallback);
        }
        if base.is_empty() {
            base = "item".into();
        }
        // A name `check` would refuse as a folder name: cut at a word boundary, leaving room
        // for `-<n>`; a device name gets a word added.
        let room = crate::slug::MAX_NAME_LEN - 8;
        if base.len() > room {
            let cut = base[..=room].rfind('-').filter(|c| *c > 0).unwrap_or(room);
            base.truncate(cut);
        }
        if crate::slug::output_name_problem(&base).is_some() {
            base.push_str("-item");
        }
        let mut id = base.clone();
        let mut n = 2;
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_names_every_file_system_takes() {
        let mut ids = UniqueIds::default();
        let long = ids.claim(&"word ".repeat(100), "x");
        assert!(
            long.len() <= crate::slug::MAX_NAME_LEN - 8 && long.ends_with("word"),
            "{long}"
        );
        assert_eq!(ids.claim("NUL", "x"), "nul-item");
        assert_eq!(ids.claim("Con", "x"), "con-item");
        assert_eq!(ids.claim(&"word ".repeat(100), "x"), format!("{long}-2"));
    }

    #[test]
    fn repeated_names_get_numbered_ids_in_order() {
        let mut ids = UniqueIds::default();
        assert_eq!(ids.claim("API", "x"), "api");
        assert_eq!(ids.claim("Api", "x"), "api-2");
        assert_eq!(ids.claim("api!", "x"), "api-3");
        assert_eq!(ids.claim("★", "system 4"), "system-4");
        assert_eq!(ids.claim("★", ""), "item");
    }
}
