/*
 * test_svg.c - the display list as SVG (src/backend/svg.c): each item kind
 * becomes the right element with the theme's colours, text is escaped and
 * made valid UTF-8, clip groups balance, a whole frame from the view's
 * fixture converts item for item and identically twice, and svg_write
 * leaves either the whole file or nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <errno.h>
#include <unistd.h>
#include <dirent.h>
#include "../view/view_fixture.h"
#include "view_int.h"
#include "svg.h"

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static ViewItem *item(ViewList *l, ViewItemKind kind, ViewRole role, float x, float y, float w, float h,
                      float r)
{
    ViewItem *it = vl_push(l, kind, role);
    it->x = x, it->y = y, it->w = w, it->h = h, it->r = r;
    return it;
}

static ViewItem *text(ViewList *l, ViewFont font, const char *s, size_t n)
{
    ViewItem *it = item(l, VI_TEXT, VR_TEXT, 10, 20, 100, 26, 20);
    it->font = (uint8_t)font;
    it->text = vl_text(l, s, n);
    it->len = (uint32_t)n;
    return it;
}

static char *hex(ViewTheme t, ViewRole r, char buf[8])
{
    ViewColor c = view_theme_color(t, r);
    snprintf(buf, 8, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

static void shapes(void **state)
{
    (void)state;
    ViewList l;
    view_list_init(&l);
    item(&l, VI_RECT, VR_BG, 0, 0, 640, 360, 0);
    item(&l, VI_RRECT, VR_PANEL, 10, 10, 100, 20, 30);      /* radius capped at h / 2 */
    item(&l, VI_RRECT, VR_PANEL, 10, 40, 100, 20, 1);       /* under 1.5 px: square */
    item(&l, VI_FRAME, VR_PANEL_EDGE, 10, 70, 100, 50, 2);  /* stroke inside the box */
    item(&l, VI_LINE, VR_PLAYHEAD, 300, 10, 0, 200, 3);
    item(&l, VI_RECT, VR_SHADE, 5, 5, 0, 10, 0);            /* empty: left out */
    size_t len;
    char *s = svg_render(&l, 640, 360, &len);
    assert_non_null(s);
    assert_int_equal(strlen(s), len);
    assert_true(strncmp(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 44) == 0);
    assert_non_null(strstr(s, "width=\"640\" height=\"360\" viewBox=\"0 0 640 360\""));
    char c[8];
    char want[256];
    snprintf(want, sizeof want, "<rect x=\"0\" y=\"0\" width=\"640\" height=\"360\" fill=\"%s\"/>",
             hex(VIEW_THEME_LIGHT, VR_BG, c));
    assert_non_null(strstr(s, want));
    assert_non_null(strstr(s, "<rect x=\"10\" y=\"10\" width=\"100\" height=\"20\" rx=\"10\""));
    assert_non_null(strstr(s, "<rect x=\"10\" y=\"40\" width=\"100\" height=\"20\" fill="));
    snprintf(want, sizeof want, "<rect x=\"11\" y=\"71\" width=\"98\" height=\"48\" fill=\"none\" stroke=\"%s\" "
             "stroke-width=\"2\"/>", hex(VIEW_THEME_LIGHT, VR_PANEL_EDGE, c));
    assert_non_null(strstr(s, want));
    snprintf(want, sizeof want, "<line x1=\"300\" y1=\"10\" x2=\"300\" y2=\"210\" stroke=\"%s\" stroke-width=\"3\"/>",
             hex(VIEW_THEME_LIGHT, VR_PLAYHEAD, c));
    assert_non_null(strstr(s, want));
    assert_int_equal(count(s, "<rect"), 4);
    assert_true(len > 7 && strcmp(s + len - 7, "</svg>\n") == 0);
    free(s);
    view_list_free(&l);
}

