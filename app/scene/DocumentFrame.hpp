#pragma once
// The map document turned into what the scene draws, in one place for the window, `mirador
// snapshot` and every export: scene_params() derives one frame's parameters; DocumentApplier
// brings the scene and the incident layer in line with the document (filters, time window,
// fill, hot spots), doing only what changed since the last call.
#include <optional>

#include "document/MapDocument.hpp"
#include "mirador/geo/Boundaries.hpp"
#include "scene/HotspotLayer.hpp"
#include "scene/MapScene.hpp"

namespace mirador {

// What the document does not say and a frame needs: where the map is looked at from and what
// is pointed at (the window's hover and selection, a snapshot's --highlight).
struct FrameContext {
    MapView view;
    float pixel_scale = 1.0f;           // text and lines grow with the output's DPI
    long hovered = -1, selected = -1;   // municipality indices
    long hovered_incident = -1, selected_incident = -1;
    // Pixels of the image covered by the window's panels (see OverlayParams): none in a snapshot.
    float inset_left = 0, inset_top = 0, inset_right = 0, inset_bottom = 0;
    bool software_gl = true;  // the heatmap engine "auto" picks the CPU on a software renderer
    bool have_incidents = false;
    bool have_table = false;  // a count table instead: counts (fill, hot spots, time), no positions
};

SceneParams scene_params(const doc::MapDocument& document, const FrameContext& context);

// The view showing the document's extent (or all of the boundaries) at a size, fitted to its
// shape; and back: the document's view of what a MapView shows.
MapView view_for_document(const doc::View& view, const geo::Boundaries& boundaries, int width, int height);
// The same from the municipal layer alone, before the boundaries are built from it.
MapView view_for_document(const doc::View& view, const geo::PolygonLayer& municipalities, int width, int height);
// The area the document's view asks to see (display CRS), before fitting it to any shape.
geo::BBox extent_box(const doc::View& view, const geo::Boundaries& boundaries);
geo::BBox extent_box(const doc::View& view, const geo::PolygonLayer& municipalities);
doc::View document_view(const MapView& view, geo::DisplayCrs crs);

class DocumentApplier {
public:
    // `hotspots` may be null (no hot spot layer). With `wait`, a hot spot computation the
    // document asks for is finished before returning (snapshots); the window does not wait.
    void apply(const doc::MapDocument& document, MapScene& scene, IncidentLayer* incidents, HotspotLayer* hotspots,
               const geo::Boundaries& boundaries, const geo::PopulationTable* population, bool wait = false);
    // The same for a count table in place of incidents. A table filter naming a column or value
    // the table does not have leaves the rows as they were and is said in table.filter_error.
    void apply_table(const doc::MapDocument& document, MapScene& scene, CountLayer& table, HotspotLayer* hotspots,
                            const geo::Boundaries& boundaries, const geo::PopulationTable* population, bool wait = false);
    // Forget what was applied (new incidents loaded): the next apply does everything.
    void reset() { *this = DocumentApplier(); }

private:
    std::optional<doc::Filters> filters_;
    std::optional<std::optional<geo::DayRange>> window_;
    std::optional<doc::FillStyle> fill_;
    const IncidentLayer* incidents_ = nullptr;
    const CountLayer* table_ = nullptr;
    bool hotspots_shown_ = false;
    template <class Source>
    void request_hotspots(const doc::MapDocument& d, MapScene& scene, HotspotLayer& hotspots, const Source& source,
                          const geo::Boundaries& b, const geo::PopulationTable* population, bool wait);
};

}  // namespace mirador
