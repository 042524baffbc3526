#!/usr/bin/env python3
"""The search benchmark: how many planted-false variants does the instance search refute?

Runs `verify` on the corpus (bench/search: false/*.json hold planted-false variants, each part
expected to FAIL; true/*.json hold true statements, expected to HOLD) with `--format json`,
replays every counterexample it reports from its saved instance file, and prints per part the
expectation, the verdict and the draws until the counterexample, then the totals:

- false variants refuted (FAILS), as a count and a percentage, by mutation kind and by thin/broad;
- false variants missed (HOLDS, INCONCLUSIVE or ERROR), listed with their mutation kind;
- true statements that FAIL (must be none: each one is a bug in the verifier), listed;
- INCONCLUSIVE and ERROR counts, replays that do not reproduce, wall time.

Exit status: 1 when a true statement FAILS or a replay does not reproduce its FAILS (with
--strict also when a false variant is missed), 2 when the verifier cannot be run, else 0.

    python3 scripts/bench_search.py [--bin .build/release/verify] [--out .bench-search.json] [--strict]
"""
import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def part_info(claim_file, part, cache={}):
    """(kind, thin) of a planted part, from its `statements` entry "[kind, thin|broad] …"."""
    if claim_file not in cache:
        try:
            with open(claim_file) as f:
                cache[claim_file] = json.load(f)
        except (OSError, ValueError):
            cache[claim_file] = {}
    text = cache[claim_file].get("statements", {}).get(part, "")
    m = re.match(r"\[([a-z-]+), (thin|broad)\]", text)
    if m:
        return m.group(1), m.group(2) == "thin"
    reason = cache[claim_file].get("expect", {}).get(part, {})
    m = re.match(r"planted: ([a-z-]+)", reason.get("reason", "") if isinstance(reason, dict) else "")
    return (m.group(1) if m else "?"), False


def replay(binary, claim_file, instance_file, part):
    """The verdict of `verify CLAIM --replay INSTANCE` for the part, or a description of the failure."""
    try:
        r = subprocess.run([binary, claim_file, "--replay", instance_file, "--format", "json"],
                           capture_output=True, text=True, timeout=300)
        results = json.loads(r.stdout)["results"]
    except (OSError, ValueError, KeyError, subprocess.TimeoutExpired) as e:
        return "not replayed (%s)" % type(e).__name__
    verdicts = [x["verdict"] for x in results if x.get("part") == part]
    return verdicts[0] if verdicts else "part missing from the replay"


def describe(cx):
    """A one-line account of a counterexample: the variables and the failing comparison."""
    if not cx:
        return None
    text = ", ".join("%s = %s" % (k, " ".join(str(v).split())) for k, v in (cx.get("variables") or {}).items())
    failing = cx.get("failing") or {}
    left, right = failing.get("left") or {}, failing.get("right") or {}
    if failing.get("expression"):
        text += "; %s is false" % failing["expression"]
        if left.get("value") is not None and right.get("value") is not None:
            text += " (left %s, right %s)" % (left["value"], right["value"])
    return text


