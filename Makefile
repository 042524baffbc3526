# Quick start:  make verify   (checks every claim in claims/)
#               make test     (runs the test suite)
# Each target installs GMP and MPFR first when they are missing (Debian: apt-get).

SWIFT ?= swift
CONFIG ?= release

.PHONY: deps verify test bench bench-flint bench-search sweep docs papers fuzz fuzz-short fuzz-regressions

deps:
	@if ! pkg-config --exists gmp mpfr 2>/dev/null || [ ! -f /usr/include/mpfr.h ]; then \
	  echo "installing libgmp-dev libmpfr-dev pkg-config"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libgmp-dev libmpfr-dev pkg-config; \
	fi

verify: deps
	$(SWIFT) run -c $(CONFIG) verify claims

# The test suite, then the hostile-input checks in their short form (docs/ci.md, "Fuzzing"):
# every minimized regression file, and 150 freshly generated hostile files.
test: deps
	$(SWIFT) test
	$(SWIFT) build -c release --product verify
	python3 scripts/fuzz_regressions.py --binary .build/release/verify
	python3 scripts/fuzz_claims.py --short --binary .build/release/verify

bench: deps
	$(SWIFT) run -c release bench

bench-flint: deps
	python3 scripts/bench_flint.py

# The search benchmark: planted-false variants the search should refute, true statements it must
# never refute (bench/search). Prints the refutation rate and the misses by kind; fails when a
# true statement FAILS or a counterexample does not replay (BENCH_SEARCH_FLAGS=--strict: also on a miss).
bench-search: deps
	$(SWIFT) build -c release --product verify
	python3 scripts/bench_search.py --bin .build/release/verify --out .bench-search.json $(BENCH_SEARCH_FLAGS)

# Hostile claim files (docs/ci.md, "Fuzzing"): none may crash, hang or exhaust memory, and every
# error must be located. Non-ok inputs are minimized into Tests/Fuzz/regressions/.
fuzz: deps
	$(SWIFT) build -c release --product verify
	python3 scripts/fuzz_claims.py --long 5000 --binary .build/release/verify

fuzz-short: deps
	$(SWIFT) build -c $(CONFIG) --product verify
	python3 scripts/fuzz_claims.py --short --binary .build/$(CONFIG)/verify

fuzz-regressions: deps
	$(SWIFT) build -c $(CONFIG) --product verify
	python3 scripts/fuzz_regressions.py --binary .build/$(CONFIG)/verify

# Regenerate docs/papers/*.md from the verifier's JSON report.
papers: deps
	$(SWIFT) run -c release verify claims --format json > .papers-results.json || true
	python3 scripts/paper_page.py valavi2020 --results .papers-results.json --out docs/papers/valavi2020.md
	python3 scripts/paper_page.py vidal2022 --results .papers-results.json --out docs/papers/vidal.md
	python3 scripts/paper_page.py eftekhari2020 --results .papers-results.json --out docs/papers/eftekhari.md
	python3 scripts/paper_page.py chen2025 --results .papers-results.json --out docs/papers/chen.md
	rm -f .papers-results.json
