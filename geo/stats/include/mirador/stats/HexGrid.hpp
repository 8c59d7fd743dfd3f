#pragma once
// A hexagon grid as a unit of analysis for incidents (ArcGIS's Optimized Hot Spot Analysis
// aggregates incidents to such a grid): municipalities range from a few km² to 50,000 km², and
// equal cells remove that difference. Planar, in the layer's metric CRS (EPSG:6372), pointy-top
// hexagons whose centres are `size_m` apart (the width across flats).
//
// Only cells that touch land are units: a cell is kept when its centre, a corner or an edge
// midpoint lies in a municipality, or when an incident falls in it; cells of open sea, where no
// incident can be, are left out rather than counted as zeros. Cells are not clipped at the
// coast: a coastal cell is a whole hexagon whose count comes from its land part.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "mirador/geo/PolygonLayer.hpp"
#include "mirador/stats/SpatialWeights.hpp"

namespace mirador::stats {

class HexGrid {
public:
    // `on_land(p)`: whether a point (layer CRS) is in a municipality. `extra` points (incidents)
    // keep the cells they fall in.
    HexGrid(const geo::BBox& extent, double size_m, const std::function<bool(geo::Vec2)>& on_land,
            std::span<const geo::Vec2> extra = {});

    std::size_t size() const { return cells_.size(); }
    double size_m() const { return size_; }
    // The kept cell containing p, or -1.
    long locate(geo::Vec2 p) const;
    geo::Vec2 centre(std::size_t cell) const;
    // "H<q>_<r>": the cell's axial coordinates, stable for a given size and origin.
    std::string code(std::size_t cell) const;
    // The cells as polygons (one hexagon each), codes as attributes.
    geo::PolygonLayer layer() const;
    // Cells sharing an edge (the six axial neighbours that are kept); binary.
    SpatialWeights contiguity() const;

private:
    struct Axial {
        long q, r;
    };
    Axial axial_of(geo::Vec2 p) const;
    static std::uint64_t key(long q, long r) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(q)) << 32) | static_cast<std::uint32_t>(r);
    }

    double size_ = 1, x0_ = 0, y0_ = 0;
    std::vector<Axial> cells_;
    std::unordered_map<std::uint64_t, std::uint32_t> index_;
};

}  // namespace mirador::stats
