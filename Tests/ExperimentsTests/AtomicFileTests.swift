import Experiments
import Foundation
import Testing

/// A fresh directory under the system temporary directory, removed when the test ends.
private final class Scratch {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("escsim-atomicfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: false)
        path = base.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func entries(_ relative: String = "") throws -> [String] {
        let directory = relative.isEmpty ? path : "\(path)/\(relative)"
        return try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    func read(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: "\(path)/\(relative)").map { [UInt8]($0) }
    }

    func isDirectory(_ relative: String) -> Bool {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: "\(path)/\(relative)", isDirectory: &isDirectory)
        return exists && isDirectory.boolValue
    }
}

@Suite struct AtomicFileTests {
    @Test func writesAndReadsBack() throws {
        let scratch = try Scratch()
        let bytes: [UInt8] = Array(0...255) + Array("héllo\n".utf8)
        try AtomicFile.write(bytes, to: "\(scratch.path)/out.bin")
        #expect(scratch.read("out.bin") == bytes)
        #expect(try scratch.entries() == ["out.bin"])
    }

    @Test func writesStringsAsUTF8() throws {
        let scratch = try Scratch()
        try AtomicFile.write("a,b\n1,✓\n", to: "\(scratch.path)/t.csv")
        #expect(scratch.read("t.csv") == Array("a,b\n1,✓\n".utf8))
    }

    @Test func writesEmptyFile() throws {
        let scratch = try Scratch()
        try AtomicFile.write([UInt8](), to: "\(scratch.path)/empty")
        #expect(scratch.read("empty") == [])
    }

    @Test func writesLargeFile() throws {
        let scratch = try Scratch()
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        try AtomicFile.write(bytes, to: "\(scratch.path)/big")
        #expect(scratch.read("big") == bytes)
    }

    @Test func overwritesExistingFile() throws {
        let scratch = try Scratch()
        let path = "\(scratch.path)/out.txt"
        try AtomicFile.write("a much longer first version\n", to: path)
        try AtomicFile.write("short\n", to: path)
        #expect(scratch.read("out.txt") == Array("short\n".utf8))
        #expect(try scratch.entries() == ["out.txt"])
    }

    @Test func missingDirectoryFailsClearlyAndLeavesNothing() throws {
        let scratch = try Scratch()
        let path = "\(scratch.path)/missing/out.csv"
        let error = #expect(throws: FileWriteError.self) {
            try AtomicFile.write("x", to: path)
        }
        #expect(error?.path == path)
        #expect(error?.message.contains(path) == true)
        #expect(error?.message.contains("No such file or directory") == true)
        #expect(error?.description == error?.message)
        #expect(try scratch.entries() == [])
    }

    @Test func parentThatIsARegularFileFails() throws {
        let scratch = try Scratch()
        try AtomicFile.write("I am a file", to: "\(scratch.path)/plain")
        let error = #expect(throws: FileWriteError.self) {
            try AtomicFile.write("x", to: "\(scratch.path)/plain/out.csv")
        }
        #expect(error?.message.contains("Not a directory") == true)
        #expect(try scratch.entries() == ["plain"])
        #expect(scratch.read("plain") == Array("I am a file".utf8))
    }

    @Test func targetThatIsADirectoryFailsAndRemovesTheTemporaryFile() throws {
        // Here the temporary file is created and written, and only the rename fails.
        let scratch = try Scratch()
        try AtomicFile.createDirectory("\(scratch.path)/taken")
        let error = #expect(throws: FileWriteError.self) {
            try AtomicFile.write("x", to: "\(scratch.path)/taken")
        }
        #expect(error?.message.contains("Is a directory") == true)
        #expect(try scratch.entries() == ["taken"])
        #expect(try scratch.entries("taken") == [])
    }

    @Test(arguments: ["", "/", "dir/", "dir/.", "dir/.."])
    func pathsNamingNoFileAreRejected(path: String) {
        #expect(throws: FileWriteError.self) {
            try AtomicFile.write("x", to: path)
        }
    }

    @Test func createsNestedDirectoriesIdempotently() throws {
        let scratch = try Scratch()
        let path = "\(scratch.path)/a/b//c/"
        try AtomicFile.createDirectory(path)
        #expect(scratch.isDirectory("a/b/c"))
        try AtomicFile.createDirectory(path)
        try AtomicFile.createDirectory("\(scratch.path)/a/./b/../b/c")
        try AtomicFile.write("ok", to: "\(scratch.path)/a/b/c/file")
        #expect(scratch.read("a/b/c/file") == Array("ok".utf8))
    }

    @Test func createDirectoryRefusesAFileComponent() throws {
        let scratch = try Scratch()
        try AtomicFile.write("x", to: "\(scratch.path)/file")
        for path in ["\(scratch.path)/file", "\(scratch.path)/file/sub"] {
            let error = #expect(throws: FileWriteError.self) {
                try AtomicFile.createDirectory(path)
            }
            #expect(error?.message.contains("\(scratch.path)/file exists and is not a directory") == true)
        }
        #expect(try scratch.entries() == ["file"])
    }

    @Test func createDirectoryRejectsEmptyPath() {
        #expect(throws: FileWriteError.self) {
            try AtomicFile.createDirectory("")
        }
    }
}
