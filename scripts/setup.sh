#!/usr/bin/env bash
# Installs everything sekretar needs on a fresh Debian machine: system packages with apt-get,
# then a virtualenv in .venv with the project and all its extras. Safe to run again: it only
# installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  fonts-dejavu-core
  apertium apertium-rus-ukr apertium-bel-rus
  tesseract-ocr tesseract-ocr-rus tesseract-ocr-ukr tesseract-ocr-bel tesseract-ocr-kaz
  tesseract-ocr-uzb tesseract-ocr-uzb-cyrl tesseract-ocr-kir tesseract-ocr-tgk tesseract-ocr-hye
  tesseract-ocr-aze tesseract-ocr-kat tesseract-ocr-ron tesseract-ocr-eng
  libreoffice-writer-nogui
  chromium
)

# The Debian packages and the Python packages are fetched at the same time: both mostly wait
# on the network, so running them side by side saves most of the shorter one's time.
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
apt_log=$(mktemp)
apt_pid=""
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing system packages: ${missing[*]}"
  ( $SUDO apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
      "${missing[@]}" ) >"$apt_log" 2>&1 &
  apt_pid=$!
fi

# Python packages go in with uv (itself from PyPI), which fetches and unpacks in parallel: a
# fresh install takes minutes where pip takes half an hour here. Plain pip is the fallback.
# Bytecode is compiled at install: PYTHONDONTWRITEBYTECODE may be set (it is on these machines), and
# then every CLI process and batch worker would otherwise compile the libraries again.
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.sekretar-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "installing Python packages into .venv (a few minutes the first time)"
  extras='.[nlp,translate,search,web,ocr,dev]'
  if .venv/bin/pip install -q uv && .venv/bin/uv pip install -q --compile-bytecode --python .venv/bin/python -e "$extras"; then
    :
  else
    echo "uv could not install the packages; trying pip"
    .venv/bin/pip install -q -e "$extras"
  fi
  touch "$stamp"
fi
# our own modules compiled once too (an editable install leaves them as sources)
.venv/bin/python -m compileall -q corpus pipeline index >/dev/null

if [ -n "$apt_pid" ]; then
  if ! wait "$apt_pid"; then
    cat "$apt_log"
    echo "apt-get could not install: ${missing[*]}" >&2
    exit 1
  fi
fi
rm -f "$apt_log"
echo "set-up done"
