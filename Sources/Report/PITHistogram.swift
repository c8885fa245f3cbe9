/// A histogram of probability integral transform values (Dawid 1984): for each observation, the
/// share of the model's runs below what was observed. A calibrated model's PITs are uniform on
/// [0, 1], so the bars should lie along the dashed line at `count / bins`; PITs bunched near 0
/// or 1 mean the model ran high or low (biased), piled at both ends that its intervals are too
/// narrow (over-confident), a hump in the middle that they are too wide (under-confident)
/// (Gneiting, Balabdaoui and Raftery, "Probabilistic forecasts, calibration and sharpness",
/// J. R. Stat. Soc. B 69, 2007).
struct PITHistogram: Sendable {
    var id: String
    /// The PITs drawn; missing ones (NaN) are left out.
    var values: [Double]
    var bins = 10

    static let width = 560.0
    static let height = 280.0

    init(id: String, values: [Double], bins: Int = 10) {
        self.id = id
        self.values = values.filter(\.isFinite)
        self.bins = max(1, bins)
    }

    /// How many of `values` fall in each of `bins` equal bins of [0, 1]: bin `k` is
    /// `[k / bins, (k + 1) / bins)`, the last one closed, so a PIT of exactly 1 counts. Values
    /// outside [0, 1] (a damaged file) count in the nearest end bin.
    static func counts(_ values: [Double], bins: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: max(1, bins))
        for value in values where value.isFinite {
            let index = Int((min(max(value, 0), 1) * Double(counts.count)).rounded(.down))
            counts[min(index, counts.count - 1)] += 1
        }
        return counts
    }

    /// One sentence under the chart.
    var caption: String {
        let n = values.count
        guard n > 0 else { return "No observation has a PIT." }
        return "\(NumberText.count(n)) observation\(n == 1 ? "" : "s") (events and quantities) in \(bins) bins; "
            + "the dashed line is \(NumberText.automatic(Double(n) / Double(bins))) per bin, what a calibrated "
            + "model would give on average."
    }

    func svg() -> String {
        var canvas = SVGCanvas(width: Self.width, height: Self.height)
        let counts = Self.counts(values, bins: bins)
        let expected = Double(values.count) / Double(bins)
        let tallest = max(Double(counts.max() ?? 0), expected, 1)
        var area = PlotArea(
            canvas: canvas, margins: (48, 20, 50, 62), xDomain: (0, 1), yDomain: (0, tallest))
        area.y = area.y.nice(count: 5)
        // Counts of observations: whole-number ticks only, even when there are few.
        let yTicks = PlotArea.ticks(area.y, count: 5).filter { $0.value == $0.value.rounded() }.map {
            ($0.value, NumberText.fixed($0.value, digits: 0))
        }
        canvas.text("PIT of the observations", x: area.left, y: 18, size: 14, bold: true, role: "chart-title")
        area.drawGrid(on: &canvas, yTicks: yTicks)
        for (index, count) in counts.enumerated() {
            let low = Double(index) / Double(bins)
            let high = Double(index + 1) / Double(bins)
            let top = area.y(Double(count))
            canvas.rect(
                x: area.x(low) + 1, y: top, width: area.x(high) - area.x(low) - 2, height: area.bottom - top,
                fill: Palette.bluishGreen, role: "bar",
                data: [("data-low", "\(low)"), ("data-high", "\(high)"), ("data-count", "\(count)")])
        }
        if !values.isEmpty {
            canvas.line(
                x1: area.left, y1: area.y(expected), x2: area.right, y2: area.y(expected), stroke: Palette.black,
                width: 1.5, dash: "5 4", role: "uniform", data: [("data-value", "\(expected)")])
        } else {
            canvas.text(
                "no observation has a PIT", x: area.left + area.width / 2, y: area.top + area.height / 2,
                anchor: .middle, fill: Palette.grey)
        }
        let y = 36.0
        canvas.rect(x: area.left, y: y - 9, width: 14, height: 10, fill: Palette.bluishGreen)
        canvas.text("observations", x: area.left + 18, y: y, size: 11)
        canvas.line(
            x1: area.left + 120, y1: y - 4, x2: area.left + 134, y2: y - 4, stroke: Palette.black, width: 1.5,
            dash: "5 4")
        canvas.text("uniform (calibrated)", x: area.left + 138, y: y, size: 11)
        area.drawYAxis(on: &canvas, ticks: yTicks, label: "observations")
        area.drawXAxis(on: &canvas, ticks: PlotArea.ticks(area.x, count: 5), label: "PIT (share of runs below)")
        return canvas.render(
            id: id, kind: "pit", title: "PIT histogram of the observations",
            description: "Histogram of the PIT values of the scored events and quantities. " + caption,
            data: [("data-bins", "\(bins)"), ("data-observations", "\(values.count)")])
    }
}
