// The export path without the renderer: a tiled image of SIZE x SIZE put together from tiles and
// streamed to a PNG, JPEG or GeoTIFF, timed, with the process's peak memory, to show that memory
// stays at about one band of tiles whatever the size (32768 x 32768 RGBA is 4 GiB).
//
//   bench_export [--size 16384] [--tile 4096] [--format png|jpg|tif] [--out FILE]
//
// The tiles are a synthetic map-like pattern (flat fills, thin lines, a gradient), made in this
// process: the time is the assembler's and the writer's (and the pattern's), not a renderer's.
//
//   bench_export --mirador [--sizes 1920x1080,3840x2160,7680x4320,16384x16384,32768x32768]
//                [--months 36]
//
// The whole `mirador snapshot` process, from start to file, of all of Mexico's municipalities at
// each size (tiled beyond the GPU's limit), its wall time and peak RSS (wait4); then `mirador
// animate` of --months monthly windows of the seed incidents into a 1080p MP4, time per frame.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include "BenchSupport.hpp"
#include "PeerTools.hpp"
#include "export/ImageFile.hpp"
#include "export/TileAssembler.hpp"
#include "export/TilePlan.hpp"

using namespace mirador;
using namespace mirador::bench;

namespace {

// A tile of the pattern, in whole-image pixels: cells of flat colour 97 px wide, dark lines
// between them, a slow gradient across the image.
Image pattern(const PixelRect& r, int size) {
    Image img{r.width, r.height, std::vector<std::uint8_t>(static_cast<std::size_t>(r.width) * r.height * 4)};
    for (int y = 0; y < r.height; ++y) {
        std::uint8_t* p = img.rgba.data() + static_cast<std::size_t>(y) * r.width * 4;
        const int gy = r.y + y;
        for (int x = 0; x < r.width; ++x, p += 4) {
            const int gx = r.x + x;
            const bool line = gx % 97 == 0 || gy % 97 == 0;
            const int cell = (gx / 97 * 7 + gy / 97 * 13) % 5;
            p[0] = line ? 60 : static_cast<std::uint8_t>(200 + cell * 10);
            p[1] = line ? 60 : static_cast<std::uint8_t>(190 + cell * 8);
            p[2] = line ? 70 : static_cast<std::uint8_t>(170 + gx * 60 / size);
            p[3] = 255;
        }
    }
    return img;
}

// Whole processes: `mirador snapshot` at each size, then `mirador animate` into an MP4.
int run_mirador_exports(const std::string& sizes, int months) {
    const std::string dir = (std::filesystem::temp_directory_path() / "bench-export-mirador").string();
    std::filesystem::create_directories(dir);
    const std::string log = dir + "/log.txt";
    std::size_t at = 0;
    while (at < sizes.size()) {
        std::size_t comma = sizes.find(',', at);
        if (comma == std::string::npos) comma = sizes.size();
        const std::string size = sizes.substr(at, comma - at);
        at = comma + 1;
        const std::size_t x = size.find('x');
        if (x == std::string::npos) die("--sizes: " + size + " is not WxH");
        const std::string out = dir + "/map.png";
        const ProcessRun r = run_process({MIRADOR_BENCH_EXE, "snapshot", "--out", out, "--width", size.substr(0, x),
                                          "--height", size.substr(x + 1)},
                                         log);
        std::printf("mirador snapshot %s PNG: %.2f s wall, %.2f s CPU, peak RSS %ld MB, %.1f MB on disk\n", size.c_str(),
                    r.wall_s, r.cpu_s, r.peak_rss_mb, std::filesystem::file_size(out) / 1e6);
        std::fflush(stdout);
        std::filesystem::remove(out);
    }
    if (months > 0) {
        // Months from January 2019 on; the seed incidents fall in some of them (the rest are
        // frames of an empty map, rendered all the same).
        const int last = months - 1;
        char to[16];
        std::snprintf(to, sizeof to, "%04d-%02d", 2019 + last / 12, 1 + last % 12);
        const std::string out = dir + "/clip.mp4";
        const ProcessRun r = run_process({MIRADOR_BENCH_EXE, "animate", "--incidents", MIRADOR_BENCH_SEEDS, "--layers",
                                          "fill,heatmap,boundaries,points,labels", "--step", "month", "--from", "2019-01",
                                          "--to", to, "--fps", "4", "--width", "1920", "--height", "1080", "--out", out},
                                         log);
        std::printf("mirador animate %d months 1920x1080 MP4: %.2f s wall (%.0f ms a frame), %.2f s CPU, peak RSS %ld MB, "
                    "%.1f MB on disk\n",
                    months, r.wall_s, 1000 * r.wall_s / months, r.cpu_s, r.peak_rss_mb,
                    std::filesystem::file_size(out) / 1e6);
        std::filesystem::remove(out);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "--mirador") {
        std::string sizes = "1920x1080,3840x2160,7680x4320,16384x16384,32768x32768";
        int months = 36;
        for (int i = 2; i + 1 < argc; i += 2) {
            const std::string a = argv[i];
            if (a == "--sizes") sizes = argv[i + 1];
            else if (a == "--months") months = std::stoi(argv[i + 1]);
            else die("unknown argument " + a);
        }
        return run_mirador_exports(sizes, months);
    }
    int size = 16384, tile = 4096;
    std::string format_name = "png", out;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) die(a + " needs a value");
            return argv[++i];
        };
        if (a == "--size") size = std::stoi(next());
        else if (a == "--tile") tile = std::stoi(next());
        else if (a == "--format") format_name = next();
        else if (a == "--out") out = next();
        else die("unknown argument " + a);
    }
    if (out.empty()) out = (std::filesystem::temp_directory_path() / ("bench-export." + format_name)).string();
    auto format = image_format_for(out);
    if (!format) die(format.error());
    auto plan = plan_tiles(size, size, TilePlanOptions{tile, 32, std::size_t(256) << 20});
    if (!plan) die(plan.error());
    ImageFileOptions options;
    options.dpi = 300;
    options.bounds = MapBounds{geo::DisplayCrs::Mexico6372, 900'000, 300'000, 4'100'000, 3'500'000};
    const auto start = Clock::now();
    auto sink = open_image_file(out, *format, size, size, options);
    if (!sink) die(sink.error());
    TileAssembler assembler(*plan, **sink);
    double pattern_s = 0;
    for (const Tile& t : plan->tiles) {
        const auto made = Clock::now();
        const Image img = pattern(t.source, size);
        pattern_s += s_since(made);
        if (auto ok = assembler.add(img); !ok) die(ok.error());
    }
    if (auto ok = assembler.finish(); !ok) die(ok.error());
    const double total = s_since(start);
    std::printf("%d x %d %s in %d x %d tiles of up to %d px: %.2f s (%.2f s making the pattern, %.2f s assembling and "
                "writing), peak RSS %ld MB, %.1f MB on disk\n",
                size, size, to_string(*format), plan->columns, plan->rows, tile, total, pattern_s, total - pattern_s,
                peak_rss_mb(), std::filesystem::file_size(out) / 1e6);
    std::filesystem::remove(out);
    return 0;
}
