//! Escaping of repository-derived text (file and package names, specifiers, unit names,
//! messages quoting code) before it is printed in a text format: a terminal, a CI log, a
//! Markdown comment, a DOT or Mermaid graph. JSON and SARIF need none of this: serde escapes
//! every control character, and their strings stay exact.
//!
//! [`text`] is the one rule for terminals and logs: every control character (C0, DEL, C1) and
//! every invisible character that reorders or hides text (bidi overrides and isolates, zero-width
//! characters, line and paragraph separators, BOM) is shown as a Rust-style escape: `\n`, `\r`,
//! `\t`, `\x1b` for the other ASCII controls, `\u{202e}` for the rest. So an ESC never reaches
//! the terminal (no cleared screen, no retitled window, no fake colours), a newline never starts
//! a new log line (no forged `::error::` workflow command) and a bidi override cannot make a
//! name read differently from what it is. A backslash is left as it is, so a name that holds the
//! four characters `\x1b` prints like one that holds an ESC: the output is for people, and the
//! JSON report has the exact bytes.
//!
//! The Markdown helpers build on it: [`md`] for prose and table cells, [`code`] and
//! [`code_cell`] for code spans.

use std::borrow::Cow;
use std::fmt::Write;

/// Characters that must not reach a terminal or a log as they are.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200b}'..='\u{200f}' // zero-width space/joiners, LRM, RLM
                | '\u{2028}' | '\u{2029}' // line and paragraph separators
                | '\u{202a}'..='\u{202e}' // bidi embeddings and overrides
                | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
                | '\u{2066}'..='\u{2069}' // bidi isolates
                | '\u{feff}' // BOM, zero-width no-break space
        )
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if (c as u32) < 0x80 => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

/// `s` with every control and invisible character escaped (see the module docs); borrowed when
/// there is none, which is nearly always.
pub fn text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hidden(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`text`], but line breaks kept: for multi-line messages that monodup composes itself (a
/// config error quoting the line it is about), whose repository-derived parts are escaped with
/// [`text`] where they are put in.
pub fn lines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_hidden(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if c != '\n' && is_hidden(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A whole rendered text output, line breaks kept: the last line of defence behind the per-field
/// escaping, so a field that a renderer forgot still cannot carry an ESC to the terminal. Only
/// `\n` passes (each renderer escapes the line breaks of the fields themselves).
pub fn output(bytes: Vec<u8>) -> Vec<u8> {
    let s = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    match lines(&s) {
        Cow::Borrowed(_) => s.into_bytes(),
        Cow::Owned(escaped) => escaped.into_bytes(),
    }
}

/// Markdown prose or a table cell: [`text`], then a backslash before every character that could
/// start Markdown or HTML (`\`, `` ` ``, `*`, `_`, `[`, `]`, `<`, `>`, `|`, `~`, `&`, `#`, `!`),
/// so a name renders as written: no link, no emphasis, no `<!--` that hides the rest of a
/// comment, no `|` that splits a table cell. CommonMark allows a backslash before any ASCII
/// punctuation, and GFM tables take `\|` as a literal `|`.
pub fn md(s: &str) -> String {
    let s = text(s);
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A Markdown code span holding `s` exactly: fenced with one backtick more than the longest run
/// of backticks inside, padded with a space when `s` starts or ends with a backtick or a space
/// (CommonMark strips one space from each side). For prose and lists; in a table use
/// [`code_cell`].
pub fn code(s: &str) -> String {
    let s = text(s);
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    let pad = s.starts_with(['`', ' ']) || s.ends_with(['`', ' ']);
    let pad = if pad { " " } else { "" };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// [`code`] inside a GFM table cell: a `|` would end the cell even inside a code span, so it is
/// written `\|` (the table parser removes the backslash).
pub fn code_cell(s: &str) -> String {
    code(s).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_not_sent() {
        assert_eq!(text("apps/x/a.ts"), "apps/x/a.ts");
        assert!(matches!(text("plain"), Cow::Borrowed(_)));
        assert_eq!(text("a\x1b]0;pwned\x07\x1b[2J.ts"), "a\\x1b]0;pwned\\x07\\x1b[2J.ts");
        assert_eq!(text("a\nb\r\tc\x7f"), "a\\nb\\r\\tc\\x7f");
        assert_eq!(text("\u{9b}31m \u{202e}gnp.ts"), "\\u{9b}31m \\u{202e}gnp.ts");
        assert_eq!(text("café ☕"), "café ☕");
    }

    #[test]
    fn whole_outputs_keep_their_line_breaks() {
        assert_eq!(output(b"a\n\x1b[2Jb\n".to_vec()), b"a\n\\x1b[2Jb\n".to_vec());
        assert_eq!(output(b"ok\n".to_vec()), b"ok\n".to_vec());
    }

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(md("evil|pkg"), "evil\\|pkg");
        assert_eq!(md("[x](http://e) <!-- `a` *b*"), "\\[x\\](http://e) \\<\\!-- \\`a\\` \\*b\\*");
        assert_eq!(code("a.ts"), "`a.ts`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("``x"), "``` ``x ```");
        assert_eq!(code(" x "), "`  x  `");
        assert_eq!(code_cell("evil|`pkg`"), "`` evil\\|`pkg` ``");
    }
}
