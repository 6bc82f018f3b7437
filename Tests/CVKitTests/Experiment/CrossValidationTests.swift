import Foundation
import Testing
@testable import CVKit

@Suite struct CrossValidationTests {
    /// The library's value gives what `cvkit kfold` gives: the same settings, the same tasks, the
    /// same results for any number of threads.
    @Test func runsLikeTheCommandLineWithAnyJobs() throws {
        let data = try CSVLoader.load(path: ProjectFiles.dataset("iris"))
        var cv = CrossValidation(k: 5, seed: 3)
        cv.training = TrainingOptions(epochs: 15)
        let one = try cv.run(data, jobs: 1), two = try cv.run(data, jobs: 2)
        #expect(one == two)
        #expect(one.summary.accuracy.n == 5 && one.summary.accuracy.mean > 0.85)
        #expect(one.commandLine == cv.settings(for: data).commandLine)
        #expect(one.commandLine.hasPrefix("cvkit kfold"))
        #expect(one.commandLine.contains("--k 5 --repeats 1") && one.commandLine.contains("--seed 3"))
        #expect(throws: CVKitError.self) { try CrossValidation(k: 1).run(data) }
    }
}
