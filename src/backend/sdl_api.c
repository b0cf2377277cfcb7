/*
 * sdl_api.c - dlopen of SDL2 and SDL2_ttf (sdl_api.h).
 *
 * The names are the libraries' sonames on Linux, the ones a link with
 * -lSDL2 -lSDL2_ttf would have recorded.
 */
#define SDL_API_IMPLEMENTATION
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include "sdl_api.h"

SdlApi sdl_api;

static bool load_lib(void **handle, const char *name, char *err, size_t cap)
{
    *handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!*handle)
        snprintf(err, cap, "%s", dlerror());
    return *handle != NULL;
}

/* Every function of sdl_api: its name (TTF_ ones are SDL2_ttf's) and its
 * place in the struct. */
static const struct {
    const char *name;
    size_t offset;
} functions[] = {
#define X(f) { #f, offsetof(SdlApi, f) },
    SDL_API_FUNCTIONS(X)
#undef X
};

bool sdl_api_load(char *err, size_t cap)
{
    static bool loaded;
    if (loaded)
        return true;
    void *sdl, *ttf;
    if (!load_lib(&sdl, "libSDL2-2.0.so.0", err, cap) || !load_lib(&ttf, "libSDL2_ttf-2.0.so.0", err, cap))
        return false;
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++) {
        bool is_ttf = strncmp(functions[i].name, "TTF_", 4) == 0;
        void *sym = dlsym(is_ttf ? ttf : sdl, functions[i].name);
        if (!sym) {
            snprintf(err, cap, "%s has no %s", is_ttf ? "libSDL2_ttf" : "libSDL2", functions[i].name);
            return false;
        }
        /* dlsym's void * into a function pointer: memcpy, which POSIX
         * guarantees to work and ISO C does not object to */
        memcpy((char *)&sdl_api + functions[i].offset, &sym, sizeof sym);
    }
    loaded = true;
    return true;
}
