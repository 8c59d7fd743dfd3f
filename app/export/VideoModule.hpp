#pragma once
// The video encoder module (mirador-video.so, export/video/), loaded with dlopen the first time
// an MP4 or GIF is opened. See VideoModule.cpp for why it is not linked.
#include <string>

#include "export/video/VideoModuleAbi.h"
#include "mirador/geo/Result.hpp"

namespace mirador {

// Where the module is looked for: <folder of the executable>/../lib/mirador/mirador-video.so,
// as <prefix>/bin/mirador finds <prefix>/lib/mirador (and build/app, build/tests and build/bench
// find build/lib/mirador: the build tree is laid out as an installation).
std::string video_module_path();

// The module's functions, loaded on the first call and kept for the life of the process. The
// error names what could not be loaded (dlerror's text: the module, or one of FFmpeg's libraries
// it needs) and what to install; a failed load is tried again on the next call.
[[nodiscard]] geo::Result<const MiradorVideoModule*> video_module();

}  // namespace mirador
