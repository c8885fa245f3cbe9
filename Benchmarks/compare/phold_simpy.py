#!/usr/bin/env python3
"""PHOLD in SimPy: the workload of phold.c and escsim-phold, for `make bench-compare`.

NLP logical processes (LPs), one initial message each at time exponential(1); handling a
message draws a delay (exponential, mean 1) and then a destination (uniform in 0..NLP-1) and
sends one new message there, arriving at now + delay. The run stops once EVENTS messages have
been handled. SimPy is 15 to 100 times slower than escsim here (depending on the idiom), so
compare.sh runs it for fewer events (200,000 by default) and compares rates, not totals.

Random numbers: GSL itself, through ctypes (libgsl.so.27, GSL 2.7 on Debian 12): one mt19937
generator, gsl_rng_set(r, 12345), the initial delays drawn for LP 0, 1, ... first, then per
handled message gsl_ran_exponential(r, 1.0) followed by gsl_rng_uniform_int(r, NLP); that is
what phold.c and escsim-phold do. Handling order is by time (SimPy's queue is ordered by time,
then priority, then event id: simpy/core.py, Environment.schedule), and PHOLD's times are
distinct with probability 1, so with the same EVENTS the checksum and final time equal
phold.c's; compare.sh checks that.

Where the draws happen (--draws):

* `pregenerated` (the default): every handled message consumes exactly one delay and one
  destination, in handling order, whatever the state, so the 2 x EVENTS numbers the run will
  use are drawn from GSL during set-up, in that order, and the handler takes the next pair
  from two iterators. Same numbers, same order, same result; inside the timed loop a draw
  then costs an iterator step (tens of ns), close to what a GSL call costs in C (about 45 ns
  for both draws of an event: Benchmarks/README.md), so the timed loop measures SimPy and the
  model code, not ctypes.
* `ctypes`: the handler calls GSL through ctypes for each draw, as phold.c does in its loop.
  That costs about 1.6 us per message here (two foreign calls), a large part of a SimPy
  message, which is why it is not the default.

If libgsl cannot be loaded the program falls back to Python's `random` (also an MT19937, but
seeded and transformed differently): the same workload with other numbers; the output says
`rng=python-random` and the checksum cannot match.

Two idioms (--idiom):

* `store` (the default; compare.sh's `ratio escsim/SimPy` line): each LP is a SimPy process
  blocked on `yield inbox.get()` on its own `simpy.Store`; a message is sent the way SimPy's
  documentation delays messages on a link (docs/examples/latency.rst, "Event Latency": a
  short process that yields `env.timeout(delay)` and then puts the message in the store).
  Per PHOLD message SimPy schedules five events: the sender process's Initialize, its
  Timeout, the StorePut, the StoreGet and the sender's termination.
* `timeout`: each of the NLP messages in flight is a process that loops `yield
  env.timeout(delay)`, handles its arrival and draws its next delay and destination; the LPs
  are just indices. One SimPy event per PHOLD message: the leanest faithful SimPy program,
  relying on PHOLD sending exactly one message per message handled (compare.sh's
  `ratio escsim/SimPy-timeout` line).

Only `env.run` is timed, with time.perf_counter() (CLOCK_MONOTONIC on Linux). Output, one
line: events=<N> seconds=<wall> events_per_second=<rate> checksum=<sum of the destinations of
the handled messages> final_time=<time of the last one> idiom=<idiom> draws=<...> rng=<...>
simpy=<version>.
"""

import argparse
import ctypes
import ctypes.util
import random
import sys
import time

import simpy

SEED = 12345


class GslStream:
    """One GSL mt19937 generator called through ctypes, as RandomStream in escsim."""

    name = "gsl-ctypes"

    def __init__(self, seed):
        path = ctypes.util.find_library("gsl") or "libgsl.so.27"
        lib = ctypes.CDLL(path)  # libgsl.so.27 itself depends on libgslcblas.so.0 (ldd)
        lib.gsl_rng_alloc.restype = ctypes.c_void_p
        lib.gsl_rng_alloc.argtypes = [ctypes.c_void_p]
        lib.gsl_rng_set.restype = None
        lib.gsl_rng_set.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        lib.gsl_ran_exponential.restype = ctypes.c_double
        lib.gsl_ran_exponential.argtypes = [ctypes.c_void_p, ctypes.c_double]
        lib.gsl_rng_uniform_int.restype = ctypes.c_ulong
        lib.gsl_rng_uniform_int.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        # gsl_rng_mt19937 is a `const gsl_rng_type *` variable, not a function.
        mt19937 = ctypes.c_void_p.in_dll(lib, "gsl_rng_mt19937").value
        self._rng = lib.gsl_rng_alloc(mt19937)
        if not self._rng:
            raise MemoryError("gsl_rng_alloc failed")
        lib.gsl_rng_set(self._rng, seed)
        self._exponential = lib.gsl_ran_exponential
        self._uniform_int = lib.gsl_rng_uniform_int

    def exponential(self, mean):
        return self._exponential(self._rng, mean)

    def uniform_int(self, n):
        return self._uniform_int(self._rng, n)


