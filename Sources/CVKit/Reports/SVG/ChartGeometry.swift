import Foundation

/// A point on the canvas, in pixels.
struct CanvasPoint: Equatable {
    var x: Double
    var y: Double
}

/// The rectangle data is drawn in, in pixels (y grows downwards).
struct PlotRect: Equatable {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    var width: Double { right - left }
    var height: Double { bottom - top }
    var centerX: Double { (left + right) / 2 }
    var centerY: Double { (top + bottom) / 2 }
}

/// Maps data values to pixels along one axis: `lower` → `start`, `upper` → `end`, linearly in the
/// value or in its log10.
struct AxisScale {
    /// The domain; in log10 units for a logarithmic scale.
    var lower: Double
    var upper: Double
    var start: Double
    var end: Double
    var logarithmic = false

    /// The pixel position of `value`, or nil when it cannot be placed (not finite, or not positive
    /// on a logarithmic scale).
    func position(_ value: Double) -> Double? {
        guard value.isFinite, !logarithmic || value > 0 else { return nil }
        let v = logarithmic ? log10(value) : value
        guard upper != lower else { return (start + end) / 2 }
        let position = start + (v - lower) / (upper - lower) * (end - start)
        return position.isFinite ? position : nil
    }

    /// The pixel position of a value already in domain units (an exponent on a log scale).
    func position(ofDomainValue v: Double) -> Double {
        upper != lower ? start + (v - lower) / (upper - lower) * (end - start) : (start + end) / 2
    }
}

/// SVG path data (`d`) through points.
enum PathData {
    /// "M x y L x y …", an open polyline.
    static func polyline(_ points: [CanvasPoint]) -> String {
        points.enumerated().map { index, point in
            (index == 0 ? "M" : "L") + SVGNumber.coordinate(point.x) + " " + SVGNumber.coordinate(point.y)
        }.joined(separator: " ")
    }

    /// The polyline closed back to its first point.
    static func polygon(_ points: [CanvasPoint]) -> String {
        polyline(points) + " Z"
    }

    /// An "×" of half-size `radius` centred on (x, y), as two strokes.
    static func cross(x: Double, y: Double, radius: Double) -> String {
        polyline([CanvasPoint(x: x - radius, y: y - radius), CanvasPoint(x: x + radius, y: y + radius)]) + " "
            + polyline([CanvasPoint(x: x - radius, y: y + radius), CanvasPoint(x: x + radius, y: y - radius)])
    }

    /// The runs of consecutive present items: a nil (a gap in the data) ends a run.
    static func runs<Item>(_ items: [Item?]) -> [[Item]] {
        var runs: [[Item]] = []
        var current: [Item] = []
        for item in items {
            if let item {
                current.append(item)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
