import Foundation
import Testing
@testable import ClaimLanguage

@Suite("verify explain")
struct ExplainTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the symbolic gradient of J(W, S) = ½‖X − WS‖² reads as the paper's (4)")
    func valaviGradient() throws {
        let text = try ClaimExplainer.explain(path: Self.root.appendingPathComponent("claims/formulas4_7.json").path)
        #expect(text.contains("grad(J, W) = (W*S - X)*S'"), "\(text)")
        #expect(text.contains("grad(J, S) = W'*(W*S - X)"), "\(text)")
        #expect(text.contains("E_printed = (W * S) - S"))
    }

    @Test("gradients through inv and trace; matrix-valued functions are said so")
    func inverseAndUnsupported() throws {
        let text = try ClaimExplainer.explain(path: Self.root.appendingPathComponent("claims/eftekhari/lemma9.json").path)
        // K(U) = M(U)ᵀM(U) is matrix-valued: no gradient is printed for it.
        #expect(text.contains("grad(K, …): not visibly scalar-valued"), "\(text)")
        let funcs: [String: (params: [String], body: Expr)] = [
            "f": (["A"], try Parser.parse(ExpressionSource(text: "trace(inv(A) * B)", location: SourceLocation(file: "t", jsonPath: "$", line: 1, column: 1)))),
        ]
        let g = try SymbolicGradient(functions: funcs, scalars: []).gradients(of: "f")
        #expect(g.first?.1.description == "-inv(A)'*B'*inv(A)'", "\(g.first?.1.description ?? "")")
    }
}

@Suite("verify explain through solves and linear operators")
struct ExplainOperatorTests {
    func parse(_ s: String) throws -> Expr {
        try Parser.parse(ExpressionSource(text: s, location: SourceLocation(file: "t", jsonPath: "$", line: 1, column: 1)))
    }

    @Test("grad of inner(op(A, W), y) is adj(A, y); of inner(adj(A, l), C) is op(A, C); of inner(solve(M, W), C) is inv(M)'*C")
    func operatorsAndSolve() throws {
        let funcs: [String: (params: [String], body: Expr)] = [
            "f": (["W"], try parse("inner(op(A, W), y)")),
            "g": (["l"], try parse("inner(adj(A, l), C)")),
            "h": (["W"], try parse("inner(solve(M, W), C)")),
        ]
        let sg = SymbolicGradient(functions: funcs, scalars: [])
        #expect(try sg.gradients(of: "f").first?.1.description == "adj(A, y)")
        #expect(try sg.gradients(of: "g").first?.1.description == "op(A, C)")
        #expect(try sg.gradients(of: "h").first?.1.description == "inv(M)'*C")
    }
}

@Suite("verify explain on unsupported arguments")
struct ExplainUnsupportedTests {
    @Test("a user function applied to an argument outside the symbolic rules is reported, not a crash")
    func unsupportedArgument() throws {
        func parse(_ s: String) throws -> Expr {
            try Parser.parse(ExpressionSource(text: s, location: SourceLocation(file: "t", jsonPath: "$", line: 1, column: 1)))
        }
        let funcs: [String: (params: [String], body: Expr)] = [
            "g(A, B)": (["A", "B"], try parse("trace(A * B)")),
            "g": (["A", "B"], try parse("trace(A * B)")),
            "f": (["W"], try parse("g(W, sum(i in 1...2: W))")),
        ]
        #expect(throws: SymbolicGradient.Unsupported.self) {
            _ = try SymbolicGradient(functions: funcs, scalars: []).gradients(of: "f")
        }
    }

    @Test("nested user functions keep their callers' bindings: f(W) = h(2W), h(A) = g(A, A), g(A, B) = trace(AB) gives 8W'")
    func nestedBindings() throws {
        func parse(_ s: String) throws -> Expr {
            try Parser.parse(ExpressionSource(text: s, location: SourceLocation(file: "t", jsonPath: "$", line: 1, column: 1)))
        }
        let funcs: [String: (params: [String], body: Expr)] = [
            "g": (["A", "B"], try parse("trace(A * B)")),
            "h": (["A"], try parse("g(A, A)")),
            "f": (["W"], try parse("h(2 * W)")),
        ]
        let g = try SymbolicGradient(functions: funcs, scalars: []).gradients(of: "f")
        #expect(g.first?.1.description == "4*W' + 4*W'", "\(g.first?.1.description ?? "")")
    }
}
