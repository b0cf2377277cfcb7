/*
 * view_int.h - what the view's files share and nobody else sees: pushing
 * items onto a display list, and the frame's layout context (Lay) that the
 * panel functions take as their first argument.
 *
 * Nothing here may read the simulator or draw: it only appends to a list.
 */
#ifndef LOOPSCOPE_VIEW_INT_H
#define LOOPSCOPE_VIEW_INT_H

#include "view.h"

ViewItem *vl_push(ViewList *l, ViewItemKind kind, ViewRole role);
uint32_t vl_text(ViewList *l, const char *s, size_t n);

/* One frame's layout: where items go and in which panel they count. */
typedef struct Lay {
    ViewList *l;
    const ViewParams *p;
    float u;            /* the base text size in pixels; every size is a multiple */
    ViewPanel panel;    /* the panel the next items belong to */
} Lay;

void lay_begin(Lay *L, ViewList *out, const ViewParams *p);

float lay_measure(const Lay *L, ViewFont font, float size, const char *s, size_t n);

/* Shapes; they return the item so a caller can set what/tag/alpha. */
ViewItem *lay_rect(Lay *L, ViewRole role, float x, float y, float w, float h);
ViewItem *lay_rrect(Lay *L, ViewRole role, float x, float y, float w, float h, float r);
ViewItem *lay_frame(Lay *L, ViewRole role, float x, float y, float w, float h, float thick);
ViewItem *lay_line(Lay *L, ViewRole role, float x0, float y0, float x1, float y1, float thick);
void lay_clip(Lay *L, float x, float y, float w, float h);
void lay_unclip(Lay *L);

/* One line of text at (x, y), cut to maxw pixels with an ellipsis when it
 * is wider (maxw <= 0: no limit). Returns the item (its w is the width
 * drawn), or NULL when not even the ellipsis fits. */
ViewItem *lay_text(Lay *L, ViewFont font, float size, ViewRole role, float x, float y,
                   float maxw, const char *s, size_t n);
ViewItem *lay_textf(Lay *L, ViewFont font, float size, ViewRole role, float x, float y,
                    float maxw, const char *fmt, ...) __attribute__((format(printf, 8, 9)));

/* The role a task's status is drawn in. */
ViewRole view_status_role(TraceTaskStatus s);

/* The text an output event shows: its own, except, in a run the user
 * stopped (sc->user_stopped), the instruction budget's message (the
 * window stops a run by cutting its budget): that one says the user
 * stopped it, written into buf. */
const char *view_output_text(const ViewScene *sc, const TraceEvent *ev, size_t *len, char *buf, size_t cap);

/* A trace string as (pointer, length); "" for none. */
const char *vs_str(const Trace *t, TraceStr s, size_t *len);

#endif
