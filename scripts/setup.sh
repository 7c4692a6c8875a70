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

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
  .venv/bin/pip install -q --upgrade pip
fi
stamp=.venv/.sekretar-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "installing Python packages into .venv (a few minutes the first time)"
  .venv/bin/pip install -q -e '.[nlp,translate,search,web,ocr,dev]'
  touch "$stamp"
fi
echo "set-up done"
