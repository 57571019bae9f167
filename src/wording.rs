//! How beacon words counts in what it prints: one rule, so no message says "1 incidents".

/// `n` followed by the singular or the plural: "1 file", "0 files", "2 files".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_every_other_number_plural() {
        assert_eq!(count(1, "incident", "incidents"), "1 incident");
        assert_eq!(count(0, "incident", "incidents"), "0 incidents");
        assert_eq!(count(21, "file", "files"), "21 files");
    }
}
