/// A job as slurmctld's `job_submit` hook sees it: the options sbatch resolved (its command line and
/// the script's `#SBATCH` lines, merged by sbatch) and the script, whose `#COSTGATE` lines say what
/// only costgate reads (run time, team, GPU model).
public struct SlurmSubmission: Sendable, Hashable {
    /// sbatch options in their long form, one per element (`--nodes=2-4`, `--gres=gpu:a100:8`, `--time=120`).
    public var options: [String]
    /// The batch script as submitted.
    public var script: String
    /// The display path the job is read under, so findings name it (`job_submit/train.sbatch`: SlurmJob/train).
    public var path: String

    public init(options: [String], script: String, jobName: String?) {
        self.options = options
        self.script = script
        let name = jobName.flatMap { $0.isEmpty ? nil : $0 } ?? "job"
        self.path = "job_submit/\(name).sbatch"
    }

    /// An sbatch script of the resolved options, then the submitted script's `#COSTGATE` lines: the job
    /// exactly as slurmctld will hold it, read by the same reader as any script in a repository.
    public var sbatchText: String {
        var text = "#!/bin/sh\n"
        for option in options where !option.isEmpty {
            text += "#SBATCH \(Self.quoted(option))\n"
        }
        // isNewline, not "\n": a Swift string holds "\r\n" as one character, which "\n" does not split.
        for line in script.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) where line.hasPrefix("#COSTGATE") {
            text += line + "\n"
        }
        return text + "true\n"
    }

    /// One word for sbatch's directive splitter: quoted when it holds a space or a quote.
    package static func quoted(_ option: String) -> String {
        guard option.contains(where: { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" }) else { return option }
        return "\"" + option.replacingOccurrences(of: "\"", with: "") + "\""
    }
}
