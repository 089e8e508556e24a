//! Parse stage: file bytes → [`FileFacts`]. Each file is read once and parsed once with swc; the
//! source text and the AST are dropped before this stage returns.

use crate::diagnostic::{Code, Diagnostic};
use crate::lines::LineIndex;
use serde::Serialize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use swc_common::comments::{CommentKind, SingleThreadedComments};
use swc_common::{BytePos, Span, Spanned};
use swc_ecma_ast as ast;
use swc_ecma_parser::unstable::Capturing;
use swc_ecma_parser::Lexer;
use swc_ecma_parser::{EsSyntax, Parser, StringInput, Syntax, TsSyntax};
use swc_ecma_visit::{Visit, VisitWith};

/// Files larger than this are skipped: no hand-written module is this big.
const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;
/// A file whose lines average more than this many bytes is a bundle, not source.
const MINIFIED_AVG_LINE: usize = 300;
/// swc positions start at 1 (0 is the dummy position), so offsets are shifted by this.
const START: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ImportKind {
    /// `import … from "x"`, `import "x"`
    Import,
    /// `export … from "x"`, `export * from "x"`
    ExportFrom,
    /// `require("x")`
    Require,
    /// `import("x")`
    DynamicImport,
    /// `import x = require("x")`
    ImportEquals,
    /// `typeof import("x")` inside a type
    ImportType,
    /// `/// <reference path="x" />` or `/// <reference types="x" />`
    Reference,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// The string as written; for a non-literal `import()` the argument's source text.
    pub specifier: String,
    pub kind: ImportKind,
    /// Erased at compile time: `import type`, all-`type` specifiers, `typeof import()`.
    pub type_only: bool,
    /// False for `import(expr)` whose argument is not a string literal.
    pub literal: bool,
    pub line: u32,
    pub column: u32,
    /// The names it imports (`default`, `*` for a namespace or a whole module); empty for a
    /// side-effect import. The planner moves what a copied unit uses with it.
    pub names: Vec<String>,
}

pub use crate::model::Lang;

/// The swc syntax of a language.
pub(crate) fn syntax_of(lang: Lang) -> Syntax {
    match lang {
        Lang::Js | Lang::Jsx => Syntax::Es(EsSyntax {
            jsx: true,
            decorators: true,
            import_attributes: true,
            explicit_resource_management: true,
            ..Default::default()
        }),
        Lang::Ts | Lang::Tsx | Lang::Dts => Syntax::Typescript(TsSyntax {
            tsx: lang == Lang::Tsx,
            decorators: true,
            dts: lang == Lang::Dts,
            ..Default::default()
        }),
    }
}

/// What later stages need of one file.
#[derive(Debug, Clone, Default)]
pub struct FileFacts {
    pub imports: Vec<Import>,
    /// Physical lines.
    pub lines: u32,
    /// Lines holding at least one token (not blank, not only comments).
    pub code_lines: u32,
    /// True when swc could not produce an AST (the file's imports are unknown).
    pub failed: bool,
    pub diagnostics: Vec<Diagnostic>,
    /// Normalized tokens, when asked for (clone detection); a file that fails to parse keeps
    /// the tokens the lexer produced before the error.
    pub tokens: Vec<crate::tokens::Tok>,
    /// Byte offset of each line start, kept with the tokens to place fragments on lines.
    pub line_starts: Vec<u32>,
    /// Top-level declarations with their lines (for the extraction planner).
    pub units: Vec<crate::units::Unit>,
    /// `process.env.NAME` reads (names, sorted, once each): configuration a shared package
    /// would have to be given.
    pub env: Vec<String>,
}

/// What a caller needs of a file beyond its lines, code lines and diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Want {
    /// The normalized tokens (clone detection).
    pub tokens: bool,
    /// Imports, top-level units and `process.env` reads: what the graph and the planner use.
    /// `dups` needs none of them, and building them is a few percent of its run.
    pub structure: bool,
}

/// Reads and parses one file the walk listed, with its structure. `rel` names it in diagnostics.
pub fn parse_file(abs: &Path, rel: &str, lang: Lang, tokens: bool) -> FileFacts {
    parse_file_for(abs, rel, lang, Want { tokens, structure: true })
}

/// [`parse_file`], keeping only what `want` asks for.
pub fn parse_file_for(abs: &Path, rel: &str, lang: Lang, want: Want) -> FileFacts {
    // The size is checked before reading: a 2 GB sparse file is never read.
    match crate::files::read_listed(abs, MAX_FILE_BYTES as u64) {
        Ok(bytes) => parse_inner(&bytes, rel, lang, want),
        Err(crate::files::ReadError::TooLarge { size, cap }) => failed(too_large(rel, size, cap)),
        Err(crate::files::ReadError::NotRegular(kind)) => failed(Diagnostic::warning(
            Code::SpecialFile,
            rel,
            format!("skipped: not a regular file ({kind})"),
        )),
        Err(err) => failed(Diagnostic::error(Code::Unreadable, rel, format!("cannot read file: {err}"))),
    }
}

fn too_large(rel: &str, size: u64, cap: u64) -> Diagnostic {
    Diagnostic::warning(Code::TooLarge, rel, format!("skipped: {size} bytes is over the {cap} byte limit"))
}

