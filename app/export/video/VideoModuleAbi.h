/* The C interface between Mirador and its video encoder module (mirador-video.so), which holds
 * every call into FFmpeg. The module is loaded with dlopen only when an MP4 or GIF is opened
 * (export/VideoModule.cpp says why), so this table of plain C functions is all the two share:
 * no C++ types cross it, and the version number lets a stale module be refused by name instead
 * of being called with the wrong layout.
 *
 * Raise MIRADOR_VIDEO_ABI_VERSION whenever anything in this file changes. */
#ifndef MIRADOR_VIDEO_MODULE_ABI_H
#define MIRADOR_VIDEO_MODULE_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MIRADOR_VIDEO_ABI_VERSION 1
/* The one symbol the module exports. */
#define MIRADOR_VIDEO_ENTRY_POINT "mirador_video_module"

typedef struct MiradorVideo MiradorVideo; /* one video being encoded; opaque */

typedef struct MiradorVideoParams {
    int gif;    /* 0: MP4 (H.264, yuv420p), 1: GIF */
    int width;  /* of the frames given (MP4 pads odd sizes by one) */
    int height;
    double fps;
    const char* h264_encoder; /* FFmpeg's name; "" for libx264, else libopenh264 */
    int crf;
} MiradorVideoParams;

/* Every function returns 0 on success; on failure, nonzero with the reason (without the file's
 * name) in error[0 .. error_size). */
typedef struct MiradorVideoModule {
    int abi_version; /* MIRADOR_VIDEO_ABI_VERSION of the module's build: checked first */
    /* Finds the encoder and the container; touches no file. */
    int (*prepare)(const MiradorVideoParams* params, MiradorVideo** out, char* error, size_t error_size);
    /* Sets up the encoder and writes the container's header to `path` (the caller's temporary
     * file); says the size the video holds. */
    int (*start)(MiradorVideo* video, const char* path, int* encoded_width, int* encoded_height, char* error,
                 size_t error_size);
    /* Frame number `index` (from 0): params' width x height RGBA, rows packed, alpha ignored. */
    int (*add_frame)(MiradorVideo* video, const uint8_t* rgba, int index, char* error, size_t error_size);
    /* After `frame_count` frames: drains the encoder, writes the container's index and closes
     * the file. */
    int (*finish)(MiradorVideo* video, int frame_count, char* error, size_t error_size);
    /* Frees everything, closing the file if still open; null is ignored. */
    void (*close)(MiradorVideo* video);
} MiradorVideoModule;

typedef const MiradorVideoModule* (*MiradorVideoEntryPoint)(void);

#ifdef __cplusplus
}
#endif

#endif
