#include <catch2/catch.hpp>

#include <stb/stb_image.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "TestData.hpp"

using namespace mirador;

namespace {

struct Run {
    int code;
    std::string out;  // stdout and stderr together
};

Run run(const std::string& args) {
    const std::string cmd = std::string(MIRADOR_EXE) + " " + args + " 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string out;
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), buf.size(), pipe.get())) out += buf.data();
    const int status = pclose(pipe.release());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

// Decoded RGBA pixels of a PNG, freed with the object.
struct Png {
    int w = 0, h = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> px{nullptr, stbi_image_free};
    explicit Png(const std::string& path) {
        int n = 0;
        px.reset(stbi_load(path.c_str(), &w, &h, &n, 4));
    }
    const unsigned char* at(int x, int y) const { return px.get() + (static_cast<std::size_t>(y) * w + x) * 4; }
};

}  // namespace

TEST_CASE("mirador --help documents every command and the data flags", "[cli]") {
    const Run r = run("--help");
    CHECK(r.code == 0);
    for (const char* s : {"snapshot", "locate", "--boundaries", "--crs", "--search", "--source-crs"})
        CHECK_THAT(r.out, Catch::Contains(s));
    const Run s = run("snapshot --help");
    CHECK(s.code == 0);
    for (const char* opt : {"--out", "--width", "--height", "--bbox", "--boundaries", "--highlight"})
        CHECK_THAT(s.out, Catch::Contains(opt));
}

TEST_CASE("mirador snapshot writes a PNG of the map", "[cli][render]") {
    const std::string dir = test::temp_dir("cli-snapshot");
    const std::string png = dir + "/map.png";
    const Run r = run("snapshot --out " + png + " --width 640 --height 400");
    INFO(r.out);
    REQUIRE(r.code == 0);
    const Png img(png);
    REQUIRE(img.px);
    CHECK(img.w == 640);
    CHECK(img.h == 400);
    // Not a blank image: the centre of Mexico is filled, the corner is background.
    const unsigned char* centre = img.at(img.w / 2, img.h / 2);
    const unsigned char* corner = img.at(0, 0);
    CHECK((centre[0] != corner[0] || centre[1] != corner[1] || centre[2] != corner[2]));
}

TEST_CASE("mirador snapshot fails clearly", "[cli]") {
    const std::string dir = test::temp_dir("cli-fail");
    Run r = run("snapshot --out " + dir + "/no/such/folder/map.png --width 64 --height 64");
    CHECK(r.code != 0);
    CHECK_THAT(r.out, Catch::Contains("no/such/folder/map.png"));
    r = run("snapshot --out " + dir + "/x.png --boundaries " + dir + "/missing.shp");
    CHECK(r.code != 0);
    CHECK_THAT(r.out, Catch::Contains("missing.shp") && Catch::Contains("no such file"));
    r = run("snapshot --out " + dir + "/x.png --bbox 1,2,3");
    CHECK(r.code != 0);
    CHECK_THAT(r.out, Catch::Contains("--bbox"));
    CHECK_FALSE(std::filesystem::exists(dir + "/x.png"));
    r = run("snapshot");
    CHECK(r.code != 0);
    CHECK_THAT(r.out, Catch::Contains("--out"));
}

TEST_CASE("mirador locate names the municipality of a point", "[cli]") {
    Run r = run("locate -- -107.3937561 24.8088081");
    CHECK(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("25006,Culiacán,Sinaloa"));
    r = run("locate -- -112 15");
    CHECK(r.code == 3);
    CHECK_THAT(r.out, Catch::Contains("outside"));
}

TEST_CASE("the viewer opens a real window and searches and draws", "[.gui][gui]") {
    const std::string dir = test::temp_dir("gui");
    const std::string png = dir + "/window.png";
    const Run r = run("--width 1200 --height 800 --frames 8 --search Culiacán --screenshot " + png);
    INFO(r.out);
    REQUIRE(r.code == 0);
    const Png img(png);
    REQUIRE(img.px);
    CHECK(img.w == 1200);
    CHECK(img.h == 800);
    // Culiacán is selected and framed: its orange outline is on screen, and the panels
    // (search box, details) have drawn over the map.
    int orange = 0, distinct = 0;
    unsigned last = 0;
    for (int i = 0; i < img.w * img.h; ++i) {
        const unsigned char* p = img.px.get() + static_cast<std::size_t>(i) * 4;
        orange += p[0] > 190 && p[1] > 60 && p[1] < 130 && p[2] < 60;
        const unsigned v = (unsigned(p[0]) << 16) | (unsigned(p[1]) << 8) | p[2];
        distinct += v != last;
        last = v;
    }
    CHECK(orange > 200);
    CHECK(distinct > 1000);
}

TEST_CASE("the viewer goes full screen on the monitor it is on", "[.gui][gui]") {
    const std::string dir = test::temp_dir("gui-full");
    const std::string png = dir + "/full.png";
    const Run r = run("--width 800 --height 600 --fullscreen --frames 6 --screenshot " + png);
    INFO(r.out);
    REQUIRE(r.code == 0);
    const Png img(png);
    REQUIRE(img.px);
    // The virtual screen of the test is 1600x1000 (tests/CMakeLists.txt).
    CHECK(img.w == 1600);
    CHECK(img.h == 1000);
}
