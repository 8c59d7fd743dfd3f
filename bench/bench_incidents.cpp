// Time and peak memory to load incidents (CSV and, through GDAL/OGR, GeoPackage) and to assign
// them to municipalities.
//
//   bench_incidents [--rows N] [--gpkg] [--dir DIR] [--keep]
//       writes N synthetic incidents to DIR/bench-incidents-N.csv (and .gpkg with --gpkg), then
//       measures each step in a child process of its own (this program again, through
//       /proc/self/exe) so that each peak RSS is that step's alone. Files are deleted at the end
//       unless --keep.
//   bench_incidents --measure csv|gpkg|assign [--threads T] FILE
//       one measurement, what the driver runs.
//
// The incidents are clustered like real data, not uniform: most fall around a few dozen hot-spot
// municipalities (Gaussian scatter of a few km around each one's anchor), the rest around any
// municipality. Dates cover 2007-2023, mostly to the day, some only the month or the year;
// fatalities are skewed (mostly 0-3). Generation is not timed.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "BenchSupport.hpp"
#include "mirador/geo/Boundaries.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentOgr.hpp"
#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/PointGrid.hpp"
#include "mirador/geo/PointStacks.hpp"
#include "mirador/geo/Projector.hpp"

using namespace mirador::geo;
using namespace mirador::bench;

namespace {

std::unique_ptr<Boundaries> bundled_boundaries() {
    BoundarySources src;
    src.municipalities_path = MIRADOR_BENCH_DEFAULT_GPKG;
    src.municipalities_layer = "municipalities";
    auto b = load_boundaries(src);
    if (!b) {
        std::fprintf(stderr, "error: %s\n", b.error().c_str());
        std::exit(1);
    }
    return std::move(b).value();
}

// ---------------------------------------------------------------------------------------------
// Synthetic incidents

struct Synthetic {
    std::vector<Vec2> lonlat;
    std::vector<std::uint32_t> municipality;  // the anchor it was scattered around
    std::vector<std::int32_t> day;
    std::vector<std::uint8_t> precision;  // 0 day, 1 month, 2 year
    std::vector<std::uint8_t> category, actor_mask, source;
    std::vector<std::int32_t> fatalities, injured;  // -1: unknown
};

constexpr const char* kCategories[] = {"armed clash",     "ambush", "massacre", "arrest/capture", "attack on civilians",
                                       "prison escape", "disappearance", "military operation", "other"};
constexpr double kCategoryWeight[] = {30, 8, 4, 15, 20, 1, 10, 7, 5};
constexpr const char* kActors[] = {"Sinaloa Cartel", "Jalisco New Generation Cartel (CJNG)", "Mexican Army", "National Guard",
                                   "state police", "municipal police", "Gulf Cartel", "armed civilians"};
constexpr const char* kSources[] = {"El Universal", "Reforma", "Milenio", "La Jornada", "Animal Político", "Proceso",
                                    "Ríodoce", "Zeta Tijuana"};

Synthetic generate(std::size_t n, const Boundaries& b) {
    std::mt19937_64 rng(20240601);
    const std::size_t muni = b.municipality_anchor.size();
    // 40 hot spots with Zipf-like weights take 70 % of the incidents.
    std::vector<std::uint32_t> hot(40);
    std::uniform_int_distribution<std::uint32_t> any_muni(0, static_cast<std::uint32_t>(muni - 1));
    for (auto& h : hot) h = any_muni(rng);
    std::vector<double> hot_w(hot.size());
    for (std::size_t i = 0; i < hot.size(); ++i) hot_w[i] = 1.0 / static_cast<double>(i + 1);
    std::discrete_distribution<std::size_t> pick_hot(hot_w.begin(), hot_w.end());
    std::bernoulli_distribution is_hot(0.7);
    std::normal_distribution<double> scatter(0.0, 3000.0);  // metres (EPSG:6372)
    const std::int32_t first_day = days_from_civil(2007, 1, 1), last_day = days_from_civil(2023, 12, 31);
    // More incidents in later years: day = first + span * sqrt(u).
    std::uniform_real_distribution<double> u01(0.0, 1.0);
    std::discrete_distribution<int> category(std::begin(kCategoryWeight), std::end(kCategoryWeight));
    std::geometric_distribution<int> deaths(0.45);  // mean about 1.2, mostly 0-3
    std::uniform_int_distribution<int> source(0, static_cast<int>(std::size(kSources)) - 1);
    std::uniform_int_distribution<int> actor(0, static_cast<int>(std::size(kActors)) - 1);

    Synthetic s;
    s.lonlat.resize(n);
    s.municipality.resize(n);
    s.day.resize(n);
    s.precision.resize(n);
    s.category.resize(n);
    s.actor_mask.resize(n);
    s.source.resize(n);
    s.fatalities.resize(n);
    s.injured.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t m = is_hot(rng) ? hot[pick_hot(rng)] : any_muni(rng);
        s.municipality[i] = m;
        const Vec2 a = b.municipality_anchor[m];
        s.lonlat[i] = {a.x + scatter(rng), a.y + scatter(rng)};
        s.day[i] = first_day + static_cast<std::int32_t>((last_day - first_day) * std::sqrt(u01(rng)));
        const double p = u01(rng);
        s.precision[i] = p < 0.88 ? 0 : p < 0.97 ? 1 : 2;
        s.category[i] = static_cast<std::uint8_t>(category(rng));
        std::uint8_t mask = static_cast<std::uint8_t>(1u << actor(rng));
        if (u01(rng) < 0.5) mask |= static_cast<std::uint8_t>(1u << actor(rng));
        s.actor_mask[i] = mask;
        s.source[i] = static_cast<std::uint8_t>(source(rng));
        s.fatalities[i] = u01(rng) < 0.05 ? -1 : std::min(deaths(rng), 200);
        s.injured[i] = u01(rng) < 0.4 ? -1 : std::min(deaths(rng), 200);
    }
    auto proj = lonlat_to_display(DisplayCrs::Mexico6372);
    if (!proj) {
        std::fprintf(stderr, "error: %s\n", proj.error().c_str());
        std::exit(1);
    }
    proj->inverse(s.lonlat);
    return s;
}

