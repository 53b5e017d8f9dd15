import XCTest
import CostGateTestSupport
@testable import CostGateWorkloads

final class InputCollectorTests: XCTestCase {
    private let tree = MemoryFileSystem(texts: [
        "repo/k8s/job.yaml": "kind: Job\n",
        "repo/k8s/list.JSON": "{}",
        "repo/slurm/train.sbatch": "#!/bin/bash\n#SBATCH --nodes=1\n",
        "repo/README.md": "# not a manifest\n",
        "repo/vendor/chart.yaml": "kind: Pod\n",
        "docs/notes.txt": "nothing\n",
    ])

    func testADirectoryIsWalkedForManifestsAndScriptsInAStableOrder() {
        let (entries, errors) = InputCollector(fileSystem: tree).expand(["repo"])
        XCTAssertEqual(errors, [])
        XCTAssertEqual(entries.map(\.path), ["repo/k8s/job.yaml", "repo/k8s/list.JSON", "repo/slurm/train.sbatch", "repo/vendor/chart.yaml"],
                       "README.md is not an input; extensions are matched whatever their case")
        XCTAssertTrue(entries.allSatisfy { !$0.explicit }, "files found by walking were not named by the user")
    }

    func testANamedFileIsReadWhateverItsExtension() {
        let (entries, errors) = InputCollector(fileSystem: tree).expand(["repo/README.md", "-"])
        XCTAssertEqual(errors, [])
        XCTAssertEqual(entries, [InputCollector.Entry(path: "repo/README.md", explicit: true), InputCollector.Entry(path: "-", explicit: true)])
    }

    func testExclusionsApplyAtAnyDepthAndAnEmptyResultIsAnError() {
        let collector = InputCollector(fileSystem: tree)
        let (entries, errors) = collector.expand(["repo"], excluding: PathExclusion(["vendor/*", "*.sbatch"]))
        XCTAssertEqual(errors, [])
        XCTAssertEqual(entries.map(\.path), ["repo/k8s/job.yaml", "repo/k8s/list.JSON"])

        let (none, excluded) = collector.expand(["repo/k8s"], excluding: PathExclusion(["*"]))
        XCTAssertEqual(none, [])
        XCTAssertEqual(excluded, [.empty("repo/k8s", reason: "every one of its 2 files are excluded")])

        let (_, named) = collector.expand(["repo/k8s/job.yaml"], excluding: PathExclusion(["./repo/k8s/*"]))
        XCTAssertEqual(named, [.empty("repo/k8s/job.yaml", reason: "every path given is excluded: nothing to read")],
                       "excluding everything named never passes as nothing over budget")
    }

    func testADirectoryWithoutManifestsIsAnError() {
        let (entries, errors) = InputCollector(fileSystem: tree).expand(["docs"])
        XCTAssertEqual(entries, [])
        XCTAssertEqual(errors, [.empty("docs", reason: "the directory holds no manifests (*.yaml, *.yml, *.json) or sbatch scripts")])
    }

    func testTheFormatComesFromTheExtensionThenTheContent() throws {
        let files = MemoryFileSystem(texts: [
            "a.yaml": "#SBATCH --nodes=1\n",
            "run.sh": "#!/bin/bash\necho\n  #SBATCH --nodes=1\n",
            "submit": "#!/bin/bash\n#COSTGATE --gpu=a100\n",
        ], stdin: "#!/bin/sh\n#SBATCH -N 2\n")
        let collector = InputCollector(fileSystem: files)
        XCTAssertEqual(try collector.load("a.yaml").format, .yaml, "a .yaml file is YAML even when it starts like a script")
        XCTAssertEqual(try collector.load("run.sh").format, .yaml, "an indented #SBATCH is a comment sbatch never reads")
        XCTAssertEqual(try collector.load("submit").format, .sbatch)
        let stdin = try collector.load("-")
        XCTAssertEqual(stdin.path, "<stdin>")
        XCTAssertEqual(stdin.format, .sbatch)
        XCTAssertThrowsError(try collector.load("missing.yaml")) { error in
            XCTAssertEqual(error as? InputError, .notFound("missing.yaml"))
        }
    }

    func testPathExtensionsIgnoreHiddenFilesAndTrailingSlashes() {
        XCTAssertEqual(InputCollector.pathExtension("k8s/job.YAML"), "yaml")
        XCTAssertEqual(InputCollector.pathExtension("k8s/.yaml"), "")
        XCTAssertEqual(InputCollector.pathExtension(".costgate.yaml"), "yaml")
        XCTAssertEqual(InputCollector.pathExtension("dir.d/Makefile"), "")
        XCTAssertEqual(InputCollector.pathExtension("dir.yml/"), "yml")
        XCTAssertEqual(InputCollector.pathExtension(""), "")
        XCTAssertEqual(InputCollector.pathExtension("///"), "")
        XCTAssertEqual(InputCollector.pathExtension("a/.b/c.Yml//"), "yml")
        for path in ["k8s/job.yaml", "job.yaml", "/abs/dir/", "dir//", "", "/", "///", "a//b", "-"] {
            XCTAssertEqual(InputCollector.fileName(of: path), path.split(separator: "/").last ?? Substring(path), path)
        }
    }

    func testBlankMeansOnlyWhitespace() {
        XCTAssertTrue(InputCollector.isBlank(Array(" \n\t\r\n".utf8)))
        XCTAssertTrue(InputCollector.isBlank([]))
        XCTAssertFalse(InputCollector.isBlank(Array("\n#\n".utf8)))
    }
}
