# Quick start:  make verify   (checks every claim in claims/)
#               make test     (runs the test suite)
# Each target installs GMP and MPFR first when they are missing (Debian: apt-get).

SWIFT ?= swift
CONFIG ?= release

.PHONY: deps verify test bench bench-flint sweep docs

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
