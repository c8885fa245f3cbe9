import Experiments
import Testing

@Suite struct ShardEnvironmentTests {
    @Test func slurmArraysCountFromTheirMinimum() throws {
        let shard = try Shard.fromEnvironment(
            ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1"], shards: nil)
        #expect(shard == Shard(index: 2, count: 3))
        #expect(
            try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "4"], shards: 9)
                == Shard(index: 0, count: 4))
    }

    @Test func kubernetesNeedsTheShardCount() throws {
        #expect(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "2"], shards: 5) == Shard(index: 2, count: 5))
        #expect(throws: Shard.SpecificationError.self) {
            try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "5"], shards: 5)
        }
        #expect(throws: Shard.SpecificationError.self) {
            try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "0"], shards: nil)
        }
    }

    @Test(arguments: [
        (
            ["SLURM_ARRAY_TASK_ID": "abc", "SLURM_ARRAY_TASK_COUNT": "4"],
            "SLURM_ARRAY_TASK_ID is 'abc', not a whole number"
        ),
        (["SLURM_ARRAY_TASK_ID": "1"], "SLURM_ARRAY_TASK_COUNT is not a positive whole number"),
        (["SLURM_ARRAY_TASK_ID": "7", "SLURM_ARRAY_TASK_COUNT": "4"], "outside the array"),
        ([:], "neither SLURM_ARRAY_TASK_ID"),
    ])
    func aBadEnvironmentIsNamed(environment: [String: String], phrase: String) {
        do {
            _ = try Shard.fromEnvironment(environment, shards: nil)
            Issue.record("accepted \(environment)")
        } catch {
            #expect(error.description.contains(phrase), "\(error)")
        }
    }

    @Test func shardTextIsKOverN() throws {
        #expect(try Shard.parse("1/4") == Shard(index: 1, count: 4))
        for bad in ["5/4", "4/4", "-1/4", "1/0", "1", "a/b", "1/2/3"] {
            #expect(throws: Shard.SpecificationError.self, "\(bad)") { try Shard.parse(bad) }
        }
    }
}
