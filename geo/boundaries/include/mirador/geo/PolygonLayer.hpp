#pragma once
// A polygon layer (municipalities or states) in the display CRS, stored flat so that it can be
// triangulated, indexed and uploaded without chasing pointers.
//
//   feature f  -> polygons [feature_first_polygon[f], feature_first_polygon[f+1])
//   polygon p  -> rings    [polygon_first_ring[p],   polygon_first_ring[p+1]); the first is the
//                 outer ring (counter-clockwise), the others holes (clockwise)
//   ring r     -> vertices [ring_first_vertex[r],   ring_first_vertex[r+1]); not closed (the first
//                 vertex is not repeated at the end)
#include <cstdint>
#include <string>
#include <vector>

#include "mirador/geo/BBox.hpp"
#include "mirador/geo/Projector.hpp"
#include "mirador/geo/Vec2.hpp"

namespace mirador::geo {

// INEGI's Marco Geoestadístico keys. Codes are text with leading zeros ("25006").
struct FeatureAttributes {
    std::string code;        // CVEGEO: 2 digits for a state, 5 for a municipality
    std::string state_code;  // CVE_ENT
    std::string local_code;  // CVE_MUN (empty for states)
    std::string name;        // NOMGEO, UTF-8
};

struct PolygonLayer {
    std::string source;      // file the layer came from, for messages
    std::string layer_name;
    DisplayCrs crs = DisplayCrs::Mexico6372;

    std::vector<FeatureAttributes> attributes;
    std::vector<BBox> feature_bbox;
    std::vector<std::uint32_t> feature_first_polygon{0};
    std::vector<std::uint32_t> polygon_first_ring{0};
    std::vector<std::uint32_t> ring_first_vertex{0};
    std::vector<Vec2> vertices;
    BBox bbox;

    std::size_t feature_count() const { return attributes.size(); }
    std::size_t polygon_count() const { return polygon_first_ring.size() - 1; }
    std::size_t ring_count() const { return ring_first_vertex.size() - 1; }

    // Planar area in CRS units squared (m^2), outer rings minus holes.
    double feature_area(std::size_t feature) const;
    double ring_signed_area(std::size_t ring) const;

    // Index of the feature whose `code` equals `code`, or -1.
    long find_code(const std::string& code) const;

    // Vertices of feature f are [feature_vertex_begin(f), feature_vertex_end(f)).
    std::uint32_t feature_vertex_begin(std::size_t f) const {
        return ring_first_vertex[polygon_first_ring[feature_first_polygon[f]]];
    }
    std::uint32_t feature_vertex_end(std::size_t f) const {
        return ring_first_vertex[polygon_first_ring[feature_first_polygon[f + 1]]];
    }
    // next[v]: the vertex after v in its ring (edge v runs v -> next[v]); feature[v]: its feature.
    void vertex_topology(std::vector<std::uint32_t>& next, std::vector<std::uint32_t>& feature) const;

    // The same features and attributes with no geometry yet, for derived layers.
    PolygonLayer without_geometry() const;
};

}  // namespace mirador::geo
