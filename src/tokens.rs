//! Normalized tokens for clone detection, made from the tokens swc's lexer captured during the
//! one parse of a file. A token keeps two identities and where it is:
//! - `sym`, the *renamed* identity: identifiers (JSX names and contextual keywords included) are
//!   one symbol, literals one symbol per kind; keywords and punctuation stay themselves;
//! - `exact`, a 64-bit hash of the token's class and text (string quotes and JSX-text
//!   whitespace normalized), for exact mode and for telling exact copies from renamed ones.

use rustc_hash::FxHasher;
use std::hash::Hasher;
use swc_ecma_parser::unstable::{Token, TokenAndSpan};

/// One token: 16 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub exact: u64,
    /// Byte offset in the file; the top bit marks a token inside a TypeScript `interface` or
    /// `type` declaration (left out with `--ignore-types`).
    offset: u32,
    pub sym: u16,
    /// Byte length, saturated (end columns in reports).
    len: u16,
}

const TYPE_BIT: u32 = 1 << 31;
/// The renamed symbol of every identifier.
pub const SYM_IDENT: u16 = 1000;

impl Tok {
    pub fn offset(self) -> u32 {
        self.offset & !TYPE_BIT
    }

    pub fn end(self) -> u32 {
        self.offset() + u32::from(self.len)
    }

    pub fn in_type(self) -> bool {
        self.offset & TYPE_BIT != 0
    }

    /// The identity clone detection compares in a mode.
    pub fn key(self, renamed: bool) -> u64 {
        if renamed {
            u64::from(self.sym)
        } else {
            self.exact
        }
    }
}

/// Tokens that end the statement before a copied block (`;`, `}`, `)`, `]`, `,`): a clone
/// that starts with one only grew into its neighbour by a token.
pub fn closes_previous(sym: u16) -> bool {
    [Token::Semi, Token::RBrace, Token::RParen, Token::RBracket, Token::Comma]
        .iter()
        .any(|t| sym == *t as u8 as u16)
}

/// Tokens that open what comes after a copied block (`{`, `(`, `[`, `,`, `=`).
pub fn opens_next(sym: u16) -> bool {
    [Token::LBrace, Token::LParen, Token::LBracket, Token::Comma, Token::Eq]
        .iter()
        .any(|t| sym == *t as u8 as u16)
}

fn is_ident_like(t: Token) -> bool {
    matches!(t, Token::Ident | Token::JSXName) || t.is_known_ident()
}

/// Byte ranges (start, end), sorted, that take no part in clones.
pub struct Exclusions<'a> {
    /// Import declarations and `export … from`.
    pub skip: &'a [(u32, u32)],
    /// TypeScript interface and type alias declarations.
    pub types: &'a [(u32, u32)],
}

fn inside(ranges: &[(u32, u32)], cursor: &mut usize, offset: u32) -> bool {
    while *cursor < ranges.len() && ranges[*cursor].1 <= offset {
        *cursor += 1;
    }
    ranges.get(*cursor).is_some_and(|&(s, e)| s <= offset && offset < e)
}

/// Normalizes the captured tokens of `text`; `start` is the position swc gave the first byte.
pub fn normalize(text: &str, captured: &[TokenAndSpan], start: u32, ex: &Exclusions) -> Vec<Tok> {
    let mut out = Vec::with_capacity(captured.len());
    let (mut skip_at, mut type_at) = (0, 0);
    for t in captured {
        let lo = t.span.lo.0.saturating_sub(start);
        let hi = t.span.hi.0.saturating_sub(start).max(lo);
        if t.token == Token::Eof || t.token == Token::Error || inside(ex.skip, &mut skip_at, lo) {
            continue;
        }
        let raw = text.get(lo as usize..hi as usize).unwrap_or("");
        let sym = if is_ident_like(t.token) { SYM_IDENT } else { t.token as u8 as u16 };
        let mut h = FxHasher::default();
        h.write_u16(sym);
        match t.token {
            Token::Str => h.write(strip_quotes(raw).as_bytes()),
            Token::JSXText => {
                for word in raw.split_whitespace() {
                    h.write(word.as_bytes());
                    h.write_u8(b' ');
                }
            }
            _ => h.write(raw.as_bytes()),
        }
        let typed = if inside(ex.types, &mut type_at, lo) { TYPE_BIT } else { 0 };
        out.push(Tok {
            exact: h.finish(),
            offset: lo | typed,
            sym,
            len: (hi - lo).min(u32::from(u16::MAX)) as u16,
        });
    }
    out
}

/// `"a"` and `'a'` are the same string.
fn strip_quotes(raw: &str) -> &str {
    let b = raw.as_bytes();
    if b.len() >= 2 && (b[0] == b'"' || b[0] == b'\'') && b[b.len() - 1] == b[0] {
        &raw[1..raw.len() - 1]
    } else {
        raw
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_bytes_with_tokens, Lang};

    fn toks(src: &str) -> Vec<Tok> {
        parse_bytes_with_tokens(src.as_bytes(), "x.tsx", Lang::Tsx).tokens
    }

    #[test]
    fn renaming_keeps_the_renamed_identity_only() {
        let a = toks(
            "const total = price * 2 + \"eur\";\nfunction f(x: number) { return <Box size={x}>hi</Box>; }\n",
        );
        let b = toks("const sum   = cost * 9 + 'usd'; // other\nfunction g(y: string) { return <Card size={y}>yo</Card>; }\n");
        assert_eq!(a.len(), b.len());
        assert!(a.iter().zip(&b).all(|(x, y)| x.sym == y.sym));
        assert!(a.iter().zip(&b).any(|(x, y)| x.exact != y.exact));
    }

    #[test]
    fn formatting_and_quotes_keep_the_exact_identity() {
        let a = toks("const a = { b: 'x', c: [1, 2] };\nconst j = <p>\n  hello   world\n</p>;");
        let b = toks("const a={b:\"x\",c:[1,2]} /* c */ ;const j = <p>hello world</p>;");
        assert_eq!(
            a.iter().map(|t| t.exact).collect::<Vec<_>>(),
            b.iter().map(|t| t.exact).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_file_with_a_syntax_error_keeps_the_tokens_before_it() {
        let f =
            parse_bytes_with_tokens(b"const a = 1;\nconst b = 2;\nconst c = <div>;\n", "x.tsx", Lang::Tsx);
        assert!(f.failed);
        assert!(f.tokens.len() >= 10, "{}", f.tokens.len());
    }

    #[test]
    fn imports_are_left_out_and_types_marked() {
        let t = toks(
            "import { a } from './a';\nexport { b } from './b';\ninterface P { x: number }\nconst y = 1;\n",
        );
        // `interface P { x : number }` = 7 tokens marked; `const y = 1 ;` = 5 plain.
        assert_eq!(t.iter().filter(|t| t.in_type()).count(), 7);
        assert_eq!(t.iter().filter(|t| !t.in_type()).count(), 5);
    }
}
