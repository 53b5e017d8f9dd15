import XCTest
@testable import CostGateWorkloads

final class SlurmTimeLimitTests: XCTestCase {
    func testEachFormat() throws {
        XCTAssertEqual(try SlurmTimeLimit.parse("90"), .minutes(90))                 // minutes
        XCTAssertEqual(try SlurmTimeLimit.parse("90:00"), .minutes(90))              // minutes:seconds
        XCTAssertEqual(try SlurmTimeLimit.parse("01:30:00"), .minutes(90))           // hours:minutes:seconds
        XCTAssertEqual(try SlurmTimeLimit.parse("2-12"), .minutes(2 * 1440 + 720))   // days-hours
        XCTAssertEqual(try SlurmTimeLimit.parse("2-12:30"), .minutes(2 * 1440 + 750)) // days-hours:minutes
        XCTAssertEqual(try SlurmTimeLimit.parse("1-00:00:30"), .minutes(1441))       // days-hours:minutes:seconds
        XCTAssertEqual(try SlurmTimeLimit.parse("100:00:00"), .minutes(6000))
        XCTAssertEqual(try SlurmTimeLimit.parse("11:0:0"), .minutes(660))
        XCTAssertEqual(try SlurmTimeLimit.parse("4-0"), .minutes(4 * 1440))
        XCTAssertEqual(try SlurmTimeLimit.parse("1-"), .minutes(1440), "sscanf reads the days and stops")
    }

    func testSecondsRoundUpToTheNextMinute() throws {
        XCTAssertEqual(try SlurmTimeLimit.parse("0:1"), .minutes(1))
        XCTAssertEqual(try SlurmTimeLimit.parse("5:30"), .minutes(6))
        XCTAssertEqual(try SlurmTimeLimit.parse("0:0:59"), .minutes(1))
        XCTAssertEqual(try SlurmTimeLimit.parse("0:1:00"), .minutes(1))
        XCTAssertEqual(try SlurmTimeLimit.parse("0:1:01"), .minutes(2))
        XCTAssertEqual(try SlurmTimeLimit.parse("1-0:0:1"), .minutes(1441))
    }

    func testNoLimitSpellings() throws {
        for text in ["0", "0:0", "0:0:0", "0-0", "-1", "UNLIMITED", "unlimited", "Infinite", "INFINITE"] {
            XCTAssertEqual(try SlurmTimeLimit.parse(text), .unlimited, text)
        }
        XCTAssertNil(SlurmTimeLimit.unlimited.minutes)
        XCTAssertEqual(SlurmTimeLimit.minutes(2).seconds, 120)
    }

    /// The vectors of Slurm's own `testsuite/slurm_unit/common/parse_time-test.c`.
    func testSlurmUnitTestVectors() throws {
        let valid: [(String, Int)] = [
            ("60", 3600), ("60:15", 3615), ("60:0", 3600), ("1:60:15", 7215), ("2:60:15", 10815), ("0:0:15", 15),
            ("0:60:0", 3600), ("0:0:0", 0), ("0-1:60:15", 7215), ("1-1:60:15", 86400 + 7215),
            ("365-1:60:15", 365 * 86400 + 7215), ("365-0:0:0", 365 * 86400),
        ]
        for (text, seconds) in valid {
            XCTAssertEqual(try SlurmTimeLimit.seconds(in: text), seconds, text)
        }
        for text in ["", "INVALID TIME", "60:", "60:-10", "-60:10", "-0:-0:-0", " 0:0:0 "] {
            XCTAssertThrowsError(try SlurmTimeLimit.seconds(in: text), text)
        }
    }

    func testEachInvalidForm() {
        let invalid = [
            "",          // no digits
            "-",         // no digits
            "1h",        // a letter
            "1.5",       // a dot
            "1-2-3",     // two dashes
            "1:2:3:4",   // three colons
            "1:2-3",     // a dash after a colon
            "60:",       // m: needs two digit groups
            ":30",
            "1:2:",      // h:m:s needs three
            "1::3",
            "1-2:",      // d-h:m needs three
            "1-:30",
            "1-2:3:",    // d-h:m:s needs four
            " 5",        // whitespace
            "-5",        // a negative day count
        ]
        for text in invalid {
            XCTAssertThrowsError(try SlurmTimeLimit.parse(text), "'\(text)' should be rejected")
        }
        XCTAssertThrowsError(try SlurmTimeLimit.parse("99999999999")) { error in
            XCTAssertEqual((error as? SlurmError.ValueProblem)?.reason, "the number is too large")
        }
    }

    func testTimeInAScript() throws {
        XCTAssertEqual(try sbatchComponent("#SBATCH -t 3-00:00\n").timeLimit, .minutes(3 * 1440))
        XCTAssertEqual(try sbatchComponent("#SBATCH --time 20:00:00\n").timeLimit, .minutes(1200))
        XCTAssertEqual(try sbatchComponent("#SBATCH --time=0\n").timeLimit, .unlimited)
        XCTAssertEqual(try sbatchComponent("#SBATCH --time-min=30 --time=2:00:00\n").timeMin, .minutes(30))
        let (_, diagnostics) = parseSbatch("#SBATCH --time=1:2:3:4\n")
        XCTAssertEqual(sbatchBrief(diagnostics), [
            "1:9: error: invalid --time value '1:2:3:4': expected minutes, minutes:seconds, hours:minutes:seconds, "
                + "days-hours, days-hours:minutes or days-hours:minutes:seconds",
        ])
    }
}
