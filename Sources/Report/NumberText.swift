/// Numbers as text for the page, with no locale involved: digits come from integer arithmetic,
/// the decimal mark is always ".", thousands are grouped with ",", and a missing value (NaN)
/// is an en dash. The same input gives the same bytes on every machine.
enum NumberText {
    /// Shown for a missing value.
    static let missing = "\u{2013}"

    /// `x` rounded to `digits` decimals: "4.9", "-0.25", "1200.0".
    static func fixed(_ x: Double, digits: Int, grouped: Bool = false) -> String {
        guard x.isFinite else { return missing }
        let digits = max(0, min(digits, 9))
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (x.magnitude * Double(scale)).rounded()
        // Beyond 2^62 the integer path would overflow; such values are shown in Swift's form.
        guard scaled < 4.6e18 else { return x.description }
        let units = Int64(scaled)
        var whole = String(units / scale)
        if grouped { whole = group(whole) }
        var text = units == 0 || x > 0 ? "" : "-"
        text += whole
        if digits > 0 {
            let fraction = String(units % scale)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return text
    }

    /// A whole number with thousands grouped: "41,301".
    static func count(_ n: Int) -> String {
        (n < 0 ? "-" : "") + group(String(n.magnitude))
    }

    /// A number with as many decimals as its size deserves: three significant figures below
    /// 100, whole numbers (grouped) above; integers stay integers.
    static func automatic(_ x: Double) -> String {
        guard x.isFinite else { return missing }
        let size = x.magnitude
        if size >= 100 || x == x.rounded() && size < 1e15 { return fixed(x, digits: 0, grouped: true) }
        if size >= 10 { return fixed(x, digits: 1) }
        if size >= 1 { return fixed(x, digits: 2) }
        var digits = 3
        var bound = 0.1
        while size < bound && digits < 9 {
            bound /= 10
            digits += 1
        }
        return fixed(x, digits: digits)
    }

    /// A proportion (0...1) as a percentage with one decimal: "96.7%".
    static func percent(_ proportion: Double) -> String {
        guard proportion.isFinite else { return missing }
        return fixed(proportion * 100, digits: 1) + "%"
    }

    /// A coordinate for SVG: at most two decimals, no trailing zeros ("12.5", "3", "-0.25").
    static func coordinate(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        var text = fixed(x, digits: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Digits with a "," every three from the right.
    private static func group(_ digits: String) -> String {
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
