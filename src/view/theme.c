/*
 * theme.c - the two colour themes, light and dark, for every role the
 * display list names.
 *
 * Both are made for projectors, which wash colours out and lift blacks:
 * text against its panel keeps a contrast ratio of at least 7:1 (WCAG AAA),
 * the state colours are saturated and told apart by lightness as well as hue
 * (a running task is never only "the green one"), and text drawn on a
 * coloured chip (ON_CHIP) stays readable on every state colour
 * (tests/unit/view/test_theme.c checks both).
 */
#include <math.h>
#include "view.h"

#define C(r, g, b) { r, g, b, 255 }

static const ViewColor light[VR__COUNT] = {
    [VR_BG]         = C(0xe9, 0xec, 0xf0),
    [VR_PANEL]      = C(0xff, 0xff, 0xff),
    [VR_PANEL_EDGE] = C(0xb4, 0xbb, 0xc6),
    [VR_HEADER_BG]  = C(0x1d, 0x26, 0x33),
    [VR_HEADER_TEXT] = C(0xff, 0xff, 0xff),
    [VR_TEXT]       = C(0x10, 0x14, 0x1a),
    [VR_TEXT_DIM]   = C(0x4a, 0x52, 0x5e),
    [VR_HEADING]    = C(0x0b, 0x3d, 0x91),
    [VR_ACCENT]     = C(0x0b, 0x57, 0xd0),
    [VR_ON_CHIP]    = C(0xff, 0xff, 0xff),
    [VR_RUNNING]    = C(0x0f, 0x7a, 0x32),
    [VR_READY]      = C(0x0b, 0x57, 0xd0),
    [VR_WAITING]    = C(0x8a, 0x5a, 0x00),
    [VR_CREATED]    = C(0x5b, 0x63, 0x70),
    [VR_DONE]       = C(0x3b, 0x43, 0x4f),
    [VR_FAILED]     = C(0xb3, 0x12, 0x1f),
    [VR_CANCELLED]  = C(0x8e, 0x1b, 0x8f),
    [VR_DESTROYED]  = C(0x26, 0x26, 0x26),
    [VR_BLOCKED]    = C(0xc4, 0x1a, 0x00),
    [VR_IDLE]       = C(0xcf, 0xd5, 0xdd),
    [VR_TIMER]      = C(0x8a, 0x5a, 0x00),
    [VR_WORKER]     = C(0x00, 0x6d, 0x77),
    [VR_LINE_HL]    = C(0xc9, 0xf0, 0xd3),
    [VR_AWAIT_MARK] = C(0x8a, 0x5a, 0x00),
    [VR_ERROR]      = C(0xb3, 0x12, 0x1f),
    [VR_STDERR]     = C(0xa3, 0x10, 0x1c),
    [VR_PLAYHEAD]   = C(0xd0, 0x11, 0x5a),
    [VR_GRID]       = C(0xd8, 0xdd, 0xe4),
    [VR_SHADE]      = { 0x10, 0x14, 0x1a, 0xc0 },
    [VR_SELECTED]   = C(0xdc, 0xe8, 0xfb),
};

static const ViewColor dark[VR__COUNT] = {
    [VR_BG]         = C(0x0b, 0x0e, 0x13),
    [VR_PANEL]      = C(0x16, 0x1b, 0x22),
    [VR_PANEL_EDGE] = C(0x3a, 0x43, 0x50),
    [VR_HEADER_BG]  = C(0x00, 0x00, 0x00),
    [VR_HEADER_TEXT] = C(0xf2, 0xf4, 0xf7),
    [VR_TEXT]       = C(0xf2, 0xf4, 0xf7),
    [VR_TEXT_DIM]   = C(0xb0, 0xb8, 0xc4),
    [VR_HEADING]    = C(0x8c, 0xc4, 0xff),
    [VR_ACCENT]     = C(0x6c, 0xb6, 0xff),
    [VR_ON_CHIP]    = C(0x00, 0x00, 0x00),
    [VR_RUNNING]    = C(0x4a, 0xde, 0x80),
    [VR_READY]      = C(0x6c, 0xb6, 0xff),
    [VR_WAITING]    = C(0xfb, 0xbf, 0x24),
    [VR_CREATED]    = C(0xa0, 0xa8, 0xb4),
    [VR_DONE]       = C(0x9c, 0xa3, 0xaf),
    [VR_FAILED]     = C(0xff, 0x6b, 0x6b),
    [VR_CANCELLED]  = C(0xe0, 0x8c, 0xff),
    [VR_DESTROYED]  = C(0xd4, 0xd4, 0xd4),
    [VR_BLOCKED]    = C(0xff, 0x5a, 0x36),
    [VR_IDLE]       = C(0x2a, 0x31, 0x3c),
    [VR_TIMER]      = C(0xfb, 0xbf, 0x24),
    [VR_WORKER]     = C(0x2d, 0xd4, 0xbf),
    [VR_LINE_HL]    = C(0x14, 0x4d, 0x2a),
    [VR_AWAIT_MARK] = C(0xfb, 0xbf, 0x24),
    [VR_ERROR]      = C(0xff, 0x6b, 0x6b),
    [VR_STDERR]     = C(0xff, 0x8a, 0x8a),
    [VR_PLAYHEAD]   = C(0xff, 0x4d, 0x94),
    [VR_GRID]       = C(0x26, 0x2d, 0x37),
    [VR_SHADE]      = { 0x00, 0x00, 0x00, 0xd0 },
    [VR_SELECTED]   = C(0x1c, 0x33, 0x55),
};

ViewColor view_theme_color(ViewTheme theme, ViewRole role)
{
    if ((unsigned)role >= VR__COUNT)
        role = VR_TEXT;
    return theme == VIEW_THEME_DARK ? dark[role] : light[role];
}

const char *view_theme_name(ViewTheme theme)
{
    return theme == VIEW_THEME_DARK ? "dark" : "light";
}

const char *view_role_name(ViewRole role)
{
    static const char *const names[] = {
#define VIEW_ROLE_NAME(n) #n,
        VIEW_ROLES(VIEW_ROLE_NAME)
#undef VIEW_ROLE_NAME
    };
    return (unsigned)role < VR__COUNT ? names[role] : "?";
}

static double luminance(ViewColor c)
{
    double ch[3] = { c.r / 255.0, c.g / 255.0, c.b / 255.0 };
    for (int i = 0; i < 3; i++)
        ch[i] = ch[i] <= 0.03928 ? ch[i] / 12.92 : pow((ch[i] + 0.055) / 1.055, 2.4);
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

double view_contrast(ViewColor a, ViewColor b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}
