/*
 * strmethods.c - the str type's behaviour: its methods (split, join, strip,
 * find, replace, case mapping, is*, ...) and the per-type hooks ops.c
 * dispatches to (repr, indexing and slicing, + * %, comparison, `in`,
 * iteration).
 *
 * Strings are UTF-8 (Str.data) with their code-point count; indices and
 * widths seen by Python count code points. Byte-level search is correct on
 * UTF-8 (a valid needle only matches at character boundaries), so find/split/
 * replace search bytes and convert offsets only when the string is not ASCII.
 *
 * Unicode coverage (documented limit): printability (repr) follows CPython
 * 3.12 exactly, from a table of its non-printable ranges. Case mapping covers
 * ASCII, Latin-1, Latin Extended-A/B (common pairs), Latin Extended
 * Additional, Greek (with final sigma), Cyrillic, Armenian, fullwidth Latin
 * and the special expansions of ß, ŉ, İ and the ﬀ-ligatures. isalpha /
 * isdigit / isnumeric / isdecimal use block ranges for the common scripts;
 * exotic characters may classify differently from CPython.
 *
 * str.format and str.format_map live in format.c (format_init registers them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm.h"
#include "numfmt.h"

/* ===== UTF-8 ================================================================ */

static size_t u8_dec(const unsigned char *p, size_t n, uint32_t *cp)
{
    uint32_t c = p[0];
    if (c < 0x80 || n < 2) { *cp = c; return 1; }
    if (c < 0xE0) { *cp = ((c & 31u) << 6) | (p[1] & 63u); return 2; }
    if (c < 0xF0 || n < 4) {
        if (n < 3) { *cp = c; return 1; }
        *cp = ((c & 15u) << 12) | ((p[1] & 63u) << 6) | (p[2] & 63u);
        return 3;
    }
    *cp = ((c & 7u) << 18) | ((p[1] & 63u) << 12) | ((p[2] & 63u) << 6) | (p[3] & 63u);
    return 4;
}

