//! An upper bound on how deep swc will recurse on a file, read from the bytes before the parse.
//!
//! swc's parser, its visitors and the drop of its AST all recurse once per level of nesting, and
//! a stack overflow aborts the whole process. The parse stage gives each file a stack sized from
//! this bound (or a `too-deep` diagnostic when the bound is absurd), so the bound must count every
//! construct that nests, not only brackets: arrows (`x => x => …`), ternaries, unary chains
//! (`!!!x`, `- - x`, `typeof typeof x`, `new new X`), binary and assignment chains (left-deep
//! `a + a + …` is one AST level per operator, and visiting or dropping it recurses), member and
//! call chains (`a.b.c`, `f()()()`), `if`/`else`/`while`/`for`/`do`/`with` and labels, template
//! `${`, JSX elements, TypeScript type arguments, `extends`, `keyof`.
//!
//! The model: a stack of bracket levels; each level counts the nesting tokens seen at it since
//! the last point where everything before provably closed: `,` and `;` end the expressions of
//! their level, and the end of a statement (`;`, a `}` or an ASI line break followed by a word
//! that cannot continue an expression) ends the statement chain unless `else`/`while` follows.
//! The bound at a point is the sum over the open levels of one plus their counts; the file's
//! bound is the largest such sum. Where the scan could misread the file (text in strings,
//! templates and regular expressions), it keeps counting the punctuation and nesting keywords it
//! skips and never resets there, so a misread only raises the bound.

/// The bound and the 1-based line where it is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nesting {
    pub depth: usize,
    pub line: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Root,
    Paren {
        head: bool,
    },
    Bracket,
    Brace,
    /// `${` … `}` inside a template.
    TemplateExpr,
    /// The text of a template literal.
    Template,
    /// `<` that may be a comparison or type arguments: closed by `>` (its counts then join the
    /// level below, as a comparison would have counted there).
    Angle,
    /// A JSX element: its opening tag, then (`children`) its children.
    Tag {
        children: bool,
    },
}

#[derive(Debug, Clone, Copy)]
struct Level {
    kind: Kind,
    expr: usize,
    stmt: usize,
}

/// What the previous significant token lets come next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prev {
    /// An operand may start here: `/` starts a regular expression, `<` a JSX element.
    Operand,
    /// An expression just ended.
    End,
}

/// Keywords that nest what follows in an expression or a type.
#[cfg_attr(not(test), allow(dead_code))]
const EXPR_WORDS: &[&[u8]] = &[
    b"typeof",
    b"void",
    b"delete",
    b"await",
    b"yield",
    b"new",
    b"in",
    b"instanceof",
    b"as",
    b"satisfies",
    b"keyof",
    b"extends",
    b"infer",
    b"is",
    b"asserts",
    b"readonly",
    b"unique",
    b"class",
    b"function",
    b"async",
];
/// Keywords whose statement nests the next statement.
#[cfg_attr(not(test), allow(dead_code))]
const STMT_WORDS: &[&[u8]] = &[b"if", b"else", b"while", b"for", b"do", b"with"];
/// Words after which an operand (a regular expression, a JSX element) may start.
#[cfg_attr(not(test), allow(dead_code))]
const OPERAND_WORDS: &[&[u8]] = &[
    b"return",
    b"typeof",
    b"instanceof",
    b"in",
    b"of",
    b"new",
    b"delete",
    b"void",
    b"throw",
    b"case",
    b"do",
    b"else",
    b"yield",
    b"await",
    b"extends",
    b"as",
    b"satisfies",
    b"keyof",
    b"default",
    b"export",
    b"import",
    b"if",
    b"while",
    b"for",
    b"with",
    b"switch",
    b"let",
    b"const",
    b"var",
    b"type",
    b"async",
    b"is",
    b"infer",
    b"readonly",
    b"unique",
    b"asserts",
    b"from",
    b"declare",
];
/// Words that continue the statement before a line break or a `}`: no statement boundary there.
#[cfg_attr(not(test), allow(dead_code))]
const CONTINUE_WORDS: &[&[u8]] = &[
    b"else",
    b"while",
    b"catch",
    b"finally",
    b"in",
    b"instanceof",
    b"as",
    b"satisfies",
    b"extends",
    b"implements",
    b"of",
    b"is",
    b"from",
];

