#include "scene/Choropleth.hpp"

#include <algorithm>
#include <cmath>

#include "style/Palette.hpp"

namespace mirador {

const char* measure_name(ChoroplethMeasure m) {
    switch (m) {
        case ChoroplethMeasure::None: return "none";
        case ChoroplethMeasure::Incidents: return "incidents";
        case ChoroplethMeasure::Fatalities: return "fatalities";
        case ChoroplethMeasure::Rate: return "incidents per 100,000 inhabitants";
    }
    return "?";
}

namespace {

// ColorBrewer's YlOrRd end points and middle, interpolated: light for few, dark red for many.
std::uint32_t ramp(double t) {
    static const float stops[5][3] = {{1.00f, 0.93f, 0.63f}, {0.996f, 0.80f, 0.36f}, {0.99f, 0.55f, 0.24f},
                                      {0.89f, 0.10f, 0.11f}, {0.50f, 0.00f, 0.15f}};
    t = std::clamp(t, 0.0, 1.0) * 4.0;
    const int i = std::min(3, static_cast<int>(t));
    const float f = static_cast<float>(t - i);
    float c[3];
    for (int k = 0; k < 3; ++k) c[k] = stops[i][k] + (stops[i + 1][k] - stops[i][k]) * f;
    return pack_rgba(c[0], c[1], c[2]);
}

}  // namespace

std::vector<double> choropleth_values(const geo::Boundaries& b, const UnitTotals& inc, const ChoroplethStyle& style) {
    const geo::Aggregation& agg = style.by_state ? inc.by_state : inc.by_municipality;
    const std::size_t n_units = style.by_state ? b.states.size() : b.municipalities.feature_count();
    // NaN: no incident; +inf: incidents but no population to make a rate.
    std::vector<double> value(n_units, std::nan(""));
    for (const auto& u : agg.units) {
        switch (style.measure) {
            case ChoroplethMeasure::Incidents: value[u.unit] = double(u.incidents); break;
            case ChoroplethMeasure::Fatalities: value[u.unit] = double(u.fatalities); break;
            case ChoroplethMeasure::Rate: value[u.unit] = u.rate_per_100k ? *u.rate_per_100k : INFINITY; break;
            case ChoroplethMeasure::None: break;
        }
    }
    return value;
}

std::vector<std::uint32_t> choropleth_colors(const geo::Boundaries& b, const UnitTotals& inc,
                                             const ChoroplethStyle& style, ChoroplethLegend* legend,
                                             const geo::Classes* fixed) {
    if (style.measure == ChoroplethMeasure::None) return {};
    const std::vector<double> value = choropleth_values(b, inc, style);
    std::vector<double> present;
    for (double v : value)
        if (std::isfinite(v)) present.push_back(v);
    const geo::Classes classes = fixed ? *fixed : geo::classify(present, style.classes, style.method);
    const int k = std::max<int>(1, static_cast<int>(classes.breaks.size()) - 1);
    std::vector<std::uint32_t> class_colors;
    for (int c = 0; c < k; ++c) class_colors.push_back(ramp(k == 1 ? 0.6 : double(c) / (k - 1)));
    const std::uint32_t zero = pack_rgba(0.95f, 0.95f, 0.93f), no_data = pack_rgba(0.62f, 0.62f, 0.62f);
    const std::uint32_t not_reported = pack_rgba(0.68f, 0.75f, 0.84f);
    // A count table's municipality with no count in the window and months reported as NA: its
    // count is unknown, not 0 (per state, a state is unknown only if all its municipalities are).
    std::vector<std::uint8_t> unreported(b.municipalities.feature_count(), 0);
    if (!style.by_state && !inc.missing_months.empty())
        for (std::size_t f = 0; f < unreported.size(); ++f) unreported[f] = inc.missing_months[f] > 0 && std::isnan(value[f]);
    bool any_unreported = false;

    bool any_no_data = false;
    auto color_of = [&](double v) {
        if (std::isnan(v)) return zero;
        if (std::isinf(v)) {
            any_no_data = true;
            return no_data;
        }
        const int c = classes.class_of(v);
        return c < 0 ? zero : class_colors[static_cast<std::size_t>(c)];
    };
    std::vector<std::uint32_t> out(b.municipalities.feature_count());
    for (std::size_t f = 0; f < out.size(); ++f) {
        const int s = b.municipality_state[f];
        out[f] = style.by_state ? (s < 0 ? zero : color_of(value[static_cast<std::size_t>(s)])) : color_of(value[f]);
        if (unreported[f]) {
            out[f] = not_reported;
            any_unreported = true;
        }
    }
    if (legend) {
        const bool table = inc.from_table;
        legend->title = std::string(style.measure == ChoroplethMeasure::Rate ? (table ? "Count per 100,000" : "Incidents per 100,000")
                                    : style.measure == ChoroplethMeasure::Fatalities ? (table ? "Count" : "Fatalities")
                                    : table ? "Count" : "Incidents") +
                        (style.by_state ? " per state" : " per municipality") + " (" +
                        std::string(geo::class_method_name(style.method)) + (fixed ? ", one scale for every frame)" : ")");
        legend->colors = class_colors;
        legend->classes = classes;
        legend->zero_color = zero;
        legend->no_data_color = no_data;
        legend->has_no_data = any_no_data;
        legend->not_reported_color = not_reported;
        legend->has_not_reported = any_unreported;
        legend->zero_label = table ? "0 (none counted)" : "no incident";
    }
    return out;
}

}  // namespace mirador
