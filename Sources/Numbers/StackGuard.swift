#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much of the current thread's stack is left, so that recursive evaluation can stop with a
/// clean error instead of overflowing the stack.
///
/// The lowest address of each thread's stack is read once per thread (`pthread_getattr_np`) and
/// cached thread-locally; afterwards `remainingBytes` costs one thread-local read.
///
/// - Invariant: when the stack bounds cannot be read, `remainingBytes` is `Int.max` (no guard).
public enum StackGuard {
    nonisolated(unsafe) static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()

    #if canImport(Glibc)
    /// `pthread_getattr_np` (a GNU extension the Swift Glibc module does not export), looked up
    /// once.
    typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
    nonisolated(unsafe) static let getattr: GetAttr? = {
        guard let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return nil }
        return unsafeBitCast(f, to: GetAttr.self)
    }()
    #endif

    /// The lowest address of the current thread's stack (0 when unknown).
    static var lowestAddress: UInt {
        if let p = pthread_getspecific(key) { return UInt(bitPattern: p) }
        var low: UInt = 0
        #if canImport(Glibc)
        var attr = pthread_attr_t()
        if let getattr = StackGuard.getattr, getattr(pthread_self(), &attr) == 0 {
            var address: UnsafeMutableRawPointer? = nil
            var size = 0
            if pthread_attr_getstack(&attr, &address, &size) == 0, let a = address {
                low = UInt(bitPattern: a)
            }
            pthread_attr_destroy(&attr)
        }
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = UInt(pthread_get_stacksize_np(pthread_self()))
        low = top > size ? top - size : 0
        #endif
        // 1 marks "unknown" so that the look-up is not repeated.
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: low == 0 ? 1 : low))
        return low == 0 ? 1 : low
    }

    /// The address of a local of the caller's frame (approximately the stack pointer).
    @inline(never)
    public static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// Bytes of stack between the current frame and the end of the thread's stack.
    public static var remainingBytes: Int {
        let low = lowestAddress
        guard low > 1 else { return Int.max }
        let sp = currentAddress()
        return sp > low ? Int(sp - low) : 0
    }
}
