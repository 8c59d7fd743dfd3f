// The heatmap as drawn: the GPU engine against the CPU engine and the reference, the colour
// ramps, snapshots hot where the seed incidents are and cold in an empty window, and the
// fixed scale that does not move with the window.
#include <catch2/catch.hpp>

#include <glad/gl.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <stdexcept>

#include "IncidentFixtures.hpp"
#include "DocumentHelpers.hpp"
#include "TestData.hpp"
#include "cli/FlagGroups.hpp"
#include "scene/DocumentFrame.hpp"
#include "commands/Snapshot.hpp"
#include "mirador/geo/Gazetteer.hpp"
#include "mirador/geo/Geocoder.hpp"
#include "platform/GlContext.hpp"
#include "render/GpuDensity.hpp"
#include "style/ColorRamp.hpp"
#include "style/Palette.hpp"

using namespace mirador;

namespace {

using Seeds = test::PlacedIncidents;

Seeds& seeds() { return test::placed_incidents(MIRADOR_ASSETS_DIR "/incidents/seed-incidents.csv"); }

// A store of clustered points (lon/lat around three cities, some month-precision dates) and
// its density points.
geo::IncidentStore clustered_store(std::size_t n) {
    std::mt19937 rng(7);
    const double centers[3][2] = {{-107.39, 24.80}, {-99.13, 19.43}, {-106.45, 31.70}};
    std::normal_distribution<double> spread(0.0, 0.25);
    std::uniform_int_distribution<int> day(0, 700), pick(0, 2), coin(0, 9);
    geo::IncidentStoreBuilder b;
    for (std::size_t i = 0; i < n; ++i) {
        geo::Incident inc;
        inc.id = std::to_string(i);
        const int c = pick(rng);
        inc.lon = centers[c][0] + spread(rng);
        inc.lat = centers[c][1] + spread(rng);
        const std::int32_t d = geo::days_from_civil(2019, 1, 1) + day(rng);
        if (coin(rng) == 0) {
            const auto cd = geo::civil_from_days(d);
            inc.date = {geo::days_from_civil(cd.year, cd.month, 1),
                        geo::days_from_civil(cd.year, cd.month, geo::days_in_month(cd.year, cd.month)),
                        geo::DatePrecision::Month};
        } else {
            inc.date = {d, d, geo::DatePrecision::Day};
        }
        inc.fatalities = static_cast<std::uint32_t>(coin(rng));
        b.add(inc);
    }
    return b.finish();
}

double max_rel_diff(const geo::DensityGrid& a, const geo::DensityGrid& b) {
    double m = 0, top = 0;
    for (std::size_t i = 0; i < a.values.size(); ++i) {
        m = std::max(m, double(std::fabs(a.values[i] - b.values[i])));
        top = std::max(top, double(std::fabs(b.values[i])));
    }
    return top > 0 ? m / top : m;
}

std::array<int, 3> pixel(const SnapshotResult& s, double lon, double lat) {
    const geo::Vec2 p = s.view.map_to_screen(test::to_6372(lon, lat));
    const auto* c = s.image.at(static_cast<int>(p.x), static_cast<int>(p.y));
    return {c[0], c[1], c[2]};
}

// Index of the ramp entry nearest to a colour.
int ramp_index(const RampTable& t, std::array<int, 3> c) {
    int best = -1;
    double best_d = 1e30;
    for (int i = 0; i < 256; ++i) {
        std::uint8_t e[4];
        unpack_rgba(t[static_cast<std::size_t>(i)], e);
        const double d = std::pow(e[0] - c[0], 2) + std::pow(e[1] - c[1], 2) + std::pow(e[2] - c[2], 2);
        if (d < best_d) best_d = d, best = i;
    }
    return best_d < 30 * 30 ? best : -1;
}

// Boundaries under an opaque heatmap on a relative viridis scale.
doc::MapDocument relative_viridis_heatmap() {
    doc::MapDocument d;
    REQUIRE(apply_layer_list("boundaries,heatmap", d));
    test::layer_of(d, doc::LayerKind::Heatmap).opacity = 1.0f;
    auto& heat = d.style_of<doc::HeatmapStyle>();
    heat.normalize = geo::NormalizeMode::Relative;
    heat.ramp = RampId::Viridis;
    return d;
}

}  // namespace

