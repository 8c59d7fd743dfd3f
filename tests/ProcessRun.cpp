#include "ProcessRun.hpp"

#include <stb/stb_image.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace mirador::test {

Run run_shell(const std::string& command) {
    const std::string cmd = "MIRADOR='" MIRADOR_EXE "'; " + command + " 2>&1";
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run: " + cmd);
    std::string out;
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), buf.size(), pipe)) out += buf.data();
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

Run run_mirador(const std::string& args) { return run_shell("\"$MIRADOR\" " + args); }

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
