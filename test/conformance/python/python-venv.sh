#!/usr/bin/env bash
# Prints the path of a Python interpreter in a virtualenv that holds the SDKs of
# requirements.txt (pulumi and pulumi-aws for the Python twins of the examples). The virtualenv
# is cached outside the repository ($RU_RESIDENCY_CACHE, default ~/.cache/ru-residency), named by
# the Python version and a hash of requirements.txt, so a change of pins or of interpreter makes a
# new one; it is created from scratch when missing (with python3 -m venv and pip from PyPI) and
# reused when present. Nothing is written inside the repository.
# Progress goes to stderr; stdout carries only the path.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
requirements="$here/requirements.txt"
cache="${RU_RESIDENCY_CACHE:-$HOME/.cache/ru-residency}"
log() { echo "python-venv: $*" >&2; }

python="${RU_RESIDENCY_PYTHON3:-python3}"
command -v "$python" >/dev/null || { log "no $python on PATH: the Python conformance tests need Python 3 with its venv module"; exit 1; }
pyver="$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
pins="$(sed -n 's/^pulumi==\(.*\)$/pulumi\1/p; s/^pulumi-aws==\(.*\)$/aws\1/p' "$requirements" | tr '\n' '-')"
hash="$(sha256sum "$requirements" | cut -c1-12)"
out="$cache/python-venv-${pins}py$pyver-$hash"

if [ -x "$out/bin/python" ] && [ -f "$out/.complete" ]; then
  echo "$out/bin/python"; exit 0
fi

start=$(date +%s)
log "creating $out with Python $pyver (first time only)"
# A virtualenv's scripts name its folder, so it is built in place; .complete, written last, marks
# a finished one, and anything there without it is an interrupted build, made again.
rm -rf "$out"
mkdir -p "$cache"
"$python" -m venv "$out" || { log "$python -m venv failed: install Python's venv module (Debian: python3-venv)"; exit 1; }
"$out/bin/python" -m pip install --quiet --no-input --disable-pip-version-check --no-cache-dir --only-binary=:all: -r "$requirements" >&2
"$out/bin/python" -c 'import pulumi, pulumi_aws, pulumi.automation._server' >&2
touch "$out/.complete"
log "created in $(( $(date +%s) - start )) s ($(du -sh "$out" | cut -f1))"
echo "$out/bin/python"
