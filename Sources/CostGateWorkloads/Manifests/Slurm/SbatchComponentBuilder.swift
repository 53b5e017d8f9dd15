import CostGateBasics

/// Applies the options of one hetjob component, checking each value as sbatch (or slurmctld) would.
/// Later options overwrite earlier ones; a value sbatch rejects leaves its field unset and becomes an error.
package struct SbatchComponentBuilder {
    private(set) var component: SbatchComponent
    private(set) var errors: [SlurmError] = []
    private(set) var warnings: [Diagnostic] = []
    /// Every option given, valid or not, with where it was last given (sbatch's "set by command line" state).
    private var given: [String: SourceLocation] = [:]

    package init(location: SourceLocation) {
        component = SbatchComponent(location: location)
        // A script gives a dozen options or so: room for them at once, not a rehash at 1, 3, 6 and 12.
        given.reserveCapacity(16)
        component.optionLocations.reserveCapacity(16)
    }

    /// Options whose values costgate reads to price the job; a `$` in them can never be what the author meant.
    package static let costOptions: Set<String> = [
        "time", "time-min", "nodes", "ntasks", "ntasks-per-node", "cpus-per-task", "cpus-per-gpu", "mem", "mem-per-cpu",
        "mem-per-gpu", "gres", "gpus", "gpus-per-node", "gpus-per-task", "array",
    ]

    package mutating func apply(_ occurrence: SbatchOptionParser.Occurrence) {
        let name = occurrence.option.canonicalName
        given[name] = occurrence.location
        component.optionLocations[name] = occurrence.location
        let value = occurrence.value ?? ""
        if !Self.costOptions.contains(name), Self.containsShellVariable(value) {
            warnings.append(Diagnostic(
                .warning, at: occurrence.location,
                "'\(value)' in --\(name) is taken literally: sbatch does not expand shell variables in #SBATCH lines",
                rule: SlurmRule.shellVariable))
        }
        switch name {
        case "time": component.timeLimit = read(occurrence, SlurmTimeLimit.parse)
        case "time-min": component.timeMin = read(occurrence, SlurmTimeLimit.parse)
        case "nodes": component.nodes = read(occurrence, SlurmNumbers.nodeRange)
        case "ntasks": component.ntasks = read(occurrence, SlurmNumbers.positiveInteger)
        case "ntasks-per-node": component.ntasksPerNode = read(occurrence, SlurmNumbers.positiveInteger)
        case "cpus-per-task": component.cpusPerTask = read(occurrence, SlurmNumbers.positiveInteger)
        case "cpus-per-gpu": component.cpusPerGPU = read(occurrence, SlurmNumbers.positiveInteger)
        case "mem": component.memPerNodeMiB = read(occurrence, SlurmNumbers.mebibytes)
        case "mem-per-cpu": component.memPerCPUMiB = read(occurrence, SlurmNumbers.mebibytes)
        case "mem-per-gpu": component.memPerGPUMiB = read(occurrence, SlurmNumbers.mebibytes)
        case "gres": applyGRES(occurrence)
        case "gpus": component.gpus = read(occurrence, SlurmGPUCount.parse)
        case "gpus-per-node": component.gpusPerNode = read(occurrence, SlurmGPUCount.parse)
        case "gpus-per-task": component.gpusPerTask = read(occurrence, SlurmGPUCount.parse)
        case "array": applyArray(occurrence)
        case "partition": component.partitions = value.split(separator: ",").map(String.init)
        case "account": component.account = value
        case "qos": component.qos = value
        case "constraint": component.constraint = value
        case "job-name": component.jobName = value
        case "nodelist": component.nodelist = value
        case "exclusive": applyExclusive(occurrence)
        case "oversubscribe":
            component.exclusive = false
            component.exclusiveMode = "oversubscribe"
        case "help", "usage", "version":
            warnings.append(Diagnostic(
                .warning, at: occurrence.location,
                "with '\(occurrence.written)' sbatch prints information and exits without submitting the job",
                rule: SlurmRule.noSubmission))
        case "test-only":
            warnings.append(Diagnostic(
                .warning, at: occurrence.location,
                "with '\(occurrence.written)' sbatch only estimates when the job would start and does not submit it",
                rule: SlurmRule.noSubmission))
        default:
            break  // accepted by sbatch; nothing costgate needs
        }
    }

    /// Reads a value, turning a rejected one into an error at the option and leaving the field unset.
    private mutating func read<Value>(
        _ occurrence: SbatchOptionParser.Occurrence,
        _ parse: (String) throws(SlurmError.ValueProblem) -> Value
    ) -> Value? {
        let value = occurrence.value ?? ""
        let option = "--\(occurrence.option.canonicalName)"
        if value.contains("$") {
            errors.append(.invalidValue(option: option, value: value,
                                        reason: "sbatch does not expand shell variables in #SBATCH lines",
                                        at: occurrence.location))
            return nil
        }
        do {
            return try parse(value)
        } catch {
            errors.append(.invalidValue(option: option, value: value, reason: error.reason, at: occurrence.location))
            return nil
        }
    }

    private mutating func applyGRES(_ occurrence: SbatchOptionParser.Occurrence) {
        let value = occurrence.value ?? ""
        if ["help", "list"].contains(value.lowercased()) {
            component.gres = []
            warnings.append(Diagnostic(
                .warning, at: occurrence.location,
                "with '--gres=\(value)' sbatch lists the cluster's GRES and exits without submitting the job",
                rule: SlurmRule.noSubmission))
            return
        }
        component.gres = read(occurrence, SlurmGRES.parseList) ?? []
    }

    private mutating func applyArray(_ occurrence: SbatchOptionParser.Occurrence) {
        let value = occurrence.value ?? ""
        switch read(occurrence, SlurmArraySpec.parse) {
        case .none:
            component.array = nil
        case .some(.none):
            component.array = nil
            warnings.append(Diagnostic(.warning, at: occurrence.location,
                                       "empty --array value: slurmctld runs a single job, not an array",
                                       rule: SlurmRule.invalidValue))
        case .some(.some(let parsed)):
            component.array = parsed
            if !parsed.fitsDefaultMaxArraySize {
                let needed = max(parsed.maxIndex, parsed.largestStep) + 1
                warnings.append(Diagnostic(
                    .warning, at: occurrence.location,
                    "--array '\(value)' needs MaxArraySize of at least \(needed); Slurm's default is "
                        + "\(SlurmArraySpec.defaultMaxArraySize), so whether it is accepted depends on the cluster's slurm.conf",
                    rule: SlurmRule.arraySize))
            }
        }
    }

    /// `arg_set_exclusive`: no value, `exclusive` or `allocation` reserve whole nodes; `oversubscribe`, `user`, `mcs`
    /// and `topo` share them in other ways.
    private mutating func applyExclusive(_ occurrence: SbatchOptionParser.Occurrence) {
        guard let value = occurrence.value else {
            component.exclusive = true
            component.exclusiveMode = nil
            return
        }
        switch value.lowercased() {
        case "exclusive", "allocation":
            component.exclusive = true
            component.exclusiveMode = value.lowercased()
        case "oversubscribe", "user", "mcs", "topo":
            component.exclusive = false
            component.exclusiveMode = value.lowercased()
        default:
            errors.append(.invalidValue(option: "--exclusive", value: value,
                                        reason: "expected exclusive, allocation, oversubscribe, user, mcs or topo",
                                        at: occurrence.location))
        }
    }

    /// The combinations sbatch refuses (`_validate_memory_options`, `_validate_cpus_per_tres`) and the one it started
    /// refusing in Slurm 26.05 (`_validate_gres_vs_gpus_per_node`), reported at the option given last.
    package mutating func finish() -> (component: SbatchComponent, errors: [SlurmError], warnings: [Diagnostic]) {
        // sbatch's `_opt_verify`: never more nodes than tasks.
        if let tasks = component.ntasks, let nodes = component.nodes, tasks < nodes.upperBound {
            component.nodes = min(nodes.lowerBound, tasks)...tasks
            if tasks < nodes.lowerBound, let at = given["nodes"] {
                warnings.append(Diagnostic(
                    .warning, at: at,
                    "sbatch cannot run \(tasks) task\(tasks == 1 ? "" : "s") on \(nodes.lowerBound) nodes and lowers "
                        + "--nodes to \(tasks)", rule: SlurmRule.conflictingOptions))
            }
        }
        if component.nodes?.upperBound == 0, let at = given["nodes"] {
            warnings.append(Diagnostic(
                .warning, at: at,
                "--nodes=0 asks for no compute nodes (Slurm allows it only for a burst-buffer-only job): nothing of this "
                    + "component is priced", rule: SlurmRule.invalidValue))
        }
        let memory = ["mem", "mem-per-cpu", "mem-per-gpu"].filter { given[$0] != nil }
        if memory.count > 1, let last = memory.compactMap({ given[$0] }).max() {
            errors.append(.conflictingOptions(memory.map { "--\($0)" }, at: last))
        }
        if let task = given["cpus-per-task"], let gpu = given["cpus-per-gpu"] {
            errors.append(.conflictingOptions(["--cpus-per-task", "--cpus-per-gpu"], at: max(task, gpu)))
        }
        if let perNode = given["gpus-per-node"], let gres = given["gres"], component.gresGPUsPerNode != nil {
            warnings.append(Diagnostic(
                .warning, at: max(perNode, gres),
                "'--gpus-per-node' and '--gres=gpu' are mutually exclusive since Slurm 26.05, whose sbatch rejects the "
                    + "script; costgate counts '--gpus-per-node'",
                rule: SlurmRule.conflictingOptions))
        }
        return (component, errors, warnings)
    }

    /// A `$NAME`, `${…}` or `$(…)` a shell would have expanded.
    package static func containsShellVariable(_ text: String) -> Bool {
        let characters = Array(text)
        for (index, character) in characters.enumerated() where character == "$" && index + 1 < characters.count {
            let next = characters[index + 1]
            if next == "{" || next == "(" || next == "_" || (next.isASCII && next.isLetter) { return true }
        }
        return false
    }
}
