//! Line ranges and sets of them: how much of a file clones cover, which lines a baseline
//! already knows, which lines changed since a ref. Lines are 1-based and ranges inclusive.

/// Lines `start..=end` of a file; empty when `end < start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineRange {
    pub start: u32,
    pub end: u32,
}

impl LineRange {
    pub fn new(start: u32, end: u32) -> LineRange {
        LineRange { start, end }
    }

    pub fn is_empty(self) -> bool {
        self.end < self.start
    }

    /// Lines in the range.
    pub fn len(self) -> u32 {
        if self.is_empty() {
            0
        } else {
            // 1..=u32::MAX holds u32::MAX lines; line 0 does not exist.
            (self.end - self.start).saturating_add(1)
        }
    }

    pub fn overlaps(self, other: LineRange) -> bool {
        !self.is_empty() && !other.is_empty() && self.start <= other.end && other.start <= self.end
    }
}

/// A set of lines, kept as sorted ranges that neither overlap nor touch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineSet {
    ranges: Vec<LineRange>,
}

impl LineSet {
    /// The merged ranges, sorted.
    pub fn ranges(&self) -> &[LineRange] {
        &self.ranges
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Lines in the set, each counted once.
    pub fn lines(&self) -> u32 {
        self.ranges.iter().map(|r| r.len()).fold(0, u32::saturating_add)
    }

    /// Whether every line of `r` is in the set (an empty `r` is not).
    pub fn covers(&self, r: LineRange) -> bool {
        !r.is_empty() && self.holder(r.start).is_some_and(|h| r.end <= h.end)
    }

    /// Whether some line of `r` is in the set.
    pub fn overlaps(&self, r: LineRange) -> bool {
        if r.is_empty() {
            return false;
        }
        // The first range ending at or after `r.start` is the only candidate.
        let i = self.ranges.partition_point(|x| x.end < r.start);
        self.ranges.get(i).is_some_and(|x| x.start <= r.end)
    }

    fn holder(&self, line: u32) -> Option<LineRange> {
        let i = self.ranges.partition_point(|x| x.end < line);
        self.ranges.get(i).copied().filter(|x| x.start <= line)
    }
}

impl FromIterator<LineRange> for LineSet {
    fn from_iter<I: IntoIterator<Item = LineRange>>(iter: I) -> Self {
        let mut all: Vec<LineRange> = iter.into_iter().filter(|r| !r.is_empty()).collect();
        all.sort_unstable();
        let mut ranges: Vec<LineRange> = Vec::with_capacity(all.len());
        for r in all {
            match ranges.last_mut() {
                // Overlapping or adjacent (`end + 1 == start`, without overflowing at u32::MAX).
                Some(last) if r.start <= last.end.saturating_add(1) => last.end = last.end.max(r.end),
                _ => ranges.push(r),
            }
        }
        LineSet { ranges }
    }
}

impl FromIterator<(u32, u32)> for LineSet {
    fn from_iter<I: IntoIterator<Item = (u32, u32)>>(iter: I) -> Self {
        iter.into_iter().map(|(s, e)| LineRange::new(s, e)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(r: &[(u32, u32)]) -> LineSet {
        r.iter().copied().collect()
    }

    fn r(s: u32, e: u32) -> LineRange {
        LineRange::new(s, e)
    }

    #[test]
    fn empty_set_holds_nothing() {
        let s = set(&[]);
        assert!(s.is_empty());
        assert_eq!(s.lines(), 0);
        assert!(!s.covers(r(1, 1)));
        assert!(!s.overlaps(r(1, u32::MAX)));
    }

    #[test]
    fn empty_ranges_are_left_out() {
        let s = set(&[(5, 3), (2, 2)]);
        assert_eq!(s.ranges(), [r(2, 2)]);
        assert_eq!(s.lines(), 1);
        assert!(!s.covers(r(3, 2)));
        assert!(!s.overlaps(r(3, 1)));
        assert_eq!(r(5, 3).len(), 0);
    }

    #[test]
    fn overlapping_ranges_merge_and_count_once() {
        let s = set(&[(3, 8), (1, 5), (10, 10)]);
        assert_eq!(s.ranges(), [r(1, 8), r(10, 10)]);
        assert_eq!(s.lines(), 9);
    }

    #[test]
    fn adjacent_ranges_merge() {
        let s = set(&[(1, 3), (4, 6), (8, 9)]);
        assert_eq!(s.ranges(), [r(1, 6), r(8, 9)]);
        assert!(s.covers(r(2, 6)));
        assert!(!s.covers(r(5, 8)), "line 7 is missing");
    }

    #[test]
    fn contained_ranges_vanish_into_their_holder() {
        let s = set(&[(1, 10), (2, 3), (5, 10), (10, 10)]);
        assert_eq!(s.ranges(), [r(1, 10)]);
        assert_eq!(s.lines(), 10);
        assert!(s.covers(r(1, 10)));
        assert!(!s.covers(r(1, 11)));
    }

    #[test]
    fn overlap_queries_find_any_shared_line() {
        let s = set(&[(4, 6), (20, 30)]);
        assert!(s.overlaps(r(1, 4)));
        assert!(s.overlaps(r(6, 19)));
        assert!(s.overlaps(r(25, 25)));
        assert!(!s.overlaps(r(7, 19)));
        assert!(!s.overlaps(r(31, u32::MAX)));
        assert!(!s.overlaps(r(1, 3)));
    }

    #[test]
    fn whole_files_reach_the_last_line_without_overflow() {
        let s = set(&[(1, u32::MAX), (7, 9)]);
        assert_eq!(s.ranges(), [r(1, u32::MAX)]);
        assert_eq!(s.lines(), u32::MAX);
        assert!(s.covers(r(u32::MAX, u32::MAX)));
        let t = set(&[(u32::MAX, u32::MAX), (u32::MAX - 1, u32::MAX - 1)]);
        assert_eq!(t.ranges(), [r(u32::MAX - 1, u32::MAX)]);
    }
}
