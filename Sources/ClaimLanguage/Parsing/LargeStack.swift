import Foundation

/// Runs work that recurses as deep as the nesting limits allow (reading JSON nested 512 levels,
/// parsing an expression 512 levels deep) on a thread of its own with a large stack, so that it
/// cannot overflow the caller's stack, which may be small (a worker thread's). Other stages that
/// walk a deep tree recursively can use it too.
public enum LargeStack {
    /// The stack of the thread: reserved address space, committed only as it is used.
    public static let size = 64 << 20

    final class Box<T>: @unchecked Sendable {
        var result: Result<T, ClaimError>?
        let body: () throws(ClaimError) -> T
        init(_ body: @escaping () throws(ClaimError) -> T) { self.body = body }
    }

    /// `body()`, run on a thread with a `size`-byte stack; the caller waits for it.
    public static func run<T>(_ body: @escaping () throws(ClaimError) -> T) throws(ClaimError) -> T {
        let box = Box(body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result { () throws(ClaimError) -> T in try box.body() }
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        return try box.result!.get()
    }
}
