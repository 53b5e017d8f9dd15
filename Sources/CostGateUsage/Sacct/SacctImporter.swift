import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGatePricing

/// SLURM job accounting as printed by
///
///     TZ=UTC sacct -a -X --parsable2 --noheader --noconvert \
///         --format=JobID,JobName,Account,Partition,AllocTRES,ElapsedRaw,State,Start,End
///
/// (add `-S 2026-11-01 -E 2026-12-01` for a month). One line per allocation, fields separated by `|`
/// without a trailing one (`-P`); a trailing `|` (`-p`), blank lines and a header line are tolerated.
///
/// * Step lines (a JobID with `.`: `123.batch`, `123.0`, printed without `-X`) are skipped; array
///   tasks (`123_4`) and heterogeneous-job components (`123+0`) are separate records.
/// * GPUs are `gres/gpu` from `AllocTRES` (or the sum of the typed `gres/gpu:<type>` counts when the
///   untyped one is missing); the GPU type is the typed key's. GPU-hours = GPUs × ElapsedRaw / 3600.
/// * Cost: the partition's rate (`pricing.partitionRates`: per GPU-hour × GPUs + per vCPU-hour × `cpu`
///   + per GiB-hour × `mem`, times hours); else, for typed GPUs, the catalog's on-demand price of the
///   type on `pricing.provider` plus the catalog's CPU and memory rates (noted); else an error at the
///   row's `Partition` naming the partition to add to the policy's `pricing.partitions`.
/// * State: every job that ran was billed for its `ElapsedRaw` (COMPLETED, FAILED, TIMEOUT, CANCELLED,
///   OUT_OF_MEMORY, NODE_FAIL, PREEMPTED, …); RUNNING counts the time elapsed so far (noted); PENDING
///   jobs and jobs with `ElapsedRaw` 0 (cancelled before they started) yield no record.
/// * Month: the job's `Start`. sacct prints local time without a zone; costgate reads it as UTC, hence
///   `TZ=UTC` in the command. A job is charged whole to the month it started in.
///
/// A malformed field is an error at its `file:line:column` naming the field; the other rows are kept.
public enum SacctImporter {
    /// The `--format` costgate expects, in this order.
    public static let fields = ["JobID", "JobName", "Account", "Partition", "AllocTRES", "ElapsedRaw", "State", "Start", "End"]

    /// The command whose output `read` expects.
    public static let command = "TZ=UTC sacct -a -X --parsable2 --noheader --noconvert --format=" + fields.joined(separator: ",")

    private enum Column: Int {
        case jobID, jobName, account, partition, allocTRES, elapsedRaw, state, start, end
    }

    /// One `|`-separated field and its 1-based column.
    private struct Field {
        var text: String
        var column: Int
    }

