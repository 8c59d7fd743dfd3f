// Whole-process benchmarks: Mirador's commands against peer tools on the same points, each
// timed from start to output file as a process of its own, all in the same run.
//
//   bench_process [--rows N] [--dir DIR] [--runs R] [--keep] [--no-qgis] [--no-ogr]
//                 [--only density|stats|geocode] [--mirador PATH]
//
// N clustered incidents (CityIncidents.hpp, default 1M) are written, untimed, as
//   DIR/bench-process.csv    Mirador's CSV: id,date,lon,lat,category,fatalities (6 decimals)
//   DIR/bench-process.gpkg   the same points projected to EPSG:6372 (layer pts, with the same
//                            attributes) beside the bundled municipalities (layer municipalities)
// Then:
//   density  QGIS 3.22's KDE (qgis_process.bin run qgis:heatmapkerneldensityestimation: 1 km
//            cells, 25 km quartic, raw values) once, then `mirador density` R times on QGIS's
//            grid (--extent) and once on its default grid; the ratio of QGIS's wall time to
//            Mirador's median, the breakdown Mirador prints (read, project, surface, write), the
//            fixed cost of a process (`mirador density` on one incident), and the two surfaces
//            compared (QGIS raw = Mirador's per km² x πr²/3).
//   stats    `mirador stats` (incidents per municipality) against ogr2ogr with a spatial join in
//            GDAL's SQLite dialect (point in municipality through the GeoPackage's R-tree and
//            ST_Intersects, GROUP BY), counts compared.
//   geocode  `mirador geocode` (every row with its municipality) against ogr2ogr's LEFT JOIN
//            writing every point with its municipality.
// Wall time, CPU time (user + system) and peak RSS are each child's own (wait4).
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <malloc.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include "BenchSupport.hpp"
#include "CityIncidents.hpp"
#include "PeerTools.hpp"
#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/Projector.hpp"

using namespace mirador;
using namespace mirador::bench;

