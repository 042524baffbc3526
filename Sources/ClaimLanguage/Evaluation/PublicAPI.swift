/// Entry points the verifier uses to build scopes and functions.
extension Scope {
    public static func root() -> Scope { Scope(parent: nil) }
    public static func child(of s: Scope) -> Scope { Scope(parent: s) }
    public func bindValue(_ name: String, _ v: Value) { bind(name, v) }
    /// Binds a definition evaluated on first use (and cached).
    public func bindDefinition(_ name: String, _ e: Expr) { bindLazily(name, e) }
}

extension UserFunction {
    public static func make(name: String, parameters: [String], body: Expr, scope: Scope) -> UserFunction {
        UserFunction(name: name, parameters: parameters, body: body, scope: scope)
    }
}

extension Evaluator {
    /// Evaluates with generators enabled (for "given" entries).
    public func withGenerators<R>(_ ctx: GeneratorContext, _ body: () throws(ClaimError) -> R) throws(ClaimError) -> R {
        generators = ctx
        defer { generators = nil }
        return try body()
    }

    /// Coerces a value to a truth value, or reports the expression that gave a non-boolean.
    public func truth(_ v: Value, _ e: Expr) throws(ClaimError) -> Truth { try truthValue(v, e) }
}
