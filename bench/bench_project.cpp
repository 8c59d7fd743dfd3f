// Projects that reference a large catalogue: how long saving and opening take and how big the
// file is, for 1M incidents (10 M with --incidents 10000000).
//
//   bench_project [--incidents N] [--dir D]
//
// A project stores where the incidents are, never the incidents: its size and save time do not
// grow with the catalogue. What grows is what the user waits for around it, so the whole
// processes are timed too: `mirador snapshot --incidents big.csv --save-project p.mirador`
// (reads and places the catalogue, writes the project and the PNG) against `mirador snapshot
// --project p.mirador` (the same map from the project alone).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "CityIncidents.hpp"
#include "PeerTools.hpp"
#include "document/ProjectFile.hpp"

using namespace mirador;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void write_catalogue(const std::string& path, const bench::CityIncidents& c) {
    std::ofstream out(path, std::ios::binary);
    out << "id,date,lon,lat,category,fatalities\n";
    char line[96];
    for (std::size_t i = 0; i < c.size(); ++i) {
        std::snprintf(line, sizeof line, ",%.6f,%.6f,armed clash,%zu\n", c.lonlat[i].x, c.lonlat[i].y, i % 4);
        out << 'b' << i << ',' << bench::date_text(c.dates[i]) << line;
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t n = 1'000'000;
    std::string dir = (fs::temp_directory_path() / "mirador-bench-project").string();
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--incidents")) n = std::strtoull(argv[i + 1], nullptr, 10);
        else if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
    }
    fs::create_directories(dir);
    const std::string csv = dir + "/catalogue.csv", project = dir + "/briefing.mirador";
    write_catalogue(csv, bench::city_incidents(n));
    std::printf("catalogue: %zu incidents, %.1f MB (%s)\n", n, fs::file_size(csv) / 1e6, csv.c_str());

    // Whole processes, as a user times them.
    const std::vector<std::string> common{MIRADOR_BENCH_EXE, "snapshot", "--width", "1280", "--height", "720"};
    auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> a = common;
        a.insert(a.end(), extra.begin(), extra.end());
        return a;
    };
    const bench::ProcessRun flags =
        bench::run_process(with({"--incidents", csv, "--layers", "fill,heatmap,boundaries,points,labels", "--from", "2019-10",
                                 "--to", "2019-10", "--save-project", project, "--out", dir + "/flags.png"}),
                           dir + "/flags.log");
    const bench::ProcessRun opened =
        bench::run_process(with({"--project", project, "--out", dir + "/project.png"}), dir + "/project.log");
    std::printf("mirador snapshot --incidents (1M) --save-project: %.2f s wall, %ld MB peak\n", flags.wall_s, flags.peak_rss_mb);
    std::printf("mirador snapshot --project:                       %.2f s wall, %ld MB peak\n", opened.wall_s, opened.peak_rss_mb);

    // The project file alone: saving (atomic: temporary file, fsync, rename, fsync of the folder)
    // and reading, as File > Save and File > Open do.
    auto document = doc::load_project(project);
    if (!document) {
        std::fprintf(stderr, "bench_project: %s\n", document.error().c_str());
        return 1;
    }
    std::vector<double> save_ms, load_ms;
    for (int k = 0; k < 25; ++k) {
        const auto t0 = Clock::now();
        if (auto ok = doc::save_project(*document, project); !ok) {
            std::fprintf(stderr, "bench_project: %s\n", ok.error().c_str());
            return 1;
        }
        const auto t1 = Clock::now();
        auto back = doc::load_project(project);
        const auto t2 = Clock::now();
        if (!back || !(*back == *document)) {
            std::fprintf(stderr, "bench_project: the project did not read back equal\n");
            return 1;
        }
        save_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        load_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    }
    std::printf("project file: %ju bytes; save %.2f ms, open %.2f ms (median of 25)\n",
                static_cast<std::uintmax_t>(fs::file_size(project)), median(save_ms), median(load_ms));
    return 0;
}
