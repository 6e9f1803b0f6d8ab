#!/usr/bin/env bash
# Regenerates Tests/AttestationTDXTests/Golden/dcap-qvl.json with PyPI dcap-qvl (installed into .tools/, idempotent).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.tools/dcap-qvl-venv
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/python" -c 'import dcap_qvl' 2>/dev/null || "$venv/bin/pip" install --quiet 'dcap-qvl==0.7.0'
"$venv/bin/python" Tools/cross-check/dcap-qvl.py
