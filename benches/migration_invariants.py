#!/usr/bin/env python3
"""Checks `monodup scan --format json` migration sections against the rest of the same report,
on any tree:   benches/migration_invariants.py [--bin PATH] TREE...
  - migrated == (imports > 0 and no local copy);
  - identical == (added == 0 and removed == 0);
  - a dead copy has no importer inside its app (by the report's own edges), a live one has one
    (or is a route file);
  - every listed file lies in its app, every package_file in its package;
  - a broken import is an edge of the graph from that file with that specifier;
  - summary counts are the sums of the lists.
Prints one line per tree; exits 1 on a broken invariant.
"""
import json, os, subprocess, sys

args = sys.argv[1:]
binary = os.path.join(os.path.dirname(__file__), '..', 'target', 'release', 'monodup')
if args[:1] == ['--bin']:
    binary, args = args[1], args[2:]
failed = False
for tree in args:
    out = subprocess.run([binary, 'scan', tree, '--format', 'json', '--compact', '-q'], capture_output=True, text=True)
    r = json.loads(out.stdout)
    m = r['migration']
    edges = r['graph']['edges']
    importers = {}
    for e in edges:
        if e.get('to'):
            importers.setdefault(e['to'], set()).add(e['from'])
    specs = {(e['from'], e['specifier']) for e in edges}
    problems = []
    apps = migrated = 0
    for p in m['packages']:
        for a in p['apps']:
            apps += 1
            migrated += a['migrated']
            if a['migrated'] != (a['imports'] > 0 and not a['local_copies']):
                problems.append(f"{a['app']} -> {p['name']}: migrated is {a['migrated']}")
            prefix = a['app'].rstrip('/') + '/'
            for c in a['local_copies']:
                if c['identical'] != (c['added'] == 0 and c['removed'] == 0):
                    problems.append(f"{c['file']}: identical {c['identical']} with +{c['added']} -{c['removed']}")
                if not c['file'].startswith(prefix):
                    problems.append(f"{c['file']} is not in {a['app']}")
                if not c['package_file'].startswith(p['package'].rstrip('/') + '/'):
                    problems.append(f"{c['package_file']} is not in {p['package']}")
                inside = {f for f in importers.get(c['file'], set()) if f.startswith(prefix)}
                if c['dead'] and inside:
                    problems.append(f"{c['file']} is dead but imported by {sorted(inside)[:2]}")
            for b in a['broken_imports']:
                if (b['file'], b['specifier']) not in specs:
                    problems.append(f"{b['file']}: broken import {b['specifier']} is no edge")
    s = m['summary']
    if (s['packages'], s['apps'], s['migrated']) != (len(m['packages']), apps, migrated):
        problems.append(f'summary {s} does not add up')
    name = os.path.basename(tree.rstrip('/'))
    print(f"{name}: {migrated} of {apps} app-package pairs migrated over {len(m['packages'])} packages; "
          f"{sum(len(a['local_copies']) for p in m['packages'] for a in p['apps'])} local copies; "
          f"{sum(len(a['broken_imports']) for p in m['packages'] for a in p['apps'])} broken imports")
    for pr in problems[:10]:
        print('  FAIL', pr)
    failed |= bool(problems)
sys.exit(1 if failed else 0)
