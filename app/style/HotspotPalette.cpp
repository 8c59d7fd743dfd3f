#include "style/HotspotPalette.hpp"

#include <algorithm>
#include <cstdlib>

#include "style/Palette.hpp"

namespace mirador {

namespace {
std::uint32_t rgb(int r, int g, int b) { return pack_rgba(r / 255.0f, g / 255.0f, b / 255.0f, 1.0f); }
}  // namespace

std::uint32_t gistar_class_color(int c) {
    // ArcGIS Pro's default Gi_Bin symbology.
    switch (c) {
    case 3: return rgb(215, 48, 39);
    case 2: return rgb(237, 117, 81);
    case 1: return rgb(250, 185, 132);
    case -1: return rgb(192, 204, 190);
    case -2: return rgb(132, 158, 186);
    case -3: return rgb(69, 117, 181);
    default: return rgb(240, 240, 228);
    }
}

std::uint32_t lisa_cluster_color(stats::LisaCluster c) {
    // GeoDa's LISA cluster map.
    switch (c) {
    case stats::LisaCluster::HighHigh: return rgb(255, 0, 0);
    case stats::LisaCluster::LowLow: return rgb(0, 0, 255);
    case stats::LisaCluster::LowHigh: return rgb(167, 173, 249);
    case stats::LisaCluster::HighLow: return rgb(244, 173, 168);
    case stats::LisaCluster::Neighbourless: return rgb(70, 70, 70);
    default: return rgb(238, 238, 238);
    }
}

std::uint32_t emerging_category_color(stats::EmergingCategory c) {
    static const int colors[17][3] = {
        {240, 240, 240},                                                     // no pattern
        {255, 0, 191},   {215, 48, 31},  {127, 0, 0},    {239, 101, 72},     // new, consecutive, intensifying, persistent hot
        {252, 141, 89},  {253, 187, 132}, {253, 212, 158}, {160, 110, 80},  // diminishing, sporadic, oscillating, historical hot
        {0, 191, 255},   {5, 112, 176},  {2, 56, 88},    {54, 144, 192},     // new, consecutive, intensifying, persistent cold
        {116, 169, 207}, {166, 189, 219}, {208, 209, 230}, {90, 110, 140}};  // diminishing, sporadic, oscillating, historical cold
    const auto* v = colors[static_cast<int>(c)];
    return rgb(v[0], v[1], v[2]);
}

std::uint32_t hotspot_no_result_color() { return rgb(190, 190, 190); }

std::vector<std::uint32_t> hotspot_fill_colors(const HotspotMap& map, SwatchLegend* legend) {
    std::vector<std::uint32_t> colors(map.classes.size());
    std::vector<int> present;
    bool no_result = false;
    for (std::size_t i = 0; i < map.classes.size(); ++i) {
        const int c = map.classes[i];
        if (c == HotspotMap::kNoClass) {
            colors[i] = hotspot_no_result_color();
            no_result = true;
            continue;
        }
        switch (map.kind) {
        case HotspotMapKind::GiStar: colors[i] = gistar_class_color(c); break;
        case HotspotMapKind::Lisa: colors[i] = lisa_cluster_color(static_cast<stats::LisaCluster>(c)); break;
        case HotspotMapKind::Emerging: colors[i] = emerging_category_color(static_cast<stats::EmergingCategory>(c)); break;
        }
        present.push_back(c);
    }
    if (!legend) return colors;
    legend->title = map.title;
    legend->rows.clear();
    auto has = [&](int c) { return std::find(present.begin(), present.end(), c) != present.end(); };
    switch (map.kind) {
    case HotspotMapKind::GiStar:
        for (int c = 3; c >= -3; --c)
            legend->rows.push_back({gistar_class_color(c), stats::hotspot_class_name(c)});
        break;
    case HotspotMapKind::Lisa:
        for (int c : {1, 2, 3, 4, 0, 5})
            if (has(c) || c <= 4)
                legend->rows.push_back({lisa_cluster_color(static_cast<stats::LisaCluster>(c)),
                                        stats::lisa_cluster_name(static_cast<stats::LisaCluster>(c))});
        break;
    case HotspotMapKind::Emerging:
        for (int c = 1; c < stats::kEmergingCategoryCount; ++c)
            if (has(c))
                legend->rows.push_back({emerging_category_color(static_cast<stats::EmergingCategory>(c)),
                                        stats::emerging_category_name(static_cast<stats::EmergingCategory>(c))});
        legend->rows.push_back({emerging_category_color(stats::EmergingCategory::NoPattern), "no pattern detected"});
        break;
    }
    if (no_result) legend->rows.push_back({hotspot_no_result_color(), "no result (no neighbour)"});
    return colors;
}

}  // namespace mirador
