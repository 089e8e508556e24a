#!/usr/bin/env python3
"""Clone agreement between monodup and jscpd on the same tree. Run by hand, not by CI.

Usage:
  python3 benches/dups_agreement.py MONODUP_JSON JSCPD_JSON [--root TREE]
        [--min-tokens N] [--min-lines N] [--mode renamed|exact] [--examples N] [--target PCT]
        [--json OUT] [--probe-monodup BIN] [--probe-jscpd BIN]

MONODUP_JSON is `monodup dups TREE --format json` output; JSCPD_JSON is jscpd 5's JSON report
(jscpd-report.json) of the same tree, with paths relative to TREE (benches/compare_dups.sh --out
DIR writes both, as DIR/NAME.monodup.json and DIR/NAME.jscpd.json). --min-tokens, --min-lines and --mode must be the ones monodup ran with
(defaults 50, 5, renamed); they are used to explain misses and for the probes.

Forward (jscpd -> monodup). jscpd reports pairs: firstFile lines [a1, a2], secondFile [b1, b2].
monodup finds a pair when one monodup class has a fragment in the first file and a different
fragment in the second whose line ranges overlap the two sides by at least half the lines of the
shorter side, ceil(min(a2-a1+1, b2-b1+1) / 2). With --root, a side that starts or ends with
import declarations or `export ... from` (which monodup leaves out by design) is first cut to the
lines of its other tokens; the share is printed both ways, then leaving out the pairs monodup
leaves out by design (imports; copies overlapping each other in one file), then also those at
monodup's min_tokens/min_lines boundary. "Misses no rule explains" is the number to watch.

Reverse (monodup -> jscpd), per monodup fragment: "reported" when the lines of jscpd's fragments
in that file cover at least half of it (any partner); "paired" when one jscpd pair has one side
on it and the other side on another fragment of the same class (each overlapping by half the
class's shortest fragment). jscpd pairs each copy with the first occurrence it saw, so "paired"
is low for blocks with many copies; the reverse causes are given for fragments not "reported".

Causes (needs --root) come from re-tokenizing the two places the way each tool does, closely
enough to explain (a small JS/TS/JSX lexer here, neither tool's parser):
  monodup renamed (swc tokens): identifiers, JSX names and the words swc lexes as known idents
    (type, as, async, string, number, boolean, private, readonly, interface, enum, get, from,
    ...) are one symbol; strings, numbers, regexes, template parts and JSX text (whitespace-only
    text between tags included) one symbol per kind; other keywords (true, null, this, ...) and
    punctuation stay themselves; `</` is one token, `?.`, `#name` and a template head two;
    imports and `export ... from` are left out; a repeat loses the leading `; } ) ] ,` and the
    trailing `{ ( [ , =` it borrowed from its neighbours before min_tokens is checked; min_lines
    counts the longest fragment's lines (end - start + 1 >= N); copies overlapping in one file
    are dropped.
  jscpd 5.3 with --ignore-identifiers --ignore-literals (oxc tokens, cpd-tokenizer 0.1.18): an
    identifier becomes `$id` unless its name is in jscpd's list of keywords of other languages
    (record, select, ref, self, match, end, ...); every word oxc lexes as a keyword, contextual
    ones included (type, as, string, target, source, ...), stays itself; strings become `$str`,
    numbers `$num`; regexes, template parts, JSX text (with its whitespace) and `#name` stay
    themselves; imports count; min_lines is checked on the pair's first fragment only, as
    end - start >= N; each window is matched against its first occurrence only.
Each miss is put down to what ends the other tool's common run. A miss where the other tool's
own rules give a long enough run is listed as "should match": a candidate bug (monodup) or a
limit of jscpd's first-occurrence matching (jscpd). --probe-monodup / --probe-jscpd run that tool
on copies of the two files alone for the examples of those groups and print what it finds.

--root TREE         the scanned tree (default: the `root` in MONODUP_JSON); needed for causes
--examples N        examples per group (default 8)
--target PCT        exit 1 when the share of jscpd pairs monodup finds, with imports set aside,
                    is below PCT (default 99)
--json OUT          also write the numbers and every miss with its cause as JSON
--probe-monodup BIN, --probe-jscpd BIN   the binaries for the probes (jscpd: its native binary)
"""
import argparse
import json
import os
import signal
import sys
from collections import Counter, defaultdict

# -- tokens -----------------------------------------------------------------------------------

# Words swc_ecma_parser lexes as keywords (not identifiers): monodup keeps them as themselves.
SWC_KEYWORDS = set("""await break case catch class const continue debugger default delete do else export
extends false finally for function if import in instanceof let new null return super switch this
throw true try typeof var void while with yield module""".split())
# Words oxc lexes as keywords (reserved, contextual, strict-mode, TypeScript): jscpd keeps them.
OXC_KEYWORDS = set("""await break case catch class const continue debugger default delete do else enum
export extends false finally for function if import in instanceof new null return super switch this
throw true try typeof var void while with async from get meta of set target accessor source defer
abstract as asserts assert any boolean constructor declare infer intrinsic is keyof module namespace
never out readonly require number object satisfies string symbol type undefined unique using
unknown global bigint override implements interface let package private protected public static
yield""".split())
# Identifiers jscpd 5.3 keeps verbatim under --ignore-identifiers: its list of keywords common to
# many languages (cpd-tokenizer COMMON_KEYWORDS), so a variable named `record` or `select` or a JSX
# prop `ref` must match by name.
JSCPD_KEPT_IDENTS = set("""abstract and as assert async await begin break case catch class const continue def default defer
del do elif else elsif end enum except export extends extern false final finally fn for foreach
from func function global go goto if impl implements import in inline instanceof interface is
lambda let loop match mod module mut namespace new nil none not null or override package pass
private protected pub public raise record ref require rescue return sealed select self sizeof
static struct super switch then this throw throws trait true try type typedef typeof undefined
union unless unsafe until use using var virtual void volatile when where while with yield""".split())
# Words swc lexes as known identifiers (monodup's renamed mode makes them identifiers).
SWC_KNOWN_IDENTS = set("""abstract any as asserts assert async bigint boolean constructor declare enum
from get global implements interface intrinsic is keyof namespace never number object of out
override package private protected public readonly require set static string symbol type undefined
unique unknown using accessor infer satisfies meta target""".split())

