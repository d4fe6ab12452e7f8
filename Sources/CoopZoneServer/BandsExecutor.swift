import Dispatch

/// The thread Monte Carlo bands run on: one serial dispatch queue, outside Swift's cooperative
/// pool, so that however many band requests wait, runs, polls and page loads keep the pool's
/// threads (on 2 cores, the pool has 2). `WorkshopRunner` bounds how many band jobs may wait.
final class BandsExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "coopzone.workshop.bands", qos: .utility)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    /// The executor every runner shares.
    static let shared = BandsExecutor()
}
