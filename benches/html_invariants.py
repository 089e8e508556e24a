#!/usr/bin/env python3
"""Checks a monodup HTML report against the JSON report of the same tree (stdlib only).

    monodup scan TREE --format html -o report.html
    monodup scan TREE --format json -o report.json
    python3 benches/html_invariants.py report.html report.json [--max-bytes N]

Invariants (docs/html.md): a Content-Security-Policy that fetches nothing and names the page's
one script by its SHA-256; no src/href/url() outside the page; two script elements (the data
block, the page's script); the data block parses; the heatmap has one cell per ordered pair of
its packages, each with the JSON report's lines; the graph one node per package; the clone
list the largest classes up to the cap; the page under the size cap (20 MB). Exit 1 on failure.
"""
import base64
import hashlib
import html
import json
import re
import sys

MAX_HEATMAP = 40
MAX_CLONE_ROWS = 2000


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    max_bytes = 20 * 1000 * 1000
    if "--max-bytes" in argv:
        max_bytes = int(argv[argv.index("--max-bytes") + 1])
        args = [a for a in args if a != str(max_bytes)]
    page_path, json_path = args[0], args[1]
    raw = open(page_path, "rb").read()
    page = raw.decode("utf-8")
    report = json.load(open(json_path))
    bad = []

    def check(ok, what):
        if not ok:
            bad.append(what)

    check(len(raw) <= max_bytes, f"{len(raw)} bytes is over the {max_bytes} byte cap")
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    check(m is not None, "no CSP meta tag")
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", page, re.S)
    check(len(scripts) == 2, f"{len(scripts)} script elements, not 2")
    code = [body for attrs, body in scripts if "application/json" not in attrs]
    data_block = [body for attrs, body in scripts if 'id="monodup-data"' in attrs]
    if m and code:
        csp = html.unescape(m.group(1))
        digest = base64.b64encode(hashlib.sha256(code[0].encode()).digest()).decode()
        check(csp.startswith("default-src 'none';"), f"CSP does not start with default-src 'none': {csp}")
        check(f"script-src 'sha256-{digest}'" in csp, "CSP does not name the script's hash")
        check("unsafe-inline'; script" not in csp and "script-src 'unsafe-inline'" not in csp, "CSP allows any inline script")
    for attr, value in re.findall(r'\s(src|href)="([^"]*)"', page):
        check(value.startswith("#") or value.startswith("data:"), f"{attr} outside the page: {value[:80]}")
    # CSS lives in <style> elements and style attributes; code shown on the page is escaped
    # text (a snippet with `url(https://...)` in a JSX style is no fetch).
    css = "\n".join(re.findall(r"<style\b[^>]*>(.*?)</style>", page, re.S) + re.findall(r'\sstyle="([^"]*)"', page))
    check(not re.search(r"url\(\s*['\"]?(https?:|//)", html.unescape(css)), "a CSS url() to the network")
    check("@import" not in css and "@font-face" not in css, "CSS @import or @font-face")
    data = None
    if data_block:
        check(not re.search(r"[<>]", data_block[0]), "< or > in the data block")
        try:
            data = json.loads(data_block[0])
        except ValueError as e:
            bad.append(f"data block does not parse: {e}")
    else:
        bad.append("no data block")

    figures = {}
    if data is not None:
        paths = [p["path"] for p in data["packages"]]
        check(paths == [p["path"] for p in report["packages"]], "data packages differ from the JSON report's")
        pairs = {}
        for o in report.get("overlaps") or []:
            pairs[(o["package_a"], o["package_b"])] = pairs.get((o["package_a"], o["package_b"]), 0) + o["lines_a"]
            pairs[(o["package_b"], o["package_a"])] = pairs.get((o["package_b"], o["package_a"]), 0) + o["lines_b"]
        with_overlap = {a for a, _ in pairs}
        shown = data["heatmap"]["packages"]
        check(len(shown) == min(MAX_HEATMAP, len(with_overlap)), f"heatmap shows {len(shown)} of {len(with_overlap)} packages with overlaps")
        cells = re.findall(r'<td class="pair" data-r="(\d+)" data-c="(\d+)" data-lines="(\d+)"', page)
        check(len(cells) == len(shown) * (len(shown) - 1), f"{len(cells)} heatmap cells for {len(shown)} packages")
        for r, c, n in cells:
            want = pairs.get((paths[int(r)], paths[int(c)]), 0)
            if int(n) != want:
                bad.append(f"heatmap {paths[int(r)]} -> {paths[int(c)]}: {n}, JSON says {want}")
        figures["heatmap"] = f"{len(shown)}x{len(shown)}"

    if '<section id="graph">' in page:
        nodes = len(re.findall(r'<g class="node ', page))
        check(nodes == len(report["packages"]), f"{nodes} graph nodes for {len(report['packages'])} packages")
        figures["nodes"] = nodes
    if '<section id="clones">' in page and report.get("clones") is not None:
        rows = page.count('<details class="clone"')
        check(rows == min(MAX_CLONE_ROWS, len(report["clones"])), f"{rows} clone rows for {len(report['clones'])} classes")
        figures["clone rows"] = rows
        figures["with code"] = page.count('<div class="sides">')

    figures["bytes"] = len(raw)
    print(f"{page_path}: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
    for b in bad:
        print(f"  FAIL {b}")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
