#pragma once
// Spatial weights: who is a neighbour of whom, and with what weight. Stored as compressed rows
// (the neighbours of unit i are neighbours[first[i], first[i+1]), each with its weight), the
// layout every statistic here walks.
//
// Built from boundary polygons (queen or rook contiguity, spdep's poly2nb rule), or from unit
// centres (k nearest neighbours, distance band). Units with no neighbour ("islands") are listed,
// never divided by: their row-standardised weights stay empty and their statistics NaN.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "mirador/geo/PolygonLayer.hpp"
#include "mirador/geo/Vec2.hpp"

namespace mirador::stats {

struct SpatialWeights {
    std::vector<std::uint32_t> first{0};   // n + 1 offsets
    std::vector<std::uint32_t> neighbours;  // ascending within a row
    std::vector<double> weights;            // same length as neighbours
    bool row_standardised = false;
    bool self_included = false;             // each unit is its own neighbour (Gi*)

    std::size_t size() const { return first.size() - 1; }
    std::size_t link_count() const { return neighbours.size(); }
    std::uint32_t cardinality(std::size_t i) const { return first[i + 1] - first[i]; }
    std::span<const std::uint32_t> row(std::size_t i) const {
        return {neighbours.data() + first[i], neighbours.data() + first[i + 1]};
    }
    std::span<const double> row_weights(std::size_t i) const {
        return {weights.data() + first[i], weights.data() + first[i + 1]};
    }
    // Units with no neighbour other than themselves.
    std::vector<std::uint32_t> islands() const;
};

enum class Contiguity { Queen, Rook };

// Contiguity as R spdep's poly2nb(): two features are queen neighbours when a vertex of one lies
// within `snap` of a vertex of the other, rook neighbours when they share at least two such
// points (distinct points; see the .cpp for how this differs from counting vertex pairs). spdep's default snap is sqrt(double epsilon) in layer units. Binary
// weights (1).
SpatialWeights contiguity_weights(const geo::PolygonLayer& layer, Contiguity rule, double snap = 1.4901161193847656e-08);

// The k nearest other units by Euclidean distance between `centres` (ties to the lower index),
// as spdep's knearneigh + knn2nb (not symmetric). Binary weights.
SpatialWeights knn_weights(std::span<const geo::Vec2> centres, unsigned k);

// Every other unit whose centre lies within `distance` (inclusive), as spdep's dnearneigh(0, d).
// Binary weights; units with none are islands.
SpatialWeights distance_band_weights(std::span<const geo::Vec2> centres, double distance);

// Builds weights from neighbour lists (each row sorted, no duplicates), binary.
SpatialWeights weights_from_lists(const std::vector<std::vector<std::uint32_t>>& lists);

// Each row's weights divided by its sum (spdep style "W"); islands keep an empty row.
SpatialWeights row_standardise(const SpatialWeights& w);

// The same neighbours plus each unit itself with weight 1 (spdep include.self; binary, for Gi*).
SpatialWeights include_self(const SpatialWeights& w);

// Parses "queen", "rook", "knn:K", "distance:KM" (the --neighbours flag).
struct NeighbourRule {
    enum class Kind { Queen, Rook, Knn, Distance } kind = Kind::Queen;
    unsigned k = 0;
    double distance_km = 0;
    std::string text() const;
};
bool parse_neighbour_rule(const std::string& text, NeighbourRule& out, std::string& error);

// Weights by a rule for a polygon layer in a metric CRS (EPSG:6372): contiguity from the
// polygons, knn and distance from `centres`.
SpatialWeights build_weights(const NeighbourRule& rule, const geo::PolygonLayer& layer, std::span<const geo::Vec2> centres);

}  // namespace mirador::stats
