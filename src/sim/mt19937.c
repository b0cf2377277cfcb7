/*
 * mt19937.c - the Mersenne Twister; see mt19937.h.
 */
#include "mt19937.h"

enum { MT_M = 397 };
#define MT_MATRIX 0x9908b0dfu
#define MT_UPPER  0x80000000u
#define MT_LOWER  0x7fffffffu

void mt_seed_word(MT *mt, uint32_t seed)
{
    uint32_t *s = mt->state;
    s[0] = seed;
    for (uint32_t i = 1; i < MT_N; i++)
        s[i] = 1812433253u * (s[i - 1] ^ (s[i - 1] >> 30)) + i;
    mt->index = MT_N;
}

void mt_seed_key(MT *mt, const uint32_t *key, size_t len)
{
    static const uint32_t zero = 0;
    if (len == 0) {
        key = &zero;
        len = 1;
    }
    uint32_t *s = mt->state;
    mt_seed_word(mt, 19650218u);
    size_t i = 1, j = 0;
    for (size_t k = len > MT_N ? len : MT_N; k > 0; k--) {
        s[i] = (s[i] ^ ((s[i - 1] ^ (s[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        if (++i >= MT_N) {
            s[0] = s[MT_N - 1];
            i = 1;
        }
        if (++j >= len)
            j = 0;
    }
    for (size_t k = MT_N - 1; k > 0; k--) {
        s[i] = (s[i] ^ ((s[i - 1] ^ (s[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        if (++i >= MT_N) {
            s[0] = s[MT_N - 1];
            i = 1;
        }
    }
    s[0] = 0x80000000u;     /* a non-zero state, whatever the key */
}

/* One word of the recurrence: the upper bit of s[a], the lower 31 of s[b],
 * twisted into s[c]. */
static uint32_t twist(const uint32_t *s, int a, int b, int c)
{
    uint32_t y = (s[a] & MT_UPPER) | (s[b] & MT_LOWER);
    return s[c] ^ (y >> 1) ^ ((y & 1u) ? MT_MATRIX : 0u);
}

static void regenerate(MT *mt)
{
    uint32_t *s = mt->state;
    int k = 0;
    for (; k < MT_N - MT_M; k++)
        s[k] = twist(s, k, k + 1, k + MT_M);
    for (; k < MT_N - 1; k++)
        s[k] = twist(s, k, k + 1, k + MT_M - MT_N);
    s[MT_N - 1] = twist(s, MT_N - 1, 0, MT_M - 1);
    mt->index = 0;
}

uint32_t mt_next(MT *mt)
{
    if (mt->index >= MT_N)
        regenerate(mt);
    uint32_t y = mt->state[mt->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

double mt_double(MT *mt)
{
    uint32_t a = mt_next(mt) >> 5, b = mt_next(mt) >> 6;
    return ((double)a * 67108864.0 + (double)b) * (1.0 / 9007199254740992.0);
}
