/// A small least-recently-used cache.
struct LRUCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    let capacity: Int
    private var values: [Key: (value: Value, tick: UInt64)] = [:]
    private var tick: UInt64 = 0

    init(capacity: Int) { self.capacity = max(1, capacity) }

    subscript(key: Key) -> Value? {
        mutating get {
            guard let found = values[key] else { return nil }
            tick += 1
            values[key] = (found.value, tick)
            return found.value
        }
        set {
            guard let newValue else {
                values[key] = nil
                return
            }
            tick += 1
            values[key] = (newValue, tick)
            if values.count > capacity {
                // Evict the oldest quarter at once, so eviction stays cheap on average.
                let cut = values.values.map(\.tick).sorted()[values.count / 4]
                values = values.filter { $0.value.tick > cut }
            }
        }
    }

    mutating func removeAll() { values.removeAll() }

    var count: Int { values.count }
}
