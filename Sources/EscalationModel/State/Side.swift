/// The two camps of the war. Patrons belong to the camp of the client they back.
public enum Side: String, Sendable, Hashable, CaseIterable {
    case opposition
    case loyalist

    /// The camp on the other side of the front.
    public var opponent: Side {
        self == .opposition ? .loyalist : .opposition
    }
}
