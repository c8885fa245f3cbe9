/*
 * PHOLD in plain C11: the baseline escsim's kernel is compared with (see README.md here).
 *
 * The workload is the one of Benchmarks/Benchmarks/KernelBenchmarks/Phold.swift and of
 * escsim-phold/main.swift: NLP logical processes, one initial event each at time
 * exponential(1); handling an event draws a delay (exponential, mean 1) and then a destination
 * (uniform in 0..NLP-1) and schedules one new event there at now + delay. The run stops once
 * EVENTS events have been handled.
 *
 * Random numbers: one GSL mt19937 generator seeded 12345, as RandomStream(seed: 12345) in
 * Sources/Stochastic/RandomStream.swift (gsl_rng_alloc(gsl_rng_mt19937), then gsl_rng_set),
 * drawn in the same order: the NLP initial delays for LP 0, 1, ..., then per handled event
 * gsl_ran_exponential(r, 1.0) followed by gsl_rng_uniform_int(r, NLP). RandomStream's
 * exponential(mean:) and uniformInt(below:) call exactly these two functions.
 *
 * Future-event list: an array-based binary min-heap of {time, seq, dest}, ordered by time and
 * then by insertion sequence (escsim's _EventKey.precedes orders by time, priority, sequence;
 * every PHOLD event has priority 0, so the two orders agree). Its storage is allocated once
 * before the run. Each event is one pop and one push, as in escsim's Simulation.run loop
 * (popNext, then the model's schedule): no replace-top shortcut.
 *
 * Output, one line: events=<N> seconds=<wall> events_per_second=<rate> checksum=<sum of the
 * destination indices of the handled events> final_time=<time of the last handled event>.
 * Only the event loop is timed, with clock_gettime(CLOCK_MONOTONIC).
 *
 * Build: gcc -std=c11 -O2 -march=native phold.c $(pkg-config --cflags --libs gsl)
 * Usage: phold [EVENTS (default 1000000)] [NLP (default 1000)]
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime and CLOCK_MONOTONIC under -std=c11 */

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct {
    double time;
    uint64_t seq;
    int dest;
} event_t;

typedef struct {
    event_t *items;
    size_t count;
    size_t capacity;
    uint64_t next_seq;
} heap_t;

/* True if a runs before b: earlier time, then earlier insertion. */
static inline int precedes(const event_t *a, const event_t *b) {
    if (a->time != b->time) return a->time < b->time;
    return a->seq < b->seq;
}

static void heap_push(heap_t *h, double time, int dest) {
    if (h->count == h->capacity) {
        /* Never reached in PHOLD: the heap holds exactly NLP events, its preallocated size. */
        fprintf(stderr, "phold: heap full (%zu events)\n", h->capacity);
        exit(1);
    }
    event_t moving = {time, h->next_seq++, dest};
    size_t hole = h->count++;
    /* Sift up with a hole: parents move down one level, the new event is stored once. */
    while (hole > 0) {
        size_t parent = (hole - 1) / 2;
        if (!precedes(&moving, &h->items[parent])) break;
        h->items[hole] = h->items[parent];
        hole = parent;
    }
    h->items[hole] = moving;
}

/* Removes and returns the first event; the heap must not be empty. */
static event_t heap_pop(heap_t *h) {
    event_t top = h->items[0];
    event_t moving = h->items[--h->count];
    size_t count = h->count;
    size_t hole = 0;
    /* Sift the former last event down from the root, again with a hole. */
    for (;;) {
        size_t child = 2 * hole + 1;
        if (child >= count) break;
        if (child + 1 < count && precedes(&h->items[child + 1], &h->items[child])) child++;
        if (!precedes(&h->items[child], &moving)) break;
        h->items[hole] = h->items[child];
        hole = child;
    }
    if (count > 0) h->items[hole] = moving;
    return top;
}

static double monotonic_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    long events = argc > 1 ? strtol(argv[1], NULL, 10) : 1000000L;
    long nlp = argc > 2 ? strtol(argv[2], NULL, 10) : 1000L;
    if (events <= 0 || nlp <= 0) {
        fprintf(stderr, "usage: %s [EVENTS > 0] [NLP > 0]\n", argv[0]);
        return 2;
    }

    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    if (r == NULL) {
        fprintf(stderr, "phold: gsl_rng_alloc failed\n");
        return 1;
    }
    gsl_rng_set(r, 12345UL);

    heap_t heap = {malloc((size_t)nlp * sizeof(event_t)), 0, (size_t)nlp, 0};
    if (heap.items == NULL) {
        fprintf(stderr, "phold: out of memory\n");
        return 1;
    }
    /* Set-up, not timed: one event per LP, LP i's drawn i-th. */
    for (long lp = 0; lp < nlp; lp++) heap_push(&heap, gsl_ran_exponential(r, 1.0), (int)lp);

    uint64_t checksum = 0;
    double now = 0.0;
    double start = monotonic_seconds();
    for (long handled = 0; handled < events; handled++) {
        event_t ev = heap_pop(&heap);
        now = ev.time;
        checksum += (uint64_t)ev.dest;
        double delay = gsl_ran_exponential(r, 1.0);
        int dest = (int)gsl_rng_uniform_int(r, (unsigned long)nlp);
        heap_push(&heap, now + delay, dest);
    }
    double seconds = monotonic_seconds() - start;

    printf("events=%ld seconds=%.6f events_per_second=%.0f checksum=%" PRIu64 " final_time=%.17g\n",
           events, seconds, (double)events / seconds, checksum, now);
    free(heap.items);
    gsl_rng_free(r);
    return 0;
}
