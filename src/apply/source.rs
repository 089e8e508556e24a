//! What `apply` needs of a file it edits, from one swc parse of its text: the byte span of every
//! module specifier, the import declarations with their bindings, the top-level statements with
//! the names they declare, and the identifiers each statement refers to. Edits are then byte
//! spans of the original text, so untouched code stays byte-for-byte as it was.

use crate::model::Lang;
use swc_common::{BytePos, Spanned};
use swc_ecma_ast as ast;
use swc_ecma_parser::{Parser, StringInput};
use swc_ecma_visit::{Visit, VisitWith};

/// swc positions start at 1.
const START: u32 = 1;
/// Stack for the parse and the visits (virtual memory; only what a deep file needs is touched).
const STACK: usize = 256 << 20;

/// A string literal that names a module: `"./x"` in `import … from "./x"`, `require("./x")`,
/// `import("./x")`, `export … from "./x"`, `import x = require("./x")`, `import("./x")` types.
#[derive(Debug, Clone)]
pub struct Specifier {
    pub value: String,
    /// Byte span of the literal, quotes included.
    pub lo: usize,
    pub hi: usize,
}

/// One binding of an import declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// The local name.
    pub local: String,
    /// `default`, `*` (namespace) or the imported name.
    pub imported: String,
    pub type_only: bool,
}

/// A top-level statement.
#[derive(Debug, Clone)]
pub struct Statement {
    /// Byte span of the statement.
    pub lo: usize,
    pub hi: usize,
    /// An `import` declaration: its source and bindings.
    pub import: Option<(String, Vec<Binding>, bool)>,
    /// Names it declares (a function, class, variables, type, enum), exported or not.
    pub declares: Vec<String>,
    /// True when the statement is `export …` (or `export default …`).
    pub exported: bool,
    /// True for `export default …`.
    pub default: bool,
    /// Identifiers it refers to (any `Ident` in it), sorted, once each.
    pub refs: Vec<String>,
    /// What an `export { … }` (with or without `from`) exports: the exported names; `*` for
    /// `export *`.
    pub reexports: Vec<String>,
    /// Property, member and attribute names in it (`IdentName`s), sorted, once each: the
    /// names a caller sees, which a renamed copy may not change.
    pub props: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Source {
    pub specifiers: Vec<Specifier>,
    pub statements: Vec<Statement>,
}

impl Source {
    /// Parses `text`; None when swc cannot (the caller names the file).
    pub fn parse(text: &str, lang: Lang) -> Option<Source> {
        stacker::grow(STACK, || {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parse_unguarded(text, lang)))
                .ok()
                .flatten()
        })
    }

    /// The statement whose span starts on or after `lo` and covers the byte range `lo..hi`.
    pub fn statement_at(&self, lo: usize, hi: usize) -> Option<usize> {
        self.statements.iter().position(|s| s.lo <= lo && hi <= s.hi)
    }
}

impl Source {
    /// Property, member and interface key names of the statements overlapping lines
    /// `start..=end` of `text` (the text this was parsed from).
    pub fn props_in(&self, text: &str, start: u32, end: u32) -> std::collections::BTreeSet<String> {
        let (lo, hi) = line_span(text, start, end);
        self.statements
            .iter()
            .filter(|s| s.lo < hi && lo < s.hi)
            .flat_map(|s| s.props.iter().cloned())
            .collect()
    }
}

/// The byte range of lines `start..=end` (1-based), through the end of the last line.
pub fn line_span(text: &str, start: u32, end: u32) -> (usize, usize) {
    let mut offsets = vec![0usize];
    offsets.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let lo = offsets.get(start.saturating_sub(1) as usize).copied().unwrap_or(text.len());
    let hi = offsets.get(end as usize).copied().unwrap_or(text.len());
    (lo, hi)
}

/// Files of a tree read and parsed once each, by path relative to the root; a file that cannot
/// be read or parsed is None (callers treat it as holding nothing).
pub struct ParseCache<'a> {
    root: &'a std::path::Path,
    files: std::collections::HashMap<String, Option<(String, Source)>>,
}