/// Which of the word lists above `w` is in (bits [`STMT`], [`EXPR`], [`OPERAND`], [`CONTINUE`]):
/// one `match` per word instead of a scan of each list, a tenth of the whole parse before.
fn word_class(w: &[u8]) -> u8 {
    // Every listed word is 2 to 10 lowercase letters.
    if !(2..=10).contains(&w.len()) || !w[0].is_ascii_lowercase() {
        return 0;
    }
    match w {
        b"as" => CONTINUE | EXPR | OPERAND,
        b"asserts" => EXPR | OPERAND,
        b"async" => EXPR | OPERAND,
        b"await" => EXPR | OPERAND,
        b"case" => OPERAND,
        b"catch" => CONTINUE,
        b"class" => EXPR,
        b"const" => OPERAND,
        b"declare" => OPERAND,
        b"default" => OPERAND,
        b"delete" => EXPR | OPERAND,
        b"do" => OPERAND | STMT,
        b"else" => CONTINUE | OPERAND | STMT,
        b"export" => OPERAND,
        b"extends" => CONTINUE | EXPR | OPERAND,
        b"finally" => CONTINUE,
        b"for" => OPERAND | STMT,
        b"from" => CONTINUE | OPERAND,
        b"function" => EXPR,
        b"if" => OPERAND | STMT,
        b"implements" => CONTINUE,
        b"import" => OPERAND,
        b"in" => CONTINUE | EXPR | OPERAND,
        b"infer" => EXPR | OPERAND,
        b"instanceof" => CONTINUE | EXPR | OPERAND,
        b"is" => CONTINUE | EXPR | OPERAND,
        b"keyof" => EXPR | OPERAND,
        b"let" => OPERAND,
        b"new" => EXPR | OPERAND,
        b"of" => CONTINUE | OPERAND,
        b"readonly" => EXPR | OPERAND,
        b"return" => OPERAND,
        b"satisfies" => CONTINUE | EXPR | OPERAND,
        b"switch" => OPERAND,
        b"throw" => OPERAND,
        b"type" => OPERAND,
        b"typeof" => EXPR | OPERAND,
        b"unique" => EXPR | OPERAND,
        b"var" => OPERAND,
        b"void" => EXPR | OPERAND,
        b"while" => CONTINUE | OPERAND | STMT,
        b"with" => OPERAND | STMT,
        b"yield" => EXPR | OPERAND,
        _ => 0,
    }
}
const STMT: u8 = 1;
const EXPR: u8 = 2;
const OPERAND: u8 = 4;
const CONTINUE: u8 = 8;

fn is_word_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b'$' || b == b'#' || b == b'\\' || b >= 0x80
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b'\\' || b >= 0x80
}

/// Punctuation that may nest, counted in text the scan skips.
fn is_nesting_punct(b: u8) -> bool {
    matches!(
        b,
        b'(' | b'['
            | b'{'
            | b'<'
            | b'>'
            | b'?'
            | b':'
            | b'='
            | b'!'
            | b'~'
            | b'+'
            | b'-'
            | b'.'
            | b'&'
            | b'|'
            | b'^'
            | b'*'
            | b'%'
            | b'/'
            | b'@'
    )
}

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    jsx: bool,
    levels: Vec<Level>,
    /// Sum over `levels` of `1 + expr + stmt`.
    sum: usize,
    max: usize,
    max_at: usize,
    prev: Prev,
    /// The previous token can end a statement at a line break (ASI).
    asi_end: bool,
    /// A line break since the previous significant token.
    newline: bool,
    /// The previous token was a `}` that closed a brace at the current level.
    after_brace: bool,
    /// The previous token was `;`: the statement chain ends unless `else`/`while` follows.
    after_semi: bool,
    /// The next `(` is the head of `if`/`while`/`for`/`with`.
    head_next: bool,
    /// A label may start here (`a: b: for (…)` nests).
    label_ok: bool,
    /// The previous token was the word `else`.
    prev_word_else: bool,
}

impl<'a> Scan<'a> {
    fn top(&mut self) -> &mut Level {
        // The root level is never popped.
        let last = self.levels.len() - 1;
        &mut self.levels[last]
    }

    fn note_max(&mut self) {
        if self.sum > self.max {
            self.max = self.sum;
            self.max_at = self.i;
        }
    }

    fn add_expr(&mut self, n: usize) {
        self.top().expr += n;
        self.sum += n;
        self.note_max();
    }

