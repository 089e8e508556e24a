#!/usr/bin/env python3
"""Runs `monodup apply --all` on a copy of each TREE (a temporary git repository) and checks what
must hold on any repository:
  - the dry run writes nothing (git status is clean afterwards);
  - `--write` changes exactly the files the change set lists (git status = the set's paths);
  - no import that resolved before stops resolving (result.broken_imports is empty);
  - duplicated lines do not grow, and no file is both deleted and imported afterwards.
Prints one line per tree with the diff size and the duplication before and after; exits 1 on a
broken invariant.   usage: benches/apply_invariants.py [--bin PATH] TREE...
"""
import json, os, shutil, subprocess, sys, tempfile

args = sys.argv[1:]
binary = os.path.join(os.path.dirname(__file__), '..', 'target', 'release', 'monodup')
if args[:1] == ['--bin']:
    binary, args = args[1], args[2:]
failed = False

def git(root, *a):
    return subprocess.run(['git', '-C', root, *a], capture_output=True, text=True, check=True).stdout

for tree in args:
    tmp = tempfile.mkdtemp(prefix='monodup-apply-')
    root = os.path.join(tmp, 'repo')
    shutil.copytree(tree, root, symlinks=True, ignore=shutil.ignore_patterns('.git', 'node_modules'))
    git(root, 'init', '-q')
    git(root, 'add', '-A')
    git(root, '-c', 'user.email=b@b', '-c', 'user.name=b', 'commit', '-qm', 'base', '--no-verify')
    dry = subprocess.run([binary, 'apply', root, '--all', '-q', '--create-workspace'], capture_output=True, text=True)
    problems = []
    if dry.returncode != 0:
        problems.append(f'dry run exit {dry.returncode}: {dry.stderr.strip()[:200]}')
    if git(root, 'status', '--porcelain'):
        problems.append('the dry run wrote into the tree')
    run = subprocess.run([binary, 'apply', root, '--all', '--write', '--format', 'json', '-q', '--create-workspace'],
                         capture_output=True, text=True)
    diff_lines = dry.stdout.count('\n')
    if run.returncode not in (0, 1) or not run.stdout.strip():
        problems.append(f'write exit {run.returncode}: {run.stderr.strip()[:200]}')
        out = None
    else:
        out = json.loads(run.stdout)
    if out:
        res, changes = out['result'], out['changes']
        listed = set()
        for f in changes['files']:
            listed.add(f['path'])
            if f.get('from'):
                listed.add(f['from'])
        status = set()
        for line in git(root, 'status', '--porcelain', '--untracked-files=all').splitlines():
            path = line[3:]
            status.add(path.split(' -> ')[-1])
        if status - listed:
            problems.append(f'changed but not in the change set: {sorted(status - listed)[:5]}')
        if res['broken_imports']:
            problems.append(f"broken imports: {res['broken_imports'][:3]}")
        if res['duplicated_lines_after'] > res['duplicated_lines_before']:
            problems.append('duplicated lines grew')
        print(f"{os.path.basename(tree.rstrip('/'))}: items {','.join(res['items'])}; skipped {len(changes['skipped'])}; "
              f"{res['files']}; diff {diff_lines} lines; notes {len(changes['notes'])}; "
              f"duplicated {res['duplicated_lines_before']} -> {res['duplicated_lines_after']}; "
              f"lines {res['lines_before']} -> {res['lines_after']}")
    for p in problems:
        print(f'  FAIL {p}')
    failed |= bool(problems)
    shutil.rmtree(tmp, ignore_errors=True)
sys.exit(1 if failed else 0)
