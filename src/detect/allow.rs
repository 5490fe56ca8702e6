//! Inline allow markers: a comment such as `# forcescan:allow` on a secret's line or the line
//! before says a person has looked at it. Detection reads the marker while the bytes are at hand
//! (also in streams, whose buffers are gone by the time findings are reported) and records it in
//! [`Finding::allowed_inline`](super::Finding::allowed_inline); the results step honours and counts
//! it with the other suppressions.

/// Comments that allow a finding on their line or the next. Other scanners' spellings are honoured
/// so a repository that already marked its fixtures for them needs no second set of comments.
pub(crate) const INLINE_MARKERS: &[&str] =
    &["forcescan:allow", "gitleaks:allow", "pragma: allowlist secret", "trufflehog:ignore", "kingfisher:ignore"];

/// Whether the line holding byte `at` of `buf`, or the line before it, carries an allow marker.
/// Only those two lines are searched, so it costs nothing measurable even on huge files.
pub(crate) fn inline_allowed(buf: &[u8], at: usize) -> bool {
    let at = at.min(buf.len());
    let line_start = memchr::memrchr(b'\n', &buf[..at]).map_or(0, |i| i + 1);
    let line_end = memchr::memchr(b'\n', &buf[at..]).map_or(buf.len(), |i| at + i);
    let prev_start = match line_start {
        0 => 0,
        s => memchr::memrchr(b'\n', &buf[..s - 1]).map_or(0, |i| i + 1),
    };
    let hay = &buf[prev_start..line_end];
    INLINE_MARKERS.iter().any(|m| memchr::memmem::find(hay, m.as_bytes()).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_count_on_the_line_and_the_line_before_only() {
        let text = b"a\n# forcescan:allow\nkey=SECRET\nnext\n";
        let at = memchr::memmem::find(text, b"SECRET").unwrap();
        assert!(inline_allowed(text, at));
        let text = b"# forcescan:allow\nfiller\nkey=SECRET\n";
        let at = memchr::memmem::find(text, b"SECRET").unwrap();
        assert!(!inline_allowed(text, at));
        let text = b"key=SECRET # pragma: allowlist secret";
        assert!(inline_allowed(text, 4));
        assert!(!inline_allowed(b"key=SECRET\n# gitleaks:allow\n", 4));
        assert!(!inline_allowed(b"", 0));
    }
}