    fn add_stmt(&mut self) {
        self.top().stmt += 1;
        self.sum += 1;
        self.note_max();
    }

    fn push(&mut self, kind: Kind) {
        self.levels.push(Level { kind, expr: 0, stmt: 0 });
        self.sum += 1;
        self.note_max();
    }

    /// Pops the top level; `merge` keeps its counts on the level below (its content may still
    /// enclose what follows).
    fn pop(&mut self, merge: bool) -> Option<Level> {
        if self.levels.len() <= 1 {
            return None;
        }
        let l = self.levels.pop()?;
        if merge {
            let carried = l.expr + l.stmt + 1;
            self.top().expr += carried;
        } else {
            self.sum -= 1 + l.expr + l.stmt;
        }
        Some(l)
    }

    /// Pops down to the nearest level `matches` accepts, unless a template or JSX boundary
    /// comes first (then the closer is stray and ignored).
    fn close(&mut self, matches: impl Fn(Kind) -> bool) -> Option<Kind> {
        let pos = self.levels.iter().rposition(|l| {
            matches(l.kind) || matches!(l.kind, Kind::Root | Kind::Template | Kind::Tag { .. })
        })?;
        if pos == 0 || !matches(self.levels[pos].kind) {
            return None;
        }
        while self.levels.len() > pos + 1 {
            self.pop(false);
        }
        self.pop(false).map(|l| l.kind)
    }

    /// The end of a statement: angles that were comparisons close into their level, whose
    /// expression chain ends; `stmt` also ends its statement chain.
    fn boundary(&mut self, stmt: bool) {
        while matches!(self.top().kind, Kind::Angle) {
            self.pop(true);
        }
        let t = self.top();
        let gone = t.expr + if stmt { t.stmt } else { 0 };
        t.expr = 0;
        if stmt {
            t.stmt = 0;
        }
        self.sum -= gone;
    }

    fn peek(&self, k: usize) -> u8 {
        self.b.get(self.i + k).copied().unwrap_or(0)
    }

    /// Counts the nesting punctuation and keywords of skipped text on the current level.
    fn count_skipped(&mut self, from: usize, to: usize) {
        let text = &self.b[from..to.min(self.b.len())];
        let mut n = 0;
        let mut j = 0;
        // One pass: words (only a keyword counts), else punctuation.
        while j < text.len() {
            let c = text[j];
            if is_word_start(c) && (j == 0 || !is_word_byte(text[j - 1])) {
                let s = j;
                j += 1;
                while j < text.len() && is_word_byte(text[j]) {
                    j += 1;
                }
                if word_class(&text[s..j]) & (EXPR | STMT) != 0 {
                    n += 1;
                }
            } else {
                n += usize::from(is_nesting_punct(c));
                j += 1;
            }
        }
        if n > 0 {
            self.add_expr(n);
        }
    }

    /// Skips a string, a regular expression or a comment body ending at `end` (or the line end
    /// when `line` holds), from just past its opening delimiter.
    fn skip_until(&mut self, end: u8, line: bool, escapes: bool) {
        let from = self.i;
        let mut class = false;
        while self.i < self.b.len() {
            let c = self.b[self.i];
            if escapes && c == b'\\' {
                self.i += 2;
                continue;
            }
            if line && c == b'\n' {
                break;
            }
            if end == b'/' && c == b'[' {
                class = true;
            } else if end == b'/' && c == b']' {
                class = false;
            } else if c == end && !class {
                self.count_skipped(from, self.i);
                self.i += 1;
                return;
            }
            self.i += 1;
        }
        self.count_skipped(from, self.i);
    }