namespace {

// ---------------------------------------------------------------------------------------------
// Child processes

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string line_with(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    if (at == std::string::npos) return {};
    const auto start = text.rfind('\n', at) + 1;  // npos + 1 == 0
    return text.substr(start, text.find('\n', at) - start);
}

void print_run(const char* what, const ProcessRun& r) {
    std::printf("  %-44s %8.3f s wall, %8.3f s CPU, peak RSS %5ld MB\n", what, r.wall_s, r.cpu_s, r.peak_rss_mb);
}

// ---------------------------------------------------------------------------------------------
// Input files


// Positions as written to the CSV (6 decimals), so both files hold the same points.
std::vector<geo::Vec2> rounded_lonlat(const CityIncidents& c) {
    std::vector<geo::Vec2> out(c.size());
    for (std::size_t i = 0; i < c.size(); ++i)
        out[i] = {std::round(c.lonlat[i].x * 1e6) / 1e6, std::round(c.lonlat[i].y * 1e6) / 1e6};
    return out;
}

int fatalities_of(std::size_t i) { return static_cast<int>((i * 2654435761u) >> 29) % 4; }

void write_csv(const std::string& path, const CityIncidents& c, const std::vector<geo::Vec2>& lonlat) {
    std::ofstream out(path, std::ios::binary);
    out << "id,date,lon,lat,category,fatalities\n";
    char buf[64];
    for (std::size_t i = 0; i < c.size(); ++i) {
        out << 'c' << i << ',' << date_text(c.dates[i]) << ',';
        auto r = std::to_chars(buf, buf + sizeof buf, lonlat[i].x, std::chars_format::fixed, 6);
        out.write(buf, r.ptr - buf) << ',';
        r = std::to_chars(buf, buf + sizeof buf, lonlat[i].y, std::chars_format::fixed, 6);
        out.write(buf, r.ptr - buf) << ",armed clash," << fatalities_of(i) << '\n';
    }
    if (!out) die("cannot write " + path);
}

void write_gpkg(const std::string& path, const std::string& municipalities, const CityIncidents& c,
                const std::vector<geo::Vec2>& lonlat) {
    auto proj = geo::Projector::create("EPSG:4326", "EPSG:6372");
    if (!proj) die(proj.error());
    std::vector<geo::Vec2> xy = lonlat;
    proj->forward(xy);
    write_points_gpkg(path, xy, {{"id", OFTString}, {"date", OFTString}, {"category", OFTString}, {"fatalities", OFTInteger}},
                      [&](OGRFeature& f, std::size_t i) {
                          f.SetField(0, std::string("c").append(std::to_string(i)).c_str());  // not "c" + ...: GCC 12 -Wrestrict
                          f.SetField(1, date_text(c.dates[i]).c_str());
                          f.SetField(2, "armed clash");
                          f.SetField(3, fatalities_of(i));
                      });
    // The municipalities beside the points, for ogr2ogr's join.
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
    GDALDataset* src = static_cast<GDALDataset*>(GDALOpenEx(municipalities.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    OGRLayer* m = src ? src->GetLayerByName("municipalities") : nullptr;
    if (!ds || !m || !ds->CopyLayer(m, "municipalities")) die("cannot copy the municipalities of " + municipalities);
    GDALClose(src);
    GDALClose(ds);
}

// ---------------------------------------------------------------------------------------------

struct Options {
    std::size_t rows = 1000000;
    std::string dir = std::filesystem::temp_directory_path().string();
    int runs = 5;
    bool keep = false, qgis = true, ogr = true;
    std::string only;
    std::string mirador = MIRADOR_BENCH_EXE;
    std::string boundaries = MIRADOR_BENCH_DEFAULT_GPKG;
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool v = i + 1 < argc;
        if (a == "--rows" && v) o.rows = std::stoull(argv[++i]);
        else if (a == "--dir" && v) o.dir = argv[++i];
        else if (a == "--runs" && v) o.runs = std::max(1, std::stoi(argv[++i]));
        else if (a == "--keep") o.keep = true;
        else if (a == "--no-qgis") o.qgis = false;
        else if (a == "--no-ogr") o.ogr = false;
        else if (a == "--only" && v) o.only = argv[++i];
        else if (a == "--mirador" && v) o.mirador = argv[++i];
        else
            die("usage: bench_process [--rows N] [--dir DIR] [--runs R] [--keep] [--no-qgis] [--no-ogr] "
                "[--only density|stats|geocode] [--mirador PATH]");
    }
    return o;
}

struct Files {
    std::string csv, gpkg, dir;
    std::string at(const std::string& name) const { return dir + "/bench-process-" + name; }
};

// Median of R runs (each printed), keeping the log of the last.
ProcessRun median_run(const char* what, const std::vector<std::string>& argv, const std::string& log, int runs) {
    std::vector<ProcessRun> all;
    for (int i = 0; i < runs; ++i) all.push_back(run_process(argv, log));
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.wall_s < b.wall_s; });
    std::string label = std::string(what) + " (median of " + std::to_string(runs) + ")";
    print_run(label.c_str(), all[all.size() / 2]);
    std::printf("    runs: %.3f .. %.3f s\n", all.front().wall_s, all.back().wall_s);
    return all[all.size() / 2];
}