fn failed(diagnostic: Diagnostic) -> FileFacts {
    FileFacts { failed: true, diagnostics: vec![diagnostic], ..FileFacts::default() }
}

/// Parses file contents. Never panics: a parser crash becomes a diagnostic.
pub fn parse_bytes(bytes: &[u8], rel: &str, lang: Lang) -> FileFacts {
    parse_inner(bytes, rel, lang, Want { tokens: false, structure: true })
}

/// [`parse_bytes`], also keeping the normalized tokens.
pub fn parse_bytes_with_tokens(bytes: &[u8], rel: &str, lang: Lang) -> FileFacts {
    parse_inner(bytes, rel, lang, Want { tokens: true, structure: true })
}

/// [`parse_unguarded`] with a panic anywhere in it (the checks before swc, units, tokens) an
/// `internal-error` diagnostic: the file is skipped, the scan goes on.
fn parse_inner(bytes: &[u8], rel: &str, lang: Lang, want: Want) -> FileFacts {
    crate::guard::file("parse", rel, "skipped", || parse_unguarded(bytes, rel, lang, want))
        .unwrap_or_else(failed)
}

fn parse_unguarded(bytes: &[u8], rel: &str, lang: Lang, want: Want) -> FileFacts {
    if bytes.len() > MAX_FILE_BYTES {
        return failed(too_large(rel, bytes.len() as u64, MAX_FILE_BYTES as u64));
    }
    if let Some(pos) = memchr_nul(bytes) {
        let line = crate::lines::line_at(bytes, pos);
        return failed(Diagnostic::warning(Code::Binary, rel, "skipped: binary file (NUL byte)").at(line, 0));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let line = crate::lines::line_at(bytes, err.valid_up_to());
            return failed(Diagnostic::warning(Code::NotUtf8, rel, "skipped: not valid UTF-8").at(line, 0));
        }
    };
    let index = LineIndex::new(text);
    if is_minified(text, index.line_count()) {
        return failed(Diagnostic::warning(
            Code::Minified,
            rel,
            format!(
                "skipped: looks minified (lines average over {MINIFIED_AVG_LINE} bytes, dense in `;{{}}`)"
            ),
        ));
    }
    // The bound counts at most two levels per byte: a file whose trivial bound fits in the stack
    // this thread has left needs no scan (the pipeline's workers: files of up to 32 KiB, see `pipeline::BIG_STACK`).
    let room = stacker::remaining_stack().unwrap_or(0).saturating_sub(STACK_MARGIN) / PER_LEVEL;
    if 2 * bytes.len() <= room {
        return parse_in_place(text, &index, rel, lang, want);
    }
    let nesting = if 2 * bytes.len() <= SHALLOW {
        crate::nesting::Nesting { depth: 2 * bytes.len(), line: 0 }
    } else {
        crate::nesting::estimate(bytes, lang.jsx())
    };
    let depth = nesting.depth;
    let Some(stack) = stack_for(depth) else {
        return failed(
            Diagnostic::warning(
                Code::TooDeep,
                rel,
                format!(
                    "skipped: nested up to {depth} levels deep (arrows, ternaries, operator chains, \
                     brackets...), beyond what can be parsed safely"
                ),
            )
            .at(nesting.line, 0),
        );
    };
    // swc's parser, the visitors below and the drop of the AST recurse per nesting level without
    // growing their stack, and a stack overflow aborts the process: everything that touches the
    // AST runs inside `parse_text`, on a stack sized for the file's nesting bound.
    let parse = || catch_unwind(AssertUnwindSafe(|| parse_text(text, &index, rel, lang, want)));
    // `stacker` panics when it cannot map the stack (address space or overcommit limits).
    let result = catch_unwind(AssertUnwindSafe(|| {
        if depth <= SHALLOW {
            stacker::maybe_grow(SHALLOW_STACK, 2 * SHALLOW_STACK, parse)
        } else {
            stacker::grow(stack, parse)
        }
    }));
    match result {
        Ok(Ok(facts)) => facts,
        Ok(Err(_)) => crashed(rel, &index),
        Err(_) => {
            let mut facts = failed(
                Diagnostic::warning(
                    Code::TooDeep,
                    rel,
                    format!(
                        "skipped: nested up to {depth} levels deep; the {} MiB of stack that needs \
                         could not be allocated",
                        stack >> 20
                    ),
                )
                .at(nesting.line, 0),
            );
            facts.lines = index.line_count();
            facts
        }
    }
}

/// [`parse_text`] on this thread's stack, which the caller checked is deep enough.
fn parse_in_place(text: &str, index: &LineIndex, rel: &str, lang: Lang, want: Want) -> FileFacts {
    catch_unwind(AssertUnwindSafe(|| parse_text(text, index, rel, lang, want)))
        .unwrap_or_else(|_| crashed(rel, index))
}

fn crashed(rel: &str, index: &LineIndex) -> FileFacts {
    let mut facts =
        failed(Diagnostic::error(Code::ParserCrash, rel, "skipped: the parser crashed on this file"));
    facts.lines = index.line_count();
    facts
}