def pct(a, b):
    return "%.1f%%" % (100.0 * a / b) if b else "n/a"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=".build/release/verify", help="the verifier (default: .build/release/verify)")
    ap.add_argument("--corpus", default="bench/search", help="the corpus folder (default: bench/search)")
    ap.add_argument("--out", default=".bench-search.json", help="where to write the results (default: .bench-search.json)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when any false variant is missed")
    ap.add_argument("--quiet", action="store_true", help="print only the totals")
    args = ap.parse_args()

    binary = args.bin if os.path.isabs(args.bin) or os.sep not in args.bin else os.path.abspath(args.bin)
    if not os.path.exists(binary):
        print("bench-search: no verifier at %s (build it with `swift build -c release`)" % args.bin, file=sys.stderr)
        return 2

    work = tempfile.mkdtemp(prefix="bench-search-")
    report = os.path.join(work, "results.json")
    instances = os.path.join(work, "instances")
    start = time.time()
    run = subprocess.run([binary, args.corpus, "--format", "json", "--output", report,
                          "--save-counterexamples", instances], capture_output=True, text=True)
    verify_seconds = time.time() - start
    if run.returncode not in (0, 1) or not os.path.exists(report):
        print("bench-search: verify exited %d\n%s" % (run.returncode, run.stderr[-2000:]), file=sys.stderr)
        return 2
    with open(report) as f:
        data = json.load(f)

    parts = []
    for r in data["results"]:
        planted = r.get("expected") == "fails"
        kind, thin = part_info(r["file"], r["part"]) if planted else ("", False)
        decided = r.get("decided_at")
        parts.append({
            "file": r["file"],
            "claim": r.get("claim"), "part": r["part"], "planted_false": planted,
            "expected": r.get("expected"), "verdict": r["verdict"], "kind": kind, "thin": thin,
            "draws_until_counterexample": decided["instance"] + 1 if r["verdict"] == "FAILS" and decided else None,
            "tried": r.get("counts", {}).get("tried"), "seconds": r.get("seconds"),
            "reason": r.get("reason"), "counterexample_path": r.get("counterexample_path"),
            "counterexample": describe(r.get("counterexample")) if r["verdict"] == "FAILS" else None,
        })

    # Replay every counterexample from its instance file.
    todo = [p for p in parts if p["verdict"] == "FAILS"]
    for p in todo:
        path = p["counterexample_path"]
        if path and not os.path.isabs(path):
            path = os.path.join(os.getcwd(), path)
        p["instance_file"] = path if path and os.path.exists(path) else None
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, (os.cpu_count() or 2))) as pool:
        futures = {pool.submit(replay, binary, p["file"], p["instance_file"], p["part"]): p
                   for p in todo if p["instance_file"]}
        for fut, p in futures.items():
            p["replay"] = fut.result()
    for p in todo:
        p.setdefault("replay", "no instance file")
    wall = time.time() - start

    false_parts = [p for p in parts if p["planted_false"]]
    true_parts = [p for p in parts if p["expected"] == "holds"]
    found = [p for p in false_parts if p["verdict"] == "FAILS"]
    missed = [p for p in false_parts if p["verdict"] != "FAILS"]
    true_fails = [p for p in true_parts if p["verdict"] == "FAILS"]
    not_reproduced = [p for p in todo if p["replay"] not in ("FAILS", "no instance file")]
    no_instance = [p for p in todo if p["replay"] == "no instance file"]
    verdict_counts = {v: sum(1 for p in parts if p["verdict"] == v) for v in ("HOLDS", "FAILS", "INCONCLUSIVE", "ERROR")}

    kinds = sorted({p["kind"] for p in false_parts})
    by_kind = {k: {"total": sum(1 for p in false_parts if p["kind"] == k),
                   "found": sum(1 for p in found if p["kind"] == k)} for k in kinds}
    by_thin = {name: {"total": sum(1 for p in false_parts if p["thin"] == flag),
                      "found": sum(1 for p in found if p["thin"] == flag)}
               for name, flag in (("thin", True), ("broad", False))}

    if not args.quiet:
        print("%-58s %-8s %-13s %6s  %s" % ("part", "expected", "verdict", "draws", "replay"))
        for p in parts:
            name = "%s [%s]" % (os.path.splitext(os.path.relpath(p["file"], args.corpus))[0], p["part"])
            print("%-58s %-8s %-13s %6s  %s" % (name[:58], p["expected"], p["verdict"],
                                                p["draws_until_counterexample"] or "", p.get("replay", "")))
        print()
    print("search benchmark: %d false variants, %d true statements, %d claim files" %
          (len(false_parts), len(true_parts), data["summary"]["claim_files"]))
    print("false variants refuted (FAILS): %d of %d (%s)" % (len(found), len(false_parts), pct(len(found), len(false_parts))))
    print("  thin:  %d of %d (%s)" % (by_thin["thin"]["found"], by_thin["thin"]["total"], pct(by_thin["thin"]["found"], by_thin["thin"]["total"])))
    print("  broad: %d of %d (%s)" % (by_thin["broad"]["found"], by_thin["broad"]["total"], pct(by_thin["broad"]["found"], by_thin["broad"]["total"])))
    print("  by kind: " + ", ".join("%s %d/%d" % (k, v["found"], v["total"]) for k, v in by_kind.items()))
    draws = sorted(p["draws_until_counterexample"] for p in found if p["draws_until_counterexample"])
    if draws:
        print("  draws until the counterexample: median %d, max %d" % (draws[len(draws) // 2], draws[-1]))
    print("miss rate: %s (%d missed)" % (pct(len(missed), len(false_parts)), len(missed)))
    for p in missed:
        print("  missed: %s [%s]  %s, %s, %s" % (os.path.splitext(os.path.relpath(p["file"], args.corpus))[0], p["part"],
                                              p["kind"], "thin" if p["thin"] else "broad", p["verdict"]))
    print("true statements that FAIL: %d%s" % (len(true_fails), " (a bug in the verifier)" if true_fails else ""))
    for p in true_fails:
        print("  FAILS: %s [%s]  at %s" % (p["file"], p["part"], (p["counterexample"] or "")[:400]))
    print("INCONCLUSIVE: %d (false %d, true %d); ERROR: %d (false %d, true %d)" % (
        verdict_counts["INCONCLUSIVE"], sum(1 for p in false_parts if p["verdict"] == "INCONCLUSIVE"),
        sum(1 for p in true_parts if p["verdict"] == "INCONCLUSIVE"),
        verdict_counts["ERROR"], sum(1 for p in false_parts if p["verdict"] == "ERROR"),
        sum(1 for p in true_parts if p["verdict"] == "ERROR")))
    print("replays: %d of %d counterexamples reproduce; %d do not; %d without an instance file" % (
        len(todo) - len(not_reproduced) - len(no_instance), len(todo), len(not_reproduced), len(no_instance)))
    for p in not_reproduced:
        print("  not reproduced: %s [%s]  replay gives %s" % (p["file"], p["part"], p["replay"]))
    print("wall time: %.1f s (verify %.1f s, replays %.1f s)" % (wall, verify_seconds, wall - verify_seconds))

    out = {"schema": "mfcheck-bench-search", "version": 1, "binary": args.bin, "corpus": args.corpus,
           "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
           "totals": {"false_variants": len(false_parts), "true_statements": len(true_parts),
                      "found": len(found), "found_percent": round(100.0 * len(found) / len(false_parts), 1) if false_parts else None,
                      "missed": len(missed), "true_fails": len(true_fails), "verdicts": verdict_counts,
                      "replays_not_reproduced": len(not_reproduced), "replays_without_instance": len(no_instance),
                      "by_kind": by_kind, "by_thin": by_thin,
                      "wall_seconds": round(wall, 2), "verify_seconds": round(verify_seconds, 2)},
           "missed": [{"file": p["file"], "part": p["part"], "kind": p["kind"], "thin": p["thin"], "verdict": p["verdict"]} for p in missed],
           "true_fails": [{"file": p["file"], "part": p["part"], "counterexample": p["counterexample"]} for p in true_fails],
           "parts": [{k: v for k, v in p.items() if k not in ("counterexample_path", "instance_file")} for p in parts]}
    with open(args.out, "w") as f:
        json.dump(out, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("results written to %s" % args.out)

    if true_fails or not_reproduced:
        return 1
    if args.strict and missed:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
