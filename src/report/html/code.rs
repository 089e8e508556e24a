//! The copied code of the clone classes the HTML report lists: read again from ROOT (source text
//! is dropped after the parse, and only the classes shown need it), cut to the fragments' lines,
//! split into tokens and compared with the first fragment by `similar`, so that the tokens that
//! differ between the copies are marked. Everything is escaped here, once: the result is HTML.
//!
//! Only what the [`Limits`] allow is embedded (the report of a million-line tree stays small):
//! the largest classes first, a few fragments each, a bounded number of lines per fragment and
//! of bytes overall; docs/html.md states the figures.

use super::esc;
use crate::report::CloneReport;
use similar::{capture_diff_slices, Algorithm, DiffTag};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

/// A source file read for the report: at most this big (the parse's own cap).
const MAX_READ_BYTES: u64 = 8 << 20;

/// What the HTML report embeds at most. [`Limits::DEFAULT`] is what docs/html.md documents.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Clone classes listed (the largest by lines; the rest are counted).
    pub clone_rows: usize,
    /// Classes whose code is embedded (the largest listed ones).
    pub code_classes: usize,
    /// Bytes of embedded code (as HTML) over all classes.
    pub code_bytes: usize,
    /// Fragments of one class shown side by side.
    pub fragments_shown: usize,
    /// Fragments of one class listed (file and lines).
    pub fragments_listed: usize,
    /// Lines of one fragment shown.
    pub fragment_lines: u32,
    /// Rows of any other long list (files of an item, diagnostics of one code, ...).
    pub list_rows: usize,
}

impl Limits {
    pub const DEFAULT: Limits = Limits {
        clone_rows: 2000,
        code_classes: 200,
        code_bytes: 4 << 20,
        fragments_shown: 4,
        fragments_listed: 20,
        fragment_lines: 300,
        list_rows: 100,
    };
}

/// Files read so far: their lines, or why they could not be read.
#[derive(Default)]
pub struct Sources {
    files: BTreeMap<String, Result<Vec<String>, String>>,
}