static void text_runs(void **state)
{
    (void)state;
    ViewList l;
    view_list_init(&l);
    text(&l, VF_MONO, "    await x", 11);
    text(&l, VF_BOLD, "Task-1", 6);
    text(&l, VF_SANS, "", 0);   /* empty: no element */
    size_t len;
    char *s = svg_render(&l, 640, 360, &len);
    assert_int_equal(count(s, "<text"), 2);
    /* leading spaces kept; mono family first, DejaVu named, a generic fallback */
    assert_non_null(strstr(s, "xml:space=\"preserve\""));
    assert_non_null(strstr(s, "font-family=\"'DejaVu Sans Mono', 'Bitstream Vera Sans Mono', Menlo, Consolas, "
                              "monospace\" font-size=\"20\""));
    assert_non_null(strstr(s, ">    await x</text>"));
    assert_non_null(strstr(s, "sans-serif\" font-size=\"20\" font-weight=\"bold\""));
    /* the baseline: the 26 px line box centred on the font's (1.164 em), plus the ascent */
    float base = 20 + (26 - 1.1641f * 20) / 2 + 0.9282f * 20;
    char want[64];
    snprintf(want, sizeof want, "<text x=\"10\" y=\"%.2f\"", base);
    assert_non_null(strstr(s, want));
    free(s);
    view_list_free(&l);
}

static void escaping_and_utf8(void **state)
{
    (void)state;
    ViewList l;
    view_list_init(&l);
    static const char nasty[] = "a<b & \"c\" > d\tq\x01" "\xC3\xA9" "\xE2\x86\x92" "\xFF" "\xC0\xAF" "\xED\xA0\x80" "\xF0\x9F\x98\x80" "\xE2\x86";
    text(&l, VF_SANS, nasty, sizeof nasty - 1);
    size_t len;
    char *s = svg_render(&l, 640, 360, &len);
    const char *t = strstr(s, "<text");
    assert_non_null(t);
    t = strchr(t, '>') + 1;
    const char *want = "a&lt;b &amp; &quot;c&quot; &gt; d q "   /* tab and \x01: spaces */
                       "\xC3\xA9" "\xE2\x86\x92"                 /* valid: kept */
                       "\xEF\xBF\xBD"                              /* a stray 0xFF */
                       "\xEF\xBF\xBD\xEF\xBF\xBD"                  /* an overlong '/': two bytes */
                       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"      /* a surrogate: three */
                       "\xF0\x9F\x98\x80"                          /* an emoji: kept */
                       "\xEF\xBF\xBD\xEF\xBF\xBD"                  /* cut short at the end */
                       "</text>";
    assert_true(strncmp(t, want, strlen(want)) == 0);
    free(s);
    view_list_free(&l);
}

static void themes_and_alpha(void **state)
{
    (void)state;
    ViewList l;
    view_list_init(&l);
    item(&l, VI_RECT, VR_RUNNING, 0, 0, 10, 10, 0)->alpha = 102;   /* 40% */
    size_t len;
    char c[8], want[64];
    l.theme = VIEW_THEME_LIGHT;
    char *light = svg_render(&l, 640, 360, &len);
    l.theme = VIEW_THEME_DARK;
    char *dark = svg_render(&l, 640, 360, &len);
    snprintf(want, sizeof want, "fill=\"%s\" fill-opacity=\"0.4\"", hex(VIEW_THEME_LIGHT, VR_RUNNING, c));
    assert_non_null(strstr(light, want));
    snprintf(want, sizeof want, "fill=\"%s\" fill-opacity=\"0.4\"", hex(VIEW_THEME_DARK, VR_RUNNING, c));
    assert_non_null(strstr(dark, want));
    assert_string_not_equal(light, dark);
    free(light);
    free(dark);
    view_list_free(&l);
}

