/*
 * timerheap.c - heapq's algorithm on deadlines (see timerheap.h for why).
 *
 * Push moves the new item up while it is strictly less than its parent.
 * Pop puts the last item at the root, moves it all the way down to a leaf
 * (always promoting the smaller child, the right one on ties), then back up
 * no higher than where it started. Heapify does that second step for every
 * inner node, last first.
 */
#include <stdio.h>
#include <stdlib.h>
#include "timerheap.h"

void sim_heap_init(SimTimerHeap *h)
{
    h->items = NULL;
    h->len = h->cap = 0;
}

void sim_heap_free(SimTimerHeap *h)
{
    free(h->items);
    sim_heap_init(h);
}

/* Up from pos while strictly less than the parent, never above start. */
static void sift_toward_root(SimTimerHeap *h, size_t start, size_t pos)
{
    SimTimer item = h->items[pos];
    while (pos > start) {
        size_t parent = (pos - 1) >> 1;
        if (!(item.when < h->items[parent].when))
            break;
        h->items[pos] = h->items[parent];
        pos = parent;
    }
    h->items[pos] = item;
}

/* Down to a leaf along the smaller children, then back up. */
static void sift_to_leaf(SimTimerHeap *h, size_t pos)
{
    size_t end = h->len, start = pos;
    SimTimer item = h->items[pos];
    size_t child = 2 * pos + 1;
    while (child < end) {
        size_t right = child + 1;
        if (right < end && !(h->items[child].when < h->items[right].when))
            child = right;
        h->items[pos] = h->items[child];
        pos = child;
        child = 2 * pos + 1;
    }
    h->items[pos] = item;
    sift_toward_root(h, start, pos);
}

void sim_heap_push(SimTimerHeap *h, SimTimer t)
{
    if (h->len == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 16;
        h->items = realloc(h->items, h->cap * sizeof(SimTimer));
        if (!h->items) {
            fputs("loopscope: out of memory\n", stderr);
            abort();
        }
    }
    h->items[h->len++] = t;
    sift_toward_root(h, 0, h->len - 1);
}

SimTimer sim_heap_pop(SimTimerHeap *h)
{
    SimTimer last = h->items[--h->len];
    if (h->len == 0)
        return last;
    SimTimer top = h->items[0];
    h->items[0] = last;
    sift_to_leaf(h, 0);
    return top;
}

void sim_heap_heapify(SimTimerHeap *h)
{
    for (size_t i = h->len / 2; i-- > 0;)
        sift_to_leaf(h, i);
}