static size_t u8_len1(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Byte offset of code point index cp (cp <= ncp). */
static size_t cp2b(const Str *s, size_t cp)
{
    if (s->ascii)
        return cp;
    if (cp >= s->ncp)
        return s->len;
    size_t b = 0;
    while (cp > 0 && b < s->len) {
        b += u8_len1((unsigned char)s->data[b]);
        cp--;
    }
    return b > s->len ? s->len : b;
}

/* Code point index of byte offset b. */
static size_t b2cp(const Str *s, size_t b)
{
    if (s->ascii)
        return b;
    size_t n = 0;
    for (size_t i = 0; i < b && i < s->len; i++)
        if (((unsigned char)s->data[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* All code points of s, malloc'd (caller frees). */
static uint32_t *decode_all(const Str *s, size_t *n)
{
    uint32_t *out = malloc((s->ncp + 1) * sizeof *out);
    size_t k = 0;
    if (!out) { *n = 0; return NULL; }
    const unsigned char *p = (const unsigned char *)s->data;
    size_t i = 0;
    while (i < s->len && k <= s->ncp) {
        uint32_t c;
        i += u8_dec(p + i, s->len - i, &c);
        out[k++] = c;
    }
    *n = k;
    return out;
}

static void buf_cp(NfBuf *b, uint32_t cp)
{
    char t[4];
    size_t n = nf_utf8_encode(cp, t);
    nf_buf_append(b, t, n);
}

static Value mkstr(VM *vm, const char *s, size_t n)
{
    Str *r = str_new(vm, s, n);
    return r ? VOBJ(r) : VNULL;
}

/* The finished buffer as a str; frees the buffer. */
static Value buf_str(VM *vm, NfBuf *b)
{
    Value r = mkstr(vm, b->data ? b->data : "", b->len);
    nf_buf_free(b);
    return r;
}

static Value char_str(VM *vm, const char *p, size_t n)
{
    if (n == 1 && (unsigned char)p[0] < 128 && vm->single_chars[(unsigned char)p[0]])
        return VOBJ(vm->single_chars[(unsigned char)p[0]]);
    return mkstr(vm, p, n);
}

static const char *tname(VM *vm, Value v) { return vm_type_name(vm, v); }

/* ===== character classes ===================================================== */

typedef struct CpRange { uint32_t lo, hi; } CpRange;

/* Code points for which CPython 3.12's str.isprintable() is False
 * (recorded from CPython's behaviour; used by repr). */
static const CpRange nonprintable[] = {
    {0x0,0x1f}, {0x7f,0xa0}, {0xad,0xad}, {0x378,0x379}, {0x380,0x383}, {0x38b,0x38b},
    {0x38d,0x38d}, {0x3a2,0x3a2}, {0x530,0x530}, {0x557,0x558}, {0x58b,0x58c},
    {0x590,0x590}, {0x5c8,0x5cf}, {0x5eb,0x5ee}, {0x5f5,0x605}, {0x61c,0x61c},
    {0x6dd,0x6dd}, {0x70e,0x70f}, {0x74b,0x74c}, {0x7b2,0x7bf}, {0x7fb,0x7fc},
    {0x82e,0x82f}, {0x83f,0x83f}, {0x85c,0x85d}, {0x85f,0x85f}, {0x86b,0x86f},
    {0x88f,0x897}, {0x8e2,0x8e2}, {0x984,0x984}, {0x98d,0x98e}, {0x991,0x992},
    {0x9a9,0x9a9}, {0x9b1,0x9b1}, {0x9b3,0x9b5}, {0x9ba,0x9bb}, {0x9c5,0x9c6},
    {0x9c9,0x9ca}, {0x9cf,0x9d6}, {0x9d8,0x9db}, {0x9de,0x9de}, {0x9e4,0x9e5},
    {0x9ff,0xa00}, {0xa04,0xa04}, {0xa0b,0xa0e}, {0xa11,0xa12}, {0xa29,0xa29},
    {0xa31,0xa31}, {0xa34,0xa34}, {0xa37,0xa37}, {0xa3a,0xa3b}, {0xa3d,0xa3d},
    {0xa43,0xa46}, {0xa49,0xa4a}, {0xa4e,0xa50}, {0xa52,0xa58}, {0xa5d,0xa5d},
    {0xa5f,0xa65}, {0xa77,0xa80}, {0xa84,0xa84}, {0xa8e,0xa8e}, {0xa92,0xa92},
    {0xaa9,0xaa9}, {0xab1,0xab1}, {0xab4,0xab4}, {0xaba,0xabb}, {0xac6,0xac6},
    {0xaca,0xaca}, {0xace,0xacf}, {0xad1,0xadf}, {0xae4,0xae5}, {0xaf2,0xaf8},
    {0xb00,0xb00}, {0xb04,0xb04}, {0xb0d,0xb0e}, {0xb11,0xb12}, {0xb29,0xb29},
    {0xb31,0xb31}, {0xb34,0xb34}, {0xb3a,0xb3b}, {0xb45,0xb46}, {0xb49,0xb4a},
    {0xb4e,0xb54}, {0xb58,0xb5b}, {0xb5e,0xb5e}, {0xb64,0xb65}, {0xb78,0xb81},
    {0xb84,0xb84}, {0xb8b,0xb8d}, {0xb91,0xb91}, {0xb96,0xb98}, {0xb9b,0xb9b},
    {0xb9d,0xb9d}, {0xba0,0xba2}, {0xba5,0xba7}, {0xbab,0xbad}, {0xbba,0xbbd},
    {0xbc3,0xbc5}, {0xbc9,0xbc9}, {0xbce,0xbcf}, {0xbd1,0xbd6}, {0xbd8,0xbe5},
    {0xbfb,0xbff}, {0xc0d,0xc0d}, {0xc11,0xc11}, {0xc29,0xc29}, {0xc3a,0xc3b},
    {0xc45,0xc45}, {0xc49,0xc49}, {0xc4e,0xc54}, {0xc57,0xc57}, {0xc5b,0xc5c},
    {0xc5e,0xc5f}, {0xc64,0xc65}, {0xc70,0xc76}, {0xc8d,0xc8d}, {0xc91,0xc91},
    {0xca9,0xca9}, {0xcb4,0xcb4}, {0xcba,0xcbb}, {0xcc5,0xcc5}, {0xcc9,0xcc9},
    {0xcce,0xcd4}, {0xcd7,0xcdc}, {0xcdf,0xcdf}, {0xce4,0xce5}, {0xcf0,0xcf0},
    {0xcf4,0xcff}, {0xd0d,0xd0d}, {0xd11,0xd11}, {0xd45,0xd45}, {0xd49,0xd49},
    {0xd50,0xd53}, {0xd64,0xd65}, {0xd80,0xd80}, {0xd84,0xd84}, {0xd97,0xd99},
    {0xdb2,0xdb2}, {0xdbc,0xdbc}, {0xdbe,0xdbf}, {0xdc7,0xdc9}, {0xdcb,0xdce},
    {0xdd5,0xdd5}, {0xdd7,0xdd7}, {0xde0,0xde5}, {0xdf0,0xdf1}, {0xdf5,0xe00},
    {0xe3b,0xe3e}, {0xe5c,0xe80}, {0xe83,0xe83}, {0xe85,0xe85}, {0xe8b,0xe8b},
    {0xea4,0xea4}, {0xea6,0xea6}, {0xebe,0xebf}, {0xec5,0xec5}, {0xec7,0xec7},
    {0xecf,0xecf}, {0xeda,0xedb}, {0xee0,0xeff}, {0xf48,0xf48}, {0xf6d,0xf70},
    {0xf98,0xf98}, {0xfbd,0xfbd}, {0xfcd,0xfcd}, {0xfdb,0xfff}, {0x10c6,0x10c6},
    {0x10c8,0x10cc}, {0x10ce,0x10cf}, {0x1249,0x1249}, {0x124e,0x124f}, {0x1257,0x1257},
    {0x1259,0x1259}, {0x125e,0x125f}, {0x1289,0x1289}, {0x128e,0x128f}, {0x12b1,0x12b1},
    {0x12b6,0x12b7}, {0x12bf,0x12bf}, {0x12c1,0x12c1}, {0x12c6,0x12c7}, {0x12d7,0x12d7},
    {0x1311,0x1311}, {0x1316,0x1317}, {0x135b,0x135c}, {0x137d,0x137f}, {0x139a,0x139f},
    {0x13f6,0x13f7}, {0x13fe,0x13ff}, {0x1680,0x1680}, {0x169d,0x169f}, {0x16f9,0x16ff},
    {0x1716,0x171e}, {0x1737,0x173f}, {0x1754,0x175f}, {0x176d,0x176d}, {0x1771,0x1771},
    {0x1774,0x177f}, {0x17de,0x17df}, {0x17ea,0x17ef}, {0x17fa,0x17ff}, {0x180e,0x180e},
    {0x181a,0x181f}, {0x1879,0x187f}, {0x18ab,0x18af}, {0x18f6,0x18ff}, {0x191f,0x191f},
    {0x192c,0x192f}, {0x193c,0x193f}, {0x1941,0x1943}, {0x196e,0x196f}, {0x1975,0x197f},
    {0x19ac,0x19af}, {0x19ca,0x19cf}, {0x19db,0x19dd}, {0x1a1c,0x1a1d}, {0x1a5f,0x1a5f},
    {0x1a7d,0x1a7e}, {0x1a8a,0x1a8f}, {0x1a9a,0x1a9f}, {0x1aae,0x1aaf}, {0x1acf,0x1aff},
    {0x1b4d,0x1b4f}, {0x1b7f,0x1b7f}, {0x1bf4,0x1bfb}, {0x1c38,0x1c3a}, {0x1c4a,0x1c4c},
    {0x1c89,0x1c8f}, {0x1cbb,0x1cbc}, {0x1cc8,0x1ccf}, {0x1cfb,0x1cff}, {0x1f16,0x1f17},
    {0x1f1e,0x1f1f}, {0x1f46,0x1f47}, {0x1f4e,0x1f4f}, {0x1f58,0x1f58}, {0x1f5a,0x1f5a},
    {0x1f5c,0x1f5c}, {0x1f5e,0x1f5e}, {0x1f7e,0x1f7f}, {0x1fb5,0x1fb5}, {0x1fc5,0x1fc5},
    {0x1fd4,0x1fd5}, {0x1fdc,0x1fdc}, {0x1ff0,0x1ff1}, {0x1ff5,0x1ff5}, {0x1fff,0x200f},
    {0x2028,0x202f}, {0x205f,0x206f}, {0x2072,0x2073}, {0x208f,0x208f}, {0x209d,0x209f},
    {0x20c1,0x20cf}, {0x20f1,0x20ff}, {0x218c,0x218f}, {0x2427,0x243f}, {0x244b,0x245f},
    {0x2b74,0x2b75}, {0x2b96,0x2b96}, {0x2cf4,0x2cf8}, {0x2d26,0x2d26}, {0x2d28,0x2d2c},
    {0x2d2e,0x2d2f}, {0x2d68,0x2d6e}, {0x2d71,0x2d7e}, {0x2d97,0x2d9f}, {0x2da7,0x2da7},
    {0x2daf,0x2daf}, {0x2db7,0x2db7}, {0x2dbf,0x2dbf}, {0x2dc7,0x2dc7}, {0x2dcf,0x2dcf},
    {0x2dd7,0x2dd7}, {0x2ddf,0x2ddf}, {0x2e5e,0x2e7f}, {0x2e9a,0x2e9a}, {0x2ef4,0x2eff},
    {0x2fd6,0x2fef}, {0x2ffc,0x3000}, {0x3040,0x3040}, {0x3097,0x3098}, {0x3100,0x3104},
    {0x3130,0x3130}, {0x318f,0x318f}, {0x31e4,0x31ef}, {0x321f,0x321f}, {0xa48d,0xa48f},
    {0xa4c7,0xa4cf}, {0xa62c,0xa63f}, {0xa6f8,0xa6ff}, {0xa7cb,0xa7cf}, {0xa7d2,0xa7d2},
    {0xa7d4,0xa7d4}, {0xa7da,0xa7f1}, {0xa82d,0xa82f}, {0xa83a,0xa83f}, {0xa878,0xa87f},
    {0xa8c6,0xa8cd}, {0xa8da,0xa8df}, {0xa954,0xa95e}, {0xa97d,0xa97f}, {0xa9ce,0xa9ce},
    {0xa9da,0xa9dd}, {0xa9ff,0xa9ff}, {0xaa37,0xaa3f}, {0xaa4e,0xaa4f}, {0xaa5a,0xaa5b},
    {0xaac3,0xaada}, {0xaaf7,0xab00}, {0xab07,0xab08}, {0xab0f,0xab10}, {0xab17,0xab1f},
    {0xab27,0xab27}, {0xab2f,0xab2f}, {0xab6c,0xab6f}, {0xabee,0xabef}, {0xabfa,0xabff},
    {0xd7a4,0xd7af}, {0xd7c7,0xd7ca}, {0xd7fc,0xf8ff}, {0xfa6e,0xfa6f}, {0xfada,0xfaff},
    {0xfb07,0xfb12}, {0xfb18,0xfb1c}, {0xfb37,0xfb37}, {0xfb3d,0xfb3d}, {0xfb3f,0xfb3f},
    {0xfb42,0xfb42}, {0xfb45,0xfb45}, {0xfbc3,0xfbd2}, {0xfd90,0xfd91}, {0xfdc8,0xfdce},
    {0xfdd0,0xfdef}, {0xfe1a,0xfe1f}, {0xfe53,0xfe53}, {0xfe67,0xfe67}, {0xfe6c,0xfe6f},
    {0xfe75,0xfe75}, {0xfefd,0xff00}, {0xffbf,0xffc1}, {0xffc8,0xffc9}, {0xffd0,0xffd1},
    {0xffd8,0xffd9}, {0xffdd,0xffdf}, {0xffe7,0xffe7}, {0xffef,0xfffb}, {0xfffe,0xffff},
    {0x1000c,0x1000c}, {0x10027,0x10027}, {0x1003b,0x1003b}, {0x1003e,0x1003e},
    {0x1004e,0x1004f}, {0x1005e,0x1007f}, {0x100fb,0x100ff}, {0x10103,0x10106},
    {0x10134,0x10136}, {0x1018f,0x1018f}, {0x1019d,0x1019f}, {0x101a1,0x101cf},
    {0x101fe,0x1027f}, {0x1029d,0x1029f}, {0x102d1,0x102df}, {0x102fc,0x102ff},
    {0x10324,0x1032c}, {0x1034b,0x1034f}, {0x1037b,0x1037f}, {0x1039e,0x1039e},
    {0x103c4,0x103c7}, {0x103d6,0x103ff}, {0x1049e,0x1049f}, {0x104aa,0x104af},
    {0x104d4,0x104d7}, {0x104fc,0x104ff}, {0x10528,0x1052f}, {0x10564,0x1056e},
    {0x1057b,0x1057b}, {0x1058b,0x1058b}, {0x10593,0x10593}, {0x10596,0x10596},
    {0x105a2,0x105a2}, {0x105b2,0x105b2}, {0x105ba,0x105ba}, {0x105bd,0x105ff},
    {0x10737,0x1073f}, {0x10756,0x1075f}, {0x10768,0x1077f}, {0x10786,0x10786},
    {0x107b1,0x107b1}, {0x107bb,0x107ff}, {0x10806,0x10807}, {0x10809,0x10809},
    {0x10836,0x10836}, {0x10839,0x1083b}, {0x1083d,0x1083e}, {0x10856,0x10856},
    {0x1089f,0x108a6}, {0x108b0,0x108df}, {0x108f3,0x108f3}, {0x108f6,0x108fa},
    {0x1091c,0x1091e}, {0x1093a,0x1093e}, {0x10940,0x1097f}, {0x109b8,0x109bb},
    {0x109d0,0x109d1}, {0x10a04,0x10a04}, {0x10a07,0x10a0b}, {0x10a14,0x10a14},
    {0x10a18,0x10a18}, {0x10a36,0x10a37}, {0x10a3b,0x10a3e}, {0x10a49,0x10a4f},
    {0x10a59,0x10a5f}, {0x10aa0,0x10abf}, {0x10ae7,0x10aea}, {0x10af7,0x10aff},
    {0x10b36,0x10b38}, {0x10b56,0x10b57}, {0x10b73,0x10b77}, {0x10b92,0x10b98},
    {0x10b9d,0x10ba8}, {0x10bb0,0x10bff}, {0x10c49,0x10c7f}, {0x10cb3,0x10cbf},
    {0x10cf3,0x10cf9}, {0x10d28,0x10d2f}, {0x10d3a,0x10e5f}, {0x10e7f,0x10e7f},
    {0x10eaa,0x10eaa}, {0x10eae,0x10eaf}, {0x10eb2,0x10efc}, {0x10f28,0x10f2f},
    {0x10f5a,0x10f6f}, {0x10f8a,0x10faf}, {0x10fcc,0x10fdf}, {0x10ff7,0x10fff},
    {0x1104e,0x11051}, {0x11076,0x1107e}, {0x110bd,0x110bd}, {0x110c3,0x110cf},
    {0x110e9,0x110ef}, {0x110fa,0x110ff}, {0x11135,0x11135}, {0x11148,0x1114f},
    {0x11177,0x1117f}, {0x111e0,0x111e0}, {0x111f5,0x111ff}, {0x11212,0x11212},
    {0x11242,0x1127f}, {0x11287,0x11287}, {0x11289,0x11289}, {0x1128e,0x1128e},
    {0x1129e,0x1129e}, {0x112aa,0x112af}, {0x112eb,0x112ef}, {0x112fa,0x112ff},
    {0x11304,0x11304}, {0x1130d,0x1130e}, {0x11311,0x11312}, {0x11329,0x11329},
    {0x11331,0x11331}, {0x11334,0x11334}, {0x1133a,0x1133a}, {0x11345,0x11346},
    {0x11349,0x1134a}, {0x1134e,0x1134f}, {0x11351,0x11356}, {0x11358,0x1135c},
    {0x11364,0x11365}, {0x1136d,0x1136f}, {0x11375,0x113ff}, {0x1145c,0x1145c},
    {0x11462,0x1147f}, {0x114c8,0x114cf}, {0x114da,0x1157f}, {0x115b6,0x115b7},
    {0x115de,0x115ff}, {0x11645,0x1164f}, {0x1165a,0x1165f}, {0x1166d,0x1167f},
    {0x116ba,0x116bf}, {0x116ca,0x116ff}, {0x1171b,0x1171c}, {0x1172c,0x1172f},
    {0x11747,0x117ff}, {0x1183c,0x1189f}, {0x118f3,0x118fe}, {0x11907,0x11908},
    {0x1190a,0x1190b}, {0x11914,0x11914}, {0x11917,0x11917}, {0x11936,0x11936},
    {0x11939,0x1193a}, {0x11947,0x1194f}, {0x1195a,0x1199f}, {0x119a8,0x119a9},
    {0x119d8,0x119d9}, {0x119e5,0x119ff}, {0x11a48,0x11a4f}, {0x11aa3,0x11aaf},
    {0x11af9,0x11aff}, {0x11b0a,0x11bff}, {0x11c09,0x11c09}, {0x11c37,0x11c37},
    {0x11c46,0x11c4f}, {0x11c6d,0x11c6f}, {0x11c90,0x11c91}, {0x11ca8,0x11ca8},
    {0x11cb7,0x11cff}, {0x11d07,0x11d07}, {0x11d0a,0x11d0a}, {0x11d37,0x11d39},
    {0x11d3b,0x11d3b}, {0x11d3e,0x11d3e}, {0x11d48,0x11d4f}, {0x11d5a,0x11d5f},
    {0x11d66,0x11d66}, {0x11d69,0x11d69}, {0x11d8f,0x11d8f}, {0x11d92,0x11d92},
    {0x11d99,0x11d9f}, {0x11daa,0x11edf}, {0x11ef9,0x11eff}, {0x11f11,0x11f11},
    {0x11f3b,0x11f3d}, {0x11f5a,0x11faf}, {0x11fb1,0x11fbf}, {0x11ff2,0x11ffe},
    {0x1239a,0x123ff}, {0x1246f,0x1246f}, {0x12475,0x1247f}, {0x12544,0x12f8f},
    {0x12ff3,0x12fff}, {0x13430,0x1343f}, {0x13456,0x143ff}, {0x14647,0x167ff},
    {0x16a39,0x16a3f}, {0x16a5f,0x16a5f}, {0x16a6a,0x16a6d}, {0x16abf,0x16abf},
    {0x16aca,0x16acf}, {0x16aee,0x16aef}, {0x16af6,0x16aff}, {0x16b46,0x16b4f},
    {0x16b5a,0x16b5a}, {0x16b62,0x16b62}, {0x16b78,0x16b7c}, {0x16b90,0x16e3f},
    {0x16e9b,0x16eff}, {0x16f4b,0x16f4e}, {0x16f88,0x16f8e}, {0x16fa0,0x16fdf},
    {0x16fe5,0x16fef}, {0x16ff2,0x16fff}, {0x187f8,0x187ff}, {0x18cd6,0x18cff},
    {0x18d09,0x1afef}, {0x1aff4,0x1aff4}, {0x1affc,0x1affc}, {0x1afff,0x1afff},
    {0x1b123,0x1b131}, {0x1b133,0x1b14f}, {0x1b153,0x1b154}, {0x1b156,0x1b163},
    {0x1b168,0x1b16f}, {0x1b2fc,0x1bbff}, {0x1bc6b,0x1bc6f}, {0x1bc7d,0x1bc7f},
    {0x1bc89,0x1bc8f}, {0x1bc9a,0x1bc9b}, {0x1bca0,0x1ceff}, {0x1cf2e,0x1cf2f},
    {0x1cf47,0x1cf4f}, {0x1cfc4,0x1cfff}, {0x1d0f6,0x1d0ff}, {0x1d127,0x1d128},
    {0x1d173,0x1d17a}, {0x1d1eb,0x1d1ff}, {0x1d246,0x1d2bf}, {0x1d2d4,0x1d2df},
    {0x1d2f4,0x1d2ff}, {0x1d357,0x1d35f}, {0x1d379,0x1d3ff}, {0x1d455,0x1d455},
    {0x1d49d,0x1d49d}, {0x1d4a0,0x1d4a1}, {0x1d4a3,0x1d4a4}, {0x1d4a7,0x1d4a8},
    {0x1d4ad,0x1d4ad}, {0x1d4ba,0x1d4ba}, {0x1d4bc,0x1d4bc}, {0x1d4c4,0x1d4c4},
    {0x1d506,0x1d506}, {0x1d50b,0x1d50c}, {0x1d515,0x1d515}, {0x1d51d,0x1d51d},
    {0x1d53a,0x1d53a}, {0x1d53f,0x1d53f}, {0x1d545,0x1d545}, {0x1d547,0x1d549},
    {0x1d551,0x1d551}, {0x1d6a6,0x1d6a7}, {0x1d7cc,0x1d7cd}, {0x1da8c,0x1da9a},
    {0x1daa0,0x1daa0}, {0x1dab0,0x1deff}, {0x1df1f,0x1df24}, {0x1df2b,0x1dfff},
    {0x1e007,0x1e007}, {0x1e019,0x1e01a}, {0x1e022,0x1e022}, {0x1e025,0x1e025},
    {0x1e02b,0x1e02f}, {0x1e06e,0x1e08e}, {0x1e090,0x1e0ff}, {0x1e12d,0x1e12f},
    {0x1e13e,0x1e13f}, {0x1e14a,0x1e14d}, {0x1e150,0x1e28f}, {0x1e2af,0x1e2bf},
    {0x1e2fa,0x1e2fe}, {0x1e300,0x1e4cf}, {0x1e4fa,0x1e7df}, {0x1e7e7,0x1e7e7},
    {0x1e7ec,0x1e7ec}, {0x1e7ef,0x1e7ef}, {0x1e7ff,0x1e7ff}, {0x1e8c5,0x1e8c6},
    {0x1e8d7,0x1e8ff}, {0x1e94c,0x1e94f}, {0x1e95a,0x1e95d}, {0x1e960,0x1ec70},
    {0x1ecb5,0x1ed00}, {0x1ed3e,0x1edff}, {0x1ee04,0x1ee04}, {0x1ee20,0x1ee20},
    {0x1ee23,0x1ee23}, {0x1ee25,0x1ee26}, {0x1ee28,0x1ee28}, {0x1ee33,0x1ee33},
    {0x1ee38,0x1ee38}, {0x1ee3a,0x1ee3a}, {0x1ee3c,0x1ee41}, {0x1ee43,0x1ee46},
    {0x1ee48,0x1ee48}, {0x1ee4a,0x1ee4a}, {0x1ee4c,0x1ee4c}, {0x1ee50,0x1ee50},
    {0x1ee53,0x1ee53}, {0x1ee55,0x1ee56}, {0x1ee58,0x1ee58}, {0x1ee5a,0x1ee5a},
    {0x1ee5c,0x1ee5c}, {0x1ee5e,0x1ee5e}, {0x1ee60,0x1ee60}, {0x1ee63,0x1ee63},
    {0x1ee65,0x1ee66}, {0x1ee6b,0x1ee6b}, {0x1ee73,0x1ee73}, {0x1ee78,0x1ee78},
    {0x1ee7d,0x1ee7d}, {0x1ee7f,0x1ee7f}, {0x1ee8a,0x1ee8a}, {0x1ee9c,0x1eea0},
    {0x1eea4,0x1eea4}, {0x1eeaa,0x1eeaa}, {0x1eebc,0x1eeef}, {0x1eef2,0x1efff},
    {0x1f02c,0x1f02f}, {0x1f094,0x1f09f}, {0x1f0af,0x1f0b0}, {0x1f0c0,0x1f0c0},
    {0x1f0d0,0x1f0d0}, {0x1f0f6,0x1f0ff}, {0x1f1ae,0x1f1e5}, {0x1f203,0x1f20f},
    {0x1f23c,0x1f23f}, {0x1f249,0x1f24f}, {0x1f252,0x1f25f}, {0x1f266,0x1f2ff},
    {0x1f6d8,0x1f6db}, {0x1f6ed,0x1f6ef}, {0x1f6fd,0x1f6ff}, {0x1f777,0x1f77a},
    {0x1f7da,0x1f7df}, {0x1f7ec,0x1f7ef}, {0x1f7f1,0x1f7ff}, {0x1f80c,0x1f80f},
    {0x1f848,0x1f84f}, {0x1f85a,0x1f85f}, {0x1f888,0x1f88f}, {0x1f8ae,0x1f8af},
    {0x1f8b2,0x1f8ff}, {0x1fa54,0x1fa5f}, {0x1fa6e,0x1fa6f}, {0x1fa7d,0x1fa7f},
    {0x1fa89,0x1fa8f}, {0x1fabe,0x1fabe}, {0x1fac6,0x1facd}, {0x1fadc,0x1fadf},
    {0x1fae9,0x1faef}, {0x1faf9,0x1faff}, {0x1fb93,0x1fb93}, {0x1fbcb,0x1fbef},
    {0x1fbfa,0x1ffff}, {0x2a6e0,0x2a6ff}, {0x2b73a,0x2b73f}, {0x2b81e,0x2b81f},
    {0x2cea2,0x2ceaf}, {0x2ebe1,0x2f7ff}, {0x2fa1e,0x2ffff}, {0x3134b,0x3134f},
    {0x323b0,0xe00ff}, {0xe01f0,0x10ffff},
};

static bool in_ranges(const CpRange *t, size_t n, uint32_t c)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < t[mid].lo) hi = mid;
        else if (c > t[mid].hi) lo = mid + 1;
        else return true;
    }
    return false;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static bool u_printable(uint32_t c)
{
    if (c >= 0x20 && c < 0x7f)
        return true;
    return !in_ranges(nonprintable, NELEM(nonprintable), c);
}

static bool u_space(uint32_t c)
{
    return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
           c == 0x202f || c == 0x205f || c == 0x3000;
}

static bool u_linebreak(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d ||
           c == 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static const CpRange decimal_ranges[] = {
    {0x30, 0x39}, {0x660, 0x669}, {0x6f0, 0x6f9}, {0x7c0, 0x7c9}, {0x966, 0x96f},
    {0x9e6, 0x9ef}, {0xa66, 0xa6f}, {0xae6, 0xaef}, {0xb66, 0xb6f}, {0xbe6, 0xbef},
    {0xc66, 0xc6f}, {0xce6, 0xcef}, {0xd66, 0xd6f}, {0xde6, 0xdef}, {0xe50, 0xe59},
    {0xed0, 0xed9}, {0xf20, 0xf29}, {0x1040, 0x1049}, {0x1090, 0x1099}, {0x17e0, 0x17e9},
    {0x1810, 0x1819}, {0xff10, 0xff19}, {0x1d7ce, 0x1d7ff},
};
static const CpRange digit_only_ranges[] = {
    {0xb2, 0xb3}, {0xb9, 0xb9}, {0x1369, 0x1371}, {0x2070, 0x2070}, {0x2074, 0x2079},
    {0x2080, 0x2089}, {0x2460, 0x2468}, {0x2474, 0x247c}, {0x2488, 0x2490}, {0x24ea, 0x24ea},
    {0x24f5, 0x24fd}, {0x24ff, 0x24ff}, {0x2776, 0x277e}, {0x2780, 0x2788}, {0x278a, 0x2792},
};
static const CpRange numeric_only_ranges[] = {
    {0xbc, 0xbe}, {0x2150, 0x2182}, {0x2185, 0x2189}, {0x2469, 0x2473}, {0x247d, 0x2487},
    {0x2491, 0x249b}, {0x24eb, 0x24f4}, {0x24fe, 0x24fe}, {0x277f, 0x277f}, {0x2789, 0x2789},
    {0x2793, 0x2793}, {0x3007, 0x3007}, {0x3021, 0x3029}, {0x3038, 0x303a}, {0x4e00, 0x4e00},
    {0x4e03, 0x4e03}, {0x4e07, 0x4e07}, {0x4e09, 0x4e09}, {0x4e5d, 0x4e5d}, {0x4e8c, 0x4e8c},
    {0x4e94, 0x4e94}, {0x5104, 0x5104}, {0x516b, 0x516b}, {0x516d, 0x516d}, {0x5341, 0x5341},
    {0x5343, 0x5343}, {0x56db, 0x56db}, {0x767e, 0x767e}, {0x96f6, 0x96f6},
};

static bool u_decimal(uint32_t c)
{
    if (c < 0x80)
        return c >= '0' && c <= '9';
    return in_ranges(decimal_ranges, NELEM(decimal_ranges), c);
}
static bool u_digit(uint32_t c)
{
    return u_decimal(c) || (c >= 0x80 && in_ranges(digit_only_ranges, NELEM(digit_only_ranges), c));
}
static bool u_numeric(uint32_t c)
{
    return u_digit(c) || (c >= 0x80 && in_ranges(numeric_only_ranges, NELEM(numeric_only_ranges), c));
}

/* ---- case mapping ---- */

/* Simple one-to-one mappings; 0 when the character has none. */
static uint32_t pair_even_odd(uint32_t c, uint32_t lo, uint32_t hi, bool to_upper)
{
    /* Ranges where even code points are upper case and odd ones lower. */
    if (c < lo || c > hi)
        return 0;
    if (to_upper)
        return (c & 1) ? c - 1 : 0;
    return (c & 1) ? 0 : c + 1;
}
static uint32_t pair_odd_even(uint32_t c, uint32_t lo, uint32_t hi, bool to_upper)
{
    if (c < lo || c > hi)
        return 0;
    if (to_upper)
        return (c & 1) ? 0 : c - 1;
    return (c & 1) ? c + 1 : 0;
}

static uint32_t simple_lower(uint32_t c)
{
    uint32_t r;
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : 0;
    if (c >= 0xc0 && c <= 0xde && c != 0xd7)
        return c + 32;
    if (c < 0x100)
        return 0;
    if (c == 0x130) return 'i';
    if (c == 0x178) return 0xff;
    if ((r = pair_even_odd(c, 0x100, 0x12f, false))) return r;
    if ((r = pair_even_odd(c, 0x132, 0x137, false))) return r;
    if ((r = pair_odd_even(c, 0x139, 0x148, false))) return r;
    if ((r = pair_even_odd(c, 0x14a, 0x177, false))) return r;
    if ((r = pair_odd_even(c, 0x179, 0x17e, false))) return r;
    if (c == 0x181) return 0x253;
    if (c == 0x186) return 0x254;
    if (c == 0x189) return 0x256;
    if (c == 0x18a) return 0x257;
    if (c == 0x18f) return 0x259;
    if (c == 0x190) return 0x25b;
    if (c == 0x193) return 0x260;
    if (c == 0x194) return 0x263;
    if (c == 0x196) return 0x269;
    if (c == 0x197) return 0x268;
    if (c == 0x19c) return 0x26f;
    if (c == 0x19d) return 0x272;
    if (c == 0x19f) return 0x275;
    if (c == 0x1a9) return 0x283;
    if (c == 0x1ae) return 0x288;
    if (c == 0x1b1) return 0x28a;
    if (c == 0x1b2) return 0x28b;
    if (c == 0x1b7) return 0x292;
    if (c == 0x243) return 0x180;
    if (c == 0x1c4 || c == 0x1c5) return 0x1c6;
    if (c == 0x1c7 || c == 0x1c8) return 0x1c9;
    if (c == 0x1ca || c == 0x1cb) return 0x1cc;
    if (c == 0x1f1 || c == 0x1f2) return 0x1f3;
    if ((r = pair_odd_even(c, 0x1cd, 0x1dc, false))) return r;
    if ((r = pair_even_odd(c, 0x1de, 0x1ef, false))) return r;
    if ((r = pair_even_odd(c, 0x1f4, 0x1f5, false))) return r;
    if ((r = pair_even_odd(c, 0x1f8, 0x21f, false))) return r;
    if ((r = pair_even_odd(c, 0x222, 0x233, false))) return r;
    if (c == 0x386) return 0x3ac;
    if (c >= 0x388 && c <= 0x38a) return c + 37;
    if (c == 0x38c) return 0x3cc;
    if (c == 0x38e || c == 0x38f) return c + 63;
    if (c >= 0x391 && c <= 0x3ab && c != 0x3a2) return c + 32;
    if ((r = pair_even_odd(c, 0x3d8, 0x3ef, false))) return r;
    if (c >= 0x400 && c <= 0x40f) return c + 80;
    if (c >= 0x410 && c <= 0x42f) return c + 32;
    if ((r = pair_even_odd(c, 0x460, 0x481, false))) return r;
    if ((r = pair_even_odd(c, 0x48a, 0x4bf, false))) return r;
    if (c == 0x4c0) return 0x4cf;
    if ((r = pair_odd_even(c, 0x4c1, 0x4ce, false))) return r;
    if ((r = pair_even_odd(c, 0x4d0, 0x52f, false))) return r;
    if (c >= 0x531 && c <= 0x556) return c + 48;
    if (c >= 0x10a0 && c <= 0x10c5) return c + 7264;
    if ((r = pair_even_odd(c, 0x1e00, 0x1e95, false))) return r;
    if (c == 0x1e9e) return 0xdf;
    if ((r = pair_even_odd(c, 0x1ea0, 0x1eff, false))) return r;
    if (c >= 0x2160 && c <= 0x216f) return c + 16;
    if (c >= 0x24b6 && c <= 0x24cf) return c + 26;
    if (c >= 0xff21 && c <= 0xff3a) return c + 32;
    return 0;
}

static uint32_t simple_upper(uint32_t c)
{
    uint32_t r;
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') ? c - 32 : 0;
    if (c >= 0xe0 && c <= 0xfe && c != 0xf7)
        return c - 32;
    if (c == 0xff) return 0x178;
    if (c == 0xb5) return 0x39c;
    if (c < 0x100)
        return 0;
    if (c == 0x131) return 'I';
    if (c == 0x17f) return 'S';
    if ((r = pair_even_odd(c, 0x100, 0x12f, true))) return r;
    if ((r = pair_even_odd(c, 0x132, 0x137, true))) return r;
    if ((r = pair_odd_even(c, 0x139, 0x148, true))) return r;
    if ((r = pair_even_odd(c, 0x14a, 0x177, true))) return r;
    if ((r = pair_odd_even(c, 0x179, 0x17e, true))) return r;
    if (c == 0x180) return 0x243;
    if (c == 0x253) return 0x181;
    if (c == 0x254) return 0x186;
    if (c == 0x256) return 0x189;
    if (c == 0x257) return 0x18a;
    if (c == 0x259) return 0x18f;
    if (c == 0x25b) return 0x190;
    if (c == 0x260) return 0x193;
    if (c == 0x263) return 0x194;
    if (c == 0x269) return 0x196;
    if (c == 0x268) return 0x197;
    if (c == 0x26f) return 0x19c;
    if (c == 0x272) return 0x19d;
    if (c == 0x275) return 0x19f;
    if (c == 0x283) return 0x1a9;
    if (c == 0x288) return 0x1ae;
    if (c == 0x28a) return 0x1b1;
    if (c == 0x28b) return 0x1b2;
    if (c == 0x292) return 0x1b7;
    if (c == 0x250) return 0x2c6f;
    if (c == 0x1c5 || c == 0x1c6) return 0x1c4;
    if (c == 0x1c8 || c == 0x1c9) return 0x1c7;
    if (c == 0x1cb || c == 0x1cc) return 0x1ca;
    if (c == 0x1f2 || c == 0x1f3) return 0x1f1;
    if ((r = pair_odd_even(c, 0x1cd, 0x1dc, true))) return r;
    if ((r = pair_even_odd(c, 0x1de, 0x1ef, true))) return r;
    if ((r = pair_even_odd(c, 0x1f4, 0x1f5, true))) return r;
    if ((r = pair_even_odd(c, 0x1f8, 0x21f, true))) return r;
    if ((r = pair_even_odd(c, 0x222, 0x233, true))) return r;
    if (c == 0x3ac) return 0x386;
    if (c >= 0x3ad && c <= 0x3af) return c - 37;
    if (c == 0x3cc) return 0x38c;
    if (c == 0x3cd || c == 0x3ce) return c - 63;
    if (c == 0x3c2) return 0x3a3;
    if (c >= 0x3b1 && c <= 0x3cb) return c - 32;
    if ((r = pair_even_odd(c, 0x3d8, 0x3ef, true))) return r;
    if (c >= 0x430 && c <= 0x44f) return c - 32;
    if (c >= 0x450 && c <= 0x45f) return c - 80;
    if ((r = pair_even_odd(c, 0x460, 0x481, true))) return r;
    if ((r = pair_even_odd(c, 0x48a, 0x4bf, true))) return r;
    if (c == 0x4cf) return 0x4c0;
    if ((r = pair_odd_even(c, 0x4c1, 0x4ce, true))) return r;
    if ((r = pair_even_odd(c, 0x4d0, 0x52f, true))) return r;
    if (c >= 0x561 && c <= 0x586) return c - 48;
    if (c >= 0x2d00 && c <= 0x2d25) return c - 7264;
    if ((r = pair_even_odd(c, 0x1e00, 0x1e95, true))) return r;
    if ((r = pair_even_odd(c, 0x1ea0, 0x1eff, true))) return r;
    if (c >= 0x2170 && c <= 0x217f) return c - 16;
    if (c >= 0x24d0 && c <= 0x24e9) return c - 26;
    if (c >= 0xff41 && c <= 0xff5a) return c - 32;
    return 0;
}

static bool u_titlecase(uint32_t c) { return c == 0x1c5 || c == 0x1c8 || c == 0x1cb || c == 0x1f2; }

static bool u_lower(uint32_t c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    if (u_titlecase(c))
        return false;
    if (c == 0xdf || c == 0xaa || c == 0xba || c == 0x138 || c == 0x149 || c == 0x3c2 ||
        (c >= 0xfb00 && c <= 0xfb06) || c == 0x390 || c == 0x3b0 || c == 0x1f0 ||
        (c >= 0x250 && c <= 0x2af))
        return true;
    return simple_upper(c) != 0;
}

static bool u_upper(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    if (u_titlecase(c))
        return false;
    return simple_lower(c) != 0;
}

static bool u_cased(uint32_t c) { return u_lower(c) || u_upper(c) || u_titlecase(c); }

static const CpRange alpha_ranges[] = {
    {0xaa, 0xaa}, {0xb5, 0xb5}, {0xba, 0xba}, {0xc0, 0xd6}, {0xd8, 0xf6}, {0xf8, 0x2c1},
    {0x2c6, 0x2d1}, {0x2e0, 0x2e4}, {0x370, 0x374}, {0x376, 0x377}, {0x37a, 0x37d},
    {0x37f, 0x37f}, {0x386, 0x386}, {0x388, 0x38a}, {0x38c, 0x38c}, {0x38e, 0x3a1},
    {0x3a3, 0x3f5}, {0x3f7, 0x481}, {0x48a, 0x52f}, {0x531, 0x556}, {0x559, 0x559},
    {0x560, 0x588}, {0x5d0, 0x5ea}, {0x5ef, 0x5f2}, {0x620, 0x64a}, {0x66e, 0x66f},
    {0x671, 0x6d3}, {0x904, 0x939}, {0x93d, 0x93d}, {0x950, 0x950}, {0x958, 0x961},
    {0xe01, 0xe30}, {0xe32, 0xe33}, {0xe40, 0xe46}, {0x10a0, 0x10c5}, {0x10d0, 0x10fa},
    {0x1100, 0x1248}, {0x1e00, 0x1f15}, {0x1f18, 0x1f1d}, {0x1f20, 0x1f45}, {0x1f48, 0x1f4d},
    {0x1f50, 0x1f57}, {0x1f59, 0x1f7d}, {0x1f80, 0x1fb4}, {0x1fb6, 0x1fbc}, {0x2c00, 0x2ce4},
    {0x2d00, 0x2d25}, {0x3041, 0x3096}, {0x309d, 0x309f}, {0x30a1, 0x30fa}, {0x30fc, 0x30ff},
    {0x3105, 0x312f}, {0x3131, 0x318e}, {0x3400, 0x4dbf}, {0x4e00, 0x9fff}, {0xa000, 0xa48c},
    {0xac00, 0xd7a3}, {0xf900, 0xfa6d}, {0xfb00, 0xfb06}, {0xff21, 0xff3a}, {0xff41, 0xff5a},
    {0xff66, 0xffbe}, {0x20000, 0x2a6df}, {0x2a700, 0x2ebe0},
};

static bool u_alpha(uint32_t c)
{
    if (c < 0x80)
        return (c | 32) >= 'a' && (c | 32) <= 'z';
    if (in_ranges(numeric_only_ranges, NELEM(numeric_only_ranges), c) && c >= 0x2150 && c < 0x2190)
        return false;
    return in_ranges(alpha_ranges, NELEM(alpha_ranges), c);
}

static bool u_alnum(uint32_t c) { return u_alpha(c) || u_numeric(c); }

typedef enum CaseMode { CM_LOWER, CM_UPPER, CM_TITLE, CM_FOLD } CaseMode;

/* Full case mapping of one character into out (up to 3); returns the count. */
static int case_map(uint32_t c, CaseMode m, uint32_t out[3])
{
    if (c < 0x80) {
        if (m == CM_UPPER || m == CM_TITLE)
            out[0] = (c >= 'a' && c <= 'z') ? c - 32 : c;
        else
            out[0] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
        return 1;
    }
    /* Expansions. */
    if (c == 0xdf) {
        if (m == CM_UPPER) { out[0] = 'S'; out[1] = 'S'; return 2; }
        if (m == CM_TITLE) { out[0] = 'S'; out[1] = 's'; return 2; }
        if (m == CM_FOLD) { out[0] = 's'; out[1] = 's'; return 2; }
    }
    if (c == 0x130 && (m == CM_LOWER || m == CM_FOLD)) { out[0] = 'i'; out[1] = 0x307; return 2; }
    if (c == 0x149 && (m == CM_UPPER || m == CM_TITLE)) { out[0] = 0x2bc; out[1] = 'N'; return 2; }
    if (c == 0x1f0 && (m == CM_UPPER || m == CM_TITLE)) { out[0] = 'J'; out[1] = 0x30c; return 2; }
    if (c >= 0xfb00 && c <= 0xfb06 && m != CM_LOWER) {
        static const char *const lig[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
        const char *s = lig[c - 0xfb00];
        int n = (int)strlen(s);
        for (int i = 0; i < n; i++)
            out[i] = (uint32_t)s[i];
        if (m == CM_UPPER)
            for (int i = 0; i < n; i++) out[i] -= 32;
        if (m == CM_TITLE)
            out[0] -= 32;
        return n;
    }
    if (m == CM_FOLD) {
        if (c == 0xb5) { out[0] = 0x3bc; return 1; }
        if (c == 0x17f) { out[0] = 's'; return 1; }
        if (c == 0x3c2) { out[0] = 0x3c3; return 1; }
        if (c == 0x1e9e) { out[0] = 's'; out[1] = 's'; return 2; }
    }
    if (m == CM_TITLE) {
        if (c == 0x1c4 || c == 0x1c5 || c == 0x1c6) { out[0] = 0x1c5; return 1; }
        if (c == 0x1c7 || c == 0x1c8 || c == 0x1c9) { out[0] = 0x1c8; return 1; }
        if (c == 0x1ca || c == 0x1cb || c == 0x1cc) { out[0] = 0x1cb; return 1; }
        if (c == 0x1f1 || c == 0x1f2 || c == 0x1f3) { out[0] = 0x1f2; return 1; }
    }
    uint32_t r = (m == CM_UPPER || m == CM_TITLE) ? simple_upper(c) : simple_lower(c);
    out[0] = r ? r : c;
    return 1;
}

/* Greek final sigma: capital sigma lowers to ς after a cased letter and not
 * before one (simplified: adjacent characters only). */
static bool final_sigma(const uint32_t *cps, size_t n, size_t i)
{
    if (i == 0 || !u_cased(cps[i - 1]))
        return false;
    return i + 1 >= n || !u_cased(cps[i + 1]);
}

/* ===== arguments ============================================================== */

static int nkw(Tuple *kw) { return kw ? (int)kw->len : 0; }

/* Checks args[0] is a str (methods called through the class). */
static Str *self_str(VM *vm, Value *args, int nargs, const char *name)
{
    if (nargs < 1) {
        vm_raise(vm, EXC_TypeError, "unbound method str.%s() needs an argument", name);
        return NULL;
    }
    if (!IS_STR(args[0])) {
        vm_raise(vm, EXC_TypeError, "descriptor '%s' for 'str' objects doesn't apply to a '%s' object",
                 name, tname(vm, args[0]));
        return NULL;
    }
    return AS_STR(args[0]);
}

/* "str.upper() takes no arguments (1 given)" */
static Str *m_noargs(VM *vm, Value *args, int nargs, Tuple *kw, const char *name)
{
    Str *s = self_str(vm, args, nargs, name);
    if (!s) return NULL;
    if (nkw(kw)) {
        vm_raise(vm, EXC_TypeError, "str.%s() takes no keyword arguments", name);
        return NULL;
    }
    if (nargs != 1) {
        vm_raise(vm, EXC_TypeError, "str.%s() takes no arguments (%d given)", name, nargs - 1);
        return NULL;
    }
    return s;
}

/* "str.join() takes exactly one argument (0 given)" */
static Str *m_onearg(VM *vm, Value *args, int nargs, Tuple *kw, const char *name)
{
    Str *s = self_str(vm, args, nargs, name);
    if (!s) return NULL;
    if (nkw(kw)) {
        vm_raise(vm, EXC_TypeError, "str.%s() takes no keyword arguments", name);
        return NULL;
    }
    if (nargs != 2) {
        vm_raise(vm, EXC_TypeError, "str.%s() takes exactly one argument (%d given)", name, nargs - 1);
        return NULL;
    }
    return s;
}

/* "center expected at least 1 argument, got 0" */
static Str *m_range(VM *vm, Value *args, int nargs, Tuple *kw, const char *name, int min, int max)
{
    Str *s = self_str(vm, args, nargs, name);
    if (!s) return NULL;
    if (nkw(kw)) {
        vm_raise(vm, EXC_TypeError, "str.%s() takes no keyword arguments", name);
        return NULL;
    }
    int n = nargs - 1;
    if (n < min) {
        vm_raise(vm, EXC_TypeError, "%s expected at least %d argument%s, got %d", name, min, min == 1 ? "" : "s", n);
        return NULL;
    }
    if (n > max) {
        vm_raise(vm, EXC_TypeError, "%s expected at most %d argument%s, got %d", name, max, max == 1 ? "" : "s", n);
        return NULL;
    }
    return s;
}

/* "find() takes at least 1 argument (0 given)" */
static Str *m_old(VM *vm, Value *args, int nargs, Tuple *kw, const char *name, int min, int max)
{
    Str *s = self_str(vm, args, nargs, name);
    if (!s) return NULL;
    if (nkw(kw)) {
        vm_raise(vm, EXC_TypeError, "str.%s() takes no keyword arguments", name);
        return NULL;
    }
    int n = nargs - 1;
    if (n < min) {
        vm_raise(vm, EXC_TypeError, "%s() takes at least %d argument%s (%d given)", name, min, min == 1 ? "" : "s", n);
        return NULL;
    }
    if (n > max) {
        vm_raise(vm, EXC_TypeError, "%s() takes at most %d argument%s (%d given)", name, max, max == 1 ? "" : "s", n);
        return NULL;
    }
    return s;
}

/* Clinic style with keywords: out[] gets the parameters (VNULL if absent). */
static Str *m_clinic(VM *vm, Value *args, int nargs, Tuple *kw, const char *name,
                     const char *const *names, Value *out)
{
    Str *s = self_str(vm, args, nargs, name);
    if (!s) return NULL;
    int n = 0;
    while (names[n]) n++;
    int np = nargs - 1, total = np + nkw(kw);
    if (total > n) {
        vm_raise(vm, EXC_TypeError, "%s() takes at most %d argument%s (%d given)", name, n, n == 1 ? "" : "s", total);
        return NULL;
    }
    for (int j = 0; j < n; j++)
        out[j] = j < np ? args[1 + j] : VNULL;
    for (int k = 0; k < nkw(kw); k++) {
        Str *kn = AS_STR(kw->items[k]);
        int j;
        for (j = 0; j < n; j++)
            if (strcmp(names[j], kn->data) == 0)
                break;
        if (j == n) {
            vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for %s()", kn->data, name);
            return NULL;
        }
        if (j < np) {
            vm_raise(vm, EXC_TypeError, "argument for %s() given by name ('%s') and position (%d)", name, names[j], j + 1);
            return NULL;
        }
        out[j] = args[nargs + k];
    }
    return s;
}

static int get_index(VM *vm, Value v, int64_t *out)
{
    if (IS_INT(v) || IS_BOOL(v)) {
        *out = v.as.i;
        return 0;
    }
    if (IS_BIGINT(v)) {
        vm_raise(vm, EXC_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return vm_index(vm, v, out);
}

/* A start/end argument of find/count/startswith: None or an index, resolved
 * against len like a slice bound. */
static int slice_arg(VM *vm, Value v, int64_t len, int64_t dflt, int64_t *out)
{
    if (IS_NULL(v) || IS_NONE(v)) {
        *out = dflt;
        return 0;
    }
    int64_t i;
    if (IS_INT(v) || IS_BOOL(v)) {
        i = v.as.i;
    } else if (IS_BIGINT(v)) {
        i = AS_BIGINT(v)->neg ? INT64_MIN / 2 : INT64_MAX / 2;
    } else {
        Value m = vm_lookup_special(vm, v, str_intern(vm, "__index__", 9));
        if (IS_NULL(m)) {
            vm_raise(vm, EXC_TypeError, "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
        if (vm_index(vm, v, &i) < 0)
            return -1;
    }
    if (i < 0) {
        i += len;
        if (i < 0) i = 0;
    }
    if (i > len) i = len;
    *out = i;
    return 0;
}

static Str *need_str(VM *vm, Value v)
{
    if (!IS_STR(v)) {
        vm_raise(vm, EXC_TypeError, "must be str, not %s", tname(vm, v));
        return NULL;
    }
    return AS_STR(v);
}

/* ===== searching ============================================================== */

static const char *bsearch_fwd(const char *h, size_t hn, const char *n, size_t nn)
{
    if (nn == 0)
        return h;
    if (nn > hn)
        return NULL;
    const char *end = h + (hn - nn) + 1;
    while (h < end) {
        const char *f = memchr(h, n[0], (size_t)(end - h));
        if (!f)
            return NULL;
        if (memcmp(f, n, nn) == 0)
            return f;
        h = f + 1;
    }
    return NULL;
}

static const char *bsearch_rev(const char *h, size_t hn, const char *n, size_t nn)
{
    if (nn == 0)
        return h + hn;
    if (nn > hn)
        return NULL;
    for (size_t i = hn - nn + 1; i-- > 0;)
        if (h[i] == n[0] && memcmp(h + i, n, nn) == 0)
            return h + i;
    return NULL;
}

/* find/rfind/index/rindex core: code point index or -1 (-2 on error). */
static int64_t find_impl(VM *vm, Value *args, int nargs, Tuple *kw, const char *name, bool rev)
{
    Str *s = m_old(vm, args, nargs, kw, name, 1, 3);
    if (!s) return -2;
    Str *sub = need_str(vm, args[1]);
    if (!sub) return -2;
    int64_t len = (int64_t)s->ncp, st, en;
    if (slice_arg(vm, nargs > 2 ? args[2] : VNULL, len, 0, &st) < 0 ||
        slice_arg(vm, nargs > 3 ? args[3] : VNULL, len, len, &en) < 0)
        return -2;
    if (nargs > 2 && !IS_NONE(args[2])) {
        /* A start beyond the end finds nothing, even the empty string. */
        int64_t raw;
        if ((IS_INT(args[2]) || IS_BOOL(args[2])) && (raw = args[2].as.i) > len)
            return -1;
        if (IS_BIGINT(args[2]) && !AS_BIGINT(args[2])->neg)
            return -1;
    }
    if (en < st)
        return -1;
    size_t bs = cp2b(s, (size_t)st), be = cp2b(s, (size_t)en);
    const char *p = rev ? bsearch_rev(s->data + bs, be - bs, sub->data, sub->len)
                        : bsearch_fwd(s->data + bs, be - bs, sub->data, sub->len);
    if (!p)
        return -1;
    return (int64_t)b2cp(s, (size_t)(p - s->data));
}

static Value m_find(VM *vm, Value *a, int n, Tuple *k)
{
    int64_t r = find_impl(vm, a, n, k, "find", false);
    return r == -2 ? VNULL : VINT(r);
}
static Value m_rfind(VM *vm, Value *a, int n, Tuple *k)
{
    int64_t r = find_impl(vm, a, n, k, "rfind", true);
    return r == -2 ? VNULL : VINT(r);
}
static Value m_index(VM *vm, Value *a, int n, Tuple *k)
{
    int64_t r = find_impl(vm, a, n, k, "index", false);
    if (r == -1) return vm_raise(vm, EXC_ValueError, "substring not found");
    return r == -2 ? VNULL : VINT(r);
}
static Value m_rindex(VM *vm, Value *a, int n, Tuple *k)
{
    int64_t r = find_impl(vm, a, n, k, "rindex", true);
    if (r == -1) return vm_raise(vm, EXC_ValueError, "substring not found");
    return r == -2 ? VNULL : VINT(r);
}

static Value m_count(VM *vm, Value *args, int nargs, Tuple *kw)
{
    Str *s = m_old(vm, args, nargs, kw, "count", 1, 3);
    if (!s) return VNULL;
    Str *sub = need_str(vm, args[1]);
    if (!sub) return VNULL;
    int64_t len = (int64_t)s->ncp, st, en;
    if (slice_arg(vm, nargs > 2 ? args[2] : VNULL, len, 0, &st) < 0 ||
        slice_arg(vm, nargs > 3 ? args[3] : VNULL, len, len, &en) < 0)
        return VNULL;
    if (nargs > 2 && (IS_INT(args[2]) || IS_BOOL(args[2])) && args[2].as.i > len)
        return VINT(0);
    if (nargs > 2 && IS_BIGINT(args[2]) && !AS_BIGINT(args[2])->neg)
        return VINT(0);
    if (en < st)
        return VINT(0);
    if (sub->len == 0)
        return VINT(en - st + 1);
    size_t bs = cp2b(s, (size_t)st), be = cp2b(s, (size_t)en);
    int64_t c = 0;
    const char *p = s->data + bs, *e = s->data + be;
    while ((size_t)(e - p) >= sub->len) {
        const char *f = bsearch_fwd(p, (size_t)(e - p), sub->data, sub->len);
        if (!f) break;
        c++;
        p = f + sub->len;
    }
    return VINT(c);
}

static Value starts_ends(VM *vm, Value *args, int nargs, Tuple *kw, const char *name, bool ends)
{
    Str *s = m_old(vm, args, nargs, kw, name, 1, 3);
    if (!s) return VNULL;
    int64_t len = (int64_t)s->ncp, st, en;
    if (slice_arg(vm, nargs > 2 ? args[2] : VNULL, len, 0, &st) < 0 ||
        slice_arg(vm, nargs > 3 ? args[3] : VNULL, len, len, &en) < 0)
        return VNULL;
    bool start_past = nargs > 2 && (((IS_INT(args[2]) || IS_BOOL(args[2])) && args[2].as.i > len) ||
                                    (IS_BIGINT(args[2]) && !AS_BIGINT(args[2])->neg));
    Value pv = args[1];
    Value *items = &pv;
    size_t n = 1;
    if (IS_TUPLE(pv)) {
        items = AS_TUPLE(pv)->items;
        n = AS_TUPLE(pv)->len;
    } else if (!IS_STR(pv)) {
        return vm_raise(vm, EXC_TypeError, "%s first arg must be str or a tuple of str, not %s", name, tname(vm, pv));
    }
    for (size_t i = 0; i < n; i++) {
        if (!IS_STR(items[i]))
            return vm_raise(vm, EXC_TypeError, "tuple for %s must only contain str, not %s", name, tname(vm, items[i]));
        Str *p = AS_STR(items[i]);
        if (start_past || en < st)
            continue;
        size_t bs = cp2b(s, (size_t)st), be = cp2b(s, (size_t)en);
        if (p->len > be - bs)
            continue;
        const char *at = ends ? s->data + be - p->len : s->data + bs;
        if (memcmp(at, p->data, p->len) == 0)
            return VBOOL(true);
    }
    return VBOOL(false);
}

static Value m_startswith(VM *vm, Value *a, int n, Tuple *k) { return starts_ends(vm, a, n, k, "startswith", false); }
static Value m_endswith(VM *vm, Value *a, int n, Tuple *k) { return starts_ends(vm, a, n, k, "endswith", true); }

/* ===== split / join / strip / replace / partition =========================== */

/* A value kept alive while Python code runs: pushed on a list reachable from
 * the builtins dict (see builtins.c's keep_list for why not vm_push_root). */
#define KEEP_NAME "__loopscope_keep__"

static List *keep_list(VM *vm)
{
    Str *k = str_intern(vm, KEEP_NAME, sizeof KEEP_NAME - 1);
    if (!k)
        return NULL;
    Value v = dict_get_str(vm->builtins, k);
    if (IS_LIST(v))
        return AS_LIST(v);
    List *l = list_new(vm, 32);
    if (!l || dict_set(vm, vm->builtins, VOBJ(k), VOBJ(l)) < 0)
        return NULL;
    return l;
}


static int push_piece(VM *vm, List *l, const char *p, size_t n)
{
    Value v = mkstr(vm, p, n);
    if (IS_NULL(v))
        return -1;
    return list_append(vm, l, v);
}

/* Next whitespace-delimited run: on return [*ws, *we) is a word or ws == end. */
static size_t skip_space_fwd(const Str *s, size_t i)
{
    while (i < s->len) {
        uint32_t c;
        size_t n = u8_dec((const unsigned char *)s->data + i, s->len - i, &c);
        if (!u_space(c)) break;
        i += n;
    }
    return i;
}
static size_t skip_nonspace_fwd(const Str *s, size_t i)
{
    while (i < s->len) {
        uint32_t c;
        size_t n = u8_dec((const unsigned char *)s->data + i, s->len - i, &c);
        if (u_space(c)) break;
        i += n;
    }
    return i;
}
/* Start of the character before byte i. */
static size_t prev_char(const Str *s, size_t i)
{
    do { i--; } while (i > 0 && ((unsigned char)s->data[i] & 0xC0) == 0x80);
    return i;
}
static bool space_before(const Str *s, size_t i)
{
    size_t p = prev_char(s, i);
    uint32_t c;
    u8_dec((const unsigned char *)s->data + p, s->len - p, &c);
    return u_space(c);
}

static Value split_impl(VM *vm, Value *args, int nargs, Tuple *kw, bool rev)
{
    static const char *const names[] = {"sep", "maxsplit", NULL};
    const char *name = rev ? "rsplit" : "split";
    Value a[2];
    Str *s = m_clinic(vm, args, nargs, kw, name, names, a);
    if (!s) return VNULL;
    Str *sep = NULL;
    if (!IS_NULL(a[0]) && !IS_NONE(a[0])) {
        if (!IS_STR(a[0]))
            return vm_raise(vm, EXC_TypeError, "must be str or None, not %s", tname(vm, a[0]));
        sep = AS_STR(a[0]);
        if (sep->len == 0)
            return vm_raise(vm, EXC_ValueError, "empty separator");
    }
    int64_t maxsplit = -1;
    if (!IS_NULL(a[1]) && get_index(vm, a[1], &maxsplit) < 0)
        return VNULL;
    if (maxsplit < 0)
        maxsplit = INT64_MAX;
    List *l = list_new(vm, 0);
    if (!l) return VNULL;
    if (!sep) {
        if (!rev) {
            size_t i = 0;
            int64_t splits = 0;
            for (;;) {
                i = skip_space_fwd(s, i);
                if (i >= s->len) break;
                if (splits >= maxsplit) {
                    /* The rest, with trailing whitespace kept. */
                    if (push_piece(vm, l, s->data + i, s->len - i) < 0) return VNULL;
                    break;
                }
                size_t e = skip_nonspace_fwd(s, i);
                if (push_piece(vm, l, s->data + i, e - i) < 0) return VNULL;
                splits++;
                i = e;
            }
        } else {
            size_t i = s->len;
            int64_t splits = 0;
            for (;;) {
                while (i > 0 && space_before(s, i)) i = prev_char(s, i);
                if (i == 0) break;
                if (splits >= maxsplit) {
                    if (push_piece(vm, l, s->data, i) < 0) return VNULL;
                    break;
                }
                size_t b = i;
                while (b > 0 && !space_before(s, b)) b = prev_char(s, b);
                if (push_piece(vm, l, s->data + b, i - b) < 0) return VNULL;
                splits++;
                i = b;
            }
            /* Reverse in place. */
            for (size_t x = 0, y = l->len ? l->len - 1 : 0; x < y; x++, y--) {
                Value t = l->items[x]; l->items[x] = l->items[y]; l->items[y] = t;
            }
        }
        return VOBJ(l);
    }
    if (!rev) {
        const char *p = s->data, *e = s->data + s->len;
        int64_t splits = 0;
        while (splits < maxsplit) {
            const char *f = bsearch_fwd(p, (size_t)(e - p), sep->data, sep->len);
            if (!f) break;
            if (push_piece(vm, l, p, (size_t)(f - p)) < 0) return VNULL;
            p = f + sep->len;
            splits++;
        }
        if (push_piece(vm, l, p, (size_t)(e - p)) < 0) return VNULL;
        return VOBJ(l);
    }
    const char *b = s->data, *e = s->data + s->len;
    int64_t splits = 0;
    while (splits < maxsplit) {
        const char *f = bsearch_rev(b, (size_t)(e - b), sep->data, sep->len);
        if (!f) break;
        if (push_piece(vm, l, f + sep->len, (size_t)(e - f - sep->len)) < 0) return VNULL;
        e = f;
        splits++;
    }
    if (push_piece(vm, l, b, (size_t)(e - b)) < 0) return VNULL;
    for (size_t x = 0, y = l->len - 1; x < y; x++, y--) {
        Value t = l->items[x]; l->items[x] = l->items[y]; l->items[y] = t;
    }
    return VOBJ(l);
}

static Value m_split(VM *vm, Value *a, int n, Tuple *k) { return split_impl(vm, a, n, k, false); }
static Value m_rsplit(VM *vm, Value *a, int n, Tuple *k) { return split_impl(vm, a, n, k, true); }

static Value m_join(VM *vm, Value *args, int nargs, Tuple *kw)
{
    Str *s = m_onearg(vm, args, nargs, kw, "join");
    if (!s) return VNULL;
    Value seq = args[1];
    Value l;
    if (IS_LIST(seq) || IS_TUPLE(seq)) {
        l = seq;
    } else {
        Value it = vm_iter(vm, seq);
        if (IS_NULL(it)) {
            if (vm_exc_matches(vm, EXC_TypeError)) {
                vm_exc_take(vm);
                return vm_raise(vm, EXC_TypeError, "can only join an iterable");
            }
            return VNULL;
        }
        List *kl = keep_list(vm);
        size_t mark = kl ? kl->len : 0;
        if (!kl || list_append(vm, kl, it) < 0)
            return VNULL;
        l = list_from_iterable(vm, it);
        kl->items[mark] = VNONE;
        kl->len = mark;
        if (IS_NULL(l)) return VNULL;
    }
    size_t n = IS_LIST(l) ? AS_LIST(l)->len : AS_TUPLE(l)->len;
    Value *items = IS_LIST(l) ? AS_LIST(l)->items : AS_TUPLE(l)->items;
    if (n == 1 && IS_STR(items[0]) && AS_OBJ(items[0])->cls == TYPE(vm, str))
        return items[0];
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        if (!IS_STR(items[i]))
            return vm_raise(vm, EXC_TypeError, "sequence item %zu: expected str instance, %s found", i, tname(vm, items[i]));
        total += AS_STR(items[i])->len;
    }
    if (n > 1)
        total += s->len * (n - 1);
    char *buf = malloc(total + 1);
    if (!buf) return vm_raise(vm, EXC_MemoryError, "%s", "");
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0) { memcpy(buf + pos, s->data, s->len); pos += s->len; }
        Str *it = AS_STR(items[i]);
        memcpy(buf + pos, it->data, it->len);
        pos += it->len;
    }
    Value r = mkstr(vm, buf, pos);
    free(buf);
    return r;
}

/* strip family: which = 1 left, 2 right, 3 both. */
static Value strip_impl(VM *vm, Value *args, int nargs, Tuple *kw, const char *name, int which)
{
    Str *s = m_range(vm, args, nargs, kw, name, 0, 1);
    if (!s) return VNULL;
    Str *chars = NULL;
    if (nargs > 1 && !IS_NONE(args[1])) {
        if (!IS_STR(args[1]))
            return vm_raise(vm, EXC_TypeError, "%s arg must be None or str", name);
        chars = AS_STR(args[1]);
    }
    uint32_t *set = NULL;
    size_t nset = 0;
    if (chars) {
        set = decode_all(chars, &nset);
        if (!set && chars->ncp) return vm_raise(vm, EXC_MemoryError, "%s", "");
    }
    size_t b = 0, e = s->len;
    const unsigned char *d = (const unsigned char *)s->data;
    if (which & 1) {
        while (b < e) {
            uint32_t c;
            size_t n = u8_dec(d + b, e - b, &c);
            bool hit = false;
            if (chars) { for (size_t i = 0; i < nset; i++) if (set[i] == c) { hit = true; break; } }
            else hit = u_space(c);
            if (!hit) break;
            b += n;
        }
    }
    if (which & 2) {
        while (e > b) {
            size_t p = e - 1;
            while (p > b && (d[p] & 0xC0) == 0x80) p--;
            uint32_t c;
            u8_dec(d + p, e - p, &c);
            bool hit = false;
            if (chars) { for (size_t i = 0; i < nset; i++) if (set[i] == c) { hit = true; break; } }
            else hit = u_space(c);
            if (!hit) break;
            e = p;
        }
    }
    free(set);
    if (b == 0 && e == s->len && AS_OBJ(args[0])->cls == TYPE(vm, str))
        return args[0];
    return mkstr(vm, s->data + b, e - b);
}

static Value m_strip(VM *vm, Value *a, int n, Tuple *k) { return strip_impl(vm, a, n, k, "strip", 3); }
static Value m_lstrip(VM *vm, Value *a, int n, Tuple *k) { return strip_impl(vm, a, n, k, "lstrip", 1); }
static Value m_rstrip(VM *vm, Value *a, int n, Tuple *k) { return strip_impl(vm, a, n, k, "rstrip", 2); }

static Value m_replace(VM *vm, Value *args, int nargs, Tuple *kw)
{
    Str *s = m_range(vm, args, nargs, kw, "replace", 2, 3);
    if (!s) return VNULL;
    if (!IS_STR(args[1]))
        return vm_raise(vm, EXC_TypeError, "replace() argument 1 must be str, not %s", tname(vm, args[1]));
    if (!IS_STR(args[2]))
        return vm_raise(vm, EXC_TypeError, "replace() argument 2 must be str, not %s", tname(vm, args[2]));
    int64_t count = -1;
    if (nargs > 3 && get_index(vm, args[3], &count) < 0)
        return VNULL;
    if (count < 0)
        count = INT64_MAX;
    Str *old = AS_STR(args[1]), *new = AS_STR(args[2]);
    NfBuf b = NF_BUF_INIT;
    nf_buf_reserve(&b, s->len + 1);
    if (old->len == 0) {
        /* Insert before every character and at the end. */
        size_t i = 0;
        int64_t done = 0;
        while (done < count) {
            nf_buf_append(&b, new->data, new->len);
            done++;
            if (i >= s->len) break;
            size_t n = u8_len1((unsigned char)s->data[i]);
            if (i + n > s->len) n = s->len - i;
            nf_buf_append(&b, s->data + i, n);
            i += n;
        }
        if (i < s->len)
            nf_buf_append(&b, s->data + i, s->len - i);
        return buf_str(vm, &b);
    }
    const char *p = s->data, *e = s->data + s->len;
    int64_t done = 0;
    while (done < count) {
        const char *f = bsearch_fwd(p, (size_t)(e - p), old->data, old->len);
        if (!f) break;
        nf_buf_append(&b, p, (size_t)(f - p));
        nf_buf_append(&b, new->data, new->len);
        p = f + old->len;
        done++;
    }
    nf_buf_append(&b, p, (size_t)(e - p));
    return buf_str(vm, &b);
}

static Value partition_impl(VM *vm, Value *args, int nargs, Tuple *kw, const char *name, bool rev)
{
    Str *s = m_onearg(vm, args, nargs, kw, name);
    if (!s) return VNULL;
    Str *sep = need_str(vm, args[1]);
    if (!sep) return VNULL;
    if (sep->len == 0)
        return vm_raise(vm, EXC_ValueError, "empty separator");
    const char *f = rev ? bsearch_rev(s->data, s->len, sep->data, sep->len)
                        : bsearch_fwd(s->data, s->len, sep->data, sep->len);
    Tuple *t = tuple_new(vm, 3);
    if (!t) return VNULL;
    Value empty = mkstr(vm, "", 0);
    if (IS_NULL(empty)) return VNULL;
    if (!f) {
        t->items[0] = rev ? empty : args[0];
        t->items[1] = empty;
        t->items[2] = rev ? args[0] : empty;
        return VOBJ(t);
    }
    Value a = mkstr(vm, s->data, (size_t)(f - s->data));
    Value c = mkstr(vm, f + sep->len, (size_t)(s->data + s->len - f - sep->len));
    if (IS_NULL(a) || IS_NULL(c)) return VNULL;
    t->items[0] = a;
    t->items[1] = args[1];
    t->items[2] = c;
    return VOBJ(t);
}

static Value m_partition(VM *vm, Value *a, int n, Tuple *k) { return partition_impl(vm, a, n, k, "partition", false); }
static Value m_rpartition(VM *vm, Value *a, int n, Tuple *k) { return partition_impl(vm, a, n, k, "rpartition", true); }

static Value m_removeprefix(VM *vm, Value *args, int nargs, Tuple *kw)
{
    Str *s = m_onearg(vm, args, nargs, kw, "removeprefix");
    if (!s) return VNULL;
    if (!IS_STR(args[1]))
        return vm_raise(vm, EXC_TypeError, "removeprefix() argument must be str, not %s", tname(vm, args[1]));
    Str *p = AS_STR(args[1]);
    if (p->len && p->len <= s->len && memcmp(s->data, p->data, p->len) == 0)
        return mkstr(vm, s->data + p->len, s->len - p->len);
    return args[0];
}

static Value m_removesuffix(VM *vm, Value *args, int nargs, Tuple *kw)
{
    Str *s = m_onearg(vm, args, nargs, kw, "removesuffix");
    if (!s) return VNULL;
    if (!IS_STR(args[1]))
        return vm_raise(vm, EXC_TypeError, "removesuffix() argument must be str, not %s", tname(vm, args[1]));
    Str *p = AS_STR(args[1]);
    if (p->len && p->len <= s->len && memcmp(s->data + s->len - p->len, p->data, p->len) == 0)
        return mkstr(vm, s->data, s->len - p->len);
    return args[0];
}

static Value m_splitlines(VM *vm, Value *args, int nargs, Tuple *kw)
{
    static const char *const names[] = {"keepends", NULL};
    Value a[1];
    Str *s = m_clinic(vm, args, nargs, kw, "splitlines", names, a);
    if (!s) return VNULL;
    bool keep = false;
    if (!IS_NULL(a[0])) {
        int t = vm_truthy(vm, a[0]);
        if (t < 0) return VNULL;
        keep = t;
    }
    List *l = list_new(vm, 0);
    if (!l) return VNULL;
    size_t i = 0, start = 0;
    const unsigned char *d = (const unsigned char *)s->data;
    while (i < s->len) {
        uint32_t c;
        size_t n = u8_dec(d + i, s->len - i, &c);
        if (u_linebreak(c)) {
            size_t eol = i, next = i + n;
            if (c == '\r' && next < s->len && d[next] == '\n')
                next++;
            if (push_piece(vm, l, s->data + start, (keep ? next : eol) - start) < 0)
                return VNULL;
            start = i = next;
            continue;
        }
        i += n;
    }
    if (start < s->len && push_piece(vm, l, s->data + start, s->len - start) < 0)
        return VNULL;
    return VOBJ(l);
}

static Value m_expandtabs(VM *vm, Value *args, int nargs, Tuple *kw)
{
    static const char *const names[] = {"tabsize", NULL};
    Value a[1];
    Str *s = m_clinic(vm, args, nargs, kw, "expandtabs", names, a);
    if (!s) return VNULL;
    int64_t ts = 8;
    if (!IS_NULL(a[0]) && get_index(vm, a[0], &ts) < 0)
        return VNULL;
    NfBuf b = NF_BUF_INIT;
    int64_t col = 0;
    const unsigned char *d = (const unsigned char *)s->data;
    size_t i = 0;
    while (i < s->len) {
        uint32_t c;
        size_t n = u8_dec(d + i, s->len - i, &c);
        if (c == '\t') {
            if (ts > 0) {
                int64_t sp = ts - col % ts;
                for (int64_t k = 0; k < sp; k++) nf_buf_putc(&b, ' ');
                col += sp;
            }
        } else {
            nf_buf_append(&b, s->data + i, n);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
        i += n;
    }
    return buf_str(vm, &b);
}

/* ===== padding ================================================================= */

static int fill_arg(VM *vm, Value v, uint32_t *fill)
{
    if (!IS_STR(v)) {
        vm_raise(vm, EXC_TypeError, "The fill character must be a unicode character, not %s", tname(vm, v));
        return -1;
    }
    Str *f = AS_STR(v);
    if (f->ncp != 1) {
        vm_raise(vm, EXC_TypeError, "The fill character must be exactly one character long");
        return -1;
    }
    u8_dec((const unsigned char *)f->data, f->len, fill);
    return 0;
}

static Value pad(VM *vm, Value self, Str *s, int64_t left, int64_t right, uint32_t fill)
{
    if (left <= 0 && right <= 0)
        return AS_OBJ(self)->cls == TYPE(vm, str) ? self : mkstr(vm, s->data, s->len);
    char fb[4];
    size_t fn = nf_utf8_encode(fill, fb);
    NfBuf b = NF_BUF_INIT;
    if (nf_buf_reserve(&b, s->len + (size_t)(left + right) * fn + 1) < 0)
        return vm_raise(vm, EXC_MemoryError, "%s", "");
    for (int64_t i = 0; i < left; i++) nf_buf_append(&b, fb, fn);
    nf_buf_append(&b, s->data, s->len);
    for (int64_t i = 0; i < right; i++) nf_buf_append(&b, fb, fn);
    return buf_str(vm, &b);
}

static Value just_impl(VM *vm, Value *args, int nargs, Tuple *kw, const char *name, int mode)
{
    Str *s = m_range(vm, args, nargs, kw, name, 1, 2);
    if (!s) return VNULL;
    int64_t w;
    if (get_index(vm, args[1], &w) < 0) return VNULL;
    uint32_t fill = ' ';
    if (nargs > 2 && fill_arg(vm, args[2], &fill) < 0) return VNULL;
    int64_t marg = w - (int64_t)s->ncp;
    if (marg <= 0)
        return pad(vm, args[0], s, 0, 0, fill);
    if (mode == 0) return pad(vm, args[0], s, 0, marg, fill);        /* ljust */
    if (mode == 1) return pad(vm, args[0], s, marg, 0, fill);        /* rjust */
    int64_t left = marg / 2 + (marg & w & 1);
    return pad(vm, args[0], s, left, marg - left, fill);
}

static Value m_ljust(VM *vm, Value *a, int n, Tuple *k) { return just_impl(vm, a, n, k, "ljust", 0); }
static Value m_rjust(VM *vm, Value *a, int n, Tuple *k) { return just_impl(vm, a, n, k, "rjust", 1); }
static Value m_center(VM *vm, Value *a, int n, Tuple *k) { return just_impl(vm, a, n, k, "center", 2); }

static Value m_zfill(VM *vm, Value *args, int nargs, Tuple *kw)
{
    Str *s = m_onearg(vm, args, nargs, kw, "zfill");
    if (!s) return VNULL;
    int64_t w;
    if (get_index(vm, args[1], &w) < 0) return VNULL;
    int64_t marg = w - (int64_t)s->ncp;
    if (marg <= 0)
        return pad(vm, args[0], s, 0, 0, ' ');
    NfBuf b = NF_BUF_INIT;
    size_t i = 0;
    if (s->len && (s->data[0] == '+' || s->data[0] == '-')) {
        nf_buf_putc(&b, s->data[0]);
        i = 1;
    }
    for (int64_t k = 0; k < marg; k++) nf_buf_putc(&b, '0');
    nf_buf_append(&b, s->data + i, s->len - i);
    return buf_str(vm, &b);
}

/* ===== case ===================================================================== */

static Value case_impl(VM *vm, Value *args, int nargs, Tuple *kw, const char *name, int op)
{
    Str *s = m_noargs(vm, args, nargs, kw, name);
    if (!s) return VNULL;
    size_t n;
    uint32_t *cps = decode_all(s, &n);
    if (!cps) return vm_raise(vm, EXC_MemoryError, "%s", "");
    NfBuf b = NF_BUF_INIT;
    nf_buf_reserve(&b, s->len + 8);
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cps[i], out[3];
        int k;
        switch (op) {
        case 0: /* lower */
            if (c == 0x3a3 && final_sigma(cps, n, i)) { out[0] = 0x3c2; k = 1; }
            else k = case_map(c, CM_LOWER, out);
            break;
        case 1: k = case_map(c, CM_UPPER, out); break;
        case 2: k = case_map(c, CM_FOLD, out); break;
        case 3: /* swapcase */
            if (u_upper(c)) k = (c == 0x3a3 && final_sigma(cps, n, i)) ? (out[0] = 0x3c2, 1) : case_map(c, CM_LOWER, out);
            else if (u_lower(c)) k = case_map(c, CM_UPPER, out);
            else { out[0] = c; k = 1; }
            break;
        case 4: /* title */
            if (prev_cased) k = (c == 0x3a3 && final_sigma(cps, n, i)) ? (out[0] = 0x3c2, 1) : case_map(c, CM_LOWER, out);
            else k = case_map(c, CM_TITLE, out);
            prev_cased = u_cased(c);
            break;
        default: /* capitalize */
            if (i == 0) k = case_map(c, CM_TITLE, out);
            else k = (c == 0x3a3 && final_sigma(cps, n, i)) ? (out[0] = 0x3c2, 1) : case_map(c, CM_LOWER, out);
            break;
        }
        for (int j = 0; j < k; j++)
            buf_cp(&b, out[j]);
    }
    free(cps);
    return buf_str(vm, &b);
}

static Value m_lower(VM *vm, Value *a, int n, Tuple *k) { return case_impl(vm, a, n, k, "lower", 0); }
static Value m_upper(VM *vm, Value *a, int n, Tuple *k) { return case_impl(vm, a, n, k, "upper", 1); }
static Value m_casefold(VM *vm, Value *a, int n, Tuple *k) { return case_impl(vm, a, n, k, "casefold", 2); }
static Value m_swapcase(VM *vm, Value *a, int n, Tuple *k) { return case_impl(vm, a, n, k, "swapcase", 3); }
static Value m_title(VM *vm, Value *a, int n, Tuple *k) { return case_impl(vm, a, n, k, "title", 4); }
static Value m_capitalize(VM *vm, Value *a, int n, Tuple *k) { return case_impl(vm, a, n, k, "capitalize", 5); }

/* ===== predicates ================================================================ */

typedef bool (*CpPred)(uint32_t);

static Value all_pred(VM *vm, Value *args, int nargs, Tuple *kw, const char *name, CpPred p)
{
    Str *s = m_noargs(vm, args, nargs, kw, name);
    if (!s) return VNULL;
    if (s->len == 0) return VBOOL(false);
    const unsigned char *d = (const unsigned char *)s->data;
    for (size_t i = 0; i < s->len;) {
        uint32_t c;
        i += u8_dec(d + i, s->len - i, &c);
        if (!p(c)) return VBOOL(false);
    }
    return VBOOL(true);
}

static Value m_isdigit(VM *vm, Value *a, int n, Tuple *k) { return all_pred(vm, a, n, k, "isdigit", u_digit); }
static Value m_isdecimal(VM *vm, Value *a, int n, Tuple *k) { return all_pred(vm, a, n, k, "isdecimal", u_decimal); }
static Value m_isnumeric(VM *vm, Value *a, int n, Tuple *k) { return all_pred(vm, a, n, k, "isnumeric", u_numeric); }
static Value m_isalpha(VM *vm, Value *a, int n, Tuple *k) { return all_pred(vm, a, n, k, "isalpha", u_alpha); }
static Value m_isalnum(VM *vm, Value *a, int n, Tuple *k) { return all_pred(vm, a, n, k, "isalnum", u_alnum); }
static Value m_isspace(VM *vm, Value *a, int n, Tuple *k) { return all_pred(vm, a, n, k, "isspace", u_space); }

static Value m_isprintable(VM *vm, Value *args, int nargs, Tuple *kw)
{
    Str *s = m_noargs(vm, args, nargs, kw, "isprintable");
    if (!s) return VNULL;
    const unsigned char *d = (const unsigned char *)s->data;
    for (size_t i = 0; i < s->len;) {
        uint32_t c;
        i += u8_dec(d + i, s->len - i, &c);
        if (!u_printable(c)) return VBOOL(false);
    }
    return VBOOL(true);
}

static Value m_isascii(VM *vm, Value *args, int nargs, Tuple *kw)
{
    Str *s = m_noargs(vm, args, nargs, kw, "isascii");
    if (!s) return VNULL;
    return VBOOL(s->len == s->ncp);
}

/* isupper / islower: every cased character has the case, and there is one. */
static Value case_pred(VM *vm, Value *args, int nargs, Tuple *kw, const char *name, bool upper)
{
    Str *s = m_noargs(vm, args, nargs, kw, name);
    if (!s) return VNULL;
    bool any = false;
    const unsigned char *d = (const unsigned char *)s->data;
    for (size_t i = 0; i < s->len;) {
        uint32_t c;
        i += u8_dec(d + i, s->len - i, &c);
        if (upper ? (u_lower(c) || u_titlecase(c)) : (u_upper(c) || u_titlecase(c)))
            return VBOOL(false);
        if (upper ? u_upper(c) : u_lower(c))
            any = true;
    }
    return VBOOL(any);
}

static Value m_isupper(VM *vm, Value *a, int n, Tuple *k) { return case_pred(vm, a, n, k, "isupper", true); }
static Value m_islower(VM *vm, Value *a, int n, Tuple *k) { return case_pred(vm, a, n, k, "islower", false); }

static Value m_istitle(VM *vm, Value *args, int nargs, Tuple *kw)
{
    Str *s = m_noargs(vm, args, nargs, kw, "istitle");
    if (!s) return VNULL;
    bool cased = false, prev_cased = false;
    const unsigned char *d = (const unsigned char *)s->data;
    for (size_t i = 0; i < s->len;) {
        uint32_t c;
        i += u8_dec(d + i, s->len - i, &c);
        if (u_upper(c) || u_titlecase(c)) {
            if (prev_cased) return VBOOL(false);
            prev_cased = cased = true;
        } else if (u_lower(c)) {
            if (!prev_cased) return VBOOL(false);
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return VBOOL(cased);
}

static bool id_start(uint32_t c) { return c == '_' || u_alpha(c) || (c >= 0x2160 && c <= 0x2188); }
static bool id_continue(uint32_t c)
{
    return id_start(c) || u_decimal(c) || (c >= 0x300 && c <= 0x36f) || c == 0xb7;
}

static Value m_isidentifier(VM *vm, Value *args, int nargs, Tuple *kw)
{
    Str *s = m_noargs(vm, args, nargs, kw, "isidentifier");
    if (!s) return VNULL;
    if (s->len == 0) return VBOOL(false);
    const unsigned char *d = (const unsigned char *)s->data;
    size_t i = 0;
    uint32_t c;
    i += u8_dec(d, s->len, &c);
    if (!id_start(c)) return VBOOL(false);
    while (i < s->len) {
        i += u8_dec(d + i, s->len - i, &c);
        if (!id_continue(c)) return VBOOL(false);
    }
    return VBOOL(true);
}

/* ===== hooks for ops.c ============================================================= */

Str *str_repr(VM *vm, Str *s)
{
    bool has_sq = memchr(s->data, '\'', s->len) != NULL;
    bool has_dq = memchr(s->data, '"', s->len) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    NfBuf b = NF_BUF_INIT;
    if (nf_buf_reserve(&b, s->len + 3) < 0) {
        vm_raise(vm, EXC_MemoryError, "%s", "");
        return NULL;
    }
    nf_buf_putc(&b, q);
    const unsigned char *d = (const unsigned char *)s->data;
    for (size_t i = 0; i < s->len;) {
        uint32_t c;
        size_t n = u8_dec(d + i, s->len - i, &c);
        char tmp[16];
        if (c == (uint32_t)q || c == '\\') {
            nf_buf_putc(&b, '\\');
            nf_buf_putc(&b, (char)c);
        } else if (c == '\t') {
            nf_buf_append(&b, "\\t", 2);
        } else if (c == '\n') {
            nf_buf_append(&b, "\\n", 2);
        } else if (c == '\r') {
            nf_buf_append(&b, "\\r", 2);
        } else if (c >= 0x20 && c < 0x7f) {
            nf_buf_putc(&b, (char)c);
        } else if (c >= 0x80 && u_printable(c)) {
            nf_buf_append(&b, s->data + i, n);
        } else {
            if (c < 0x100) snprintf(tmp, sizeof tmp, "\\x%02x", c);
            else if (c < 0x10000) snprintf(tmp, sizeof tmp, "\\u%04x", c);
            else snprintf(tmp, sizeof tmp, "\\U%08x", c);
            nf_buf_append(&b, tmp, strlen(tmp));
        }
        i += n;
    }
    nf_buf_putc(&b, q);
    Str *r = str_new(vm, b.data, b.len);
    nf_buf_free(&b);
    return r;
}

Str *str_slice_cp(VM *vm, Str *s, size_t start_cp, size_t end_cp)
{
    if (end_cp > s->ncp) end_cp = s->ncp;
    if (start_cp >= end_cp)
        return str_new(vm, "", 0);
    size_t bs = cp2b(s, start_cp);
    size_t be = s->ascii ? end_cp : bs + (cp2b(s, end_cp) - bs);
    return str_new(vm, s->data + bs, be - bs);
}

Value str_getitem(VM *vm, Str *s, Value key)
{
    int64_t i;
    if (IS_KIND(key, OBJ_SLICE)) {
        int64_t start, stop, step, n;
        if (slice_indices(vm, (Slice *)AS_OBJ(key), (int64_t)s->ncp, &start, &stop, &step, &n) < 0)
            return VNULL;
        if (n <= 0)
            return mkstr(vm, "", 0);
        if (step == 1) {
            if (start == 0 && (size_t)n == s->ncp && AS_OBJ(VOBJ(s))->cls == TYPE(vm, str))
                return VOBJ(s);
            Str *r = str_slice_cp(vm, s, (size_t)start, (size_t)(start + n));
            return r ? VOBJ(r) : VNULL;
        }
        NfBuf b = NF_BUF_INIT;
        if (s->ascii) {
            nf_buf_reserve(&b, (size_t)n + 1);
            for (int64_t k = 0, j = start; k < n; k++, j += step)
                nf_buf_putc(&b, s->data[j]);
        } else {
            /* Byte offsets of every code point. */
            size_t *off = malloc((s->ncp + 1) * sizeof *off);
            if (!off) return vm_raise(vm, EXC_MemoryError, "%s", "");
            size_t p = 0, k = 0;
            while (p < s->len && k < s->ncp) {
                off[k++] = p;
                p += u8_len1((unsigned char)s->data[p]);
            }
            off[k] = s->len;
            for (int64_t c = 0, j = start; c < n; c++, j += step) {
                size_t a = off[j], e = off[j + 1] > s->len ? s->len : off[j + 1];
                nf_buf_append(&b, s->data + a, e - a);
            }
            free(off);
        }
        return buf_str(vm, &b);
    }
    if (IS_INT(key) || IS_BOOL(key)) {
        i = key.as.i;
    } else if (IS_BIGINT(key)) {
        return vm_raise(vm, EXC_IndexError, "cannot fit 'int' into an index-sized integer");
    } else {
        Value m = vm_lookup_special(vm, key, str_intern(vm, "__index__", 9));
        if (IS_NULL(m))
            return vm_raise(vm, EXC_TypeError, "string indices must be integers, not '%s'", tname(vm, key));
        if (vm_index(vm, key, &i) < 0)
            return VNULL;
    }
    int64_t n = (int64_t)s->ncp;
    if (i < 0) i += n;
    if (i < 0 || i >= n)
        return vm_raise(vm, EXC_IndexError, "string index out of range");
    size_t b = cp2b(s, (size_t)i);
    size_t len = s->ascii ? 1 : u8_len1((unsigned char)s->data[b]);
    if (b + len > s->len) len = s->len - b;
    return char_str(vm, s->data + b, len);
}


/* Does the right operand's class offer a reflected method? Then ops.c should
 * try it instead of str raising its own message. */
static bool has_reflected(VM *vm, Value b, const char *name)
{
    if (!IS_OBJ(b) || !AS_OBJ(b)->cls || (AS_OBJ(b)->cls->cflags & CLASS_BUILTIN))
        return false;
    return !IS_NULL(vm_lookup_special(vm, b, str_intern(vm, name, strlen(name))));
}

static Value str_repeat(VM *vm, Str *s, Value nv, Value self)
{
    int64_t n;
    if (IS_INT(nv) || IS_BOOL(nv)) {
        n = nv.as.i;
    } else if (IS_BIGINT(nv)) {
        if (AS_BIGINT(nv)->neg)
            n = 0;
        else
            return vm_raise(vm, EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
    } else {
        if (vm_index(vm, nv, &n) < 0)
            return VNULL;
    }
    if (n <= 0 || s->len == 0)
        return mkstr(vm, "", 0);
    if (n == 1 && AS_OBJ(self)->cls == TYPE(vm, str))
        return self;
    if ((uint64_t)n > (SIZE_MAX / 2) / s->len)
        return vm_raise(vm, EXC_MemoryError, "%s", "");
    size_t total = s->len * (size_t)n;
    if (vm->cfg.max_memory && total > vm->cfg.max_memory)
        return vm_raise(vm, EXC_MemoryError, "%s", "");
    char *buf = malloc(total + 1);
    if (!buf)
        return vm_raise(vm, EXC_MemoryError, "%s", "");
    for (int64_t k = 0; k < n; k++)
        memcpy(buf + (size_t)k * s->len, s->data, s->len);
    Value r = mkstr(vm, buf, total);
    free(buf);
    return r;
}

static bool index_like(VM *vm, Value v)
{
    if (IS_INT(v) || IS_BOOL(v) || IS_BIGINT(v))
        return true;
    if (IS_OBJ(v) && !IS_STR(v))
        return !IS_NULL(vm_lookup_special(vm, v, str_intern(vm, "__index__", 9)));
    return false;
}

Value str_binary(VM *vm, Value a, Value b, BinOpKind op)
{
    op = (BinOpKind)((unsigned)op & ~BINOP_INPLACE);
    switch (op) {
    case BINOP_ADD:
        if (!IS_STR(a))
            return vm->not_implemented;
        if (IS_STR(b)) {
            Str *x = AS_STR(a), *y = AS_STR(b);
            if (y->len == 0 && AS_OBJ(a)->cls == TYPE(vm, str)) return a;
            if (x->len == 0 && AS_OBJ(b)->cls == TYPE(vm, str)) return b;
            Str *r = str_concat(vm, x, y);
            return r ? VOBJ(r) : VNULL;
        }
        if (has_reflected(vm, b, "__radd__"))
            return vm->not_implemented;
        return vm_raise(vm, EXC_TypeError, "can only concatenate str (not \"%s\") to str", tname(vm, b));
    case BINOP_MUL:
        if (IS_STR(a)) {
            if (index_like(vm, b))
                return str_repeat(vm, AS_STR(a), b, a);
            if (has_reflected(vm, b, "__rmul__"))
                return vm->not_implemented;
            return vm_raise(vm, EXC_TypeError, "can't multiply sequence by non-int of type '%s'", tname(vm, b));
        }
        if (IS_STR(b)) {
            if (index_like(vm, a))
                return str_repeat(vm, AS_STR(b), a, b);
            if (IS_OBJ(a) && !(AS_OBJ(a)->cls->cflags & CLASS_BUILTIN))
                return vm->not_implemented;
            return vm_raise(vm, EXC_TypeError, "can't multiply sequence by non-int of type '%s'", tname(vm, a));
        }
        return vm->not_implemented;
    case BINOP_MOD:
        if (!IS_STR(a))
            return vm->not_implemented;
        {
            Str *r = vm_percent_format(vm, AS_STR(a), b);
            return r ? VOBJ(r) : VNULL;
        }
    default:
        return vm->not_implemented;
    }
}

Value str_compare(VM *vm, Str *a, Str *b, CmpKind op)
{
    if (op == CMP_EQ || op == CMP_NE) {
        bool eq = a == b || str_eq(a, b);
        return VBOOL(op == CMP_EQ ? eq : !eq);
    }
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->data, b->data, n);
    if (c == 0)
        c = a->len < b->len ? -1 : a->len > b->len ? 1 : 0;
    switch (op) {
    case CMP_LT: return VBOOL(c < 0);
    case CMP_LE: return VBOOL(c <= 0);
    case CMP_GT: return VBOOL(c > 0);
    case CMP_GE: return VBOOL(c >= 0);
    default: return vm->not_implemented;
    }
}

int str_contains(VM *vm, Str *s, Value item)
{
    if (!IS_STR(item)) {
        vm_raise(vm, EXC_TypeError, "'in <string>' requires string as left operand, not %s", tname(vm, item));
        return -1;
    }
    Str *n = AS_STR(item);
    return bsearch_fwd(s->data, s->len, n->data, n->len) != NULL;
}

/* Iterator over a str: a = the str, i = byte offset. */
static int str_iter_next(VM *vm, Iter *it, Value *out)
{
    Str *s = AS_STR(it->a);
    if (it->i < 0 || (size_t)it->i >= s->len)
        return 0;
    size_t b = (size_t)it->i;
    size_t n = u8_len1((unsigned char)s->data[b]);
    if (b + n > s->len) n = s->len - b;
    Value c = char_str(vm, s->data + b, n);
    if (IS_NULL(c))
        return -1;
    it->i = (int64_t)(b + n);
    *out = c;
    return 1;
}

Value str_iter(VM *vm, Str *s)
{
    Iter *it = iter_new(vm, str_iter_next, VOBJ(s));
    if (!it)
        return VNULL;
    it->i = 0;
    return VOBJ(it);
}


/* ===== translate / maketrans ======================================================= */

static Value m_translate(VM *vm, Value *args, int nargs, Tuple *kw)
{
    Str *s = m_onearg(vm, args, nargs, kw, "translate");
    if (!s) return VNULL;
    Value table = args[1];
    NfBuf b = NF_BUF_INIT;
    const unsigned char *d = (const unsigned char *)s->data;
    for (size_t i = 0; i < s->len;) {
        uint32_t c;
        size_t n = u8_dec(d + i, s->len - i, &c);
        Value r = vm_getitem(vm, table, VINT(c));
        if (IS_NULL(r)) {
            if (!vm_exc_matches(vm, EXC_LookupError)) {
                nf_buf_free(&b);
                return VNULL;
            }
            vm_exc_take(vm);
            nf_buf_append(&b, s->data + i, n);
        } else if (IS_NONE(r)) {
            /* deleted */
        } else if (IS_INT(r) || IS_BOOL(r)) {
            if (r.as.i < 0 || r.as.i >= 0x110000) {
                nf_buf_free(&b);
                return vm_raise(vm, EXC_ValueError, "character mapping must be in range(0x110000)");
            }
            buf_cp(&b, (uint32_t)r.as.i);
        } else if (IS_STR(r)) {
            nf_buf_append(&b, AS_STR(r)->data, AS_STR(r)->len);
        } else {
            nf_buf_free(&b);
            return vm_raise(vm, EXC_TypeError, "character mapping must return integer, None or str");
        }
        i += n;
    }
    return buf_str(vm, &b);
}

/* str.maketrans(x[, y[, z]]): a static method. */
static Value m_maketrans(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (nkw(kw))
        return vm_raise(vm, EXC_TypeError, "str.maketrans() takes no keyword arguments");
    if (nargs < 1 || nargs > 3)
        return vm_raise(vm, EXC_TypeError, nargs < 1 ? "maketrans expected at least 1 argument, got %d"
                                                     : "maketrans expected at most 3 arguments, got %d", nargs);
    Dict *d = dict_new(vm);
    if (!d) return VNULL;
    Value dv = VOBJ(d);
    if (nargs == 1) {
        if (!IS_DICT(args[0]))
            return vm_raise(vm, EXC_TypeError, "if you give only one argument to maketrans it must be a dict");
        Dict *src = AS_DICT(args[0]);
        for (size_t i = 0; i < src->nentries; i++) {
            DictEntry *e = &src->entries[i];
            if (IS_NULL(e->key))
                continue;
            Value k = e->key;
            if (IS_STR(k)) {
                if (AS_STR(k)->ncp != 1)
                    return vm_raise(vm, EXC_ValueError, "string keys in translate table must be of length 1");
                uint32_t c;
                u8_dec((const unsigned char *)AS_STR(k)->data, AS_STR(k)->len, &c);
                k = VINT(c);
            } else if (!(IS_INT(k) || IS_BOOL(k))) {
                return vm_raise(vm, EXC_TypeError, "keys in translate table must be strings or integers");
            }
            if (dict_set(vm, d, IS_BOOL(k) ? VINT(k.as.i) : k, e->value) < 0)
                return VNULL;
        }
        return dv;
    }
    if (!IS_STR(args[0]))
        return vm_raise(vm, EXC_TypeError, "maketrans() argument 1 must be str, not %s", tname(vm, args[0]));
    if (!IS_STR(args[1]))
        return vm_raise(vm, EXC_TypeError, "maketrans() argument 2 must be str, not %s", tname(vm, args[1]));
    if (nargs == 3 && !IS_STR(args[2]))
        return vm_raise(vm, EXC_TypeError, "maketrans() argument 3 must be str, not %s", tname(vm, args[2]));
    Str *x = AS_STR(args[0]), *y = AS_STR(args[1]);
    if (x->ncp != y->ncp)
        return vm_raise(vm, EXC_ValueError, "the first two maketrans arguments must have equal length");
    size_t nx, ny;
    uint32_t *cx = decode_all(x, &nx), *cy = decode_all(y, &ny);
    int rc = (cx && cy) ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < nx && i < ny; i++)
        rc = dict_set(vm, d, VINT(cx[i]), VINT(cy[i]));
    free(cx);
    free(cy);
    if (rc < 0)
        return vm->exc.tag == V_NULL ? vm_raise(vm, EXC_MemoryError, "%s", "") : VNULL;
    if (nargs == 3) {
        Str *z = AS_STR(args[2]);
        const unsigned char *p = (const unsigned char *)z->data;
        for (size_t i = 0; i < z->len;) {
            uint32_t c;
            i += u8_dec(p + i, z->len - i, &c);
            if (dict_set(vm, d, VINT(c), VNONE) < 0)
                return VNULL;
        }
    }
    return dv;
}


/* ===== dunder methods (explicit calls like s.__len__(); the operators
 * themselves are dispatched by ops.c straight to the hooks above) ===== */

static Str *dunder_self(VM *vm, Value *args, int nargs, Tuple *kw, const char *name, int nparams)
{
    Str *s = self_str(vm, args, nargs, name);
    if (!s) return NULL;
    if (nkw(kw)) {
        vm_raise(vm, EXC_TypeError, "str.%s() takes no keyword arguments", name);
        return NULL;
    }
    if (nargs - 1 != nparams) {
        vm_raise(vm, EXC_TypeError, "expected %d argument%s, got %d", nparams, nparams == 1 ? "" : "s", nargs - 1);
        return NULL;
    }
    return s;
}

static Value d_len(VM *vm, Value *a, int n, Tuple *k)
{
    Str *s = dunder_self(vm, a, n, k, "__len__", 0);
    return s ? VINT((int64_t)s->ncp) : VNULL;
}
static Value d_str(VM *vm, Value *a, int n, Tuple *k)
{
    Str *s = dunder_self(vm, a, n, k, "__str__", 0);
    return s ? a[0] : VNULL;
}
static Value d_repr(VM *vm, Value *a, int n, Tuple *k)
{
    Str *s = dunder_self(vm, a, n, k, "__repr__", 0);
    Str *r = s ? str_repr(vm, s) : NULL;
    return r ? VOBJ(r) : VNULL;
}
static Value d_hash(VM *vm, Value *a, int n, Tuple *k)
{
    Str *s = dunder_self(vm, a, n, k, "__hash__", 0);
    if (!s) return VNULL;
    int64_t h;
    if (vm_hash(vm, a[0], &h) < 0) return VNULL;
    return VINT(h);
}
static Value d_iter(VM *vm, Value *a, int n, Tuple *k)
{
    Str *s = dunder_self(vm, a, n, k, "__iter__", 0);
    return s ? str_iter(vm, s) : VNULL;
}
static Value d_getitem(VM *vm, Value *a, int n, Tuple *k)
{
    Str *s = dunder_self(vm, a, n, k, "__getitem__", 1);
    return s ? str_getitem(vm, s, a[1]) : VNULL;
}
static Value d_contains(VM *vm, Value *a, int n, Tuple *k)
{
    Str *s = dunder_self(vm, a, n, k, "__contains__", 1);
    if (!s) return VNULL;
    int r = str_contains(vm, s, a[1]);
    return r < 0 ? VNULL : VBOOL(r);
}
static Value d_binop(VM *vm, Value *a, int n, Tuple *k, const char *name, BinOpKind op, bool reflected)
{
    Str *s = dunder_self(vm, a, n, k, name, 1);
    if (!s) return VNULL;
    if (op == BINOP_MUL && !(IS_INT(a[1]) || IS_BOOL(a[1]) || IS_BIGINT(a[1]))) {
        int64_t ignored;
        if (vm_index(vm, a[1], &ignored) < 0)
            return VNULL;
    }
    return reflected ? str_binary(vm, a[1], a[0], op) : str_binary(vm, a[0], a[1], op);
}
static Value d_add(VM *vm, Value *a, int n, Tuple *k) { return d_binop(vm, a, n, k, "__add__", BINOP_ADD, false); }
static Value d_mul(VM *vm, Value *a, int n, Tuple *k) { return d_binop(vm, a, n, k, "__mul__", BINOP_MUL, false); }
static Value d_rmul(VM *vm, Value *a, int n, Tuple *k) { return d_binop(vm, a, n, k, "__rmul__", BINOP_MUL, true); }
static Value d_mod(VM *vm, Value *a, int n, Tuple *k) { return d_binop(vm, a, n, k, "__mod__", BINOP_MOD, false); }

static Value d_cmp(VM *vm, Value *a, int n, Tuple *k, const char *name, CmpKind op)
{
    Str *s = dunder_self(vm, a, n, k, name, 1);
    if (!s) return VNULL;
    if (!IS_STR(a[1]))
        return vm->not_implemented;
    return str_compare(vm, s, AS_STR(a[1]), op);
}
static Value d_eq(VM *vm, Value *a, int n, Tuple *k) { return d_cmp(vm, a, n, k, "__eq__", CMP_EQ); }
static Value d_ne(VM *vm, Value *a, int n, Tuple *k) { return d_cmp(vm, a, n, k, "__ne__", CMP_NE); }
static Value d_lt(VM *vm, Value *a, int n, Tuple *k) { return d_cmp(vm, a, n, k, "__lt__", CMP_LT); }
static Value d_le(VM *vm, Value *a, int n, Tuple *k) { return d_cmp(vm, a, n, k, "__le__", CMP_LE); }
static Value d_gt(VM *vm, Value *a, int n, Tuple *k) { return d_cmp(vm, a, n, k, "__gt__", CMP_GT); }
static Value d_ge(VM *vm, Value *a, int n, Tuple *k) { return d_cmp(vm, a, n, k, "__ge__", CMP_GE); }

/* ===== registration ================================================================= */

void str_methods_init(VM *vm)
{
    Class *c = TYPE(vm, str);
    if (!c)
        return;
    static const struct { const char *name; NativeFn fn; } methods[] = {
        {"split", m_split}, {"rsplit", m_rsplit}, {"join", m_join},
        {"strip", m_strip}, {"lstrip", m_lstrip}, {"rstrip", m_rstrip},
        {"replace", m_replace}, {"find", m_find}, {"rfind", m_rfind},
        {"index", m_index}, {"rindex", m_rindex}, {"count", m_count},
        {"startswith", m_startswith}, {"endswith", m_endswith},
        {"upper", m_upper}, {"lower", m_lower}, {"title", m_title},
        {"capitalize", m_capitalize}, {"swapcase", m_swapcase}, {"casefold", m_casefold},
        {"center", m_center}, {"ljust", m_ljust}, {"rjust", m_rjust}, {"zfill", m_zfill},
        {"partition", m_partition}, {"rpartition", m_rpartition},
        {"isdigit", m_isdigit}, {"isalpha", m_isalpha}, {"isalnum", m_isalnum},
        {"isspace", m_isspace}, {"isupper", m_isupper}, {"islower", m_islower},
        {"isidentifier", m_isidentifier}, {"isnumeric", m_isnumeric},
        {"isdecimal", m_isdecimal}, {"istitle", m_istitle}, {"isprintable", m_isprintable},
        {"isascii", m_isascii},
        {"splitlines", m_splitlines}, {"expandtabs", m_expandtabs},
        {"removeprefix", m_removeprefix}, {"removesuffix", m_removesuffix},
        {"__len__", d_len}, {"__str__", d_str}, {"__repr__", d_repr}, {"__hash__", d_hash},
        {"__iter__", d_iter}, {"__getitem__", d_getitem}, {"__contains__", d_contains},
        {"__add__", d_add}, {"__mul__", d_mul}, {"__rmul__", d_rmul}, {"__mod__", d_mod},
        {"__eq__", d_eq}, {"__ne__", d_ne}, {"__lt__", d_lt}, {"__le__", d_le},
        {"__gt__", d_gt}, {"__ge__", d_ge},
    };
    for (size_t i = 0; i < NELEM(methods); i++)
        class_add_method(vm, c, methods[i].name, methods[i].fn);
    class_add_method(vm, c, "translate", m_translate);
    /* maketrans is a static method: str.maketrans(...) and s.maketrans(...). */
    Native *mk = native_new(vm, "maketrans", m_maketrans, c);
    if (mk && TYPE(vm, staticmethod)) {
        Wrapper *w = vm_alloc_obj(vm, sizeof(Wrapper), OBJ_WRAPPER, TYPE(vm, staticmethod));
        if (w) {
            w->hdr.flags = WRAP_STATICMETHOD;
            w->a = VOBJ(mk);
            w->b = w->c = w->d = VNONE;
            dict_set_str(vm, c->dict, "maketrans", VOBJ(w));
        }
    }
}
