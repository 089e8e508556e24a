//! Top-level units of a module (functions, React components, hooks, classes, exported
//! constants, types) with their line spans, read from the AST during the one parse. The
//! extraction planner snaps clone fragments to these, so that it moves whole declarations.

use crate::lines::LineIndex;
use serde::Serialize;
use swc_common::Span;
use swc_ecma_ast as ast;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// A function whose name starts with an upper-case letter, in a JSX/TSX file.
    Component,
    /// A function named `useX`.
    Hook,
    Function,
    Class,
    /// A non-function variable.
    Const,
    /// An interface or type alias.
    Type,
    Enum,
    /// `export default <expression>`.
    Default,
    /// A whole module that moves along with planned code (the planner's closure).
    Module,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Unit {
    pub name: String,
    pub kind: UnitKind,
    pub exported: bool,
    pub start_line: u32,
    pub end_line: u32,
}

/// The kind of a function-like declaration from its name (React's own conventions).
fn function_kind(name: &str, jsx: bool) -> UnitKind {
    let mut chars = name.chars();
    let first = chars.next().unwrap_or('_');
    if name.starts_with("use") && name[3..].chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
        UnitKind::Hook
    } else if jsx && first.is_ascii_uppercase() {
        UnitKind::Component
    } else {
        UnitKind::Function
    }
}

fn is_function(expr: &ast::Expr) -> bool {
    match expr {
        ast::Expr::Arrow(_) | ast::Expr::Fn(_) => true,
        ast::Expr::Paren(p) => is_function(&p.expr),
        // `memo(() => …)`, `forwardRef(function X() {…})`: a wrapped component.
        ast::Expr::Call(c) => c.args.iter().any(|a| is_function(&a.expr)),
        ast::Expr::TsAs(a) => is_function(&a.expr),
        ast::Expr::TsSatisfies(s) => is_function(&s.expr),
        _ => false,
    }
}

struct Builder<'a> {
    index: &'a LineIndex,
    start: u32,
    jsx: bool,
    out: Vec<Unit>,
}

impl Builder<'_> {
    fn push(&mut self, name: String, kind: UnitKind, exported: bool, span: Span) {
        let (start_line, _) = self.index.position(span.lo.0.saturating_sub(self.start));
        let (end_line, _) = self.index.position(span.hi.0.saturating_sub(self.start).saturating_sub(1));
        self.out.push(Unit { name, kind, exported, start_line, end_line: end_line.max(start_line) });
    }

    fn decl(&mut self, decl: &ast::Decl, exported: bool, span: Span) {
        match decl {
            ast::Decl::Fn(f) => {
                let name = f.ident.sym.to_string();
                let kind = function_kind(&name, self.jsx);
                self.push(name, kind, exported, span);
            }
            ast::Decl::Class(c) => self.push(c.ident.sym.to_string(), UnitKind::Class, exported, span),
            ast::Decl::Var(v) => {
                // One unit per declarator; a single declarator spans the whole statement.
                let single = v.decls.len() == 1;
                for d in &v.decls {
                    let ast::Pat::Ident(id) = &d.name else { continue };
                    let name = id.id.sym.to_string();
                    let kind = match &d.init {
                        Some(init) if is_function(init) => function_kind(&name, self.jsx),
                        _ => UnitKind::Const,
                    };
                    self.push(name, kind, exported, if single { span } else { d.span });
                }
            }
            ast::Decl::TsInterface(i) => self.push(i.id.sym.to_string(), UnitKind::Type, exported, span),
            ast::Decl::TsTypeAlias(t) => self.push(t.id.sym.to_string(), UnitKind::Type, exported, span),
            ast::Decl::TsEnum(e) => self.push(e.id.sym.to_string(), UnitKind::Enum, exported, span),
            _ => {}
        }
    }
}

/// The top-level units of a program, in source order.
pub fn units(program: &ast::Program, index: &LineIndex, start: u32, jsx: bool) -> Vec<Unit> {
    let mut b = Builder { index, start, jsx, out: Vec::new() };
    let items: Vec<(Option<&ast::ModuleDecl>, Option<&ast::Stmt>)> = match program {
        ast::Program::Module(m) => m
            .body
            .iter()
            .map(|i| match i {
                ast::ModuleItem::ModuleDecl(d) => (Some(d), None),
                ast::ModuleItem::Stmt(s) => (None, Some(s)),
            })
            .collect(),
        ast::Program::Script(s) => s.body.iter().map(|s| (None, Some(s))).collect(),
    };
    for item in items {
        match item {
            (_, Some(ast::Stmt::Decl(d))) => b.decl(d, false, stmt_span(d)),
            (Some(ast::ModuleDecl::ExportDecl(e)), _) => b.decl(&e.decl, true, e.span),
            (Some(ast::ModuleDecl::ExportDefaultDecl(e)), _) => match &e.decl {
                ast::DefaultDecl::Fn(f) => {
                    let name = f.ident.as_ref().map_or("default".to_string(), |i| i.sym.to_string());
                    let kind = function_kind(&name, b.jsx);
                    b.push(name, kind, true, e.span);
                }
                ast::DefaultDecl::Class(c) => {
                    let name = c.ident.as_ref().map_or("default".to_string(), |i| i.sym.to_string());
                    b.push(name, UnitKind::Class, true, e.span);
                }
                ast::DefaultDecl::TsInterfaceDecl(i) => {
                    b.push(i.id.sym.to_string(), UnitKind::Type, true, e.span)
                }
            },
            (Some(ast::ModuleDecl::ExportDefaultExpr(e)), _) => {
                b.push("default".to_string(), UnitKind::Default, true, e.span)
            }
            _ => {}
        }
    }
    b.out
}

fn stmt_span(d: &ast::Decl) -> Span {
    use swc_common::Spanned;
    d.span()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_bytes, Lang};

    #[test]
    fn components_hooks_functions_and_types() {
        let src = "import { useState } from 'react';
export function Button({ label }: Props) {
  return <button>{label}</button>;
}
export const useToggle = (on = false) => {
  const [v, set] = useState(on);
  return [v, () => set(!v)] as const;
};
const Card = memo(() => <div />);
function slugify(s: string) {
  return s.toLowerCase();
}
export const API_URL = process.env.NEXT_PUBLIC_API_URL;
export interface Props { label: string }
export type Size = 'sm' | 'lg';
export default Button;
";
        let facts = parse_bytes(src.as_bytes(), "b.tsx", Lang::Tsx);
        let got: Vec<(String, UnitKind, bool, u32, u32)> =
            facts.units.into_iter().map(|u| (u.name, u.kind, u.exported, u.start_line, u.end_line)).collect();
        use UnitKind::*;
        assert_eq!(
            got,
            vec![
                ("Button".into(), Component, true, 2, 4),
                ("useToggle".into(), Hook, true, 5, 8),
                ("Card".into(), Component, false, 9, 9),
                ("slugify".into(), Function, false, 10, 12),
                ("API_URL".into(), Const, true, 13, 13),
                ("Props".into(), Type, true, 14, 14),
                ("Size".into(), Type, true, 15, 15),
                ("default".into(), Default, true, 16, 16),
            ]
        );
    }
}
