#!/usr/bin/env python3
"""Seed corpus for the fuzz targets (tests/fuzz): copies every golden and unit-test program
(tests/**/*.gol, tests/**/*.go), the acceptance programs (../shared/acceptance/**/*.gol, when
present) and the standard packages (stdlib/**/*.gol) into one directory, one file per distinct
content, named by its hash; with --generated N also N random well-typed programs of the
differential fuzzer's generator (gen_program.py, seeds 1..N), which run to their end, so that
fuzz_program's mutants start from programs that reach the evaluator, not only the checker.
Usage: make_corpus.py [--max-bytes N] [--generated N] OUTDIR"""
import argparse
import hashlib
import pathlib
import sys

import gen_program


def sources(root):
    yield from sorted(root.glob('tests/**/*.gol'))
    yield from sorted(root.glob('tests/**/*.go'))
    acc = root.parent / 'shared' / 'acceptance'
    if acc.is_dir():
        yield from sorted(acc.glob('**/*.gol'))
    yield from sorted(root.glob('stdlib/**/*.gol'))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--max-bytes', type=int, default=16384, help='skip larger files (fuzz_program refuses them)')
    ap.add_argument('--generated', type=int, default=0, help="add this many generated programs")
    ap.add_argument('out')
    a = ap.parse_args()
    root = pathlib.Path(__file__).resolve().parents[2]
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    seen = skipped = 0
    def generated():
        for seed in range(1, a.generated + 1):
            yield gen_program.Gen(seed).program().encode()

    def written():
        for p in sources(root):
            if not p.is_relative_to(root / 'tests' / 'fuzz'):  # our crash reproducers are regression tests
                yield p.read_bytes()
        yield from generated()

    for data in written():
        if len(data) > a.max_bytes:
            skipped += 1
            continue
        (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
        seen += 1
    files = len(list(out.iterdir()))
    print(f'make_corpus: {seen} sources ({skipped} over {a.max_bytes} bytes skipped), {files} files in {out}')
    return 0 if files else 1


if __name__ == '__main__':
    sys.exit(main())