std::string date_text(std::int32_t day, std::uint8_t precision) {
    const CivilDate d = civil_from_days(day);
    char buf[16];
    if (precision == 0) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    else if (precision == 1) std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    else std::snprintf(buf, sizeof buf, "%04d", d.year);
    return buf;
}

std::string actors_text(std::uint8_t mask) {
    std::string s;
    for (std::size_t k = 0; k < std::size(kActors); ++k)
        if (mask & (1u << k)) s.append(s.empty() ? "" : "; ").append(kActors[k]);
    return s;
}

void append_number(std::string& out, double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 6);
    out.append(buf, r.ptr);
}

std::string quoted(const std::string& s) {
    return s.find_first_of(",\"") == std::string::npos ? s : "\"" + s + "\"";
}

void write_csv(const std::string& path, const Synthetic& s, const Boundaries& b) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
        std::fprintf(stderr, "error: cannot write %s\n", path.c_str());
        std::exit(1);
    }
    std::string out = "id,date,place,state,lon,lat,category,actors,fatalities,injured,source,notes\n";
    // Names quoted once per municipality, not once per row.
    std::vector<std::string> place(b.municipality_anchor.size()), state(place.size());
    for (std::size_t m = 0; m < place.size(); ++m) {
        place[m] = quoted(b.municipalities.attributes[m].name);
        state[m] = b.state_of(m) ? quoted(b.state_of(m)->name) : "";
    }
    for (std::size_t i = 0; i < s.day.size(); ++i) {
        out.append("syn-").append(std::to_string(i)).push_back(',');
        out.append(date_text(s.day[i], s.precision[i])).push_back(',');
        out.append(place[s.municipality[i]]).push_back(',');
        out.append(state[s.municipality[i]]).push_back(',');
        append_number(out, s.lonlat[i].x);
        out.push_back(',');
        append_number(out, s.lonlat[i].y);
        out.push_back(',');
        out.append(kCategories[s.category[i]]).push_back(',');
        out.append(actors_text(s.actor_mask[i])).push_back(',');
        if (s.fatalities[i] >= 0) out.append(std::to_string(s.fatalities[i]));
        out.push_back(',');
        if (s.injured[i] >= 0) out.append(std::to_string(s.injured[i]));
        out.push_back(',');
        out.append(kSources[s.source[i]]).push_back(',');
        if (i % 10 == 0) out.append("\"synthetic, with a comma\"");  // some notes, some quoted
        out.push_back('\n');
        if (out.size() > (1 << 22)) {
            std::fwrite(out.data(), 1, out.size(), f);
            out.clear();
        }
    }
    std::fwrite(out.data(), 1, out.size(), f);
    std::fclose(f);
}

