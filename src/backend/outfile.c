/*
 * outfile.c - atomic file output (see outfile.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "outfile.h"

static void release(OutFile *o)
{
    free(o->path);
    free(o->tmp);
    o->path = o->tmp = NULL;
}

int outfile_stage(OutFile *o, const char *path, const void *data, size_t n)
{
    o->path = o->tmp = NULL;
    size_t plen = strlen(path) + 32;
    o->path = strdup(path);
    o->tmp = malloc(plen);
    if (!o->path || !o->tmp) {
        release(o);
        errno = ENOMEM;
        return -1;
    }
    snprintf(o->tmp, plen, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(o->tmp, "wb");
    if (!f) {
        int e = errno;
        release(o);
        errno = e;
        return -1;
    }
    int ok = n == 0 || fwrite(data, 1, n, f) == n;
    int e = errno;
    if (fclose(f) != 0 && ok) {
        ok = 0;
        e = errno;
    }
    if (!ok) {
        remove(o->tmp);
        release(o);
        errno = e ? e : EIO;
        return -1;
    }
    return 0;
}

int outfile_commit(OutFile *o)
{
    if (!o->tmp) {
        errno = EINVAL;
        return -1;
    }
    int rc = rename(o->tmp, o->path);
    if (rc != 0) {
        int e = errno;
        remove(o->tmp);
        errno = e;
    }
    release(o);
    return rc == 0 ? 0 : -1;
}

void outfile_abort(OutFile *o)
{
    if (o->tmp)
        remove(o->tmp);
    release(o);
}

int outfile_write(const char *path, const void *data, size_t n)
{
    OutFile o;
    if (outfile_stage(&o, path, data, n) != 0)
        return -1;
    return outfile_commit(&o);
}

int outfile_write_free(const char *path, void *data, size_t n)
{
    if (!data)
        return -1;
    int rc = outfile_write(path, data, n);
    int e = errno;
    free(data);
    errno = e;
    return rc;
}