TEST_CASE("colour ramps: lightness is monotonic and steps are even", "[heatmap][ramp]") {
    for (int r = 0; r < kRampCount; ++r) {
        const RampId id = static_cast<RampId>(r);
        INFO(to_string(id));
        CHECK(parse_ramp(to_string(id)) == id);
        const RampTable t = ramp_table(id);
        const double first = srgb_to_oklab(t[0]).L, last = srgb_to_oklab(t[255]).L;
        const double sign = last > first ? 1 : -1;  // YlOrRd runs light to dark
        if (id != RampId::YlOrRd) CHECK(sign > 0);
        auto distance = [](const OkLab& a, const OkLab& b) {
            return std::sqrt(std::pow(b.L - a.L, 2) + std::pow(b.a - a.a, 2) + std::pow(b.b - a.b, 2));
        };
        for (int i = 1; i < 256; ++i) {
            const OkLab a = srgb_to_oklab(t[static_cast<std::size_t>(i - 1)]), b = srgb_to_oklab(t[static_cast<std::size_t>(i)]);
            CHECK(sign * (b.L - a.L) > -1e-3);  // 8-bit rounding aside, lightness never turns back
        }
        // Even perceptual steps: over spans of 8 entries (single entries are uneven from 8-bit
        // rounding, worst near black), no span is more than 1.3 times the mean one.
        double max_step = 0, total = 0;
        int spans = 0;
        for (int i = 8; i < 256; i += 8) {
            const double d = distance(srgb_to_oklab(t[static_cast<std::size_t>(i - 8)]), srgb_to_oklab(t[static_cast<std::size_t>(i)]));
            max_step = std::max(max_step, d);
            total += d;
            ++spans;
        }
        INFO("mean span " << total / spans << ", largest " << max_step);
        CHECK(max_step < 1.3 * total / spans);
    }
    CHECK_FALSE(parse_ramp("rainbow"));
}

TEST_CASE("GPU density equals the CPU engine and the reference", "[heatmap][gpu][render]") {
    auto ctx = HeadlessGlContext::create();
    REQUIRE(ctx);
    const geo::IncidentStore store = clustered_store(20000);
    auto pts = geo::make_density_points(store, geo::DensityWeight::Count);
    REQUIRE(pts);
    const auto extent = geo::placed_extent(*pts);
    REQUIRE(extent);
    const auto [lo, hi] = *extent;
    for (auto shape : {geo::KernelShape::Quartic, geo::KernelShape::Epanechnikov, geo::KernelShape::Gaussian}) {
        INFO(geo::to_string(shape));
        const geo::KernelSpec k{shape, 40000};
        const geo::GridSpec grid = geo::display_grid_for(lo, hi, k.radius_m);
        auto gpu = GpuDensity::create();
        REQUIRE(gpu);
        REQUIRE((*gpu)->configure(*pts, grid, k));
        const geo::DayRange windows[] = {{INT32_MIN / 2, INT32_MAX / 2},
                                         {geo::days_from_civil(2019, 10, 1), geo::days_from_civil(2019, 10, 31)}};
        for (const auto& w : windows) {
            (*gpu)->compute(w);
            const geo::DensityGrid g = (*gpu)->read_back();
            geo::DensityEngine engine(grid, k);
            geo::DensityGrid c;
            engine.compute(*pts, w, c);
            const geo::DensityGrid ref = geo::density_reference(*pts, w, grid, k);
            REQUIRE(g.values.size() == c.values.size());
            REQUIRE(c.max_value() > 0);
            // Same binning and kernel table; float sums in a different order.
            WARN(geo::to_string(shape) << ": GPU vs CPU engine " << max_rel_diff(g, c) << ", GPU vs reference "
                                       << max_rel_diff(g, ref) << " (max |difference| / max value)");
            CHECK(max_rel_diff(g, c) < 1e-4);
            // Linear binning at cells of radius/8 against exact per-point sums.
            CHECK(max_rel_diff(g, ref) < 1e-2);
        }
    }
}

