# heapq for loopscope: CPython 3.12's heap queue functions as its
# documentation describes them (the same sift order, so heaps print as in
# CPython), written for loopscope (stdlib.c runs this into the module
# "heapq" when a program first imports it).


def _check(heap, fname):
    if not isinstance(heap, list):
        raise TypeError(f"{fname}() argument 1 must be list, not {type(heap).__name__}")


def _up(heap, start, pos):
    # move heap[pos] toward the root while it is smaller than its parent
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) >> 1
        if item < heap[parent]:
            heap[pos] = heap[parent]
            pos = parent
            continue
        break
    heap[pos] = item


def _down(heap, pos):
    # take the smaller child up until a leaf, then move the item back up
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _up(heap, start, pos)


def heappush(heap, item, /):
    _check(heap, 'heappush')
    heap.append(item)
    _up(heap, 0, len(heap) - 1)


def heappop(heap, /):
    _check(heap, 'heappop')
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _down(heap, 0)
        return top
    return last


def heapreplace(heap, item, /):
    _check(heap, 'heapreplace')
    if not heap:
        raise IndexError("index out of range")
    top = heap[0]
    heap[0] = item
    _down(heap, 0)
    return top


def heappushpop(heap, item, /):
    _check(heap, 'heappushpop')
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _down(heap, 0)
    return item


def heapify(x, /):
    _check(x, 'heapify')
    for i in reversed(range(len(x) // 2)):
        _down(x, i)


def nsmallest(n, iterable, key=None):
    return sorted(iterable, key=key)[:n] if n > 0 else []


def nlargest(n, iterable, key=None):
    return sorted(iterable, key=key, reverse=True)[:n] if n > 0 else []


def merge(*iterables, key=None, reverse=False):
    iterators = [iter(it) for it in iterables]
    heads = []
    for order, it in enumerate(iterators):
        for value in it:
            heads.append([value, order])
            break

    def sort_key(entry):
        k = entry[0] if key is None else key(entry[0])
        return k

    while heads:
        best = heads[0]
        for h in heads[1:]:
            a, b = sort_key(h), sort_key(best)
            if (b < a) if reverse else (a < b):
                best = h
        yield best[0]
        for value in iterators[best[1]]:
            best[0] = value
            break
        else:
            heads.remove(best)