PUNCT = sorted(""">>>= ... === !== **= <<= >>= >>> &&= ||= ??= => == != <= >= && || ?? ?. ++ -- += -= *= /=
%= &= |= ^= ** << >> { } ( ) [ ] ; , < > + - * / % & | ^ ! ~ ? : = . @ #""".split(), key=len, reverse=True)
# Tokens before which `/` starts a regex rather than a division.
REGEX_AFTER_WORDS = {"return", "typeof", "case", "do", "else", "in", "instanceof", "new", "delete", "void",
                     "throw", "yield", "await", "of"}
JSX_AFTER = {None, "(", ",", "=", ":", "?", "[", "{", "}", ";", "=>", "&&", "||", "??", "!", "return",
             "yield", "default", "else", "do", "case"}
CLOSES_PREVIOUS = {";", "}", ")", "]", ","}
OPENS_NEXT = {"{", "(", "[", ",", "="}


class Tok:
    __slots__ = ("kind", "text", "start", "end", "line", "skip", "wm", "wj")

    def __init__(self, kind, text, start, end, line):
        self.kind, self.text, self.start, self.end, self.line = kind, text, start, end, line
        self.skip = False  # inside an import declaration or `export ... from` (monodup leaves out)
        # How many tokens each tool's lexer makes of it: swc (monodup) lexes `?.`, `#name` and a
        # template head or middle (`...${`) as two tokens each and `</` as one; oxc (jscpd) the
        # other way round. The `/` of `</` gets wm = 0.
        self.wm = 1
        self.wj = 1
        if kind == "priv" or (kind == "punct" and text == "?.") or (kind == "tpl" and text.endswith("${")):
            self.wm = 2

    def __repr__(self):
        return f"{self.kind}:{self.text!r}@{self.line}"


def is_ident_start(c):
    return c.isalpha() or c in "_$" or ord(c) >= 0x80


def is_ident_char(c):
    return c.isalnum() or c in "_$" or ord(c) >= 0x80


def lex(text, jsx):
    """Tokens of `text` (decoded as latin-1, so offsets are byte offsets). Never raises."""
    toks = []
    n = len(text)
    i = 0
    line = 1
    # Mode stack: ["js", depth] | ["tpl", depth] (js inside `${`) | ["tag", closing] | ["children"]
    stack = [["js", 0]]

    def prev_text():
        return toks[-1].text if toks else None

    def regex_ok():
        """Whether a `/` here starts a regex (after an operator or keyword) or divides."""
        if not toks:
            return True
        t = toks[-1]
        if t.kind == "ident":
            return t.text in REGEX_AFTER_WORDS
        if t.kind == "tpl":
            return t.text.endswith("${")
        if t.kind == "punct":
            return t.text not in (")", "]", "}")
        return False

    def scan_template(start, first):
        """From `start` (just after ` or }) to the end of this template part."""
        j = start
        while j < n:
            c = text[j]
            if c == "\\":
                j += 2
                continue
            if c == "`":
                return j + 1, ("NoSub" if first else "Tail")
            if c == "$" and j + 1 < n and text[j + 1] == "{":
                return j + 2, ("Head" if first else "Middle")
            j += 1
        return n, "Tail"

    while i < n:
        mode = stack[-1]
        c = text[i]
        if mode[0] == "children":
            if c == "{":
                toks.append(Tok("punct", "{", i, i + 1, line))
                stack.append(["js", 0, "jsxexpr"])
                i += 1
                continue
            if c == "<":
                closing = i + 1 < n and text[i + 1] == "/"
                # swc lexes the `</` of a closing tag as one token, unlike the `<` of an opening one
                toks.append(Tok("punct", "</" if closing else "<", i, i + 1, line))
                i += 1
                stack.append(["tag", closing])
                continue
            j = i
            while j < n and text[j] not in "{<":
                j += 1
            toks.append(Tok("jsxtext", text[i:j], i, j, line))
            line += text.count("\n", i, j)
            i = j
            continue
        # whitespace
        if c == "\n":
            line += 1
            i += 1
            continue
        if c in " \t\r\f\v\ufeff":
            i += 1
            continue
        if c == "/" and i + 1 < n and text[i + 1] in "/*" and mode[0] != "tag":
            if text[i + 1] == "/":
                j = text.find("\n", i)
                i = n if j < 0 else j
            else:
                j = text.find("*/", i + 2)
                j = n if j < 0 else j + 2
                line += text.count("\n", i, j)
                i = j
            continue
        if c == "#" and i == 0 and text.startswith("#!"):
            j = text.find("\n")
            i = n if j < 0 else j
            continue
        if mode[0] == "tag":
            if c == "/" and i + 1 < n and text[i + 1] == ">" and not mode[1]:
                toks.append(Tok("punct", "/", i, i + 1, line))
                toks.append(Tok("punct", ">", i + 1, i + 2, line))
                i += 2
                stack.pop()  # self-closing: back to the parent (children or js)
                continue
            if c == ">":
                toks.append(Tok("punct", ">", i, i + 1, line))
                i += 1
                closing = mode[1]
                stack.pop()
                if closing:
                    if stack[-1][0] == "children":
                        stack.pop()
                else:
                    stack.append(["children"])
                continue
            if c in "\"'":
                j = i + 1
                while j < n and text[j] != c:
                    j += 1
                j = min(j + 1, n)
                toks.append(Tok("str", text[i:j], i, j, line))
                line += text.count("\n", i, j)
                i = j
                continue
            if c == "{":
                toks.append(Tok("punct", "{", i, i + 1, line))
                stack.append(["js", 0, "jsxattr"])
                i += 1
                continue
            if is_ident_start(c):
                j = i + 1
                while j < n and (is_ident_char(text[j]) or text[j] == "-"):
                    j += 1
                toks.append(Tok("jsxname", text[i:j], i, j, line))
                i = j
                continue
            # / . : = and anything else
            toks.append(Tok("punct", c, i, i + 1, line))
            if c == "/" and mode[1] and len(toks) > 1 and toks[-2].text == "</":
                toks[-1].wm = 0  # swc's `</` is one token
            i += 1
            continue
        # js or tpl (js inside a template substitution)
        if c == "`":
            j, part = scan_template(i + 1, True)
            toks.append(Tok("tpl", text[i:j], i, j, line))
            line += text.count("\n", i, j)
            i = j
            if part == "Head":
                stack.append(["tpl", 0])
            continue
        if c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            toks.append(Tok("str", text[i:j], i, j, line))
            i = j
            continue
        if c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit()):
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] in "._" or
                             (text[j] in "+-" and text[j - 1] in "eE" and not text[i:j].lower().startswith("0x"))):
                j += 1
            toks.append(Tok("num", text[i:j], i, j, line))
            i = j
            continue
        if is_ident_start(c) or (c == "\\" and i + 1 < n and text[i + 1] == "u"):
            j = i + 1
            while j < n and (is_ident_char(text[j]) or text[j] == "\\"):
                j += 1
            toks.append(Tok("ident", text[i:j], i, j, line))
            i = j
            continue
        if c == "#" and i + 1 < n and is_ident_start(text[i + 1]):
            j = i + 2
            while j < n and is_ident_char(text[j]):
                j += 1
            toks.append(Tok("priv", text[i:j], i, j, line))
            i = j
            continue
        if c == "/" and regex_ok():
            j = i + 1
            in_class = False
            while j < n and text[j] != "\n":
                d = text[j]
                if d == "\\":
                    j += 2
                    continue
                if d == "[":
                    in_class = True
                elif d == "]":
                    in_class = False
                elif d == "/" and not in_class:
                    break
                j += 1
            if j < n and text[j] == "/":
                j += 1
                while j < n and is_ident_char(text[j]):
                    j += 1
                toks.append(Tok("regex", text[i:j], i, j, line))
                i = j
                continue
        if c == "<" and jsx and prev_text() in JSX_AFTER and i + 1 < n and (is_ident_start(text[i + 1]) or text[i + 1] == ">"):
            # a JSX element (or fragment) starts here
            toks.append(Tok("punct", "<", i, i + 1, line))
            i += 1
            stack.append(["tag", False])
            continue
        if c == "{":
            mode[1] += 1
            toks.append(Tok("punct", "{", i, i + 1, line))
            i += 1
            continue
        if c == "}":
            if mode[1] == 0 and mode[0] == "tpl":
                j, part = scan_template(i + 1, False)
                toks.append(Tok("tpl", text[i:j], i, j, line))
                line += text.count("\n", i, j)
                i = j
                if part == "Tail":
                    stack.pop()
                continue
            toks.append(Tok("punct", "}", i, i + 1, line))
            i += 1
            if mode[1] == 0 and len(stack) > 1:
                stack.pop()  # end of a JSX expression container or attribute value
            else:
                mode[1] = max(0, mode[1] - 1)
            continue
        for p in PUNCT:
            if text.startswith(p, i):
                toks.append(Tok("punct", p, i, i + len(p), line))
                i += len(p)
                break
        else:
            toks.append(Tok("punct", c, i, i + 1, line))
            i += 1
    mark_imports(toks)
    return toks


