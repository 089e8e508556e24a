//! Byte offset → (line, column) through a per-file index of line starts.

pub struct LineIndex {
    starts: Vec<u32>,
    len: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i as u32 + 1));
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
    use super::LineIndex;

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
}
