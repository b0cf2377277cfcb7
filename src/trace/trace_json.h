/*
 * trace_json.h - JSON text for the trace writers (internal to src/trace):
 * escaped strings, exact numbers, and one event's fields under the names
 * docs/trace-format.md lists. Both the JSON Lines and the Chrome writer use
 * these, so an event reads the same in either file.
 *
 * Output goes through stdio; callers check ferror() once at the end.
 */
#ifndef LOOPSCOPE_TRACE_JSON_H
#define LOOPSCOPE_TRACE_JSON_H

#include <stdint.h>
#include <stdio.h>
#include "trace.h"

/* The inside of a JSON string literal for s[0..n): control characters,
 * quotes and backslashes are escaped, valid UTF-8 is passed through, and
 * each invalid sequence becomes U+FFFD. Callers write the quotes, so a
 * literal can be built from several pieces. */
void tr_json_chars(FILE *f, const char *s, size_t n);

/* The same for the trace string h (nothing for none). */
void tr_json_tchars(FILE *f, const Trace *t, TraceStr h);

/* The trace string h as a whole JSON string literal ("" for none). */
void tr_json_tstr(FILE *f, const Trace *t, TraceStr h);

/* v / 10^decimals, exactly, without trailing zeros: (1000000250, 9) is
 * 1.00000025; (5, 3) is 0.005; (7000, 3) is 7. */
void tr_json_fixed(FILE *f, int64_t v, int decimals);

/* The shortest decimal that reads back as x (integers without a point);
 * null for NaN and infinities, which JSON cannot spell. */
void tr_json_number(FILE *f, double x);

/* The event's fields after the ones every line has: `,"task":2,"parent":1,...`
 * (each preceded by a comma), named for the event's kind. Fields that are
 * 0 or none are left out, except those whose 0 means something for that
 * kind (a deadline of 0, exit status 0, the loop's thread 0 holding the GIL). */
void tr_json_fields(FILE *f, const Trace *t, const TraceEvent *ev);

#endif
