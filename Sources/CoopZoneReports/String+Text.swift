extension String {
    /// The string padded on the left with `character` to `width` characters (unchanged when longer).
    func leftPad(_ width: Int, with character: Character = "0") -> String {
        count >= width ? self : String(repeating: character, count: width - count) + self
    }

    /// The string padded on the right with spaces to `width` characters (unchanged when longer).
    func rightPad(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }

    /// The string without trailing spaces and newlines.
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " || s.last == "\n" { s.removeLast() }
        return s
    }
}