def mark_imports(toks):
    """Marks import declarations and `export ... from` statements (top level only)."""
    depth = 0
    k = 0
    n = len(toks)
    while k < n:
        t = toks[k]
        if t.kind == "punct" and t.text == "{":
            depth += 1
        elif t.kind == "punct" and t.text == "}":
            depth = max(0, depth - 1)
        if depth == 0 and t.kind == "ident" and t.text in ("import", "export"):
            nxt = toks[k + 1] if k + 1 < n else None
            end = None
            if t.text == "import" and nxt is not None and nxt.text not in ("(", "."):
                # up to the module specifier: the first string after `from`, or right after import
                m = k + 1
                while m < n:
                    if toks[m].kind == "str" and (toks[m - 1].text in ("from", "import", "require", "(")):
                        end = m
                        if toks[m - 1].text == "(" and m + 1 < n and toks[m + 1].text == ")":
                            end = m + 1
                        break
                    if toks[m].text == ";" or toks[m].line > t.line + 200:
                        end = m - 1
                        break
                    m += 1
            elif t.text == "export" and nxt is not None:
                m = k + 1
                if m < n and toks[m].text == "type":
                    m += 1
                if m < n and toks[m].text == "*":
                    while m < n and not (toks[m].kind == "str" and toks[m - 1].text == "from"):
                        if toks[m].text == ";":
                            break
                        m += 1
                    end = m if m < n and toks[m].kind == "str" else None
                elif m < n and toks[m].text == "{":
                    d = 0
                    while m < n:
                        if toks[m].text == "{":
                            d += 1
                        elif toks[m].text == "}":
                            d -= 1
                            if d == 0:
                                break
                        m += 1
                    if m + 2 < n and toks[m + 1].text == "from" and toks[m + 2].kind == "str":
                        end = m + 2
            if end is not None:
                # `with { type: "json" }` and the semicolon belong to the declaration
                m = end + 1
                if m < n and toks[m].text in ("with", "assert") and m + 1 < n and toks[m + 1].text == "{":
                    while m < n and toks[m].text != "}":
                        m += 1
                    end = m
                if end + 1 < n and toks[end + 1].text == ";":
                    end += 1
                for q in range(k, end + 1):
                    toks[q].skip = True
                k = end + 1
                continue
        k += 1


def key_monodup(t, renamed=True):
    if not renamed:
        if t.kind == "str":
            return "s:" + t.text[1:-1]
        if t.kind == "jsxtext":
            return "x:" + " ".join(t.text.split())
        return t.kind + ":" + t.text
    if t.kind == "ident":
        if t.text in SWC_KEYWORDS:
            return t.text
        return "I"
    if t.kind == "priv":
        return "# I"
    if t.kind == "jsxname":
        return "I"
    if t.kind == "tpl":
        first, last = t.text[0], t.text[-1]
        return "tpl:" + ("`" if first == "`" else "}") + ("`" if last == "`" else "${")
    if t.kind in ("str", "num", "regex", "jsxtext"):
        if t.kind == "num" and t.text.endswith("n"):
            return "bigint"
        return t.kind
    return t.text


def key_jscpd(t, renamed=True):
    if t.kind == "punct" and t.text == "</":
        return "<"
    if t.kind == "ident" and t.text in OXC_KEYWORDS:
        return t.text
    if t.kind in ("ident", "jsxname"):
        return "I" if renamed and t.text not in JSCPD_KEPT_IDENTS else "i:" + t.text
    if t.kind in ("str", "num") and renamed:
        # --ignore-literals: `$str` for strings, `$num` for numbers; a regex keeps its text
        return "L:" + t.kind
    return t.kind + ":" + t.text


# -- loading ----------------------------------------------------------------------------------

def overlap(a1, a2, b1, b2):
    return max(0, min(a2, b2) - max(a1, b1) + 1)


def half(n):
    return (n + 1) // 2