class PythonStream:
    """Fallback: Python's own Mersenne Twister; not the numbers of phold.c."""

    name = "python-random"

    def __init__(self, seed):
        self._random = random.Random(seed)

    def exponential(self, mean):
        return self._random.expovariate(1.0 / mean)

    def uniform_int(self, n):
        return self._random.randrange(n)


class Phold:
    """The state both idioms share: the stream, the counts and the stop event."""

    def __init__(self, env, processes, events, stream):
        self.env = env
        self.processes = processes
        self.events = events
        self.stream = stream
        # Callables returning the next delay and the next destination; see prepare_draws.
        self.next_delay = None
        self.next_target = None
        self.handled = 0
        self.checksum = 0
        self.done = env.event()  # succeeds when the EVENTS-th message has been handled

    def arrive(self, destination):
        """Handles one message at `destination`; returns the next (delay, destination)."""
        self.checksum += destination
        self.handled += 1
        delay = self.next_delay()
        target = self.next_target()
        if self.handled == self.events:
            self.done.succeed()
        return delay, target

    def prepare_draws(self, mode):
        """Called after the initial delays have been drawn: sets up the handler's draws."""
        stream, processes = self.stream, self.processes
        if mode == "pregenerated":
            delays, targets = [], []
            for _ in range(self.events):  # delay, then destination, as the handler would
                delays.append(stream.exponential(1.0))
                targets.append(stream.uniform_int(processes))
            self.next_delay = iter(delays).__next__
            self.next_target = iter(targets).__next__
        else:
            self.next_delay = lambda: stream.exponential(1.0)
            self.next_target = lambda: stream.uniform_int(processes)


# --- idiom `store`: LP processes with inboxes, messages delayed by a sender process -------


def deliver(env, delay, inbox, message):
    """SimPy's "Event Latency" example: wait out the link delay, then hand the message over."""
    yield env.timeout(delay)
    inbox.put(message)


def logical_process(env, index, inbox, inboxes, phold):
    while True:
        destination = yield inbox.get()  # the payload is the destination, i.e. `index`
        delay, target = phold.arrive(destination)
        env.process(deliver(env, delay, inboxes[target], target))


def setup_store(env, phold):
    inboxes = [simpy.Store(env) for _ in range(phold.processes)]
    for index in range(phold.processes):
        env.process(logical_process(env, index, inboxes[index], inboxes, phold))
    for index in range(phold.processes):
        delay = phold.stream.exponential(1.0)
        env.process(deliver(env, delay, inboxes[index], index))


# --- idiom `timeout`: each message in flight is a process looping on env.timeout ----------


def message(env, delay, destination, phold):
    while True:
        yield env.timeout(delay)
        delay, destination = phold.arrive(destination)


def setup_timeout(env, phold):
    for index in range(phold.processes):
        delay = phold.stream.exponential(1.0)
        env.process(message(env, delay, index, phold))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("events", nargs="?", type=int, default=200_000)
    parser.add_argument("processes", nargs="?", type=int, default=1_000)
    parser.add_argument("--idiom", choices=["store", "timeout"], default="store")
    parser.add_argument("--draws", choices=["pregenerated", "ctypes"], default="pregenerated")
    args = parser.parse_args()
    if args.events <= 0 or args.processes <= 0:
        parser.error("EVENTS and NLP must be positive")

    try:
        stream = GslStream(SEED)
    except (OSError, AttributeError) as error:
        print(f"phold_simpy: cannot use GSL via ctypes ({error}); using Python's random",
              file=sys.stderr)
        stream = PythonStream(SEED)

    env = simpy.Environment()
    phold = Phold(env, args.processes, args.events, stream)
    (setup_store if args.idiom == "store" else setup_timeout)(env, phold)
    phold.prepare_draws(args.draws)
    # Set-up, not timed: start the processes (their Initialize events, all at time 0) so that
    # only the NLP message timeouts, all later than 0, are left when the clock starts.
    while env.peek() == 0:
        env.step()

    start = time.perf_counter()
    env.run(until=phold.done)
    seconds = time.perf_counter() - start

    print(f"events={phold.handled} seconds={seconds:.6f} "
          f"events_per_second={phold.handled / seconds:.0f} checksum={phold.checksum} "
          f"final_time={env.now!r} idiom={args.idiom} draws={args.draws} rng={stream.name} "
          f"simpy={simpy.__version__}")


if __name__ == "__main__":
    main()
