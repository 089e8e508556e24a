#!/usr/bin/env python3
"""TypeScript errors of some projects of a tree, as a (code, message) multiset (files and positions
left out: apply moves files). Links every workspace package into ROOT/node_modules by name, and
@types/react, @types/node from the tsc install of .ci/run (~/.cache/monodup-ci). Used before and
after `monodup apply --write` on real repositories, which have no node_modules:
  benches/tsc_signature.py ROOT PROJECT... > before.json; apply; ... > after.json
then compare the two lists. Nothing of the tree is run; only tsc reads it.
"""
import json, os, subprocess, sys, re, collections
root = sys.argv[1]; projects = sys.argv[2:]
tsc = os.path.expanduser('~/.cache/monodup-ci/typescript/node_modules/.bin/tsc')
types = os.path.expanduser('~/.cache/monodup-ci/typescript/node_modules')
nm = os.path.join(root, 'node_modules'); os.makedirs(nm, exist_ok=True)
for d, dirs, files in os.walk(root):
    dirs[:] = [x for x in dirs if x not in ('node_modules', '.git')]
    if 'package.json' in files and d != root:
        try: name = json.load(open(os.path.join(d, 'package.json'))).get('name')
        except Exception: name = None
        if name:
            link = os.path.join(nm, name); os.makedirs(os.path.dirname(link), exist_ok=True)
            if os.path.islink(link): os.unlink(link)
            if not os.path.exists(link): os.symlink(os.path.abspath(d), link)
for t in ['@types/react', '@types/node', 'csstype', 'undici-types']:
    link = os.path.join(nm, t); os.makedirs(os.path.dirname(link), exist_ok=True)
    if not os.path.exists(link): os.symlink(os.path.join(types, t), link)
sig = collections.Counter()
for p in projects:
    r = subprocess.run([tsc, '--noEmit', '-p', os.path.join(root, p), '--pretty', 'false', '--incremental', 'false'], capture_output=True, text=True, cwd=root)
    for line in r.stdout.splitlines():
        m = re.match(r'^(.*)\((\d+),(\d+)\): error (TS\d+): (.*)$', line)
        if m: sig[(m.group(4), m.group(5))] += 1
json.dump(sorted([[k[0], k[1], v] for k, v in sig.items()]), sys.stdout)
