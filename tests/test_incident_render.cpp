#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <stdexcept>

#include "IncidentFixtures.hpp"
#include "DocumentHelpers.hpp"
#include "TestData.hpp"
#include "commands/Snapshot.hpp"
#include "style/Palette.hpp"

using namespace mirador;

namespace {

using Loaded = test::PlacedIncidents;

// The stats fixture (tests/fixtures), placed on the bundled boundaries.
Loaded& fixture() { return test::placed_incidents(MIRADOR_TEST_FIXTURES "/stats-fixture.csv"); }

std::array<int, 3> at(const SnapshotResult& s, geo::Vec2 p) {
    const geo::Vec2 px = s.view.map_to_screen(p);
    const auto* c = s.image.at(static_cast<int>(px.x), static_cast<int>(px.y));
    return {c[0], c[1], c[2]};
}

}  // namespace

TEST_CASE("snapshot with incidents: discs in their category colour, choropleth fills", "[render][incidents][data]") {
    REQUIRE_DATA_DIR();
    Loaded& x = fixture();
    const auto& b = test::default_boundaries();
    SnapshotOptions o;
    o.width = 1600;
    o.height = 1000;
    doc::MapDocument d;
    test::show_layer(d, doc::LayerKind::Labels, false);
    auto& fill = d.style_of<doc::FillStyle>();
    fill.measure = ChoroplethMeasure::Incidents;
    fill.method = geo::ClassMethod::EqualInterval;
    fill.classes = 3;
    auto s = render_snapshot(b, d, o, x.layer.get());
    REQUIRE(s);

    // Over the whole range Culiacán has the most incidents (4): the darkest class. A
    // municipality with none (Mérida) has the pale "no incident" fill.
    ChoroplethLegend legend;
    const auto fills = choropleth_colors(b, *x.layer, fill, &legend);
    const long culiacan = b.municipalities.find_code("25006"), merida = b.municipalities.find_code("31050");
    CHECK(fills[static_cast<std::size_t>(culiacan)] == legend.colors.back());
    CHECK(fills[static_cast<std::size_t>(merida)] == legend.zero_color);

    // Bavispe's massacre (a8): the disc's centre has the massacre colour, drawn at the
    // default 90 % opacity over Bavispe's fill.
    float colors[9][4];
    category_colors(colors);
    const float points_opacity = test::layer_of(d, doc::LayerKind::Points).opacity;
    CHECK(points_opacity == 0.9f);  // the document's default
    std::uint8_t under[4];
    unpack_rgba(fills[static_cast<std::size_t>(b.municipalities.find_code("26015"))], under);
    const auto massacre = at(*s, test::to_6372(-108.9409, 30.4801));
    for (int c = 0; c < 3; ++c) {
        const double expect = points_opacity * colors[2][c] * 255 + (1 - points_opacity) * under[c];
        CHECK(std::abs(massacre[static_cast<std::size_t>(c)] - expect) <= 3);
    }
    std::uint8_t want[4];
    unpack_rgba(legend.zero_color, want);
    const auto px = at(*s, b.municipality_anchor[static_cast<std::size_t>(merida)]);
    CHECK(std::abs(px[0] - want[0]) <= 2);
    CHECK(std::abs(px[1] - want[1]) <= 2);
    CHECK(std::abs(px[2] - want[2]) <= 2);
}

TEST_CASE("filters apply to points and counts alike", "[incidents][data]") {
    REQUIRE_DATA_DIR();
    Loaded& x = fixture();
    const auto& b = test::default_boundaries();
    IncidentLayer& l = *x.layer;
    const test::LayerRestorer restore(l, b);
    l.filters.filter.category = geo::IncidentCategory::Massacre;
    l.apply_filters(b, nullptr);
    CHECK(l.visible_count == 1);
    CHECK(l.by_municipality.counted == 1);
    l.filters.filter.category.reset();
    l.filters.text = "village";  // a4's notes: "a village of Iguala"
    l.apply_filters(b, nullptr);
    CHECK(l.visible_count == 1);
    REQUIRE(l.by_municipality.units.size() == 1);
    CHECK(b.municipalities.attributes[l.by_municipality.units[0].unit].code == "12035");
    l.filters = {};
    l.apply_filters(b, nullptr);
    CHECK(l.visible_count == 9);  // a9 is not placed
}

TEST_CASE("the time window moves the counts, not the filters' masks", "[incidents][time][data]") {
    REQUIRE_DATA_DIR();
    Loaded& x = fixture();
    const auto& b = test::default_boundaries();
    IncidentLayer& l = *x.layer;
    const test::LayerRestorer restore(l, b);
    l.filters.filter.min_fatalities = 2;  // leaves out a2 (no count), a7 (0), a9 (1)
    l.apply_filters(b, nullptr);
    const auto masks = std::make_pair(l.included, l.visible);

    const geo::DayRange october{geo::days_from_civil(2019, 10, 1), geo::days_from_civil(2019, 10, 31)};
    l.set_time_window(october, b, nullptr);
    CHECK(l.included == masks.first);
    CHECK(l.visible == masks.second);
    // Whatever `mirador stats` counts for the same filter and month.
    geo::IncidentFilter f = l.filters.filter;
    f.from_day = october.from;
    f.to_day = october.to;
    const geo::Aggregation want = geo::aggregate(l.store, l.placed, b, f, geo::AggregateBy::Municipality, nullptr);
    CHECK(l.by_municipality.counted == want.counted);
    CHECK(l.by_municipality.unplaced == want.unplaced);
    REQUIRE(l.by_municipality.units.size() == want.units.size());
    for (std::size_t k = 0; k < want.units.size(); ++k) {
        CHECK(l.by_municipality.units[k].unit == want.units[k].unit);
        CHECK(l.by_municipality.units[k].incidents == want.units[k].incidents);
    }
    // a1, a3 (October), a4, a6, a10 (2019): whole incidents wherever their days overlap.
    CHECK(l.visible_count == 5);
    const long a5 = l.store.find_id("a5");
    REQUIRE(a5 >= 0);
    CHECK(!l.shown(static_cast<std::size_t>(a5)));

    l.set_time_window(std::nullopt, b, nullptr);
    CHECK(l.visible_count == 7);
    CHECK(l.shown(static_cast<std::size_t>(a5)));
    // The bars count each included incident once, spreading a3 and a10 over their days.
    double bars = 0;
    for (double c : l.histogram.counts) bars += c;
    CHECK(bars == Approx(7.0));
}
