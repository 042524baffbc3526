// GMP and MPFR for Swift. gmp.h must come before mpfr.h.
// The mpz_*/mpq_* names are macros; Swift code calls the exported __gmpz_*/__gmpq_* symbols.
#include <stdio.h>
#include <stdlib.h>
#include <gmp.h>
#include <mpfr.h>
