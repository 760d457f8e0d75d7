#!/usr/bin/env bash
# Build the double-click app: a one-folder PyInstaller bundle in dist/embviz/
# (run dist/embviz/embviz). Then start it under Xvfb and check it shows the
# window: packaging/smoke_test.py.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup
.venv/bin/python -m pip install -q "pyinstaller>=6.10" 2>&1 | grep -v "^WARNING: Location" || true
# the interface's translations (embviz/i18n/*.qm), fresh from their .ts sources
.venv/bin/python scripts/build_translations --force
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/embviz.spec
du -sh dist/embviz
echo "built dist/embviz/embviz"
