import Testing
@testable import ClaimLanguage

@Suite("Expression parser")
struct ParserTests {
    func parse(_ s: String) throws(ClaimError) -> Expr {
        try Parser.parse(ExpressionSource(text: s, location: SourceLocation(file: "t.json", jsonPath: "$.x", line: 1, column: 1)))
    }

    @Test("precedence: implication is loosest, power binds tighter than unary minus")
    func precedence() throws {
        #expect(try parse("a and b => c or d").description == "(a and b) => (c or d)")
        #expect(try parse("-x^2").description == "-(x ^ 2)")
        #expect(try parse("W*S' - X").description == "(W * S') - X")
        #expect(try parse("1/2 * fro2(X - W*S)").description == "(1 / 2) * fro2(X - (W * S))")
    }

    @Test("blocks, indexing, comprehensions, named arguments")
    func constructs() throws {
        #expect(try parse("[A, B; C, D]").description == "[A, B; C, D]")
        #expect(try parse("U[:, I]").description == "U[:, I]")
        #expect(try parse("all(i in 1...q: lam[i] == sigma[i])").description == "all(i in 1...q: lam[i] == sigma[i])")
        #expect(try parse("spectrum(r, ties: true)").description == "spectrum(r, ties: true)")
        #expect(try parse("prod(l in L...1: W[l])").description == "prod(l in L...1: W[l])")
    }

    @Test("errors name the column")
    func errors() {
        do { _ = try parse("a + * b"); Issue.record("no error") } catch {
            #expect(error.location?.expressionColumn == 5)
        }
        do { _ = try parse("a < b < c"); Issue.record("no error") } catch {
            #expect(error.message.contains("chain"))
        }
        do { _ = try parse("f(x"); Issue.record("no error") } catch {
            #expect(error.message.contains("expected ')'"))
        }
    }
}
