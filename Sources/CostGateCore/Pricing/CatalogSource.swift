/// Where a price came from: one extract in `shared/data/pricing`, its upstream file and commit, and
/// how far its date can be trusted. Every `InstanceType` and `AcceleratorPrice` names its source.
public struct CatalogSource: Sendable, Hashable, CustomStringConvertible {
    /// Short stable key, e.g. `skypilot-aws`, `karpenter-aws`, `opencost-defaults`, `override`.
    public var id: String
    /// The extract the generator read (`aws_gpu_vms.csv`); nil for sources outside `shared/data/pricing`.
    public var file: String?
    /// Upstream repository, `owner/name` (empty for user-supplied prices).
    public var repository: String
    /// Upstream file path inside `repository`.
    public var path: String
    /// Upstream commit the rows were copied at (40 hex digits), when known.
    public var commit: String?
    /// A `YYYY-MM-DD` date the data can be tied to; nil when unknown.
    public var date: String?
    /// What `date` means (generation time, last change of the file) or why there is none.
    public var dateNote: String
    /// Licence of the data as far as known.
    public var licence: String

    public init(id: String, file: String? = nil, repository: String, path: String, commit: String? = nil,
                date: String? = nil, dateNote: String, licence: String) {
        self.id = id
        self.file = file
        self.repository = repository
        self.path = path
        self.commit = commit
        self.date = date
        self.dateNote = dateNote
        self.licence = licence
    }

    /// One line: the upstream file as a GitHub URL at its commit, the extract, and the date, e.g.
    /// `https://github.com/skypilot-org/skypilot-catalog/blob/2c3d7ea…/catalogs/v9/aws/vms.csv (aws_gpu_vms.csv), date unknown: …`.
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
