#!/usr/bin/env python3
"""Golden values for the TDX fixtures from PyPI dcap-qvl (an independent DCAP verifier, Phala Network).

Run through Tools/cross-check/dcap-qvl.sh, which installs dcap-qvl into .tools/dcap-qvl-venv. Writes
Tests/AttestationTDXTests/Golden/dcap-qvl.json: per fixture the parsed measurements and dcap-qvl's verdict at a
fixed time inside the collateral's validity. The Swift test "cross-check dcap-qvl" compares against it.
"""
import calendar
import json
import os
import sys
import time

import dcap_qvl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.environ.get("COCOON_FIXTURES", os.path.join(os.path.dirname(ROOT), "shared", "fixtures"))
OUT = os.path.join(ROOT, "Tests", "AttestationTDXTests", "Golden", "dcap-qvl.json")

CASES = [
    ("quote-v4-uptodate", "2025-06-19T11:16:03Z"),
    ("quote-v5-outdated", "2026-02-18T11:58:51Z"),
]


def hexof(value):
    return bytes(value).hex()


def main():
    results = {"tool": "dcap-qvl", "version": dcap_qvl.__version__, "cases": []}
    for name, at in CASES:
        quote = open(os.path.join(FIXTURES, "tdx", name + ".bin"), "rb").read()
        collateral_json = open(os.path.join(FIXTURES, "tdx", name + ".collateral.json")).read()
        report = dcap_qvl.parse_quote(quote).report
        now = calendar.timegm(time.strptime(at, "%Y-%m-%dT%H:%M:%SZ"))
        case = {
            "name": name,
            "at": at,
            "mrtd": hexof(report.mr_td),
            "rtmr0": hexof(report.rt_mr0),
            "rtmr1": hexof(report.rt_mr1),
            "rtmr2": hexof(report.rt_mr2),
            "rtmr3": hexof(report.rt_mr3),
            "mrConfigId": hexof(report.mr_config_id),
            "mrOwner": hexof(report.mr_owner),
            "mrOwnerConfig": hexof(report.mr_owner_config),
            "tdAttributes": hexof(report.td_attributes),
            "xfam": hexof(report.xfam),
            "teeTcbSvn": hexof(report.tee_tcb_svn),
            "reportData": hexof(report.report_data),
        }
        try:
            collateral = dcap_qvl.QuoteCollateralV3.from_json(collateral_json)
            verified = dcap_qvl.verify(quote, collateral, now)
            case["verified"] = True
            case["status"] = verified.status
            case["advisories"] = list(verified.advisory_ids)
        except Exception as error:  # dcap-qvl raises ValueError with its reason
            case["verified"] = False
            case["error"] = str(error)
        results["cases"].append(case)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as out:
        json.dump(results, out, indent=1, sort_keys=True)
        out.write("\n")
    print("wrote", OUT, file=sys.stderr)


if __name__ == "__main__":
    main()
