/*
 * outfile.h - writing an export atomically: the bytes go to PATH.tmpPID
 * beside the destination, and only a rename makes them appear at PATH, so
 * no reader (and no failed run) ever leaves half a file there. Staging and
 * committing are separate so that several files (a PNG and an SVG of one
 * command) appear together or not at all.
 *
 * No SDL, no view: bytes and paths.
 */
#ifndef LOOPSCOPE_OUTFILE_H
#define LOOPSCOPE_OUTFILE_H

#include <stddef.h>

typedef struct OutFile {
    char *path;
    char *tmp;     /* NULL: nothing staged */
} OutFile;

/* Writes data to the temporary file. 0, or -1 with errno set and nothing
 * left behind. */
int outfile_stage(OutFile *o, const char *path, const void *data, size_t n);
/* Renames the staged file into place. 0, or -1 with errno set (the
 * temporary file is removed). Frees o's memory either way. */
int outfile_commit(OutFile *o);
/* Removes the staged file and frees o's memory. */
void outfile_abort(OutFile *o);
/* stage + commit. */
int outfile_write(const char *path, const void *data, size_t n);
/* outfile_write, then free(data), keeping errno; data NULL (an encoder
 * that failed, errno set): just -1. */
int outfile_write_free(const char *path, void *data, size_t n);

#endif
