#pragma once
// Running the real `mirador` binary from tests, as a user's shell would, and reading what it wrote.
#include <memory>
#include <string>

namespace mirador::test {

struct Run {
    int code;         // exit status; -1 if killed by a signal
    std::string out;  // stdout and stderr together
};

// `mirador ARGS` (ARGS as a shell would split them).
Run run_mirador(const std::string& args);
// Any shell command line; MIRADOR names the binary inside it ("ulimit -f 8; $MIRADOR ...").
Run run_shell(const std::string& command);

// A copy of the program at DIR/tree/bin/mirador, in a tree laid out as an installation whose
// video module (lib/mirador/mirador-video.so) is missing, or is a copy of `video_module` when
// that is given; DIR/tree/share is the build's.
std::string program_without_video_module(const std::string& dir, const std::string& video_module = "");

// Decoded RGBA pixels of a PNG (empty when it cannot be read).
struct Png {
    int w = 0, h = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> px{nullptr, nullptr};
    explicit Png(const std::string& path);
    const unsigned char* at(int x, int y) const { return px.get() + (static_cast<std::size_t>(y) * w + x) * 4; }
};

// A PNG's pHYs in dots per inch, read through libspng (GDAL's PNG driver does not report it):
// 0 when it has none or not in metres, -1 when the file cannot be opened.
double png_dpi(const std::string& path);

// The file's bytes ("" when absent).
std::string file_bytes(const std::string& path);

}  // namespace mirador::test
