import Foundation
import Testing

/// plan → run-task → merge with the real binary: the merged report has the local run's bytes.
@Suite struct ScaleOutCommandTests {
    static let flags = ["--k", "4", "--epochs", "3", "--seed", "5"]

    func reportDir(_ output: CLIRunner.Output) throws -> String {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        return try #require(object["reportDir"] as? String)
    }

    func expectSameReport(_ a: String, _ b: String, files: [String] = ["report.md", "results.json", "predictions.csv"]) {
        for file in files {
            let left = FileManager.default.contents(atPath: a + "/" + file), right = FileManager.default.contents(atPath: b + "/" + file)
            #expect(left != nil && left == right, "\(file) differs between \(a) and \(b)")
        }
    }

    func localRun(_ words: [String], in dir: String) throws -> String {
        let local = try CLIRunner.run(words + ["--report-dir", dir + "/local", "--json", "--quiet"])
        #expect(local.status == 0, "\(local.stderr)")
        return try reportDir(local)
    }

    func taskCount(_ plan: String) throws -> Int {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan + "/plan.json"))) as? [String: Any])
        return try #require(object["tasks"] as? [[Int]]).count
    }

    @Test func tasksRunByHandMergeIntoTheLocalReport() throws {
        let dir = try CLIRunner.temporaryFolder(), plan = dir + "/plan"
        let words = ["kfold", "datasets/iris.csv"] + Self.flags
        let planned = try CLIRunner.run(["plan"] + words + ["--out", plan, "--units-per-task", "3"])
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(planned.stdout.contains("4 units in 2 tasks"))
        #expect(try CLIRunner.run(["run-task", plan, "--task", "0"]).status == 0)
        let fromEnv = try CLIRunner.run(["run-task", plan, "--task-from-env"], environment: ["SLURM_ARRAY_TASK_ID": "1"])
        #expect(fromEnv.status == 0 && fromEnv.stdout.hasPrefix("task 1: plan ") && fromEnv.stdout.contains("\ntask 1: 1 unit (3)"), "\(fromEnv.stdout)\(fromEnv.stderr)")
        let first = FileManager.default.contents(atPath: plan + "/results/task-0.json")
        let again = try CLIRunner.run(["run-task", plan, "--task", "0"])
        #expect(again.status == 0 && again.stdout.contains("already done"))
        #expect(try CLIRunner.run(["run-task", plan, "--task", "0", "--force", "--jobs", "2"]).status == 0)
        #expect(FileManager.default.contents(atPath: plan + "/results/task-0.json") == first)
        #expect(try CLIRunner.run(["status", plan]).status == 0)
        let merged = try CLIRunner.run(["merge", plan, "--report-dir", dir + "/merged", "--json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        expectSameReport(try reportDir(merged), try localRun(words, in: dir))
    }

    /// A task result edited after the task wrote it (an accuracy changed by hand): merge refuses
    /// with exit 65, naming the file to delete; re-running that task restores the local report.
    @Test func mergeRefusesATamperedTaskResult() throws {
        let dir = try CLIRunner.temporaryFolder(), plan = dir + "/plan"
        let words = ["kfold", "datasets/iris.csv"] + Self.flags
        #expect(try CLIRunner.run(["plan"] + words + ["--out", plan, "-q"]).status == 0)
        for task in 0..<4 { #expect(try CLIRunner.run(["run-task", plan, "--task", String(task), "-q"]).status == 0) }
        let file = plan + "/results/task-2.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let accuracy = try #require(text.firstMatch(of: /"accuracy":([0-9.]+)/))
        try Data(text.replacingOccurrences(of: "\"accuracy\":\(accuracy.output.1)", with: "\"accuracy\":0.5").utf8).write(to: URL(fileURLWithPath: file))
        let merge = try CLIRunner.run(["merge", plan, "--report-dir", dir + "/merged"])
        #expect(merge.status == 65, "\(merge.stderr)")
        #expect(merge.stderr.contains("task-2.json") && merge.stderr.contains("fails its digest") && merge.stderr.contains("delete the file"), "\(merge.stderr)")
        try FileManager.default.removeItem(atPath: file)
        #expect(try CLIRunner.run(["run-task", plan, "--task", "2", "-q"]).status == 0)
        let merged = try CLIRunner.run(["merge", plan, "--report-dir", dir + "/merged", "--json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        expectSameReport(try reportDir(merged), try localRun(words, in: dir))
    }

    @Test func mergeRefusesAndNamesAMissingTask() throws {
        let dir = try CLIRunner.temporaryFolder(), plan = dir + "/plan"
        #expect(try CLIRunner.run(["plan", "loocv", "datasets/iris.csv", "--epochs", "1", "--out", plan, "--units-per-task", "40"]).status == 0)
        for task in [0, 2, 3] { #expect(try CLIRunner.run(["run-task", plan, "--task", String(task)]).status == 0) }
        let merge = try CLIRunner.run(["merge", plan, "--report-dir", dir + "/merged"])
        #expect(merge.status == 1)
        // Run by hand: the hint is the run-task loop, never an engine's command that was not used.
        #expect(merge.stderr.contains("1 of 4 tasks have no result: 1") && merge.stderr.contains("do cvkit run-task") && !merge.stderr.contains("sbatch"),
                "\(merge.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/merged"))
        // Once the Slurm scripts exist, the hint is Slurm's; with a GNU parallel joblog, parallel's only.
        #expect(try CLIRunner.run(["submit", "slurm", plan, "--dry-run"]).status == 0)
        let slurm = try CLIRunner.run(["merge", plan, "--report-dir", dir + "/merged"])
        #expect(slurm.stderr.contains("sbatch --array=1 ") && !slurm.stderr.contains("submit parallel"), "\(slurm.stderr)")
        try Data("Seq\tHost\n".utf8).write(to: URL(fileURLWithPath: plan + "/results/parallel.joblog"))
        let parallel = try CLIRunner.run(["merge", plan, "--report-dir", dir + "/merged"])
        #expect(parallel.stderr.contains("cvkit submit parallel") && !parallel.stderr.contains("sbatch"), "\(parallel.stderr)")
        try FileManager.default.removeItem(atPath: plan + "/results/parallel.joblog")
        // A log whose first line names task 1 (as run-task writes it), and no result: failed.
        try FileManager.default.createDirectory(atPath: plan + "/results/logs", withIntermediateDirectories: true)
        try Data("task 1: plan 0123, on node7\nslurmstepd: error: *** JOB 12 CANCELLED DUE TO TIME LIMIT ***\n".utf8)
            .write(to: URL(fileURLWithPath: plan + "/results/logs/12_0.out"))
        let status = try CLIRunner.run(["status", plan, "--json"])
        #expect(status.status == 1 && status.stdout.contains("\"rerunArray\" : \"1\""), "\(status.stdout)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect(object["failed"] as? [Int] == [1] && object["done"] as? [Int] == [0, 2, 3])
        // --allow-partial: a report from the tasks present, marked incomplete in both files.
        let partial = try CLIRunner.run(["merge", plan, "--report-dir", dir + "/partial", "--allow-partial", "--json"])
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stderr.contains("INCOMPLETE report (tasks 1 missing)"))
        let folder = try reportDir(partial)
        let markdown = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        #expect(markdown.hasPrefix("> **INCOMPLETE**: 1 of 4 tasks"))
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/results.json"))) as? [String: Any])
        let incomplete = try #require(stored["incomplete"] as? [String: Any])
        #expect(incomplete["missingTasks"] as? [Int] == [1] && (incomplete["missingUnits"] as? [Int])?.count == 40)
        #expect((stored["folds"] as? [Any])?.count == 110)
    }

    /// Permanent failures exit 3 (do not retry): changed data, a task that does not exist, no index.
    @Test func permanentFailuresExitThree() throws {
        let dir = try CLIRunner.temporaryFolder(), plan = dir + "/plan", data = dir + "/iris.csv"
        try FileManager.default.copyItem(atPath: CLIRunner.projectRoot + "/datasets/iris.csv", toPath: data)
        #expect(try CLIRunner.run(["plan", "kfold", data, "--k", "3", "--epochs", "1", "--out", plan]).status == 0)
        let noTask = try CLIRunner.run(["run-task", plan, "--task", "3"])
        #expect(noTask.status == 3 && noTask.stderr.contains("task 3 does not exist: the plan has 3 tasks"), "\(noTask.stderr)")
        let noEnv = try CLIRunner.run(["run-task", plan, "--task-from-env"], environment: ["SLURM_ARRAY_TASK_ID": "", "JOB_COMPLETION_INDEX": "",
                                                                                              "PBS_ARRAY_INDEX": "", "SGE_TASK_ID": "", "LSB_JOBINDEX": ""])
        #expect(noEnv.status == 3 && noEnv.stderr.contains("none of"), "\(noEnv.stderr)")
        var text = try String(contentsOfFile: data, encoding: .utf8)
        text = text.replacingOccurrences(of: "5.1,3.5,1.4,0.2", with: "5.1,3.5,1.4,0.3")
        try Data(text.utf8).write(to: URL(fileURLWithPath: data))
        let changed = try CLIRunner.run(["run-task", plan, "--task", "0"])
        #expect(changed.status == 3 && changed.stderr.contains("the data file changed after the plan was written"), "\(changed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: plan + "/results/task-0.json"))
        let edited = try String(contentsOfFile: plan + "/plan.json", encoding: .utf8).replacingOccurrences(of: "\"phase\" : 1", with: "\"phase\" : 2")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: plan + "/plan.json"))
        let tampered = try CLIRunner.run(["run-task", plan, "--task", "0"])
        #expect(tampered.status == 3 && tampered.stderr.contains("edited"), "\(tampered.stderr)")
        let notARun = try CLIRunner.run(["plan", "sanity", data, "--out", dir + "/p2"])
        #expect(notARun.status == 64)
    }

    /// Usage errors exit 64, a missing engine 69, and nothing is written.
    @Test func badFlagsAndMissingEnginesAreRefused() throws {
        let dir = try CLIRunner.temporaryFolder(), plan = dir + "/plan"
        let noOut = try CLIRunner.run(["plan", "kfold", "datasets/iris.csv"])
        #expect(noOut.status == 64 && noOut.stderr.contains("needs --out"), "\(noOut.stderr)")
        #expect(try CLIRunner.run(["plan", "kfold", "datasets/iris.csv", "--out", plan, "--units-per-task", "0"]).status == 64)
        #expect(try CLIRunner.run(["plan", "kfold", "datasets/iris.csv", "--k", "1", "--out", plan]).status == 64)
        #expect(!FileManager.default.fileExists(atPath: plan + "/plan.json"))
        #expect(try CLIRunner.run(["run-task", plan, "--task", "0", "--task-from-env"]).status == 64)
        #expect(try CLIRunner.run(["plan", "search", "datasets/iris.csv", "--k", "2", "--trials", "2", "--epochs", "1", "--out", plan]).status == 0)
        let partial = try CLIRunner.run(["merge", plan, "--report-dir", dir + "/m", "--allow-partial"])
        #expect(partial.status == 64 && partial.stderr.contains("kfold, loocv and split plans only"), "\(partial.stderr)")
        let noSbatch = try CLIRunner.run(["submit", "slurm", plan], environment: ["PATH": "/nonexistent"])
        #expect(noSbatch.status == 69 && noSbatch.stderr.contains("sbatch not found"), "\(noSbatch.stderr)")
        let noParallel = try CLIRunner.run(["submit", "parallel", plan], environment: ["PATH": "/nonexistent"])
        #expect(noParallel.status == 69 && noParallel.stderr.contains("GNU parallel not found"), "\(noParallel.stderr)")
    }

    /// Nested CV is two phases: the inner searches of every outer fold, then the outer refits
    /// chosen from them. `merge` of phase 1 writes phase 2's plan; merging that gives the report.
    /// --units-per-task auto groups tiny units into tasks of about 10 s of estimated training; the
    /// default (1) keeps one unit per task and says how long that is, with the size to use.
    @Test func unitsPerTaskAutoAndTheEstimate() throws {
        let dir = try CLIRunner.temporaryFolder()
        let words = ["plan", "kfold", "datasets/iris.csv", "-k", "10", "--epochs", "5"]
        let one = try CLIRunner.run(words + ["--out", dir + "/one"])
        #expect(one.status == 0 && one.stdout.contains("10 units in 10 tasks") && one.stdout.contains("estimate: about"), "\(one.stdout)")
        #expect(one.stdout.contains("spend more time queueing than training: --units-per-task 10"), "\(one.stdout)")
        let auto = try CLIRunner.run(words + ["--out", dir + "/auto", "--units-per-task", "auto"])
        #expect(auto.status == 0 && auto.stdout.contains("10 units in 1 task"), "\(auto.stdout)")
        #expect(try CLIRunner.run(words + ["--out", dir + "/bad", "--units-per-task", "0"]).status == 64)
    }

    @Test func nestedRunsInTwoPhases() throws {
        let dir = try CLIRunner.temporaryFolder()
        let words = ["nested", "datasets/iris.csv", "--outer", "3", "--inner", "2", "--trials", "2", "--epochs", "2"]
        #expect(try CLIRunner.run(["plan"] + words + ["--out", dir + "/plan", "--units-per-task", "6"]).status == 0)
        var plan = dir + "/plan", phases = 0
        while true {
            phases += 1
            for task in 0..<(try taskCount(plan)) { #expect(try CLIRunner.run(["run-task", plan, "--task", String(task)]).status == 0) }
            let merged = try CLIRunner.run(["merge", plan, "--report-dir", dir + "/merged", "--json"])
            #expect(merged.status == 0, "\(merged.stderr)")
            guard FileManager.default.fileExists(atPath: plan + "/next/plan.json") else {
                expectSameReport(try reportDir(merged), try localRun(words, in: dir), files: ["report.md", "results.json"])
                break
            }
            #expect(merged.stdout.contains("continues with phase \(phases + 1)"))
            // The next phase remembers the report folder: its merge reports into the same place by default.
            let next = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan + "/next/plan.json"))) as? [String: Any])
            #expect((next["reportDir"] as? String)?.hasSuffix("/merged") == true)
            plan += "/next"
            if phases > 3 { Issue.record("too many phases"); break }
        }
        #expect(phases == 2)
    }

    @Test func slurmDryRunWritesTheArrayAndAnAfteranyMerge() throws {
        let dir = try CLIRunner.temporaryFolder(), plan = dir + "/plan"
        #expect(try CLIRunner.run(["plan", "kfold", "datasets/iris.csv", "--k", "5", "--epochs", "1", "--out", plan]).status == 0)
        let dry = try CLIRunner.run(["submit", "slurm", plan, "--dry-run", "--max-parallel", "2", "--time", "00:10:00", "--sbatch-arg=--account=lab"])
        #expect(dry.status == 0, "\(dry.stderr)")
        let script = try String(contentsOfFile: plan + "/slurm.sbatch", encoding: .utf8)
        #expect(script.contains("#SBATCH --array=0-4%2") && script.contains("#SBATCH --output=\(plan)/results/logs/%A_%a.out"))
        #expect(script.contains("#SBATCH --time=00:10:00") && script.contains("#SBATCH --account=lab"))
        #expect(script.contains("run-task \(plan) --task-from-env"))
        let merge = try String(contentsOfFile: plan + "/slurm-merge.sbatch", encoding: .utf8)
        #expect(merge.contains("merge \(plan)") && merge.contains("--dependency=afterany:") && !merge.contains("#SBATCH --dependency"))
        #expect(dry.stdout.contains("--dependency=afterany:") && !dry.stdout.contains("afterok"))
        #expect(!FileManager.default.fileExists(atPath: plan + "/results/task-0.json"))
    }
}

