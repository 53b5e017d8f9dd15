import XCTest
@testable import CostGateWorkloads

final class SbatchOptionParserTests: XCTestCase {
    func testLongShortEqualsAndSpaceForms() throws {
        for text in ["--nodes=4", "--nodes 4", "-N4", "-N 4"] {
            XCTAssertEqual(try sbatchComponent("#SBATCH \(text)\n").nodes, 4...4, text)
        }
        let component = try sbatchComponent("#SBATCH -J train -p gpu,debug -A proj -q high -C 'a100|h100' -n 16 -c 8\n")
        XCTAssertEqual(component.jobName, "train")
        XCTAssertEqual(component.partitions, ["gpu", "debug"])
        XCTAssertEqual(component.account, "proj")
        XCTAssertEqual(component.qos, "high")
        XCTAssertEqual(component.constraint, "a100|h100")
        XCTAssertEqual(component.ntasks, 16)
        XCTAssertEqual(component.cpusPerTask, 8)
    }

    func testSeveralOptionsPerLineAndClusteredShortOptions() throws {
        let component = try sbatchComponent("#SBATCH -t 0:30:00 --exclusive --mem=0 --overcommit --ntasks-per-node=8\n#SBATCH -HvN2\n")
        XCTAssertEqual(component.timeLimit, .minutes(30))
        XCTAssertEqual(component.ntasksPerNode, 8)
        XCTAssertEqual(component.nodes, 2...2)
        XCTAssertTrue(component.exclusive)
    }

    func testAValueMayBeOnTheNextDirectiveLine() throws {
        XCTAssertEqual(try sbatchComponent("#SBATCH --job-name\n#SBATCH train\n").jobName, "train")
    }

    func testARequiredValueIsTakenEvenWhenItLooksLikeAnOption() throws {
        XCTAssertEqual(try sbatchComponent("#SBATCH --job-name --nodes=4\n").jobName, "--nodes=4")
    }

    func testLastOneWins() throws {
        let component = try sbatchComponent("#SBATCH --time=10\n#SBATCH -t 20 --partition=a\n#SBATCH -p b --time=30\n")
        XCTAssertEqual(component.timeLimit, .minutes(30))
        XCTAssertEqual(component.partitions, ["b"])
        XCTAssertEqual(component.optionLocations["time"], sbatchLocation(3, 14))
        XCTAssertEqual(component.optionLocations["partition"], sbatchLocation(3, 9))
    }

    func testExclusiveAndOversubscribe() throws {
        XCTAssertTrue(try sbatchComponent("#SBATCH --exclusive\n").exclusive)
        let user = try sbatchComponent("#SBATCH --exclusive=user\n")
        XCTAssertFalse(user.exclusive)
        XCTAssertEqual(user.exclusiveMode, "user")
        XCTAssertFalse(try sbatchComponent("#SBATCH --exclusive -s\n").exclusive, "the later -s shares the nodes")
        let (_, diagnostics) = parseSbatch("#SBATCH --exclusive=yes\n")
        XCTAssertEqual(sbatchBrief(diagnostics), [
            "1:9: error: invalid --exclusive value 'yes': expected exclusive, allocation, oversubscribe, user, mcs or topo",
        ])
    }

    func testAbbreviatedLongOptions() throws {
        let component = try sbatchComponent("#SBATCH --part=gpu --gpus-per-n=2 --ntasks-per-n=4\n")
        XCTAssertEqual(component.partitions, ["gpu"])
        XCTAssertEqual(component.gpusPerNode, SlurmGPUCount(count: 2))
        XCTAssertEqual(component.ntasksPerNode, 4)
        XCTAssertEqual(try sbatchComponent("#SBATCH --tasks-per-node=4\n").ntasksPerNode, 4, "an alias")
        XCTAssertNotNil(try sbatchComponent("#SBATCH --tasks-per-node=4\n").optionLocations["ntasks-per-node"])
    }

    func testAmbiguousAbbreviation() {
        let (_, diagnostics) = parseSbatch("#SBATCH --mem-per=4G -N 1\n#SBATCH --gre gpu:2\n")
        XCTAssertEqual(sbatchBrief(diagnostics), [
            "1:9: error: ambiguous sbatch option '--mem-per': it abbreviates '--mem-per-cpu', '--mem-per-gpu'",
            "2:9: error: ambiguous sbatch option '--gre': it abbreviates '--gres', '--gres-flags'",
        ])
    }

    func testUnknownOptionWithSuggestion() throws {
        let (script, diagnostics) = parseSbatch("#!/bin/bash\n#SBATCH --nodes=2\n#SBATCH  --gpu-per-node=8\n")
        XCTAssertEqual(sbatchBrief(diagnostics), [
            "3:10: error: unknown sbatch option '--gpu-per-node'; did you mean '--gpus-per-node'?",
        ])
        XCTAssertEqual(diagnostics.first?.ruleID, SlurmRule.unknownOption)
        XCTAssertEqual(script?.components[0].nodes, 2...2, "the rest is still read")

        let (_, misspelt) = parseSbatch("#SBATCH --partiton gpu -N 1\n")
        XCTAssertEqual(sbatchBrief(misspelt), [
            "1:9: error: unknown sbatch option '--partiton'; did you mean '--partition'?",
        ], "the value of a misspelt option is not reported again")
    }

