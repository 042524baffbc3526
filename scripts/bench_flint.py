#!/usr/bin/env python3
"""Times mfcheck's exact kernels against FLINT (python-flint) on the SAME matrices, in one run.

    pip install python-flint
    python3 scripts/bench_flint.py [--sizes 50,100,200] [--swift-args "--scratch-path .build-x"]

The script runs the Swift benchmark (`swift run -c release bench --dump DIR`), which times the
kernels and writes its matrices to DIR; then it loads the same matrices into FLINT and times
  * the rational product        fmpq_mat * fmpq_mat
  * the inertia, charpoly route  fmpq_mat.charpoly(), then Descartes' rule of signs
  * the inertia, det route       fraction-free LU (fmpz_mat.fflu) of the cleared matrix: when no
                                 row exchange was needed its diagonal holds the leading principal
                                 minors, whose signs give the inertia (otherwise "n/a")
and prints the ratio table (Swift time / FLINT time: below 1 means Swift is faster).
Each inertia computed by FLINT is checked against the one printed by Swift.
"""
import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time

try:
    import flint
except ImportError:
    sys.exit("python-flint is missing: pip install python-flint")


def load(path):
    with open(path) as f:
        rows, cols = map(int, f.readline().split())
        entries = [[flint.fmpq(*map(int, (x.split("/") + ["1"])[:2])) for x in f.readline().split()]
                   for _ in range(rows)]
    return flint.fmpq_mat(rows, cols, [x for r in entries for x in r])


def best(reps, fn):
    t, out = float("inf"), None
    for _ in range(reps):
        start = time.perf_counter()
        out = fn()
        t = min(t, time.perf_counter() - start)
    return t, out


def sign_variations(coeffs):
    signs = [1 if c > 0 else -1 for c in coeffs if c != 0]
    return sum(1 for a, b in zip(signs, signs[1:]) if a != b)


def inertia_by_charpoly(m):
    p = m.charpoly()
    c = [p[i] for i in range(p.degree() + 1)]            # lowest degree first
    zero = next(i for i, x in enumerate(c) if x != 0)
    reflected = [x if i % 2 == 0 else -x for i, x in enumerate(c)]
    return (sign_variations(reflected), zero, sign_variations(c))


def inertia_by_fflu(m):
    num, _ = m.numer_denom()                              # m = num / den, den > 0: same signs
    p, _, _, u = num.fflu()
    n = m.nrows()
    if p != flint.fmpz_mat(n, n, [int(i == j) for i in range(n) for j in range(n)]):
        return None
    minors = [u[k, k] for k in range(n)]
    if any(d == 0 for d in minors):
        return None
    neg, prev = 0, 1
    for d in minors:
        s = 1 if d > 0 else -1
        neg += s != prev
        prev = s
    return (neg, 0, n - neg)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="50,100,200")
    ap.add_argument("--swift-args", default="", help="extra arguments for `swift run`, e.g. a scratch path")
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sizes = [int(s) for s in args.sizes.split(",")]

    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["swift", "run", "-c", "release", *shlex.split(args.swift_args), "bench",
               "--dump", tmp, "--sizes", args.sizes]
        print("running:", " ".join(cmd), flush=True)
        run = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"the Swift benchmark failed (exit {run.returncode}):\n{run.stderr[-4000:]}")
        out = run.stdout
        swift = {}
        for line in out.splitlines():
            if line.startswith("RESULT "):
                _, key, n, secs, result = line.split(" ", 4)
                swift[(key, int(n))] = (float(secs), result)
            else:
                print(line)

        print("\nFLINT", flint.__version__, "(python-flint), same matrices, best of several runs")
        rows = []
        for n in sizes:
            a, b = load(f"{tmp}/A_{n}.txt"), load(f"{tmp}/B_{n}.txt")
            s, g = load(f"{tmp}/S_{n}.txt"), load(f"{tmp}/G_{n}.txt")
            reps = 20 if n <= 50 else (8 if n <= 100 else 4)
            t_mul, _ = best(reps, lambda: a * b)
            t_cp, i_cp = best(3 if n <= 100 else 1, lambda: inertia_by_charpoly(s))
            t_lu, i_lu = best(3 if n <= 100 else 1, lambda: inertia_by_fflu(s))
            t_gcp, i_gcp = best(1, lambda: inertia_by_charpoly(g))
            expected = swift[("inertia", n)][1]
            for name, inertia in (("charpoly", i_cp), ("fflu", i_lu)):
                if inertia is not None and ",".join(map(str, inertia)) != expected:
                    sys.exit(f"MISMATCH n={n}: FLINT {name} inertia {inertia}, Swift {expected}")
            if ",".join(map(str, i_gcp)) != swift[("inertia_gram", n)][1]:
                sys.exit(f"MISMATCH n={n}: Gram inertia FLINT {i_gcp}, Swift {swift[('inertia_gram', n)][1]}")
            rows.append((n, "product A·B", swift[("product", n)][0], "fmpq_mat *", t_mul))
            for key, label in (("inertia", "inertia .ldl"), ("inertia_exact", "inertia .exactLDL")):
                rows.append((n, label, swift[(key, n)][0], "charpoly + signs", t_cp))
                if i_lu is not None:
                    rows.append((n, label, swift[(key, n)][0], "fflu minors", t_lu))
            rows.append((n, "inertia GᵀG rank n/2 .ldl", swift[("inertia_gram", n)][0], "charpoly + signs", t_gcp))

    print(f"\n{'n':>4}  {'mfcheck':<26} {'ms':>9}   {'FLINT':<17} {'ms':>9}   {'ratio':>6}")
    for n, ours, t_ours, theirs, t_theirs in rows:
        print(f"{n:>4}  {ours:<26} {t_ours * 1e3:>9.2f}   {theirs:<17} {t_theirs * 1e3:>9.2f}   {t_ours / t_theirs:>6.2f}")
    print("\nratio = mfcheck time / FLINT time (below 1: mfcheck is faster). All inertias agree.")


if __name__ == "__main__":
    main()
