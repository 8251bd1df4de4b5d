#!/usr/bin/env python3
"""Fails when an #include crosses a forbidden edge between the folders of src/ (see
src/DESIGN.md §1): the pipeline base -> syntax -> types -> check -> interp over runtime and sched
only works if dependencies point one way, and the compiler does not notice when they don't
(every target sees every header under src/). Also: ANTLR headers only inside src/syntax.
  tests/layering/check_layering.py [SRC_DIR]     prints each violation, exits 1 if any
"""
import os, re, sys

# What each folder may include besides itself. Folders not listed (repl/, the driver files at the
# top of src/) are the top of the pipeline and may include anything.
ALLOWED = {
    'base': set(),
    'syntax': {'base'},
    'types': {'base'},
    'check': {'base', 'syntax', 'types'},
    'sched': {'base'},
    'runtime': {'base', 'types', 'sched'},
    'native': {'base', 'types', 'sched', 'runtime'},
    'teach': {'base', 'types', 'sched', 'runtime'},
    'interp': {'base', 'syntax', 'types', 'check', 'sched', 'runtime', 'native', 'teach'},
    'vet': {'base', 'syntax', 'types', 'check'},
    'play': {'base'},  # gol play runs programs as child gol processes: it links no stage
}
# syntax/antlr_runtime.h is our own header over the ANTLR runtime: just as private to src/syntax.
ANTLR = re.compile(r'^(antlr4-runtime|(syntax/)?antlr_runtime|Gol(Lexer|Parser)|BailErrorStrategy|CommonTokenStream|'
                   r'ANTLRInputStream|Exceptions|atn/|tree/|misc/|support/|Token\.h|Lexer\.h|Parser\.h)')
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def violations(src):
    folders = {d for d in os.listdir(src) if os.path.isdir(os.path.join(src, d))}
    for dirpath, _, files in os.walk(src):
        rel = os.path.relpath(dirpath, src)
        owner = rel.split(os.sep)[0] if rel != '.' else ''
        for name in sorted(files):
            if not name.endswith(('.h', '.cpp')):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding='utf-8', errors='replace') as f:
                for lineno, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    target = m.group(2)
                    where = '%s:%d' % (os.path.relpath(path, src), lineno)
                    if owner != 'syntax' and ANTLR.match(target):
                        yield '%s: ANTLR header <%s> outside src/syntax' % (where, target)
                    top = target.split('/')[0]
                    if m.group(1) == '"' and '/' in target and top in folders and top != owner \
                            and owner in ALLOWED and top not in ALLOWED[owner]:
                        yield '%s: %s/ must not include %s (%s -> %s is not an allowed edge)' % (
                            where, owner, target, owner, top)


def self_test():
    """The checker must catch a bad edge and an ANTLR include, and pass a good tree."""
    import tempfile
    root = tempfile.mkdtemp()
    for folder, text in [('base', '#include "base/ok.h"\n'), ('sched', '#include "runtime/chan.h"\n'),
                         ('check', '#include "types/type.h"\n#include <antlr4-runtime.h>\n'),
                         ('vet', '#include "syntax/ast.h"\n#include "syntax/antlr_runtime.h"\n')]:
        os.makedirs(os.path.join(root, folder), exist_ok=True)
        with open(os.path.join(root, folder, 'x.cpp'), 'w') as f:
            f.write(text)
    os.makedirs(os.path.join(root, 'runtime'), exist_ok=True)
    os.makedirs(os.path.join(root, 'types'), exist_ok=True)
    os.makedirs(os.path.join(root, 'syntax'), exist_ok=True)
    found = list(violations(root))
    assert len(found) == 3, found
    assert any('sched/ must not include runtime/chan.h' in v for v in found), found
    assert any('ANTLR header <antlr4-runtime.h>' in v for v in found), found
    assert any('ANTLR header <syntax/antlr_runtime.h>' in v for v in found), found
    print('layering self-test passed')


def main():
    if sys.argv[1:] == ['--self-test']:
        return self_test()
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'src')
    found = list(violations(os.path.abspath(src)))
    for v in found:
        print(v)
    print('layering: %d violation(s)' % len(found))
    sys.exit(1 if found else 0)


if __name__ == '__main__':
    main()
