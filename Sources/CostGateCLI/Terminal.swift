import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the CLI writes: standard output for reports, standard error for diagnostics and progress.
struct Terminal {
    var colorOutput: Bool
    var colorErrors: Bool

    static func detect(noColor: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> Terminal {
        let allowed = !noColor && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        return Terminal(colorOutput: allowed && isatty(STDOUT_FILENO) == 1, colorErrors: allowed && isatty(STDERR_FILENO) == 1)
    }

    /// Writes the report; a failed write (a full disk, a closed descriptor) is an error, never a silent
    /// truncation that could pass for a complete report.
    func out(_ text: String) throws(OutputError) {
        var text = text
        // Straight from the string's UTF-8 storage: a report can be megabytes, and copying it into
        // Data first cost a serial pass over all of it.
        var failure: OutputError?
        text.withUTF8 { buffer in
            do throws(OutputError) { try write(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes a report already encoded as UTF-8.
    func out(bytes: [UInt8]) throws(OutputError) {
        var failure: OutputError?
        bytes.withUnsafeBufferPointer { buffer in
            do throws(OutputError) { try write(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes a report made of consecutive pieces through one small buffer: joining megabytes of
    /// pieces into one array first cost a copy into fresh pages, and a `write` per piece a system
    /// call each.
    func out(chunks: [[UInt8]]) throws(OutputError) {
        let capacity = 1 << 18
        var buffer: [UInt8] = []
        buffer.reserveCapacity(capacity)
        for chunk in chunks {
            if buffer.count + chunk.count > capacity && !buffer.isEmpty {
                try out(bytes: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
            if chunk.count >= capacity {
                try out(bytes: chunk)
            } else {
                buffer.append(contentsOf: chunk)
            }
        }
        try out(bytes: buffer)
    }

    private func write(_ buffer: UnsafeBufferPointer<UInt8>) throws(OutputError) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(STDOUT_FILENO, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `path:line:column: severity: message [rule]`, the severity coloured on a terminal.
    func render(_ diagnostic: Diagnostic) -> String {
        guard colorErrors else { return diagnostic.rendered + "\n" }
        let code: String
        switch diagnostic.severity {
        case .error: code = "31"
        case .warning: code = "33"
        case .note: code = "36"
        }
        var text = "\u{1B}[1m\(diagnostic.location):\u{1B}[0m \u{1B}[1;\(code)m\(diagnostic.severity.rawValue):\u{1B}[0m \(diagnostic.message)"
        if let rule = diagnostic.ruleID { text += " [\(rule)]" }
        return text + "\n"
    }
}

import CostGateCore
import CostGateBasics

/// The report could not be written to standard output (exit 70: nothing the input did).
struct OutputError: Error, CustomStringConvertible {
    var reason: String
    var description: String { "cannot write the report to standard output: \(reason)" }
}
