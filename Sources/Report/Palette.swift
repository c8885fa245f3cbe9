/// Colours of the charts: the eight-colour palette of Okabe & Ito, chosen to stay apart for
/// readers with any common form of colour blindness (Masataka Okabe and Kei Ito, "Color
/// Universal Design (CUD): How to make figures and presentations that are friendly to
/// colorblind people", J*FLY, 2008). Meaning never rests on colour alone: every chart also
/// labels its marks.
enum Palette {
    static let black = "#000000"
    static let orange = "#E69F00"
    static let skyBlue = "#56B4E9"
    static let bluishGreen = "#009E73"
    static let yellow = "#F0E442"
    static let blue = "#0072B2"
    static let vermillion = "#D55E00"
    static let reddishPurple = "#CC79A7"
    /// For what the charts set apart (runs where the event never happened), grid lines and text.
    static let grey = "#767676"
    static let lightGrey = "#D9D9D9"

    /// Colours for a series of items in turn (actors' fan charts), skipping yellow, which is too
    /// faint on white for a line.
    static let series = [blue, vermillion, bluishGreen, reddishPurple, orange, skyBlue, black]

    /// The colour of item `index` in a series.
    static func series(_ index: Int) -> String {
        series[index % series.count]
    }
}