/// Stack left unused below a parse done in place: what the caller's frames may still need.
const STACK_MARGIN: usize = 1 << 20;

/// Recovered syntax errors reported per file before the rest are counted.
const MAX_SYNTAX_DIAGNOSTICS: usize = 5;

/// Stack that any file nested at most [`SHALLOW`] levels deep fits in. The pipeline's workers
/// have more, so they parse such files in place; other threads get a segment this size.
const SHALLOW_STACK: usize = 16 << 20;
const SHALLOW: usize = SHALLOW_STACK / PER_LEVEL;
/// Stack per unit of [`crate::nesting`]'s bound, parse, visits and drop together. Measured on
/// swc 47 for every construct the bound counts (`calibrate_stack_per_level` below): at most
/// 2.2 KiB in release (JSX elements, `if`, parentheses) and 12 KiB in debug (`if`, blocks); the
/// constants leave a margin of 3.6× and 2×.
const PER_LEVEL: usize = if cfg!(debug_assertions) { 24 * 1024 } else { 8 * 1024 };
/// The largest stack a single file may have (virtual memory; only touched pages are used).
const MAX_STACK: usize = 4 << 30;

fn stack_for(depth: usize) -> Option<usize> {
    let bytes = depth.checked_mul(PER_LEVEL)?.checked_add(16 << 20)?;
    (bytes <= MAX_STACK).then_some(bytes)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

fn is_minified(text: &str, lines: u32) -> bool {
    // Small files are never bundles; long generated one-liners are.
    if text.len() <= 2048 || text.len() / (lines.max(1) as usize) <= MINIFIED_AVG_LINE {
        return false;
    }
    // Code squeezed onto one line is dense in statement punctuation; an icon component whose
    // lines are long SVG path strings is not.
    let longest = crate::lines::split_lines(text).max_by_key(|l| l.len()).unwrap_or("");
    let punct = longest.bytes().filter(|b| matches!(b, b';' | b'{' | b'}')).count();
    punct * 100 >= longest.len()
}

fn parse_text(text: &str, index: &LineIndex, rel: &str, lang: Lang, want: Want) -> FileFacts {
    let input = StringInput::new(text, BytePos(START), BytePos(START + text.len() as u32));
    // Comments are collected only when the file has a triple-slash directive: keeping every
    // comment of every file would cost memory for nothing.
    let comments = (want.structure && memchr::memmem::find(text.as_bytes(), b"/// <reference").is_some())
        .then(SingleThreadedComments::default);
    let lexer = Capturing::new(Lexer::new(
        syntax_of(lang),
        ast::EsVersion::latest(),
        input,
        comments.as_ref().map(|c| c as &dyn swc_common::comments::Comments),
    ));
    let mut parser = Parser::new_from(lexer);
    let result = parser.parse_program();
    let mut diagnostics = Vec::new();
    let mut imports = Vec::new();
    let (mut skip, mut types) = (Vec::new(), Vec::new());
    let mut units = Vec::new();
    let mut env = Vec::new();
    let failed = match result {
        Ok(program) => {
            let mut collector = ImportCollector {
                index,
                structure: want.structure,
                imports: &mut imports,
                env: &mut env,
                skip: &mut skip,
                types: &mut types,
            };
            program.visit_with(&mut collector);
            if want.structure {
                let jsx = matches!(lang, Lang::Jsx | Lang::Tsx | Lang::Js);
                units = crate::units::units(&program, index, START, jsx);
            }
            false
        }
        Err(err) => {
            diagnostics.push(syntax_diagnostic(&err, index, rel));
            true
        }
    };
    // Recovered errors: the first few, then one line with the count, so that a generated file
    // with thousands of them does not drown the report.
    let recovered = parser.take_errors();
    for err in recovered.iter().take(MAX_SYNTAX_DIAGNOSTICS) {
        diagnostics.push(syntax_diagnostic(err, index, rel));
    }
    if recovered.len() > MAX_SYNTAX_DIAGNOSTICS {
        let last = &recovered[MAX_SYNTAX_DIAGNOSTICS];
        let mut d = syntax_diagnostic(last, index, rel);
        d.message = format!("{} more syntax errors in this file", recovered.len() - MAX_SYNTAX_DIAGNOSTICS);
        diagnostics.push(d);
    }
    let tokens = parser.input_mut().iter_mut().take();
    drop(parser);
    if let Some(comments) = comments {
        imports.extend(references(comments, index));
    }
    let code_lines = count_code_lines(tokens.iter().map(|t| t.span), index);
    imports.sort_by_key(|i| (i.line, i.column));
    let (tokens, line_starts) = if want.tokens {
        skip.sort_unstable();
        types.sort_unstable();
        let ex = crate::tokens::Exclusions { skip: &skip, types: &types };
        (crate::tokens::normalize(text, &tokens, START, &ex), index.starts().to_vec())
    } else {
        (Vec::new(), Vec::new())
    };
    env.sort();
    env.dedup();
    FileFacts {
        imports,
        lines: index.line_count(),
        code_lines,
        failed,
        diagnostics,
        tokens,
        line_starts,
        units,
        env,
    }
}

fn syntax_diagnostic(err: &swc_ecma_parser::error::Error, index: &LineIndex, rel: &str) -> Diagnostic {
    let (line, column) = index.position(err.span().lo.0.saturating_sub(START));
    Diagnostic::error(Code::Syntax, rel, format!("syntax error: {}", err.kind().msg())).at(line, column)
}

/// Lines covered by at least one token. Tokens come in source order, so one forward sweep over
/// the line starts does it (a binary search per token costs a tenth of the whole parse).
fn count_code_lines(spans: impl Iterator<Item = Span>, index: &LineIndex) -> u32 {
    let lines = index.line_count();
    let (mut count, mut last, mut line) = (0, 0, 1);
    let mut line_of = |offset: u32| {
        while line < lines && index.line_start(line + 1) <= offset {
            line += 1;
        }
        line
    };
    for span in spans {
        let lo = span.lo.0.saturating_sub(START);
        let hi = span.hi.0.saturating_sub(START).saturating_sub(1).max(lo);
        let start = line_of(lo);
        let end = line_of(hi);
        let from = start.max(last + 1);
        if end >= from {
            count += end - from + 1;
            last = end;
        }
    }
    count
}

/// `/// <reference path="x" />` and `/// <reference types="x" />`: type-only imports that live
/// in comments. swc hands over the comment; its attributes are read here.
fn references(comments: SingleThreadedComments, index: &LineIndex) -> Vec<Import> {
    let (leading, trailing) = comments.take_all();
    let mut out = Vec::new();
    for map in [leading, trailing] {
        for list in map.borrow().values() {
            for c in list.iter().filter(|c| c.kind == CommentKind::Line) {
                let Some(body) = c.text.strip_prefix('/').map(str::trim_start) else { continue };
                let Some(attrs) = body.strip_prefix("<reference") else { continue };
                let value = |name: &str| {
                    let rest = attrs.split_once(&format!("{name}="))?.1;
                    let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
                    rest[1..].split(quote).next().map(str::to_string)
                };
                let spec = match (value("path"), value("types")) {
                    // A reference path is relative to the file even without `./`.
                    (Some(p), _) if p.starts_with('.') || p.starts_with('/') => p,
                    (Some(p), _) => format!("./{p}"),
                    (None, Some(t)) => t,
                    (None, None) => continue,
                };
                let (line, column) = index.position(c.span.lo.0.saturating_sub(START));
                out.push(Import {
                    specifier: spec,
                    kind: ImportKind::Reference,
                    type_only: true,
                    literal: true,
                    line,
                    column,
                    names: vec!["*".into()],
                });
            }
        }
    }
    out
}

struct ImportCollector<'a> {
    index: &'a LineIndex,
    /// False when only the clone exclusions (`skip`, `types`) are wanted.
    structure: bool,
    imports: &'a mut Vec<Import>,
    env: &'a mut Vec<String>,
    /// Spans of import declarations and `export … from` (no part in clones).
    skip: &'a mut Vec<(u32, u32)>,
    /// Spans of interface and type alias declarations.
    types: &'a mut Vec<(u32, u32)>,
}

