import CostGateBasics

/// What the submission hook is told: accept or reject, the exit status, and the lines shown to the
/// submitter (sbatch prints them on its standard error).
public struct AdmissionDecision: Sendable, Hashable {
    public enum Verdict: String, Sendable, Hashable {
        case accept = "ACCEPT"
        case reject = "REJECT"
    }

    public var verdict: Verdict
    /// 0 accepted within budget, 1 rejected (or, in warn mode, accepted) over budget, 2 no decision from the
    /// policy: `onError` chose the verdict.
    public var status: ExitStatus
    public var lines: [String]

    public init(verdict: Verdict, status: ExitStatus, lines: [String]) {
        self.verdict = verdict
        self.status = status
        self.lines = lines
    }

    /// The first line, what the submitter reads first (nil when there is nothing to say).
    public var headline: String? { lines.first }

    /// The lines under the headline, without their indentation: one finding or assumption each.
    public var details: [String] {
        lines.dropFirst().map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : $0 }
    }

    /// The protocol `integrations/slurm/job_submit.lua` reads: the verdict alone on the first line, then
    /// the message, one line each. The exit status is not used (Lua 5.1's `io.popen` cannot read it).
    public var output: String {
        ([verdict.rawValue] + lines).joined(separator: "\n") + "\n"
    }
}
