/// Finding a shard from `--shard K/N`, or from the environment a cluster scheduler gives each
/// task of an array (`--shard auto`).
extension Shard {
    /// A shard that cannot be found as asked: one line for the user.
    package struct SpecificationError: Error, Sendable, CustomStringConvertible {
        package let description: String
        init(_ description: String) { self.description = description }
    }

    /// `K/N` with 0 <= K < N.
    package static func parse(_ text: String) throws(SpecificationError) -> Shard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let index = parts[0], let count = parts[1], count >= 1, (0..<count).contains(index)
        else {
            throw SpecificationError("--shard must be K/N with 0 <= K < N, or 'auto'; got '\(text)'.")
        }
        return Shard(index: index, count: count)
    }

    /// The shard of this task of a Slurm job array (`SLURM_ARRAY_TASK_ID`, `SLURM_ARRAY_TASK_COUNT`
    /// and `SLURM_ARRAY_TASK_MIN`, so arrays like `--array=1-10` work) or of a Kubernetes Indexed
    /// Job (`JOB_COMPLETION_INDEX`, with the shard count from `shards`).
    package static func fromEnvironment(_ environment: [String: String], shards: Int?) throws(SpecificationError)
        -> Shard
    {
        func whole(_ name: String) throws(SpecificationError) -> Int? {
            guard let text = environment[name] else { return nil }
            guard let value = Int(text) else {
                throw SpecificationError("--shard auto: \(name) is '\(text)', not a whole number")
            }
            return value
        }
        if let id = try whole("SLURM_ARRAY_TASK_ID") {
            guard let count = try whole("SLURM_ARRAY_TASK_COUNT"), count >= 1 else {
                throw SpecificationError(
                    "--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not a "
                        + "positive whole number")
            }
            let minimum = try whole("SLURM_ARRAY_TASK_MIN") ?? 0
            guard (0..<count).contains(id - minimum) else {
                throw SpecificationError(
                    "--shard auto: SLURM_ARRAY_TASK_ID \(id) is outside the array (min \(minimum), "
                        + "count \(count))")
            }
            return Shard(index: id - minimum, count: count)
        }
        if let index = try whole("JOB_COMPLETION_INDEX") {
            guard let shards, shards >= 1, (0..<shards).contains(index) else {
                throw SpecificationError(
                    "--shard auto with JOB_COMPLETION_INDEX \(index) needs --shards N with N > \(index)")
            }
            return Shard(index: index, count: shards)
        }
        throw SpecificationError(
            "--shard auto: neither SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT nor "
                + "JOB_COMPLETION_INDEX is set")
    }
}