/// The real engines, when installed (CI installs them: scripts/install-deps --scaleout).
@Suite(.serialized) struct ScaleOutEngineTests {
    static func installed(_ name: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }
    }

    @Test(.enabled(if: installed("parallel"), "GNU parallel is not installed (scripts/install-deps --scaleout)"))
    func gnuParallelRunsThePlanAndRerunsOnlyWhatIsMissing() throws {
        let t = ScaleOutCommandTests()
        let dir = try CLIRunner.temporaryFolder(), plan = dir + "/plan"
        let words = ["kfold", "datasets/iris.csv"] + ScaleOutCommandTests.flags
        #expect(try CLIRunner.run(["plan"] + words + ["--out", plan]).status == 0)
        let submitted = try CLIRunner.run(["submit", "parallel", plan, "--jobs", "2"])
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let before = FileManager.default.contents(atPath: plan + "/results/task-2.json")
        try FileManager.default.removeItem(atPath: plan + "/results/task-2.json")
        let again = try CLIRunner.run(["submit", "parallel", plan, "--jobs", "2"])
        #expect(again.status == 0 && again.stdout.contains("task 2: ") && !again.stdout.contains("task 1: "), "\(again.stdout)")
        #expect(FileManager.default.contents(atPath: plan + "/results/task-2.json") == before)
        let merged = try CLIRunner.run(["merge", plan, "--report-dir", dir + "/merged", "--json"])
        t.expectSameReport(try t.reportDir(merged), try t.localRun(words, in: dir))
    }

    /// A throw-away Slurm cluster (scripts/slurm-fixture) with MaxArraySize 4, so the 6 tasks go in
    /// as two arrays (offset 0 and 4) plus an afterany merge job; the merged report has the local
    /// run's bytes. Then a task killed mid-way (SIGKILL: no result) is re-run alone by a second
    /// submission — the other elements find their result and stop — and the merge is still identical.
    @Test(.enabled(if: installed("slurmctld") && installed("sbatch") && getuid() == 0, "Slurm is not installed (scripts/install-deps --scaleout), or not root"))
    func slurmArraysAndAfteranyMerge() throws {
        let t = ScaleOutCommandTests()
        let fixture = "/tmp/cvkit-test-slurm-\(getpid())"
        let fixtureEnvironment = ["CVKIT_SLURM_FIXTURE": fixture, "CVKIT_SLURM_MAX_ARRAY_SIZE": "4"]
        let up = try Self.shell(CLIRunner.projectRoot + "/scripts/slurm-fixture", ["up"], environment: fixtureEnvironment)
        defer { _ = try? Self.shell(CLIRunner.projectRoot + "/scripts/slurm-fixture", ["down"], environment: fixtureEnvironment) }
        let export = try #require(up.split(separator: "\n").first { $0.hasPrefix("export SLURM_CONF=") }, "fixture did not come up: \(up)")
        let environment = ["SLURM_CONF": String(export.dropFirst("export SLURM_CONF=".count))]
        let dir = try CLIRunner.temporaryFolder(), plan = dir + "/plan"
        let words = ["kfold", "datasets/iris.csv", "--k", "6", "--epochs", "60", "--seed", "2"]
        #expect(try CLIRunner.run(["plan"] + words + ["--out", plan]).status == 0)
        let local = try t.localRun(words, in: dir)
        let merged = dir + "/merged/" + (local as NSString).lastPathComponent
        var kept: Data?
        for round in 0..<2 {
            let submitted = try CLIRunner.run(["submit", "slurm", plan, "--report-dir", dir + "/merged", "--max-parallel", "2"], environment: environment)
            #expect(submitted.status == 0, "\(submitted.stderr)")
            #expect(submitted.stdout.contains("(tasks 0–3)") && submitted.stdout.contains("(tasks 4–5)"), "\(submitted.stdout)")
            try Self.waitForQueue(environment: environment)
            let logs = try FileManager.default.contentsOfDirectory(atPath: plan + "/results/logs")
            #expect(logs.filter { $0.hasPrefix("merge-") }.count == round + 1)
            t.expectSameReport(merged, local)
            if round == 0 {
                #expect(try FileManager.default.contentsOfDirectory(atPath: plan + "/results").filter { $0.hasPrefix("task-") }.count == 6)
                kept = FileManager.default.contents(atPath: plan + "/results/task-1.json")
                try FileManager.default.removeItem(atPath: plan + "/results/task-1.json")
                try FileManager.default.removeItem(atPath: dir + "/merged")
                // Task 1 started by hand and killed mid-way leaves no result.
                let process = try CLIRunner.start(["run-task", plan, "--task", "1"])
                // The task takes ~0.2 s in a debug build here: kill it well before it could finish.
                Thread.sleep(forTimeInterval: 0.05)
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                #expect(!FileManager.default.fileExists(atPath: plan + "/results/task-1.json"))
                #expect(try CLIRunner.run(["status", plan]).stdout.contains("have no result: 1"))
            } else {
                #expect(kept != nil && FileManager.default.contents(atPath: plan + "/results/task-1.json") == kept)
                // Only task 1 trained again: every other element found its result and stopped.
                let outs = logs.filter { $0.hasSuffix(".out") }
                let skipped = try outs.filter { try String(contentsOfFile: plan + "/results/logs/" + $0, encoding: .utf8).contains("already done") }
                #expect(skipped.count == 5, "\(outs)")
            }
        }
    }

    static func waitForQueue(environment: [String: String]) throws {
        for _ in 0..<480 {
            if try shell("/usr/bin/env", ["squeue", "-h"], environment: environment).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return }
            usleep(250_000)
        }
        Issue.record("Slurm jobs still queued after 2 minutes")
    }

    /// Runs `path arguments` with posix_spawn and waits with waitpid; stdout goes to a file (the
    /// fixture's daemons may inherit it, and would hold a pipe open forever). Not Foundation's
    /// Process: its exit monitor was seen to miss this child's exit and wait forever.
    static func shell(_ path: String, _ arguments: [String], environment: [String: String]) throws -> String {
        let file = NSTemporaryDirectory() + "cvkit-shell-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: file) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)  // stderr too: a failed `up` prints the daemons' logs there
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else { throw CocoaError(.fileReadUnknown) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    }
}
