#pragma once
// The incidents the map shows, with everything derived from them that the window and the
// snapshot share: where each one is on the map, which pass the filters, and the counts per
// municipality and state for those filters. Plain data plus the functions that update it.
//
// Filters and time are kept apart because they change at different rates. The filters
// (category, actor, fatalities, text) change when someone types, and then every incident is
// looked at once to make a mask. The time window changes up to 30 times a second while the
// slider plays; it is never a scan of the store: the counts visit only the store's index range
// that can overlap the window (the store is time-sorted), and the points pass takes the window
// as two numbers and tests each point's days on the GPU.
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/IncidentSource.hpp"
#include "mirador/geo/PointStacks.hpp"
#include "mirador/geo/TimeHistogram.hpp"
#include "render/MapView.hpp"
#include "scene/IncidentPicker.hpp"
#include "scene/UnitTotals.hpp"

namespace mirador {

struct IncidentFilterUi {
    // Category, actor (folded), minimum fatalities. Its days, if set, narrow the time window
    // (IncidentLayer::counted_days); the slider sets the window with set_time_window().
    geo::IncidentFilter filter;
    std::string text;            // folded; matched against place, id, notes, source, actors
};

// One marker for the shown incidents that share one position (a PointStacks stack), for the
// current filters and time window.
struct StackMarker {
    std::uint32_t stack = 0;       // index into IncidentLayer::stacks
    std::uint32_t first = 0;       // its lowest shown incident: the one picking finds there
    std::uint32_t count = 0;       // shown incidents in it
    std::uint64_t fatalities = 0;  // theirs together
    geo::IncidentCategory category = geo::IncidentCategory::Other;  // the commonest (ties: the first)
    bool hollow = false;           // none of them is exactly there: the position is a stand-in
};

// The counts it shares with a count table (by_municipality, by_state, histogram) are its
// UnitTotals, for the filters other than time (histogram) and the time window (the counts).
struct IncidentLayer : UnitTotals {
    std::string source;                      // file, for messages
    geo::IncidentStore store;
    geo::Placements placed;                  // per incident, store order
    std::vector<geo::Vec2> display_xy;       // display CRS; NaN when not placed
    IncidentFilterUi filters;
    std::vector<std::uint8_t> included;      // 1: passes the filters other than time (placed or not)
    std::vector<std::uint8_t> visible;       // 1: included and on the map; time is not in it
    std::optional<geo::DayRange> time_window;  // none: all time
    std::size_t visible_count = 0;           // visible and in the time window
    IncidentPicker picker;  // over display_xy; rebuild it if display_xy changes
    geo::PointStacks stacks;                 // incidents sharing one display position
    std::vector<StackMarker> stack_markers;  // the stacks with a shown incident, for filters and window
    bool has_stand_ins = false;              // some position stands for a place (hollow discs)

    // Recomputes the masks, the histogram and the counts: call after changing `filters`.
    void apply_filters(const geo::Boundaries& b, const geo::PopulationTable* population);
    // Recomputes the counts (not the masks) for a window; none: all time.
    void set_time_window(std::optional<geo::DayRange> window, const geo::Boundaries& b,
                         const geo::PopulationTable* population);
    // The days the counts are for: the time window within the filter's own days.
    geo::DayRange counted_days() const;
    bool shown(std::size_t i) const {
        const geo::DayRange d = counted_days();
        return visible[i] && store.overlaps(i, d.from, d.to);
    }
    // Nearest shown incident within `radius_px` of screen point (sx, sy), or -1. Of a stack, the
    // lowest shown incident (its marker's `first`).
    long pick(const MapView& view, double sx, double sy, double radius_px) const;
    // The shown incidents at i's position (i among them; just i when it shares it with none),
    // ascending.
    std::vector<std::uint32_t> shown_at(std::size_t i) const;
    // What the position drawn for incident i stands for, when it is not where it happened (a
    // municipality's, a state's, an estimated or the country's point); empty otherwise. The
    // tooltip and the details panel say it.
    std::string stand_in_note(std::size_t i, const geo::Boundaries& b) const;
    // Per incident, 1 where its own disc is drawn: visible and not part of a stack (stacks are
    // drawn as stack_markers).
    std::vector<std::uint8_t> drawn_singly() const;

private:
    void update_stack_markers();  // for the filters and the window: part of set_time_window()
};

using geo::IncidentSource;

// How far load_incident_layer() has come, for a progress bar drawn by another thread.
struct LoadProgress {
    enum class Stage { Reading, Placing, Indexing, Counting, Done };
    std::atomic<Stage> stage{Stage::Reading};
};

// Loads any incident source (CSV, OGR, PG:), places every incident with the geocoder, and
// applies no filter. Row problems and unplaced incidents go to `problems`. `progress`, when
// given, is told each stage as it begins.
geo::Result<std::unique_ptr<IncidentLayer>> load_incident_layer(const IncidentSource& source,
                                                                const geo::Geocoder& geocoder,
                                                                const geo::PopulationTable* population,
                                                                std::vector<std::string>& problems,
                                                                LoadProgress* progress = nullptr);

}  // namespace mirador
