#!/usr/bin/env python3
"""Replay the minimized hostile claim files of Tests/Fuzz/regressions/.

Each file runs through the verifier with the limits of the fuzzer (4 GiB address space, the
file's budget + 8 s of wall clock). A run fails on a crash, a hang, a memory blow-up, an error
without a location or non-JSON input that is accepted, and also when the clean outcome differs from the one manifest.json
requires:

    "located load error"           exit 2 with a load error naming file:line:col at $.path
    "INCONCLUSIVE naming a limit"  an INCONCLUSIVE part whose reason names the limit (or a located
                                   load error or ERROR)
    "verdict"                      the file loads and every part gets a verdict (an ERROR verdict
                                   must be located)

    python3 scripts/fuzz_regressions.py [--binary PATH] [--dir DIR] [--slack S] [NAME ...]

Exit status: 0 when every file passes, 1 otherwise, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fuzz_common import DEFAULT_SLACK, REPO, Case, default_binary, set_memory_limit, install_cleanup, meets_expectation, run_case  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="only these regression files")
    ap.add_argument("--binary", default=None, help="the verifier (default .build/release/verify, else .build/debug/verify)")
    ap.add_argument("--dir", default=os.path.join(REPO, "Tests", "Fuzz", "regressions"))
    ap.add_argument("--memory-limit", type=float, default=4.0, metavar="GIB",
                    help="address-space limit of a run in GiB (default 4; 0 for none, e.g. under a sanitizer)")
    ap.add_argument("--slack", type=float, default=DEFAULT_SLACK)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    set_memory_limit(a.memory_limit)
    install_cleanup()

    binary = a.binary or default_binary()
    if not os.path.exists(binary):
        print(f"fuzz_regressions: no verifier binary at {binary}", file=sys.stderr)
        return 2
    manifest_path = os.path.join(a.dir, "manifest.json")
    if not os.path.exists(manifest_path):
        print("fuzz_regressions: no manifest.json, nothing to replay")
        return 0
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    names = a.names or sorted(manifest)
    for n in names:
        if n not in manifest:
            print(f"fuzz_regressions: {n} is not in manifest.json", file=sys.stderr)
            return 2

    def replay(name: str):
        entry = manifest[name]
        with open(os.path.join(a.dir, name), "rb") as f:
            content = f.read()
        c = Case(family=name.split("-")[0], content=content, filename=entry.get("run_as", "claim.json"),
                 args=entry.get("args", []), budget=float(entry.get("budget", 2.0)),
                 usage_error_ok=bool(entry.get("usage_error_ok")), expect=entry["expect"],
                 paths=entry.get("paths"), must_load=bool(entry.get("must_load")))
        o = run_case(c, binary, slack=a.slack)
        ok = o.cls == "ok" and (meets_expectation(c.expect, o) or (c.usage_error_ok and o.category == "usage error"))
        return name, entry, o, ok

    failed = 0
    with cf.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        for name, entry, o, ok in pool.map(replay, names):
            status = "pass" if ok else "FAIL"
            failed += not ok
            print(f"{status}  {name:28} {o.cls:9} {o.detail[:200]}"
                  + ("" if ok else f"\n      required: {entry['expect']}; first found: {entry.get('found', '')[:90]}"))
    print(f"\n{len(names) - failed} of {len(names)} regression files pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
