//! The units the planner works on: every top-level unit of every file, with its token range in
//! the stream clone detection saw, and per file whether its code may be shared at all.

use super::{code, PlanInput, UnitId};
use crate::model::{FileId, SourceFile};
use crate::tokens::{Tok, SYM_IDENT};
use rustc_hash::FxHasher;
use std::borrow::Cow;
use std::hash::Hasher;

pub struct Units<'a> {
    pub files: &'a [SourceFile],
    /// (file, index in the file's units) per unit id.
    ids: Vec<(u32, u32)>,
    /// Per file, its first unit id; one more entry at the end.
    first: Vec<u32>,
    /// Token range of each unit in its file's kept stream.
    toks: Vec<(u32, u32)>,
    /// Per file: its units may be moved (not a route file, not static, config or test code).
    pub shareable: Vec<bool>,
    /// Per file, the token stream clone fragments index.
    pub streams: Vec<Cow<'a, [Tok]>>,
    /// Per file, a hash of its exact tokens (whitespace and comments aside); None when empty.
    pub content: Vec<Option<u64>>,
}

/// Whether two tokens are the same code for the planner: identifiers may be renamed, every
/// other token (literals included) must be exactly equal.
pub fn same_code(a: Tok, b: Tok) -> bool {
    a.sym == b.sym && (a.sym == SYM_IDENT || a.exact == b.exact)
}

/// The key [`same_code`] compares, for diffs.
pub fn code_key(t: Tok) -> u64 {
    if t.sym == SYM_IDENT {
        u64::from(SYM_IDENT)
    } else {
        t.exact
    }
}

impl<'a> Units<'a> {
    pub fn new(input: &PlanInput<'a>) -> Units<'a> {
        let files = input.files.as_slice();
        let streams: Vec<Cow<'a, [Tok]>> = (0..input.files.len())
            .map(|f| crate::clones::kept_stream(input.files.tokens(FileId::from(f)), input.ignore_types))
            .collect();
        // Content: the exact tokens and the imports (a barrel of `export * from` has no tokens
        // of its own, only imports).
        let content = (0..input.files.len())
            .map(|f| {
                let tokens = input.files.tokens(FileId::from(f));
                let imports = super::items::edges_of(input.edges, f);
                (!tokens.is_empty() || !imports.is_empty()).then(|| {
                    let mut h = FxHasher::default();
                    for tok in tokens {
                        h.write_u64(tok.exact);
                    }
                    for e in imports {
                        h.write(e.specifier.as_bytes());
                        h.write_u8(0);
                        for n in &e.names {
                            h.write(n.as_bytes());
                            h.write_u8(1);
                        }
                    }
                    h.finish()
                })
            })
            .collect();
        let (mut ids, mut first, mut toks) = (Vec::new(), Vec::with_capacity(files.len() + 1), Vec::new());
        for (f, file) in files.iter().enumerate() {
            first.push(ids.len() as u32);
            let starts = input.files.line_starts(FileId::from(f));
            let stream = &streams[f];
            for (i, u) in file.units.iter().enumerate() {
                ids.push((f as u32, i as u32));
                let lo = starts.get(u.start_line as usize - 1).copied().unwrap_or(0);
                let hi = starts.get(u.end_line as usize).copied().unwrap_or(u32::MAX);
                let a = stream.partition_point(|t| t.offset() < lo) as u32;
                let b = stream.partition_point(|t| t.offset() < hi) as u32;
                toks.push((a, b.max(a)));
            }
        }
        first.push(ids.len() as u32);
        let shareable = files
            .iter()
            .map(|f| !f.parse_failed && !code::is_route_file(&f.path) && code::not_code(&f.path).is_none())
            .collect();
        Units { files, ids, first, toks, shareable, streams, content }
    }

    pub fn count(&self) -> usize {
        self.ids.len()
    }

    pub fn unit(&self, id: UnitId) -> &'a crate::units::Unit {
        let (f, u) = self.ids[id.0 as usize];
        &self.files[f as usize].units[u as usize]
    }

    pub fn file(&self, id: UnitId) -> usize {
        self.ids[id.0 as usize].0 as usize
    }

    pub fn package(&self, id: UnitId) -> usize {
        self.files[self.file(id)].package.index()
    }

    pub fn lines(&self, id: UnitId) -> u32 {
        let u = self.unit(id);
        u.end_line - u.start_line + 1
    }

    /// Token range `[start, end)` in the file's kept stream.
    pub fn range(&self, id: UnitId) -> (u32, u32) {
        self.toks[id.0 as usize]
    }

    pub fn token_count(&self, id: UnitId) -> u32 {
        let (a, b) = self.range(id);
        b - a
    }

    pub fn of_file(&self, f: usize) -> impl Iterator<Item = UnitId> {
        (self.first[f]..self.first[f + 1]).map(UnitId)
    }

    /// May this unit be moved into a shared package?
    pub fn shareable(&self, id: UnitId) -> bool {
        self.shareable[self.file(id)]
    }
}
