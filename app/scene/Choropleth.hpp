#pragma once
// Municipal (or state) fills coloured by incidents, fatalities or incidents per 100,000
// inhabitants, for the active filters, in classes of a sequential ramp (YlOrRd). Units with
// no incident get a pale neutral; units whose rate cannot be computed (no population)
// get grey; units of a count table that reports only NA for the window (missing, not zero) get
// a blue grey; the legend says which is which.
#include <cstdint>
#include <string>
#include <vector>

#include "document/MapDocument.hpp"
#include "mirador/geo/Classification.hpp"
#include "scene/UnitTotals.hpp"

namespace mirador {

// The fill layer's style, as the document holds it.
using doc::ChoroplethMeasure;
using ChoroplethStyle = doc::FillStyle;

struct ChoroplethLegend {
    std::string title;                  // "Incidents per municipality (quantiles)"
    std::vector<std::uint32_t> colors;  // one per class
    geo::Classes classes;
    std::uint32_t zero_color = 0, no_data_color = 0, not_reported_color = 0;
    bool has_no_data = false;
    bool has_not_reported = false;  // a count table's NA: no count, which is not a count of 0
    std::string zero_label = "no incident";
};

const char* measure_name(ChoroplethMeasure m);

// Per-municipality RGBA8 fills; empty when style.measure is None. `fixed`: these classes rather
// than the window's own (an animation keeps one set across its frames).
std::vector<std::uint32_t> choropleth_colors(const geo::Boundaries& b, const UnitTotals& totals,
                                             const ChoroplethStyle& style, ChoroplethLegend* legend,
                                             const geo::Classes* fixed = nullptr);

// The values the fill classifies, per unit (municipality, or state with by_state): NaN for no
// incident, +inf for incidents without a population to make a rate.
std::vector<double> choropleth_values(const geo::Boundaries& b, const UnitTotals& totals, const ChoroplethStyle& style);

}  // namespace mirador
