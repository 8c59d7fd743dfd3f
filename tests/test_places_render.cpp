// Honest places on the map (issue 9, item 4): positions that stand for a place are drawn as
// rings, incidents stacked on one position as one marker with their count; picking and the
// tooltip's words follow.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <stdexcept>

#include "MappedIncidents.hpp"
#include "DocumentHelpers.hpp"
#include "TestData.hpp"
#include "commands/Snapshot.hpp"
#include "style/Palette.hpp"

using namespace mirador;

namespace {

// The UCDP-layout fixture through the shipped preset, placed on the bundled boundaries (no
// gazetteer: every row has coordinates).
struct UcdpLayer {
    std::unique_ptr<geo::Geocoder> geocoder;
    std::unique_ptr<IncidentLayer> layer;
};

UcdpLayer& ucdp_layer() {
    static UcdpLayer x = [] {
        UcdpLayer u;
        u.geocoder = std::make_unique<geo::Geocoder>(test::default_boundaries(), nullptr, nullptr);
        std::vector<std::string> problems;
        auto l = load_incident_layer({test::kUcdpFixture, "", MIRADOR_ASSETS_DIR "/mappings/ucdp-ged.txt"},
                                     *u.geocoder, nullptr, problems);
        if (!l) throw std::runtime_error(l.error());
        u.layer = std::move(l).value();
        return u;
    }();
    return x;
}

std::size_t index_of(const IncidentLayer& l, const char* id) { return test::index_of(l.store, id); }

struct Pixel {
    int r, g, b;
    bool operator==(const Pixel&) const = default;
};

Pixel at(const SnapshotResult& s, geo::Vec2 map, double dx = 0, double dy = 0) {
    const geo::Vec2 px = s.view.map_to_screen(map);
    const auto* c = s.image.at(static_cast<int>(std::lround(px.x + dx)), static_cast<int>(std::lround(px.y + dy)));
    return {c[0], c[1], c[2]};
}

int distance(Pixel a, Pixel b) { return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b); }

// Central Mexico (Zacatecas to Guanajuato) without labels, with and without the points.
// `from`, `to`: a time window (ISO days); none: all time.
std::pair<SnapshotResult, SnapshotResult> central_mexico(IncidentLayer& l, const char* from = nullptr,
                                                         const char* to = nullptr) {
    SnapshotOptions o;
    o.width = 900;
    o.height = 700;
    doc::MapDocument d;
    test::show_layer(d, doc::LayerKind::Labels, false);
    test::frame_box(d, LonLatBox{-104.0, 20.0, -100.0, 23.8});
    if (from) test::set_days(d, from, to);
    auto with = render_snapshot(test::default_boundaries(), d, o, &l);
    test::show_layer(d, doc::LayerKind::Points, false);
    auto without = render_snapshot(test::default_boundaries(), d, o, &l);
    if (!with || !without) throw std::runtime_error(with ? without.error() : with.error());
    return {std::move(with).value(), std::move(without).value()};
}

}  // namespace

TEST_CASE("stand-in positions are drawn as rings, places themselves as filled discs", "[render][incidents][places]") {
    IncidentLayer& l = *ucdp_layer().layer;
    const auto& b = test::default_boundaries();
    l.set_time_window(std::nullopt, b, nullptr);
    const auto [with, without] = central_mexico(l);
    const std::size_t leon = index_of(l, "u2"), zacatecas = index_of(l, "u5");
    REQUIRE(l.placed.exact(leon));
    REQUIRE_FALSE(l.placed.exact(zacatecas));
    float colors[9][4];
    category_colors(colors);

    // León (where_prec 2, a point): the centre has the category's colour.
    const Pixel leon_centre = at(with, l.display_xy[leon]);
    const auto& civ = colors[static_cast<int>(geo::IncidentCategory::AttackOnCivilians)];
    const Pixel under_leon = at(without, l.display_xy[leon]);
    const float alpha = FrameParams{}.points_opacity;
    const Pixel want{int(std::lround(alpha * civ[0] * 255 + (1 - alpha) * under_leon.r)),
                     int(std::lround(alpha * civ[1] * 255 + (1 - alpha) * under_leon.g)),
                     int(std::lround(alpha * civ[2] * 255 + (1 - alpha) * under_leon.b))};
    CHECK(distance(leon_centre, want) <= 9);

    // The Fresnillo-Jerez road (where_prec 5, an estimated point): the map shows through the
    // middle, the category's colour is on the ring (radius 3 + 1.6 * sqrt(4) = 6.2 px; ring
    // 3 to 5 px from the centre).
    const geo::Vec2 road = l.display_xy[zacatecas];
    CHECK(at(with, road) == at(without, road));
    const auto& clash = colors[static_cast<int>(geo::IncidentCategory::ArmedClash)];
    int ring_hits = 0;
    for (const auto& [dx, dy] : {std::pair{4.0, 0.0}, std::pair{-4.0, 0.0}, std::pair{0.0, 4.0}, std::pair{0.0, -4.0}}) {
        const Pixel p = at(with, road, dx, dy), u = at(without, road, dx, dy);
        const Pixel w{int(std::lround(alpha * clash[0] * 255 + (1 - alpha) * u.r)),
                      int(std::lround(alpha * clash[1] * 255 + (1 - alpha) * u.g)),
                      int(std::lround(alpha * clash[2] * 255 + (1 - alpha) * u.b))};
        ring_hits += distance(p, w) <= 12;
    }
    CHECK(ring_hits == 4);

    // The choropleth follows the counts: Dolores Hidalgo, which holds Guanajuato's centroid,
    // has no incident; León has one.
    ChoroplethStyle style;
    style.measure = ChoroplethMeasure::Incidents;
    ChoroplethLegend legend;
    const auto fills = choropleth_colors(b, l, style, &legend);
    CHECK(fills[static_cast<std::size_t>(b.municipalities.find_code("11014"))] == legend.zero_color);
    CHECK(fills[static_cast<std::size_t>(b.municipalities.find_code("11020"))] != legend.zero_color);

    // And the tooltip says what the position stands for.
    CHECK(l.stand_in_note(leon, b).empty());
    CHECK_THAT(l.stand_in_note(zacatecas, b), Catch::Contains("Estimated location in Zacatecas"));
    CHECK_THAT(l.stand_in_note(index_of(l, "u4"), b),
               Catch::Contains("Known only to the state (Guanajuato)") && Catch::Contains("no municipality"));
    CHECK_THAT(l.stand_in_note(index_of(l, "u7"), b), Catch::Contains("Mexico only"));
    CHECK_THAT(l.stand_in_note(index_of(l, "u3"), b), Catch::Contains("its municipality"));
}