static void clips_balance(void **state)
{
    (void)state;
    ViewList l;
    view_list_init(&l);
    item(&l, VI_CLIP, VR_BG, 10.5f, 20.25f, 100.2f, 50, 0);
    text(&l, VF_SANS, "inside", 6);
    item(&l, VI_CLIP, VR_BG, 0, 0, 50, 50, 0);                  /* a new clip replaces it */
    item(&l, VI_UNCLIP, VR_BG, 0, 0, 0, 0, 0);
    item(&l, VI_UNCLIP, VR_BG, 0, 0, 0, 0, 0);                  /* a stray unclip: nothing */
    item(&l, VI_CLIP, VR_BG, 0, 0, 50, 50, 0);                  /* left open: closed at the end */
    size_t len;
    char *s = svg_render(&l, 640, 360, &len);
    assert_int_equal(count(s, "<clipPath id=\"c"), 3);
    assert_int_equal(count(s, "<g clip-path=\"url(#c"), 3);
    assert_int_equal(count(s, "</g>"), 3);
    /* widened to whole pixels, as the SDL backend clips */
    assert_non_null(strstr(s, "<clipPath id=\"c1\"><rect x=\"10\" y=\"20\" width=\"101\" height=\"50\"/></clipPath>\n"
                              "<g clip-path=\"url(#c1)\">"));
    free(s);
    view_list_free(&l);
}

/* A real frame: every text item of the layout is in the SVG, in order. */
static void whole_frame(void **state)
{
    (void)state;
    Fixture f = { 0 };
    fixture_build(&f);
    ViewScene sc = fixture_scene(&f, f.suspended_b);
    ViewParams p = params(1920, 1080);
    p.still = true;
    ViewList l;
    view_list_init(&l);
    view_layout(&l, &sc, &p);
    size_t len, len2;
    char *s = svg_render(&l, 1920, 1080, &len);
    char *again = svg_render(&l, 1920, 1080, &len2);
    assert_int_equal(len, len2);
    assert_memory_equal(s, again, len);
    size_t texts = 0, clips = 0;
    const char *at = s;
    for (size_t i = 0; i < l.len; i++) {
        const ViewItem *it = &l.items[i];
        clips += it->kind == VI_CLIP;
        if (it->kind != VI_TEXT || !it->len)
            continue;
        texts++;
        const char *str = view_item_text(&l, it);
        if (!strpbrk(str, "<>&\"")) {   /* plain text appears as it is, in list order */
            char want[512];
            snprintf(want, sizeof want, ">%s</text>", str);
            const char *found = strstr(at, want);
            assert_non_null(found);
            at = found;
        }
    }
    assert_true(texts > 20);
    assert_int_equal(count(s, "<text"), texts);
    assert_int_equal(count(s, "<clipPath"), clips);
    assert_int_equal(count(s, "<g "), count(s, "</g>"));
    assert_non_null(strstr(s, ">Task-3</text>"));
    assert_null(strstr(s, "? help"));   /* a still picture: no playback hints */
    free(s);
    free(again);
    view_list_free(&l);
    fixture_free(&f);
}

static void write_is_atomic(void **state)
{
    (void)state;
    char dir[] = "/tmp/loopscope-svg-XXXXXX";
    assert_non_null(mkdtemp(dir));
    ViewList l;
    view_list_init(&l);
    item(&l, VI_RECT, VR_BG, 0, 0, 640, 360, 0);
    char path[256];
    snprintf(path, sizeof path, "%s/out.svg", dir);
    assert_int_equal(svg_write(path, &l, 640, 360), 0);
    size_t len;
    char *s = svg_render(&l, 640, 360, &len);
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    char *got = malloc(len + 16);
    assert_int_equal(fread(got, 1, len + 16, fp), len);
    fclose(fp);
    assert_memory_equal(got, s, len);
    /* an unwritable place: -1 with errno, and nothing left behind */
    char bad[300];
    snprintf(bad, sizeof bad, "%s/no/such/dir/out.svg", dir);
    errno = 0;
    assert_int_equal(svg_write(bad, &l, 640, 360), -1);
    assert_int_equal(errno, ENOENT);
    DIR *d = opendir(dir);
    int entries = 0;
    for (struct dirent *e; (e = readdir(d));)
        entries += e->d_name[0] != '.';
    closedir(d);
    assert_int_equal(entries, 1);   /* out.svg, no temporary file */
    remove(path);
    rmdir(dir);
    free(got);
    free(s);
    view_list_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shapes),
        cmocka_unit_test(text_runs),
        cmocka_unit_test(escaping_and_utf8),
        cmocka_unit_test(themes_and_alpha),
        cmocka_unit_test(clips_balance),
        cmocka_unit_test(whole_frame),
        cmocka_unit_test(write_is_atomic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
