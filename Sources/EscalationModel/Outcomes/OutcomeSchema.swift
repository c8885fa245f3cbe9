/// One outcome column of `replications.csv` and row group of `summary.csv`.
public struct OutcomeColumn: Sendable, Hashable {
    public var name: String
    public var kind: OutcomeKind
    public var description: String

    public init(name: String, kind: OutcomeKind, description: String) {
        self.name = name
        self.kind = kind
        self.description = description
    }
}

/// The outcome columns of one scenario: the entries of `OutcomeCatalogue` spelled out for its
/// key cities, rungs and actors, and how a `ReplicationOutcome` fills them.
public struct OutcomeSchema: Sendable {
    public let columns: [OutcomeColumn]
    /// For each column: its entry in the catalogue and the member's index for the entry's value.
    private let sources: [(entry: OutcomeEntry, member: Int)]

    public init(parameters: ModelParameters) {
        var columns: [OutcomeColumn] = []
        var sources: [(entry: OutcomeEntry, member: Int)] = []
        // Runs of entries whose columns alternate member by member (see `OutcomeEntry.interleaved`).
        var runs: [[OutcomeEntry]] = []
        for entry in OutcomeCatalogue.entries {
            if entry.interleaved, let previous = runs.last?.last {
                precondition(previous.family == entry.family, "\(entry.column) interleaves with another family")
                runs[runs.count - 1].append(entry)
            } else {
                runs.append([entry])
            }
        }
        for run in runs {
            for member in run[0].family.members(in: parameters) {
                for entry in run {
                    let description =
                        entry.family == .single
                        ? entry.meaning
                        : entry.meaning.replacing(entry.family.placeholder, with: member.name)
                    columns.append(
                        OutcomeColumn(
                            name: entry.column(of: member.id), kind: entry.kind,
                            description: description))
                    sources.append((entry, member.index))
                }
            }
        }
        self.columns = columns
        self.sources = sources
    }

    /// The outcome as numbers in column order; `.nan` marks a missing value (an event that did not happen).
    public func values(of outcome: ReplicationOutcome) -> [Double] {
        var result: [Double] = []
        values(of: outcome, into: &result)
        return result
    }

    /// The same values written over `values`, keeping its storage (a batch worker's scratch).
    public func values(of outcome: ReplicationOutcome, into values: inout [Double]) {
        values.removeAll(keepingCapacity: true)
        values.reserveCapacity(sources.count)
        for source in sources { values.append(source.entry.value(outcome, source.member)) }
    }
}