void density(const Options& o, const Files& f) {
    std::printf("\ndensity: 1 km cells, 25 km quartic kernel, %zu points\n", o.rows);
    const std::string qgis_tif = f.at("qgis.tif"), ours_tif = f.at("mirador.tif");
    ProcessRun qgis;
    std::string extent;
    if (o.qgis) {
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
        std::filesystem::remove(qgis_tif);
        qgis = run_process(qgis_kde_args(f.gpkg + "|layername=pts", 25000, 1000, qgis_tif), f.at("qgis.log"));
        print_run("QGIS 3.22 qgis_process (KDE)", qgis);
        const geo::GridSpec q = read_density_raster(qgis_tif).spec;
        char buf[160];
        std::snprintf(buf, sizeof buf, "%.6f,%.6f,%.6f,%.6f", q.x0, q.y0, q.x1(), q.y1());
        extent = buf;
        std::printf("  QGIS grid %d x %d, extent %s\n", q.nx, q.ny, buf);
    }
    std::vector<std::string> cmd = {o.mirador, "density", "--incidents", f.csv, "--cell-km", "1", "--radius-km", "25",
                                    "--out", ours_tif};
    if (!extent.empty()) cmd.insert(cmd.end(), {"--extent", extent});
    const ProcessRun ours = median_run(extent.empty() ? "mirador density" : "mirador density on QGIS's grid", cmd,
                                       f.at("mirador.log"), o.runs);
    const std::string log = slurp(f.at("mirador.log"));
    std::printf("    %s\n    %s\n", line_with(log, "cells of").c_str(), line_with(log, "time:").c_str());
    // The same grid written as QGIS writes its output: plain (uncompressed) Float32.
    std::vector<std::string> plain_cmd = cmd;
    plain_cmd[plain_cmd.size() - (extent.empty() ? 1 : 3)] = f.at("mirador-plain.tif");
    plain_cmd.insert(plain_cmd.end(), {"--compress", "none"});
    const ProcessRun plain = median_run("mirador density --compress none (median)", plain_cmd, f.at("mirador-plain.log"),
                                        o.runs);
    std::printf("    %s\n", line_with(slurp(f.at("mirador-plain.log")), "time:").c_str());
    if (!extent.empty()) {
        const std::vector<std::string> own = {o.mirador, "density", "--incidents", f.csv, "--cell-km", "1",
                                              "--radius-km", "25", "--out", f.at("mirador-default.tif")};
        print_run("mirador density, its own grid (one run)", run_process(own, f.at("mirador-default.log")));
    }
    // The fixed cost of a process: start-up, libraries, GDAL's drivers, one row.
    {
        std::ofstream one(f.at("one.csv"));
        one << "id,date,lon,lat\nx,2020-01-01,-99.13,19.43\n";
    }
    const ProcessRun fixed = median_run("mirador density on 1 incident (fixed cost)",
                                        {o.mirador, "density", "--incidents", f.at("one.csv"), "--out", f.at("one.tif")},
                                        f.at("one.log"), o.runs);
    std::printf("    %s\n", line_with(slurp(f.at("one.log")), "time:").c_str());
    if (!o.qgis) return;
    std::printf("  ratio, whole process: QGIS %.2f s / Mirador %.3f s = %.1fx (Mirador minus its fixed cost: %.3f s)\n",
                qgis.wall_s, ours.wall_s, qgis.wall_s / ours.wall_s, ours.wall_s - fixed.wall_s);
    std::printf("  ratio, both files plain (QGIS %.1f MB, Mirador %.1f MB; deflate: %.1f MB): %.1fx\n",
                static_cast<double>(std::filesystem::file_size(qgis_tif)) / 1e6,
                static_cast<double>(std::filesystem::file_size(f.at("mirador-plain.tif"))) / 1e6,
                static_cast<double>(std::filesystem::file_size(ours_tif)) / 1e6, qgis.wall_s / plain.wall_s);
    const QgisComparison c = compare_to_qgis_raw(read_density_raster(ours_tif), read_density_raster(qgis_tif), 25.0);
    std::printf("  surfaces: max|Mirador - QGIS| / max(QGIS) = %.2e, relative L1 = %.2e (QGIS max %.1f)\n", c.max_diff,
                c.relative_l1, c.peak);
}

std::map<std::string, long> counts_by_code(const std::string& csv, const char* code_column, const char* count_column) {
    auto r = geo::CsvReader::open(csv);
    if (!r) die(r.error());
    geo::CsvRecord rec;
    if (!r->next(rec)) die(csv + ": empty");
    int c = -1, n = -1;
    for (std::size_t i = 0; i < rec.size(); ++i) {
        if (rec[i] == code_column) c = static_cast<int>(i);
        if (rec[i] == count_column) n = static_cast<int>(i);
    }
    if (c < 0 || n < 0) die(csv + ": no column " + code_column + " or " + count_column);
    std::map<std::string, long> out;
    while (r->next(rec))
        if (rec.ok() && rec.size() > static_cast<std::size_t>(std::max(c, n)))
            out[std::string(rec[static_cast<std::size_t>(c)])] += std::stol(std::string(rec[static_cast<std::size_t>(n)]));
    return out;
}

// The point's municipality through the GeoPackage's R-tree of municipalities, then the exact test.
constexpr const char* kJoin =
    "m.fid IN (SELECT id FROM rtree_municipalities_geom r WHERE r.minx <= ST_X(p.geom) AND r.maxx >= ST_X(p.geom) "
    "AND r.miny <= ST_Y(p.geom) AND r.maxy >= ST_Y(p.geom)) AND ST_Intersects(m.geom, p.geom)";