TEST_CASE("snapshot heatmap: hot at Culiacán in October 2019, cold in an empty window", "[heatmap][render][data]") {
    REQUIRE_DATA_DIR();
    Seeds& s = seeds();
    const auto& b = test::default_boundaries();
    SnapshotOptions o;
    o.width = 1200;
    o.height = 800;
    doc::MapDocument d = relative_viridis_heatmap();
    const RampTable ramp = ramp_table(RampId::Viridis);

    const test::LayerRestorer restore(*s.layer, b);
    // The document's time window: the snapshot applies it to the counts and points too.
    auto render = [&](const char* from, const char* to) {
        test::set_days(d, from, to);
        auto r = render_snapshot(b, d, o, s.layer.get());
        REQUIRE(r);
        return std::move(r).value();
    };
    const double cul_lon = -107.394, cul_lat = 24.809;
    auto october = render("2019-10-01", "2019-10-31");
    const int hot = ramp_index(ramp, pixel(october, cul_lon, cul_lat));
    INFO("Culiacán pixel ramp index " << hot);
    CHECK(hot > 200);  // the window's densest place: the top of the ramp
    // Far from any October 2019 incident (Mérida) the map shows through.
    CHECK(ramp_index(ramp, pixel(october, -89.62, 20.97)) < 0);

    // Cold in an empty window: the same picture as with the surface made invisible.
    auto empty = render("2005-01-01", "2005-12-31");
    test::layer_of(d, doc::LayerKind::Heatmap).opacity = 0.0f;
    auto none = render("2005-01-01", "2005-12-31");
    CHECK(pixel(empty, cul_lon, cul_lat) == pixel(none, cul_lon, cul_lat));
    const bool same_image = empty.image.rgba == none.image.rgba;  // not expanded: megabytes
    CHECK(same_image);
}

// A headless context and a scene showing the seed incidents, for tests that read its legend.
struct SeedScene {
    std::unique_ptr<HeadlessGlContext> context;
    std::unique_ptr<MapScene> scene;
};
SeedScene seed_scene(const geo::Boundaries& b) {
    auto ctx = HeadlessGlContext::create();
    REQUIRE(ctx);
    auto scene = MapScene::create(b);
    REQUIRE(scene);
    (*scene)->set_incidents(seeds().layer.get());
    return {std::move(ctx).value(), std::move(scene).value()};
}

// All of Mexico at 400 x 300 with the heatmap on, month windows on the slider.
SceneParams country_heatmap_params(const geo::Boundaries& b) {
    SceneParams p;
    p.frame.view.width = 400;
    p.frame.view.height = 300;
    p.frame.view.fit(b.municipalities.bbox, 0.02);
    p.heatmap.show = true;
    p.heatmap.opacity = 0.8f;
    p.time_spec = {geo::WindowMode::Moving, geo::WindowUnit::Month, 30};
    return p;
}

