import CostGateBasics

/// Puts the pieces together: directive lines, then each hetjob component's options, then `#COSTGATE`.
package struct SbatchScriptParser {
    package let file: String

    package func parse(_ text: String) -> (script: SbatchScript?, diagnostics: [Diagnostic]) {
        let scanned = SbatchDirectiveLexer(file: file).scan(text)
        var diagnostics = scanned.diagnostics

        // sbatch gathers the words of all lines of a component into one argument vector, so an option's value
        // may be the first word of the next line.
        var componentLines: [[SbatchDirectiveLine]] = [[]]
        var costgate = CostGateDirectives()
        for line in scanned.lines {
            if line.kind == .costgate {
                diagnostics += costgate.apply(line.words).map(\.diagnostic)
                continue
            }
            if line.startsComponent { componentLines.append([]) }
            componentLines[componentLines.count - 1].append(line)
        }

        var components: [SbatchComponent] = []
        for (index, lines) in componentLines.enumerated() {
            let location = lines.first?.location
                ?? (index == 0 ? SourceLocation(file: file, line: 1, column: 1) : components[index - 1].location)
            var builder = SbatchComponentBuilder(location: location)
            let parsed = SbatchOptionParser().parse(lines.flatMap(\.words))
            for occurrence in parsed.occurrences { builder.apply(occurrence) }
            let finished = builder.finish()
            diagnostics += parsed.errors.map(\.diagnostic) + parsed.warnings
            diagnostics += finished.errors.map(\.diagnostic) + finished.warnings
            components.append(finished.component)
        }

        diagnostics.sort()
        guard !scanned.hasUnreadableLine else { return (nil, diagnostics) }
        let script = SbatchScript(file: file, components: components, costgate: costgate,
                                  firstCommandLine: scanned.firstCommandLine)
        return (script, diagnostics)
    }
}
