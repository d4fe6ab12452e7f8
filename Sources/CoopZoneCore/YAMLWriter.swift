import CLibYAML

/// Writes a `YNode` tree as YAML text through libyaml's emitter (`yaml_emitter_*`, the system
/// libyaml the loader reads with), so what is written reads back as the same tree.
///
/// Block style throughout, two-space indentation, no line folding, UTF-8 as is. A scalar
/// written as quoted (`.scalar(_, quoted: true)`) is double-quoted; an unquoted one is plain
/// when it reads back as the same text, and quoted by the emitter when it would not (`a: b`,
/// `# x`, a leading space): single quotes, or double quotes with escapes where single quotes
/// cannot hold it. Either way it then reads back quoted. Empty lists and mappings are `[]`
/// and `{}`; a list inside a mapping is not indented further than its key (`key:\n- item`).
public enum YAMLWriter {
    /// Why the emitter refused a tree.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// libyaml's words.
        public var problem: String
        /// The problem.
        public var description: String { "cannot write YAML: \(problem)" }
    }

    /// The YAML text of `node`, ending in a line break.
    public static func text(of node: YNode) throws(Failure) -> String {
        let sink = Sink()
        var emitter = yaml_emitter_t()
        guard yaml_emitter_initialize(&emitter) == 1 else { throw Failure(problem: "out of memory") }
        defer { yaml_emitter_delete(&emitter) }
        yaml_emitter_set_unicode(&emitter, 1)
        yaml_emitter_set_width(&emitter, -1)
        yaml_emitter_set_indent(&emitter, 2)
        yaml_emitter_set_break(&emitter, YAML_LN_BREAK)
        yaml_emitter_set_output(
            &emitter,
            { data, buffer, size in
                guard let data else { return 0 }
                let sink = Unmanaged<Sink>.fromOpaque(data).takeUnretainedValue()
                if let buffer, size > 0 { sink.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size)) }
                return 1
            }, Unmanaged.passUnretained(sink).toOpaque())
        // `sink` is used below, after the last event, so it lives while the emitter writes to it.
        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        try emit(&event, &emitter)
        yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        try emit(&event, &emitter)
        try write(node, &emitter)
        yaml_document_end_event_initialize(&event, 1)
        try emit(&event, &emitter)
        yaml_stream_end_event_initialize(&event)
        try emit(&event, &emitter)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    /// Where the emitter's output collects.
    final class Sink {
        var bytes: [UInt8] = []
    }

    /// Hands `event` to the emitter, which owns it from then on.
    static func emit(_ event: inout yaml_event_t, _ emitter: inout yaml_emitter_t) throws(Failure) {
        guard yaml_emitter_emit(&emitter, &event) == 1 else {
            throw Failure(problem: emitter.problem.map { String(cString: $0) } ?? "the emitter failed (error \(emitter.error.rawValue))")
        }
    }

    /// Writes `node` and everything in it, depth first (a tree from the loader is at most
    /// `LoadLimits.maxDepth` deep).
    static func write(_ node: YNode, _ emitter: inout yaml_emitter_t) throws(Failure) {
        var event = yaml_event_t()
        switch node.value {
        case .scalar(let text, let quoted):
            // A terminating NUL keeps the pointer valid for the empty string; the length excludes it.
            var bytes = Array(text.utf8)
            guard let length = Int32(exactly: bytes.count) else { throw Failure(problem: "a scalar of \(bytes.count) bytes is too long") }
            bytes.append(0)
            let ok = bytes.withUnsafeBufferPointer { buffer in
                yaml_scalar_event_initialize(
                    &event, nil, nil, buffer.baseAddress, length, 1, 1,
                    quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE)
            }
            guard ok == 1 else { throw Failure(problem: "a scalar of \(length) bytes could not be prepared") }
            try emit(&event, &emitter)
        case .sequence(let items):
            yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE)
            try emit(&event, &emitter)
            for item in items { try write(item, &emitter) }
            yaml_sequence_end_event_initialize(&event)
            try emit(&event, &emitter)
        case .mapping(let entries):
            yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE)
            try emit(&event, &emitter)
            for entry in entries {
                try write(YNode(.scalar(entry.key, quoted: false), at: entry.keyLocation), &emitter)
                try write(entry.value, &emitter)
            }
            yaml_mapping_end_event_initialize(&event)
            try emit(&event, &emitter)
        }
    }
}