    func testOptionsOfOtherCommands() {
        let (_, diagnostics) = parseSbatch("#SBATCH --cpu-bind=cores\n#SBATCH -I\n")
        XCTAssertEqual(sbatchBrief(diagnostics), [
            "1:9: error: '--cpu-bind' is an option of srun, not sbatch; sbatch rejects it as an invalid directive",
            "2:9: error: unknown sbatch option '-I'",
        ])
    }

    func testEveryManPageOptionIsAccepted() {
        let manPageOptions = [
            "--account=a", "--acctg-freq=task=30", "--array=1-3", "--batch=x", "--bb=spec", "--bbf=file", "--begin=now",
            "--chdir=/tmp", "--cluster-constraint=c", "--clusters=c", "--comment=c", "--consolidate-segments",
            "--constraint=c", "--container=/c", "--container-id=c", "--contiguous", "--core-spec=1", "--cores-per-socket=2",
            "--cpu-freq=high", "--cpus-per-task=2", "--deadline=now+1hour", "--delay-boot=5", "--dependency=singleton",
            "--distribution=block", "--error=e", "--exclude=n1", "--exclusive", "--export=ALL", "--export-file=f",
            "--extra=x", "--extra-node-info=2:4:1", "--get-user-env", "--gid=g", "--gpu-bind=closest", "--gpu-freq=high",
            "--gpus-per-socket=1", "--gres-flags=enforce-binding", "--hint=nomultithread", "--hold", "--ignore-pbs",
            "--input=i", "--job-name=j", "--kill-on-invalid-dep=yes", "--licenses=l", "--mail-type=ALL", "--mail-user=u",
            "--mcs-label=m", "--mem-bind=local", "--mem-update=60", "--mincpus=2", "--network=n", "--nice=5",
            "--no-kill", "--no-requeue", "--nodefile=f", "--nodelist=n1", "--ntasks-per-core=1", "--ntasks-per-gpu=1",
            "--ntasks-per-socket=1", "--oom-kill-step=1", "--open-mode=append", "--output=o", "--overcommit",
            "--oversubscribe", "--parsable", "--prefer=a100", "--priority=1", "--profile=all", "--propagate=ALL",
            "--quiet", "--reboot", "--requeue", "--reservation=r", "--resources=r", "--resv-ports=2", "--runtime=r",
            "--segment=2", "--signal=USR1@120", "--sockets-per-node=2", "--spread-job", "--spread-segments", "--stepmgr",
            "--switches=1", "--thread-spec=1", "--threads-per-core=1", "--time-min=10", "--tmp=10G",
            "--tres-bind=gres/gpu:closest", "--tres-per-task=cpu:2", "--uid=u", "--use-min-nodes", "--verbose", "--wait",
            "--wait-all-nodes=1", "--wckey=w", "--wrap=hostname", "-B 2:4:1", "-D .", "-F f", "-H", "-L l", "-M c",
            "-O", "-Q", "-S 1", "-W", "-b now", "-d singleton", "-e e", "-i i", "-k", "-m block", "-o o", "-s", "-v",
            "-w n1", "-x n2",
        ]
        for option in manPageOptions {
            let (script, diagnostics) = parseSbatch("#SBATCH \(option)\n")
            XCTAssertNotNil(script, option)
            XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [], option)
        }
    }

    func testOptionsThatStopSubmission() {
        let (_, diagnostics) = parseSbatch("#SBATCH --help\n#SBATCH --test-only\n")
        XCTAssertEqual(diagnostics.map(\.severity), [.warning, .warning])
        XCTAssertEqual(diagnostics.map(\.ruleID), [SlurmRule.noSubmission, SlurmRule.noSubmission])
    }

    func testValueErrors() {
        let (_, diagnostics) = parseSbatch("""
        #SBATCH --hold=yes
        #SBATCH foo
        #SBATCH --ntasks=0 -c eight
        #SBATCH --time
        """)
        XCTAssertEqual(sbatchBrief(diagnostics), [
            "1:9: error: option '--hold' takes no value, found 'yes'",
            "2:9: error: 'foo' is not an option; sbatch stops with 'invalid directive found in batch script'",
            "3:9: error: invalid --ntasks value '0': expected a positive integer",
            "3:20: error: invalid --cpus-per-task value 'eight': expected a positive integer",
            "4:9: error: option '--time' needs a value",
        ])
    }

    func testDoubleDashEndsTheOptions() {
        let (script, diagnostics) = parseSbatch("#SBATCH -N 2 -- --ntasks=4\n")
        XCTAssertEqual(script?.components[0].nodes, 2...2)
        XCTAssertNil(script?.components[0].ntasks)
        XCTAssertEqual(sbatchBrief(diagnostics), [
            "1:17: error: '--ntasks=4' is not an option; sbatch stops with 'invalid directive found in batch script'",
        ])
    }

    func testPluginAndRemovedOptionsAreWarnings() throws {
        let (script, diagnostics) = parseSbatch("#SBATCH --container-image nvcr.io/nvidia/pytorch:24.01 --power=level -N 2\n")
        XCTAssertEqual(script?.components[0].nodes, 2...2)
        XCTAssertEqual(diagnostics.map(\.severity), [.warning, .warning])
        XCTAssertEqual(diagnostics.map(\.ruleID), [SlurmRule.pluginOption, SlurmRule.deprecated])
    }
}