impl<'a> ParseCache<'a> {
    pub fn new(root: &'a std::path::Path) -> ParseCache<'a> {
        ParseCache { root, files: std::collections::HashMap::new() }
    }

    pub fn get(&mut self, path: &str) -> Option<&(String, Source)> {
        let root = self.root;
        self.files
            .entry(path.to_string())
            .or_insert_with(|| {
                let text = std::fs::read_to_string(root.join(path)).ok()?;
                let src = Source::parse(&text, Lang::from_path(path).unwrap_or(Lang::Ts))?;
                Some((text, src))
            })
            .as_ref()
    }
}

fn parse_unguarded(text: &str, lang: Lang) -> Option<Source> {
    let input = StringInput::new(text, BytePos(START), BytePos(START + text.len() as u32));
    let mut parser = Parser::new(crate::parse::syntax_of(lang), input, None);
    let module = parser.parse_module().ok()?;
    let mut specs = Specs::default();
    module.visit_with(&mut specs);
    let mut statements = Vec::with_capacity(module.body.len());
    for item in &module.body {
        let span = item.span();
        let mut refs = Refs::default();
        item.visit_with(&mut refs);
        refs.0.sort();
        refs.0.dedup();
        refs.1.sort();
        refs.1.dedup();
        let (import, declares, exported, default) = describe(item);
        statements.push(Statement {
            lo: off(span.lo),
            hi: off(span.hi),
            import,
            declares,
            exported,
            default,
            refs: refs.0,
            props: refs.1,
            reexports: reexports(item),
        });
    }
    specs.0.sort_by_key(|s| s.lo);
    Some(Source { specifiers: specs.0, statements })
}

fn off(pos: BytePos) -> usize {
    pos.0.saturating_sub(START) as usize
}

type Described = (Option<(String, Vec<Binding>, bool)>, Vec<String>, bool, bool);

fn describe(item: &ast::ModuleItem) -> Described {
    match item {
        ast::ModuleItem::ModuleDecl(ast::ModuleDecl::Import(decl)) => {
            let bindings = decl
                .specifiers
                .iter()
                .map(|s| match s {
                    ast::ImportSpecifier::Named(n) => Binding {
                        local: n.local.sym.to_string(),
                        imported: match &n.imported {
                            Some(ast::ModuleExportName::Ident(i)) => i.sym.to_string(),
                            Some(ast::ModuleExportName::Str(s)) => crate::parse::str_value(s),
                            None => n.local.sym.to_string(),
                        },
                        type_only: n.is_type_only,
                    },
                    ast::ImportSpecifier::Default(d) => Binding {
                        local: d.local.sym.to_string(),
                        imported: "default".into(),
                        type_only: false,
                    },
                    ast::ImportSpecifier::Namespace(n) => {
                        Binding { local: n.local.sym.to_string(), imported: "*".into(), type_only: false }
                    }
                })
                .collect();
            (Some((crate::parse::str_value(&decl.src), bindings, decl.type_only)), Vec::new(), false, false)
        }
        ast::ModuleItem::ModuleDecl(ast::ModuleDecl::ExportDecl(e)) => {
            (None, decl_names(&e.decl), true, false)
        }
        ast::ModuleItem::ModuleDecl(ast::ModuleDecl::ExportDefaultDecl(e)) => {
            let name = match &e.decl {
                ast::DefaultDecl::Fn(f) => f.ident.as_ref().map(|i| i.sym.to_string()),
                ast::DefaultDecl::Class(c) => c.ident.as_ref().map(|i| i.sym.to_string()),
                ast::DefaultDecl::TsInterfaceDecl(i) => Some(i.id.sym.to_string()),
            };
            (None, name.into_iter().collect(), true, true)
        }
        ast::ModuleItem::ModuleDecl(ast::ModuleDecl::ExportDefaultExpr(_)) => (None, Vec::new(), true, true),
        ast::ModuleItem::ModuleDecl(_) => (None, Vec::new(), true, false),
        ast::ModuleItem::Stmt(ast::Stmt::Decl(d)) => (None, decl_names(d), false, false),
        ast::ModuleItem::Stmt(_) => (None, Vec::new(), false, false),
    }
}

fn reexports(item: &ast::ModuleItem) -> Vec<String> {
    match item {
        ast::ModuleItem::ModuleDecl(ast::ModuleDecl::ExportAll(_)) => vec!["*".into()],
        ast::ModuleItem::ModuleDecl(ast::ModuleDecl::ExportNamed(e)) => e
            .specifiers
            .iter()
            .filter_map(|s| match s {
                ast::ExportSpecifier::Named(n) => {
                    let name = n.exported.as_ref().unwrap_or(&n.orig);
                    Some(match name {
                        ast::ModuleExportName::Ident(i) => i.sym.to_string(),
                        ast::ModuleExportName::Str(s) => crate::parse::str_value(s),
                    })
                }
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn decl_names(decl: &ast::Decl) -> Vec<String> {
    match decl {
        ast::Decl::Fn(f) => vec![f.ident.sym.to_string()],
        ast::Decl::Class(c) => vec![c.ident.sym.to_string()],
        ast::Decl::Var(v) => {
            let mut names = Vec::new();
            for d in &v.decls {
                pat_names(&d.name, &mut names);
            }
            names
        }
        ast::Decl::TsInterface(i) => vec![i.id.sym.to_string()],
        ast::Decl::TsTypeAlias(t) => vec![t.id.sym.to_string()],
        ast::Decl::TsEnum(e) => vec![e.id.sym.to_string()],
        ast::Decl::TsModule(m) => match &m.id {
            ast::TsModuleName::Ident(i) => vec![i.sym.to_string()],
            ast::TsModuleName::Str(_) => Vec::new(),
        },
        ast::Decl::Using(_) => Vec::new(),
    }
}

fn pat_names(pat: &ast::Pat, out: &mut Vec<String>) {
    match pat {
        ast::Pat::Ident(i) => out.push(i.id.sym.to_string()),
        ast::Pat::Array(a) => a.elems.iter().flatten().for_each(|p| pat_names(p, out)),
        ast::Pat::Object(o) => {
            for p in &o.props {
                match p {
                    ast::ObjectPatProp::KeyValue(kv) => pat_names(&kv.value, out),
                    ast::ObjectPatProp::Assign(a) => out.push(a.key.sym.to_string()),
                    ast::ObjectPatProp::Rest(r) => pat_names(&r.arg, out),
                }
            }
        }
        ast::Pat::Rest(r) => pat_names(&r.arg, out),
        ast::Pat::Assign(a) => pat_names(&a.left, out),
        ast::Pat::Expr(_) | ast::Pat::Invalid(_) => {}
    }
}

#[derive(Default)]
struct Specs(Vec<Specifier>);

impl Specs {
    fn push(&mut self, s: &ast::Str) {
        self.0.push(Specifier { value: crate::parse::str_value(s), lo: off(s.span.lo), hi: off(s.span.hi) });
    }
}

impl Visit for Specs {
    fn visit_import_decl(&mut self, d: &ast::ImportDecl) {
        self.push(&d.src);
    }
    fn visit_named_export(&mut self, e: &ast::NamedExport) {
        if let Some(src) = &e.src {
            self.push(src);
        }
    }
    fn visit_export_all(&mut self, e: &ast::ExportAll) {
        self.push(&e.src);
    }
    fn visit_ts_import_equals_decl(&mut self, d: &ast::TsImportEqualsDecl) {
        if let ast::TsModuleRef::TsExternalModuleRef(r) = &d.module_ref {
            self.push(&r.expr);
        }
    }
    fn visit_ts_import_type(&mut self, t: &ast::TsImportType) {
        self.push(&t.arg);
        t.visit_children_with(self);
    }
    fn visit_call_expr(&mut self, call: &ast::CallExpr) {
        let module_call = match &call.callee {
            ast::Callee::Import(_) => true,
            ast::Callee::Expr(e) => matches!(&**e, ast::Expr::Ident(id) if &*id.sym == "require"),
            ast::Callee::Super(_) => false,
        };
        if module_call && call.args.len() == 1 {
            if let ast::Expr::Lit(ast::Lit::Str(s)) = &*call.args[0].expr {
                self.push(s);
            }
        }
        call.visit_children_with(self);
    }
}

/// Every identifier of a statement: what a moved statement needs from the rest of its file.
#[derive(Default)]
struct Refs(Vec<String>, Vec<String>);

impl Visit for Refs {
    fn visit_ident(&mut self, i: &ast::Ident) {
        self.0.push(i.sym.to_string());
    }
    fn visit_ident_name(&mut self, i: &ast::IdentName) {
        self.1.push(i.sym.to_string());
    }
    // Interface members are keyed by expressions: their names are what callers see too.
    fn visit_ts_property_signature(&mut self, p: &ast::TsPropertySignature) {
        if let ast::Expr::Ident(i) = &*p.key {
            self.1.push(i.sym.to_string());
        }
        p.visit_children_with(self);
    }
    fn visit_ts_method_signature(&mut self, m: &ast::TsMethodSignature) {
        if let ast::Expr::Ident(i) = &*m.key {
            self.1.push(i.sym.to_string());
        }
        m.visit_children_with(self);
    }
    fn visit_import_decl(&mut self, _: &ast::ImportDecl) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specifiers_statements_and_refs() {
        let text = "import a, { b as c, type D } from \"./x\";\nconst r = require('./y');\nexport function f(): D { return c(a) + r; }\nconst g = () => import(\"./z\");\n";
        let s = Source::parse(text, Lang::Ts).unwrap();
        let values: Vec<_> = s.specifiers.iter().map(|s| s.value.as_str()).collect();
        assert_eq!(values, ["./x", "./y", "./z"]);
        assert_eq!(&text[s.specifiers[1].lo..s.specifiers[1].hi], "'./y'");
        assert_eq!(s.statements.len(), 4);
        let (src, bindings, type_only) = s.statements[0].import.clone().unwrap();
        assert_eq!((src.as_str(), type_only), ("./x", false));
        assert_eq!(bindings[1], Binding { local: "c".into(), imported: "b".into(), type_only: false });
        assert!(bindings[2].type_only);
        assert_eq!(s.statements[2].declares, ["f"]);
        assert!(s.statements[2].exported);
        for name in ["D", "a", "c", "r"] {
            assert!(s.statements[2].refs.iter().any(|r| r == name), "{name}");
        }
        assert_eq!(&text[s.statements[1].lo..s.statements[1].hi], "const r = require('./y');");
    }
}
