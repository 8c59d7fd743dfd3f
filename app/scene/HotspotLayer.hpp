#pragma once
// The window's hot spot layer: Gi* classes, LISA clusters or emerging hot spots of the incidents
// that pass the filters (and, for Gi* and LISA, fall in the time window), per municipality.
// Computed on a worker thread so that the window never freezes: a change of settings, filters
// or window queues a request; while one runs, only the latest request waits; a finished result
// is taken on the UI thread by poll().
#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mirador/geo/Boundaries.hpp"
#include "mirador/geo/Geocoder.hpp"
#include "mirador/stats/EmergingHotSpots.hpp"
#include "mirador/stats/HotspotAnalysis.hpp"
#include "render/MapView.hpp"
#include "scene/CountLayer.hpp"
#include "scene/IncidentLayer.hpp"
#include "document/MapDocument.hpp"
#include "style/HotspotPalette.hpp"

struct ImDrawList;

namespace mirador {

// The layer's settings are the document's (a hot spot layer's style).
using HotspotSettings = doc::HotspotStyle;

struct HotspotOutcome {
    HotspotSettings settings;
    std::shared_ptr<const stats::SpatialWeights> weights;
    stats::HotspotInput input;
    stats::HotspotResult result;        // Gi* / LISA maps
    stats::EmergingResult emerging;     // emerging map
    std::vector<std::string> period_labels;
    std::string error, summary;
    HotspotMap map;
};

class HotspotLayer {
public:
    // Queues a computation when what it depends on changed. Cheap when nothing did.
    // Nothing is computed for a hidden layer.
    void request(const HotspotSettings& s, bool visible, const IncidentLayer& incidents, const geo::Boundaries& b,
                 const geo::PopulationTable* population);
    // The same for a municipal count table (its filters; the emerging cube from its months).
    void request(const HotspotSettings& s, bool visible, const CountLayer& table, const geo::Boundaries& b,
                 const geo::PopulationTable* population);
    // True when a new outcome arrived since the last call (the scene should repaint the fill).
    bool poll();
    bool busy() const { return running_.valid(); }
    // Blocks until the computation under way (if any) has finished; poll() then takes it.
    void wait() const {
        if (running_.valid()) running_.wait();
    }
    const HotspotOutcome* outcome() const { return outcome_.get(); }
    ~HotspotLayer();

private:
    struct Job {
        HotspotSettings settings;
        stats::HotspotInput input;
        std::optional<stats::SpaceTimeCube> cube;
        std::vector<std::string> period_labels;
        std::size_t left_out = 0;  // incidents dated more coarsely than the step
        std::string cube_error;    // why there is no cube, when the source says why
    };
    // Queues a job for these counts unless nothing changed; make_cube(job, units, months)
    // fills the job's cube for an emerging map.
    template <class MakeCube>
    void submit(const HotspotSettings& s, const UnitTotals& totals, const std::string& cube_key, const geo::Boundaries& b,
                const geo::PopulationTable* population, MakeCube&& make_cube);
    void launch(Job job);

    const geo::Boundaries* boundaries_ = nullptr;
    std::shared_ptr<const stats::SpatialWeights> weights_[3];
    int weights_knn_ = 0;
    HotspotSettings last_settings_;
    std::vector<double> last_counts_, last_fatalities_;
    std::string last_cube_key_;
    bool requested_once_ = false;
    std::future<std::unique_ptr<HotspotOutcome>> running_;
    std::optional<Job> pending_;
    std::unique_ptr<HotspotOutcome> outcome_;
};

// Outlines the neighbours of municipality `unit` (the weights of the outcome) on the map.
void draw_hotspot_neighbours(ImDrawList* list, const MapView& view, const geo::Boundaries& b,
                             const stats::SpatialWeights& w, long unit, float pixel_scale);

}  // namespace mirador
