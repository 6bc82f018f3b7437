/// The training part the sanity checks run on, and the seeds they draw from.
///
/// "Run on the training part only": a stratified holdout of `SanitySettings.heldOutFraction`
/// of the rows (seeded with the run seed) is set aside and never read; the rest is preprocessed
/// with statistics fitted on it alone (`Preprocessing`), exactly as one training part of a
/// cross-validation run would be.
///
/// Losses are measured on one *measurement batch*: up to `measurementLimit` rows of the training
/// part in a seeded order, in one training-mode pass (BatchNorm with the batch's statistics), so
/// a measurement never depends on running statistics that training has not moved yet.
public struct SanityData: Sendable {
    /// Standardized training part, row-major, and its labels.
    public let features: [Float]
    public let labels: [Int32]
    /// Training rows as rows of the data set (sorted), and how many rows were held out.
    public let rows: [Int]
    public let heldOutRows: Int
    /// The network shape with the data's inputs and classes filled in.
    public let config: NetworkConfig
    /// The training part's row indices (0-based within `features`) in a seeded order; measurement
    /// batches and the gradient-check batch are prefixes of it.
    public let order: [Int]
    public let seed: UInt64

    public static let measurementLimit = 1024

    public var rowCount: Int { labels.count }
    public var width: Int { config.inputs }

    public init(dataset: Dataset, settings: SanitySettings) throws {
        let split = try Holdout(test: SanitySettings.heldOutFraction, stratified: true, seed: settings.seed).splits(labels: dataset.labels)[0]
        guard split.train.count >= 2 else {
            throw CVKitError.badData(location: nil, message: "\(dataset.source.path): \(dataset.rowCount) rows leave \(split.train.count) "
                + "for the training part; the sanity checks need at least 2")
        }
        let scaler = Preprocessing.fit(dataset, rows: split.train, minCategoryCount: settings.csv.minCategoryCount)
        features = scaler.transform(dataset, rows: split.train)
        labels = split.train.map { dataset.labels[$0] }
        rows = split.train
        heldOutRows = split.test.count
        var config = settings.network
        config.inputs = scaler.width
        config.classes = dataset.classCount
        self.config = config
        seed = settings.seed
        var random = RandomSource(seed: SanityData.seed(settings.seed, .order))
        var order = Array(0..<split.train.count)
        random.shuffle(&order)
        self.order = order
    }

    /// What each derived seed is for; every check draws from its own stream.
    enum Stream: UInt64 {
        case network = 1, batches = 2, order = 3, subset = 4, gradientSample = 5
    }

    /// The seed of one stream: `RandomSource.derive(seed, [stream])`.
    static func seed(_ seed: UInt64, _ stream: Stream) -> UInt64 { RandomSource.derive(seed, [stream.rawValue]) }

    /// The initial weights every check starts from (Float32 and Float64 alike).
    public var networkSeed: UInt64 { SanityData.seed(seed, .network) }

    /// The first `count` rows of `order` (all rows when there are fewer), as features and labels.
    public func batch(_ count: Int) -> (features: [Float], labels: [Int32]) {
        gather(Array(order.prefix(count)))
    }

    /// The measurement batch: up to `measurementLimit` rows.
    public var measurement: (features: [Float], labels: [Int32]) { batch(SanityData.measurementLimit) }

    /// Features and labels of `indices` (0-based within the training part).
    public func gather(_ indices: [Int]) -> (features: [Float], labels: [Int32]) {
        var x: [Float] = []
        x.reserveCapacity(indices.count * width)
        for index in indices { x += features[index * width..<(index + 1) * width] }
        return (x, indices.map { labels[$0] })
    }
}
