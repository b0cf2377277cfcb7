/*
 * timecal.c - the calendar half of the time module: struct_time, gmtime,
 * localtime, mktime, strftime, asctime, ctime, process_time.
 *
 * The virtual clock's wall time is VM_VIRTUAL_EPOCH + vm_clock() (time.time()),
 * and the local time zone is UTC, so localtime() is gmtime() with the zone
 * named "UTC" (gmtime's is "GMT", as CPython's). tests/vclock/vrun.py runs
 * CPython with TZ=UTC and the same epoch. Nothing here reads the machine's
 * clock, time zone or locale: strftime is our own, with the C locale's names.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vm.h"
#include "internal.h"

#define ZONE_GMT 0x8000u   /* in a struct_time's hdr.flags: made by gmtime() */

enum { TM_YEAR, TM_MON, TM_MDAY, TM_HOUR, TM_MIN, TM_SEC, TM_WDAY, TM_YDAY, TM_ISDST, TM_NFIELDS };

static const char *const tm_fields[TM_NFIELDS] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
};
static const char *const day_names[7] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};
static const char *const month_names[12] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
};

/* ---- the proleptic Gregorian calendar ---------------------------------------- */

static bool is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days from 1970-01-01 to y-m-d (m 1..12). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int64_t *m, int64_t *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

/* The nine fields of the UTC time `secs` seconds after the epoch. */
static void fields_from_secs(int64_t secs, int64_t f[TM_NFIELDS])
{
    int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    int64_t rem = secs - days * 86400;
    civil_from_days(days, &f[TM_YEAR], &f[TM_MON], &f[TM_MDAY]);
    f[TM_HOUR] = rem / 3600;
    f[TM_MIN] = rem / 60 % 60;
    f[TM_SEC] = rem % 60;
    f[TM_WDAY] = ((days % 7) + 7 + 3) % 7;   /* 1970-01-01 was a Thursday (3, Monday is 0) */
    f[TM_YDAY] = days - days_from_civil(f[TM_YEAR], 1, 1) + 1;
    f[TM_ISDST] = 0;
}

/* ---- struct_time --------------------------------------------------------------- */

static Value make_struct_time(VM *vm, const int64_t f[TM_NFIELDS], bool gmt)
{
    Value items[TM_NFIELDS];
    for (int i = 0; i < TM_NFIELDS; i++)
        items[i] = VINT(f[i]);
    Tuple *t = tuple_from(vm, items, TM_NFIELDS);
    t->hdr.cls = TYPE(vm, struct_time);
    if (gmt)
        t->hdr.flags |= ZONE_GMT;
    return VOBJ(t);
}

static Value st_field(Value *args, int i)
{
    return AS_TUPLE(args[0])->items[i];
}
#define ST_GETTER(i) \
    static Value st_get##i(VM *vm, Value *a, int n, Tuple *k) { (void)vm; (void)n; (void)k; return st_field(a, i); }
ST_GETTER(0) ST_GETTER(1) ST_GETTER(2) ST_GETTER(3) ST_GETTER(4)
ST_GETTER(5) ST_GETTER(6) ST_GETTER(7) ST_GETTER(8)
#undef ST_GETTER
static const NativeFn st_getters[TM_NFIELDS] = {
    st_get0, st_get1, st_get2, st_get3, st_get4, st_get5, st_get6, st_get7, st_get8,
};

static const char *zone_of(Value t)
{
    return IS_OBJ(t) && (AS_OBJ(t)->flags & ZONE_GMT) ? "GMT" : "UTC";
}

static Value st_zone(VM *vm, Value *a, int n, Tuple *k)
{
    (void)n; (void)k;
    return vm_str(vm, zone_of(a[0]));
}

static Value st_gmtoff(VM *vm, Value *a, int n, Tuple *k)
{
    (void)vm; (void)a; (void)n; (void)k;
    return VINT(0);
}

