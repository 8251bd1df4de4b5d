#!/usr/bin/env python3
"""The editor files of scripts/editor: Vim (when installed) sees .gol files and gol #! scripts
as Go, and the VS Code extension maps .gol and the #! line to the Go language.
  tests/editor/check_editor.py      ends with `N passed, M failed`
"""
import json, os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EDITOR = os.path.join(ROOT, 'scripts', 'editor')
results = []


def check(name, ok, detail=''):
    results.append(ok)
    print(('ok   ' if ok else 'FAIL ') + name + ('' if ok else ': ' + detail))


def vim_filetype(path):
    out = subprocess.run(['vim', '-u', 'NONE', '-N', '-es', '--cmd', 'set rtp^=' + os.path.join(EDITOR, 'vim'),
                          '-c', 'filetype on', '-c', 'edit ' + path, '-c', 'redir >> /dev/stdout | echo &filetype | redir END',
                          '-c', 'qa!'], capture_output=True, text=True, timeout=20)
    return out.stdout.strip()


tmp = tempfile.mkdtemp()
files = {'prog.gol': 'x := 1\nprintln(x)\n', 'script': '#!/usr/bin/env gol\nprintln(1)\n',
         'notes.txt': 'hello\n'}
for name, text in files.items():
    with open(os.path.join(tmp, name), 'w') as f:
        f.write(text)
if shutil.which('vim'):
    check('vim: a .gol file is Go', vim_filetype(os.path.join(tmp, 'prog.gol')) == 'go')
    check('vim: a #!/usr/bin/env gol script is Go', vim_filetype(os.path.join(tmp, 'script')) == 'go')
    check('vim: other files are left alone', vim_filetype(os.path.join(tmp, 'notes.txt')) != 'go')
else:
    print('skip vim: not installed')
with open(os.path.join(EDITOR, 'vscode', 'package.json')) as f:
    pkg = json.load(f)
langs = pkg.get('contributes', {}).get('languages', [])
go = [l for l in langs if l.get('id') == 'go']
check('vscode: .gol is the Go language', bool(go) and '.gol' in go[0].get('extensions', []))
check('vscode: a gol #! line is Go', bool(go) and re.search(go[0].get('firstLine', '$^'), '#!/usr/bin/env gol') is not None
      and re.search(go[0].get('firstLine', '$^'), '#!/usr/bin/env golang') is None)
check('vscode: installable (name, publisher, version, engines)', all(k in pkg for k in ('name', 'publisher', 'version', 'engines')))
failed = results.count(False)
print('%d passed, %d failed' % (len(results) - failed, failed))
sys.exit(1 if failed else 0)