impl Sources {
    fn lines(&mut self, root: &Path, file: &str) -> &Result<Vec<String>, String> {
        self.files.entry(file.to_string()).or_insert_with(|| {
            match crate::files::read(&root.join(file), MAX_READ_BYTES) {
                Ok(bytes) => Ok(String::from_utf8_lossy(&bytes).lines().map(str::to_string).collect()),
                Err(e) => Err(e.to_string()),
            }
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Spaces and tabs: shown, never compared.
    Space,
    Newline,
    /// An identifier, a keyword or a number.
    Word,
    /// Any other character.
    Other,
}

struct Token<'a> {
    text: &'a str,
    kind: Kind,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let class = |c: char| {
            if c == ' ' || c == '\t' {
                Kind::Space
            } else if c == '\n' {
                Kind::Newline
            } else if c.is_alphanumeric() || c == '_' || c == '$' {
                Kind::Word
            } else {
                Kind::Other
            }
        };
        let kind = class(c);
        let mut end = start + c.len_utf8();
        if matches!(kind, Kind::Space | Kind::Word) {
            while let Some(&(i, d)) = chars.peek() {
                if class(d) != kind {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
        }
        out.push(Token { text: &text[start..end], kind });
    }
    out
}

/// A token as compared: quote style is not a difference (clone detection ignores it too).
fn key(t: &str) -> &str {
    if t == "'" {
        "\""
    } else {
        t
    }
}

fn intern<'a>(ids: &mut rustc_hash::FxHashMap<&'a str, u32>, t: &'a str) -> u32 {
    let next = ids.len() as u32;
    *ids.entry(key(t)).or_insert(next)
}

/// One fragment as shown: its lines (cut to the cap) and whether it was cut.
struct Shown {
    text: String,
    start_line: u32,
    cut: bool,
}

/// The fragments' code side by side, differing tokens marked; `None` when no fragment could be
/// read. `budget` is what is left of [`Limits::code_bytes`]; a class that does not fit is left
/// out (`Err` with the bytes it needed).
pub fn sides(
    class: &CloneReport,
    root: &Path,
    sources: &mut Sources,
    limits: &Limits,
    budget: usize,
) -> Result<String, usize> {
    let frags: Vec<_> = class.fragments.iter().take(limits.fragments_shown.max(1)).collect();
    let shown: Vec<Result<Shown, String>> = frags
        .iter()
        .map(|f| {
            let lines = sources.lines(root, &f.file).as_ref().map_err(Clone::clone)?;
            let first = f.start_line.max(1);
            let last = f.end_line.max(first).min(first.saturating_add(limits.fragment_lines.max(1) - 1));
            let from = (first - 1) as usize;
            if from >= lines.len() {
                return Err("the file has fewer lines than when it was scanned".to_string());
            }
            let to = (last as usize).min(lines.len());
            Ok(Shown { text: lines[from..to].join("\n"), start_line: first, cut: last < f.end_line })
        })
        .collect();
    let toks: Vec<Vec<Token>> =
        shown.iter().map(|s| s.as_ref().map(|s| tokens(&s.text)).unwrap_or_default()).collect();
    let mut marks: Vec<Vec<bool>> = toks.iter().map(|t| vec![false; t.len()]).collect();
    // Compared tokens: every one but spaces and line breaks, so layout never counts as a change.
    let compared: Vec<Vec<usize>> = toks
        .iter()
        .map(|t| (0..t.len()).filter(|&i| matches!(t[i].kind, Kind::Word | Kind::Other)).collect())
        .collect();
    if shown[0].is_ok() {
        // Tokens as numbers: the diff compares integers, not strings (it was most of the time).
        let mut ids: rustc_hash::FxHashMap<&str, u32> = rustc_hash::FxHashMap::default();
        let a: Vec<u32> = compared[0].iter().map(|&i| intern(&mut ids, toks[0][i].text)).collect();
        for k in 1..toks.len() {
            if shown[k].is_err() {
                continue;
            }
            let b: Vec<u32> = compared[k].iter().map(|&i| intern(&mut ids, toks[k][i].text)).collect();
            for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
                let (tag, old, new) = op.as_tag_tuple();
                if tag == DiffTag::Equal {
                    continue;
                }
                for i in old {
                    marks[0][compared[0][i]] = true;
                }
                for i in new {
                    marks[k][compared[k][i]] = true;
                }
            }
        }
    }
    let mut html = String::new();
    let _ = write!(html, "<div class=\"sides\">");
    for (k, f) in frags.iter().enumerate() {
        let _ = write!(
            html,
            "<figure><figcaption><code>{}:{}-{}</code> <span class=\"pkg\">{}</span></figcaption>",
            esc(&f.file),
            f.start_line,
            f.end_line,
            esc(&f.package)
        );
        match &shown[k] {
            Ok(s) => {
                let _ = write!(
                    html,
                    "<pre class=\"code\" style=\"counter-reset:l {}\"><code>{}</code></pre>",
                    s.start_line - 1,
                    code_html(&toks[k], &marks[k])
                );
                if s.cut {
                    let _ = write!(
                        html,
                        "<p class=\"note\">Cut at {} lines (of {}).</p>",
                        limits.fragment_lines,
                        f.end_line.saturating_sub(f.start_line) + 1
                    );
                }
            }
            Err(why) => {
                let _ = write!(html, "<p class=\"note\">Code not shown: {}.</p>", esc(why));
            }
        }
        html.push_str("</figure>");
    }
    html.push_str("</div>");
    if html.len() > budget {
        return Err(html.len());
    }
    Ok(html)
}

/// Lines as `<span class="l">`, marked tokens as `<mark>`; every token escaped.
fn code_html(toks: &[Token], marks: &[bool]) -> String {
    let mut out = String::from("<span class=\"l\">");
    let mut open = false;
    // Whether the next token that is not a space is marked: a space stays inside a mark only
    // between two marked tokens.
    let mut next_marked = vec![false; toks.len()];
    let mut after = false;
    for i in (0..toks.len()).rev() {
        next_marked[i] = after;
        if toks[i].kind != Kind::Space {
            after = marks[i] && toks[i].kind != Kind::Newline;
        }
    }
    for (i, (t, &m)) in toks.iter().zip(marks).enumerate() {
        if t.kind == Kind::Newline {
            if open {
                out.push_str("</mark>");
                open = false;
            }
            // No `\n` between the lines: they are blocks already (a newline would double them).
            out.push_str("</span><span class=\"l\">");
            continue;
        }
        // Spaces between two marked tokens stay inside the mark: one run, not a dotted line.
        if m && !open {
            out.push_str("<mark>");
            open = true;
        } else if !m && open && (t.kind != Kind::Space || !next_marked[i]) {
            out.push_str("</mark>");
            open = false;
        }
        if t.kind == Kind::Space {
            out.push_str(t.text);
        } else {
            out.push_str(&esc(t.text));
        }
    }
    if open {
        out.push_str("</mark>");
    }
    out.push_str("</span>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_words_spaces_and_punctuation() {
        let t: Vec<&str> = tokens("a  = foo_1(\"<\");\n").iter().map(|t| t.text).collect();
        assert_eq!(t, ["a", "  ", "=", " ", "foo_1", "(", "\"", "<", "\"", ")", ";", "\n"]);
    }

    #[test]
    fn code_is_escaped_and_differences_marked() {
        let a = tokens("x = '</script><!--'");
        let marks = vec![false; a.len()];
        let html = code_html(&a, &marks);
        assert!(!html.contains("</script>"), "{html}");
        assert!(!html.contains("<!--"), "{html}");
        assert!(html.contains("&lt;/script&gt;&lt;!--"), "{html}");
        let b = tokens("foo bar\tbaz");
        let html = code_html(&b, &[false, false, true, false, true]);
        assert_eq!(html, "<span class=\"l\">foo <mark>bar\tbaz</mark></span>");
        let html = code_html(&b, &[true, false, false, false, true]);
        assert_eq!(html, "<span class=\"l\"><mark>foo</mark> bar\t<mark>baz</mark></span>");
    }
}
