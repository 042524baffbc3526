import Testing
@testable import ClaimLanguage

/// A scope that binds a user function must be freed when its last user lets go (no cycle
/// between the scope and the function's closure), or every instance leaks its whole scope.
@Suite("Scope lifetime")
struct ScopeLifetimeTests {
    @Test("a scope holding a user function is deallocated")
    func noCycle() throws {
        weak var weakScope: Scope?
        do {
            let scope = Scope.root()
            let body = try Parser.parse(ExpressionSource(text: "x + 1", location: SourceLocation(file: "t", jsonPath: "$", line: 1, column: 1)))
            scope.bindValue("f", .function(UserFunction.make(name: "f", parameters: ["x"], body: body, scope: scope)))
            weakScope = scope
            #expect(weakScope != nil)
        }
        #expect(weakScope == nil)
    }
}
