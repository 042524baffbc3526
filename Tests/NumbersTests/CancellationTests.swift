import XCTest
@testable import Numbers

final class CancellationTests: XCTestCase {
    func testNoDeadlineNeverCancels() throws {
        XCTAssertNil(Cancellation.deadline)
        XCTAssertFalse(Cancellation.isCancelled)
        XCTAssertNoThrow(try Cancellation.check())
    }

    func testPassedDeadlineCancelsAndIsRestored() throws {
        try Cancellation.withDeadline(Cancellation.now()) {
            XCTAssertTrue(Cancellation.isCancelled)
            XCTAssertThrowsError(try Cancellation.check())
        }
        XCTAssertNil(Cancellation.deadline)
        XCTAssertFalse(Cancellation.isCancelled)
    }

    func testEarlierOuterDeadlineStaysInForce() throws {
        let outer = Cancellation.now()
        try Cancellation.withDeadline(outer) {
            try Cancellation.withDeadline(Cancellation.instant(secondsFromNow: 100)) {
                XCTAssertEqual(Cancellation.deadline, outer)
                XCTAssertTrue(Cancellation.isCancelled)
            }
        }
    }

    func testFutureDeadlineDoesNotCancel() throws {
        try Cancellation.withDeadline(Cancellation.instant(secondsFromNow: 100)) {
            XCTAssertFalse(Cancellation.isCancelled)
        }
        XCTAssertEqual(Cancellation.instant(secondsFromNow: .infinity), UInt64.max)
    }
}
