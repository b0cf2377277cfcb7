/*
 * png.c - a minimal PNG writer (see png.h): signature, IHDR, one IDAT of
 * stored deflate blocks (65535 bytes at most each), IEND. Each row starts
 * with filter byte 0 (none). CRC-32 and Adler-32 are computed here.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "png.h"

static uint32_t crc_table[256];

static void crc_init(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

static uint32_t crc_update(uint32_t crc, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        crc = crc_table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return crc;
}

static void be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static int chunk(FILE *f, const char *type, const uint8_t *data, size_t n)
{
    uint8_t hdr[8];
    be32(hdr, (uint32_t)n);
    memcpy(hdr + 4, type, 4);
    uint32_t crc = crc_update(0xFFFFFFFFu, hdr + 4, 4);
    crc = crc_update(crc, data, n) ^ 0xFFFFFFFFu;
    uint8_t tail[4];
    be32(tail, crc);
    return fwrite(hdr, 1, 8, f) == 8 && (n == 0 || fwrite(data, 1, n, f) == n) && fwrite(tail, 1, 4, f) == 4 ? 0 : -1;
}

int png_write_rgba(const char *path, const uint8_t *rgba, int width, int height, size_t stride)
{
    if (width <= 0 || height <= 0) {
        errno = EINVAL;
        return -1;
    }
    crc_init();
    size_t row = (size_t)width * 4 + 1;
    size_t raw = row * (size_t)height;
    size_t nblocks = raw / 65535 + 1;
    size_t zlen = 2 + raw + nblocks * 5 + 4;
    uint8_t *z = malloc(zlen);
    uint8_t *rows = malloc(raw);
    if (!z || !rows) {
        free(z);
        free(rows);
        errno = ENOMEM;
        return -1;
    }
    for (int y = 0; y < height; y++) {
        rows[(size_t)y * row] = 0;
        memcpy(rows + (size_t)y * row + 1, rgba + (size_t)y * stride, (size_t)width * 4);
    }
    /* zlib header: deflate, 32K window, no dictionary, check bits */
    size_t o = 0;
    z[o++] = 0x78;
    z[o++] = 0x01;
    uint32_t a = 1, b = 0;
    for (size_t at = 0; at < raw || at == 0;) {
        size_t n = raw - at > 65535 ? 65535 : raw - at;
        z[o++] = at + n == raw ? 1 : 0;   /* BFINAL, BTYPE 00 (stored) */
        z[o++] = (uint8_t)n;
        z[o++] = (uint8_t)(n >> 8);
        z[o++] = (uint8_t)~n;
        z[o++] = (uint8_t)(~n >> 8);
        memcpy(z + o, rows + at, n);
        for (size_t i = 0; i < n; i++) {
            a = (a + rows[at + i]) % 65521;
            b = (b + a) % 65521;
        }
        o += n;
        at += n;
        if (at == raw)
            break;
    }
    be32(z + o, b << 16 | a);
    o += 4;

    size_t plen = strlen(path) + 32;
    char *tmp = malloc(plen);
    int rc = -1;
    if (tmp) {
        snprintf(tmp, plen, "%s.tmp%ld", path, (long)getpid());
        FILE *f = fopen(tmp, "wb");
        if (f) {
            static const uint8_t sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
            uint8_t ihdr[13];
            be32(ihdr, (uint32_t)width);
            be32(ihdr + 4, (uint32_t)height);
            ihdr[8] = 8;    /* bits per channel */
            ihdr[9] = 6;    /* RGBA */
            ihdr[10] = ihdr[11] = ihdr[12] = 0;
            rc = fwrite(sig, 1, 8, f) == 8 && chunk(f, "IHDR", ihdr, 13) == 0 && chunk(f, "IDAT", z, o) == 0
                         && chunk(f, "IEND", NULL, 0) == 0
                     ? 0
                     : -1;
            if (fclose(f) != 0)
                rc = -1;
            if (rc == 0 && rename(tmp, path) != 0)
                rc = -1;
            if (rc != 0) {
                int e = errno;
                remove(tmp);
                errno = e;
            }
        }
        free(tmp);
    }
    free(z);
    free(rows);
    return rc;
}
