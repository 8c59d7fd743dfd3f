#pragma once
// The names every enum of the document has in project files and on the command line: one
// table per enum, so a name means the same in both and a new value cannot be forgotten in one.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "document/MapDocument.hpp"

namespace mirador::doc {

template <class E>
struct EnumNames;  // specialised below: static constexpr std::array<std::pair<E, const char*>, N> values

#define MIRADOR_ENUM_NAMES(E, ...)                                                                  \
    template <>                                                                                     \
    struct EnumNames<E> {                                                                           \
        static constexpr std::pair<E, const char*> values[] = {__VA_ARGS__};                        \
    }

MIRADOR_ENUM_NAMES(ChoroplethMeasure, {ChoroplethMeasure::None, "none"}, {ChoroplethMeasure::Incidents, "incidents"},
                   {ChoroplethMeasure::Fatalities, "fatalities"}, {ChoroplethMeasure::Rate, "rate"});
MIRADOR_ENUM_NAMES(geo::ClassMethod, {geo::ClassMethod::Quantiles, "quantiles"},
                   {geo::ClassMethod::EqualInterval, "equal-interval"}, {geo::ClassMethod::NaturalBreaks, "natural-breaks"});
MIRADOR_ENUM_NAMES(geo::KernelShape, {geo::KernelShape::Quartic, "quartic"}, {geo::KernelShape::Epanechnikov, "epanechnikov"},
                   {geo::KernelShape::Gaussian, "gaussian"});
MIRADOR_ENUM_NAMES(geo::DensityWeight, {geo::DensityWeight::Count, "count"}, {geo::DensityWeight::Fatalities, "fatalities"});
MIRADOR_ENUM_NAMES(geo::NormalizeMode, {geo::NormalizeMode::Fixed, "fixed"}, {geo::NormalizeMode::Domain, "domain"},
                   {geo::NormalizeMode::Relative, "relative"});
MIRADOR_ENUM_NAMES(RampId, {RampId::Viridis, "viridis"}, {RampId::Inferno, "inferno"}, {RampId::Magma, "magma"},
                   {RampId::Cividis, "cividis"}, {RampId::YlOrRd, "ylorrd"});
MIRADOR_ENUM_NAMES(DensityEngineChoice, {DensityEngineChoice::Auto, "auto"}, {DensityEngineChoice::Cpu, "cpu"},
                   {DensityEngineChoice::Gpu, "gpu"});
MIRADOR_ENUM_NAMES(LayerKind, {LayerKind::Fill, "fill"}, {LayerKind::Heatmap, "heatmap"}, {LayerKind::Borders, "boundaries"},
                   {LayerKind::Points, "points"}, {LayerKind::Labels, "labels"}, {LayerKind::Hotspots, "hotspots"});
MIRADOR_ENUM_NAMES(HotspotMapKind, {HotspotMapKind::GiStar, "gistar"}, {HotspotMapKind::Lisa, "lisa"},
                   {HotspotMapKind::Emerging, "emerging"});
MIRADOR_ENUM_NAMES(NeighbourRule, {NeighbourRule::Queen, "queen"}, {NeighbourRule::Rook, "rook"}, {NeighbourRule::Knn, "knn"});
MIRADOR_ENUM_NAMES(HotspotPeriod, {HotspotPeriod::Month, "month"}, {HotspotPeriod::Quarter, "quarter"},
                   {HotspotPeriod::Year, "year"});
MIRADOR_ENUM_NAMES(stats::HotspotValue, {stats::HotspotValue::Count, "count"}, {stats::HotspotValue::Fatalities, "fatalities"},
                   {stats::HotspotValue::Rate, "rate"}, {stats::HotspotValue::EbRate, "eb-rate"});
MIRADOR_ENUM_NAMES(stats::PValueRule, {stats::PValueRule::Folded, "folded"}, {stats::PValueRule::TwoSided, "two-sided"});
MIRADOR_ENUM_NAMES(stats::Correction, {stats::Correction::None, "none"}, {stats::Correction::Bonferroni, "bonferroni"},
                   {stats::Correction::Fdr, "fdr"});
MIRADOR_ENUM_NAMES(geo::IncidentCategory, {geo::IncidentCategory::ArmedClash, "armed clash"},
                   {geo::IncidentCategory::Ambush, "ambush"}, {geo::IncidentCategory::Massacre, "massacre"},
                   {geo::IncidentCategory::ArrestCapture, "arrest/capture"},
                   {geo::IncidentCategory::AttackOnCivilians, "attack on civilians"},
                   {geo::IncidentCategory::PrisonEscape, "prison escape"},
                   {geo::IncidentCategory::Disappearance, "disappearance"},
                   {geo::IncidentCategory::MilitaryOperation, "military operation"}, {geo::IncidentCategory::Other, "other"});
MIRADOR_ENUM_NAMES(geo::WindowMode, {geo::WindowMode::Moving, "moving"}, {geo::WindowMode::Cumulative, "cumulative"});
MIRADOR_ENUM_NAMES(geo::WindowUnit, {geo::WindowUnit::Day, "day"}, {geo::WindowUnit::Week, "week"},
                   {geo::WindowUnit::Month, "month"}, {geo::WindowUnit::Quarter, "quarter"}, {geo::WindowUnit::Year, "year"},
                   {geo::WindowUnit::Custom, "custom"});
MIRADOR_ENUM_NAMES(geo::DisplayCrs, {geo::DisplayCrs::Mexico6372, "EPSG:6372"}, {geo::DisplayCrs::WebMercator3857, "EPSG:3857"});
MIRADOR_ENUM_NAMES(geo::CountLayout, {geo::CountLayout::Auto, "auto"}, {geo::CountLayout::Long, "long"},
                   {geo::CountLayout::Sesnsp, "sesnsp"}, {geo::CountLayout::Inegi, "inegi"});
MIRADOR_ENUM_NAMES(geo::TriangulationMethod, {geo::TriangulationMethod::EarClip, "earclip"},
                   {geo::TriangulationMethod::GeosCdt, "geos"});
MIRADOR_ENUM_NAMES(Corner, {Corner::TopLeft, "top-left"}, {Corner::TopRight, "top-right"},
                   {Corner::BottomLeft, "bottom-left"}, {Corner::BottomRight, "bottom-right"});

#undef MIRADOR_ENUM_NAMES

template <class E>
const char* enum_name(E value) {
    for (const auto& [v, name] : EnumNames<E>::values)
        if (v == value) return name;
    return "?";
}

// Any case; "choropleth" also names the fill layer (the command line's older word for it).
template <class E>
std::optional<E> parse_enum(std::string_view text) {
    auto lower = [](std::string_view s) {
        std::string out(s);
        for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        return out;
    };
    const std::string t = lower(text);
    for (const auto& [v, name] : EnumNames<E>::values)
        if (t == lower(name)) return v;
    if constexpr (std::is_same_v<E, LayerKind>)
        if (t == "choropleth") return LayerKind::Fill;
    return std::nullopt;
}

// "fixed|relative|domain": for messages.
template <class E>
std::string enum_choices() {
    std::string s;
    for (const auto& [v, name] : EnumNames<E>::values) s.append(s.empty() ? "" : "|").append(name);
    return s;
}

}  // namespace mirador::doc