fn range(span: Span) -> (u32, u32) {
    (span.lo.0.saturating_sub(START), span.hi.0.saturating_sub(START))
}

impl ImportCollector<'_> {
    fn push(&mut self, specifier: String, kind: ImportKind, type_only: bool, literal: bool, span: Span) {
        if !self.structure {
            return;
        }
        let (line, column) = self.index.position(span.lo.0.saturating_sub(START));
        self.imports.push(Import {
            specifier,
            kind,
            type_only,
            literal,
            line,
            column,
            names: vec!["*".into()],
        });
    }
}

pub(crate) fn str_value(s: &ast::Str) -> String {
    s.value.to_atom_lossy().to_string()
}

impl Visit for ImportCollector<'_> {
    fn visit_import_decl(&mut self, decl: &ast::ImportDecl) {
        self.skip.push(range(decl.span));
        if !self.structure {
            return;
        }
        // `import { type A, type B } from "x"` is erased just like `import type`.
        let all_types = !decl.specifiers.is_empty()
            && decl.specifiers.iter().all(|s| matches!(s, ast::ImportSpecifier::Named(n) if n.is_type_only));
        self.push(str_value(&decl.src), ImportKind::Import, decl.type_only || all_types, true, decl.span);
        if let Some(last) = self.imports.last_mut() {
            last.names = decl
                .specifiers
                .iter()
                .map(|s| match s {
                    ast::ImportSpecifier::Named(n) => match &n.imported {
                        Some(ast::ModuleExportName::Ident(i)) => i.sym.to_string(),
                        Some(ast::ModuleExportName::Str(s)) => str_value(s),
                        None => n.local.sym.to_string(),
                    },
                    ast::ImportSpecifier::Default(_) => "default".into(),
                    ast::ImportSpecifier::Namespace(_) => "*".into(),
                })
                .collect();
        }
    }

    fn visit_member_expr(&mut self, m: &ast::MemberExpr) {
        // process.env.NAME
        if let (true, ast::Expr::Member(inner), ast::MemberProp::Ident(name)) =
            (self.structure, &*m.obj, &m.prop)
        {
            let is_process_env = matches!(&*inner.obj, ast::Expr::Ident(p) if &*p.sym == "process")
                && matches!(&inner.prop, ast::MemberProp::Ident(e) if &*e.sym == "env");
            if is_process_env {
                self.env.push(name.sym.to_string());
            }
        }
        m.visit_children_with(self);
    }

    fn visit_ts_interface_decl(&mut self, decl: &ast::TsInterfaceDecl) {
        self.types.push(range(decl.span));
        decl.visit_children_with(self);
    }

    fn visit_ts_type_alias_decl(&mut self, decl: &ast::TsTypeAliasDecl) {
        self.types.push(range(decl.span));
        decl.visit_children_with(self);
    }

    fn visit_named_export(&mut self, export: &ast::NamedExport) {
        if let Some(src) = &export.src {
            self.skip.push(range(export.span));
            if !self.structure {
                return;
            }
            let all_types = !export.specifiers.is_empty()
                && export
                    .specifiers
                    .iter()
                    .all(|s| matches!(s, ast::ExportSpecifier::Named(n) if n.is_type_only));
            self.push(
                str_value(src),
                ImportKind::ExportFrom,
                export.type_only || all_types,
                true,
                export.span,
            );
        }
    }

    fn visit_export_all(&mut self, export: &ast::ExportAll) {
        self.skip.push(range(export.span));
        if self.structure {
            self.push(str_value(&export.src), ImportKind::ExportFrom, export.type_only, true, export.span);
        }
    }

    fn visit_ts_import_equals_decl(&mut self, decl: &ast::TsImportEqualsDecl) {
        if let ast::TsModuleRef::TsExternalModuleRef(r) = &decl.module_ref {
            self.skip.push(range(decl.span));
            if self.structure {
                self.push(str_value(&r.expr), ImportKind::ImportEquals, decl.is_type_only, true, decl.span);
            }
        }
    }

    fn visit_ts_import_type(&mut self, import: &ast::TsImportType) {
        if self.structure {
            self.push(str_value(&import.arg), ImportKind::ImportType, true, true, import.span);
        }
        import.visit_children_with(self);
    }

    fn visit_call_expr(&mut self, call: &ast::CallExpr) {
        if !self.structure {
            return call.visit_children_with(self);
        }
        let kind = match &call.callee {
            ast::Callee::Import(_) => Some(ImportKind::DynamicImport),
            ast::Callee::Expr(e) => match &**e {
                ast::Expr::Ident(id) if &*id.sym == "require" && call.args.len() == 1 => {
                    Some(ImportKind::Require)
                }
                _ => None,
            },
            ast::Callee::Super(_) => None,
        };
        if let (Some(kind), Some(arg)) = (kind, call.args.first()) {
            match literal_arg(&arg.expr) {
                Some(spec) => self.push(spec, kind, false, true, call.span),
                // `require(x)` of a variable is a runtime lookup, not a module edge worth a
                // diagnostic; `import(x)` is recorded as dynamic and unresolvable.
                None if kind == ImportKind::DynamicImport => {
                    self.push(describe_dynamic(&arg.expr), kind, false, false, call.span)
                }
                None => {}
            }
        }
        call.visit_children_with(self);
    }
}

