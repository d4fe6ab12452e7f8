/// The facilitator's change to a variant: a new name and/or hidden or shown.
struct UpdateVariantRequest: Codable, Sendable {
    var name: String?
    var hidden: Bool?
}
