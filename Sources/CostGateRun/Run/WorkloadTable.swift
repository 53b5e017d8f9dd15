import CostGateWorkloads

/// Every workload of an input set, held as each file's own array and numbered across them, so the
/// set is joined and priced as one list without copying each workload into a flat array (a copy is
/// a retain per string, array and dictionary a workload holds: milliseconds, serial, at thousands).
package struct WorkloadTable: Sendable {
    private var files: [[Workload]] = []
    /// (file, index in that file) of each workload, in input order.
    private var places: [(file: Int, index: Int)] = []
    /// Each workload's name and id hashed, in input order: the joins scan these (contiguous, and
    /// hashed on the core that read the file) and touch a workload only when a hash matches.
    /// Reading a field of every workload, scattered over thousands of allocations, was a cache
    /// miss each and took milliseconds on one core.
    private(set) var hashes: [WorkloadHashes] = []
    /// The position of each file's first workload (where it would be, for a file without any).
    private(set) var fileStarts: [Int] = []

    /// Takes over one file's workloads (its array is moved in, not copied), with their hashes
    /// when the caller made them already.
    package mutating func append(_ workloads: consuming [Workload], hashes: [WorkloadHashes]? = nil) {
        let file = files.count
        fileStarts.append(places.count)
        for index in workloads.indices { places.append((file, index)) }
        self.hashes += hashes ?? WorkloadHashes.of(workloads)
        files.append(workloads)
    }

    /// Gives workload `position` a new identity (its hash follows).
    package mutating func setID(_ id: String, at position: Int) {
        self[position].id = id
        hashes[position].id = id.hashValue
    }

    /// Each file's workloads, in input order, handed over (the table is used up).
    package consuming func takeFiles() -> [[Workload]] {
        files
    }

    package var count: Int { places.count }
    package var indices: Range<Int> { 0..<places.count }

    /// Read in place (`_read`): a getter returned a copy of the whole workload to read one field.
    package subscript(position: Int) -> Workload {
        _read { yield files[places[position].file][places[position].index] }
        _modify { yield &files[places[position].file][places[position].index] }
    }
}

/// A workload's name and id hashed (`hashValue`: seeded per process, so equal strings hash
/// equal within a run). Equal hashes are only candidates: the joins compare the strings.
package struct WorkloadHashes: Sendable {
    package var name: Int
    package var id: Int

    /// The hashes of `workloads`, in order, each read in place through `pointee` (`map`, and even
    /// a buffer's subscript, copied each workload: a retain and a release per field).
    package static func of(_ workloads: [Workload]) -> [WorkloadHashes] {
        workloads.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            return buffer.indices.map { WorkloadHashes(name: (base + $0).pointee.name.hashValue, id: (base + $0).pointee.id.hashValue) }
        }
    }
}