static Value st_repr(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "__repr__", n - 1, k, 0, 0) < 0)
        return VNULL;
    Tuple *t = AS_TUPLE(a[0]);
    char buf[512];
    size_t used = (size_t)snprintf(buf, sizeof buf, "time.struct_time(");
    for (int i = 0; i < TM_NFIELDS && i < (int)t->len; i++) {
        Str *r = vm_repr(vm, t->items[i]);
        if (!r)
            return VNULL;
        used += (size_t)snprintf(buf + used, used < sizeof buf ? sizeof buf - used : 0, "%s%s=%s",
                                 i ? ", " : "", tm_fields[i], r->data);
    }
    if (used + 2 > sizeof buf)
        return vm_raise(vm, EXC_OverflowError, "struct_time too large to show");
    buf[used++] = ')';
    buf[used] = 0;
    return vm_str(vm, buf);
}

/* time.struct_time(seq): a 9-sequence made a struct_time (args[0] is the
 * class, as for every constructor) */
static Value st_ctor(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "struct_time", nargs - 1, kwnames, 1, 1) < 0)
        return VNULL;
    Value l = vm_call1(vm, VOBJ(TYPE(vm, tuple)), args[1]);
    if (IS_NULL(l))
        return VNULL;
    Tuple *t = AS_TUPLE(l);
    if (t->len != TM_NFIELDS)
        return vm_raise(vm, EXC_TypeError, "time.struct_time() takes a 9-sequence (%zu-sequence given)", t->len);
    Tuple *st = tuple_from(vm, t->items, t->len);
    st->hdr.cls = TYPE(vm, struct_time);
    return VOBJ(st);
}

/* ---- arguments ----------------------------------------------------------------- */