    fn word(&mut self) -> &'a [u8] {
        let s = self.i;
        self.i += 1;
        while self.i < self.b.len() && is_word_byte(self.b[self.i]) {
            self.i += 1;
        }
        &self.b[s..self.i]
    }

    /// Decides what the line break or `}`/`;` before the token at `self.i` ended.
    fn before_token(&mut self, word: Option<&[u8]>) {
        let continues = word.is_some_and(|w| word_class(w) & CONTINUE != 0);
        if self.after_semi {
            if !word.is_some_and(|w| w == b"else" || w == b"while") {
                self.boundary(true);
                self.label_ok = true;
            }
        } else if word.is_some() && !continues && (self.after_brace || (self.newline && self.asi_end)) {
            self.boundary(true);
            self.label_ok = true;
        }
        self.after_semi = false;
        self.after_brace = false;
        self.newline = false;
    }

    fn open_tag(&mut self) {
        // `self.i` is at `<`. `<T,>` and `<T extends U>` start a generic arrow in TSX.
        let mut j = self.i + 1;
        while j < self.b.len() && self.b[j].is_ascii_whitespace() {
            j += 1;
        }
        if self.b.get(j) == Some(&b'>') {
            self.i = j + 1;
            self.push(Kind::Tag { children: true });
            return;
        }
        while j < self.b.len() && (is_word_byte(self.b[j]) || matches!(self.b[j], b'.' | b':' | b'-')) {
            j += 1;
        }
        let mut k = j;
        while k < self.b.len() && self.b[k].is_ascii_whitespace() {
            k += 1;
        }
        let rest = &self.b[k..];
        let generic = rest.first() == Some(&b',')
            || (rest.starts_with(b"extends")
                && !rest.get(7).is_some_and(|c| is_word_byte(*c))
                && rest[7..].iter().find(|c| !c.is_ascii_whitespace()).is_none_or(|c| *c != b'='));
        if generic {
            self.i += 1;
            self.add_expr(1);
            self.push(Kind::Angle);
            self.prev = Prev::Operand;
        } else {
            self.i = j;
            self.push(Kind::Tag { children: false });
        }
    }

    /// One step inside a JSX opening tag.
    fn tag_header(&mut self) {
        match self.b[self.i] {
            b'"' | b'\'' => {
                let q = self.b[self.i];
                self.i += 1;
                self.skip_until(q, false, false);
            }
            b'{' => {
                self.i += 1;
                self.push(Kind::Brace);
                self.prev = Prev::Operand;
            }
            b'/' if self.peek(1) == b'>' => {
                self.i += 2;
                self.pop(false);
                self.after_element();
            }
            b'>' => {
                self.i += 1;
                self.top().kind = Kind::Tag { children: true };
            }
            b'<' => self.open_tag(),
            _ => self.i += 1,
        }
    }

    /// One step inside JSX children: text up to the next `<` or `{`.
    fn tag_children(&mut self) {
        match memchr::memchr2(b'<', b'{', &self.b[self.i..]) {
            None => self.i = self.b.len(),
            Some(off) => {
                self.i += off;
                if self.b[self.i] == b'{' {
                    self.i += 1;
                    self.push(Kind::Brace);
                    self.prev = Prev::Operand;
                } else {
                    let mut j = self.i + 1;
                    while j < self.b.len() && self.b[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    if self.b.get(j) == Some(&b'/') {
                        self.i = memchr::memchr(b'>', &self.b[j..]).map_or(self.b.len(), |o| j + o + 1);
                        self.pop(false);
                        self.after_element();
                    } else {
                        self.open_tag();
                    }
                }
            }
        }
    }

    fn after_element(&mut self) {
        self.prev = Prev::End;
        self.asi_end = true;
        self.label_ok = false;
    }

    /// One step in template text: up to `${` or the closing backtick.
    fn template_text(&mut self) {
        let from = self.i;
        while self.i < self.b.len() {
            match self.b[self.i] {
                b'\\' => self.i += 2,
                b'`' => {
                    self.count_skipped(from, self.i);
                    self.i += 1;
                    // The text's counts stay on the level below: if this was not a template,
                    // what it held may still enclose what follows.
                    self.pop(true);
                    self.prev = Prev::End;
                    self.asi_end = true;
                    self.label_ok = false;
                    return;
                }
                b'$' if self.peek(1) == b'{' => {
                    self.count_skipped(from, self.i);
                    self.i += 2;
                    self.push(Kind::TemplateExpr);
                    self.prev = Prev::Operand;
                    return;
                }
                _ => self.i += 1,
            }
        }
        self.count_skipped(from, self.i.min(self.b.len()));
    }

    /// One token of code.
    fn code(&mut self) {
        let c = self.b[self.i];
        match c {
            // A run of blanks at once: indentation is a third of a file's bytes, and one pass of
            // `run` per byte made it a third of this scan.
            b'\n' | b' ' | b'\t' | b'\r' | 0x0b | 0x0c => {
                while let Some(&b) = self.b.get(self.i) {
                    match b {
                        b'\n' => self.newline = true,
                        b' ' | b'\t' | b'\r' | 0x0b | 0x0c => {}
                        _ => break,
                    }
                    self.i += 1;
                }
                return;
            }
            b'/' if self.peek(1) == b'/' => {
                self.i = memchr::memchr(b'\n', &self.b[self.i..]).map_or(self.b.len(), |o| self.i + o);
                return;
            }
            b'/' if self.peek(1) == b'*' => {
                let end = memchr::memmem::find(&self.b[self.i + 2..], b"*/")
                    .map_or(self.b.len(), |o| self.i + 2 + o + 2);
                if memchr::memchr(b'\n', &self.b[self.i..end]).is_some() {
                    self.newline = true;
                }
                self.i = end;
                return;
            }
            _ => {}
        }
        let word = is_word_start(c).then(|| self.word());
        self.before_token(word);
        let head = std::mem::take(&mut self.head_next);
        if let Some(w) = word {
            self.on_word(w, head);
            return;
        }
        let prev = self.prev;
        self.label_ok = false;
        self.prev_word_else = false;
        self.prev = Prev::Operand;
        self.asi_end = false;
        self.i += 1;
        match c {
            b'0'..=b'9' => {
                while self.i < self.b.len() && (is_word_byte(self.b[self.i]) || self.b[self.i] == b'.') {
                    self.i += 1;
                }
                self.prev = Prev::End;
                self.asi_end = true;
            }
            b'"' | b'\'' => {
                self.skip_until(c, true, true);
                self.prev = Prev::End;
                self.asi_end = true;
            }
            b'/' if prev == Prev::Operand => {
                self.skip_until(b'/', true, true);
                while self.i < self.b.len() && is_word_byte(self.b[self.i]) {
                    self.i += 1;
                }
                self.prev = Prev::End;
                self.asi_end = true;
            }
            b'`' => {
                // A tagged template chain (`` a`x``y` ``) nests like a call chain.
                self.add_expr(1);
                self.push(Kind::Template);
            }
            b'(' => {
                // A call chain (`f()()()`) nests; the head of `if (…)` does not add to it.
                if !head {
                    self.add_expr(1);
                }
                self.push(Kind::Paren { head });
            }
            b'[' => {
                self.add_expr(1);
                self.push(Kind::Bracket);
            }
            b'{' => {
                self.push(Kind::Brace);
                self.label_ok = true;
            }
            b')' => {
                if let Some(Kind::Paren { head: true }) = self.close(|k| matches!(k, Kind::Paren { .. })) {
                    self.label_ok = true;
                } else {
                    self.prev = Prev::End;
                }
            }
            b']' => {
                self.close(|k| k == Kind::Bracket);
                self.prev = Prev::End;
                self.asi_end = true;
            }
            b'}' => {
                let closed = self.close(|k| matches!(k, Kind::Brace | Kind::TemplateExpr));
                if closed == Some(Kind::Brace) && !matches!(self.top().kind, Kind::Tag { .. }) {
                    // `}` ends a block (then a regular expression may follow) or an object.
                    self.after_brace = true;
                    self.asi_end = true;
                    self.label_ok = true;
                }
            }
            b';' => {
                self.boundary(false);
                self.after_semi = true;
                self.label_ok = true;
            }
            b',' => {
                let t = self.top();
                let gone = t.expr;
                t.expr = 0;
                self.sum -= gone;
            }
            b'<' if self.jsx
                && prev == Prev::Operand
                && (is_word_start(self.peek(0)) || self.peek(0) == b'>') =>
            {
                self.i -= 1;
                self.open_tag();
            }
            b'<' => {
                self.add_expr(1);
                if self.peek(0) == b'<' || self.peek(0) == b'=' {
                    self.i += 1;
                } else {
                    self.push(Kind::Angle);
                }
            }
            b'>' => {
                // `>`, `>>`, `>>>`: each closes a type argument list if one is open.
                let mut run = 1;
                while self.peek(0) == b'>' {
                    run += 1;
                    self.i += 1;
                }
                let mut closed = false;
                for _ in 0..run {
                    if matches!(self.top().kind, Kind::Angle) {
                        self.pop(true);
                        closed = true;
                    } else {
                        self.add_expr(1);
                    }
                }
                if closed && self.peek(0) != b'=' {
                    self.prev = Prev::End;
                }
            }
            b'+' | b'-' if self.peek(0) == c => {
                self.i += 1;
                self.add_expr(2);
                if prev == Prev::End {
                    // Postfix: the operand ended.
                    self.prev = Prev::End;
                    self.asi_end = true;
                }
            }
            b'!' if prev == Prev::End && self.peek(0) != b'=' => {
                // TypeScript's non-null `x!`: the expression goes on.
                self.add_expr(1);
                self.prev = Prev::End;
            }
            b':' => {
                // After a label or a `case x:` a label may follow.
                self.add_expr(1);
                self.label_ok = true;
            }
            _ if is_nesting_punct(c) => self.add_expr(1),
            _ => {}
        }
    }

    fn on_word(&mut self, w: &[u8], head: bool) {
        let label_ok = std::mem::take(&mut self.label_ok);
        let class = word_class(w);
        if class & STMT != 0 {
            // The `if` of `else if` adds no level of its own: swc parses the chain in a loop,
            // and the `else` already counts the AST level the link adds.
            if !(w == b"if" && self.prev_word_else) {
                self.add_stmt();
            }
            self.head_next = matches!(w, b"if" | b"while" | b"for" | b"with");
            self.label_ok = matches!(w, b"else" | b"do");
        } else if class & EXPR != 0 {
            self.add_expr(1);
            if head && w == b"await" {
                self.head_next = true;
            }
        } else if label_ok {
            // `name:` where a statement may start is a label, which nests its statement.
            let mut j = self.i;
            while j < self.b.len() && matches!(self.b[j], b' ' | b'\t') {
                j += 1;
            }
            if self.b.get(j) == Some(&b':') && self.b.get(j + 1) != Some(&b':') {
                self.add_stmt();
                self.label_ok = true;
            }
        }
        self.prev_word_else = w == b"else";
        let ends = class & (OPERAND | EXPR | STMT) == 0;
        self.prev = if ends { Prev::End } else { Prev::Operand };
        self.asi_end = ends;
    }

    fn run(&mut self) {
        while self.i < self.b.len() {
            match self.top().kind {
                Kind::Template => self.template_text(),
                Kind::Tag { children: true } => self.tag_children(),
                Kind::Tag { children: false } => self.tag_header(),
                _ => self.code(),
            }
        }
    }
}

