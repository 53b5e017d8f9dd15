import XCTest
@testable import CostGateWorkloads

final class TemplateSourceTests: XCTestCase {
    private func skipped(_ path: String, format: InputFile.Format = .yaml) -> Bool {
        TemplateSource.skipKustomization(InputFile(path: path, bytes: Array("resources: []\n".utf8), format: format)) != nil
    }

    /// A kustomization is known by its file's name alone: the last component of the path, whole.
    func testKustomizationsAreKnownByTheirFileName() {
        for path in ["kustomization.yaml", "overlay/kustomization.yaml", "/repo/base/kustomization.yml", "a/b/Kustomization",
                     "overlay/kustomization.yaml/"] {
            XCTAssertTrue(skipped(path), path)
        }
        for path in ["my-kustomization.yaml", "kustomization.yaml.bak", "overlay/Kustomization.yaml", "kustomization/deploy.yaml",
                     "kustomization", "", "/", "///"] {
            XCTAssertFalse(skipped(path), path)
        }
        XCTAssertFalse(skipped("overlay/kustomization.yaml", format: .sbatch), "only YAML files are kustomizations")
    }

    func testTheNoteSaysHowToRenderIt() throws {
        let note = try XCTUnwrap(TemplateSource.skipKustomization(InputFile(path: "deploy/overlay/kustomization.yaml", bytes: [],
                                                                            format: .yaml)))
        XCTAssertEqual(note.severity, .note)
        XCTAssertTrue(note.message.contains("'kustomize build deploy/overlay | costgate check -'"), note.message)
    }
}