/* secs (None: now) -> whole seconds, rounded down as CPython's */
static int secs_arg(VM *vm, Value *args, int nargs, int64_t *out)
{
    double s;
    if (nargs == 0 || IS_NONE(args[0])) {
        s = VM_VIRTUAL_EPOCH + vm_clock(vm);
    } else if (IS_INT(args[0]) || IS_BOOL(args[0])) {
        return vm_index(vm, args[0], out);
    } else if (IS_FLOAT(args[0])) {
        s = args[0].as.f;
        if (isnan(s)) {
            vm_raise(vm, EXC_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    } else {
        vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", vm_type_name(vm, args[0]));
        return -1;
    }
    s = floor(s);
    if (!(s > -9.2e18 && s < 9.2e18)) {
        vm_raise(vm, EXC_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (int64_t)s;
    return 0;
}

/* A time tuple (a struct_time or any 9-tuple of ints) -> its fields. */
static int tuple_arg(VM *vm, const char *fname, Value v, int64_t f[TM_NFIELDS])
{
    if (!IS_KIND(v, OBJ_TUPLE)) {
        vm_raise(vm, EXC_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    Tuple *t = AS_TUPLE(v);
    if (t->len != TM_NFIELDS) {
        vm_raise(vm, EXC_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    for (int i = 0; i < TM_NFIELDS; i++)
        if (vm_index(vm, t->items[i], &f[i]) < 0)
            return -1;
    return 0;
}

/* ---- the functions --------------------------------------------------------------- */

/* gmtime([secs]) and localtime([secs]): the same fields, the zone named apart */
static Value broken_down(VM *vm, const char *fname, Value *args, int nargs, Tuple *kwnames, bool gmt)
{
    if (vm_check_nargs(vm, fname, nargs, kwnames, 0, 1) < 0)
        return VNULL;
    int64_t secs, f[TM_NFIELDS];
    if (secs_arg(vm, args, nargs, &secs) < 0)
        return VNULL;
    fields_from_secs(secs, f);
    return make_struct_time(vm, f, gmt);
}

static Value time_gmtime(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    return broken_down(vm, "gmtime", args, nargs, kwnames, true);
}

static Value time_localtime(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    return broken_down(vm, "localtime", args, nargs, kwnames, false);
}

static Value time_mktime(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "mktime", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    int64_t f[TM_NFIELDS];
    if (tuple_arg(vm, "mktime", args[0], f) < 0)
        return VNULL;
    /* months out of range carry into years, as C's mktime */
    int64_t mon0 = f[TM_MON] - 1;
    int64_t y = f[TM_YEAR] + (mon0 >= 0 ? mon0 / 12 : -((11 - mon0) / 12));
    int64_t m = mon0 - (y - f[TM_YEAR]) * 12 + 1;
    int64_t days = days_from_civil(y, m, 1) + f[TM_MDAY] - 1;
    return VFLOAT((double)(days * 86400 + f[TM_HOUR] * 3600 + f[TM_MIN] * 60 + f[TM_SEC]));
}

/* C's asctime layout: "Tue Nov 14 22:13:20 2023" */
static Value format_asctime(VM *vm, const int64_t f[TM_NFIELDS])
{
    int64_t wd = ((f[TM_WDAY] % 7) + 7) % 7;
    int64_t mo = ((f[TM_MON] - 1) % 12 + 12) % 12;
    return VOBJ(str_printf(vm, "%.3s %.3s%3d %.2d:%.2d:%.2d %lld", day_names[wd], month_names[mo],
                           (int)f[TM_MDAY], (int)f[TM_HOUR], (int)f[TM_MIN], (int)f[TM_SEC],
                           (long long)f[TM_YEAR]));
}

static Value time_asctime(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "asctime", nargs, kwnames, 0, 1) < 0)
        return VNULL;
    int64_t f[TM_NFIELDS];
    if (nargs == 0) {
        fields_from_secs((int64_t)floor(VM_VIRTUAL_EPOCH + vm_clock(vm)), f);
    } else if (tuple_arg(vm, "asctime", args[0], f) < 0) {
        return VNULL;
    }
    return format_asctime(vm, f);
}

static Value time_ctime(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "ctime", nargs, kwnames, 0, 1) < 0)
        return VNULL;
    int64_t secs, f[TM_NFIELDS];
    if (secs_arg(vm, args, nargs, &secs) < 0)
        return VNULL;
    fields_from_secs(secs, f);
    return format_asctime(vm, f);
}

/* Growing output for strftime. */
typedef struct Out {
    char *buf;
    size_t len, cap;
} Out;

static void out_add(Out *o, const char *s, size_t n)
{
    if (o->len + n + 1 > o->cap) {
        size_t nc = o->cap ? o->cap * 2 : 64;
        while (nc < o->len + n + 1)
            nc *= 2;
        char *nb = realloc(o->buf, nc);
        if (!nb) {
            fputs("loopscope: out of memory\n", stderr);
            abort();
        }
        o->buf = nb;
        o->cap = nc;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = 0;
}

static void out_fmt(Out *o, const char *fmt, long long v)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, fmt, v);
    out_add(o, tmp, (size_t)n);
}

/* Week of the year with weeks starting on `first` (0 Sunday, 1 Monday), as %U/%W. */
static long long week_number(const int64_t f[TM_NFIELDS], int first)
{
    int64_t yday0 = f[TM_YDAY] - 1;
    int64_t wday_sun = (f[TM_WDAY] + 1) % 7;   /* 0 Sunday */
    int64_t wd = first ? (wday_sun + 6) % 7 : wday_sun;
    return (long long)((yday0 + 7 - wd) / 7);
}

/* ISO 8601 week-based year and week (%G, %V). */
static void iso_week(const int64_t f[TM_NFIELDS], int64_t *year, int64_t *week)
{
    int64_t y = f[TM_YEAR];
    int64_t yday0 = f[TM_YDAY] - 1;
    int64_t wday = f[TM_WDAY];   /* 0 Monday */
    int64_t w = (yday0 - wday + 10) / 7;
    if (w < 1) {
        y--;
        int64_t days = is_leap(y) ? 366 : 365;
        w = (yday0 + days - wday + 10) / 7;
    } else if (w > 52) {
        int64_t days = is_leap(y) ? 366 : 365;
        if (yday0 - wday + 3 >= days) {   /* the Thursday of this week is in next year */
            y++;
            w = 1;
        }
    }
    *year = y;
    *week = w;
}

static void strftime_into(Out *o, const char *fmt, const int64_t f[TM_NFIELDS], const char *zone)
{
    int64_t wd = ((f[TM_WDAY] % 7) + 7) % 7;
    int64_t mo = ((f[TM_MON] - 1) % 12 + 12) % 12;
    int64_t h12 = f[TM_HOUR] % 12 == 0 ? 12 : f[TM_HOUR] % 12;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%' || !p[1]) {
            out_add(o, p, 1);
            continue;
        }
        p++;
        switch (*p) {
        case 'a': out_add(o, day_names[wd], 3); break;
        case 'A': out_add(o, day_names[wd], strlen(day_names[wd])); break;
        case 'b': case 'h': out_add(o, month_names[mo], 3); break;
        case 'B': out_add(o, month_names[mo], strlen(month_names[mo])); break;
        case 'c':
            strftime_into(o, "%a %b %e %H:%M:%S %Y", f, zone);
            break;
        case 'C': out_fmt(o, "%02lld", (long long)(f[TM_YEAR] / 100)); break;
        case 'd': out_fmt(o, "%02lld", (long long)f[TM_MDAY]); break;
        case 'D': case 'x': strftime_into(o, "%m/%d/%y", f, zone); break;
        case 'e': out_fmt(o, "%2lld", (long long)f[TM_MDAY]); break;
        case 'F': strftime_into(o, "%Y-%m-%d", f, zone); break;
        case 'G': case 'g': case 'V': {
            int64_t y, w;
            iso_week(f, &y, &w);
            if (*p == 'G')
                out_fmt(o, "%lld", (long long)y);
            else if (*p == 'g')
                out_fmt(o, "%02lld", (long long)(((y % 100) + 100) % 100));
            else
                out_fmt(o, "%02lld", (long long)w);
            break;
        }
        case 'H': out_fmt(o, "%02lld", (long long)f[TM_HOUR]); break;
        case 'I': out_fmt(o, "%02lld", (long long)h12); break;
        case 'j': out_fmt(o, "%03lld", (long long)f[TM_YDAY]); break;
        case 'k': out_fmt(o, "%2lld", (long long)f[TM_HOUR]); break;
        case 'l': out_fmt(o, "%2lld", (long long)h12); break;
        case 'm': out_fmt(o, "%02lld", (long long)f[TM_MON]); break;
        case 'M': out_fmt(o, "%02lld", (long long)f[TM_MIN]); break;
        case 'n': out_add(o, "\n", 1); break;
        case 'p': out_add(o, f[TM_HOUR] < 12 ? "AM" : "PM", 2); break;
        case 'P': out_add(o, f[TM_HOUR] < 12 ? "am" : "pm", 2); break;
        case 'r': strftime_into(o, "%I:%M:%S %p", f, zone); break;
        case 'R': strftime_into(o, "%H:%M", f, zone); break;
        case 's': {
            int64_t days = days_from_civil(f[TM_YEAR], f[TM_MON], f[TM_MDAY]);
            out_fmt(o, "%lld", (long long)(days * 86400 + f[TM_HOUR] * 3600 + f[TM_MIN] * 60 + f[TM_SEC]));
            break;
        }
        case 'S': out_fmt(o, "%02lld", (long long)f[TM_SEC]); break;
        case 't': out_add(o, "\t", 1); break;
        case 'T': case 'X': strftime_into(o, "%H:%M:%S", f, zone); break;
        case 'u': out_fmt(o, "%lld", (long long)(wd + 1)); break;
        case 'U': out_fmt(o, "%02lld", week_number(f, 0)); break;
        case 'w': out_fmt(o, "%lld", (long long)((wd + 1) % 7)); break;
        case 'W': out_fmt(o, "%02lld", week_number(f, 1)); break;
        case 'y': out_fmt(o, "%02lld", (long long)(((f[TM_YEAR] % 100) + 100) % 100)); break;
        case 'Y': out_fmt(o, "%lld", (long long)f[TM_YEAR]); break;
        case 'z': out_add(o, "+0000", 5); break;
        case 'Z': out_add(o, zone, strlen(zone)); break;
        case '%': out_add(o, "%", 1); break;
        default:   /* glibc leaves an unknown directive as written */
            out_add(o, p - 1, 2);
            break;
        }
    }
}

static Value time_strftime(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "strftime", nargs, kwnames, 1, 2) < 0)
        return VNULL;
    if (!IS_STR(args[0]))
        return vm_raise(vm, EXC_TypeError, "strftime() argument 1 must be str, not %s", vm_type_name(vm, args[0]));
    int64_t f[TM_NFIELDS];
    const char *zone = "UTC";
    if (nargs == 1) {
        fields_from_secs((int64_t)floor(VM_VIRTUAL_EPOCH + vm_clock(vm)), f);
    } else {
        if (tuple_arg(vm, "strftime", args[1], f) < 0)
            return VNULL;
        if (f[TM_MON] < 1 || f[TM_MON] > 12)
            return vm_raise(vm, EXC_ValueError, "month out of range");
        if (f[TM_MDAY] < 1 || f[TM_MDAY] > 31)
            return vm_raise(vm, EXC_ValueError, "day of month out of range");
        if (f[TM_HOUR] < 0 || f[TM_HOUR] > 23)
            return vm_raise(vm, EXC_ValueError, "hour out of range");
        if (f[TM_MIN] < 0 || f[TM_MIN] > 59)
            return vm_raise(vm, EXC_ValueError, "minute out of range");
        if (f[TM_SEC] < 0 || f[TM_SEC] > 61)
            return vm_raise(vm, EXC_ValueError, "seconds out of range");
        if (f[TM_WDAY] < 0)
            return vm_raise(vm, EXC_ValueError, "day of week out of range");
        if (f[TM_YDAY] < 1 || f[TM_YDAY] > 366)
            return vm_raise(vm, EXC_ValueError, "day of year out of range");
        f[TM_WDAY] %= 7;
        zone = zone_of(args[1]);
    }
    Out o = { 0 };
    out_add(&o, "", 0);
    strftime_into(&o, AS_STR(args[0])->data, f, zone);
    Value r = VOBJ(str_new(vm, o.buf, o.len));
    free(o.buf);
    return r;
}

