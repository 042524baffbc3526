import Testing
@testable import Instances

@Test("instances module links") func links() { #expect(Bool(true)) }
