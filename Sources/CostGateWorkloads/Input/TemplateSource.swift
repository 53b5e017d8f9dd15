import CostGateBasics

/// Sources of manifests that are not manifests yet: Helm chart templates and kustomizations. They
/// are skipped with a note that says how to render them (a YAML error would stop a run on a file
/// that was never meant to be read as it is), and with a warning when they request accelerators.
public enum TemplateSource {
    package static let kustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    /// The note that replaces reading a kustomization, or nil for any other file.
    public static func skipKustomization(_ file: InputFile) -> Diagnostic? {
        guard file.format == .yaml else { return nil }
        let name = InputCollector.fileName(of: file.path)
        guard kustomizationNames.contains(where: { name == $0 }) else { return nil }
        return Diagnostic(.note, at: .wholeFile(file.path),
            "a kustomization, skipped: render it and check the result, e.g. "
            + "'kustomize build \(directory(of: file.path)) | costgate check -'", rule: "template-skipped")
    }

    /// The diagnostic that replaces the errors of a file that holds template actions, or nil when it
    /// holds none (its errors are then its own). Called only for files that did not read cleanly: a
    /// valid manifest with a `{{PLACEHOLDER}}` value stays read.
    public static func skipTemplate(_ file: InputFile) -> Diagnostic? {
        guard file.format == .yaml, isGoTemplate(file.bytes) else { return nil }
        let gpus = mentionsAccelerator(file.bytes)
        return Diagnostic(gpus ? .warning : .note, at: .wholeFile(file.path),
            "a Helm/Go template ({{ … }}), skipped\(gpus ? " although it requests accelerators, so their cost is not counted" : ""): "
            + "render it and check the result, e.g. 'helm template CHART | costgate check -'",
            rule: gpus ? Diagnostic.unreadGPURule : "template-skipped")
    }

    /// `{{` … `}}` outside a quoted string somewhere in the file: a template action, which YAML cannot
    /// read as written (Argo's `"{{inputs.parameters.x}}"` inside quotes is valid YAML and stays read).
    package static func isGoTemplate(_ bytes: [UInt8]) -> Bool {
        var index = 0
        var lineHasQuote = false
        while index + 1 < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { lineHasQuote = false }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { lineHasQuote = true }
            if byte == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{"), !lineHasQuote {
                return true
            }
            index += 1
        }
        return false
    }

    package static func mentionsAccelerator(_ bytes: [UInt8]) -> Bool {
        let needles = ["nvidia.com/gpu", "nvidia.com/mig-", "amd.com/gpu", "google.com/tpu", "aws.amazon.com/neuron", "habana.ai/gaudi"]
            .map { Array($0.utf8) }
        guard bytes.count >= 10 else { return false }
        for start in bytes.indices where bytes[start] == UInt8(ascii: "n") || bytes[start] == UInt8(ascii: "a")
            || bytes[start] == UInt8(ascii: "g") || bytes[start] == UInt8(ascii: "h") {
            for needle in needles where bytes[start...].starts(with: needle) { return true }
        }
        return false
    }

    package static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