/* CPU time: what the instructions executed so far cost on the virtual clock
 * (--cpu-cost), so 0.0 with a zero cost, as under tests/vclock/vrun.py. */
static double cpu_seconds(const VM *vm)
{
    return (double)vm->steps * vm->cfg.cpu_cost;
}

static Value time_process_time(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "process_time", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    return VFLOAT(cpu_seconds(vm));
}

static Value time_process_time_ns(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "process_time_ns", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    return VINT((int64_t)(cpu_seconds(vm) * 1e9 + 0.5));
}

void time_calendar_init(VM *vm, Module *m)
{
    Class *c = TYPE(vm, struct_time);
    c->module = m->name;
    c->ctor = st_ctor;
    for (int i = 0; i < TM_NFIELDS; i++)
        class_add_property(vm, c, tm_fields[i], st_getters[i]);
    class_add_property(vm, c, "tm_zone", st_zone);
    class_add_property(vm, c, "tm_gmtoff", st_gmtoff);
    class_add_method(vm, c, "__repr__", st_repr);
    dict_set_str(vm, m->dict, "struct_time", VOBJ(c));
    static const struct { const char *name; NativeFn fn; } fns[] = {
        { "gmtime", time_gmtime }, { "localtime", time_localtime }, { "mktime", time_mktime },
        { "asctime", time_asctime }, { "ctime", time_ctime }, { "strftime", time_strftime },
        { "process_time", time_process_time }, { "process_time_ns", time_process_time_ns },
        { "thread_time", time_process_time }, { "thread_time_ns", time_process_time_ns },
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        dict_set_str(vm, m->dict, fns[i].name, VOBJ(native_new(vm, fns[i].name, fns[i].fn, NULL)));
    Value tzname[2] = { vm_str(vm, "UTC"), vm_str(vm, "UTC") };
    dict_set_str(vm, m->dict, "tzname", VOBJ(tuple_from(vm, tzname, 2)));
    dict_set_str(vm, m->dict, "timezone", VINT(0));
    dict_set_str(vm, m->dict, "altzone", VINT(0));
    dict_set_str(vm, m->dict, "daylight", VINT(0));
}