/// The nesting bound of a file's bytes; `jsx` when `<tag>` may start a JSX element.
pub fn estimate(bytes: &[u8], jsx: bool) -> Nesting {
    let mut s = Scan {
        b: bytes,
        i: 0,
        jsx,
        levels: vec![Level { kind: Kind::Root, expr: 0, stmt: 0 }],
        sum: 1,
        max: 1,
        max_at: 0,
        prev: Prev::Operand,
        asi_end: false,
        newline: false,
        after_brace: false,
        after_semi: false,
        head_next: false,
        label_ok: true,
        prev_word_else: false,
    };
    s.run();
    let at = s.max_at.min(bytes.len());
    let line = 1 + memchr::memchr_iter(b'\n', &bytes[..at]).count() as u32;
    Nesting { depth: s.max, line }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(src: &str) -> usize {
        estimate(src.as_bytes(), true).depth
    }

    #[test]
    fn no_word_byte_is_nesting_punctuation() {
        // `count_skipped` reads a word's bytes as the word only.
        for b in 0..=255u8 {
            assert!(!((is_word_start(b) || is_word_byte(b)) && is_nesting_punct(b)), "{b}");
        }
    }

    #[test]
    fn word_class_is_the_word_lists() {
        for (list, bit) in
            [(STMT_WORDS, STMT), (EXPR_WORDS, EXPR), (OPERAND_WORDS, OPERAND), (CONTINUE_WORDS, CONTINUE)]
        {
            for w in list {
                assert!(word_class(w) & bit != 0, "{}", String::from_utf8_lossy(w));
            }
            let all = [STMT_WORDS, EXPR_WORDS, OPERAND_WORDS, CONTINUE_WORDS].concat();
            assert_eq!(
                all.iter()
                    .filter(|w| word_class(w) & bit != 0)
                    .map(|w| w.to_vec())
                    .collect::<std::collections::BTreeSet<_>>()
                    .len(),
                list.len()
            );
        }
        assert_eq!(word_class(b"value"), 0);
    }

    #[test]
    fn every_nesting_construct_is_counted() {
        let n = 200;
        let cases: Vec<(&str, String)> = vec![
            ("arrows", "x =>\n".repeat(n) + "1\n"),
            ("ternary alternates", "a ? b :\n".repeat(n) + "c\n"),
            ("ternary consequents", "a ?\n".repeat(n) + "b" + &"\n: c".repeat(n)),
            ("not", "!\n".repeat(n) + "x\n"),
            ("minus", "-\n".repeat(n) + "x\n"),
            ("typeof", "typeof\n".repeat(n) + "x\n"),
            ("new", "new\n".repeat(n) + "X\n"),
            ("await", "async function f() {\n".to_string() + &"await\n".repeat(n) + "x }\n"),
            ("sums", "a +\n".repeat(n) + "a\n"),
            ("assignments", "a =\n".repeat(n) + "b\n"),
            ("members", "a".to_string() + &"\n.b".repeat(n) + "\n"),
            ("calls", "f".to_string() + &"()\n".repeat(n)),
            ("else if", "if (a) {}\n".to_string() + &"else if (a) {}\n".repeat(n)),
            ("if", "if (a)\n".repeat(n) + "x;\n"),
            ("labels", (0..n).map(|i| format!("l{i}:\n")).collect::<String>() + "x;\n"),
            ("templates", "`${\n".repeat(n) + "x" + &"}`\n".repeat(n)),
            ("jsx", "<a>\n".repeat(n) + &"</a>\n".repeat(n)),
            ("type args", "type T = ".to_string() + &"A<\n".repeat(n) + "B" + &">".repeat(n) + "\n"),
            ("keyof", "type T = ".to_string() + &"keyof\n".repeat(n) + "B\n"),
            ("extends", "x = ".to_string() + &"class extends\n".repeat(n) + "X" + &" {}\n".repeat(n)),
            ("parens", "(\n".repeat(n) + &")\n".repeat(n)),
        ];
        for (name, src) in cases {
            assert!(depth(&src) >= n, "{name}: {}", depth(&src));
        }
    }

    #[test]
    fn statements_and_lists_do_not_add_up() {
        let many = "const a = b + c * d;\nif (a) { f(a.b.c); } else { g(); }\n".repeat(500);
        assert!(depth(&many) < 20, "{}", depth(&many));
        let no_semis = "const a = b + c\nfoo.bar(a)\nif (a) x = 1\n".repeat(500);
        assert!(depth(&no_semis) < 20, "{}", depth(&no_semis));
        let data = format!("export default [{}];\n", "{ a: 1, b: 'x' },\n".repeat(2000));
        assert!(depth(&data) < 20, "{}", depth(&data));
        let jsx = "const A = () => <div className=\"a\">Don't {x} <b>it's</b></div>;\n".repeat(500);
        assert!(depth(&jsx) < 20, "{}", depth(&jsx));
    }

    #[test]
    fn hiding_places_do_not_reset_the_count() {
        // Separators inside strings, templates and regular expressions end nothing.
        let n = 300;
        for filler in ["';'", "`,`", "/,/", "\",\""] {
            let src = format!("a ? {filler} :\n").repeat(n) + "c\n";
            assert!(depth(&src) >= n, "{filler}: {}", depth(&src));
        }
        // A stray backtick in JSX text, or a regular expression after `if (…)`, does not swallow
        // what follows.
        let src = "const p = <p>`</p>;\n".to_string() + &"x =>\n".repeat(n) + "1\n";
        assert!(depth(&src) >= n);
        let src = "if (x) /`/.test(y);\n".to_string() + &"x =>\n".repeat(n) + "1\n";
        assert!(depth(&src) >= n);
    }

    #[test]
    fn every_byte_ends_the_scan() {
        // `#` and `\\` start a word but are no part of one (a loop once stalled on them).
        for src in ["x = \"#7c3aed\";", "`#${a}#`", "/#/", "#!/usr/bin/env node\n#x", "a\\", "'\\"] {
            estimate(src.as_bytes(), true);
        }
        let all: Vec<u8> = (0..=255u8).flat_map(|a| (0..=255u8).map(move |b| [a, b])).flatten().collect();
        estimate(&all, true);
        estimate(&all, false);
    }

    #[test]
    fn the_line_of_the_deepest_point_is_reported() {
        let src = "const a = 1;\n".to_string() + &"(\n".repeat(50) + &")\n".repeat(50);
        assert_eq!(estimate(src.as_bytes(), false).line, 51);
    }
}