class Tree:
    def __init__(self, root):
        self.root = root
        self.cache = {}

    def tokens(self, rel):
        if rel in self.cache:
            return self.cache[rel]
        toks = None
        if self.root:
            try:
                with open(os.path.join(self.root, rel), "rb") as f:
                    text = f.read().decode("latin-1")
                jsx = not rel.endswith((".ts", ".mts", ".cts"))
                toks = lex(text, jsx)
            except OSError:
                toks = None
        self.cache[rel] = toks
        return toks

    def lines(self, rel):
        try:
            with open(os.path.join(self.root, rel), "rb") as f:
                return f.read().decode("utf-8", "replace").split("\n")
        except (OSError, TypeError):
            return []


def pair_tokens(toks, start, end):
    """Indices of the tokens within byte offsets [start, end)."""
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < start:
            lo = mid + 1
        else:
            hi = mid
    out = []
    k = lo
    while k < len(toks) and toks[k].end <= end:
        out.append(k)
        k += 1
    return out


def line_offset(toks_lines, line, col):
    """Byte offset of (1-based line, 1-based byte column) from a list of line starts."""
    if line - 1 < len(toks_lines):
        return toks_lines[line - 1] + col - 1
    return toks_lines[-1] if toks_lines else 0


class LineStarts:
    def __init__(self, root):
        self.root = root
        self.cache = {}

    def get(self, rel):
        if rel not in self.cache:
            starts = [0]
            try:
                with open(os.path.join(self.root, rel), "rb") as f:
                    data = f.read()
                pos = data.find(b"\n")
                while pos >= 0:
                    starts.append(pos + 1)
                    pos = data.find(b"\n", pos + 1)
            except OSError:
                pass
            self.cache[rel] = starts
        return self.cache[rel]


# -- common runs --------------------------------------------------------------------------------

def best_run(ta, tb, pairs, key, skip_imports, a_range=None):
    """The longest run of equal keys, in the streams as the tool sees them, through any of the
    aligned token pairs `pairs` [(index in ta, index in tb)], extended both ways as far as the keys
    stay equal. Returns (run_a, run_b, why_left, why_right): lists of indices into ta and tb and
    what stopped the run at each end."""
    sa = [k for k, t in enumerate(ta) if not (skip_imports and t.skip)]
    sb = [k for k, t in enumerate(tb) if not (skip_imports and t.skip)]
    pos_a = {k: p for p, k in enumerate(sa)}
    pos_b = {k: p for p, k in enumerate(sb)}
    best = None
    seen = set()
    for ia, ib in pairs:
        if ia not in pos_a or ib not in pos_b:
            continue
        pa, pb = pos_a[ia], pos_b[ib]
        if (pa - pb, pa) in seen:
            continue
        if key(ta[sa[pa]]) != key(tb[sb[pb]]):
            continue
        lo_a, lo_b = pa, pb
        while lo_a > 0 and lo_b > 0 and key(ta[sa[lo_a - 1]]) == key(tb[sb[lo_b - 1]]) and \
                not (ta is tb and lo_a - 1 == lo_b - 1):
            lo_a -= 1
            lo_b -= 1
        hi_a, hi_b = pa, pb
        while hi_a + 1 < len(sa) and hi_b + 1 < len(sb) and key(ta[sa[hi_a + 1]]) == key(tb[sb[hi_b + 1]]):
            hi_a += 1
            hi_b += 1
        for p in range(lo_a, hi_a + 1):
            seen.add((pa - pb, p))
        run = ([sa[p] for p in range(lo_a, hi_a + 1)], [sb[p] for p in range(lo_b, hi_b + 1)])

        def why(pa_, pb_, side):
            # was there an import right next to the run (between it and this token)?
            ka = sa[pa_ + 1] - 1 if side == "left" else sa[pa_ - 1] + 1
            kb = sb[pb_ + 1] - 1 if side == "left" else sb[pb_ - 1] + 1
            if skip_imports and ((0 <= ka < len(ta) and ta[ka].skip) or (0 <= kb < len(tb) and tb[kb].skip)):
                return "import"
            if pa_ < 0 or pb_ < 0 or pa_ >= len(sa) or pb_ >= len(sb):
                return "file edge"
            return (ta[sa[pa_]], tb[sb[pb_]])

        wl = why(lo_a - 1, lo_b - 1, "left")
        wr = why(hi_a + 1, hi_b + 1, "right")
        score = len(run[0])
        if a_range is not None:
            score = sum(1 for k in run[0] if a_range[0] <= ta[k].start < a_range[1])
        if best is None or score > best[0]:
            best = (score, run, wl, wr)
    if best is None:
        return None
    return best[1][0], best[1][1], best[2], best[3]


def trim_borrowed(run_a, run_b, ta):
    """monodup's trim: leading `; } ) ] ,` and trailing `{ ( [ , =` (by the first stream)."""
    lo, hi = 0, len(run_a)
    while lo < hi and ta[run_a[lo]].kind == "punct" and ta[run_a[lo]].text in CLOSES_PREVIOUS:
        lo += 1
    while hi > lo and ta[run_a[hi - 1]].kind == "punct" and ta[run_a[hi - 1]].text in OPENS_NEXT:
        hi -= 1
    return run_a[lo:hi], run_b[lo:hi]


def describe_diff(w):
    """A short cause for the token pair that ended a run."""
    if w in ("file edge", "import") or w is None:
        return w or "file edge"
    x, y = w
    kinds = {x.kind, y.kind}
    if kinds <= {"str", "num", "regex"} and x.kind != y.kind:
        return "literal kinds differ"
    if "tpl" in kinds and kinds <= {"tpl"}:
        return "template text differs"
    if "jsxtext" in kinds and kinds <= {"jsxtext"}:
        if x.text.split() == y.text.split():
            return "JSX indentation differs"
        return "JSX text differs"
    words = {x.text, y.text} if kinds <= {"ident", "jsxname"} else set()
    if words and (words & OXC_KEYWORDS or words & SWC_KNOWN_IDENTS):
        return "keyword vs identifier"
    if words and words & JSCPD_KEPT_IDENTS:
        return "identifier jscpd keeps"
    return "code differs"


def union(ranges_by_file):
    total = 0
    for ranges in ranges_by_file.values():
        end = 0
        for s, e in sorted(ranges):
            s = max(s, end + 1)
            if e >= s:
                total += e - s + 1
                end = e
    return total


