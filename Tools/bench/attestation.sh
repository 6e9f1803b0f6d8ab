#!/usr/bin/env bash
# Attestation verification speed, release build, with PyPI dcap-qvl (Rust) timed in the same run as the reference.
# Prints the Swift figures, dcap-qvl's, and the ratio swift/dcap-qvl for a full TDX quote verification.
set -euo pipefail
cd "$(dirname "$0")/../.."
fixtures="${COCOON_FIXTURES:-../shared/fixtures}"
swift build -c release --product AttestationBench >/dev/null
ours=$(.build/release/AttestationBench "$fixtures")
echo "swift:    $ours"
venv=.tools/dcap-qvl-venv
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/python" -c 'import dcap_qvl' 2>/dev/null || "$venv/bin/pip" install --quiet 'dcap-qvl==0.7.0'
reference=$("$venv/bin/python" - "$fixtures" <<'PY'
import sys, time, dcap_qvl
base = sys.argv[1] + "/tdx/"
quote = open(base + "quote-v4-uptodate.bin", "rb").read()
collateral = dcap_qvl.QuoteCollateralV3.from_json(open(base + "quote-v4-uptodate.collateral.json").read())
now = 1750331763
dcap_qvl.verify(quote, collateral, now)
runs = 200
start = time.perf_counter()
for _ in range(runs):
    dcap_qvl.verify(quote, collateral, now)
print("%.3f" % ((time.perf_counter() - start) * 1000 / runs))
PY
)
echo "dcap-qvl: {\"tdxVerifyMs\": $reference}"
python3 -c "import json,sys; o=json.loads(sys.argv[1]); print('ratio swift/dcap-qvl (TDX verify): %.2f' % (o['tdxVerifyMs']/float(sys.argv[2])))" "$ours" "$reference"
