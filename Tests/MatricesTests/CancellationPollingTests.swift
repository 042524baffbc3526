import Testing
import Numbers
@testable import Matrices

/// The exact kernels poll the thread's deadline: their cancellable variants give up with
/// `Cancellation.Cancelled` once it has passed (never a truncated answer), and the ordinary
/// entry points ignore any deadline and always finish with the same answer as before.
@Suite struct CancellationPollingTests {
    /// A deadline that has already passed.
    static let expired: UInt64 = 0

    static func cancelled<T>(_ body: () throws(Cancellation.Cancelled) -> T) -> Bool {
        Cancellation.withDeadline(expired) { () -> Bool in
            do { _ = try body(); return false } catch { return true }
        }
    }

    @Test func everyCancellableKernelGivesUpAfterTheDeadline() {
        var rng = SplitMix64(seed: 3)
        let a = rng.matrix(30, 30), s = rng.symmetric(30), b = rng.matrix(30, 2)
        let p = Polynomial(coefficients: (0..<40).map { _ in rng.rational() })
        #expect(Self.cancelled { () throws(Cancellation.Cancelled) in try a.cancellableDeterminant() })
        #expect(Self.cancelled { () throws(Cancellation.Cancelled) in try a.cancellableDeterminant(method: .multimodular) })
        #expect(Self.cancelled { () throws(Cancellation.Cancelled) in try a.cancellableRank() })
        #expect(Self.cancelled { () throws(Cancellation.Cancelled) in try a.cancellableNullspace() })
        #expect(Self.cancelled { () throws(Cancellation.Cancelled) in try a.cancellableInverse() })
        #expect(Self.cancelled { () throws(Cancellation.Cancelled) in try a.cancellableSolve(b) })
        #expect(Self.cancelled { () throws(Cancellation.Cancelled) in try s.cancellableInertia() })
        #expect(Self.cancelled { () throws(Cancellation.Cancelled) in try a.cancellableCharpoly() })
        #expect(Self.cancelled { () throws(Cancellation.Cancelled) in try a.cancellableCharpoly(method: .berkowitz) })
        #expect(Self.cancelled { () throws(Cancellation.Cancelled) in try a.cancellablePower(5) })
        #expect(Self.cancelled { () throws(Cancellation.Cancelled) in try a.cancellableExactSingularValues() })
        #expect(Self.cancelled { () throws(Cancellation.Cancelled) in try RealAlgebraicNumber.cancellableRoots(of: p) })
        #expect(Self.cancelled { () throws(Cancellation.Cancelled) in try p.cancellableRealRoots() })
        // The GMP route of the product (entries too large for machine words).
        let big = Matrix<Rational>(rows: 8, columns: 8) { i, j in Rational(BigInt(2).power(200 + i + j), BigInt(3)) }
        #expect(Self.cancelled { () throws(Cancellation.Cancelled) in try Matrix.cancellableProduct(big, big) })
    }

    @Test func ordinaryEntryPointsIgnoreTheDeadline() throws {
        var rng = SplitMix64(seed: 4)
        let a = rng.matrix(12, 12), s = rng.symmetric(12)
        let expected = (try a.det(), a.rank, try a.inverse(), s.inertia(), try a.charpoly())
        let underDeadline = try Cancellation.withDeadline(Self.expired) {
            (try a.det(), a.rank, try a.inverse(), s.inertia(), try a.charpoly())
        }
        #expect(expected.0 == underDeadline.0)
        #expect(expected.1 == underDeadline.1)
        #expect(expected.2 == underDeadline.2)
        #expect(expected.3 == underDeadline.3)
        #expect(expected.4 == underDeadline.4)
        // The deadline is back in force afterwards.
        Cancellation.withDeadline(Self.expired) {
            _ = a.rank
            #expect(Cancellation.isCancelled)
        }
    }

    @Test func withoutDeadlineRestoresTheDeadline() {
        Cancellation.withDeadline(Self.expired) {
            Cancellation.withoutDeadline { #expect(!Cancellation.isCancelled) }
            #expect(Cancellation.isCancelled)
        }
    }
}
