#pragma once
// Which incidents the points pass draws in a frame, worked out on the CPU when the view, the
// time window or the filters change (never on an idle frame): the ones on screen, one by one,
// while that many discs stay legible; past that, counts per screen cell (as Datashader does),
// drawn as one disc per cell, coloured and sized by its count. The cells are anchored to the
// map, not the screen, and cover half a screen around it, so a pan reuses them (pan()).
//
// One pass over the time window's incidents in the store (time-sorted: an index range, and the
// long-span incidents that began before it) does both: it counts
// every incident on screen into the cells and keeps the indices while there are few enough.
// Large ranges are split over threads, each with its own cells, summed after.
#include <cstdint>
#include <span>
#include <vector>

#include "mirador/geo/IncidentCategory.hpp"
#include "mirador/geo/TimeWindow.hpp"
#include "render/MapView.hpp"
#include "render/PointMarker.hpp"

namespace mirador {

// What the selection reads, in store order (stacks: one marker for several incidents).
struct PointSource {
    std::span<const geo::Vec2> xy;              // display CRS; NaN: not placed
    std::span<const std::uint8_t> drawn;        // 1: drawn as its own disc (shown, in no stack)
    std::span<const std::int32_t> day_start, day_end;
    std::span<const PointMarker> stacks;
    // Per incident, for what the legend lists (may be empty: nothing collected): its category
    // and 1 where its position stands for a place (a ring).
    std::span<const geo::IncidentCategory> category;
    std::span<const std::uint8_t> hollow;
};

struct SelectionRequest {
    MapView view;
    std::size_t first = 0, last = 0;  // the time window's index range in the store
    std::span<const std::uint32_t> before;  // and its long-span incidents below it (IncidentStore::scan_overlapping)
    geo::DayRange window;             // inclusive; an incident's span must overlap it
    double margin_px = 0;             // a disc reaches this far past its position
    double cell_px = 5;               // screen cells, when aggregated
    std::size_t legible = 50000;      // more discs than this on screen: aggregate
};

// A screen cell's incidents: their mean position (pixels from the top left) and count.
struct PointBin {
    float x, y;
    float count;
};

struct ScreenFrame;  // the scan's view of the screen and bin frame (PointSelection.cpp)

class PointSelection {
public:
    void select(const PointSource& src, const SelectionRequest& r);
    // The aggregated selection moved to a view that differs from the last only by its centre,
    // without scanning the incidents again: the bins are made for the screen and half a screen
    // around it, in cells anchored to the map (a pan of 10M incidents then costs what drawing
    // the bins does). False when it cannot (not aggregated, zoomed or resized, outside that
    // frame, or few enough incidents on screen to draw one by one): select() again.
    bool pan(const MapView& view);

    bool aggregated() const { return aggregated_; }
    // Exact: the store indices on screen, ascending; and the stack markers on screen.
    const std::vector<std::uint32_t>& singles() const { return singles_; }
    const std::vector<std::uint32_t>& stacks() const { return stacks_; }
    // Aggregated: the non-empty cells, and the largest count among them.
    const std::vector<PointBin>& bins() const { return bins_; }
    float max_count() const { return max_count_; }
    double cell_px() const { return cell_px_; }
    // Incidents on screen (a stack counts its incidents), and discs that would take.
    std::size_t incidents_on_screen() const { return incidents_; }
    std::size_t discs_on_screen() const { return discs_; }
    // Of the discs on screen at the last select() (singles and stack markers, whether drawn one
    // by one or binned): bit c set where one is drawn in category c's colour (a stack's is its
    // commonest); whether one is a ring (a stand-in position); whether one is a stack. The
    // legend lists only these. Collected by the scan that selects, not by another pass.
    std::uint32_t categories_on_screen() const { return categories_; }
    bool rings_on_screen() const { return rings_; }
    bool stacks_on_screen() const { return !stacks_.empty(); }

    // Per thread: its cells and its indices. Public for the worker function only.
    struct Part {
        std::vector<std::uint32_t> count;
        std::vector<float> sum_x, sum_y;
        std::vector<std::uint32_t> singles;
        std::size_t on_screen = 0;
        std::uint32_t categories = 0;  // of those on screen, as categories_on_screen()
        bool rings = false;
    };

private:
    void frame(const SelectionRequest& r, bool bin, ScreenFrame& f);
    void scan(const PointSource& s, const SelectionRequest& r, const ScreenFrame& f, bool bin);
    void place_bins(double dx, double dy);
    std::vector<Part> parts_;
    // The bin frame: its top-left corner in map metres, size in cells, and its bins (pixels
    // from that corner).
    double frame_left_ = 0, frame_top_ = 0, cell_px_ = 1, margin_px_ = 0;
    std::size_t cols_ = 0, rows_ = 0, legible_ = 0;
    MapView view_;
    std::vector<PointBin> frame_bins_;
    std::vector<std::uint32_t> singles_, stacks_;
    std::vector<PointBin> bins_;
    float max_count_ = 0;
    std::size_t incidents_ = 0, discs_ = 0;
    std::uint32_t categories_ = 0;
    bool rings_ = false;
    bool aggregated_ = false;
    bool last_exact_ = false;  // the last selection was drawn disc by disc: try that first
};

}  // namespace mirador
