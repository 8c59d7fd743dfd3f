#pragma once
// Flag groups that several commands share, each declared once so that a flag means the same
// thing, with the same range and default, wherever it appears, and the same as the window's
// control for it: every group writes into the map document (the incident source, the date
// range, the density kernel, the heatmap's style, the choropleth, the layers). Defaults are the
// document's; ranges are document/Limits.hpp's.
#include <string>

#include "document/DateRange.hpp"
#include "document/MapDocument.hpp"
#include "mirador/geo/Result.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace mirador {

// Every layer kind present once (a loaded project may lack some), so that flags can bind to
// their styles before parsing without the list moving under them.
void ensure_every_layer(doc::MapDocument& document);

// --incidents, --incidents-layer, --incidents-mapping, --dedupe, into the document's first
// incident source (call drop_unset_incident_source after parsing).
CLI::Option* add_incident_source_flags(CLI::App& cmd, doc::MapDocument& document, const std::string& help);
void drop_unset_incident_source(doc::MapDocument& document);
// --counts, --counts-layout, --counts-mapping, --counts-filter: a count table as the map's source
// of counts, instead of incidents (call drop_unset_count_source after parsing; it says when both
// were given).
CLI::Option* add_count_source_flags(CLI::App& cmd, doc::MapDocument& document);
geo::Result<bool> drop_unset_count_source(doc::MapDocument& document, bool incidents_given);

// --from, --to: dates as 2019, 2019-10 or 2019-10-17; --to's whole span is included (read by
// apply_date_range, document/DateRange.hpp).
void add_date_range_flags(CLI::App& cmd, DateRangeFlags& flags, const std::string& what);

// --radius-km, --kernel, --weight: a density kernel, as `mirador density` and the heatmap use it.
void add_kernel_flags(CLI::App& cmd, doc::HeatmapStyle& style, const std::string& prefix);

// The heatmap in a snapshot (call ensure_every_layer first): the kernel flags plus --normalize, --ramp, --heatmap-opacity,
// --threshold, --density-engine.
struct HeatmapFlags {
    std::string normalize;  // fixed, relative or domain:MIN,MAX; empty: the document's
};
void add_heatmap_flags(CLI::App& cmd, doc::MapDocument& document, HeatmapFlags& flags);
geo::Result<bool> apply_heatmap_flags(const HeatmapFlags& flags, doc::MapDocument& document);

// --choropleth, --classify, --classes, --by-state.
void add_choropleth_flags(CLI::App& cmd, doc::FillStyle& style);

// The map furniture: --title, --subtitle (each shows the title block), --scale-bar,
// --north-arrow, --export-date, --attribution TEXT, --no-attribution, --no-legends.
void add_furniture_flags(CLI::App& cmd, doc::Furniture& furniture);

// --layers a,b,c: exactly these layers are drawn, bottom to top (MapLibre's order); the others
// are hidden. Names: fill (or choropleth), hotspots, heatmap, boundaries, points, labels.
geo::Result<bool> apply_layer_list(const std::string& list, doc::MapDocument& document);

}  // namespace mirador
