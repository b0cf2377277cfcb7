/*
 * sdl_api.h - SDL2 and SDL2_ttf, loaded with dlopen when a window or an
 * export first needs them (sdl_api_load), so that a --headless run does
 * not map, relocate and link them and their dependencies at every start.
 *
 * Include this instead of <SDL.h> and <SDL_ttf.h>: the functions loopscope
 * calls become pointers of sdl_api under their usual names. Calling one not
 * listed here fails to link, as loopscope does not link SDL; add it to both
 * lists.
 */
#ifndef LOOPSCOPE_SDL_API_H
#define LOOPSCOPE_SDL_API_H

#include <stdbool.h>
#include <stddef.h>
#include <SDL.h>
#include <SDL_ttf.h>

#define SDL_API_FUNCTIONS(X) \
    X(SDL_CreateRGBSurfaceWithFormatFrom) \
    X(SDL_CreateRenderer) \
    X(SDL_CreateSoftwareRenderer) \
    X(SDL_CreateTextureFromSurface) \
    X(SDL_CreateWindow) \
    X(SDL_Delay) \
    X(SDL_DestroyRenderer) \
    X(SDL_DestroyTexture) \
    X(SDL_DestroyWindow) \
    X(SDL_FreeSurface) \
    X(SDL_GL_GetProcAddress) \
    X(SDL_GetDisplayUsableBounds) \
    X(SDL_GetError) \
    X(SDL_GetKeyFromName) \
    X(SDL_GetMouseState) \
    X(SDL_GetPerformanceCounter) \
    X(SDL_GetPerformanceFrequency) \
    X(SDL_GetRendererInfo) \
    X(SDL_GetRendererOutputSize) \
    X(SDL_GetWindowSize) \
    X(SDL_Init) \
    X(SDL_PollEvent) \
    X(SDL_PushEvent) \
    X(SDL_QueryTexture) \
    X(SDL_Quit) \
    X(SDL_RWFromConstMem) \
    X(SDL_RenderCopyF) \
    X(SDL_RenderFillRectF) \
    X(SDL_RenderFlush) \
    X(SDL_RenderGeometry) \
    X(SDL_RenderPresent) \
    X(SDL_RenderReadPixels) \
    X(SDL_RenderSetClipRect) \
    X(SDL_SetHint) \
    X(SDL_SetRenderDrawBlendMode) \
    X(SDL_SetRenderDrawColor) \
    X(SDL_SetTextureAlphaMod) \
    X(SDL_SetTextureBlendMode) \
    X(SDL_SetWindowFullscreen) \
    X(SDL_SetWindowMinimumSize) \
    X(SDL_WaitEventTimeout) \
    X(TTF_CloseFont) \
    X(TTF_Init) \
    X(TTF_OpenFontRW) \
    X(TTF_Quit) \
    X(TTF_RenderUTF8_Blended) \
    X(TTF_SetFontHinting) \
    X(TTF_SizeUTF8) \
    X(TTF_WasInit)

typedef struct SdlApi {
#define X(f) __typeof__(f) *f;
    SDL_API_FUNCTIONS(X)
#undef X
} SdlApi;

extern SdlApi sdl_api;

/* Loads both libraries and every function above, once; the later calls
 * just return. false, with the reason in err, when one is missing. */
bool sdl_api_load(char *err, size_t cap);

#ifndef SDL_API_IMPLEMENTATION
#define SDL_CreateRGBSurfaceWithFormatFrom (sdl_api.SDL_CreateRGBSurfaceWithFormatFrom)
#define SDL_CreateRenderer (sdl_api.SDL_CreateRenderer)
#define SDL_CreateSoftwareRenderer (sdl_api.SDL_CreateSoftwareRenderer)
#define SDL_CreateTextureFromSurface (sdl_api.SDL_CreateTextureFromSurface)
#define SDL_CreateWindow (sdl_api.SDL_CreateWindow)
#define SDL_Delay (sdl_api.SDL_Delay)
#define SDL_DestroyRenderer (sdl_api.SDL_DestroyRenderer)
#define SDL_DestroyTexture (sdl_api.SDL_DestroyTexture)
#define SDL_DestroyWindow (sdl_api.SDL_DestroyWindow)
#define SDL_FreeSurface (sdl_api.SDL_FreeSurface)
#define SDL_GL_GetProcAddress (sdl_api.SDL_GL_GetProcAddress)
#define SDL_GetDisplayUsableBounds (sdl_api.SDL_GetDisplayUsableBounds)
#define SDL_GetError (sdl_api.SDL_GetError)
#define SDL_GetKeyFromName (sdl_api.SDL_GetKeyFromName)
#define SDL_GetMouseState (sdl_api.SDL_GetMouseState)
#define SDL_GetPerformanceCounter (sdl_api.SDL_GetPerformanceCounter)
#define SDL_GetPerformanceFrequency (sdl_api.SDL_GetPerformanceFrequency)
#define SDL_GetRendererInfo (sdl_api.SDL_GetRendererInfo)
#define SDL_GetRendererOutputSize (sdl_api.SDL_GetRendererOutputSize)
#define SDL_GetWindowSize (sdl_api.SDL_GetWindowSize)
#define SDL_Init (sdl_api.SDL_Init)
#define SDL_PollEvent (sdl_api.SDL_PollEvent)
#define SDL_PushEvent (sdl_api.SDL_PushEvent)
#define SDL_QueryTexture (sdl_api.SDL_QueryTexture)
#define SDL_Quit (sdl_api.SDL_Quit)
#define SDL_RWFromConstMem (sdl_api.SDL_RWFromConstMem)
#define SDL_RenderCopyF (sdl_api.SDL_RenderCopyF)
#define SDL_RenderFillRectF (sdl_api.SDL_RenderFillRectF)
#define SDL_RenderFlush (sdl_api.SDL_RenderFlush)
#define SDL_RenderGeometry (sdl_api.SDL_RenderGeometry)
#define SDL_RenderPresent (sdl_api.SDL_RenderPresent)
#define SDL_RenderReadPixels (sdl_api.SDL_RenderReadPixels)
#define SDL_RenderSetClipRect (sdl_api.SDL_RenderSetClipRect)
#define SDL_SetHint (sdl_api.SDL_SetHint)
#define SDL_SetRenderDrawBlendMode (sdl_api.SDL_SetRenderDrawBlendMode)
#define SDL_SetRenderDrawColor (sdl_api.SDL_SetRenderDrawColor)
#define SDL_SetTextureAlphaMod (sdl_api.SDL_SetTextureAlphaMod)
#define SDL_SetTextureBlendMode (sdl_api.SDL_SetTextureBlendMode)
#define SDL_SetWindowFullscreen (sdl_api.SDL_SetWindowFullscreen)
#define SDL_SetWindowMinimumSize (sdl_api.SDL_SetWindowMinimumSize)
#define SDL_WaitEventTimeout (sdl_api.SDL_WaitEventTimeout)
#define TTF_CloseFont (sdl_api.TTF_CloseFont)
#define TTF_Init (sdl_api.TTF_Init)
#define TTF_OpenFontRW (sdl_api.TTF_OpenFontRW)
#define TTF_Quit (sdl_api.TTF_Quit)
#define TTF_RenderUTF8_Blended (sdl_api.TTF_RenderUTF8_Blended)
#define TTF_SetFontHinting (sdl_api.TTF_SetFontHinting)
#define TTF_SizeUTF8 (sdl_api.TTF_SizeUTF8)
#define TTF_WasInit (sdl_api.TTF_WasInit)
#endif

#endif
