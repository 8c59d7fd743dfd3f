#pragma once
// Colours of hot spot maps, as analysts know them from the reference tools: ArcGIS's hot/cold
// classes (Gi_Bin: reds for hot spots at 90/95/99 %, blues for cold, pale yellow-grey for not
// significant), GeoDa's LISA cluster colours (High-High red, Low-Low blue, Low-High light blue,
// High-Low light red), and a red/blue family for the 17 emerging hot spot categories.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "document/MapDocument.hpp"
#include "mirador/stats/EmergingHotSpots.hpp"
#include "mirador/stats/Significance.hpp"

namespace mirador {

using doc::HotspotMapKind;

// A legend of colour swatches, each with its label, under a title.
struct SwatchLegend {
    std::string title;
    std::vector<std::pair<std::uint32_t, std::string>> rows;
};

// What a hot spot map paints: one class per municipality (a Gi_Bin -3..3, a LisaCluster or an
// EmergingCategory, by kind; kNoClass: no result, drawn grey).
struct HotspotMap {
    static constexpr int kNoClass = -100;
    HotspotMapKind kind = HotspotMapKind::GiStar;
    std::vector<int> classes;
    std::string title;
};

std::uint32_t gistar_class_color(int gi_bin);
std::uint32_t lisa_cluster_color(stats::LisaCluster c);
std::uint32_t emerging_category_color(stats::EmergingCategory c);
std::uint32_t hotspot_no_result_color();

// RGBA8 per municipality and the legend (only the classes present, plus not significant).
std::vector<std::uint32_t> hotspot_fill_colors(const HotspotMap& map, SwatchLegend* legend);

}  // namespace mirador
