import EscalationModel
import Scenario
import Stochastic
import Testing

@Suite struct PosteriorFileTests {
    static let paths = ["actors.russia.commitment", "cascade.breakpoint"]

    static func problems(_ text: String) -> [String] {
        do {
            _ = try PosteriorFile.parse(text, file: "posterior.csv", uncertainPaths: paths)
            return []
        } catch {
            return error.errors.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        }
    }

    @Test func readsWeightedParticles() throws {
        let text = "particle,weight,cascade.breakpoint\n0,1,0.25\n1,3,0.5\n"
        let sample = try PosteriorFile.parse(text, file: "p.csv", uncertainPaths: Self.paths)
        #expect(sample.paths == ["cascade.breakpoint"])
        #expect(sample.particles == [[0.25], [0.5]])
        #expect(sample.weights == [0.25, 0.75])
        #expect(sample.particle(at: 0) == 0 && sample.particle(at: 0.2499) == 0)
        #expect(sample.particle(at: 0.25) == 1 && sample.particle(at: 0.9999) == 1)
        #expect(abs(sample.means[0] - 0.4375) < 1e-15)
    }

    @Test func everyProblemHasItsPlace() {
        #expect(
            Self.problems("particle,weight,cascade.brakpoint,actors.russia.commitment\n0,x,1,2\n1,-1,2\n2,1,1,nan\n")
                == [
                    "1:17: 'cascade.brakpoint' is not a number the scenario marks as uncertain "
                        + "(did you mean 'cascade.breakpoint'?)",
                    "2:3: 'x' is not a number",
                    "3:1: the row has 3 fields; the header has 4",
                    "4:7: 'nan' is not a number",
                ])
        #expect(Self.problems("") == ["1:1: the file is empty (no header row)"])
        #expect(Self.problems("particle,cascade.breakpoint\n0,1\n") == ["1:1: the header has no 'weight' column"])
        #expect(Self.problems("weight,cascade.breakpoint\n0,1\n") == ["2:1: the weights sum to 0"])
    }

    /// A posterior of one particle fixes its parameter in every replication, and the other
    /// uncertain numbers keep the values they have without it.
    @Test func aRunDrawsItsParametersFromThePosterior() throws {
        let scenario = try Scenario.load(path: ShippedScenarios.baseline)
        let draw = scenario.draw
        let path = try #require(draw.uncertain.first?.path)
        let posterior = PosteriorSample(paths: [path], particles: [[0.123]], weights: [1])
        let seeds = StreamSeeds(masterSeed: 5)
        for replication in 0..<20 {
            let (_, prior) = draw.parameters(forReplication: replication, seeds: seeds)
            let (parameters, drawn) = draw.with(posterior: posterior).parameters(
                forReplication: replication, seeds: seeds)
            #expect(drawn[0] == 0.123)
            #expect(parameters[keyPath: draw.uncertain[0].target] == 0.123)
            #expect(Array(drawn.dropFirst()) == Array(prior.dropFirst()))
        }
    }

    /// Two particles of weights 1/4 and 3/4: over 4,000 replications the share of the second is
    /// 0.75 within 4 binomial standard errors (sqrt(0.75 * 0.25 / 4000) = 0.0068).
    @Test func particlesAreDrawnByWeight() throws {
        let scenario = try Scenario.load(path: ShippedScenarios.baseline)
        let draw = scenario.draw
        let path = try #require(draw.uncertain.first?.path)
        let posterior = PosteriorSample(paths: [path], particles: [[0.1], [0.9]], weights: [1, 3])
        let seeds = StreamSeeds(masterSeed: 9)
        let n = 4000
        let second = (0..<n).filter {
            draw.with(posterior: posterior).parameters(forReplication: $0, seeds: seeds).1[0] == 0.9
        }.count
        #expect(abs(Double(second) / Double(n) - 0.75) < 4 * (0.75 * 0.25 / Double(n)).squareRoot())
    }
}