/// The string a call argument stands for, when it is a constant.
fn literal_arg(expr: &ast::Expr) -> Option<String> {
    match expr {
        ast::Expr::Lit(ast::Lit::Str(s)) => Some(str_value(s)),
        ast::Expr::Tpl(t) if t.exprs.is_empty() => {
            t.quasis.first().and_then(|q| q.cooked.as_ref()).map(|c| c.to_atom_lossy().to_string())
        }
        ast::Expr::Paren(p) => literal_arg(&p.expr),
        _ => None,
    }
}

/// A short, stable description of a non-literal import argument.
fn describe_dynamic(expr: &ast::Expr) -> String {
    match expr {
        ast::Expr::Tpl(t) => {
            let mut out = String::from("`");
            for (i, q) in t.quasis.iter().enumerate() {
                out.push_str(&q.raw);
                if i < t.exprs.len() {
                    out.push_str("${…}");
                }
            }
            out.push('`');
            out
        }
        ast::Expr::Ident(id) => id.sym.to_string(),
        _ => "<expression>".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn imports(src: &str, lang: Lang) -> Vec<(String, ImportKind, bool, bool, u32)> {
        let facts = parse_bytes(src.as_bytes(), "x", lang);
        assert!(facts.diagnostics.is_empty(), "{:?}", facts.diagnostics);
        facts.imports.into_iter().map(|i| (i.specifier, i.kind, i.type_only, i.literal, i.line)).collect()
    }

    #[test]
    fn without_structure_the_tokens_are_the_same_and_nothing_else_is_built() {
        let src = "/// <reference types=\"node\" />\nimport a from \"a\";\nexport * from \"b\";\n\
                   type T = { x: number };\nexport function f() { return process.env.KEY ?? require(\"c\"); }\n";
        let full = parse_inner(src.as_bytes(), "x.ts", Lang::Ts, Want { tokens: true, structure: true });
        let bare = parse_inner(src.as_bytes(), "x.ts", Lang::Ts, Want { tokens: true, structure: false });
        assert_eq!(full.imports.len(), 4, "{:?}", full.imports);
        assert_eq!((full.units.len(), full.env.as_slice()), (2, ["KEY".to_string()].as_slice()));
        assert!(bare.imports.is_empty() && bare.units.is_empty() && bare.env.is_empty());
        // The import and re-export stay out of the tokens, the type stays marked.
        assert_eq!(full.tokens, bare.tokens);
        assert_eq!(bare.tokens.iter().filter(|t| t.in_type()).count(), 9);
        assert_eq!((full.lines, full.code_lines), (bare.lines, bare.code_lines));
    }

    #[test]
    fn every_import_form() {
        let src = r#"import a from "a";
import type { T } from "t";
import { type U, type V } from "u";
import { type W, w } from "w";
export * from "star";
export { x } from "named";
export type { Y } from "ty";
import eq = require("eq");
const r = require("req");
const d = import("dyn");
const lang = "en";
const e = import(`./locales/${lang}`);
type Q = typeof import("qt");
/// <reference path="globals.d.ts" />
/// <reference types="@acme/env/process.d.ts" />
"#;
        use ImportKind::*;
        assert_eq!(
            imports(src, Lang::Ts),
            vec![
                ("a".into(), Import, false, true, 1),
                ("t".into(), Import, true, true, 2),
                ("u".into(), Import, true, true, 3),
                ("w".into(), Import, false, true, 4),
                ("star".into(), ExportFrom, false, true, 5),
                ("named".into(), ExportFrom, false, true, 6),
                ("ty".into(), ExportFrom, true, true, 7),
                ("eq".into(), ImportEquals, false, true, 8),
                ("req".into(), Require, false, true, 9),
                ("dyn".into(), DynamicImport, false, true, 10),
                ("`./locales/${…}`".into(), DynamicImport, false, false, 12),
                ("qt".into(), ImportType, true, true, 13),
                ("./globals.d.ts".into(), Reference, true, true, 14),
                ("@acme/env/process.d.ts".into(), Reference, true, true, 15),
            ]
        );
    }

    #[test]
    fn jsx_in_js_and_code_lines() {
        let src = "// comment\n\nimport React from 'react';\n/* block\n comment */\nexport const A = () => <div>\n  hi\n</div>;\n";
        let facts = parse_bytes(src.as_bytes(), "a.js", Lang::Js);
        assert!(facts.diagnostics.is_empty());
        assert_eq!(facts.lines, 8);
        assert_eq!(facts.code_lines, 4);
        assert_eq!(facts.imports.len(), 1);
    }

    #[test]
    fn syntax_error_is_a_diagnostic_with_line() {
        let facts = parse_bytes(b"const a = 1;\nconst b = <div>;\n", "b.tsx", Lang::Tsx);
        assert!(facts.failed);
        let d = &facts.diagnostics[0];
        assert_eq!(d.code, Code::Syntax);
        assert_eq!(d.line, 2);
    }

    #[test]
    fn many_recovered_errors_are_counted_not_listed() {
        let src = "declare module 'm' {\n".to_string() + &"  declare const a: number;\n".repeat(40) + "}\n";
        let facts = parse_bytes(src.as_bytes(), "m.d.ts", Lang::Dts);
        assert!(!facts.failed);
        assert_eq!(facts.diagnostics.len(), MAX_SYNTAX_DIAGNOSTICS + 1, "{:?}", facts.diagnostics);
        assert_eq!(facts.diagnostics.last().unwrap().message, "35 more syntax errors in this file");
    }

    #[test]
    fn bad_bytes_are_diagnostics() {
        assert_eq!(parse_bytes(b"a\0b", "x.js", Lang::Js).diagnostics[0].code, Code::Binary);
        let latin1 = parse_bytes(b"const a = 1;\nconst s = '\xe9';\n", "x.ts", Lang::Ts);
        assert_eq!((latin1.diagnostics[0].code, latin1.diagnostics[0].line), (Code::NotUtf8, 2));
        let long = format!("var a={};", "{b:1};".repeat(800));
        assert_eq!(parse_bytes(long.as_bytes(), "x.js", Lang::Js).diagnostics[0].code, Code::Minified);
        // An icon with one long SVG path is source, not a bundle.
        let icon = format!("export const I = () => <svg><path d=\"{}\" /></svg>;\n", "M1 2L3 4 ".repeat(400));
        assert!(parse_bytes(icon.as_bytes(), "i.jsx", Lang::Jsx).diagnostics.is_empty());
    }

    #[test]
    fn deep_nesting_parses_on_a_small_thread() {
        // One bracket per line, so the file is not taken for a minified one.
        for (open, close) in [("(\n", ")\n"), ("[\n", "]\n"), ("f(\n", ")\n"), ("<a>\n", "</a>\n")] {
            let depth = 20_000;
            let src = format!("import('deep');\nconst x = {}1{};\n", open.repeat(depth), close.repeat(depth));
            let facts = std::thread::Builder::new()
                .stack_size(2 * 1024 * 1024)
                .spawn(move || parse_bytes(src.as_bytes(), "deep.jsx", Lang::Jsx))
                .unwrap()
                .join()
                .unwrap();
            assert_eq!(facts.imports.len(), 1, "{open:?}: {:?}", facts.diagnostics);
        }
    }

    /// Each construct that nests, deep enough to overflow a 1 MiB thread by far, where the
    /// bound did not count it before (issue 10, case 2).
    pub(super) fn nesting_family(n: usize) -> Vec<(&'static str, Lang, String)> {
        let rep = |s: &str, k: usize| s.repeat(k);
        vec![
            ("arrows", Lang::Js, rep("x =>\n", n) + "1\n"),
            ("ternaries", Lang::Js, rep("a ? b :\n", n) + "c\n"),
            ("consequents", Lang::Js, rep("a ?\n", n) + "b" + &rep("\n: c", n) + "\n"),
            ("not", Lang::Js, rep("!\n", n) + "x\n"),
            ("minus", Lang::Js, rep("- \n", n) + "x\n"),
            ("typeof", Lang::Js, rep("typeof\n", n) + "x\n"),
            ("new", Lang::Js, rep("new\n", n) + "X\n"),
            ("await", Lang::Js, "async function f() {\n".to_string() + &rep("await\n", n) + "x }\n"),
            ("yield", Lang::Js, "function* f() {\n".to_string() + &rep("yield ", n) + "x }\n"),
            ("assignments", Lang::Js, rep("a =\n", n) + "b\n"),
            ("powers", Lang::Js, rep("a **\n", n) + "b\n"),
            ("sums", Lang::Js, rep("a +\n", n) + "a\n"),
            ("members", Lang::Js, "a".to_string() + &rep("\n.b", n) + "\n"),
            ("optional", Lang::Js, "a".to_string() + &rep("\n?.b", n) + "\n"),
            ("calls", Lang::Js, "f".to_string() + &rep("()\n", n)),
            ("tagged", Lang::Js, "f".to_string() + &rep("`x`\n", n)),
            ("else if", Lang::Js, "if (a) {}\n".to_string() + &rep("else if (a) {}\n", n)),
            ("if", Lang::Js, rep("if (a)\n", n) + "x;\n"),
            ("while", Lang::Js, rep("while (a)\n", n) + "x;\n"),
            ("for", Lang::Js, rep("for (;;)\n", n) + "x;\n"),
            ("do", Lang::Js, rep("do\n", n) + "x;\n" + &rep("while (a)\n", n)),
            ("labels", Lang::Js, (0..n).map(|i| format!("l{i}:\n")).collect::<String>() + "x;\n"),
            ("extends", Lang::Js, "x = ".to_string() + &rep("class extends\n", n) + "X" + &rep(" {}\n", n)),
            ("templates", Lang::Js, rep("`${\n", n) + "x" + &rep("}`\n", n)),
            ("jsx attributes", Lang::Jsx, rep("<a b=\n", n) + "{1}" + &rep(" />\n", n)),
            ("keyof", Lang::Ts, "type T = ".to_string() + &rep("keyof\n", n) + "B\n"),
            (
                "type arguments",
                Lang::Ts,
                "type T = ".to_string() + &rep("A<\n", n) + "B" + &rep(">", n) + "\n",
            ),
            ("function types", Lang::Ts, "type T = ".to_string() + &rep("() =>\n", n) + "B\n"),
            ("conditional types", Lang::Ts, "type T = ".to_string() + &rep("A extends B ? C :\n", n) + "D\n"),
            ("non-null", Lang::Ts, "x".to_string() + &rep("!\n", n) + ";\n"),
            ("namespaces", Lang::Ts, "namespace a".to_string() + &rep("\n.b", n) + " {}\n"),
            ("object types", Lang::Ts, "type T = ".to_string() + &rep("{a:\n", n) + "1" + &rep("}\n", n)),
            // Counted as brackets before.
            ("parens", Lang::Js, rep("(\n", n) + "1" + &rep(")\n", n)),
            ("brackets", Lang::Js, rep("[\n", n) + "1" + &rep("]\n", n)),
            ("blocks", Lang::Js, rep("{\n", n) + &rep("}\n", n)),
            ("objects", Lang::Js, "x = ".to_string() + &rep("{a:\n", n) + "1" + &rep("}\n", n)),
            ("jsx", Lang::Jsx, rep("<a>\n", n) + &rep("</a>\n", n)),
        ]
    }

    #[test]
    fn nesting_the_stack_estimate_missed_parses_on_a_small_thread() {
        for (name, lang, src) in nesting_family(3_000) {
            let facts = std::thread::Builder::new()
                .stack_size(1024 * 1024)
                .spawn(move || parse_bytes_with_tokens(src.as_bytes(), "deep", lang))
                .unwrap()
                .join()
                .unwrap();
            let codes: Vec<Code> = facts.diagnostics.iter().map(|d| d.code).collect();
            assert!(codes.iter().all(|c| *c == Code::Syntax), "{name}: {:?}", facts.diagnostics);
            assert!(!facts.tokens.is_empty(), "{name}");
        }
    }

    #[test]
    fn long_else_if_chain_parses_in_linear_time() {
        // Issue 10, case 12: swc attached each link by walking the chain from its head, so
        // 100,000 links took over a minute; the vendored parser joins them once (vendor/README.md,
        // benches/else_if_chain.sh times 20k, 40k and 100k links). Here: the chain's spans are
        // upstream's, and 50,000 links parse (the quadratic walk needed minutes for that in debug).
        let links = 50_000;
        let src = "export function f(x) {\n  if (x === 0) { return 0; }\n".to_string()
            + &(1..links).map(|i| format!("  else if (x === {i}) {{ return {i}; }}\n")).collect::<String>()
            + "  else { return -1; }\n}\n";
        let facts = parse_bytes_with_tokens(src.as_bytes(), "chain.js", Lang::Js);
        assert!(facts.diagnostics.is_empty(), "{:?}", facts.diagnostics);
        assert_eq!(facts.units.len(), 1);
        assert_eq!((facts.units[0].start_line, facts.units[0].end_line), (1, links as u32 + 3));

        // Every link spans to the end of the chain, as upstream's parser made it.
        let text = "if (a) { x; } else if (b) { y; } else if (c) { z; } else { w; }";
        let input = StringInput::new(text, BytePos(START), BytePos(START + text.len() as u32));
        let mut parser =
            Parser::new_from(Lexer::new(syntax_of(Lang::Js), ast::EsVersion::latest(), input, None));
        let script = parser.parse_script().unwrap();
        let mut ends = Vec::new();
        let mut stmt = script.body.first();
        while let Some(ast::Stmt::If(i)) = stmt {
            ends.push((i.span.lo.0 - START, i.span.hi.0 - START));
            stmt = i.alt.as_deref();
        }
        let len = text.len() as u32;
        assert_eq!(ends, vec![(0, len), (19, len), (38, len)]);
    }

    #[test]
    fn absurd_nesting_is_a_diagnostic() {
        let src = format!("const x = {}1{};\n", "(\n".repeat(1_000_000), ")\n".repeat(1_000_000));
        let facts = parse_bytes(src.as_bytes(), "deeper.js", Lang::Js);
        assert_eq!(facts.diagnostics[0].code, Code::TooDeep);
    }

    #[test]
    fn lang_from_path() {
        assert_eq!(Lang::from_path("a/b.d.ts"), Some(Lang::Dts));
        assert_eq!(Lang::from_path("a/b.d.mts"), Some(Lang::Dts));
        assert_eq!(Lang::from_path("a/b.mts"), Some(Lang::Ts));
        assert_eq!(Lang::from_path("a/b.cjs"), Some(Lang::Js));
        assert_eq!(Lang::from_path("a/b.css"), None);
        assert_eq!(Lang::from_path("Makefile"), None);
    }
}

#[cfg(test)]
mod calibrate {
    //! Measures the stack each construct needs per unit of the nesting bound, for
    //! [`PER_LEVEL`]: `cargo test [--release] --lib calibrate -- --ignored --nocapture`.
    use super::*;

    /// (stack bytes used, nesting bound, parse failed): the thread's stack is painted with a
    /// pattern below the frame, then the lowest overwritten word is found.
    fn stack_used(src: String, lang: Lang) -> (usize, usize, bool) {
        const S: usize = 1 << 30;
        std::thread::Builder::new()
            .stack_size(S)
            .spawn(move || {
                let marker = 0u8;
                let sp = &marker as *const u8 as usize;
                let lo = (sp - S + (4 << 20)) & !7;
                let hi = (sp - (256 << 10)) & !7;
                // SAFETY: [lo, hi) lies inside this thread's own stack mapping, below the live
                // frames (256 KiB of room for the calls below) and above the guard page.
                unsafe { std::ptr::write_bytes(lo as *mut u8, 0xA5, hi - lo) };
                let est = crate::nesting::estimate(src.as_bytes(), lang.jsx()).depth;
                let index = LineIndex::new(&src);
                let f = parse_text(&src, &index, "x", lang, Want { tokens: true, structure: true });
                let failed = f.failed;
                drop(f);
                let mut p = lo;
                // SAFETY: as above; the words are read after the parse returned.
                while p < hi && unsafe { *(p as *const u64) } == 0xA5A5_A5A5_A5A5_A5A5 {
                    p += 8;
                }
                (hi - p + (256 << 10), est, failed)
            })
            .unwrap()
            .join()
            .unwrap()
    }

    #[test]
    #[ignore = "a measurement, not a check: prints bytes of stack per unit of the bound"]
    fn calibrate_stack_per_level() {
        let n: usize = std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(2000);
        for ((name, lang, small), (_, _, large)) in
            super::tests::nesting_family(n).into_iter().zip(super::tests::nesting_family(2 * n))
        {
            let (s1, e1, f1) = stack_used(small, lang);
            let (s2, e2, f2) = stack_used(large, lang);
            let per = (s2 as f64 - s1 as f64) / ((e2 as f64 - e1 as f64).max(1.0));
            eprintln!(
                "{name:<18} bound {e1:>6} -> {e2:>6}  stack {:>7} KiB -> {:>7} KiB  {per:>6.0} B per unit  failed {f1}/{f2}",
                s1 >> 10,
                s2 >> 10,
            );
        }
    }
}