void write_gpkg(const std::string& path, const Synthetic& s, const Boundaries& b) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    std::filesystem::remove(path);
    std::unique_ptr<GDALDataset> ds(driver ? driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    if (!ds) {
        std::fprintf(stderr, "error: cannot create %s\n", path.c_str());
        std::exit(1);
    }
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds->CreateLayer("incidents", &srs, wkbPoint, nullptr);
    const char* text_fields[] = {"id", "date", "place", "state", "category", "actors", "source", "notes"};
    for (const char* name : text_fields) {
        OGRFieldDefn fd(name, OFTString);
        layer->CreateField(&fd);
    }
    for (const char* name : {"fatalities", "injured"}) {
        OGRFieldDefn fd(name, OFTInteger);
        layer->CreateField(&fd);
    }
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const std::size_t n = s.day.size();
    constexpr std::size_t kTransaction = 100000;
    for (std::size_t first = 0; first < n; first += kTransaction) {
        if (ds->StartTransaction() != OGRERR_NONE) std::fprintf(stderr, "warning: no transaction\n");
        for (std::size_t i = first; i < std::min(n, first + kTransaction); ++i) {
            OGRFeature f(defn);
            const std::uint32_t m = s.municipality[i];
            f.SetField("id", ("syn-" + std::to_string(i)).c_str());
            f.SetField("date", date_text(s.day[i], s.precision[i]).c_str());
            f.SetField("place", b.municipalities.attributes[m].name.c_str());
            if (b.state_of(m)) f.SetField("state", b.state_of(m)->name.c_str());
            f.SetField("category", kCategories[s.category[i]]);
            f.SetField("actors", actors_text(s.actor_mask[i]).c_str());
            f.SetField("source", kSources[s.source[i]]);
            if (i % 10 == 0) f.SetField("notes", "synthetic, with a comma");
            if (s.fatalities[i] >= 0) f.SetField("fatalities", s.fatalities[i]);
            if (s.injured[i] >= 0) f.SetField("injured", s.injured[i]);
            f.SetGeometryDirectly(new OGRPoint(s.lonlat[i].x, s.lonlat[i].y));
            if (layer->CreateFeature(&f) != OGRERR_NONE) {
                std::fprintf(stderr, "error: writing feature %zu to %s\n", i, path.c_str());
                std::exit(1);
            }
        }
        ds->CommitTransaction();
    }
}

// ---------------------------------------------------------------------------------------------
// Measurements (each in a process of its own)

void print_store(const IncidentStore& store) {
    const double n = static_cast<double>(std::max<std::size_t>(store.size(), 1));
    std::printf("   store: %zu incidents, hot columns %zu B/incident, whole store %.1f B/incident (%.0f MB)\n",
                store.size(), IncidentStore::bytes_per_incident_hot(), store.memory_bytes() / n,
                store.memory_bytes() / 1e6);
}

int measure_load(const std::string& path, bool csv) {
    std::vector<std::string> problems;
    const auto t = Clock::now();
    auto store = csv ? load_incident_csv(path, &problems) : load_incidents(path, &problems);
    const double s = s_since(t);
    if (!store) {
        std::printf("error: %s\n", store.error().c_str());
        return 1;
    }
    const double n = static_cast<double>(store->size());
    const double mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
    std::printf("%s: %s %zu rows in %.2f s = %.2f M rows/s, %.0f MB/s (file %.0f MB); %zu problems; peak RSS %ld MB\n",
                csv ? "CSV " : "GPKG", csv ? "load_incident_csv" : "load_incidents (OGR)", store->size(), s, n / s / 1e6,
                mb / s, mb, problems.size(), peak_rss_mb());
    for (std::size_t i = 0; i < std::min<std::size_t>(problems.size(), 3); ++i) std::printf("   %s\n", problems[i].c_str());
    print_store(*store);
    return 0;
}

