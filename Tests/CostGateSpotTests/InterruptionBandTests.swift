import Foundation
import XCTest
@testable import CostGateSpot

/// Spec §3.1: bands, provider windows and the table of rates.
final class InterruptionBandTests: XCTestCase {
    /// (AWS spelling, Azure spelling, mid f, upper f, AWS λ mid, AWS MTBI h, Azure λ mid, Azure MTBI h), typed from §3.1.
    private let table: [(String, String, Double, Double, Double, Double, Double, Double)] = [
        ("<5%", "0-5", 0.025, 0.05, 3.468193e-05, 28_833.5, 0.025318, 39.50),
        ("5-10%", "5-10", 0.075, 0.10, 1.067966e-04, 9_363.6, 0.077962, 12.83),
        ("10-15%", "10-15", 0.125, 0.15, 1.829197e-04, 5_466.9, 0.133531, 7.49),
        ("15-20%", "15-20", 0.175, 0.20, 2.635231e-04, 3_794.7, 0.192372, 5.20),
        (">20%", "20+", 0.25, 0.30, 3.940850e-04, 2_537.5, 0.287682, 3.48),
    ]

    func testBandTable() throws {
        for (aws, azure, mid, upper, awsRate, awsMTBI, azureRate, azureMTBI) in table {
            let band = try XCTUnwrap(InterruptionBand(spelling: aws))
            XCTAssertEqual(InterruptionBand(spelling: azure), band)
            XCTAssertEqual(band.spelling(for: .azure), azure + "%")
            XCTAssertEqual(band.spelling(for: .aws), aws)
            XCTAssertEqual(band.fraction(.mid), mid)
            XCTAssertEqual(band.fraction(.upper), upper)
            let awsLambda = InterruptionSource.band(band, provider: .aws).ratePerInstanceHour
            XCTAssertEqual(awsLambda, awsRate, accuracy: awsRate * 1e-6, aws)
            XCTAssertEqual(1 / awsLambda, awsMTBI, accuracy: 0.06, aws)
            let azureLambda = InterruptionSource.band(band, provider: .azure).ratePerInstanceHour
            XCTAssertEqual(azureLambda, azureRate, accuracy: 1e-6, azure)
            XCTAssertEqual(1 / azureLambda, azureMTBI, accuracy: 0.006, azure)
            XCTAssertEqual(InterruptionSource.band(band, provider: .generic).ratePerInstanceHour, awsLambda)
        }
    }

    func testRateIsMinusLog1pOverWindow() {
        XCTAssertEqual(InterruptionBand.from10To15.ratePerInstanceHour(windowHours: 730), -log1p(-0.125) / 730)
        XCTAssertEqual(InterruptionBand.over20.ratePerInstanceHour(windowHours: 730, estimate: .upper), -log1p(-0.30) / 730)
    }

    func testAllSpellings() {
        let spellings: [String: InterruptionBand] = [
            "<5%": .under5, "0-5%": .under5, "0-5": .under5,
            "5-10%": .from5To10, "5-10": .from5To10,
            "10-15%": .from10To15, "10-15": .from10To15,
            "15-20%": .from15To20, "15-20": .from15To20,
            ">20%": .over20, "20+%": .over20, "20+": .over20, " 10-15% ": .from10To15,
        ]
        for (text, band) in spellings {
            XCTAssertEqual(InterruptionBand(spelling: text), band, text)
        }
        for text in ["", "5%", "high", "10-20%", "20%"] {
            XCTAssertNil(InterruptionBand(spelling: text), text)
        }
    }

    func testProviderWindowsAndOverride() {
        XCTAssertEqual(SpotProvider.aws.defaultWindowHours, 730)
        XCTAssertEqual(SpotProvider.azure.defaultWindowHours, 1)
        XCTAssertEqual(SpotProvider.generic.defaultWindowHours, 730)
        let azureMonthly = InterruptionSource.band(.from15To20, provider: .azure, windowHours: 730)
        XCTAssertEqual(azureMonthly.effectiveWindowHours, 730)
        XCTAssertEqual(azureMonthly.ratePerInstanceHour * 730, InterruptionSource.band(.from15To20, provider: .azure).ratePerInstanceHour,
                       accuracy: 1e-15, "reading an Azure band as monthly understates it 730-fold")
    }

    func testGangScalesTheRate() throws {
        let job = try SpotJob(workHours: 10, nodes: 128, interruption: .band(.over20, provider: .aws),
                              priceSpotPerHour: 1, priceOnDemandPerHour: 2)
        XCTAssertEqual(1 / job.jobRatePerHour, 2537.5 / 128, accuracy: 0.01, "M = 19.8 h")
    }

    func testDecodingTheInterruptionObject() throws {
        func decode(_ json: String) throws -> InterruptionSource {
            try JSONDecoder().decode(InterruptionSource.self, from: Data(json.utf8))
        }
        XCTAssertEqual(try decode(#"{"rate_per_instance_hour": 0.02}"#), .rate(perInstanceHour: 0.02))
        XCTAssertEqual(try decode(#"{"band": "15-20", "provider": "azure"}"#), .band(.from15To20, provider: .azure))
        XCTAssertEqual(try decode(#"{"band": ">20%", "provider": "aws", "estimate": "upper", "window_hours": 720}"#),
                       .band(.over20, provider: .aws, windowHours: 720, estimate: .upper))
        XCTAssertThrowsError(try decode(#"{"band": "10-15 percent", "provider": "aws"}"#)) { error in
            guard case SpotError.unknownBand(_, let spelling)? = error as? SpotError else { return XCTFail("\(error)") }
            XCTAssertEqual(spelling, "10-15 percent")
            XCTAssertTrue((error as! SpotError).message.contains("did you mean '10-15%'?"), (error as! SpotError).message)
        }
        XCTAssertThrowsError(try decode(#"{"band": "5-10", "provider": "gcp"}"#)) { error in
            XCTAssertEqual(error as? SpotError, .unknownProvider(field: "interruption.provider", name: "gcp"))
        }
        XCTAssertThrowsError(try decode(#"{"rate_per_instance_hour": 0.1, "band": "5-10"}"#)) { error in
            XCTAssertEqual(error as? SpotError, .ambiguousInterruption(field: "interruption"))
        }
        XCTAssertThrowsError(try decode(#"{"rate_per_instance_hour": -1}"#))
    }
}
