/// Every workload of an input set, held as each file's own array and numbered across them, so the
/// set is joined and priced as one list without copying each workload into a flat array (a copy is
/// a retain per string, array and dictionary a workload holds: milliseconds, serial, at thousands).
struct WorkloadTable: Sendable {
    private var files: [[Workload]] = []
    /// (file, index in that file) of each workload, in input order.
    private var places: [(file: Int, index: Int)] = []

    /// Takes over one file's workloads (its array is moved in, not copied).
    mutating func append(_ workloads: consuming [Workload]) {
        let file = files.count
        for index in workloads.indices { places.append((file, index)) }
        files.append(workloads)
    }

    /// Each file's workloads, in input order, handed over (the table is used up).
    consuming func takeFiles() -> [[Workload]] {
        files
    }

    var count: Int { places.count }
    var indices: Range<Int> { 0..<places.count }

    /// Read in place (`_read`): a getter returned a copy of the whole workload to read one field.
    subscript(position: Int) -> Workload {
        _read { yield files[places[position].file][places[position].index] }
        _modify { yield &files[places[position].file][places[position].index] }
    }
}
