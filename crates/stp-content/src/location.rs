//! Finding the line a YAML or TOML key sits on, so that errors can point at it.

/// The 1-based line of the first `key:` (YAML) or `key =` (TOML) at any indentation in
/// `text`, counted from `first_line`. Falls back to `first_line` when the key is absent.
pub fn line_of_key(text: &str, key: &str, first_line: usize) -> usize {
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start().trim_start_matches("- ");
        if let Some(rest) = t.strip_prefix(key) {
            let rest = rest.trim_start();
            if rest.starts_with(':') || rest.starts_with('=') {
                return first_line + i;
            }
        }
    }
    first_line
}

/// The 1-based line of byte `offset` in `text` (the workflow layer's, below this one).
pub use stp_workflow::line_of_offset;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_and_list_keys() {
        let text = "title: a\ndocument:\n  number: 1\n- date: x\n";
        assert_eq!(line_of_key(text, "number", 2), 4);
        assert_eq!(line_of_key(text, "date", 2), 5);
        assert_eq!(line_of_key(text, "absent", 2), 2);
    }

    #[test]
    fn offset_to_line() {
        assert_eq!(line_of_offset("a\nb\nc", 0), 1);
        assert_eq!(line_of_offset("a\nb\nc", 4), 3);
    }
}