TEST_CASE("heatmap scale: fixed stays fixed while the window moves, relative follows it", "[heatmap][render][data]") {
    REQUIRE_DATA_DIR();
    const auto& b = test::default_boundaries();
    const SeedScene seeded = seed_scene(b);
    MapScene* scene = seeded.scene.get();
    SceneParams p = country_heatmap_params(b);
    const FontSet fonts;
    auto top_for = [&](geo::NormalizeMode mode, int year, int month) {
        p.heatmap.style.normalize = mode;
        p.frame.time_from_day = geo::days_from_civil(year, month, 1);
        p.frame.time_to_day = geo::days_from_civil(year, month, geo::days_in_month(year, month));
        scene->draw(p, nullptr, fonts);
        const HeatmapLegend* l = scene->heatmap().legend();
        REQUIRE(l);
        return l->hi;
    };
    // October 2019 (Culiacán, El Aguaje, Tepochica) and November 2019 (LeBarón) differ...
    const double rel_oct = top_for(geo::NormalizeMode::Relative, 2019, 10);
    const double rel_nov = top_for(geo::NormalizeMode::Relative, 2019, 11);
    CHECK(rel_oct > 0);
    CHECK(rel_nov > 0);
    CHECK(rel_oct != Approx(rel_nov).epsilon(1e-3));
    // ...but the fixed scale is the same number in both, and in a month with nothing.
    const double fix_oct = top_for(geo::NormalizeMode::Fixed, 2019, 10);
    const double fix_nov = top_for(geo::NormalizeMode::Fixed, 2019, 11);
    const double fix_empty = top_for(geo::NormalizeMode::Fixed, 2005, 3);
    CHECK(fix_oct == fix_nov);
    CHECK(fix_oct == fix_empty);
    CHECK(fix_oct >= std::max(rel_oct, rel_nov) * (1 - 1e-6));
    // Domain: exactly what the user set.
    p.heatmap.style.domain_min = 0.001;
    p.heatmap.style.domain_max = 0.5;
    CHECK(top_for(geo::NormalizeMode::Domain, 2019, 10) == 0.5);
}

TEST_CASE("heatmap scale: with All time the fixed scale is the all-time window's own top", "[heatmap][render][data]") {
    REQUIRE_DATA_DIR();
    const auto& b = test::default_boundaries();
    const SeedScene seeded = seed_scene(b);
    MapScene* scene = seeded.scene.get();
    doc::MapDocument d;  // all time, month windows on the slider
    REQUIRE(d.time.all_time);
    test::layer_of(d, doc::LayerKind::Heatmap).visible = true;
    FrameContext c;
    c.view.width = 400;
    c.view.height = 300;
    c.view.fit(b.municipalities.bbox, 0.02);
    c.have_incidents = true;
    const FontSet fonts;
    auto top_for = [&](geo::NormalizeMode mode) {
        d.style_of<doc::HeatmapStyle>().normalize = mode;
        scene->draw(scene_params(d, c), nullptr, fonts);
        const HeatmapLegend* l = scene->heatmap().legend();
        REQUIRE(l);
        return l->hi;
    };
    const double relative = top_for(geo::NormalizeMode::Relative), fixed = top_for(geo::NormalizeMode::Fixed);
    CHECK(relative > 0);
    // The all-time surface at its own top, not clipped by a month's (which would be lower).
    CHECK(fixed == Approx(relative).epsilon(1e-5));  // fixed-point sliding bins against a direct surface
    d.time.all_time = false;  // a month: the fixed scale is the months' highest, below all time's
    d.time.from = "2019-10-01";
    d.time.to = "2019-10-31";
    CHECK(top_for(geo::NormalizeMode::Fixed) < relative);
}

