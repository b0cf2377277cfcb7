/*
 * stdlib.c - small modules of Python's standard library that scenarios
 * import, written in Python for loopscope and compiled at start-up.
 * (None yet: contextlib and traceback come next.)
 */
#include "sim.h"

void sim_stdlib_init(VM *vm)
{
    (void)vm;
}
