import Hummingbird
import NIOCore

/// The request context of the workshop's routes: Hummingbird's basics plus the client's
/// address, for rate limits.
public struct WorkshopRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's storage.
    public var coreContext: CoreRequestContextStorage
    /// The connected client, when known (not in router tests).
    public let remoteAddress: SocketAddress?

    /// Creates the context for a request on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Bodies are small JSON documents.
    public var maxUploadSize: Int { 16 * 1024 }

    /// The client's IP address, when known.
    var clientAddress: String? { remoteAddress?.ipAddress }
}
