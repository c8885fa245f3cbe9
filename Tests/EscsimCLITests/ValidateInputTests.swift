import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `escsim validate` reads a scenario from a pipe or a FIFO as it reads a file.
@Suite(.serialized) struct ValidateInputTests {
    static let minimal = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/invalid/base/minimal.yaml")

    /// Runs `escsim arguments` with `input` written to its standard input from another thread
    /// (a refusal may stop reading early: the write then fails, which is ignored).
    static func run(_ arguments: [String], input: Data) throws -> CLI.Result {
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        let stdin = Pipe()
        let out = Pipe()
        let err = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let writer = Thread {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func aScenarioPipedToDevStdinIsValidated() throws {
        let result = try Self.run(["validate", "/dev/stdin"], input: try Data(contentsOf: Self.minimal))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("/dev/stdin: ok - 'minimal' (baseline): 2 actors, 2 regions"))
    }

    /// A broken scenario from a pipe gets its problems located in "/dev/stdin".
    @Test func aBrokenScenarioFromAPipeIsReportedByLine() throws {
        let text = try String(contentsOf: Self.minimal, encoding: .utf8)
            .replacingOccurrences(of: "horizon_days: 10", with: "horizon_days: -1")
        let result = try Self.run(["validate", "/dev/stdin"], input: Data(text.utf8))
        #expect(result.status == 2)
        #expect(
            result.stderr == "/dev/stdin:3:15: horizon_days must be positive, got -1\n"
                + "escsim: 1 problem in /dev/stdin\n")
    }

    /// The size limit holds for a stream too: it is read to one byte past 8 MiB, then refused.
    @Test func aStreamBeyondTheSizeLimitIsRefused() throws {
        let result = try Self.run(
            ["validate", "/dev/stdin"], input: Data(repeating: UInt8(ascii: "#"), count: 9 << 20))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == "/dev/stdin:1:1: input is too large for a scenario: more than 8388608 bytes, "
                + "and a scenario may have at most 8388608 (8 MiB)\nescsim: 1 problem in /dev/stdin\n")
    }

    @Test func aFIFOIsReadAsAStream() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("scenario.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let input = try Data(contentsOf: Self.minimal)
        // Opening a FIFO for writing waits for its reader: escsim.
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                try? handle.write(contentsOf: input)
                try? handle.close()
            }
        }
        writer.start()
        let result = try CLI.run(["validate", fifo])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\(fifo): ok - 'minimal' (baseline)"))
    }
}
