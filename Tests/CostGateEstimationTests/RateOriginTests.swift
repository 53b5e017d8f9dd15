import XCTest
@testable import CostGateEstimation
@testable import CostGateSpot
@testable import CostGateWorkloads

/// The rate's origin is written out only for the spot analysis: its text (the `rateSource` of the
/// JSON and the start of the spot note) must read as it did when it was built for every workload.
final class RateOriginTests: XCTestCase {
    func testEachOriginReadsAsTheSpotFiguresShowIt() throws {
        let h100 = try XCTUnwrap(GPUModel.normalize("h100"))
        XCTAssertEqual(Estimator.RateOrigin.policyRate(model: h100, rate: 0.002).description,
                       "the policy's interruption rate for h100-80gb: 0.002 per instance-hour")
        XCTAssertEqual(Estimator.RateOrigin.policyBand(model: h100, band: .over20, provider: .azure).description,
                       "the policy's interruption band for h100-80gb: 20+% (azure)")
        XCTAssertEqual(Estimator.RateOrigin.policyBand(model: h100, band: .under5, provider: .aws).description,
                       "the policy's interruption band for h100-80gb: <5% (aws)")
        XCTAssertEqual(Estimator.RateOrigin.spotAdvisor(instance: "p5.48xlarge", region: "us-east-1", band: "<5%").description,
                       "AWS Spot Advisor: p5.48xlarge in us-east-1 band <5% a month")
        XCTAssertEqual(Estimator.RateOrigin.unpublished.description,
                       "no published interruption figure for this capacity: default band 10-15% a month")
    }
}
