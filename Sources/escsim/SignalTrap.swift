import Dispatch
import Experiments
import Foundation

/// Turns Ctrl-C (SIGINT) and SIGTERM into a stop request: no new replications start, the running
/// ones finish, and everything is written with the manifest marked incomplete. A second signal
/// ends the process at once (the log on disk still allows --resume).
final class SignalTrap {
    private var sources: [any DispatchSourceSignal] = []

    /// Lets SIGINT and SIGTERM reach this thread with their default action (the process ends)
    /// until a trap is installed. A parent may hand escsim a mask that blocks them (a process
    /// started from one of libdispatch's worker threads inherits that thread's mask), and a
    /// blocked SIGTERM during a long set-up would then wait, unseen, until the set-up finished.
    static func deliverDefaultSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    init(stop: StopFlag) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                if stop.isRequested { exit(130) }
                stop.request()
                FileHandleOutput.standardError(
                    "\nescsim: stopping - finishing the running replications "
                        + "(signal again to quit now)\n")
            }
            source.resume()
            sources.append(source)
        }
    }
}
