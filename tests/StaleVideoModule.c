/* A module with mirador-video.so's entry point but the next interface version, as a module left
 * from another Mirador would have: the tests check that the program refuses it by name instead
 * of calling into it (its functions are null, so a call would crash). */
#include "export/video/VideoModuleAbi.h"

static const MiradorVideoModule stale = {MIRADOR_VIDEO_ABI_VERSION + 1, 0, 0, 0, 0, 0};

__attribute__((visibility("default"))) const MiradorVideoModule* mirador_video_module(void) { return &stale; }
