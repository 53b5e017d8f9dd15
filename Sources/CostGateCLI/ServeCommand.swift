import ArgumentParser
import CostGateAdmissionServer
import CostGateCore
import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGateLedger
import CostGatePolicy
import CostGateRun

/// `costgate serve --admission`: the Kubernetes ValidatingAdmissionWebhook (integrations/kubernetes/).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a Kubernetes ValidatingAdmissionWebhook that gates every object on the budget policy.",
        discussion: """
        An HTTPS endpoint for kube-apiserver: POST /validate takes an admission.k8s.io/v1 AdmissionReview and \
        answers with the request's uid, allowed, status (code and message) when refused, and warnings for warn \
        findings and assumptions. Each object is read by the same readers as check, attributed to a team by \
        namespace, labels and annotations, and gated on per-run and monthly quotas (the month from the ledger); \
        dry runs record nothing. DELETE, CONNECT, subresources and objects a gated controller made are allowed \
        unpriced. GET /healthz and GET /metrics (Prometheus) beside it.

        The policy is read at start (an unusable one stops the server: exit 2) and again on SIGHUP, or when \
        --watch-interval sees the policy or certificate file change; a reload that fails keeps the policy and \
        certificate in force and says so on standard error and in costgate_admission_policy_last_reload_ok. \
        SIGTERM drains answers under way and exits 0. The policy's admission section decides: mode \
        enforce|warn|off, onError allow|deny for an object that cannot be priced.

        Examples:
          costgate serve --admission --tls-cert /tls/tls.crt --tls-key /tls/tls.key --policy /etc/costgate/policy.yaml
          costgate serve --admission --tls-cert tls.crt --tls-key tls.key --policy policy.yaml --ledger spend.db --record --port 9443
        """)

    @Flag(help: "Serve the validating admission webhook (the one mode so far).")
    var admission = false

    @Option(help: ArgumentHelp("The server's certificate chain, PEM (cert-manager's tls.crt).", valueName: "file"))
    var tlsCert: String

    @Option(help: ArgumentHelp("The certificate's private key, PEM (tls.key).", valueName: "file"))
    var tlsKey: String

    @Option(help: "The port to listen on (0: any free port, logged).")
    var port: Int = 8443

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var host: String = "0.0.0.0"

    @OptionGroup(title: "Policy") var policyOptions: PolicyOptions
    @OptionGroup(title: "Pricing") var pricing: PricingOptions

    @Option(help: ArgumentHelp("The spend ledger monthly quotas count against: a SQLite file or postgres://… (default: "
                               + "$COSTGATE_LEDGER_URL, then the policy's 'ledger:'). Opened once, at start.", valueName: "file|url"))
    var ledger: String?

    @Option(help: ArgumentHelp("Seconds to wait for the ledger: to connect, for another recorder, for each operation.", valueName: "seconds"))
    var ledgerTimeout: Double = 5

    @Flag(help: "Record the one-off runs the webhook admits in the ledger (never for a dry run); an UPDATE replaces the object's run.")
    var record = false

    @Option(help: ArgumentHelp("Recorded as the repository of each run, so the ledger tells this cluster's runs from CI's.", valueName: "name"))
    var cluster: String = "kubernetes"

    @Option(help: ArgumentHelp("The largest request body (default 6 MiB: a 3 MiB object and its 1.5 MiB old version).", valueName: "bytes"))
    var maxBodyBytes: Int = AdmissionServerConfiguration.defaultMaxBodyBytes

    @Option(help: ArgumentHelp("Close a connection silent for this long.", valueName: "seconds"))
    var idleTimeout: Int = 30

    @Option(help: ArgumentHelp("On SIGTERM, how long answers under way may take.", valueName: "seconds"))
    var drainTimeout: Int = 10

    @Option(help: ArgumentHelp("Compare the policy and certificate files every this many seconds and reload when they change (0: SIGHUP only).",
                               valueName: "seconds"))
    var watchInterval: Int = 0

    @Option(help: ArgumentHelp("Threads deciding requests (default: the number of cores).", valueName: "count"))
    var workers: Int?

    func validate() throws {
        guard admission else { throw ValidationError("serve needs a mode: --admission (the Kubernetes validating webhook)") }
        guard (0...65_535).contains(port) else { throw ValidationError("invalid --port '\(port)': expected 0 to 65535") }
        guard maxBodyBytes >= 1024 else { throw ValidationError("invalid --max-body-bytes '\(maxBodyBytes)': expected at least 1024") }
        guard idleTimeout > 0, drainTimeout >= 0, watchInterval >= 0 else {
            throw ValidationError("--idle-timeout must be positive, --drain-timeout and --watch-interval zero or more")
        }
        if let workers, workers < 1 { throw ValidationError("invalid --workers '\(workers)': expected 1 or more") }
        try LedgerLocator.validate(timeout: ledgerTimeout)
        if policyOptions.policy == "-" { throw ValidationError("the server reads its policy again on reload: give it as a file (--policy FILE)") }
    }

    func run() throws {
        let terminal = Terminal.detect(noColor: false)
        let fileSystem = LocalFileSystem()
        guard let source = policyOptions.source(fileSystem: fileSystem) else {
            throw ValidationError("no policy: pass --policy FILE (policies/starter.yaml is a start)")
        }
        let fixedDay = try policyOptions.today.map { try PolicyOptions.day($0) }
        // The ledger is opened once: a reload changes the policy, not where spend is kept.
        let ledgerStore = try openLedger(source: source, fileSystem: fileSystem, terminal: terminal)
        let pricing = self.pricing
        let record = self.record
        let cluster = self.cluster
        let loader: AdmissionServer.Loader = {
            Self.load(source: source, pricing: pricing, fixedDay: fixedDay, ledger: ledgerStore, record: record, cluster: cluster)
        }
        let configuration = AdmissionServerConfiguration(
            host: host, port: port, certificatePath: tlsCert, keyPath: tlsKey, maxBodyBytes: maxBodyBytes, idleTimeoutSeconds: idleTimeout,
            drainSeconds: drainTimeout, watchSeconds: watchInterval, workers: workers ?? ProcessInfo.processInfo.activeProcessorCount,
            watchedFiles: [source.path, tlsCert, tlsKey])
        let clock: @Sendable () -> Date
        if let fixedDay {
            let noon = Self.noon(of: fixedDay)
            clock = { noon }
        } else {
            clock = { Date() }
        }
        let server: AdmissionServer
        do {
            server = try AdmissionServer(configuration: configuration, loader: loader, clock: clock, log: Self.log)
        } catch let failure as AdmissionServer.LoadFailure {
            for line in failure.lines { terminal.err(line + "\n") }
            terminal.err("costgate: the policy cannot be used: the webhook did not start (exit 2)\n")
            throw ExitCode(ExitStatus.inputUnusable.rawValue)
        } catch let error as AdmissionServerError {
            terminal.err("\(error)\n")
            throw ExitCode(ExitStatus.inputUnusable.rawValue)
        }
        let bound: Int
        do {
            bound = try server.start()
        } catch {
            terminal.err("costgate: \(error)\n")
            throw ExitCode(ExitStatus.inputUnusable.rawValue)
        }
        let shownHost = host == "0.0.0.0" ? "*" : host
        Self.log("costgate: admission webhook on https://\(shownHost):\(bound)\(AdmissionServer.reviewPath) (policy \(source.path)"
                 + (ledgerStore.map { ", ledger \($0.path)\(record ? ", recording" : "")" } ?? "") + ")")
        server.wait()
        Self.log("costgate: stopped")
    }

    private func openLedger(source: PolicySource, fileSystem: LocalFileSystem, terminal: Terminal) throws -> (any Ledger)? {
        // The policy's `ledger:` key is honoured, so the policy is read once here for it.
        let (policy, _) = source.load(fileSystem: fileSystem)
        let locator = LedgerLocator(timeout: ledgerTimeout)
        guard let (text, fromCommandLine) = locator.choose(flag: ledger, policy: policy?.ledgerPath) else {
            if record { throw ValidationError("--record needs a ledger: pass --ledger FILE|URL, set \(LedgerLocator.variable) or set 'ledger:' in the policy") }
            return nil
        }
        if let warning = locator.warning(about: text, fromCommandLine: fromCommandLine) { terminal.err(warning) }
        do {
            return try locator.open(text, create: record, hint: " (serve --record creates it)")
        } catch {
            throw LedgerOpenFailure(error: error)
        }
    }

    /// The decision from the policy file as it is now: read, priced with the flags, and checked.
    static func load(source: PolicySource, pricing: PricingOptions, fixedDay: CalendarDay?, ledger: (any Ledger)?, record: Bool,
                     cluster: String) -> Result<KubernetesAdmission, AdmissionServer.LoadFailure> {
        let fileSystem = LocalFileSystem()
        let (loaded, diagnostics) = source.load(fileSystem: fileSystem)
        guard let policy = loaded else {
            return .failure(.init(lines: diagnostics.filter { $0.severity == .error }.map(\.rendered)))
        }
        let today = fixedDay ?? CalendarDay(containing: Date())
        let settings: RunSettings
        do {
            settings = RunSettings.resolve(policy: policy, flags: try RunSettings.Flags(reading: nil, pricing: pricing), today: today,
                                           fileSystem: fileSystem)
        } catch {
            return .failure(.init(lines: ["error: \(error)"]))
        }
        let errors = settings.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { return .failure(.init(lines: errors.map { $0.rendered })) }
        let gate = SubmissionGate(policy: policy, pricing: settings.pricing, reading: settings.reading, today: today)
        return .success(KubernetesAdmission(gate: gate, ledger: ledger, record: record, cluster: cluster))
    }

    /// `--today`: every request is decided as if received at noon (UTC) that day.
    static func noon(of day: CalendarDay) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
    }

    /// One line (or a few) on standard error, written whole.
    @Sendable static func log(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