// ogr2ogr writing `sql`'s result over the GeoPackage as CSV to `name`, timed against `ours`.
ProcessRun run_ogr2ogr(const Files& f, const std::string& name, const std::string& sql, const ProcessRun& ours) {
    std::filesystem::remove(f.at(name));
    const ProcessRun ogr = run_process({"ogr2ogr", "-f", "CSV", f.at(name), f.gpkg, "-dialect", "SQLite", "-sql", sql},
                                       f.at(name + ".log"));
    print_run("ogr2ogr, SQLite dialect spatial join", ogr);
    std::printf("  ratio, whole process: ogr2ogr %.2f s / Mirador %.3f s = %.1fx\n", ogr.wall_s, ours.wall_s,
                ogr.wall_s / ours.wall_s);
    return ogr;
}

void stats(const Options& o, const Files& f) {
    std::printf("\nstats: incidents per municipality, %zu points\n", o.rows);
    const ProcessRun ours = median_run("mirador stats", {o.mirador, "stats", "--incidents", f.csv, "--out", f.at("stats.csv")},
                                       f.at("stats.log"), o.runs);
    if (!o.ogr) return;
    run_ogr2ogr(f, "stats-ogr.csv",
                std::string("SELECT m.CVEGEO AS cvegeo, m.NOMGEO AS name, COUNT(*) AS incidents FROM pts p "
                            "JOIN municipalities m ON ") +
                    kJoin + " GROUP BY m.CVEGEO ORDER BY incidents DESC",
                ours);
    const auto a = counts_by_code(f.at("stats.csv"), "cvegeo", "incidents");
    const auto b = counts_by_code(f.at("stats-ogr.csv"), "cvegeo", "incidents");
    long ta = 0, tb = 0, differ = 0;
    for (const auto& [code, n] : a) ta += n, differ += !b.count(code) || b.at(code) != n;
    for (const auto& [code, n] : b) tb += n, differ += !a.count(code);
    std::printf("  same counts? Mirador %zu municipalities, %ld incidents; ogr2ogr %zu, %ld; %ld municipalities differ "
                "(points in the layer's overlaps count twice in ogr2ogr)\n",
                a.size(), ta, b.size(), tb, differ);
}

void geocode(const Options& o, const Files& f) {
    std::printf("\ngeocode: every row with its municipality, %zu points\n", o.rows);
    const ProcessRun ours = median_run("mirador geocode", {o.mirador, "geocode", "--in", f.csv, "--out", f.at("geocode.csv")},
                                       f.at("geocode.log"), o.runs);
    if (!o.ogr) return;
    run_ogr2ogr(f, "geocode-ogr.csv",
                std::string("SELECT p.id, p.date, ST_X(p.geom) AS x, ST_Y(p.geom) AS y, p.category, p.fatalities, "
                            "m.CVEGEO AS cvegeo, m.NOMGEO AS municipality FROM pts p LEFT JOIN municipalities m ON ") +
                    kJoin,
                ours);
    std::printf("  output: Mirador %.0f MB, ogr2ogr %.0f MB\n", std::filesystem::file_size(f.at("geocode.csv")) / 1e6,
                std::filesystem::file_size(f.at("geocode-ogr.csv")) / 1e6);
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress shows as it comes, also into a file
    GDALAllRegister();
    Files f;
    f.dir = o.dir;
    f.csv = f.at("points.csv");
    f.gpkg = f.at("points.gpkg");
    auto t = Clock::now();
    {
        const CityIncidents c = city_incidents(o.rows);
        const auto lonlat = rounded_lonlat(c);
        write_csv(f.csv, c, lonlat);
        write_gpkg(f.gpkg, o.boundaries, c, lonlat);
    }
    // The points' memory is given back before each child (run_process): a child's peak RSS
    // (wait4) starts from this process's RSS at the spawn, printed here as the floor.
    malloc_trim(0);
    std::printf("this process's RSS before the children (their peak RSS's floor): %ld MB\n", current_rss_mb());
    std::printf("%zu incidents written in %.1f s (untimed): %s (%.0f MB), %s (%.0f MB, with the municipalities)\n", o.rows,
                s_since(t), f.csv.c_str(), std::filesystem::file_size(f.csv) / 1e6, f.gpkg.c_str(),
                std::filesystem::file_size(f.gpkg) / 1e6);
    std::printf("mirador: %s\n", o.mirador.c_str());
    if (o.only.empty() || o.only == "density") density(o, f);
    if (o.only.empty() || o.only == "stats") stats(o, f);
    if (o.only.empty() || o.only == "geocode") geocode(o, f);
    if (!o.keep)
        for (const auto& e : std::filesystem::directory_iterator(o.dir))
            if (e.path().filename().string().starts_with("bench-process-")) std::filesystem::remove(e.path());
    return 0;
}