TEST_CASE("heatmap scale: relative tops out at the highest cell in view", "[heatmap][render][data]") {
    REQUIRE_DATA_DIR();
    const auto& b = test::default_boundaries();
    const SeedScene seeded = seed_scene(b);
    MapScene* scene = seeded.scene.get();
    SceneParams p = country_heatmap_params(b);
    p.frame.time_from_day = geo::days_from_civil(2019, 10, 1);
    p.frame.time_to_day = geo::days_from_civil(2019, 10, 31);
    const FontSet fonts;
    auto top_for = [&](geo::NormalizeMode mode) {
        p.heatmap.style.normalize = mode;
        scene->draw(p, nullptr, fonts);
        const HeatmapLegend* l = scene->heatmap().legend();
        REQUIRE(l);
        return l->hi;
    };
    // October 2019 over the whole country: the top is the grid's highest cell.
    const double whole = top_for(geo::NormalizeMode::Relative);
    const geo::DensityGrid* grid = scene->heatmap().grid();
    REQUIRE(grid);
    CHECK(whole == Approx(grid->max_value()));
    const double fixed_whole = top_for(geo::NormalizeMode::Fixed);

    // Zoomed on each October hot spot in turn (Culiacán; El Aguaje, Michoacán; Tepochica,
    // Guerrero): the top is that place's own highest cell, at most the country's, and the
    // weaker places' tops are below it: they would be faint under the country's scale.
    const double places[3][2] = {{-107.393756, 24.808808}, {-102.710458, 18.991195}, {-99.523057, 18.302490}};
    std::vector<double> tops;
    for (const auto& at : places) {
        p.frame.view.center = test::to_6372(at[0], at[1]);
        p.frame.view.metres_per_pixel = 250;  // 100 km across
        const double top = top_for(geo::NormalizeMode::Relative);
        CHECK(top > 0);
        CHECK(top <= whole * (1 + 1e-6));
        CHECK(top == Approx(grid->max_value_within(p.frame.view.visible())));
        tops.push_back(top);
        // The fixed scale does not follow the view.
        CHECK(top_for(geo::NormalizeMode::Fixed) == fixed_whole);
    }
    CHECK(*std::min_element(tops.begin(), tops.end()) < whole * 0.9);
    CHECK(*std::max_element(tops.begin(), tops.end()) == Approx(whole));
    // A view with no incident near: nothing to scale to, no surface drawn.
    p.frame.view.center = test::to_6372(-89.62, 20.97);  // Mérida
    CHECK(top_for(geo::NormalizeMode::Relative) == 0);
    const HeatmapLegend* l = scene->heatmap().legend();
    REQUIRE(l);
    CHECK_THAT(l->scale_note, Catch::Contains("in view"));
}

TEST_CASE("snapshot heatmap: zoomed on a lesser hot spot, it reaches the top of the ramp", "[heatmap][render][data]") {
    REQUIRE_DATA_DIR();
    Seeds& s = seeds();
    const auto& b = test::default_boundaries();
    SnapshotOptions o;
    o.width = 600;
    o.height = 400;
    doc::MapDocument d = relative_viridis_heatmap();
    const RampTable ramp = ramp_table(RampId::Viridis);
    const test::LayerRestorer restore(*s.layer, b);
    test::set_days(d, "2019-10-01", "2019-10-31");
    // The weakest of October's three hot spots, found from the surface itself.
    const double places[3][2] = {{-107.393756, 24.808808}, {-102.710458, 18.991195}, {-99.523057, 18.302490}};
    int weakest = -1;
    int weakest_index = 256;
    auto whole = render_snapshot(b, d, o, s.layer.get());
    REQUIRE(whole);
    for (int k = 0; k < 3; ++k) {
        const int index = ramp_index(ramp, pixel(*whole, places[k][0], places[k][1]));
        if (index >= 0 && index < weakest_index) weakest_index = index, weakest = k;
    }
    REQUIRE(weakest >= 0);
    INFO("weakest hot spot " << weakest << " at ramp index " << weakest_index << " in the country's view");
    CHECK(weakest_index < 200);  // faint beside the strongest
    // Zoomed on it (about 120 km across), it is the view's densest place: the top of the ramp.
    d.view.extent = doc::Extent{places[weakest][0], places[weakest][1], 120000, 80000};
    auto zoomed = render_snapshot(b, d, o, s.layer.get());
    REQUIRE(zoomed);
    const int index = ramp_index(ramp, pixel(*zoomed, places[weakest][0], places[weakest][1]));
    INFO("zoomed: ramp index " << index);
    CHECK(index > 200);
}