def probe(tool, binary, root, a, ra, b, rb, args):
    """Runs `tool` on copies of the two files alone (the same settings) and tells whether it links
    lines ra of file a with lines rb of file b."""
    import shutil
    import subprocess
    import tempfile
    d = tempfile.mkdtemp(prefix="dups_probe.")
    try:
        tree = os.path.join(d, "t")
        names = {}
        for k, rel in enumerate(dict.fromkeys((a, b))):
            os.makedirs(os.path.join(tree, str(k)), exist_ok=True)
            shutil.copy(os.path.join(root, rel), os.path.join(tree, str(k)))
            names[rel] = f"{k}/{os.path.basename(rel)}"
        na, nb = names[a], names[b]
        found = []
        if tool == "monodup":
            out = os.path.join(d, "m.json")
            subprocess.run([binary, "dups", tree, "--format", "json", "-o", out, "--mode", args.mode,
                            "--min-tokens", str(args.min_tokens), "--min-lines", str(args.min_lines), "--quiet",
                            "--no-progress"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for c in json.load(open(out)).get("clones", []):
                fa = [i for i, f in enumerate(c["fragments"]) if f["file"] == na and overlap(f["start_line"], f["end_line"], *ra)]
                fb = [i for i, f in enumerate(c["fragments"]) if f["file"] == nb and overlap(f["start_line"], f["end_line"], *rb)]
                if any(x != y for x in fa for y in fb):
                    f0 = c["fragments"][fa[0]]
                    found.append(f"{c['tokens']} tokens at {f0['start_line']}-{f0['end_line']}")
        else:
            cmd = [binary, tree, "--min-tokens", str(args.min_tokens), "--min-lines", str(args.min_lines),
                   "--format", "typescript,tsx,javascript,jsx", "--cross-formats", "typescript,tsx;javascript,jsx",
                   "--reporters", "json", "--output", os.path.join(d, "o"), "--silent", "--no-tips"]
            if args.mode == "renamed":
                cmd += ["--ignore-identifiers", "--ignore-literals"]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for p in json.load(open(os.path.join(d, "o", "jscpd-report.json"))).get("duplicates", []):
                for x, y in ((p["firstFile"], p["secondFile"]), (p["secondFile"], p["firstFile"])):
                    if x["name"] == na and y["name"] == nb and overlap(x["start"], x["end"], *ra) and \
                            overlap(y["start"], y["end"], *rb):
                        found.append(f"{p['tokens']} tokens at {x['start']}-{x['end']}")
        return (f"{tool} on the two files alone: " +
                ("finds it (" + "; ".join(sorted(set(found))[:3]) + ")" if found else "does not find it"))
    except (OSError, subprocess.CalledProcessError, ValueError, KeyError) as e:
        return f"{tool} probe failed: {e}"
    finally:
        shutil.rmtree(d, ignore_errors=True)


def show(t):
    return t.text if len(t.text) <= 30 else t.text[:27] + "..."


# -- main -------------------------------------------------------------------------------------

def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("monodup")
    ap.add_argument("jscpd")
    ap.add_argument("--root")
    ap.add_argument("--min-tokens", type=int, default=50)
    ap.add_argument("--min-lines", type=int, default=5)
    ap.add_argument("--mode", choices=("renamed", "exact"), default="renamed")
    ap.add_argument("--examples", type=int, default=8)
    ap.add_argument("--target", type=float, default=99.0)
    ap.add_argument("--json")
    ap.add_argument("--probe-monodup", metavar="BIN")
    ap.add_argument("--probe-jscpd", metavar="BIN")
    args = ap.parse_args()

    m = json.load(open(args.monodup))
    j = json.load(open(args.jscpd))
    root = args.root or m.get("root")
    if root and not os.path.isdir(root):
        root = None
    renamed = args.mode == "renamed"
    tree = Tree(root)
    starts = LineStarts(root) if root else None
    classes = m.get("clones", [])
    pairs = j.get("duplicates", [])
    unparsed = {d.get("file"): d.get("code") for d in m.get("diagnostics", [])
                if d.get("severity") in ("error", "warning")}

    # index of monodup fragments per file
    mfr = defaultdict(list)
    for ci, c in enumerate(classes):
        for fi, f in enumerate(c["fragments"]):
            mfr[f["file"]].append((f["start_line"], f["end_line"], ci, fi))

    def mkey(t):
        return key_monodup(t, renamed)

    def jkey(t):
        return key_jscpd(t, renamed)

    # ---- forward: jscpd pairs monodup finds ----
    def code_lines(side):
        """The lines of a jscpd side from its first to its last token outside import declarations
        and `export ... from` (monodup leaves those out); None when it has no other token."""
        toks = tree.tokens(side["name"]) if root else None
        if toks is None:
            return side["start"], side["end"]
        idx = [k for k in pair_tokens(toks, side["startLoc"]["position"], side["endLoc"]["position"])
               if not toks[k].skip]
        if not idx:
            return None
        return toks[idx[0]].line, toks[idx[-1]].line

    def links(a_name, b_name, ra, rb, need=None):
        if need is None:
            need = half(min(ra[1] - ra[0] + 1, rb[1] - rb[0] + 1))
        ca = {(ci, fi) for s, e, ci, fi in mfr.get(a_name, ()) if overlap(s, e, ra[0], ra[1]) >= need}
        cb = {(ci, fi) for s, e, ci, fi in mfr.get(b_name, ()) if overlap(s, e, rb[0], rb[1]) >= need}
        return any(x[0] == y[0] and x[1] != y[1] for x in ca for y in cb)

    found_raw = found = 0
    misses = []
    for p in pairs:
        A, B = p["firstFile"], p["secondFile"]
        if links(A["name"], B["name"], (A["start"], A["end"]), (B["start"], B["end"])):
            found_raw += 1
            found += 1
            continue
        ra, rb = code_lines(A), code_lines(B)
        if ra and rb and links(A["name"], B["name"], ra, rb):
            found += 1
            continue
        misses.append(p)

    def forward_cause(p):
        A, B = p["firstFile"], p["secondFile"]
        if A["name"] == B["name"] and overlap(A["start"], A["end"], B["start"], B["end"]) > 0:
            return "overlaps itself in one file (monodup drops overlapping copies)", {}
        for side in (A, B):
            if side["name"] in unparsed:
                return f"file monodup skipped with a diagnostic ({unparsed[side['name']]})", {}
        # some monodup class links the two places, over less than half of them
        partial = links(A["name"], B["name"], (A["start"], A["end"]), (B["start"], B["end"]), 1)
        if not root:
            return ("shorter monodup class" if partial else "no monodup class") + " (no --root: not analysed)", {}
        ra, rb = code_lines(A), code_lines(B)
        if ra is None or rb is None:
            return "import/export-from statements only (monodup leaves them out)", {}
        ta, tb = tree.tokens(A["name"]), tree.tokens(B["name"])
        if ta is None or tb is None:
            return "file not readable under --root", {}
        ia = pair_tokens(ta, A["startLoc"]["position"], A["endLoc"]["position"])
        ib = pair_tokens(tb, B["startLoc"]["position"], B["endLoc"]["position"])
        info = {"jscpd_tokens": p.get("tokens"), "lexed": (sum(ta[k].wj for k in ia), sum(tb[k].wj for k in ib))}
        if len(ia) != len(ib) or any(jkey(ta[x]) != jkey(tb[y]) for x, y in zip(ia, ib)):
            # our lexer does not reproduce jscpd's match: align from the start as far as it goes
            info["lexer"] = "differs from jscpd"
        aligned = list(zip(ia, ib))
        if ta is tb:
            aligned = [(x, y) for x, y in aligned if x != y]
        r = best_run(ta, tb, aligned, mkey, True, (A["startLoc"]["position"], A["endLoc"]["position"]))
        if r is None:
            # every aligned token is an import, or every pair differs
            if ia and all(ta[x].skip for x in ia):
                return "import/export-from statements only", info
            return "no common run under monodup's rules", info
        run_a, run_b, wl, wr = r
        full = sum(ta[k].wm for k in run_a)
        run_a2, run_b2 = trim_borrowed(run_a, run_b, ta)
        trimmed = sum(ta[k].wm for k in run_a2)
        info.update(run=full, trimmed=trimmed, left=describe_diff(wl), right=describe_diff(wr))
        if run_a2:
            la = ta[run_a2[-1]].line - ta[run_a2[0]].line + 1
            lb = tb[run_b2[-1]].line - tb[run_b2[0]].line + 1
            info["lines"] = max(la, lb)
            if ta is tb and not (run_a2[-1] < run_b2[0] or run_b2[-1] < run_a2[0]):
                return "overlaps itself in one file (monodup drops overlapping copies)", info
        if partial:
            info["monodup"] = "links the two over fewer lines"
        if trimmed >= args.min_tokens and info.get("lines", 0) >= args.min_lines:
            # Is the start of the common run periodic: its first window of min_tokens keys also
            # starts less than min_tokens keys before or after it in the same file? (monodup's walk
            # keeps only the first of overlapping occurrences of a window; see the report.)
            w = args.min_tokens
            for toks, run in ((ta, run_a2), (tb, run_b2)):
                stream = [k for k, t in enumerate(toks) if not t.skip]
                pos = {k: q for q, k in enumerate(stream)}
                q0 = pos[run[0]]
                first = [mkey(toks[k]) for k in stream[q0:q0 + w]]
                for q in range(max(0, q0 - w + 1), min(len(stream) - w, q0 + w - 1) + 1):
                    if q != q0 and [mkey(toks[k]) for k in stream[q:q + w]] == first:
                        info["periodic_start"] = f"{toks[run[0]].line} (again {toks[stream[q]].line})"
                        break
        if trimmed >= args.min_tokens:
            if info.get("lines", 0) < args.min_lines:
                return "below monodup's min_lines", info
            if partial:
                return "monodup links them over a shorter range (less than half of jscpd's)", info
            if A["name"] == B["name"]:
                ra_, rb_ = (ta[run_a2[0]].line, ta[run_a2[-1]].line), (tb[run_b2[0]].line, tb[run_b2[-1]].line)
                lo, hi = min(ra_[0], rb_[0]), max(ra_[1], rb_[1])
                holder = [classes[ci]["id"] for s_, e_, ci, fi in mfr.get(A["name"], ()) if s_ <= lo and hi <= e_]
                if holder:
                    info["held_by"] = holder[:3]
                    return ("should match: a copy within one file, both copies inside one fragment of a larger "
                            "class (monodup's nesting rule drops it)"), info
            # long enough by monodup's rules, yet not reported as such
            if info.get("periodic_start"):
                return ("should match: the common run starts in periodic code (an overlapping earlier "
                        "occurrence of its first window hides it from monodup's walk)"), info
            return "should match (monodup's rules give a long enough run)", info
        # too short: what made it short?
        imports_in = sum(ta[x].wj for x in ia if ta[x].skip)
        if imports_in and sum(ta[x].wj for x in ia) - imports_in < args.min_tokens:
            return "import/export-from statements (monodup leaves them out)", info
        if full >= args.min_tokens:
            return "min_tokens boundary: borrowed punctuation trimmed", info
        if sum(ta[k].wj for k in run_a) >= args.min_tokens:
            return "min_tokens boundary: swc makes fewer tokens here (one `</` for oxc's two)", info
        ends = {info["left"], info["right"]}
        if "import" in ends:
            return "import/export-from statements (monodup leaves them out)", info
        if "literal kinds differ" in ends:
            return "literal kinds differ (jscpd: one literal; monodup: string/number/regex)", info
        if info.get("lexer"):
            return "unexplained (lexer could not reproduce jscpd's tokens)", info
        return f"min_tokens boundary: monodup's run is shorter ({'/'.join(sorted(ends))})", info

    fcauses = defaultdict(list)
    for p in misses:
        cause, info = forward_cause(p)
        fcauses[cause].append((p, info))

    # ---- reverse: monodup fragments jscpd confirms ----
    jfr = defaultdict(list)
    for k, p in enumerate(pairs):
        jfr[p["firstFile"]["name"]].append((p["firstFile"]["start"], p["firstFile"]["end"], k, 0))
        jfr[p["secondFile"]["name"]].append((p["secondFile"]["start"], p["secondFile"]["end"], k, 1))
    frag_total = frag_linked = frag_covered = class_linked = class_covered = 0
    uncovered = []
    for ci, c in enumerate(classes):
        fr = c["fragments"]
        need = half(min(f["end_line"] - f["start_line"] + 1 for f in fr))
        hits = defaultdict(lambda: (set(), set()))
        covered = set()
        for i, f in enumerate(fr):
            f1, f2 = f["start_line"], f["end_line"]
            clipped = []
            for s, e, k, side in jfr.get(f["file"], ()):
                ov = overlap(s, e, f1, f2)
                if ov >= need:
                    hits[k][side].add(i)
                if ov:
                    clipped.append((max(s, f1), min(e, f2)))
            if union({0: clipped}) >= half(f2 - f1 + 1):
                covered.add(i)
        linked = set()
        for a, b in hits.values():
            for x in a:
                for y in b:
                    if x != y:
                        linked.add(x)
                        linked.add(y)
        frag_total += len(fr)
        frag_linked += len(linked)
        frag_covered += len(covered)
        class_linked += len(linked) == len(fr)
        class_covered += len(covered) == len(fr)
        if len(covered) < len(fr):
            uncovered.append((ci, covered))

    mlines, jlines = defaultdict(list), defaultdict(list)
    for c in classes:
        for f in c["fragments"]:
            mlines[f["file"]].append((f["start_line"], f["end_line"]))
    for p in pairs:
        for side in (p["firstFile"], p["secondFile"]):
            jlines[side["name"]].append((side["start"], side["end"]))
    # lines in both: intersect per file
    def as_set(ranges):
        s = set()
        for a, b in ranges:
            s.update(range(a, b + 1))
        return s
    common = 0
    for f in set(mlines) & set(jlines):
        common += len(as_set(mlines[f]) & as_set(jlines[f]))
    mu, ju = union(mlines), union(jlines)

    def reverse_cause(ci, ok):
        c = classes[ci]
        fr = c["fragments"]
        bad = [i for i in range(len(fr)) if i not in ok]
        f = fr[bad[0]]
        # compare with a confirmed fragment if there is one, else with the next one
        others = [i for i in range(len(fr)) if i != bad[0]]
        g = fr[next((i for i in others if i in ok), others[0])]
        info = {"fragments": len(fr), "uncovered": len(bad)}
        exts = {os.path.splitext(x["file"])[1] for x in (f, g)}
        if len(exts) > 1 and not ({".ts", ".tsx"} >= exts or {".js", ".jsx", ".mjs", ".cjs"} >= exts):
            return "across file formats (jscpd compares JS and TS apart)", info, (f, g)
        if not root:
            return "not analysed (no --root)", info, (f, g)
        ta, tb = tree.tokens(f["file"]), tree.tokens(g["file"])
        if ta is None or tb is None:
            return "file not readable under --root", info, (f, g)
        sa, sb = starts.get(f["file"]), starts.get(g["file"])
        a0 = line_offset(sa, f["start_line"], f["start_col"])
        a1 = line_offset(sa, f["end_line"], f["end_col"])
        b0 = line_offset(sb, g["start_line"], g["start_col"])
        b1 = line_offset(sb, g["end_line"], g["end_col"])
        ia = [k for k in pair_tokens(ta, a0, a1) if not ta[k].skip]
        ib = [k for k in pair_tokens(tb, b0, b1) if not tb[k].skip]
        info["lexed"] = (sum(ta[k].wm for k in ia), sum(tb[k].wm for k in ib))
        if len(ia) != len(ib) or any(mkey(ta[x]) != mkey(tb[y]) for x, y in zip(ia, ib)):
            info["lexer"] = "differs from monodup"
        aligned = list(zip(ia, ib))
        diffs = Counter(describe_diff((ta[x], tb[y])) for x, y in aligned if jkey(ta[x]) != jkey(tb[y]))
        if diffs:
            info["jscpd_differs"] = dict(diffs.most_common())
        r = best_run(ta, tb, aligned, jkey, False, (a0, a1))
        if r is None:
            info["run"] = 0
            if info.get("lexer"):
                return "unexplained (lexer could not reproduce monodup's tokens)", info, (f, g)
            return "jscpd's tokens differ throughout", info, (f, g)
        run_a, run_b, wl, wr = r
        jrun = sum(ta[k].wj for k in run_a)
        info["longest_jscpd_run"] = jrun
        span_a = ta[run_a[-1]].line - ta[run_a[0]].line
        span_b = tb[run_b[-1]].line - tb[run_b[0]].line
        # jscpd checks min_lines on the first fragment of a pair, the one in the earlier file
        span_first = span_a if (f["file"], f["start_line"]) <= (g["file"], g["start_line"]) else span_b
        info["jscpd_span"] = span_first
        if diffs:
            top = diffs.most_common(1)[0][0]
            return {
                "keyword vs identifier": "monodup renames contextual keywords (type, as, string, private, ...); jscpd keeps them",
                "template text differs": "template literal text differs (monodup renames it; jscpd compares it)",
                "JSX text differs": "JSX text differs (monodup renames it; jscpd compares it)",
                "JSX indentation differs": "JSX indentation differs (jscpd compares the whitespace between JSX tags)",
                "identifier jscpd keeps": "identifier named like a keyword of another language (record, select, ref, self, ...): jscpd keeps its name",
            }.get(top, f"jscpd's tokens differ ({top})"), info, (f, g)
        if info.get("lexer"):
            return "unexplained (lexer could not reproduce monodup's tokens)", info, (f, g)
        if jrun < args.min_tokens:
            return "min_tokens boundary: oxc makes fewer tokens here (`?.`, `#name`, `${`)", info, (f, g)
        if span_first < args.min_lines:
            return "below jscpd's min_lines (jscpd needs end - start >= N on the first fragment)", info, (f, g)
        return "should match by jscpd's rules (jscpd pairs a copy only with the first occurrence it saw)", info, (f, g)

    rcauses = defaultdict(list)
    for ci, ok in uncovered:
        cause, info, ex = reverse_cause(ci, ok)
        rcauses[cause].append((ci, info, ex))

    # ---- print ----
    def pct(a, b):
        return f"{100.0 * a / b:.2f}%" if b else "n/a"

    share = 100.0 * found / len(pairs) if pairs else 100.0
    print(f"jscpd pairs: {len(pairs)}; monodup classes: {len(classes)} "
          f"({sum(len(c['fragments']) for c in classes)} fragments)")
    print(f"jscpd pairs monodup also finds: {found} of {len(pairs)} = {pct(found, len(pairs))}"
          f" (target {args.target:g}%), import statements set aside; {found_raw} = {pct(found_raw, len(pairs))}"
          f" counting the lines of import statements in jscpd's ranges")
    designed = sum(len(v) for k, v in fcauses.items() if k.startswith(("import/export-from", "overlaps itself")))
    print(f"  leaving out the {designed} pairs monodup leaves out by design (import/export-from statements, a"
          f" fragment overlapping its copy in one file): {pct(found, len(pairs) - designed)}")
    by_rule = sum(len(v) for k, v in fcauses.items()
                  if k.startswith(("import/export-from", "overlaps itself", "min_tokens boundary", "below monodup's",
                                   "file monodup skipped")))
    print(f"  leaving out also the {by_rule - designed} at monodup's min_tokens/min_lines boundary (borrowed"
          f" punctuation, fewer swc tokens, min_lines): {pct(found, len(pairs) - by_rule)};"
          f" misses no rule explains: {len(misses) - by_rule}")
    print(f"monodup fragments jscpd reports as duplicated (any partner): {frag_covered} of {frag_total}"
          f" = {pct(frag_covered, frag_total)}; classes with every fragment so: {class_covered} of {len(classes)}"
          f" = {pct(class_covered, len(classes))}")
    print(f"monodup fragments jscpd pairs with another fragment of the same class: {frag_linked} of {frag_total}"
          f" = {pct(frag_linked, frag_total)}; classes with every fragment so: {class_linked} of {len(classes)}"
          f" = {pct(class_linked, len(classes))}")
    print(f"duplicated lines: monodup {mu}, jscpd {ju}, both {common} "
          f"({pct(common, ju)} of jscpd's, {pct(common, mu)} of monodup's)")

    lines_cache = {}

    def src(rel):
        if rel not in lines_cache:
            lines_cache[rel] = tree.lines(rel) if root else []
        return lines_cache[rel]

    def excerpt(rel, a, b, indent="        ", limit=14):
        ls = src(rel)
        out = []
        if not ls:
            return out
        rng = list(range(a, b + 1))
        if len(rng) > limit:
            rng = rng[: limit // 2] + [None] + rng[-(limit // 2):]
        for n in rng:
            if n is None:
                out.append(f"{indent}   ...")
            elif 1 <= n <= len(ls):
                out.append(f"{indent}{n:5} | {ls[n - 1][:140]}")
        return out

    def monodup_view(name, a, b):
        hits = [(s, e, ci) for s, e, ci, fi in mfr.get(name, ()) if overlap(s, e, a, b) > 0]
        if not hits:
            return "monodup: no class here"
        hits.sort(key=lambda h: -overlap(h[0], h[1], a, b))
        parts = []
        for s, e, ci in hits[:3]:
            c = classes[ci]
            parts.append(f"{c['id']} {s}-{e} ({c['tokens']} tok, {len(c['fragments'])} frags, {c['kind']})")
        more = f" +{len(hits) - 3} more" if len(hits) > 3 else ""
        return "monodup: " + "; ".join(parts) + more

    def jscpd_view(name, a, b):
        hits = [(s, e, k) for s, e, k, side in jfr.get(name, ()) if overlap(s, e, a, b) > 0]
        if not hits:
            return "jscpd: no pair here"
        hits.sort(key=lambda h: -overlap(h[0], h[1], a, b))
        parts = []
        for s, e, k in hits[:3]:
            p = pairs[k]
            other = p["secondFile"] if p["firstFile"]["name"] == name and p["firstFile"]["start"] == s else p["firstFile"]
            parts.append(f"{s}-{e} with {other['name']}:{other['start']}-{other['end']} ({p['tokens']} tok)")
        more = f" +{len(hits) - 3} more" if len(hits) > 3 else ""
        return "jscpd: " + "; ".join(parts) + more

    print(f"\n== jscpd pairs monodup misses: {len(misses)}, by cause")
    for cause, items in sorted(fcauses.items(), key=lambda kv: -len(kv[1])):
        print(f"\n-- {cause}: {len(items)} ({pct(len(items), len(pairs))} of jscpd's pairs)")
        for p, info in items[: args.examples]:
            A, B = p["firstFile"], p["secondFile"]
            print(f"  * jscpd: {A['name']}:{A['start']}-{A['end']}  ~  {B['name']}:{B['start']}-{B['end']}"
                  f"  ({p['tokens']} tokens, {p.get('kind', '?')})")
            if info:
                print("    why: " + ", ".join(f"{k}={v}" for k, v in info.items()))
            if args.probe_monodup and root and cause.startswith(("should match", "monodup links")):
                print("    " + probe("monodup", args.probe_monodup, root, A["name"], (A["start"], A["end"]),
                                     B["name"], (B["start"], B["end"]), args))
            for side in (A, B):
                print(f"    {side['name']}:{side['start']}-{side['end']}   "
                      f"{monodup_view(side['name'], side['start'], side['end'])}")
                print("\n".join(excerpt(side["name"], side["start"], side["end"])))

    print(f"\n== monodup classes with fragments jscpd does not report at all: {len(uncovered)}, by cause")
    for cause, items in sorted(rcauses.items(), key=lambda kv: -len(kv[1])):
        nfr = sum(info["uncovered"] for _, info, _ in items)
        print(f"\n-- {cause}: {len(items)} classes, {nfr} fragments ({pct(nfr, frag_total)} of monodup's)")
        for ci, info, (f, g) in items[: args.examples]:
            c = classes[ci]
            print(f"  * monodup {c['id']}: {c['tokens']} tokens, {c['lines']} lines, {c['kind']}, {c['scope']},"
                  f" {len(c['fragments'])} fragments ({info['uncovered']} not reported by jscpd)")
            print("    why: " + ", ".join(f"{k}={v}" for k, v in info.items() if k not in ("fragments", "uncovered")))
            if args.probe_jscpd and root and cause.startswith(("should match", "below jscpd")):
                print("    " + probe("jscpd", args.probe_jscpd, root, f["file"], (f["start_line"], f["end_line"]),
                                     g["file"], (g["start_line"], g["end_line"]), args))
            for x in (f, g):
                print(f"    {x['file']}:{x['start_line']}-{x['end_line']}   "
                      f"{jscpd_view(x['file'], x['start_line'], x['end_line'])}")
                print("\n".join(excerpt(x["file"], x["start_line"], x["end_line"])))

    if args.json:
        out = {
            "jscpd_pairs": len(pairs), "found": found, "share": share,
            "fragments": frag_total, "fragments_covered": frag_covered, "fragments_linked": frag_linked,
            "classes": len(classes), "classes_covered": class_covered, "classes_linked": class_linked,
            "lines": {"monodup": mu, "jscpd": ju, "both": common},
            "forward_misses": {c: [{"pair": p, "why": i} for p, i in v] for c, v in fcauses.items()},
            "reverse_misses": {c: [{"class": classes[ci]["id"], "why": i,
                                    "example": [x for x in ex]} for ci, i, ex in v]
                               for c, v in rcauses.items()},
        }
        with open(args.json, "w") as fh:
            json.dump(out, fh, indent=1, default=str)
    sys.exit(0 if share >= args.target else 1)


if __name__ == "__main__":
    main()
