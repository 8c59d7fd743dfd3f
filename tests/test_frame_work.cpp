// Work done once (issue 11, item 6): an idle frame allocates nothing, legend text is made when
// what it says changes, the heatmap's points are the incidents' display positions (projected
// once, when they load), a GPU engine that cannot start leaves the CPU engine in charge and is
// reported once, and the window's heatmap, computed off the UI thread, is the same surface.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "AllocationCounter.hpp"
#include "HeadlessRender.hpp"
#include "SyntheticIncidents.hpp"
#include "TestData.hpp"
#include "platform/GlContext.hpp"
#include "render/GpuDensity.hpp"
#include "scene/MapScene.hpp"

using namespace mirador;

namespace {

test::SyntheticIncidents& incidents() {
    static test::SyntheticIncidents s = test::synthetic_incidents(20000, 5);
    return s;
}

SceneParams params(double metres_per_pixel) {
    SceneParams p = test::culiacan_view(400, 300, metres_per_pixel);
    p.frame.hovered = test::default_boundaries().municipalities.find_code("25006");
    p.frame.hovered_incident = 3;
    p.frame.time_from_day = geo::days_from_civil(2019, 10, 1);
    p.frame.time_to_day = geo::days_from_civil(2019, 10, 31);
    return p;
}

// What this process writes on stderr while `f` runs.
template <class F>
std::string stderr_of(F&& f) {
    const std::string path = test::temp_dir("stderr") + "/err.txt";
    std::fflush(stderr);
    const int saved = ::dup(2);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(fd, 2);
    f();
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(fd);
    ::close(saved);
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("an idle frame allocates nothing", "[frame][render]") {
    const auto ctx = test::headless_context(400, 300);
    auto scene = MapScene::create(test::default_boundaries());
    REQUIRE(scene);
    (*scene)->set_incidents(incidents().layer.get());
    for (const bool gpu : {false, true})
        for (const double mpp : {4000.0, 400.0, 20.0}) {  // the country, bins; a city; streets, discs
            SceneParams p = params(mpp);
            p.heatmap.gpu = gpu;
            (*scene)->draw(p, nullptr, FontSet{});
            (*scene)->draw(p, nullptr, FontSet{});
            const HeatmapLegend* legend = (*scene)->heatmap().legend();
            REQUIRE(legend);
            const char* title = legend->title.data();
            long allocations = -1;
            {
                const test::AllocationCounter counter;
                (*scene)->draw(p, nullptr, FontSet{});
                allocations = counter.count();
            }
            INFO((gpu ? "GPU" : "CPU") << " heatmap, " << mpp << " m/px, points as "
                                       << ((*scene)->renderer().points_shown().aggregated ? "bins" : "discs"));
            CHECK(allocations == 0);
            CHECK((*scene)->heatmap().legend()->title.data() == title);  // not rebuilt
        }
    // The counter does count what is allocated while it is alive.
    const test::AllocationCounter counter;
    auto made = std::make_unique<std::vector<int>>(100);
    CHECK(counter.count() == 2);
}

TEST_CASE("legend text is made when what it says changes, not every frame", "[frame][render]") {
    IncidentLayer& layer = *incidents().layer;
    LegendText text;
    FrameParams frame;
    PointsShown discs;
    const LegendBox* first = &text.incidents(layer, discs, frame);
    const std::string title = first->title;
    const char* data = first->title.data();
    {
        const test::AllocationCounter counter;
        const LegendBox& again = text.incidents(layer, discs, frame);
        CHECK(counter.count() == 0);
        CHECK(again.title.data() == data);
    }
    CHECK(title.find("(size: fatalities)") != std::string::npos);
    PointsShown bins{true, 5.0f, 812.0f, 20000};
    const LegendBox& binned = text.incidents(layer, bins, frame);
    CHECK(binned.title.find("too many to draw one by one") != std::string::npos);
    REQUIRE(binned.rows.size() == 3);
    CHECK(binned.rows[1].text == "812 in a cell");

    ChoroplethLegend choropleth;
    choropleth.title = "Incidents per municipality";
    choropleth.classes.breaks = {0, 1, 2};
    choropleth.colors = {0xff0000ffu, 0xff00ff00u};
    const LegendBox& c1 = text.choropleth(choropleth, 7);
    CHECK(c1.rows.size() == 3);  // two classes and "no incident"
    choropleth.title = "changed behind the version's back";
    CHECK(text.choropleth(choropleth, 7).title == "Incidents per municipality");
    CHECK(text.choropleth(choropleth, 8).title == "changed behind the version's back");
}

TEST_CASE("the heatmap's points are the incidents' display positions, not a second projection", "[frame][heatmap][render]") {
    const auto ctx = test::headless_context();
    const auto renderer = test::boundaries_renderer();
    IncidentLayer& layer = *incidents().layer;
    HeatmapLayer heat;
    HeatmapSettings s;
    s.show = true;
    heat.update(*renderer, &layer, s, {INT32_MIN / 2, INT32_MAX / 2}, {});
    const geo::DensityPoints& pts = heat.points();
    REQUIRE(pts.size() == layer.store.size());
    auto projected = geo::make_density_points(layer.store, geo::DensityWeight::Count);
    REQUIRE(projected);
    std::size_t placed = 0, same = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        if (!std::isfinite(layer.display_xy[i].x)) continue;
        ++placed;
        same += pts.x[i] == float(layer.display_xy[i].x) && pts.y[i] == float(layer.display_xy[i].y) &&
                pts.x[i] == projected->x[i] && pts.y[i] == projected->y[i];
    }
    CHECK(placed > 19000);
    CHECK(same == placed);
}

TEST_CASE("a GPU heatmap engine that cannot start: the CPU engine takes over, said once", "[frame][heatmap][render]") {
    const auto ctx = test::headless_context();
    const auto renderer = test::boundaries_renderer();
    IncidentLayer& layer = *incidents().layer;
    HeatmapLayer heat;
    int attempts = 0;
    heat.set_gpu_engine_factory([&]() -> geo::Result<std::unique_ptr<GpuDensity>> {
        ++attempts;
        return geo::make_error("shader program density_conv does not link: (simulated)");
    });
    HeatmapSettings s;
    s.show = true;
    s.gpu = true;
    int surfaces = 0;
    const std::string err = stderr_of([&] {
        for (int month = 1; month <= 8; ++month) {
            const geo::DayRange w{geo::days_from_civil(2019, month, 1), geo::days_from_civil(2019, month, 28)};
            const HeatmapStyle style = heat.update(*renderer, &layer, s, w, {});
            surfaces += style.show && heat.legend() && heat.grid();
        }
    });
    INFO(err);
    CHECK(attempts == 1);
    CHECK(occurrences(err, "GPU engine unavailable") == 1);
    CHECK(occurrences(err, "simulated") == 1);
    CHECK(surfaces == 8);  // every frame had the CPU engine's surface
    CHECK(heat.engine_note().find("the CPU engine computes the heatmap") != std::string::npos);
}

TEST_CASE("the window's heatmap is computed off the UI thread and lands as the same surface", "[frame][heatmap][render]") {
    const auto ctx = test::headless_context();
    const auto renderer = test::boundaries_renderer();
    IncidentLayer& layer = *incidents().layer;
    HeatmapSettings s;
    s.show = true;
    const geo::WindowSpec months{geo::WindowMode::Moving, geo::WindowUnit::Month, 30};
    const geo::DayRange october{geo::days_from_civil(2019, 10, 1), geo::days_from_civil(2019, 10, 31)};
    HeatmapLayer waiting;
    waiting.update(*renderer, &layer, s, october, months);
    REQUIRE(waiting.grid());

    HeatmapLayer background;
    background.set_background(true);
    int frames = 0;
    while (frames < 20000 && (!background.legend() || background.computing())) {
        background.update(*renderer, &layer, s, october, months);
        ++frames;
        if (background.computing()) ::usleep(1000);
    }
    REQUIRE(background.grid());
    CHECK(background.grid()->values == waiting.grid()->values);
    CHECK(background.legend()->hi == waiting.legend()->hi);
    CHECK(background.legend()->scale_note == waiting.legend()->scale_note);
}
