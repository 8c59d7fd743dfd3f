#pragma once
// What the density engines read: every incident's position in the grid's metric CRS, its time
// span and its weight, in the store's order (time-sorted), so a time window is the store's
// index range. Unplaced incidents have NaN positions and are skipped.
#include <cstdint>
#include <optional>
#include <utility>
#include <span>
#include <vector>

#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/Result.hpp"
#include "mirador/geo/Vec2.hpp"

namespace mirador::geo {

enum class DensityWeight { Count, Fatalities };
const char* to_string(DensityWeight w);  // "count", "fatalities"

struct DensityPoints {
    const IncidentStore* store = nullptr;  // time order and range_overlapping
    std::vector<float> x, y;               // metres, grid CRS
    std::vector<float> weight;             // 1, or fatalities (unknown: 0)
    // Without a store: each point's time span, in no particular order (every point is checked
    // against a window); both empty: every point counts whole in any window.
    std::vector<std::int32_t> day_start, day_end;
    std::size_t size() const { return x.size(); }
};

// Projects the store's lon/lat to `crs` (PROJ). `include` (may be null) zeroes the weight of
// incidents the filters leave out, so the arrays keep the store's indexing.
// The weights alone (1, or fatalities; 0 where `include` says so), for a new weight mode
// without projecting again.
std::vector<float> density_weights(const IncidentStore& store, DensityWeight weight,
                                   const std::vector<std::uint8_t>* include = nullptr);

Result<DensityPoints> make_density_points(const IncidentStore& store, DensityWeight weight,
                                          const std::vector<std::uint8_t>* include = nullptr,
                                          const char* crs = "EPSG:6372");

// The same from a clean file's positions (read_clean_incident_positions; their time spans move
// into the points), without a store:
// points whose declared location precision is a state, a region or the country get weight 0,
// as local_mask() gives them for a store.
Result<DensityPoints> make_density_points(IncidentPositions&& positions, DensityWeight weight,
                                          const char* crs = "EPSG:6372");

// Bounding box (min, max) of the placed points, whatever their weight; nothing when none is.
std::optional<std::pair<Vec2, Vec2>> placed_extent(const DensityPoints& pts);

}  // namespace mirador::geo
