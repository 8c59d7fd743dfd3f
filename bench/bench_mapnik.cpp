// `mirador snapshot` against Mapnik 3.1, whole process against whole process, in one run
// (issue 12's targets: a 4K map of all boundaries faster than Mapnik; with 1M incidents as points,
// at least 5x faster):
//
//   bench_mapnik --data DIR [--incidents CSV] [--runs 3] [--width 3840 --height 2160]
//                [--out-dir DIR] [--mirador PATH] [--python /usr/bin/python3]
//
//   boundaries  DIR/mx/00mun.shp and 00ent.shp: municipalities filled and outlined, state borders,
//               no labels (bench/mapnik-snapshot.py; `mirador snapshot --no-labels`)
//   points      the same with every incident of CSV (Mirador's CSV: lon, lat columns) as a disc
//               (mapnik-snapshot.py --points; `mirador snapshot --incidents CSV --layers
//               boundaries,points --choropleth none`: the states' quiet fill, no choropleth)
//
// Each tool runs as a process of its own from start to PNG, the two alternating, `runs` times;
// the medians of wall time and the ratio (Mapnik / Mirador: above 1, Mirador is faster) are
// printed, with each child's CPU time (user + system) and peak RSS. The PNGs stay in --out-dir to
// be looked at. Load on the machine slows both; the ratio is the figure, not the seconds.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "BenchSupport.hpp"
#include "PeerTools.hpp"

using namespace mirador::bench;
namespace fs = std::filesystem;

namespace {

struct Case {
    std::string name;
    std::vector<std::string> mapnik, mirador;
};

struct Medians {
    double wall = 0, cpu = 0;
    long rss = 0;
};

Medians summarise(const std::vector<ProcessRun>& runs) {
    std::vector<double> wall, cpu, rss;
    for (const auto& r : runs) {
        wall.push_back(r.wall_s);
        cpu.push_back(r.cpu_s);
        rss.push_back(static_cast<double>(r.peak_rss_mb));
    }
    return {median(wall), median(cpu), static_cast<long>(median(rss))};
}

}  // namespace

int main(int argc, char** argv) {
    std::string data, incidents, out_dir = fs::temp_directory_path() / "mirador-bench-mapnik";
    std::string mirador = MIRADOR_BENCH_EXE, python = "/usr/bin/python3";
    const std::string script = std::string(MIRADOR_BENCH_DIR) + "/mapnik-snapshot.py";
    int runs = 3, width = 3840, height = 2160;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) die(a + " needs a value");
            return argv[++i];
        };
        if (a == "--data") data = next();
        else if (a == "--incidents") incidents = next();
        else if (a == "--runs") runs = std::stoi(next());
        else if (a == "--width") width = std::stoi(next());
        else if (a == "--height") height = std::stoi(next());
        else if (a == "--out-dir") out_dir = next();
        else if (a == "--mirador") mirador = next();
        else if (a == "--python") python = next();
        else die("unknown argument " + a + " (see the comment at the top of bench/bench_mapnik.cpp)");
    }
    if (data.empty()) die("--data DIR (the folder with mx/00mun.shp) is required");
    const std::string mun = data + "/mx/00mun.shp", states = data + "/mx/00ent.shp";
    for (const auto& f : {mun, states, script})
        if (!fs::exists(f)) die(f + ": not found");
    if (!incidents.empty() && !fs::exists(incidents)) die(incidents + ": not found");
    fs::create_directories(out_dir);
    const std::string size_w = std::to_string(width), size_h = std::to_string(height);

    std::vector<Case> cases;
    cases.push_back({"boundaries",
                     {python, script, "--municipalities", mun, "--states", states, "--width", size_w, "--height", size_h,
                      "--out", out_dir + "/boundaries-mapnik.png"},
                     {mirador, "snapshot", "--boundaries", mun, "--states", states, "--no-labels", "--width", size_w,
                      "--height", size_h, "--out", out_dir + "/boundaries-mirador.png"}});
    if (!incidents.empty())
        cases.push_back({"points",
                         {python, script, "--municipalities", mun, "--states", states, "--points", incidents, "--width",
                          size_w, "--height", size_h, "--out", out_dir + "/points-mapnik.png"},
                         {mirador, "snapshot", "--boundaries", mun, "--states", states, "--no-labels", "--incidents",
                          incidents, "--layers", "boundaries,points", "--choropleth", "none", "--width", size_w,
                          "--height", size_h, "--out", out_dir + "/points-mirador.png"}});

    std::printf("mirador snapshot against Mapnik 3.1 (%s), %d x %d PNG, %d runs each, alternating\n", python.c_str(), width,
                height, runs);
    if (!incidents.empty()) std::printf("incidents: %s\n", incidents.c_str());
    for (const Case& c : cases) {
        std::vector<ProcessRun> mapnik_runs, mirador_runs;
        for (int r = 0; r < runs; ++r) {
            mapnik_runs.push_back(run_process(c.mapnik, out_dir + "/" + c.name + "-mapnik.log"));
            mirador_runs.push_back(run_process(c.mirador, out_dir + "/" + c.name + "-mirador.log"));
        }
        const Medians m = summarise(mapnik_runs), ours = summarise(mirador_runs);
        std::printf("%s\n", c.name.c_str());
        std::printf("  %-10s %7.2f s wall  %7.2f s CPU  peak RSS %5ld MB   (runs:", "Mapnik", m.wall, m.cpu, m.rss);
        for (const auto& r : mapnik_runs) std::printf(" %.2f", r.wall_s);
        std::printf(")\n  %-10s %7.2f s wall  %7.2f s CPU  peak RSS %5ld MB   (runs:", "Mirador", ours.wall, ours.cpu, ours.rss);
        for (const auto& r : mirador_runs) std::printf(" %.2f", r.wall_s);
        std::printf(")\n  Mapnik / Mirador: %.2fx wall, %.2fx CPU\n", m.wall / ours.wall, m.cpu / ours.cpu);
    }
    std::printf("images and logs: %s\n", out_dir.c_str());
    return 0;
}
