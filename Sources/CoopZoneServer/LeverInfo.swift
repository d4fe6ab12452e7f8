/// A lever as the page draws it: a slider.
public struct LeverInfo: Codable, Sendable, Equatable {
    /// Identifier (the name of the value in requests).
    public var id: String
    /// Label next to the slider.
    public var label: String
    /// The scenario path it sets.
    public var path: String
    /// Lowest value.
    public var min: Double
    /// Highest value.
    public var max: Double
    /// Step.
    public var step: Double
    /// The value in the file.
    public var value: Double
    /// The value the facilitator locked it at, if locked.
    public var locked: Double?
    /// The unit of the number it sets (`fraction`, `years`…), as the scenario format reads it;
    /// the page shows a fraction as a percent.
    public var unit: String? = nil
}
