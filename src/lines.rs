//! Byte offset → (line, column) through a per-file index of line starts.
//!
//! A line ends at `\n`, `\r\n` or a lone `\r` (old Mac files), as in editors and in the
//! ECMAScript grammar; every count and position in monodup goes through these functions.

pub struct LineIndex {
    starts: Vec<u32>,
    len: u32,
}

/// Byte offsets just past each line break of `bytes` (`\r\n` is one break).
fn breaks(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(move |&i| !(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n')))
        .map(|i| i + 1)
}

/// 1-based line of byte offset `offset` in `bytes`.
pub fn line_at(bytes: &[u8], offset: usize) -> u32 {
    // The whole text is scanned for breaks (a `\r` right before `offset` may pair with the
    // `\n` at it); a break that ends at `offset` starts the line `offset` is on.
    1 + breaks(bytes).take_while(|&end| end <= offset).count() as u32
}

/// The lines of `text` without their breaks, `\r` alone included.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let t = rest?;
        match t.find(['\n', '\r']) {
            Some(i) => {
                let skip = if t[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&t[i + skip..]).filter(|r| !r.is_empty());
                Some(&t[..i])
            }
            None => {
                rest = None;
                Some(t)
            }
        }
    })
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        starts.extend(breaks(bytes).map(|i| i as u32));
        LineIndex { starts, len: text.len() as u32 }
    }

    pub fn starts(&self) -> &[u32] {
        &self.starts
    }

    /// Physical lines: a final line without a newline counts, an empty tail does not.
    pub fn line_count(&self) -> u32 {
        let n = self.starts.len() as u32;
        if self.starts.last() == Some(&self.len) {
            n - 1
        } else {
            n
        }
    }

    /// Byte offset where 1-based `line` starts (the end of the text past the last line).
    pub fn line_start(&self, line: u32) -> u32 {
        self.starts.get(line as usize - 1).copied().unwrap_or(self.len)
    }

    /// 1-based line and column of a byte offset.
    pub fn position(&self, offset: u32) -> (u32, u32) {
        // An offset at the very end (an error at EOF) belongs to the last real line.
        let offset = offset.min(self.len.saturating_sub(1));
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let col = offset.saturating_sub(self.starts[line - 1]) + 1;
        (line as u32, col)
    }
}

#[cfg(test)]
mod tests {
    use super::{line_at, split_lines, LineIndex};

    #[test]
    fn positions_and_counts() {
        let idx = LineIndex::new("ab\ncd\n");
        assert_eq!(idx.line_count(), 2);
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(3), (2, 1));
        assert_eq!(idx.position(4), (2, 2));
        assert_eq!(LineIndex::new("a\nb").line_count(), 2);
        assert_eq!(LineIndex::new("").line_count(), 0);
    }

    #[test]
    fn cr_only_and_crlf_files_count_their_lines() {
        for (text, lines) in [("a\rb\rc\r", 3), ("a\r\nb\r\nc", 3), ("a\r\rb", 3), ("a\r\n\nb\r", 3)] {
            assert_eq!(LineIndex::new(text).line_count(), lines, "{text:?}");
            assert_eq!(split_lines(text).count() as u32, lines, "{text:?}");
        }
        let idx = LineIndex::new("ab\rcd\r\nef");
        assert_eq!(idx.position(3), (2, 1));
        assert_eq!(idx.position(5), (2, 3));
        assert_eq!(idx.position(7), (3, 1));
        assert_eq!(line_at(b"ab\rcd\r\nef", 7), 3);
        assert_eq!(line_at(b"ab\r\nef", 3), 1);
        assert_eq!(split_lines("a\r\nb\rc\n").collect::<Vec<_>>(), ["a", "b", "c"]);
    }
}
