// The hot spot layer's pixels: a known hot municipality is drawn in the hot colour.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <thread>

#include "IncidentFixtures.hpp"
#include "TestData.hpp"
#include "commands/Snapshot.hpp"
#include "mirador/geo/CountTable.hpp"
#include "mirador/geo/Geocoder.hpp"
#include "mirador/stats/HotspotAnalysis.hpp"
#include "scene/HotspotLayer.hpp"
#include "style/HotspotPalette.hpp"
#include "style/Palette.hpp"

using namespace mirador;

namespace {

// INEGI's homicides registered in 2010 per municipality of the bundled boundaries, with the
// 2020 population.
stats::HotspotInput homicides_2010(const geo::Boundaries& b) {
    auto table = geo::load_count_table(test::data_dir() + "/incidents/inegi_homicide_deaths_mun_month_1990_2015.csv",
                                       geo::CountLayout::Inegi);
    REQUIRE(table);
    auto population = geo::load_population(test::data_dir() + "/mx/population_2020.csv");
    REQUIRE(population);
    std::vector<std::string> codes;
    stats::HotspotInput in;
    for (const auto& a : b.municipalities.attributes) {
        codes.push_back(a.code);
        in.population.push_back(static_cast<double>(population->at(a.code)));
    }
    auto window = geo::count_window("2010", "2010", *table);
    REQUIRE(window);
    const auto c = geo::count_units(*table, codes, std::vector<std::uint8_t>(table->rows.size(), 1), *window);
    in.count = c.count;
    in.fatalities = c.count;
    return in;
}

void check_pixel(const SnapshotResult& shot, const geo::Boundaries& b, const char* code, std::uint32_t expected) {
    const long m = b.municipalities.find_code(code);
    REQUIRE(m >= 0);
    const geo::Vec2 p = shot.view.map_to_screen(b.municipality_anchor[static_cast<std::size_t>(m)]);
    const int x = static_cast<int>(std::lround(p.x)), y = static_cast<int>(std::lround(p.y));
    REQUIRE(x >= 0);
    REQUIRE(y >= 0);
    REQUIRE(x < shot.image.width);
    REQUIRE(y < shot.image.height);
    std::uint8_t want[4];
    unpack_rgba(expected, want);
    const std::uint8_t* got = shot.image.at(x, y);
    INFO(code << " at " << x << "," << y << ": got " << int(got[0]) << "," << int(got[1]) << "," << int(got[2])
              << " want " << int(want[0]) << "," << int(want[1]) << "," << int(want[2]));
    for (int k = 0; k < 3; ++k) CHECK(std::abs(int(got[k]) - int(want[k])) <= 2);
}

}  // namespace

TEST_CASE("Hot spot layer: Culiacán is a 99 % hot spot of 2010's homicides, Mérida a Low-Low cluster", "[hotspots][render]") {
    REQUIRE_DATA_DIR();
    const geo::Boundaries& b = test::default_boundaries();
    const auto in = homicides_2010(b);
    const auto weights = stats::contiguity_weights(b.municipalities, stats::Contiguity::Queen);
    stats::HotspotOptions o;
    o.value = stats::HotspotValue::EbRate;
    o.permutation.permutations = 199;
    const auto r = stats::run_hotspots(in, weights, o);
    const long culiacan = b.municipalities.find_code("25006");
    REQUIRE(r.gistar_class[static_cast<std::size_t>(culiacan)] == 3);

    SnapshotOptions so;
    so.width = 1200;
    so.height = 800;
    doc::MapDocument d;
    d.find(doc::LayerKind::Labels)->visible = false;
    HotspotMap map;
    map.kind = HotspotMapKind::GiStar;
    map.classes = r.gistar_class;
    map.title = "Gi*";
    so.hotspot_map = map;
    auto shot = render_snapshot(b, d, so, nullptr);
    REQUIRE(shot);
    check_pixel(*shot, b, "25006", gistar_class_color(3));
    check_pixel(*shot, b, "31050", gistar_class_color(0));

    map.kind = HotspotMapKind::Lisa;
    for (std::size_t i = 0; i < map.classes.size(); ++i) map.classes[i] = static_cast<int>(r.lisa_cluster[i]);
    REQUIRE(r.lisa_cluster[static_cast<std::size_t>(b.municipalities.find_code("31050"))] == stats::LisaCluster::LowLow);
    so.hotspot_map = map;
    auto lisa = render_snapshot(b, d, so, nullptr);
    REQUIRE(lisa);
    check_pixel(*lisa, b, "31050", lisa_cluster_color(stats::LisaCluster::LowLow));
    check_pixel(*lisa, b, "25006", lisa_cluster_color(stats::LisaCluster::HighHigh));
}

TEST_CASE("The window's hot spot layer computes off the UI thread and follows the filters", "[hotspots][render]") {
    REQUIRE_DATA_DIR();
    auto& placed = test::placed_incidents(test::assets_dir() + "/incidents/seed-incidents.csv");
    IncidentLayer& incidents = *placed.layer;
    const geo::Boundaries& b = test::default_boundaries();
    incidents.apply_filters(b, nullptr);
    HotspotLayer layer;
    HotspotSettings s;
    s.permutations = 99;
    auto wait = [&] {
        for (int k = 0; k < 3000 && !layer.poll(); ++k) std::this_thread::sleep_for(std::chrono::milliseconds(2));
        REQUIRE(layer.outcome());
    };
    layer.request(s, true, incidents, b, nullptr);
    CHECK(layer.busy());  // request() returned while the work goes on
    wait();
    const HotspotOutcome* o = layer.outcome();
    REQUIRE(o->error.empty());
    CHECK(o->map.classes.size() == b.municipalities.feature_count());
    double total = 0;
    for (const double c : o->input.count) total += c;
    CHECK(total == static_cast<double>(incidents.by_municipality.counted));

    // Nothing changed: no new computation.
    layer.request(s, true, incidents, b, nullptr);
    CHECK_FALSE(layer.busy());
    // A filter changes the counts: a new computation, with the filtered counts.
    incidents.filters.filter.min_fatalities = 5;
    incidents.apply_filters(b, nullptr);
    layer.request(s, true, incidents, b, nullptr);
    wait();
    total = 0;
    for (const double c : layer.outcome()->input.count) total += c;
    CHECK(total == static_cast<double>(incidents.by_municipality.counted));
    // A rate without population is refused with a message, not a crash.
    s.value = stats::HotspotValue::Rate;
    layer.request(s, true, incidents, b, nullptr);
    wait();
    CHECK_FALSE(layer.outcome()->error.empty());
    // Emerging hot spots by year over the catalogue's years.
    s.value = stats::HotspotValue::Count;
    s.map = HotspotMapKind::Emerging;
    incidents.filters.filter.min_fatalities = 0;
    incidents.apply_filters(b, nullptr);
    layer.request(s, true, incidents, b, nullptr);
    wait();
    INFO(layer.outcome()->error);
    CHECK(layer.outcome()->period_labels.size() >= 2);
    CHECK(layer.outcome()->emerging.units.size() == b.municipalities.feature_count());
}