TEST_CASE("incidents stacked on one position: one marker with their count, picked and listed together",
          "[render][incidents][places]") {
    IncidentLayer& l = *ucdp_layer().layer;
    const auto& b = test::default_boundaries();
    const std::size_t u4 = index_of(l, "u4"), u9 = index_of(l, "u9");
    REQUIRE(l.display_xy[u4].x == l.display_xy[u9].x);
    REQUIRE(l.display_xy[u4].y == l.display_xy[u9].y);
    l.set_time_window(std::nullopt, b, nullptr);
    REQUIRE(l.stack_markers.size() == 1);
    const StackMarker& k = l.stack_markers[0];
    CHECK(k.count == 2);
    CHECK(k.fatalities == 16);
    CHECK(k.hollow);
    CHECK(k.first == std::min(u4, u9));
    // Each incident's own disc is left to the marker.
    const auto single = l.drawn_singly();
    CHECK(single[u4] == 0);
    CHECK(single[u9] == 0);
    CHECK(single[index_of(l, "u2")] == 1);

    // The count is written on the marker: white text at its centre, where a single ring has
    // the map showing through.
    const geo::Vec2 centre = l.display_xy[u4];
    auto white_near_centre = [&](const SnapshotResult& s) {
        int white = 0;
        for (int dy = -4; dy <= 4; ++dy)
            for (int dx = -3; dx <= 3; ++dx) {
                const Pixel p = at(s, centre, dx, dy);
                white += p.r > 235 && p.g > 235 && p.b > 235;
            }
        return white;
    };
    {
        const auto [with, without] = central_mexico(l);
        CHECK(white_near_centre(with) >= 4);
        CHECK(white_near_centre(without) == 0);
        // Picking at the marker finds its first incident; the tooltip lists both.
        const geo::Vec2 px = with.view.map_to_screen(centre);
        CHECK(l.pick(with.view, px.x, px.y, 8.0) == static_cast<long>(k.first));
        CHECK(l.shown_at(k.first) == std::vector<std::uint32_t>{static_cast<std::uint32_t>(std::min(u4, u9)),
                                                                static_cast<std::uint32_t>(std::max(u4, u9))});
    }
    // September 2019 holds only u4: a marker of one, no count, and u9 is not listed.
    const geo::DayRange september{geo::days_from_civil(2019, 9, 1), geo::days_from_civil(2019, 9, 30)};
    l.set_time_window(september, b, nullptr);
    REQUIRE(l.stack_markers.size() == 1);
    CHECK(l.stack_markers[0].count == 1);
    CHECK(l.stack_markers[0].first == u4);
    CHECK(l.shown_at(u4) == std::vector<std::uint32_t>{static_cast<std::uint32_t>(u4)});
    {
        const auto [with, without] = central_mexico(l, "2019-09-01", "2019-09-30");
        CHECK(white_near_centre(with) == 0);
        CHECK(at(with, centre, 5, 0) != at(without, centre, 5, 0));  // the ring is still drawn
    }
    l.set_time_window(std::nullopt, b, nullptr);
}
