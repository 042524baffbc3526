#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cooperative cancellation of long computations by a wall-clock deadline.
///
/// Whoever starts a computation with a time budget installs a deadline for the current thread
/// with `withDeadline(_:_:)`; long loops of the numeric core and of the evaluator (elimination,
/// determinants, root isolation, refinement, generators, comprehensions) call `check()` once per
/// outer iteration, which throws `Cancelled` once the deadline has passed. Nothing is ever
/// answered after a cancellation: the computation is abandoned, never truncated.
///
/// - Invariant: with no deadline installed, `check()` never throws and `isCancelled` is false.
/// - Cost: one thread-local read and, when a deadline is set, one monotonic clock read
///   (`clock_gettime`, vDSO) per call.
/// - Threads: a deadline belongs to the thread that installed it; work handed to other threads
///   must install its own.
public enum Cancellation {
    /// Thrown by `check()` once the current thread's deadline has passed.
    public struct Cancelled: Error, Sendable, Equatable {
        public init() {}
    }

    final class Box {
        let deadline: UInt64
        init(_ d: UInt64) { deadline = d }
    }

    nonisolated(unsafe) static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()

    /// Nanoseconds of the monotonic clock.
    public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    /// The monotonic instant (nanoseconds, as `now()`) `seconds` from now, saturating.
    public static func instant(secondsFromNow seconds: Double) -> UInt64 {
        guard seconds.isFinite else { return seconds > 0 ? UInt64.max : 0 }
        let ns = max(0, seconds) * 1e9
        let n = now()
        return ns >= Double(UInt64.max - n) ? UInt64.max : n + UInt64(ns)
    }

    /// The current thread's deadline (a `now()` instant), or nil.
    public static var deadline: UInt64? {
        guard let p = pthread_getspecific(key) else { return nil }
        return Unmanaged<Box>.fromOpaque(p).takeUnretainedValue().deadline
    }

    /// Runs `body` with `deadline` (a `now()` instant; nil for none) installed for the current
    /// thread; an enclosing deadline that is earlier stays in force. The previous deadline is
    /// restored afterwards.
    public static func withDeadline<T, E: Error>(_ deadline: UInt64?, _ body: () throws(E) -> T) throws(E) -> T {
        let previous = pthread_getspecific(key)
        var effective = deadline
        if let p = previous {
            let outer = Unmanaged<Box>.fromOpaque(p).takeUnretainedValue().deadline
            effective = min(outer, deadline ?? outer)
        }
        guard let d = effective else { return try body() }
        let box = Unmanaged.passRetained(Box(d))
        pthread_setspecific(key, box.toOpaque())
        defer {
            pthread_setspecific(key, previous)
            box.release()
        }
        return try body()
    }

    /// Runs `body` with no deadline for the current thread (the previous one is restored
    /// afterwards): the non-throwing entry points of the numeric core run their cancellable
    /// kernels this way, so they always finish and never return a truncated result.
    public static func withoutDeadline<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let previous = pthread_getspecific(key)
        if previous == nil { return try body() }
        pthread_setspecific(key, nil)
        defer { pthread_setspecific(key, previous) }
        return try body()
    }

    /// Runs a cancellable computation to completion with no deadline (for the non-throwing
    /// entry points of the numeric core).
    public static func uncancelled<T>(_ body: () throws(Cancelled) -> T) -> T {
        withoutDeadline { () -> T in
            do { return try body() } catch { preconditionFailure("cancelled without a deadline") }
        }
    }

    /// Whether the current thread's deadline has passed.
    public static var isCancelled: Bool {
        guard let d = deadline else { return false }
        return now() >= d
    }

    /// Throws `Cancelled` once the current thread's deadline has passed.
    @inline(__always)
    public static func check() throws(Cancelled) {
        if isCancelled { throw Cancelled() }
    }
}
