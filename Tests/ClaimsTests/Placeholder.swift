import Testing
@Test("claims placeholder") func placeholder() { #expect(Bool(true)) }
