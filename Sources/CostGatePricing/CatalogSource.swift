/// Where a price came from: one extract in `shared/data/pricing`, its upstream file and commit, and
/// how far its date can be trusted. Every `InstanceType` and `AcceleratorPrice` names its source.
public struct CatalogSource: Sendable, Hashable, CustomStringConvertible {
    /// Short stable key, e.g. `skypilot-aws`, `karpenter-aws`, `opencost-defaults`, `override`.
    public var id: String { box.fields.id }
    /// The extract the generator read (`aws_gpu_vms.csv`); nil for sources outside `shared/data/pricing`.
    public var file: String? { box.fields.file }
    /// Upstream repository, `owner/name` (empty for user-supplied prices).
    public var repository: String { box.fields.repository }
    /// Upstream file path inside `repository`.
    public var path: String { box.fields.path }
    /// Upstream commit the rows were copied at (40 hex digits), when known.
    public var commit: String? { box.fields.commit }
    /// A `YYYY-MM-DD` date the data can be tied to; nil when unknown.
    public var date: String? { box.fields.date }
    /// What `date` means (generation time, last change of the file) or why there is none.
    public var dateNote: String { box.fields.dateNote }
    /// Licence of the data as far as known.
    public var licence: String { box.fields.licence }

    private struct Fields: Hashable, Sendable {
        var id: String
        var file: String?
        var repository: String
        var path: String
        var commit: String?
        var date: String?
        var dateNote: String
        var licence: String
    }

    /// The fields behind one immutable reference. Every instance type, price and Spot Advisor entry
    /// carries its source, and the catalog copies those values thousands of times: with the strings
    /// inline, each copy retained and released six of them.
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private let box: Box

    public init(id: String, file: String? = nil, repository: String, path: String, commit: String? = nil,
                date: String? = nil, dateNote: String, licence: String) {
        box = Box(Fields(id: id, file: file, repository: repository, path: path, commit: commit, date: date,
                         dateNote: dateNote, licence: licence))
    }

    public static func == (lhs: CatalogSource, rhs: CatalogSource) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.fields)
    }

    public var description: String {
        guard !repository.isEmpty else { return "\(path) (\(dateNote))" }
        var text = "https://github.com/\(repository)/blob/\(commit ?? "HEAD")/\(path)"
        if let file { text += " (\(file))" }
        text += ", " + (date.map { "dated \($0)" } ?? "date unknown") + ": \(dateNote)"
        return text
    }

    /// OpenCost's default custom pricing, the source of the CPU and memory rates.
    public static let openCostDefaults = CatalogSource(
        id: "opencost-defaults", repository: "opencost/opencost", path: "configs/default.json",
        commit: "0d1f69cc975b293bfc8e4d26e71880c8bddb8895",
        dateNote: "\"Default prices based on GCP us-central1\"; configs/aws.json and configs/azure.json carry the same "
            + "CPU and RAM values; GCP n1/a2 host rows in us-central1 equal them",
        licence: "Apache-2.0")

    /// A price the user supplied (a `--prices` file); `note` says where.
    public static func override(_ note: String) -> CatalogSource {
        CatalogSource(id: "override", repository: "", path: note, dateNote: "user-supplied price", licence: "n/a")
    }
}
