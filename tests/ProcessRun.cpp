#include "ProcessRun.hpp"

#include "TestData.hpp"

#include <spng.h>
#include <stb/stb_image.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace mirador::test {

Run run_shell(const std::string& command) {
    // Each run starts with settings and state of its own, as on a fresh account: the user's
    // recent files, window layout and unsaved-map recovery are neither read nor written, and no
    // run's layout (a sidebar collapsed) carries over into the next. A command that sets
    // XDG_CONFIG_HOME itself (a test of what carries over) overrides this.
    const std::string home = temp_dir("user-dirs");
    const std::string cmd = "MIRADOR='" MIRADOR_EXE "'; export XDG_CONFIG_HOME='" + home + "/config' XDG_STATE_HOME='" +
                            home + "/state'; " + command + " 2>&1";
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run: " + cmd);
    std::string out;
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), buf.size(), pipe)) out += buf.data();
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

Run run_mirador(const std::string& args) { return run_shell("\"$MIRADOR\" " + args); }

std::string program_without_video_module(const std::string& dir, const std::string& video_module) {
    namespace fs = std::filesystem;
    const fs::path exe = MIRADOR_EXE;
    const fs::path build = exe.parent_path().parent_path();
    // The build's own program has its module beside it: only the copy lacks it.
    if (!fs::exists(build / "lib/mirador/mirador-video.so"))
        throw std::runtime_error("the build has no lib/mirador/mirador-video.so beside " + exe.string());
    fs::create_directories(dir + "/tree/bin");
    fs::create_directories(dir + "/tree/libexec");
    fs::copy_file(exe, dir + "/tree/bin/mirador");  // the command, which starts the program beside it
    fs::copy_file(build / "libexec/mirador-program", dir + "/tree/libexec/mirador-program");
    fs::create_directory_symlink(build / "share", dir + "/tree/share");
    if (!video_module.empty()) {
        fs::create_directories(dir + "/tree/lib/mirador");
        fs::copy_file(video_module, dir + "/tree/lib/mirador/mirador-video.so");
    }
    return dir + "/tree/bin/mirador";
}

double png_dpi(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return -1;
    spng_ctx* ctx = spng_ctx_new(0);
    spng_set_png_file(ctx, f);
    spng_phys phys{};
    const int got = spng_get_phys(ctx, &phys);
    spng_ctx_free(ctx);
    std::fclose(f);
    return got == 0 && phys.unit_specifier == 1 ? phys.ppu_x * 0.0254 : 0;
}

Png::Png(const std::string& path) : px(nullptr, stbi_image_free) {
    int n = 0;
    px.reset(stbi_load(path.c_str(), &w, &h, &n, 4));
}

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace mirador::test
