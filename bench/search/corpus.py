#!/usr/bin/env python3
"""The planted-false search benchmark, as data: writes bench/search/{false,true}/*.json.

Every false part carries its mutation kind, whether its counterexample is *thin* (random
rational draws rarely hit it), a counterexample in words, the counterexample's exact values
(`cx`) and an independent check of it written in sympy (`ck`: true when the statement is false
at `cx`). The claim files themselves use only natural generators; nothing here plants the
counterexample in a generator.

    python3 bench/search/corpus.py            # write the claim files
    python3 bench/search/corpus.py --check    # check every stated counterexample with sympy
    python3 bench/search/corpus.py --check --replay BIN
                                              # ... and replay it through BIN (expects FAILS)
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = []   # (group, name, header dict, parts list)


def claim_file(group, name, label, statement, given, define=None, assume=None, cx=None, instances=None, seed=None,
               pydef="", paper="planted", note=None):
    f = {"group": group, "name": name, "label": label, "statement": statement, "given": given,
         "define": define or {}, "assume": assume, "cx": cx or {}, "parts": [], "pydef": pydef,
         "paper": paper, "note": note,
         "instances": instances, "seed": seed}
    FILES.append(f)
    return f


def F(f, part, formula, kind, thin, mutation, cx_words, ck, cx=None, printed=None):
    """A planted-false part. kind: a tag from KINDS; mutation: what was changed."""
    assert kind in KINDS, kind
    f["parts"].append({"part": part, "formula": formula, "false": True, "kind": kind, "thin": thin,
                       "mutation": mutation, "cx_words": cx_words, "ck": ck, "cx": cx or {}, "printed": printed})


def T(f, part, formula, printed=None):
    f["parts"].append({"part": part, "formula": formula, "false": False, "printed": printed})


KINDS = {
    "flipped": "inequality flipped",
    "hypothesis": "hypothesis dropped",
    "constant": "constant changed",
    "transposed": "factor transposed or order swapped",
    "index": "index shifted",
    "tightened": "bound tightened (≤ to <, factor removed)",
    "norm": "wrong norm in a product bound",
    "identity": "identity broken",
    "singular": "false only at a singular or rank-deficient matrix",
    "zero": "false only at zero",
    "nilpotent": "false only at a nilpotent matrix",
    "repeated": "false only at a repeated singular value or eigenvalue",
    "equal-dims": "false only at equal dimensions",
    "endpoint": "false only at a range endpoint",
    "degenerate": "false only in a nullspace direction of a degenerate Hessian",
}

I2 = [[1, 0], [0, 1]]
Z2 = [[0, 0], [0, 0]]
N2 = [[0, 1], [0, 0]]
E11 = [[1, 0], [0, 0]]
E22 = [[0, 0], [0, 1]]
E21 = [[0, 0], [1, 0]]
R90 = [[0, 1], [-1, 0]]
J2 = [[1, 1], [0, 1]]
L2 = [[1, 0], [1, 1]]

# ---------------------------------------------------------------------------------------------
# Square matrices
f = claim_file("false", "square", "Square matrices: det, trace, rank, products",
               "For all A, B ∈ ℚ^{n×n}, n ≤ 4: textbook identities of det, trace and rank, each mutated once.",
               {"n": "int(1...4)", "A": "matrix(n, n)", "B": "matrix(n, n)"},
               cx={"n": 2, "A": I2, "B": I2})
F(f, "det_additive", "det(A + B) == det(A) + det(B)", "identity", False,
  "det(AB) = det A det B read as additivity", "fails at A = B = I₂ (4 ≠ 2)",
  "det(A+B) != det(A)+det(B)")
F(f, "transpose_order", "(A*B)' == A'*B'", "transposed", False,
  "(AB)ᵀ = BᵀAᵀ with the factors in the wrong order", "fails at A = [[0,1],[0,0]], B = [[0,0],[1,0]]",
  "T(A*B) != T(A)*T(B)", {"A": N2, "B": E21})
F(f, "det_scaling", "det(2*A) == 2*det(A)", "constant", False,
  "det(2A) = 2ⁿ det A with 2ⁿ replaced by 2", "fails at n = 2, A = I₂ (4 ≠ 2)",
  "(2*A).det() != 2*det(A)")
F(f, "trace_multiplicative", "trace(A*B) == trace(A)*trace(B)", "identity", False,
  "trace(AB) = trace(BA) read as multiplicativity", "fails at A = B = I₂ (2 ≠ 4)",
  "tr(A*B) != tr(A)*tr(B)")
F(f, "rank_product_strict", "rank(A*B) < rank(A) + rank(B)", "zero", True,
  "rank(AB) ≤ rank A + rank B tightened to <; false only when A = B = 0", "fails at A = B = 0 (0 < 0)",
  "not (rank(A*B) < rank(A)+rank(B))", {"A": Z2, "B": Z2})
F(f, "sylvester_strict", "rank(A*B) > rank(A) + rank(B) - n", "tightened", False,
  "Sylvester's rank inequality ≥ tightened to >", "fails at A = B = I₂ (2 > 2)",
  "not (rank(A*B) > rank(A)+rank(B)-n)")
F(f, "rank_of_square", "rank(A*A) == rank(A)", "nilpotent", True,
  "rank(A²) = rank(A) (true for symmetric A) with symmetry dropped", "fails at A = [[0,1],[0,0]] (0 ≠ 1)",
  "rank(A*A) != rank(A)", {"A": N2})
F(f, "square_zero_is_zero", "A*A == zeros(n, n) => A == zeros(n, n)", "nilpotent", True,
  "A² = 0 ⇒ A = 0 (true for symmetric A) with symmetry dropped", "fails at A = [[0,1],[0,0]]",
  "A*A == Z(n,n) and A != Z(n,n)", {"A": N2})
F(f, "trace_of_square_nonneg", "trace(A*A) >= 0", "hypothesis", False,
  "trace(A²) = ‖A‖²_F ≥ 0 for symmetric A, symmetry dropped", "fails at A = [[0,1],[-1,0]] (trace −2)",
  "tr(A*A) < 0", {"A": R90})
F(f, "AB_zero_then_BA_zero", "A*B == zeros(n, n) => B*A == zeros(n, n)", "singular", True,
  "AB = 0 ⇒ BA = 0 (true for invertible or commuting factors)", "fails at A = [[1,0],[0,0]], B = [[0,0],[1,0]]",
  "A*B == Z(n,n) and B*A != Z(n,n)", {"A": E11, "B": E21})
F(f, "no_zero_divisors", "A*B == zeros(n, n) => A == zeros(n, n) or B == zeros(n, n)", "singular", True,
  "no zero divisors (true for n = 1)", "fails at A = diag(1, 0), B = diag(0, 1)",
  "A*B == Z(n,n) and A != Z(n,n) and B != Z(n,n)", {"A": E11, "B": E22})
F(f, "rank_AB_equals_BA", "rank(A*B) == rank(B*A)", "singular", True,
  "rank(AB) = rank(BA) (true when one factor is invertible)", "fails at A = [[1,0],[0,0]], B = [[0,0],[1,0]] (0 ≠ 1)",
  "rank(A*B) != rank(B*A)", {"A": E11, "B": E21})
F(f, "sum_of_invertibles", "has_inverse(A) and has_inverse(B) => has_inverse(A + B)", "singular", True,
  "invertibility is not closed under sums", "fails at A = I₂, B = −I₂",
  "det(A) != 0 and det(B) != 0 and det(A+B) == 0", {"B": [[-1, 0], [0, -1]]})
F(f, "det_of_square_positive", "det(A*A) > 0", "tightened", False,
  "det(A²) = det(A)² ≥ 0 tightened to >; false at singular A", "fails at A = 0 (n = 1 suffices)",
  "not (det(A*A) > 0)", {"A": Z2})
F(f, "inverse_of_transpose", "has_inverse(A) => inv(A') == inv(A)", "transposed", False,
  "(Aᵀ)⁻¹ = (A⁻¹)ᵀ with the outer transpose lost", "fails at A = [[1,1],[0,1]]",
  "T(A).inv() != A.inv()", {"A": J2})
F(f, "inverse_of_product", "has_inverse(A) and has_inverse(B) => inv(A*B) == inv(A)*inv(B)", "transposed", False,
  "(AB)⁻¹ = B⁻¹A⁻¹ with the order swapped", "fails at A = [[1,1],[0,1]], B = [[1,0],[1,1]]",
  "(A*B).inv() != A.inv()*B.inv()", {"A": J2, "B": L2})
F(f, "commutator_trace", "A*B != B*A => trace(A*B - B*A) != 0", "identity", False,
  "a nonzero commutator read as having nonzero trace (it is always traceless)", "fails at A = [[0,1],[0,0]], B = [[0,0],[1,0]]",
  "A*B != B*A and tr(A*B-B*A) == 0", {"A": N2, "B": E21})
F(f, "trace_det_zero_is_zero", "trace(A) == 0 and det(A) == 0 => A == zeros(n, n)", "nilpotent", True,
  "trace 0 and det 0 read as A = 0 (for 2×2 they only make A nilpotent)", "fails at A = [[0,1],[0,0]]",
  "tr(A) == 0 and det(A) == 0 and A != Z(n,n)", {"A": N2})
F(f, "idempotent_trivial", "A*A == A => A == eye(n) or A == zeros(n, n)", "singular", True,
  "idempotents read as trivial (true for invertible A)", "fails at A = diag(1, 0)",
  "A*A == A and A != I(n) and A != Z(n,n)", {"A": E11})
T(f, "t.det_multiplicative", "det(A*B) == det(A)*det(B)")
T(f, "t.transpose_of_product", "(A*B)' == B'*A'")
T(f, "t.trace_cyclic", "trace(A*B) == trace(B*A)")
T(f, "t.sylvester", "rank(A*B) >= rank(A) + rank(B) - n")
T(f, "t.rank_one_nuclear", "rank(A) <= 1 => nuclear(A)^2 == fro2(A)")
T(f, "t.rank_of_product", "rank(A*B) <= min(rank(A), rank(B))")
T(f, "t.charpoly_AB_BA", "charpoly(A*B) == charpoly(B*A)")
T(f, "t.det_scaling", "det(2*A) == 2^n*det(A)")
T(f, "t.commutator_traceless", "trace(A*B - B*A) == 0")
T(f, "t.rank_nullity", "rank(A) + nullity(A) == n")
T(f, "t.rank_subadditive", "rank(A + B) <= rank(A) + rank(B)")

# ---------------------------------------------------------------------------------------------
# Rectangular products and norms
f = claim_file("false", "norms", "Norms of products ‖AB‖ ≤ ‖A‖‖B‖ and norm comparisons",
               "For A ∈ ℚ^{m×k}, B ∈ ℚ^{k×n}: submultiplicativity and the comparisons ‖·‖₂ ≤ ‖·‖_F ≤ ‖·‖_*, each mutated once.",
               {"m": "int(1...4)", "k": "int(1...4)", "n": "int(1...4)", "A": "matrix(m, k)", "B": "matrix(k, n)"},
               cx={"m": 2, "k": 2, "n": 2, "A": I2, "B": I2})
F(f, "fro_submult_flipped", "fro2(A*B) >= fro2(A)*fro2(B)", "flipped", False,
  "‖AB‖_F ≤ ‖A‖_F‖B‖_F flipped", "fails at A = B = I₂ (2 ≥ 4)", "not (fro2(A*B) >= fro2(A)*fro2(B))")
F(f, "spectral_submult_flipped", "sigma_max(A*B) >= sigma_max(A)*sigma_max(B)", "flipped", False,
  "‖AB‖₂ ≤ ‖A‖₂‖B‖₂ flipped", "fails at A = diag(1,0), B = diag(0,1) (0 ≥ 1)",
  "not (smax(A*B) >= smax(A)*smax(B))", {"A": E11, "B": E22})
F(f, "fro_submult_strict", "fro2(A*B) < fro2(A)*fro2(B)", "tightened", False,
  "‖AB‖_F ≤ ‖A‖_F‖B‖_F tightened to <; equality for k = 1 (outer products)", "fails at k = 1, A = [[1]], B = [[1]]",
  "not (fro2(A*B) < fro2(A)*fro2(B))", {"m": 1, "k": 1, "n": 1, "A": [[1]], "B": [[1]]})
F(f, "fro_by_spectral", "fro(A*B) <= sigma_max(A)*sigma_max(B)", "norm", False,
  "‖AB‖_F ≤ ‖A‖₂‖B‖_F with ‖B‖_F replaced by ‖B‖₂", "fails at A = B = I₂ (√2 ≤ 1)",
  "not (fro2(A*B) <= (smax(A)*smax(B))**2)")
F(f, "nuclear_by_spectral", "nuclear(A*B) <= sigma_max(A)*sigma_max(B)", "norm", False,
  "‖AB‖_* ≤ ‖A‖_*‖B‖₂ with ‖A‖_* replaced by ‖A‖₂", "fails at A = B = I₂ (2 ≤ 1)",
  "not (nuclear(A*B) <= smax(A)*smax(B))")
F(f, "nuclear_by_fro_spectral", "nuclear(A*B) <= fro(A)*sigma_max(B)", "norm", False,
  "‖AB‖_* ≤ ‖A‖_F‖B‖_F with ‖B‖_F replaced by ‖B‖₂", "fails at A = B = I₂ (2 ≤ √2)",
  "not (nuclear(A*B)**2 <= fro2(A)*smax(B)**2)")
F(f, "fro_below_spectral", "fro(A) <= sigma_max(A)", "flipped", False,
  "‖A‖₂ ≤ ‖A‖_F flipped", "fails at A = I₂ (√2 ≤ 1)", "not (fro2(A) <= smax(A)**2)")
F(f, "nuclear_below_fro", "nuclear(A) <= fro(A)", "tightened", False,
  "‖A‖_* ≤ √rank(A)·‖A‖_F with the factor √rank removed", "fails at A = I₂ (2 ≤ √2)",
  "not (nuclear(A)**2 <= fro2(A))")
F(f, "rank_of_product_is_min", "rank(A*B) == min(rank(A), rank(B))", "singular", True,
  "rank(AB) ≤ min(rank A, rank B) read as an equality (random factors rarely lose rank in the product: about 1 draw in 370)", "fails at m = n = 1, k = 2, A = [[1,0]], B = [[0],[1]] (0 ≠ 1)",
  "rank(A*B) != min(rank(A), rank(B))", {"m": 1, "k": 2, "n": 1, "A": [[1, 0]], "B": [[0], [1]]})
F(f, "spectral_multiplicative", "sigma_max(A*B) == sigma_max(A)*sigma_max(B)", "identity", False,
  "submultiplicativity read as an equality", "fails at A = diag(1,0), B = diag(0,1)",
  "smax(A*B) != smax(A)*smax(B)", {"A": E11, "B": E22})
F(f, "gram_full_rank", "rank(A*A') == m", "hypothesis", False,
  "AAᵀ invertible when A has full row rank, hypothesis dropped", "fails at A = 0 (or any m > k)",
  "rank(A*T(A)) != m", {"A": Z2})
F(f, "pinv_of_product", "pinv(A*B) == pinv(B)*pinv(A)", "hypothesis", False,
  "(AB)⁺ = B⁺A⁺ (true for A of full column rank and B of full row rank), hypothesis dropped",
  "fails at m = n = 1, k = 2, A = [[1,0]], B = [[1],[1]] (1 ≠ 1/2)",
  "(A*B).pinv() != B.pinv()*A.pinv()", {"m": 1, "k": 2, "n": 1, "A": [[1, 0]], "B": [[1], [1]]})
F(f, "nuclear_of_gram", "nuclear(A'*A) == nuclear(A)^2", "identity", False,
  "‖AᵀA‖_* = ‖A‖²_F read as ‖A‖²_* (true at rank ≤ 1)", "fails at A = I₂ (2 ≠ 4)",
  "nuclear(T(A)*A) != nuclear(A)**2")
F(f, "zero_product_zero_factor", "sigma_max(A*B) == 0 => A == zeros(m, k) or B == zeros(k, n)", "singular", True,
  "‖AB‖₂ = 0 read as a zero factor (true for k = 1)", "fails at A = diag(1, 0), B = diag(0, 1)",
  "smax(A*B) == 0 and A != Z(m,k) and B != Z(k,n)", {"A": E11, "B": E22})
T(f, "t.fro_submult", "fro2(A*B) <= fro2(A)*fro2(B)")
T(f, "t.spectral_submult", "sigma_max(A*B) <= sigma_max(A)*sigma_max(B)")
T(f, "t.fro_mixed", "fro(A*B) <= sigma_max(A)*fro(B)")
T(f, "t.nuclear_holder", "nuclear(A*B) <= nuclear(A)*sigma_max(B)")
T(f, "t.rank_of_gram", "rank(A'*A) == rank(A) and rank(A*A') == rank(A)")
T(f, "t.spectral_below_fro", "sigma_max(A) <= fro(A) and fro(A) <= nuclear(A)")
T(f, "t.nuclear_below_sqrt_rank_fro", "nuclear(A)^2 <= rank(A)*fro2(A)")
T(f, "t.fro_is_sum_of_squares", "fro2(A) == sum(i in 1...min(m, k): svals(A)[i]^2)")
T(f, "t.penrose", "A*pinv(A)*A == A and pinv(A)*A*pinv(A) == pinv(A)")
T(f, "t.rank_of_product", "rank(A*B) <= min(rank(A), rank(B))")

# ---------------------------------------------------------------------------------------------
# Symmetric matrices
f = claim_file("false", "symmetric", "Symmetric matrices: eigenvalue inequalities",
               "For symmetric S, T ∈ ℚ^{n×n}: Weyl's inequalities, Rayleigh bounds and positivity tests, each mutated once.",
               {"n": "int(1...4)", "S": "symmetric(n)", "T": "symmetric(n)"},
               cx={"n": 2, "S": I2, "T": I2})
F(f, "product_symmetric", "is_symmetric(S*T)", "identity", False,
  "the product of symmetric matrices read as symmetric", "fails at S = diag(1,0), T = [[0,1],[1,0]]",
  "T(S*Tm) != S*Tm", {"S": E11, "T": [[0, 1], [1, 0]]})
F(f, "weyl_wrong_index", "lambda_min(S + T) >= lambda_min(S) + lambda_max(T)", "index", False,
  "Weyl λ_min(S+T) ≥ λ_min(S) + λ_min(T) with λ_min(T) shifted to λ_max(T)", "fails at S = 0, T = diag(1, 0) (0 ≥ 1)",
  "not (lmin(S+Tm) >= lmin(S)+lmax(Tm))", {"S": Z2, "T": E11})
F(f, "trace_of_cube", "trace(S*S*S) >= 0", "hypothesis", False,
  "trace(S³) ≥ 0 for S ⪰ 0, positivity dropped", "fails at n = 1, S = [[−2]]",
  "tr(S*S*S) < 0", {"n": 1, "S": [[-2]], "T": [[0]]})
F(f, "lambda_max_of_square", "lambda_max(S*S) == lambda_max(S)^2", "hypothesis", False,
  "λ_max(S²) = λ_max(S)² for S ⪰ 0, positivity dropped", "fails at S = diag(1, −2) (4 ≠ 1)",
  "lmax(S*S) != lmax(S)**2", {"S": [[1, 0], [0, -2]]})
F(f, "det_positive_is_pd", "det(S) > 0 => pd(S)", "hypothesis", False,
  "Sylvester's criterion with the other leading minors dropped", "fails at S = −I₂",
  "det(S) > 0 and not pd(S)", {"S": [[-1, 0], [0, -1]]})
F(f, "lambda_min_above_diagonal", "lambda_min(S) >= min(i in 1...n: S[i, i])", "flipped", False,
  "λ_min(S) ≤ min_i S_ii flipped", "fails at S = [[0,1],[1,0]] (−1 ≥ 0)",
  "not (lmin(S) >= min(S[i, i] for i in range(n)))", {"S": [[0, 1], [1, 0]]})
F(f, "psd_singular_is_zero", "psd(S) and det(S) == 0 => S == zeros(n, n)", "singular", True,
  "positive semidefinite and singular read as zero", "fails at S = diag(1, 0)",
  "psd(S) and det(S) == 0 and S != Z(n,n)", {"S": E11})
F(f, "commuting_product_psd", "S*T == T*S => psd(S*T)", "hypothesis", False,
  "the product of commuting PSD matrices is PSD, positivity dropped", "fails at n = 1, S = [[1]], T = [[−1]]",
  "S*Tm == Tm*S and not psd(S*Tm)", {"n": 1, "S": [[1]], "T": [[-1]]})
F(f, "square_root_unique", "S*S == T*T => S == T or S == -T", "repeated", True,
  "the square roots of S² read as ±S (true for n = 1)",
  "fails at S = I₂, T = diag(1, −1)",
  "S*S == Tm*Tm and S != Tm and S != -Tm", {"T": [[1, 0], [0, -1]]})
F(f, "extremes_sum_to_trace", "lambda_max(S) + lambda_min(S) == trace(S)", "identity", False,
  "true for n = 2 only, stated for all n", "fails at n = 1, S = [[2]] (4 ≠ 2)",
  "lmax(S)+lmin(S) != tr(S)", {"n": 1, "S": [[2]], "T": [[0]]})
F(f, "lambda_max_superadditive", "lambda_max(S + T) >= lambda_max(S) + lambda_max(T)", "flipped", False,
  "λ_max(S+T) ≤ λ_max(S) + λ_max(T) flipped", "fails at S = diag(1,0), T = diag(0,1) (1 ≥ 2)",
  "not (lmax(S+Tm) >= lmax(S)+lmax(Tm))", {"S": E11, "T": E22})
F(f, "trace_product_bound", "trace(S*T) <= lambda_max(S)*trace(T)", "hypothesis", False,
  "trace(ST) ≤ λ_max(S) trace(T) for T ⪰ 0, positivity of T dropped", "fails at S = diag(1, −1), T = diag(0, −1) (1 ≤ −1)",
  "not (tr(S*Tm) <= lmax(S)*tr(Tm))", {"S": [[1, 0], [0, -1]], "T": [[0, 0], [0, -1]]})
F(f, "psd_sum_strict", "psd(S) and psd(T) => pd(S + T)", "tightened", True,
  "S + T ⪰ 0 tightened to ≻ 0", "fails at S = T = 0",
  "psd(S) and psd(Tm) and not pd(S+Tm)", {"S": Z2, "T": Z2})
F(f, "psd_orthogonal_ranges", "psd(S) and psd(T) and trace(S*T) == 0 => S == zeros(n, n) or T == zeros(n, n)", "singular", True,
  "⟨S, T⟩ = 0 for S, T ⪰ 0 read as one of them zero (true when one is definite)", "fails at S = diag(1, 0), T = diag(0, 1)",
  "psd(S) and psd(Tm) and tr(S*Tm) == 0 and S != Z(n,n) and Tm != Z(n,n)", {"S": E11, "T": E22})
F(f, "loewner_equal_det", "psd(S - T) and det(S) == det(T) => S == T", "singular", True,
  "T ⪯ S with equal determinants read as S = T (true for T ≻ 0)", "fails at S = diag(1, 0), T = 0",
  "psd(S - Tm) and det(S) == det(Tm) and S != Tm", {"S": E11, "T": Z2})
T(f, "t.weyl_lower", "lambda_min(S + T) >= lambda_min(S) + lambda_min(T)")
T(f, "t.weyl_upper", "lambda_max(S + T) <= lambda_max(S) + lambda_max(T)")
T(f, "t.jordan_product_symmetric", "is_symmetric(S*T + T*S)")
T(f, "t.square_zero_is_zero", "S*S == zeros(n, n) => S == zeros(n, n)")
T(f, "t.trace_of_square", "trace(S*S) >= 0 and (trace(S*S) == 0 <=> S == zeros(n, n))")
T(f, "t.rayleigh_diagonal", "lambda_min(S) <= S[1, 1] and S[1, 1] <= lambda_max(S)")
T(f, "t.square_psd", "psd(S*S)")
T(f, "t.lambda_max_of_square", "lambda_max(S*S) == max(lambda_max(S)^2, lambda_min(S)^2)")

# ---------------------------------------------------------------------------------------------
# Positive definite matrices
f = claim_file("false", "spd", "Positive definite matrices: Minkowski, Hadamard, Löwner order",
               "For P, Q ≻ 0 in ℚ^{n×n}: determinant and Löwner-order inequalities, each mutated once.",
               {"n": "int(1...4)", "P": "spd(n)", "Q": "spd(n)"},
               cx={"n": 2, "P": I2, "Q": I2})
F(f, "minkowski_strict", "det(P + Q) > det(P) + det(Q)", "endpoint", False,
  "det(P+Q) ≥ det P + det Q tightened to >; equality at the endpoint n = 1", "fails at n = 1, P = Q = [[1]] (2 > 2)",
  "not ((P+Q).det() > det(P)+det(Q))", {"n": 1, "P": [[1]], "Q": [[1]]})
F(f, "jordan_product_psd", "psd(P*Q + Q*P)", "hypothesis", False,
  "PQ + QP ⪰ 0 (true when P and Q commute), commutation dropped; needs ill-conditioned, misaligned P, Q",
  "fails at P = diag(1, 1/100), Q = [[1,1],[1,2]]",
  "not psd(P*Q+Q*P)", {"P": [[1, 0], [0, "1/100"]], "Q": [[1, 1], [1, 2]]})
F(f, "trace_product_flipped", "trace(P*Q) >= lambda_max(P)*trace(Q)", "flipped", False,
  "trace(PQ) ≤ λ_max(P) trace(Q) flipped", "fails at P = diag(2, 1), Q = I₂ (3 ≥ 4)",
  "not (tr(P*Q) >= lmax(P)*tr(Q))", {"P": [[2, 0], [0, 1]]})
F(f, "square_monotone", "psd(P - Q) => psd(P*P - Q*Q)", "hypothesis", True,
  "t ↦ t² read as operator monotone (true for commuting P, Q)", "fails at P = [[2,1],[1,101/100]], Q = diag(1, 1/100)",
  "psd(P-Q) and not psd(P*P-Q*Q)", {"P": [[2, 1], [1, "101/100"]], "Q": [[1, 0], [0, "1/100"]]})
F(f, "inverse_monotone_flipped", "psd(P - Q) => psd(inv(P) - inv(Q))", "flipped", False,
  "P ⪰ Q ⇒ Q⁻¹ ⪰ P⁻¹ with the conclusion flipped", "fails at n = 1, P = [[2]], Q = [[1]]",
  "psd(P-Q) and not psd(P.inv()-Q.inv())", {"n": 1, "P": [[2]], "Q": [[1]]})
F(f, "amgm_flipped", "det(P) >= (trace(P)/n)^n", "flipped", False,
  "det P ≤ (trace P / n)ⁿ flipped", "fails at P = diag(2, 1) (2 ≥ 9/4)",
  "not (det(P) >= (tr(P)/n)**n)", {"P": [[2, 0], [0, 1]]})
F(f, "hadamard_flipped", "det(P) >= prod(i in 1...n: P[i, i])", "flipped", False,
  "Hadamard's det P ≤ ∏ P_ii flipped", "fails at P = [[2,1],[1,1]] (1 ≥ 2)",
  "not (det(P) >= prod_diag(P))", {"P": [[2, 1], [1, 1]]})
F(f, "inverse_additive", "inv(P + Q) == inv(P) + inv(Q)", "identity", False,
  "the inverse read as additive", "fails at P = Q = I₂",
  "(P+Q).inv() != P.inv()+Q.inv()")
F(f, "loewner_total", "psd(P - Q) or psd(Q - P)", "identity", False,
  "the Löwner order read as total (it is for n = 1)", "fails at P = diag(2, 1), Q = diag(1, 2)",
  "not psd(P-Q) and not psd(Q-P)", {"P": [[2, 0], [0, 1]], "Q": [[1, 0], [0, 2]]})
F(f, "product_trace_by_dets", "trace(P*Q) >= n*det(P)*det(Q)", "constant", False,
  "trace(PQ) ≥ n det(PQ)^{1/n} with the n-th root dropped", "fails at n = 2, P = Q = 2·I₂ (8 ≥ 32)",
  "not (tr(P*Q) >= n*det(P)*det(Q))", {"P": [[2, 0], [0, 2]], "Q": [[2, 0], [0, 2]]})
T(f, "t.minkowski", "det(P + Q) >= det(P) + det(Q)")
T(f, "t.hadamard", "det(P) <= prod(i in 1...n: P[i, i])")
T(f, "t.amgm", "det(P) <= (trace(P)/n)^n")
T(f, "t.inverse_antitone", "psd(P - Q) => psd(inv(Q) - inv(P))")
T(f, "t.trace_product_bounds", "lambda_min(P)*trace(Q) <= trace(P*Q) and trace(P*Q) <= lambda_max(P)*trace(Q)")
T(f, "t.sum_pd", "pd(P + Q) and trace(P*Q) > 0")
T(f, "t.jordan_commuting", "P*Q == Q*P => psd(P*Q + Q*P)")

# ---------------------------------------------------------------------------------------------
# Orthogonal matrices
f = claim_file("false", "orthogonal", "Orthogonal matrices: invariance and spectra",
               "For Q orthogonal and A ∈ ℚ^{n×n}: unitary invariance of norms, determinants and eigenvalues of Q, each mutated once.",
               {"n": "int(1...4)", "Q": "orthogonal(n)", "A": "matrix(n, n)"},
               cx={"n": 2, "Q": I2, "A": I2})
F(f, "det_is_one", "det(Q) == 1", "hypothesis", False,
  "det Q = 1 for rotations, 'special' dropped", "fails at Q = diag(−1, 1)",
  "det(Q) != 1", {"Q": [[-1, 0], [0, 1]]})
F(f, "orthogonal_symmetric", "Q == Q'", "identity", False,
  "orthogonal read as symmetric", "fails at Q = [[0,1],[−1,0]]", "Q != T(Q)", {"Q": R90})
F(f, "fro_of_sum", "fro2(Q + A) == fro2(A) + n", "identity", False,
  "‖Q + A‖²_F = n + ‖A‖²_F with the cross term 2⟨Q, A⟩ dropped", "fails at Q = A = I₂ (8 ≠ 4)",
  "fro2(Q+A) != fro2(A)+n")
F(f, "rotation_no_minus_one", "det(Q) == 1 => has_inverse(Q + eye(n))", "singular", True,
  "a rotation read as never having eigenvalue −1 (true for Cayley transforms)", "fails at Q = −I₂",
  "det(Q) == 1 and det(Q+I(n)) == 0", {"Q": [[-1, 0], [0, -1]]})
F(f, "trace_below_n", "trace(Q) < n", "tightened", False,
  "trace Q ≤ n tightened to <; equality at Q = I", "fails at Q = I₂", "not (tr(Q) < n)")
F(f, "commutes", "Q*A == A*Q", "identity", False,
  "orthogonal matrices read as central", "fails at Q = [[0,1],[−1,0]], A = diag(1, 0)",
  "Q*A != A*Q", {"Q": R90, "A": E11})
F(f, "spectral_of_shift", "sigma_max(Q + A) == sigma_max(A) + 1", "identity", False,
  "the triangle inequality ‖Q + A‖₂ ≤ ‖A‖₂ + 1 read as an equality", "fails at Q = I₂, A = −I₂ (0 ≠ 2)",
  "smax(Q+A) != smax(A)+1", {"A": [[-1, 0], [0, -1]]})
F(f, "det_invariant", "det(Q*A) == det(A)", "hypothesis", False,
  "det(QA) = det A for rotations, 'special' dropped", "fails at Q = diag(−1, 1), A = I₂",
  "det(Q*A) != det(A)", {"Q": [[-1, 0], [0, 1]]})
F(f, "one_is_eigenvalue", "det(Q - eye(n)) == 0", "hypothesis", False,
  "a rotation of odd dimension fixes a vector; 'odd' and 'rotation' dropped", "fails at Q = −I₂",
  "det(Q-I(n)) != 0", {"Q": [[-1, 0], [0, -1]]})
F(f, "commutant_symmetric", "Q*A == A*Q => A == A'", "hypothesis", False,
  "a matrix commuting with an orthogonal Q read as symmetric (true when Q = ±I or n = 1)", "fails at Q = A = [[0,1],[−1,0]]",
  "Q*A == A*Q and A != T(A)", {"Q": R90, "A": R90})
T(f, "t.orthogonality", "Q'*Q == eye(n) and Q*Q' == eye(n)")
T(f, "t.fro_invariant", "fro2(Q*A) == fro2(A) and fro2(A*Q) == fro2(A)")
T(f, "t.spectral_invariant", "sigma_max(A*Q) == sigma_max(A) and sigma_max(Q*A) == sigma_max(A)")
T(f, "t.det_squared", "det(Q)^2 == 1")
T(f, "t.trace_bound", "abs(trace(Q)) <= n")
T(f, "t.svals_invariant", "svals(Q*A) == svals(A)")
T(f, "t.fro_of_sum", "fro2(Q + A) == fro2(A) + n + 2*trace(Q'*A)")

# ---------------------------------------------------------------------------------------------
# Matrices with a prescribed SVD
f = claim_file("false", "svd", "The SVD: norms, best rank-k approximation (Eckart–Young)",
               "X = U diag(σ) Vᵀ with σ₁ ≥ … ≥ σ_r > 0 (ties allowed): norms in terms of σ and the best rank-k error, each mutated once.",
               {"m": "int(1...4)", "n": "int(m...5)", "r": "int(1...m)", "k": "int(1...r)",
                "sigma": "spectrum(r, ties: true, squares: true)", "(X, U, V)": "with_svd(m, n, sigma)"},
               define={"Xk": "U[:, 1...k]*diag(sigma[1...k])*V[:, 1...k]'"},
               pydef="Xk = U[:, :k]*diag(sig[:k])*V[:, :k].T",
               cx={"m": 2, "n": 2, "r": 2, "k": 1, "sigma": [[4], [1]], "X": [[4, 0], [0, 1]], "U": I2, "V": I2})
F(f, "fro_without_squares", "fro2(X) == sum(i in 1...r: sigma[i])", "constant", False,
  "‖X‖²_F = Σσᵢ² with the squares lost", "fails at X = diag(4, 1) (17 ≠ 5)",
  "fro2(X) != sum(sig)")
F(f, "eckart_young_shift", "fro2(X - Xk) == sum(i in k...r: sigma[i]^2)", "index", False,
  "‖X − X_k‖²_F = Σ_{i>k} σᵢ² with the sum started at k", "fails at X = diag(4, 1), k = 1 (1 ≠ 17)",
  "fro2(X - Xk) != sum(s**2 for s in sig[k-1:])")
F(f, "nuclear_squared", "nuclear(X)^2 == fro2(X)", "identity", False,
  "‖X‖_* = ‖X‖_F (true at rank 1)", "fails at X = diag(4, 1) (25 ≠ 17)", "nuclear(X)**2 != fro2(X)")
F(f, "spectral_gap", "r >= 2 => sigma[1] > sigma[2]", "repeated", False,
  "a gap σ₁ > σ₂ assumed without the hypothesis 'distinct singular values'", "fails at σ = (1, 1)",
  "sig[0] <= sig[1]", {"sigma": [[1], [1]], "X": I2})
F(f, "spectral_above_smallest", "sigma_max(X) > sigma[r]", "tightened", False,
  "σ₁ ≥ σ_r tightened to >; equality at r = 1 or equal singular values", "fails at r = 1",
  "not (smax(X) > sig[-1])", {"r": 1, "sigma": [[4]], "X": [[4, 0], [0, 0]]})
F(f, "gram_full_rank", "rank(X*X') == m", "hypothesis", False,
  "XXᵀ invertible, 'full row rank (r = m)' dropped", "fails at m = 2, r = 1",
  "rank(X*T(X)) != m", {"r": 1, "sigma": [[4]], "X": [[4, 0], [0, 0]]})
F(f, "top_eigenvalue_unsquared", "lambda_max(X*X') == sigma[1]", "constant", False,
  "λ_max(XXᵀ) = σ₁² with the square lost", "fails at X = diag(4, 1) (16 ≠ 4)", "lmax(X*T(X)) != sig[0]")
F(f, "right_vectors_unsquared", "X'*X*V[:, 1...r] == V[:, 1...r]*diag(sigma)", "constant", False,
  "XᵀXV_r = V_r diag(σ²) with the square lost", "fails at X = diag(4, 1)",
  "T(X)*X*V[:, :r] != V[:, :r]*diag(sig)")
F(f, "eckart_young_no_half", "1/2*fro2(X - Xk) == sum(i in (k+1)...r: sigma[i]^2)", "constant", False,
  "½‖X − X_k‖² = ½Σ_{i>k}σᵢ² with the ½ dropped on the right", "fails at X = diag(4, 1), k = 1 (1/2 ≠ 1)",
  "fro2(X-Xk)/2 != sum(s**2 for s in sig[k:])")
F(f, "rank_k_error_strict", "fro2(X - Xk) > 0", "endpoint", False,
  "a positive approximation error, false at the endpoint k = r", "fails at k = r = 2",
  "not (fro2(X-Xk) > 0)", {"k": 2})
F(f, "gap_after_k", "k < r => sigma[k] > sigma[k+1]", "repeated", False,
  "a gap σ_k > σ_{k+1} (uniqueness of the best rank-k approximation) assumed without hypothesis", "fails at σ = (1, 1), k = 1",
  "k < r and not (sig[k-1] > sig[k])", {"sigma": [[1], [1]], "X": I2})
T(f, "t.spectral", "sigma_max(X) == sigma[1]")
T(f, "t.nuclear", "nuclear(X) == sum(i in 1...r: sigma[i])")
T(f, "t.fro", "fro2(X) == sum(i in 1...r: sigma[i]^2)")
T(f, "t.rank", "rank(X) == r")
T(f, "t.eckart_young_error", "fro2(X - Xk) == sum(i in (k+1)...r: sigma[i]^2)")
T(f, "t.singular_vectors", "X*V[:, 1...r] == U[:, 1...r]*diag(sigma) and X'*U[:, 1...r] == V[:, 1...r]*diag(sigma)")
T(f, "t.svals_listed", "all(i in 1...r: svals(X)[i] == sigma[i])")
T(f, "t.gap_or_tie", "r >= 2 => sigma[1] >= sigma[2]")

# ---------------------------------------------------------------------------------------------
# Singular values of random matrices
f = claim_file("false", "svals", "Singular values of a general matrix",
               "For X ∈ ℚ^{m×n}: statements about the spectrum of singular values, each mutated once.",
               {"m": "int(1...4)", "n": "int(1...4)", "X": "matrix(m, n)"},
               define={"p": "min(m, n)"},
               pydef="p = min(m, n)",
               cx={"m": 2, "n": 2, "X": I2})
F(f, "top_singular_value_simple", "p >= 2 => svals(X)[1] > svals(X)[2]", "repeated", True,
  "σ₁ > σ₂ (a simple top singular value) assumed for every matrix", "fails at X = I₂",
  "p >= 2 and not (svals(X)[0] > svals(X)[1])")
F(f, "singular_values_distinct", "all(i in 1...p-1: svals(X)[i] > svals(X)[i+1])", "repeated", True,
  "distinct singular values assumed for every matrix", "fails at X = I₂",
  "not all(svals(X)[i] > svals(X)[i+1] for i in range(p-1))")
F(f, "nuclear_above_spectral", "nuclear(X) > sigma_max(X)", "tightened", False,
  "‖X‖_* ≥ ‖X‖₂ tightened to >; equality at rank ≤ 1", "fails at m = n = 1, X = [[1]]",
  "not (nuclear(X) > smax(X))", {"m": 1, "n": 1, "X": [[1]]})
F(f, "not_scaled_orthogonal", "p >= 2 and rank(X) == p => fro2(X) > p*svals(X)[p]^2", "repeated", True,
  "‖X‖²_F ≥ p·σ_p² tightened to >; equality when all singular values are equal", "fails at X = I₂ (2 > 2)",
  "p >= 2 and rank(X) == p and not (fro2(X) > p*svals(X)[p-1]**2)")
F(f, "gram_eigen_unsquared", "p >= 1 => lambda_max(X'*X) == sigma_max(X)", "constant", False,
  "λ_max(XᵀX) = σ₁² with the square lost", "fails at X = 2·I₂ (4 ≠ 2)",
  "lmax(T(X)*X) != smax(X)", {"X": [[2, 0], [0, 2]]})
F(f, "top_two_product", "p >= 2 => svals(X)[1]*svals(X)[2] == abs(det(X'*X))", "constant", False,
  "σ₁σ₂ = |det X| for 2×2 X, read with det(XᵀX) = (σ₁σ₂)²", "fails at X = 2·I₂ (4 ≠ 16)",
  "p >= 2 and svals(X)[0]*svals(X)[1] != abs(det(T(X)*X))", {"X": [[2, 0], [0, 2]]})
F(f, "rank_equals_nonzero_count_shift", "rank(X) == count(i in 1...p: svals(X)[i] > 0) - 1", "index", False,
  "rank = #{σᵢ > 0} with an off-by-one", "fails at X = I₂",
  "rank(X) != sum(1 for s in svals(X) if s > 0) - 1")
T(f, "t.rank_is_nonzero_count", "rank(X) == count(i in 1...p: svals(X)[i] > 0)")
T(f, "t.fro_above_spectral_strict_at_rank2", "rank(X) >= 2 => fro(X) > sigma_max(X)")
T(f, "t.gram_eigen", "lambda_max(X'*X) == sigma_max(X)^2")
T(f, "t.svals_of_transpose", "svals(X') == svals(X)")
T(f, "t.svals_scaling", "2*svals(X) == svals(2*X)")
T(f, "t.equal_singular_values_bound", "fro2(X) >= p*svals(X)[p]^2")


# ---------------------------------------------------------------------------------------------
# Structured square matrices: nilpotent, idempotent, involutive, normal
N3 = [[0, 1, 0], [0, 0, 1], [0, 0, 0]]
C3 = [[0, 0, 1], [1, 0, 0], [0, 1, 0]]
f = claim_file("false", "structured", "Nilpotent, idempotent, involutive and normal matrices",
               "For A, B ∈ ℚ^{n×n}: facts about matrices with algebraic structure (true in the symmetric, invertible or 1×1 case), each mutated once.",
               {"n": "int(1...4)", "A": "matrix(n, n)", "B": "matrix(n, n)"},
               cx={"n": 2, "A": N2, "B": I2})
F(f, "cube_zero_square_zero", "A*A*A == zeros(n, n) => A*A == zeros(n, n)", "nilpotent", True,
  "A³ = 0 ⇒ A² = 0 (true for n ≤ 2)", "fails at the 3×3 shift A = [[0,1,0],[0,0,1],[0,0,0]]",
  "A*A*A == Z(n,n) and A*A != Z(n,n)", {"n": 3, "A": N3, "B": [[1, 0, 0], [0, 1, 0], [0, 0, 1]]})
F(f, "rank_one_not_nilpotent", "rank(A) == 1 => A*A != zeros(n, n)", "nilpotent", True,
  "a rank-one matrix read as never squaring to zero (true for symmetric A)", "fails at A = [[0,1],[0,0]]",
  "rank(A) == 1 and A*A == Z(n,n)")
F(f, "idempotent_trace", "A*A == A => trace(A) == n or trace(A) == 0", "singular", True,
  "idempotents read as 0 or I (true when A is invertible), so the trace as 0 or n", "fails at A = diag(1, 0)",
  "A*A == A and tr(A) != n and tr(A) != 0", {"A": E11})
F(f, "rank_stabilizes_at_two", "rank(A*A) == rank(A*A*A)", "nilpotent", True,
  "rank(Aᵏ) stabilizes from k = 2 (true for n ≤ 2)", "fails at the 3×3 shift (1 ≠ 0)",
  "rank(A*A) != rank(A*A*A)", {"n": 3, "A": N3, "B": [[1, 0, 0], [0, 1, 0], [0, 0, 1]]})
F(f, "normal_is_symmetric", "A*A' == A'*A => A == A'", "hypothesis", True,
  "normal read as symmetric (true for real spectra)", "fails at A = [[0,1],[−1,0]]",
  "A*T(A) == T(A)*A and A != T(A)", {"A": R90})
F(f, "involution_trivial", "A*A == eye(n) => A == eye(n) or A == -eye(n)", "repeated", True,
  "involutions read as ±I (true for n = 1)", "fails at A = diag(1, −1)",
  "A*A == I(n) and A != I(n) and A != -I(n)", {"A": [[1, 0], [0, -1]]})
F(f, "trace_zero_det_nonpositive", "trace(A) == 0 => det(A) <= 0", "hypothesis", True,
  "for symmetric traceless 2×2 A, det A = −a² − b² ≤ 0; symmetry dropped", "fails at A = [[0,1],[−1,0]] (det 1)",
  "tr(A) == 0 and det(A) > 0", {"A": R90})
F(f, "no_square_root_of_minus_one", "A*A != -eye(n)", "hypothesis", True,
  "−I has no real square root (true for odd n), 'odd n' dropped", "fails at A = [[0,1],[−1,0]]",
  "A*A == -I(n)", {"A": R90})
F(f, "power_sums_zero_singular", "trace(A) == 0 and trace(A*A) == 0 => det(A) == 0", "identity", True,
  "p₁ = p₂ = 0 ⇒ det A = 0 (true for n ≤ 2: the power sums determine the 2×2 characteristic polynomial)",
  "fails at the 3×3 cyclic permutation [[0,0,1],[1,0,0],[0,1,0]] (det 1)",
  "tr(A) == 0 and tr(A*A) == 0 and det(A) != 0", {"n": 3, "A": C3, "B": [[1, 0, 0], [0, 1, 0], [0, 0, 1]]})
F(f, "commuting_transpose", "A*B == B*A => A*B == A'*B'", "hypothesis", True,
  "AB = AᵀBᵀ for commuting symmetric matrices, symmetry dropped", "fails at A = B = [[1,1],[0,1]]",
  "A*B == B*A and A*B != T(A)*T(B)", {"A": J2, "B": J2})
F(f, "orthogonal_is_rotation_or_identity", "A*A' == eye(n) => A == eye(n) or det(A) == -1", "hypothesis", True,
  "an orthogonal matrix read as I or a reflection (true for n = 1)", "fails at A = [[0,1],[−1,0]]",
  "A*T(A) == I(n) and A != I(n) and det(A) != -1", {"A": R90})
F(f, "singular_symmetric_part", "det(A) == 0 => det(A + A') == 0", "singular", True,
  "a singular matrix read as having a singular symmetric part (true for symmetric A)", "fails at A = [[0,1],[0,0]] (det(A + Aᵀ) = −1)",
  "det(A) == 0 and det(A+T(A)) != 0")
F(f, "singular_has_corank_one", "det(A) == 0 => rank(A) == n - 1", "singular", True,
  "singular read as corank one (true for n = 1)", "fails at A = 0 (n = 2)",
  "det(A) == 0 and rank(A) != n-1", {"A": Z2})
F(f, "pinv_of_square", "pinv(A*A) == pinv(A)*pinv(A)", "singular", True,
  "(A²)⁺ = (A⁺)² (true for invertible or normal A)", "fails at A = [[1,1],[0,0]]",
  "(A*A).pinv() != A.pinv()*A.pinv()", {"A": [[1, 1], [0, 0]]})
F(f, "both_zero_nuclear", "nuclear(A) + nuclear(B) > 0", "zero", True,
  "‖A‖_* + ‖B‖_* ≥ 0 tightened to >; false only at A = B = 0", "fails at A = B = 0",
  "not (nuclear(A)+nuclear(B) > 0)", {"A": Z2, "B": Z2})
F(f, "pinv_right_inverse", "A*pinv(A) == eye(n)", "singular", False,
  "AA⁺ = I for invertible A, invertibility dropped", "fails at A = 0 (n = 1 suffices)",
  "A*A.pinv() != I(n)", {"A": Z2})
F(f, "cayley_hamilton_sign", "n == 2 => A*A - trace(A)*A - det(A)*eye(n) == zeros(n, n)", "constant", False,
  "Cayley–Hamilton A² − (tr A)A + (det A)I = 0 with the sign of det A flipped", "fails at A = I₂",
  "n == 2 and A*A - tr(A)*A - det(A)*I(n) != Z(n,n)", {"A": I2})
F(f, "det_shift", "det(A + eye(n)) == det(A) + 1", "identity", False,
  "det(A + I) = det A + 1 (true for n = 1)", "fails at A = I₂ (4 ≠ 2)", "(A+I(n)).det() != det(A)+1", {"A": I2})
F(f, "normal_singular_zero", "A*A' == A'*A and det(A) == 0 => A == zeros(n, n)", "singular", True,
  "a normal singular matrix read as zero (normal nilpotent matrices are zero, singular ones need not be)", "fails at A = diag(1, 0)",
  "A*T(A) == T(A)*A and det(A) == 0 and A != Z(n,n)", {"A": E11})
T(f, "t.normal_nilpotent_zero", "A*A' == A'*A and A*A == zeros(n, n) => A == zeros(n, n)")
T(f, "t.fro_zero", "trace(A*A') == 0 <=> A == zeros(n, n)")
T(f, "t.idempotent_trace_is_rank", "A*A == A => trace(A) == rank(A)")
T(f, "t.cayley_hamilton_2", "n == 2 => A*A - trace(A)*A + det(A)*eye(n) == zeros(n, n)")
T(f, "t.nilpotent_index", "A*A*A*A == zeros(n, n) or rank(A*A*A*A) == rank(A*A*A*A*A)")
T(f, "t.penrose_square", "A*pinv(A)*A == A and (A*pinv(A))' == A*pinv(A)")

# ---------------------------------------------------------------------------------------------
# Random symmetric spectra
f = claim_file("false", "spectra", "Eigenvalues of random symmetric matrices and commuting pairs",
               "For S symmetric and D = diag(d): multiplicity and commutation facts, each mutated once.",
               {"n": "int(1...4)", "S": "symmetric(n)", "d": "spectrum(n, ties: true)"},
               define={"Dd": "diag(d)"},
               pydef="Dd = diag(list(d))",
               cx={"n": 2, "S": I2, "d": [[1], [1]]})
F(f, "top_above_mean", "n >= 2 => n*lambda_max(S) > trace(S)", "repeated", True,
  "λ_max ≥ mean eigenvalue tightened to >; equality exactly at multiples of I", "fails at S = I₂ (2 > 2)",
  "n >= 2 and not (n*lmax(S) > tr(S))")
F(f, "commutant_of_diagonal", "S*Dd == Dd*S => S == diag(diag(S))", "repeated", False,
  "a matrix commuting with a diagonal D is diagonal; 'distinct entries of D' dropped", "fails at d = (1, 1), S = [[0,1],[1,0]]",
  "S*Dd == Dd*S and S != diag(list(S.diagonal()))", {"S": [[0, 1], [1, 0]]})
F(f, "trace_square_vs_square_trace", "n >= 2 => n*trace(S*S) > trace(S)^2", "repeated", True,
  "n·tr(S²) ≥ (tr S)² (Cauchy–Schwarz on the eigenvalues) tightened to > for n ≥ 2; equality at multiples of I", "fails at S = I₂ (4 > 4)",
  "n >= 2 and not (n*tr(S*S) > tr(S)**2)")
F(f, "spectrum_strict", "n >= 2 => d[1] > d[n]", "repeated", False,
  "a spread spectrum assumed without 'distinct values'", "fails at d = (1, 1)", "n >= 2 and not (d[0] > d[n-1])")
F(f, "lambda_max_below_trace", "n >= 2 => lambda_max(S)^2 < trace(S*S)", "singular", True,
  "λ_max² ≤ tr(S²) tightened to <; equality when S has rank ≤ 1 (and λ_max ≥ |λ_min|)", "fails at S = diag(1, 0) (1 < 1)",
  "n >= 2 and not (lmax(S)**2 < tr(S*S))", {"S": E11})
T(f, "t.commutant_distinct", "all(i in 1...n-1: d[i] > d[i+1]) and S*Dd == Dd*S => S == diag(diag(S))")
T(f, "t.cauchy_schwarz", "n*trace(S*S) >= trace(S)^2")
T(f, "t.spread_nonneg", "lambda_max(S) >= lambda_min(S)")
T(f, "t.charpoly_of_diagonal", "prod(i in 1...n: d[i]) == det(Dd) and sum(i in 1...n: d[i]) == trace(Dd)")

# ---------------------------------------------------------------------------------------------
# Dimensions
f = claim_file("false", "dimensions", "Rectangular matrices: one-sided inverses and null spaces",
               "For A ∈ ℚ^{m×n}: statements that need m ≠ n, or m = n, each mutated once.",
               {"m": "int(1...4)", "n": "int(1...4)", "A": "matrix(m, n)"},
               cx={"m": 2, "n": 2, "A": I2})
F(f, "some_side_has_kernel", "nullity(A) + nullity(A') >= 1", "equal-dims", False,
  "a rectangular matrix has a kernel on one side; 'm ≠ n' dropped", "fails at m = n = 2, A = I₂",
  "nullity(A) + nullity(T(A)) < 1")
F(f, "some_gram_singular", "det(A'*A) == 0 or det(A*A') == 0", "equal-dims", False,
  "one Gram matrix of a rectangular matrix is singular; 'm ≠ n' dropped", "fails at m = n = 2, A = I₂",
  "det(T(A)*A) != 0 and det(A*T(A)) != 0")
F(f, "rank_below_max_dim", "rank(A) < max(m, n)", "equal-dims", False,
  "rank A ≤ min(m, n) < max(m, n) for m ≠ n; 'm ≠ n' dropped", "fails at m = n = 1, A = [[1]]",
  "rank(A) >= max(m, n)", {"m": 1, "n": 1, "A": [[1]]})
F(f, "pinv_two_sided", "rank(A) == m => pinv(A)*A == eye(n)", "transposed", False,
  "full row rank gives AA⁺ = I_m; read as A⁺A = I_n", "fails at m = 1, n = 2, A = [[1, 0]]",
  "rank(A) == m and A.pinv()*A != I(n)", {"m": 1, "n": 2, "A": [[1, 0]]})
T(f, "t.rank_nullity_both_sides", "rank(A) + nullity(A) == n and rank(A) + nullity(A') == m")
T(f, "t.one_sided_inverse", "rank(A) == m => A*pinv(A) == eye(m)")
T(f, "t.rank_bound", "rank(A) <= min(m, n)")

# ---------------------------------------------------------------------------------------------
# Gradient descent on a quadratic: step-size endpoints
f = claim_file("false", "gradient_descent", "Gradient descent on f(x) = ½xᵀPx with step η ≤ 2/λ_max(P)",
               "For P ≻ 0 and 0 < η ≤ 2/L, L = λ_max(P): descent and contraction of x ↦ x − η∇f(x), each mutated once.",
               {"n": "int(1...3)", "P": "spd(n)", "x": "matrix(n, 1)", "eta": "rational(9, positive: true)"},
               assume=["lambda_max(P) <= 2/eta"],
               define={"f(z)": "1/2 * inner(z, P*z)"},
               cx={"n": 1, "P": [[1]], "x": [[1]], "eta": 2})
F(f, "strict_descent", "grad(f, x) != zeros(n, 1) => f(x - eta*grad(f, x)) < f(x)", "endpoint", True,
  "strict descent holds for η < 2/L; false at the endpoint η = 2/L along the top eigenvector",
  "fails at n = 1, P = [[1]], x = [[1]], η = 2 (x ↦ −x)",
  "((x - eta*P*x).T*P*(x - eta*P*x))[0] == (x.T*P*x)[0] and x != Z(n,1)")
F(f, "strict_contraction", "sigma_max(eye(n) - eta*P) < 1", "endpoint", False,
  "‖I − ηP‖₂ < 1 for 0 < η < 2/L; false at the endpoint η = 2/L", "fails at P = [[1]], η = 2 (‖I − 2P‖ = 1)",
  "not (smax(I(n) - eta*P) < 1)")
F(f, "contraction_factor", "sigma_max(eye(n) - eta*P) <= 1 - eta*lambda_min(P)", "hypothesis", False,
  "‖I − ηP‖₂ = 1 − ηλ_min(P) for η ≤ 1/L, stated for η ≤ 2/L", "fails at P = [[1]], η = 2 (1 ≤ −1)",
  "not (smax(I(n) - eta*P) <= 1 - eta*lmin(P))")
F(f, "descent_amount", "f(x - eta*P*x) <= f(x) - eta*fro2(P*x)", "constant", False,
  "the descent lemma f(x⁺) ≤ f(x) − η(1 − ηL/2)‖∇f‖² with the factor (1 − ηL/2) dropped", "fails at P = [[1]], x = [[1]], η = 1 (0 ≤ −1/2)",
  "not (((x - eta*P*x).T*P*(x - eta*P*x))[0]/2 <= (x.T*P*x)[0]/2 - eta*fro2(P*x))", {"eta": 1})
T(f, "t.descent", "f(x - eta*grad(f, x)) <= f(x)")
T(f, "t.contraction", "sigma_max(eye(n) - eta*P) <= 1")
T(f, "t.gradient", "grad(f, x) == P*x")

# ---------------------------------------------------------------------------------------------
# Convexity on segments: endpoints and ties
f = claim_file("false", "convexity", "Convexity of ‖·‖²_F on a segment",
               "For A, B ∈ ℚ^{m×n} and t ∈ [0, 1]: (strict) convexity of ‖·‖²_F, each mutated once.",
               {"m": "int(1...3)", "n": "int(1...3)", "A": "matrix(m, n)", "B": "matrix(m, n)", "t": "rational(9)"},
               assume=["0 <= t and t <= 1"],
               cx={"m": 1, "n": 1, "A": [[1]], "B": [[1]], "t": "1/2"})
F(f, "strict_convexity", "fro2(t*A + (1-t)*B) < t*fro2(A) + (1-t)*fro2(B)", "tightened", False,
  "strict convexity claimed without 'A ≠ B and 0 < t < 1'", "fails at t = 0 (or A = B)",
  "not (fro2(t*A+(1-t)*B) < t*fro2(A)+(1-t)*fro2(B))", {"t": 0})
F(f, "strict_convexity_interior", "0 < t and t < 1 => fro2(t*A + (1-t)*B) < t*fro2(A) + (1-t)*fro2(B)", "hypothesis", True,
  "strict convexity on the open segment, 'A ≠ B' dropped", "fails at A = B = [[1]], t = 1/2",
  "0 < t < 1 and not (fro2(t*A+(1-t)*B) < t*fro2(A)+(1-t)*fro2(B))")
F(f, "gap_identity_constant", "t*fro2(A) + (1-t)*fro2(B) - fro2(t*A + (1-t)*B) == 2*t*(1-t)*fro2(A - B)", "constant", False,
  "the convexity gap t(1 − t)‖A − B‖² with a factor 2", "fails at A = [[1]], B = [[0]], t = 1/2 (1/4 ≠ 1/2)",
  "t*fro2(A)+(1-t)*fro2(B)-fro2(t*A+(1-t)*B) != 2*t*(1-t)*fro2(A-B)", {"B": [[0]]})
F(f, "interior_weight", "t*(1 - t) > 0", "endpoint", False,
  "t(1 − t) > 0 on the closed interval", "fails at t = 0", "not (t*(1-t) > 0)", {"t": 0})
F(f, "norm_squares_add", "fro2(A + B) <= fro2(A) + fro2(B)", "constant", False,
  "‖A + B‖² ≤ 2‖A‖² + 2‖B‖² with the factors 2 dropped", "fails at A = B = [[1]] (4 ≤ 2)",
  "not (fro2(A+B) <= fro2(A)+fro2(B))")
F(f, "triangle_strict", "fro(A + B) < fro(A) + fro(B)", "tightened", False,
  "the triangle inequality tightened to <; equality for parallel A, B (or a zero one)", "fails at A = B = [[1]]",
  "not (fro2(A+B) < (sqrt(fro2(A))+sqrt(fro2(B)))**2)")
T(f, "t.convexity", "fro2(t*A + (1-t)*B) <= t*fro2(A) + (1-t)*fro2(B)")
T(f, "t.gap_identity", "t*fro2(A) + (1-t)*fro2(B) - fro2(t*A + (1-t)*B) == t*(1-t)*fro2(A - B)")
T(f, "t.triangle", "fro(A + B) <= fro(A) + fro(B)")

JF_PY = "Jf = fun(lambda W, S: fro2(X - W*S)/2); Jv = Jf.v; J_grad = Jf.grad; J_hess = Jf.hess; is_crit = Jf.crit; J_d1 = lambda W, S, G, H: Jf.tc((W, S), (G, H), 1); J_d2 = lambda W, S, G, H: 2*Jf.tc((W, S), (G, H), 2)"

# ---------------------------------------------------------------------------------------------
# The loss J(W, S) = ½‖X − WS‖²_F at general points
f = claim_file("false", "factorization_loss", "Gradient, Hessian and critical points of J(W, S) = ½‖X − WS‖²_F",
               "For X ∈ ℚ^{m×n}, W ∈ ℚ^{m×k}, S ∈ ℚ^{k×n} and a direction (G, H): derivatives and critical points of J, each mutated once.",
               {"m": "int(1...3)", "k": "int(1...3)", "n": "int(1...3)", "X": "matrix(m, n)",
                "W": "matrix(m, k)", "S": "matrix(k, n)", "G": "matrix(m, k)", "H": "matrix(k, n)"},
               define={"J(W, S)": "1/2 * fro2(X - W*S)", "J0(A, C)": "1/2 * fro2(W*S - A*C)"},
               pydef=JF_PY,
               cx={"m": 1, "k": 1, "n": 1, "X": [[1]], "W": [[0]], "S": [[0]], "G": [[1]], "H": [[1]]})
F(f, "gradient_factor_two", "grad(J, W, S) == (-2*(X - W*S)*S', -2*W'*(X - W*S))", "constant", False,
  "∇J = (−(X − WS)Sᵀ, −Wᵀ(X − WS)) with a spurious factor 2 (the ½ forgotten)", "fails at X = [[1]], W = [[0]], S = [[1]]",
  "not crit_is(J_grad(W, S), (-2*(X-W*S)*T(S), -2*T(W)*(X-W*S)))", {"S": [[1]]})
F(f, "gradient_sign", "grad(J, W, S) == ((X - W*S)*S', W'*(X - W*S))", "constant", False,
  "∇J with the sign of the residual flipped", "fails at X = [[1]], W = [[0]], S = [[1]]",
  "not crit_is(J_grad(W, S), ((X-W*S)*T(S), T(W)*(X-W*S)))", {"S": [[1]]})
F(f, "critical_is_global", "is_critical(J, W, S) => J(W, S) == 0", "zero", True,
  "every critical point read as a zero-loss global minimum; false at W = 0, S = 0 when X ≠ 0", "fails at X = [[1]], W = S = 0",
  "is_crit(W, S) and Jv(W, S) != 0")
F(f, "critical_is_local_min", "is_critical(J, W, S) => psd(hessian(J, W, S))", "zero", True,
  "no spurious critical points claimed as 'every critical point has a PSD Hessian'; false at the saddle W = 0, S = 0",
  "fails at X = [[1]], W = S = 0 (Hessian [[0,−1],[−1,0]])", "is_crit(W, S) and not psd(J_hess(W, S))")
F(f, "curvature_nonneg", "d2(J, (W, S), (G, H)) >= 0", "hypothesis", False,
  "J read as convex ('at a global minimum' dropped)", "fails at X = [[1]], W = S = 0, G = H = [[1]] (D²J = −2)",
  "J_d2(W, S, G, H) < 0")
F(f, "zero_residual_definite", "W*S == X => pd(hessian(J, W, S))", "tightened", True,
  "the Hessian at a zero-residual point is PSD, tightened to PD (it is singular along (WA, −AS))",
  "fails at X = W = S = [[1]] (Hessian [[1,1],[1,1]])",
  "W*S == X and not pd(J_hess(W, S))", {"W": [[1]], "S": [[1]]})
F(f, "taylor_quadratic_exact", "J(W + G, S + H) == J(W, S) + D(J, (W, S), (G, H)) + 1/2*d2(J, (W, S), (G, H))", "identity", False,
  "the second-order Taylor expansion read as exact (J is quartic)", "fails at X = [[1]], W = S = 0, G = H = [[1]] (0 ≠ −1/2)",
  "Jv(W+G, S+H) != Jv(W, S) + J_d1(W, S, G, H) + J_d2(W, S, G, H)/2")
F(f, "flat_at_origin", "W == zeros(m, k) and S == zeros(k, n) => d2(J, (W, S), (G, H)) == 0", "zero", True,
  "the origin read as flat to second order (D²J(0)[G, H] = −2⟨X, GH⟩)", "fails at X = G = H = [[1]], W = S = 0",
  "W == Z(m,k) and S == Z(k,n) and J_d2(W, S, G, H) != 0")
F(f, "critical_balanced", "is_critical(J, W, S) => W'*W == S*S'", "hypothesis", True,
  "balancedness WᵀW = SSᵀ (a property of regularized critical points) claimed for J", "fails at X = [[1]], W = [[2]], S = [[1/2]]",
  "is_crit(W, S) and T(W)*W != S*T(S)", {"W": [[2]], "S": [["1/2"]]})
F(f, "critical_nonzero_product", "is_critical(J, W, S) and X != zeros(m, n) => W*S != zeros(m, n)", "zero", True,
  "critical points of J with X ≠ 0 read as having WS ≠ 0; false at W = 0, S = 0", "fails at X = [[1]], W = S = 0",
  "is_crit(W, S) and X != Z(m,n) and W*S == Z(m,n)")
F(f, "critical_value_strict", "is_critical(J, W, S) => J(W, S) < 1/2*fro2(X)", "zero", True,
  "J at a critical point ≤ ½‖X‖² tightened to <; equality at W = 0, S = 0", "fails at X = [[1]], W = S = 0",
  "is_crit(W, S) and not (Jv(W, S) < fro2(X)/2)")
F(f, "critical_rank", "is_critical(J, W, S) => rank(W*S) == min(k, rank(X))", "zero", True,
  "critical points read as having a product of full attainable rank; false at W = 0, S = 0 when X ≠ 0", "fails at X = [[1]], W = S = 0",
  "is_crit(W, S) and rank(W*S) != min(k, rank(X))")
T(f, "t.gradient", "grad(J, W, S) == (-(X - W*S)*S', -W'*(X - W*S))")
T(f, "t.zero_residual_psd", "psd(hessian(J0, W, S))")
T(f, "t.taylor_exact", "J(W + G, S + H) == J(W, S) + taylor(J, (W, S), (G, H), 1) + taylor(J, (W, S), (G, H), 2) + taylor(J, (W, S), (G, H), 3) + taylor(J, (W, S), (G, H), 4)")
T(f, "t.origin_critical", "is_critical(J, zeros(m, k), zeros(k, n))")
T(f, "t.origin_curvature", "d2(J, (zeros(m, k), zeros(k, n)), (G, H)) == -2*inner(X, G*H)")
T(f, "t.scaling_invariance", "inner(grad(J, W, S), (W, -S)) == 0")
T(f, "t.directional_derivative", "D(J, (W, S), (G, H)) == inner(grad(J, W, S), (G, H))")

# ---------------------------------------------------------------------------------------------
# A degenerate Hessian: f(x) = ‖Bx‖² + (cᵀx)³ at x = 0
f = claim_file("false", "degenerate_cubic", "Second-order conditions at a critical point with a singular Hessian",
               "f(x) = ‖Bx‖² + (cᵀx)³ has a critical point at 0 with Hessian 2BᵀB ⪰ 0; second-order statements along a direction d, each mutated once.",
               {"n": "int(1...4)", "k": "int(1...4)", "B": "matrix(k, n)", "c": "matrix(n, 1)", "d": "matrix(n, 1)"},
               define={"f(x)": "fro2(B*x) + inner(c, x)^3"},
               cx={"n": 2, "k": 1, "B": [[1, 0]], "c": [[0], [1]], "d": [[0], [1]]})
F(f, "flat_directions_are_flat", "taylor(f, zeros(n, 1), d, 2) == 0 => taylor(f, zeros(n, 1), d, 3) == 0", "degenerate", True,
  "a zero second-order term read as a zero cubic term; false for d in the null space of B with cᵀd ≠ 0",
  "fails at B = [[1,0]], c = d = [[0],[1]]",
  "fro2(B*d) == 0 and (c.T*d)[0]**3 != 0")
F(f, "second_order_sufficient", "taylor(f, zeros(n, 1), d, 2) == 0 => taylor(f, zeros(n, 1), d, 3) >= 0", "degenerate", True,
  "a PSD Hessian read as sufficient for a local minimum along lines; false for d in the null space of B with cᵀd < 0",
  "fails at B = [[1,0]], c = [[0],[1]], d = [[0],[−1]]",
  "fro2(B*d) == 0 and (c.T*d)[0]**3 < 0", {"d": [[0], [-1]]})
F(f, "psd_hessian_global", "f(d) >= f(zeros(n, 1))", "hypothesis", False,
  "a critical point with PSD Hessian read as a global minimum (convexity dropped)", "fails at n = k = 1, B = [[0]], c = [[1]], d = [[−1]]",
  "fro2(B*d) + (c.T*d)[0]**3 < 0", {"n": 1, "k": 1, "B": [[0]], "c": [[1]], "d": [[-1]]})
T(f, "t.critical", "is_critical(f, zeros(n, 1)) and psd(hessian(f, zeros(n, 1)))")
T(f, "t.second_order_term", "taylor(f, zeros(n, 1), d, 2) == fro2(B*d) and taylor(f, zeros(n, 1), d, 3) == inner(c, d)^3")
T(f, "t.hessian", "hessian(f, zeros(n, 1)) == 2*B'*B")

# ---------------------------------------------------------------------------------------------
# Scalar deep products: R(w) = (1 − w₃w₂w₁)², (1 − u²)², (1 − u³)²
f = claim_file("false", "scalar_depth", "Scalar deep linear networks (Vidal et al., (1.31)): degenerate saddles",
               "R(w₁, w₂, w₃) = (1 − w₃w₂w₁)² and h_p(u) = (1 − u^p)²: 0 is a critical point; for depth ≥ 3 its Hessian is zero (a non-strict saddle).",
               {"w1": "matrix(1, 1)", "w2": "matrix(1, 1)", "w3": "matrix(1, 1)",
                "v1": "matrix(1, 1)", "v2": "matrix(1, 1)", "v3": "matrix(1, 1)"},
               define={"R(a, b, c)": "fro2(eye(1) - c*b*a)", "h2(u)": "fro2(eye(1) - u*u)", "h3(u)": "fro2(eye(1) - u*u*u)"},
               paper="vidal2022",
               pydef="Rf = fun(lambda a, b, c: fro2(I(1) - c*b*a)); Rv = Rf.v; R_hess = Rf.hess; is_critR = Rf.crit; h3f = fun(lambda u: fro2(I(1) - u*u*u))",
               cx={"w1": [[0]], "w2": [[0]], "w3": [[0]], "v1": [[1]], "v2": [[1]], "v3": [[1]]})
F(f, "second_order_local_min", "is_critical(R, w1, w2, w3) and psd(hessian(R, w1, w2, w3)) => R(w1 + v1, w2 + v2, w3 + v3) >= R(w1, w2, w3)", "degenerate", True,
  "second-order necessary conditions read as sufficient; false at the non-strict saddle w = 0", "fails at w = 0, v = (1, 1, 1) (0 ≥ 1)",
  "is_critR(w1, w2, w3) and psd(R_hess(w1, w2, w3)) and Rv(w1+v1, w2+v2, w3+v3) < Rv(w1, w2, w3)")
F(f, "strict_saddle", "is_critical(R, w1, w2, w3) and R(w1, w2, w3) > 0 => lambda_min(hessian(R, w1, w2, w3)) < 0", "degenerate", True,
  "every non-minimal critical point read as a strict saddle (true for depth 2); false at w = 0 where the Hessian is 0",
  "fails at w = 0", "is_critR(w1, w2, w3) and Rv(w1, w2, w3) > 0 and not (lmin(R_hess(w1, w2, w3)) < 0)")
F(f, "cubic_strict_saddle", "is_critical(h3, w1) and h3(w1) > 0 => d2(h3, w1, v1) < 0 or v1 == zeros(1, 1)", "degenerate", False,
  "(1 − u³)² read like (1 − u²)², with negative curvature at 0 (its second derivative there is 0)", "fails at u = 0, v₁ = [[1]]",
  "h3f.crit(w1) and h3f.v(w1) > 0 and not (2*h3f.tc((w1,), (v1,), 2) < 0) and v1 != Z(1,1)")
T(f, "t.origin_flat", "is_critical(R, zeros(1, 1), zeros(1, 1), zeros(1, 1)) and hessian(R, zeros(1, 1), zeros(1, 1), zeros(1, 1)) == zeros(3, 3)")
T(f, "t.nonneg", "R(w1, w2, w3) >= 0")
T(f, "t.global_minima_critical", "w1 != zeros(1, 1) and w2 != zeros(1, 1) => is_critical(R, w1, w2, inv(w2*w1))")
T(f, "t.quadratic_negative_curvature", "d2(h2, zeros(1, 1), v1) == -4*fro2(v1)")
T(f, "t.cubic_flat", "d2(h3, zeros(1, 1), v1) == 0 and is_critical(h3, zeros(1, 1))")

# ---------------------------------------------------------------------------------------------
# Valavi et al., Section 2: the global minimum for k ≤ r and the Taylor expansion (2)
S2_GIVEN = {"m": "int(1...5)", "n": "int(m...6)", "r": "int(1...m)", "k": "int(1...r)",
            "sigma": "spectrum(r, ties: true, squares: true)", "(X, U, V)": "with_svd(m, n, sigma)",
            "G": "matrix(m, k, nonzero: true)", "H": "matrix(k, n, nonzero: true)", "t": "rational(4, nonzero: true)"}
S2_DEFINE = {"J(W, S)": "1/2 * fro2(X - W*S)", "root": "diag(sqrt(sigma[1...k]))",
             "W": "U[:, 1...k] * root", "S": "root * V[:, 1...k]'"}
S2_PY = "root = diag([sqrt(s) for s in sig[:k]]); W = U[:, :k]*root; S = root*V[:, :k].T; " + JF_PY
f = claim_file("false", "valavi_section2", "Section 2: global minimum for k ≤ r and the Taylor expansion (2)",
               "When k ≤ r, (W, S) = (U_k√Σ_k, √Σ_kV_kᵀ) is a global minimum of J(W, S) = ½‖X − WS‖²_F; f(X₀ + tH) = f(X₀) + ½t²D²f(X₀)[H] + o(t²) at a critical point X₀.",
               S2_GIVEN, define=S2_DEFINE, pydef=S2_PY, paper="valavi2020",
               cx={"m": 2, "n": 2, "r": 2, "k": 1, "sigma": [[4], [1]], "X": [[4, 0], [0, 1]], "U": I2, "V": I2,
                   "G": [[2], [0]], "H": [[2, 0]], "t": 1})
F(f, "value_index_shift", "J(W, S) == 1/2 * sum(i in k...r: sigma[i]^2)", "index", False,
  "the optimum ½Σ_{i>k}σᵢ² with the sum started at k", "fails at X = diag(4, 1), k = 1 (1/2 ≠ 17/2)",
  "Jv(W, S) != sum(s**2 for s in sig[k-1:])/2")
F(f, "definite_hessian", "pd(hessian(J, W, S))", "tightened", False,
  "the PSD Hessian at the global minimum tightened to PD (it is singular along (WA, −AS))",
  "fails at m = n = r = k = 1, σ = (1), X = U = V = [[1]]",
  "not pd(J_hess(W, S))", {"m": 1, "n": 1, "r": 1, "k": 1, "sigma": [[1]], "X": [[1]], "U": [[1]], "V": [[1]], "G": [[1]], "H": [[1]]})
F(f, "strictly_below_random", "J(W, S) < J(G, H)", "tightened", True,
  "J(W, S) ≤ J(G, H) tightened to <; equality at any other optimal factorization, e.g. (G, H) = (W, S)",
  "fails at X = diag(4, 1), k = 1, G = [[2],[0]], H = [[2, 0]] = (W, S)",
  "not (Jv(W, S) < Jv(G, H))")
F(f, "positive_curvature", "taylor(J, (W, S), (G, H), 2) > 0", "degenerate", True,
  "the second-order term at the global minimum read as positive in every direction; it vanishes along (WA, −AS)",
  "fails at m = n = r = k = 1, X = [[1]], G = [[1]], H = [[−1]] (J(1 + t, 1 − t) = t⁴/2)",
  "not (J_d2(W, S, G, H)/2 > 0)", {"m": 1, "n": 1, "r": 1, "k": 1, "sigma": [[1]], "X": [[1]], "U": [[1]], "V": [[1]], "G": [[1]], "H": [[-1]]})
F(f, "third_order_vanishes", "taylor(J, (W, S), (G, H), 3) == 0", "identity", False,
  "the expansion (2) read as exact to third order", "fails at m = n = r = k = 1, X = [[1]], G = H = [[1]] (t³ coefficient 2)",
  "Jf.tc((W, S), (G, H), 3) != 0", {"m": 1, "n": 1, "r": 1, "k": 1, "sigma": [[1]], "X": [[1]], "U": [[1]], "V": [[1]], "G": [[1]], "H": [[1]]})
T(f, "t.critical", "is_critical(J, W, S)")
T(f, "t.value", "J(W, S) == 1/2 * sum(i in (k+1)...r: sigma[i]^2)")
T(f, "t.below_random", "J(W, S) <= J(G, H)")
T(f, "t.psd_hessian", "psd(hessian(J, W, S))")
T(f, "t.second_order", "taylor(J, (W, S), (G, H), 1) == 0 and taylor(J, (W, S), (G, H), 2) == 1/2 * d2(J, (W, S), (G, H))")

# ---------------------------------------------------------------------------------------------
# Valavi et al., Theorem 3.4: critical points (24)
f = claim_file("false", "valavi_theorem3_4", "Theorem 3.4: the critical points (24)",
               "For the critical point (W, S) in (24): (a) for q = min{k, r}, if (W, S) is maximal, it is a global minimum; (b) otherwise a strict saddle.",
               {"m": "int(1...4)", "n": "int(m...5)", "k": "int(1...3)", "r": "int(1...m)",
                "sigma": "spectrum(r, ties: true, squares: true)", "(X, U, V)": "with_svd(m, n, sigma)",
                "q": "int(0...min(k, r))", "I": "all_subsets(1...r, q)"},
               define={"J(W, S)": "1/2 * fro2(X - W*S)", "lam": "sigma[I]",
                       "W": "[U[:, I] * diag(sqrt(lam)), zeros(m, k - q)]",
                       "S": "[diag(sqrt(lam)) * V[:, I]'; zeros(k - q, n)]",
                       "Wb": "[U[:, I] * diag(lam), zeros(m, k - q)]",
                       "Sb": "[diag(lam) * V[:, I]'; zeros(k - q, n)]",
                       "maximal": "all(i in 1...q: lam[i] == sigma[i])",
                       "H": "hessian(J, W, S)"},
               pydef="lam = [sig[i-1] for i in I]; W = hcat(U[:, [i-1 for i in I]]*diag([sqrt(l) for l in lam]), Z(m, k-q)); S = vcat(diag([sqrt(l) for l in lam])*V[:, [i-1 for i in I]].T, Z(k-q, n)); maximal = all(lam[i] == sig[i] for i in range(q)); " + JF_PY,
               paper="valavi2020",
               cx={"m": 2, "n": 2, "k": 1, "r": 2, "sigma": [[4], [1]], "X": [[4, 0], [0, 1]], "U": I2, "V": I2, "q": 1, "I": [1]})
F(f, "global_value_without_half", "q == min(k, r) and maximal => J(W, S) == sum(i in (k+1)...r: sigma[i]^2)", "constant", False,
  "the optimum ½Σ_{i>k}σᵢ² with the ½ dropped", "fails at X = diag(4, 1), k = q = 1, I = {1} (1/2 ≠ 1)",
  "q == min(k, r) and maximal and Jv(W, S) != sum(s**2 for s in sig[k:])")
F(f, "square_roots_dropped", "is_critical(J, Wb, Sb)", "constant", False,
  "(24) with Λ^{1/2} replaced by Λ in both factors", "fails at X = diag(4, 1), k = q = 1, I = {1}",
  "not is_crit(hcat(U[:, [i-1 for i in I]]*diag(lam), Z(m, k-q)), vcat(diag(lam)*V[:, [i-1 for i in I]].T, Z(k-q, n)))")
F(f, "maximal_is_saddle", "q == min(k, r) and maximal => num_neg(H) >= 1", "flipped", False,
  "the conclusion of (a) flipped to 'strict saddle'", "fails at X = diag(4, 1), k = q = 1, I = {1} (the Hessian is PSD)",
  "q == min(k, r) and maximal and psd(J_hess(W, S))")
T(f, "t.critical", "is_critical(J, W, S)")
T(f, "t.global_min", "q == min(k, r) and maximal => J(W, S) == 1/2 * sum(i in (k+1)...r: sigma[i]^2)")
T(f, "t.b_maximal", "q < min(k, r) and maximal => lambda_min(H) <= -sigma[q+1]")

# ---------------------------------------------------------------------------------------------
# Vidal et al., (1.13), (1.16), (1.18) and Lemma 1.1 on general covariances
f = claim_file("false", "vidal_risk", "Linear networks: the risk (1.13), its gradient (1.16)/(1.18) and critical points",
               "R(U, V) = trace(Σ_yy − 2Σ_yxVUᵀ + UVᵀΣ_xxVUᵀ); ∂R/∂U = −2(Σ_yx − UVᵀΣ_xx)V, ∂R/∂V = −2(Σ_xy − Σ_xxVUᵀ)U; R ≥ trace(Σ_yy) − trace(Σ_yxΣ_xx⁻¹Σ_xy).",
               {"n0": "int(1...3)", "n1": "int(1...3)", "n2": "int(1...3)", "Sxx": "spd(n0)", "Sxy": "matrix(n0, n2)",
                "U": "matrix(n2, n1)", "V": "matrix(n0, n1)"},
               define={"Syx": "Sxy'", "Syy": "Syx*inv(Sxx)*Sxy + eye(n2)",
                       "R(U, V)": "trace(Syy - 2*Syx*V*U' + U*V'*Sxx*V*U')",
                       "Rfloor": "trace(Syy) - trace(Syx*inv(Sxx)*Sxy)"},
               pydef="Syx = Sxy.T; Syy = Syx*Sxx.inv()*Sxy + I(n2); Rfloor = tr(Syy) - tr(Syx*Sxx.inv()*Sxy); Rf2 = fun(lambda U, V: tr(Syy - 2*Syx*V*U.T + U*V.T*Sxx*V*U.T)); Rv2 = Rf2.v; R_grad = Rf2.grad; is_critR2 = Rf2.crit",
               paper="vidal2022",
               cx={"n0": 1, "n1": 1, "n2": 1, "Sxx": [[1]], "Sxy": [[1]], "U": [[0]], "V": [[1]]})
F(f, "gradient_factor_dropped", "grad(R, U, V) == (-(Syx - U*V'*Sxx)*V, -2*(Sxy - Sxx*V*U')*U)", "constant", False,
  "(1.16) with the factor 2 dropped", "fails at Σ_xx = Σ_xy = [[1]], U = [[0]], V = [[1]] (−1 ≠ −2)",
  "not crit_is(R_grad(U, V), (-(Syx - U*T(V)*Sxx)*V, -2*(Sxy - Sxx*V*T(U))*U))")
F(f, "critical_full_rank", "is_critical(R, U, V) => rank(U) == n1", "zero", True,
  "critical points read as having full-column-rank U (the hypothesis of Lemma 1.1 (ii)); false at U = 0, V = 0",
  "fails at Σ_xx = Σ_xy = [[1]], U = V = 0", "is_critR2(U, V) and rank(U) != n1", {"V": [[0]]})
F(f, "critical_is_global", "is_critical(R, U, V) => R(U, V) == Rfloor", "zero", True,
  "every critical point read as a global minimum; false at U = 0, V = 0", "fails at Σ_xx = Σ_xy = [[1]], U = V = 0 (R = 2, floor 1)",
  "is_critR2(U, V) and Rv2(U, V) != Rfloor", {"V": [[0]]})
T(f, "t.gradient", "grad(R, U, V) == (-2*(Syx - U*V'*Sxx)*V, -2*(Sxy - Sxx*V*U')*U)")
T(f, "t.lower_bound", "R(U, V) >= Rfloor")
T(f, "t.origin_critical", "is_critical(R, zeros(n2, n1), zeros(n0, n1))")

# ---------------------------------------------------------------------------------------------
# Chen et al., Lemma 3.3 (balancedness) with problem (1) and its gradient
CH = json.load(open(os.path.join(HERE, "..", "..", "claims", "chen", "lemma3_3.json")))
f = claim_file("false", "chen_lemma3_3", "Lemma 3.3 (balancedness), with problem (1) and its gradient",
               CH["statement"], CH["given"], define=CH["define"], paper="chen2025",
               pydef="chen_setup()",
               cx={"L": 2, "d": 2, "kappa": 1, "q": ("seq", [1, 1]), "tau": ("seq", [1, 2]), "yfree": [[0], [0]],
                   "Q": ("seq", [I2, I2, R90]), "V": ("seq", [I2, I2])})
F(f, "balanced_transposed", "all(l in 1...L-1: lambda(l) * W[l]*W[l]' == lambda(l+1) * W[l+1]*W[l+1]')", "transposed", False,
  "λ_lW_lW_lᵀ = λ_{l+1}W_{l+1}ᵀW_{l+1} with the second factor transposed", "fails at L = d = 2, κ = 1, q = (1, 1), τ = (1, 2), Q = (I, I, [[0,1],[−1,0]])",
  "any(lamb(l)*Wl[l]*T(Wl[l]) != lamb(l+1)*Wl[l+1]*T(Wl[l+1]) for l in range(1, L))")
F(f, "gradient_index_shift", "all(l in 1...L: grad(F, V)[l] == Wprod(V, L, l+1)' * (Wprod(V, L, 1) - Y) * Wprod(V, l, 1)' + lambda(l) * V[l])", "index", False,
  "∇_{W_l}F = W_{L:l+1}ᵀ(W_{L:1} − Y)W_{l−1:1}ᵀ + λ_lW_l with W_{l−1:1} shifted to W_{l:1}",
  "fails at L = 2, d = 1, κ = 1, q = (1, 1), τ = (1), Q = (1, 1, 1), V = (3, 1)",
  "chen_grad_shift_fails()",
  {"d": 1, "tau": ("seq", [1]), "yfree": [[0]], "Q": ("seq", [[[1]], [[1]], [[1]]]), "V": ("seq", [[[3]], [[1]]])})
T(f, "t.gradient", CH["claims"]["gradient"])
T(f, "t.critical", CH["claims"]["critical"])
T(f, "t.balanced", CH["claims"]["balanced"])
T(f, "t.equal_rank", CH["claims"]["equal_rank"])


# ---------------------------------------------------------------------------------------------
# Eftekhari, Lemma 9 and (7), (8): the multiplier λ(U) = K(U)⁻¹𝒜(UUᵀ)
EF = json.load(open(os.path.join(HERE, "..", "..", "claims", "eftekhari", "lemma9.json")))
EF_PY = ("Aop = lambda Z: sp.Matrix([(Ai.T*Z).trace() for Ai in A]); "
         "Aadj = lambda y: sum((y[i]*A[i] for i in range(len(A))), Z(d, d)); "
         "vec = lambda M_: sp.Matrix([M_[i, j] for j in range(M_.cols) for i in range(M_.rows)]); "
         "Mm = lambda U_: sp.Matrix.hstack(*[vec(Ai*U_) for Ai in A]); "
         "Kk = lambda U_: Mm(U_).T*Mm(U_); "
         "lamf = lambda U_: Kk(U_).inv()*Aop(U_*U_.T); "
         "b = Aop(U0*U0.T); "
         "g_dir = lambda U_, D_: Aop(D_*U_.T + U_*D_.T)/2")
f = claim_file("false", "eftekhari_lemma9", "Lemma 9 and (7), (8): the multiplier λ(U) = K(U)⁻¹𝒜(UUᵀ)",
               EF["statement"], EF["given"], define=EF["define"], paper="eftekhari2020", pydef=EF_PY,
               cx={"d": 1, "p": 1, "m": 1, "A": ("seq", [[[1]]]), "U": [[1]], "U0": [[0]], "Delta": [[1]], "delta": [[1]]})
F(f, "g_derivative_factor", "D(g, U, Delta) == 2*Aop(Delta*U')", "constant", False,
  "(7) Dg(U)[Δ] = 𝒜(ΔUᵀ) with a spurious factor 2 (the ½ in g forgotten)", "fails at d = p = m = 1, A₁ = [[1]], U = Δ = [[1]] (1 ≠ 2)",
  "g_dir(U, Delta) != 2*Aop(Delta*U.T)")
F(f, "least_squares_sign", "det(K(U)) != 0 => M(U)' * (vec(Aadj(lam(U))*U) + vec(U)) == zeros(m, 1)", "constant", False,
  "(14) as a least-squares solution with the sign of the residual flipped", "fails at d = p = m = 1, A₁ = [[1]], U = [[1]] (2 ≠ 0)",
  "Kk(U).det() != 0 and Mm(U).T*(vec(Aadj(lamf(U))*U) + vec(U)) != Z(m, 1)")
F(f, "multiplier_homogeneous", "det(K(U)) != 0 => lam(2*U) == 2*lam(U)", "constant", False,
  "λ(U) read as homogeneous of degree 1 (it has degree 0: K scales by 4, 𝒜(UUᵀ) by 4)", "fails at d = p = m = 1, A₁ = [[1]], U = [[1]] (1 ≠ 2)",
  "Kk(U).det() != 0 and lamf(2*U) != 2*lamf(U)")
F(f, "assumption_everywhere", "det(K(U)) != 0", "singular", False,
  "Assumption 7 (rank K(U) = m) read as holding at every U; false at U = 0 and wherever the A_iU are dependent",
  "fails at U = 0 (d = p = m = 1, A₁ = [[1]])",
  "Kk(U).det() == 0", {"U": [[0]]})
T(f, "t.g_derivative", EF["claims"]["7.derivative_of_g"])
T(f, "t.adjoint", EF["claims"]["8.adjoint"])
T(f, "t.least_squares", "det(K(U)) != 0 => " + EF["claims"]["14.least_squares"])
T(f, "t.multiplier_degree_zero", "det(K(U)) != 0 => lam(2*U) == lam(U)")


# =============================================================================================
# Writing the claim files
def reason(p):
    return "planted: %s (%s); counterexample %s" % (p["kind"], p["mutation"], p["cx_words"])


def emit():
    papers = {}
    written = []
    for f in FILES:
        for group, want in (("false", True), ("true", False)):
            parts = [p for p in f["parts"] if p["false"] == want]
            if not parts:
                continue
            claim = {"id": "%s.search.%s.%s" % (f["paper"], f["name"], group), "paper": f["paper"],
                     "label": f["label"] + (" — planted false variants" if want else " — true statements"),
                     "statement": f["statement"]}
            if want:
                lines = ["Planted-false variants for the search benchmark: each part is one mutation of a true statement, "
                         "encoded with the natural generators (no generator constructs the counterexample). Per part: kind; "
                         "thin (random rational draws rarely hit the counterexample) or broad; the mutation; a counterexample, "
                         "checked independently (bench/search/corpus.py --check)."]
                for p in parts:
                    lines.append("%s: %s; %s; %s; %s." % (p["part"], p["kind"], "thin" if p["thin"] else "broad",
                                                         p["mutation"], p["cx_words"]))
                claim["note"] = " ".join(lines)
            else:
                claim["note"] = ("True statements for the search benchmark (ties, degenerate and singular cases allowed): "
                                 "a FAILS here is a bug in the verifier.")
            claim["given"] = f["given"]
            if f["assume"]:
                claim["assume"] = f["assume"]
            if f["define"]:
                claim["define"] = f["define"]
            claim["claims"] = {p["part"]: p["formula"] for p in parts}
            if want:
                claim["statements"] = {p["part"]: "[%s, %s] %s" % (p["kind"], "thin" if p["thin"] else "broad", p["mutation"])
                                       for p in parts}
                claim["expect"] = {p["part"]: {"verdict": "fails", "reason": reason(p)} for p in parts}
            else:
                claim["expect"] = {p["part"]: "holds" for p in parts}
            if f["instances"]:
                claim["instances"] = f["instances"]
            if f["seed"]:
                claim["seed"] = f["seed"]
            path = os.path.join(HERE, group, f["name"] + ".json")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as out:
                json.dump(claim, out, indent=2, ensure_ascii=False)
                out.write("\n")
            written.append(path)
    return written


# =============================================================================================
# Independent checks of the stated counterexamples (sympy, exact)
def check(replay_bin=None):
    import sympy as sp

    def R(x):
        return sp.Rational(str(x)) if not isinstance(x, sp.Basic) else x

    def conv(name, v):
        if isinstance(v, tuple) and v[0] == "seq":
            return [conv(name, x) for x in v[1]]
        if isinstance(v, list) and v and all(isinstance(x, list) for x in v):
            return sp.Matrix([[R(x) for x in row] for row in v])
        if isinstance(v, list):
            return list(v)           # an index list
        return R(v)

    def eig_list(M):
        out = []
        for ev, mult in M.eigenvals().items():
            out += [sp.nsimplify(ev) if ev.is_rational else ev] * mult
        return sorted(out, key=lambda e: sp.N(e, 60), reverse=True)

    def svals(M):
        G = M.T * M if M.cols <= M.rows else M * M.T
        if G.rows == 0:
            return []
        return [sp.sqrt(e) for e in eig_list(G)]

    class fun:
        def __init__(self, fn):
            self.fn = fn

        def v(self, *ms):
            return sp.simplify(self.fn(*ms))

        def _symbols(self, ms):
            syms, mats = [], []
            for a, M in enumerate(ms):
                S = sp.Matrix(M.rows, M.cols, lambda i, j: sp.Symbol("x%d_%d_%d" % (a, i, j)))
                mats.append(S)
                syms += [S[i, j] for j in range(M.cols) for i in range(M.rows)]   # column-major
            subs = {}
            for M, S in zip(ms, mats):
                for i in range(M.rows):
                    for j in range(M.cols):
                        subs[S[i, j]] = M[i, j]
            return syms, mats, subs

        def grad(self, *ms):
            syms, mats, subs = self._symbols(ms)
            e = self.fn(*mats)
            return tuple(sp.Matrix(M.rows, M.cols, lambda i, j: sp.diff(e, S[i, j]).subs(subs)) for M, S in zip(ms, mats))

        def hess(self, *ms):
            syms, mats, subs = self._symbols(ms)
            return sp.hessian(self.fn(*mats), syms).subs(subs)

        def crit(self, *ms):
            return all(g == sp.zeros(g.rows, g.cols) for g in self.grad(*ms))

        def tc(self, point, direction, k):
            t = sp.Symbol("t")
            e = sp.expand(self.fn(*[P + t * D for P, D in zip(point, direction)]))
            return sp.Poly(e, t).coeff_monomial(t ** k)

    def psd(M):
        return all(sp.N(e, 60) >= -sp.Rational(1, 10 ** 40) for e in eig_list(M)) if M.rows else True

    def pd(M):
        return all(sp.N(e, 60) > sp.Rational(1, 10 ** 40) for e in eig_list(M)) if M.rows else True

    def hcat(A, B):
        return A.row_join(B)

    def vcat(A, B):
        return A.col_join(B)

    base = {
        "sp": sp, "sqrt": sp.sqrt, "det": lambda M: M.det(), "tr": lambda M: M.trace(), "rank": lambda M: M.rank(),
        "nullity": lambda M: M.cols - M.rank(), "T": lambda M: M.T, "I": lambda n: sp.eye(n), "Z": lambda m, n: sp.zeros(m, n),
        "diag": lambda v: sp.diag(*v) if len(v) else sp.zeros(0, 0), "fro2": lambda M: sum(x ** 2 for x in M),
        "svals": svals, "smax": lambda M: (svals(M) or [0])[0], "nuclear": lambda M: sum(svals(M)),
        "lmin": lambda M: eig_list(M)[-1], "lmax": lambda M: eig_list(M)[0], "psd": psd, "pd": pd,
        "prod_diag": lambda M: sp.prod([M[i, i] for i in range(M.rows)]), "hcat": hcat, "vcat": vcat, "fun": fun,
        "crit_is": lambda a, b: all(sp.simplify(x - y) == sp.zeros(x.rows, x.cols) for x, y in zip(a, b)),
    }

    def chen_setup(ns):
        L, d, kappa = int(ns["L"]), int(ns["d"]), ns["kappa"]
        q, tau, Qs, yfree = ns["q"], ns["tau"], ns["Q"], ns["yfree"]
        Qp = sp.prod(q)
        y = [tau[i] ** L / Qp + kappa * Qp * tau[i] ** (2 - L) if tau[i] != 0 else yfree[i] for i in range(d)]
        ns["Y"] = Qs[L] * sp.diag(*y) * Qs[0].T
        ns["Wl"] = [None] + [Qs[l] * sp.diag(*[tau[i] / q[l - 1] for i in range(d)]) * Qs[l - 1].T for l in range(1, L + 1)]
        ns["lamb"] = lambda l: kappa * q[l - 1] ** 2

        def wprod(Vs, j, i):
            P = sp.eye(d)
            for t_ in range(i, j + 1):
                P = Vs[t_] * P
            return P

        def grad_shift_fails():
            Vs = [None] + ns["V"]
            mats = [sp.Matrix(d, d, lambda i, j: sp.Symbol("v%d_%d_%d" % (l, i, j))) for l in range(1, L + 1)]
            Ms = [None] + mats
            Fe = sp.Rational(1, 2) * sum(x ** 2 for x in (wprod(Ms, L, 1) - ns["Y"])) + \
                sum(ns["lamb"](l) / 2 * sum(x ** 2 for x in Ms[l]) for l in range(1, L + 1))
            subs = {Ms[l][i, j]: Vs[l][i, j] for l in range(1, L + 1) for i in range(d) for j in range(d)}
            for l in range(1, L + 1):
                g = sp.Matrix(d, d, lambda i, j: sp.diff(Fe, Ms[l][i, j]).subs(subs))
                wrong = wprod(Vs, L, l + 1).T * (wprod(Vs, L, 1) - ns["Y"]) * wprod(Vs, l, 1).T + ns["lamb"](l) * Vs[l]
                if g != wrong:
                    return True
            return False
        ns["chen_grad_shift_fails"] = grad_shift_fails

    bad = 0
    n_checked = 0
    tmp = tempfile.mkdtemp(prefix="bench-search-")
    for f in FILES:
        for p in f["parts"]:
            if not p["false"]:
                continue
            cx = dict(f["cx"])
            cx.update(p["cx"])
            ns = dict(base)
            for k, v in cx.items():
                ns["Tm" if k == "T" else k] = conv(k, v)
            if "sigma" in ns:
                ns["sig"] = list(ns["sigma"])
            for k in ("m", "n", "k", "r", "q", "L", "d", "n0", "n1", "n2"):
                if k in ns and isinstance(ns[k], sp.Basic) and ns[k].is_integer:
                    ns[k] = int(ns[k])
            ns["chen_setup"] = lambda ns=ns: chen_setup(ns)
            try:
                if f["pydef"]:
                    exec(f["pydef"], ns)
                ok = bool(eval(p["ck"], ns))
            except Exception as e:   # noqa: BLE001
                ok = False
                print("ERROR  %s/%s: %s: %s" % (f["name"], p["part"], type(e).__name__, e))
            n_checked += 1
            status = "ok" if ok else "NOT FALSE"
            if not ok:
                bad += 1
            line = "%-9s %s/%s" % (status, f["name"], p["part"])
            if replay_bin:
                inst = {"format": "mfcheck-instance", "version": 1,
                        "claim": "%s.search.%s.false" % (f["paper"], f["name"]), "part": p["part"],
                        "variables": {k: to_instance(v) for k, v in cx.items() if k in given_names(f)}}
                ipath = os.path.join(tmp, "%s--%s.instance.json" % (f["name"], p["part"]))
                with open(ipath, "w") as out:
                    json.dump(inst, out)
                r = subprocess.run([replay_bin, os.path.join(HERE, "false", f["name"] + ".json"), "--replay", ipath,
                                    "--format", "json"], capture_output=True, text=True)
                try:
                    verdicts = [x["verdict"] for x in json.loads(r.stdout)["results"] if x["part"] == p["part"]]
                except Exception:   # noqa: BLE001
                    verdicts = ["unreadable: " + (r.stderr or r.stdout)[:300]]
                line += "   replay: %s" % (verdicts[0] if verdicts else "?")
                if verdicts != ["FAILS"]:
                    bad += 1
                    line += "  <-- the verifier does not find the stated counterexample false"
            print(line)
    print("%d false variants checked, %d problems" % (n_checked, bad))
    return bad


def given_names(f):
    names = []
    for k in f["given"]:
        if k.startswith("("):
            names += [x.strip() for x in k.strip("()").split(",")]
        else:
            names.append(k)
    return names


def to_instance(v):
    if isinstance(v, tuple) and v[0] == "seq":
        return {"type": "sequence", "items": [to_instance(x) for x in v[1]]}
    if isinstance(v, list) and v and all(isinstance(x, list) for x in v):
        return [[str(x) for x in row] for row in v]
    if isinstance(v, list):
        return v
    return str(v)


def summary():
    fs = [p for f in FILES for p in f["parts"] if p["false"]]
    ts = [p for f in FILES for p in f["parts"] if not p["false"]]
    print("false variants: %d (thin %d), true statements: %d" % (len(fs), sum(p["thin"] for p in fs), len(ts)))
    for k in KINDS:
        ps = [p for p in fs if p["kind"] == k]
        print("  %-11s %3d (thin %d)" % (k, len(ps), sum(p["thin"] for p in ps)))


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="check every stated counterexample (needs sympy)")
    ap.add_argument("--replay", metavar="BIN", help="with --check: also replay each counterexample through BIN")
    args = ap.parse_args()
    emit()
    summary()
    if args.check:
        sys.exit(1 if check(args.replay) else 0)