    public static func read(_ bytes: [UInt8], file: String, pricing: PricingSettings) -> UsageReading {
        var reading = UsageReading()
        var stepLines = 0
        var notRun = 0
        var lineNumber = 0
        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine[...]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            var fields = split(line)
            let place = { (column: Int) in SourceLocation(file: file, line: lineNumber, column: column) }

            if fields.first?.text == "JobID" || fields.first?.text == "JobIDRaw" {
                let names = fields.map(\.text).filter { !$0.isEmpty }
                if names != Self.fields {
                    reading.diagnostics.append(Diagnostic(.error, at: place(1),
                        "the header lists \(names.joined(separator: ",")); costgate reads the output of '\(command)'", rule: "usage"))
                    return reading
                }
                continue   // a header from a run without --noheader, in the expected order
            }
            if fields.count > Self.fields.count, fields.last?.text.isEmpty == true { fields.removeLast() }   // `-p`
            guard fields.count >= Self.fields.count else {
                reading.diagnostics.append(Diagnostic(.error, at: place(1),
                    "expected \(Self.fields.count) '|'-separated fields (\(Self.fields.joined(separator: ","))), found \(fields.count); "
                    + "run '\(command)'", rule: "usage"))
                continue
            }
            var notes: [String] = []
            if fields.count > Self.fields.count {
                // Only the job name is free text: a `|` in it splits it (sacct does not escape it).
                let extra = fields.count - Self.fields.count
                let name = fields[1...(1 + extra)].map(\.text).joined(separator: "|")
                fields.replaceSubrange(1...(1 + extra), with: [Field(text: name, column: fields[1].column)])
                notes.append("the job name contains '|'; read as '\(name)'")
            }
            func field(_ column: Column) -> Field { fields[column.rawValue] }
            func error(_ column: Column, _ message: String, offset: Int = 0) {
                reading.diagnostics.append(Diagnostic(.error, at: place(field(column).column + offset), message, rule: "usage"))
            }

            let jobID = field(.jobID).text
            guard !jobID.isEmpty else { error(.jobID, "JobID is empty"); continue }
            if jobID.contains(".") {
                stepLines += 1
                continue
            }
            let stateWord = SacctJobState.word(field(.state).text)
            let state = SacctJobState(stateWord)
            if state == .pending {
                notRun += 1
                continue
            }
            guard let seconds = UsageNumber.count(field(.elapsedRaw).text[...]) else {
                error(.elapsedRaw, "ElapsedRaw '\(field(.elapsedRaw).text)' is not a number of seconds")
                continue
            }
            if seconds == 0 {
                notRun += 1
                continue
            }
            switch state {
            case .active:
                notes.append("still \(stateWord) at export: the \(seconds) s elapsed so far are counted")
            case .unknown:
                reading.diagnostics.append(Diagnostic(.warning, at: place(field(.state).column),
                    "State '\(field(.state).text)' is not a Slurm job state costgate knows; its ElapsedRaw is counted", rule: "usage"))
            case .ended, .pending:
                break
            }
            let tres: TRES
            do {
                tres = try TRES.parse(field(.allocTRES).text)
            } catch {
                reading.diagnostics.append(Diagnostic(.error, at: place(field(.allocTRES).column + error.offset), error.message,
                                                      rule: "usage"))
                continue
            }
            guard let start = UsageTimestamp.parse(field(.start).text, zone: .optionalUTC) else {
                let text = field(.start).text
                error(.start, ["Unknown", "None", ""].contains(text)
                    ? "Start '\(text)' is not a date, yet the job ran for \(seconds) s"
                    : "Start '\(text)' is not a date (YYYY-MM-DDTHH:MM:SS)")
                continue
            }
            var end: Date?
            let endText = field(.end).text
            if !["Unknown", "None", ""].contains(endText) {
                guard let parsed = UsageTimestamp.parse(endText, zone: .optionalUTC) else {
                    error(.end, "End '\(endText)' is not a date (YYYY-MM-DDTHH:MM:SS)")
                    continue
                }
                end = parsed
            }

            let partition = field(.partition).text.isEmpty ? nil : field(.partition).text
            let gpus = tres.gpus
            let hours = DecimalMath.hours(seconds: Decimal(seconds))
            var model: GPUModel?
            if tres.typedGPUs.count == 1 { model = GPUModel.normalize(tres.typedGPUs[0].type) }
            let cost: Decimal
            switch price(tres, partition: partition, pricing: pricing) {
            case .success(let priced):
                cost = priced.hourly * Decimal(seconds) / 3600
                notes += priced.notes
            case .failure(let problem):
                error(.partition, problem.message)
                continue
            }
            reading.records.append(UsageRecord(
                source: .sacct, location: place(1), id: jobID, name: field(.jobName).text.isEmpty ? nil : field(.jobName).text,
                start: start, end: end, month: CalendarMonth(containing: start), cost: cost,
                gpuHours: Decimal(gpus) * hours, gpuModel: model,
                attribution: UsageAttribution(account: field(.account).text.isEmpty ? nil : field(.account).text, partition: partition),
                notes: notes))
        }
        if stepLines > 0 {
            reading.diagnostics.append(Diagnostic(.note, at: .wholeFile(file),
                "\(stepLines) job step line\(stepLines == 1 ? "" : "s") skipped (their allocation's line counts; -X prints allocations only)",
                rule: "usage"))
        }
        if notRun > 0 {
            reading.diagnostics.append(Diagnostic(.note, at: .wholeFile(file),
                "\(notRun) job\(notRun == 1 ? "" : "s") that never ran (PENDING, or ElapsedRaw 0) left out", rule: "usage"))
        }
        return reading
    }

    /// A line's fields with their 1-based columns (characters, not bytes).
    private static func split(_ line: ArraySlice<UInt8>) -> [Field] {
        var fields: [Field] = []
        var current: [UInt8] = []
        var column = 1          // the column of the next character
        var fieldColumn = 1
        for byte in line {
            if byte == UInt8(ascii: "|") {
                fields.append(Field(text: String(decoding: current, as: UTF8.self), column: fieldColumn))
                current = []
                column += 1
                fieldColumn = column
                continue
            }
            current.append(byte)
            if byte & 0xC0 != 0x80 { column += 1 }
        }
        fields.append(Field(text: String(decoding: current, as: UTF8.self), column: fieldColumn))
        return fields
    }

    private struct Priced {
        var hourly: Decimal
        var notes: [String]
    }

    private struct PriceProblem: Error {
        var message: String
    }

    /// USD per hour of the job's allocation.
    private static func price(_ tres: TRES, partition: String?, pricing: PricingSettings) -> Result<Priced, PriceProblem> {
        let cpus = Decimal(tres.cpus ?? 0)
        let memory = tres.memoryGiB ?? 0
        if let partition, let rate = pricing.partitionRates[partition] {
            let hourly = Decimal(tres.gpus) * rate.perAcceleratorHour + cpus * rate.perVCPUHour + memory * rate.perGiBHour
            return .success(Priced(hourly: hourly, notes: ["priced at partition '\(partition)' rates from \(pricing.ratesOrigin)"]))
        }
        let add = partition.map { "add a rate for partition '\($0)' to the policy's pricing.partitions" }
            ?? "the job names no partition to price"
        guard tres.gpus > 0 else {
            // CPU-only jobs are most of a cluster's rows: priced at the catalog's CPU and memory rates, never an error.
            let rates = pricing.catalog.rates(provider: pricing.provider)
            return .success(Priced(hourly: cpus * rates.cpuPerVCPUHour + memory * rates.memoryPerGiBHour,
                                   notes: ["CPU-only job with no rate for partition '\(partition ?? "")': CPU and memory at the "
                                           + "\(pricing.provider.rawValue) catalog rates (\(add))"]))
        }
        let unnamed = tres.gpus - tres.typedGPUs.reduce(0) { $0 + $1.count }
        var groups: [(model: GPUModel, count: Int, raw: String?)] = []
        for typed in tres.typedGPUs {
            guard let model = GPUModel.normalize(typed.type) else {
                return .failure(PriceProblem(message: "no rate for partition '\(partition ?? "")', and GPU type '\(typed.type)' is not a model "
                                             + "costgate knows; \(add)"))
            }
            groups.append((model, typed.count, typed.type))
        }
        if unnamed > 0 {
            guard let fallback = pricing.defaultGPU else {
                return .failure(PriceProblem(message: "no rate for partition '\(partition ?? "")', and AllocTRES names no GPU type "
                                             + "(gres/gpu:<type>) to price at catalog prices; \(add)"))
            }
            groups.append((fallback, unnamed, nil))
        }
        let nodes = max(tres.nodes ?? 1, 1)
        let perNode = tres.gpus % nodes == 0 ? tres.gpus / nodes : nil
        let rates = pricing.catalog.rates(provider: pricing.provider)
        var hourly = cpus * rates.cpuPerVCPUHour + memory * rates.memoryPerGiBHour
        var notes: [String] = []
        for group in groups {
            guard let price = pricing.catalog.acceleratorPrice(model: group.model, provider: pricing.provider, region: pricing.region,
                                                              perNode: perNode) else {
                return .failure(PriceProblem(message: "no rate for partition '\(partition ?? "")', and the \(pricing.provider.rawValue) catalog "
                                             + "has no price for \(group.model.id); \(add)"))
            }
            hourly += Decimal(group.count) * price.onDemandPerHour
            let origin = group.raw == nil ? " (the default GPU; AllocTRES names no type)" : ""
            notes.append("no rate for partition '\(partition ?? "")': \(group.count) × \(group.model.id)\(origin) at the "
                         + "\(pricing.provider.rawValue) \(price.region) on-demand price \(MoneyFormat.rate(price.onDemandPerHour)) per GPU")
            if let raw = group.raw, let note = GPUModel.normalizationNote(raw) { notes.append(note) }
        }
        notes.append("CPU and memory at the \(pricing.provider.rawValue) catalog rates")
        return .success(Priced(hourly: hourly, notes: notes))
    }
}
