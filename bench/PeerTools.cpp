#include "PeerTools.hpp"

#include <fcntl.h>
#include <malloc.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numbers>

#include "BenchSupport.hpp"

extern char** environ;

namespace mirador::bench {

ProcessRun run_process(const std::vector<std::string>& argv, const std::string& log) {
    // A child's peak RSS starts from this process's RSS (Linux keeps the larger across exec):
    // hand free memory back first, so the figure is the child's own but for that floor.
    malloc_trim(0);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    const auto t = Clock::now();
    pid_t pid = 0;
    const int err = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (err != 0) die(argv[0] + ": cannot start: " + std::strerror(err));
    int status = 0;
    rusage u{};
    if (wait4(pid, &status, 0, &u) != pid) die(argv[0] + ": wait4 failed");
    ProcessRun r;
    r.wall_s = s_since(t);
    r.cpu_s = cpu_seconds(u);
    r.peak_rss_mb = u.ru_maxrss / 1024;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::ifstream in(log);
        std::fprintf(stderr, "%s", std::string(std::istreambuf_iterator<char>(in), {}).c_str());
        die(argv[0] + " failed (log above, " + log + ")");
    }
    return r;
}

void write_points_gpkg(const std::string& path, const std::vector<geo::Vec2>& xy, const std::vector<PointField>& fields,
                       const std::function<void(OGRFeature&, std::size_t)>& fill) {
    std::filesystem::remove(path);
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDataset* ds = drv ? drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr;
    if (!ds) die("cannot create " + path);
    OGRSpatialReference srs;
    srs.importFromEPSG(6372);
    OGRLayer* layer = ds->CreateLayer("pts", &srs, wkbPoint, nullptr);
    if (!layer) die("cannot create a layer in " + path);
    for (const PointField& pf : fields) {
        OGRFieldDefn f(pf.name, pf.type);
        if (layer->CreateField(&f) != OGRERR_NONE) die("cannot add the field " + std::string(pf.name) + " to " + path);
    }
    ds->StartTransaction();
    for (std::size_t i = 0; i < xy.size(); ++i) {
        OGRFeature f(layer->GetLayerDefn());
        if (fill) fill(f, i);
        f.SetGeometryDirectly(new OGRPoint(xy[i].x, xy[i].y));
        if (layer->CreateFeature(&f) != OGRERR_NONE) die("cannot write " + path);
    }
    ds->CommitTransaction();
    GDALClose(ds);
}

std::vector<std::string> qgis_kde_args(const std::string& input, double radius_m, double cell_m, const std::string& tif) {
    char radius[32], cell[32];
    std::snprintf(radius, sizeof radius, "RADIUS=%g", radius_m);
    std::snprintf(cell, sizeof cell, "PIXEL_SIZE=%g", cell_m);
    // qgis_process.bin directly: Debian's qgis_process wrapper adds --noversioncheck, which
    // 3.22 rejects.
    return {"/usr/bin/qgis_process.bin", "run", "qgis:heatmapkerneldensityestimation", "--", "INPUT=" + input, radius,
            cell, "KERNEL=0", "OUTPUT_VALUE=0", "OUTPUT=" + tif};
}

geo::DensityGrid read_density_raster(const std::string& path) {
    GDALDataset* ds = GDALDataset::Open(path.c_str(), GDAL_OF_RASTER);
    if (!ds) die("cannot read " + path);
    double t[6];
    ds->GetGeoTransform(t);
    const int nx = ds->GetRasterXSize(), ny = ds->GetRasterYSize();
    if (std::abs(t[1] + t[5]) > 1e-9 || t[2] != 0 || t[4] != 0) die(path + ": not a north-up square grid");
    geo::DensityGrid g;
    g.spec = geo::GridSpec{t[0], t[3] + ny * t[5], t[1], nx, ny, "EPSG:6372"};
    g.values.resize(g.spec.cells());
    // Negative line spacing stores the northern file rows last.
    const GSpacing row = static_cast<GSpacing>(nx) * sizeof(float);
    GDALRasterBand* band = ds->GetRasterBand(1);
    if (band->RasterIO(GF_Read, 0, 0, nx, ny, g.values.data() + static_cast<std::size_t>(ny - 1) * nx, nx, ny, GDT_Float32,
                       sizeof(float), -row, nullptr) != CE_None)
        die("cannot read the cells of " + path);
    int has_nodata = 0;
    const double nodata = band->GetNoDataValue(&has_nodata);
    if (has_nodata)
        for (float& v : g.values)
            if (v == static_cast<float>(nodata)) v = 0;
    GDALClose(ds);
    return g;
}

QgisComparison compare_to_qgis_raw(const geo::DensityGrid& ours, const geo::DensityGrid& qgis, double radius_km) {
    if (ours.values.size() != qgis.values.size()) die("the two grids differ in size");
    const double to_raw = std::numbers::pi * radius_km * radius_km / 3.0;
    QgisComparison c;
    c.peak = qgis.max_value();
    double diff = 0, sum = 0;
    for (std::size_t i = 0; i < qgis.values.size(); ++i) {
        const double a = ours.values[i] * to_raw, r = qgis.values[i], d = std::abs(a - r);
        c.max_diff = std::max(c.max_diff, d);
        diff += d, sum += std::abs(r);
        if (r > 0.01 * c.peak) c.worst_cell = std::max(c.worst_cell, d / r);
    }
    c.max_diff /= c.peak;
    c.relative_l1 = diff / sum;
    return c;
}

}  // namespace mirador::bench
