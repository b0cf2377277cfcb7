/*
 * mt19937.h - the Mersenne Twister (MT19937, Matsumoto and Nishimura, 1998),
 * seeded the way CPython's random module seeds it, so that a program that
 * calls random.seed(42) draws the same numbers under loopscope as under
 * CPython 3.12.
 *
 * No VM here: the random module (random.c) turns Python values into keys
 * and words into Python values.
 */
#ifndef LOOPSCOPE_MT19937_H
#define LOOPSCOPE_MT19937_H

#include <stddef.h>
#include <stdint.h>

#define MT_N 624

typedef struct MT {
    uint32_t state[MT_N];
    int index;              /* the next word to temper; MT_N: regenerate first */
} MT;

/* The reference generator's init_genrand: one 32-bit seed. */
void mt_seed_word(MT *mt, uint32_t seed);

/* The reference init_by_array, which CPython feeds the 32-bit words of
 * abs(seed), least significant first ({0} for a seed of 0). */
void mt_seed_key(MT *mt, const uint32_t *key, size_t len);

/* The next tempered 32-bit output. */
uint32_t mt_next(MT *mt);

/* A double in [0, 1) with 53 random bits, from two outputs: the top 27 bits
 * of the first and the top 26 of the second, as CPython's random(). */
double mt_double(MT *mt);

#endif
