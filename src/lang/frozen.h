/*
 * frozen.h - a Proto tree as bytes and back, so that loopscope's own Python
 * (the preludes) is compiled when loopscope is built, not at every start.
 *
 * The bytes are for the same build only: integers are written in the
 * machine's own byte order and width, with no version mark.
 */
#ifndef LOOPSCOPE_FROZEN_H
#define LOOPSCOPE_FROZEN_H

#include <stddef.h>
#include "proto.h"

/* The tree under p as a malloc'd buffer of *len bytes. */
unsigned char *proto_freeze(const Proto *p, size_t *len);

/* The tree proto_freeze wrote, equal field for field but for the flag
 * PROTO_BORROWED_TEXT: its strings are in buf, which must outlive it. Owned
 * by the caller (proto_free); NULL if the bytes end early or do not all
 * belong to it. */
Proto *proto_thaw(const unsigned char *buf, size_t len);

#endif
