/// The JSON Schema of the scenario format (placeholder while being written).
public enum ScenarioSchema {
    /// The schema text.
    public static let json: String = #"""
{}
"""#
}
