# Quick start:  make verify   (checks every claim in claims/)
#               make test     (runs the test suite)
# Each target installs GMP and MPFR first when they are missing (Debian: apt-get).

SWIFT ?= swift
CONFIG ?= release

.PHONY: deps verify test bench bench-flint sweep docs papers

deps:
	@if ! pkg-config --exists gmp mpfr 2>/dev/null || [ ! -f /usr/include/mpfr.h ]; then \
	  echo "installing libgmp-dev libmpfr-dev pkg-config"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libgmp-dev libmpfr-dev pkg-config; \
	fi

verify: deps
	$(SWIFT) run -c $(CONFIG) verify claims

test: deps
	$(SWIFT) test

bench: deps
	$(SWIFT) run -c release bench

bench-flint: deps
	python3 scripts/bench_flint.py

# Regenerate docs/papers/*.md from the verifier's JSON report.
papers: deps
	$(SWIFT) run -c release verify claims --format json > .papers-results.json || true
	for p in valavi2020 eftekhari2020 chen2025 vidal2022; do python3 scripts/paper_page.py $$p --results .papers-results.json; done
	rm -f .papers-results.json