// Municipality of every incident: project lon/lat to EPSG:6372 (PROJ, whole array), then locate.
int measure_assign(const std::string& path, int threads) {
    auto store = load_incident_csv(path);
    if (!store) {
        std::printf("error: %s\n", store.error().c_str());
        return 1;
    }
    auto t = Clock::now();
    const auto boundaries = bundled_boundaries();
    const double t_boundaries = s_since(t);
    const std::size_t n = store->size();
    const long rss_before = peak_rss_mb();

    t = Clock::now();
    std::vector<Vec2> pts(n);
    std::vector<std::uint32_t> municipality(n);
    std::vector<double> t_project(static_cast<std::size_t>(threads)), t_locate(t_project.size());
    auto work = [&](int k) {
        const std::size_t first = n * static_cast<std::size_t>(k) / static_cast<std::size_t>(threads);
        const std::size_t last = n * static_cast<std::size_t>(k + 1) / static_cast<std::size_t>(threads);
        auto tp = Clock::now();
        // A projector per thread: a PROJ context is not to be shared between threads.
        auto proj = lonlat_to_display(DisplayCrs::Mexico6372);
        std::vector<Vec2> part(last - first);
        for (std::size_t i = first; i < last; ++i) part[i - first] = {store->lon()[i], store->lat()[i]};
        proj->forward(part);
        t_project[static_cast<std::size_t>(k)] = s_since(tp);
        tp = Clock::now();
        for (std::size_t i = first; i < last; ++i) {
            const long m = boundaries->locate(part[i - first]);
            municipality[i] = m < 0 ? kNoMunicipality : static_cast<std::uint32_t>(m);
        }
        t_locate[static_cast<std::size_t>(k)] = s_since(tp);
        std::copy(part.begin(), part.end(), pts.begin() + static_cast<long>(first));
    };
    std::vector<std::thread> pool;
    for (int k = 1; k < threads; ++k) pool.emplace_back(work, k);
    work(0);
    for (auto& th : pool) th.join();
    const double total = s_since(t);
    const auto outside = static_cast<std::size_t>(std::count(municipality.begin(), municipality.end(), kNoMunicipality));
    const double proj_s = *std::max_element(t_project.begin(), t_project.end());
    const double loc_s = *std::max_element(t_locate.begin(), t_locate.end());
    std::printf("ASSIGN %d thread%s: %zu points in %.3f s = %.2f M points/s (project %.3f s = %.1f M/s, "
                "locate %.3f s = %.1f M/s); %zu in no municipality; boundaries ready in %.2f s; "
                "peak RSS %ld MB (%ld MB before assigning)\n",
                threads, threads == 1 ? "" : "s", n, total, n / total / 1e6, proj_s, n / proj_s / 1e6, loc_s,
                n / loc_s / 1e6, outside, t_boundaries, peak_rss_mb(), rss_before);
    // What the viewer adds on loading: the picking grid and the stacks (incidents on one
    // position).
    if (threads == 1) {
        t = Clock::now();
        const PointGrid grid(pts);
        const double t_grid = s_since(t);
        t = Clock::now();
        const PointStacks stacks(pts);
        std::printf("STACKS: picking grid %.3f s, stacks %.3f s (%zu stacks holding %zu incidents)\n", t_grid, s_since(t),
                    stacks.size(), stacks.stacked().size());
    }
    return 0;
}

int run_child(const std::vector<std::string>& args) {
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv("/proc/self/exe", argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t rows = 1000000;
    bool gpkg = false, keep = false;
    std::string dir = "/tmp", measure, file;
    int threads = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--rows" && i + 1 < argc) rows = std::stoull(argv[++i]);
        else if (a == "--gpkg") gpkg = true;
        else if (a == "--keep") keep = true;
        else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
        else if (a == "--measure" && i + 1 < argc) measure = argv[++i];
        else if (a == "--threads" && i + 1 < argc) threads = std::max(1, std::atoi(argv[++i]));
        else if (!a.empty() && a[0] != '-') file = a;
        else {
            std::fprintf(stderr, "usage: bench_incidents [--rows N] [--gpkg] [--dir DIR] [--keep]\n"
                                 "       bench_incidents --measure csv|gpkg|assign [--threads T] FILE\n");
            return 2;
        }
    }
    if (measure == "csv" || measure == "gpkg") return measure_load(file, measure == "csv");
    if (measure == "assign") return measure_assign(file, threads);

    const std::string base = dir + "/bench-incidents-" + std::to_string(rows);
    const std::string csv = base + ".csv", gpkg_path = base + ".gpkg";
    {
        auto t = Clock::now();
        const auto boundaries = bundled_boundaries();
        const Synthetic s = generate(rows, *boundaries);
        write_csv(csv, s, *boundaries);
        std::printf("generated %zu incidents: %s (%.0f MB) in %.1f s\n", rows, csv.c_str(),
                    std::filesystem::file_size(csv) / 1e6, s_since(t));
        if (gpkg) {
            t = Clock::now();
            write_gpkg(gpkg_path, s, *boundaries);
            std::printf("generated %s (%.0f MB) in %.1f s\n", gpkg_path.c_str(), std::filesystem::file_size(gpkg_path) / 1e6,
                        s_since(t));
        }
    }
    int rc = run_child({argv[0], "--measure", "csv", csv});
    if (gpkg) rc |= run_child({argv[0], "--measure", "gpkg", gpkg_path});
    rc |= run_child({argv[0], "--measure", "assign", "--threads", "1", csv});
    rc |= run_child({argv[0], "--measure", "assign", "--threads", "2", csv});
    if (!keep) {
        std::filesystem::remove(csv);
        if (gpkg) std::filesystem::remove(gpkg_path);
    }
    return rc;
}
