/*
 * timerheap.h - the event loop's timer heap, ordered exactly as CPython's.
 *
 * CPython keeps its timers in a binary heap managed by heapq, and timers
 * compare on their deadline only: equal deadlines do not come out first-in
 * first-out but in whatever order heapq's sifting leaves them (six timers
 * pushed with the same deadline pop as 0, 2, 5, 4, 1, 3). Under a virtual
 * clock equal deadlines are the norm, so loopscope reproduces the sifting
 * itself, step for step, rather than using any other priority queue.
 */
#ifndef LOOPSCOPE_TIMERHEAP_H
#define LOOPSCOPE_TIMERHEAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct SimTimer {
    double when;        /* the deadline: the only thing timers compare on */
    uint32_t id;        /* the timer's identity, for the trace */
    void *data;         /* the owner's */
} SimTimer;

typedef struct SimTimerHeap {
    SimTimer *items;
    size_t len, cap;
} SimTimerHeap;

void sim_heap_init(SimTimerHeap *h);
void sim_heap_free(SimTimerHeap *h);
void sim_heap_push(SimTimerHeap *h, SimTimer t);   /* heapq.heappush */
SimTimer sim_heap_pop(SimTimerHeap *h);            /* heapq.heappop; the heap must not be empty */
void sim_heap_heapify(SimTimerHeap *h);            /* heapq.heapify, for the bulk purge */
static inline const SimTimer *sim_heap_top(const SimTimerHeap *h) { return h->len ? &h->items[0] : NULL; }

#endif
