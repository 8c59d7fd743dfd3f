#pragma once
// Coordinate transformation through PROJ, always in the "visualization" axis order:
// longitude/easting first, latitude/northing second, whatever the CRS definition says.
#include <memory>
#include <string>
#include <vector>

#include "mirador/geo/Result.hpp"
#include "mirador/geo/Vec2.hpp"

namespace mirador::geo {

// The display CRSs Mirador offers. EPSG:6372 (Mexico ITRF2008 / LCC) is INEGI's own and
// keeps Mexico's shape and areas honest; Web Mercator matches web maps.
enum class DisplayCrs { Mexico6372, WebMercator3857 };

int epsg_code(DisplayCrs crs);
std::string crs_definition(DisplayCrs crs);  // "EPSG:6372"
Result<DisplayCrs> parse_display_crs(const std::string& text);

class Projector {
public:
    // `from` and `to` are anything PROJ understands: "EPSG:4326", WKT, PROJJSON.
    [[nodiscard]] static Result<Projector> create(const std::string& from, const std::string& to);

    Projector(Projector&&) noexcept;
    Projector& operator=(Projector&&) noexcept;
    ~Projector();

    // Transforms in place. Points PROJ cannot transform become NaN.
    void forward(std::vector<Vec2>& points) const;
    void inverse(std::vector<Vec2>& points) const;
    Vec2 forward(Vec2 p) const;
    Vec2 inverse(Vec2 p) const;

    bool is_identity() const { return identity_; }

private:
    struct Impl;
    explicit Projector(std::unique_ptr<Impl> impl, bool identity);
    std::unique_ptr<Impl> impl_;
    bool identity_ = false;
};

// Lon/lat (EPSG:4326, degrees) <-> display CRS (metres).
Result<Projector> lonlat_to_display(DisplayCrs crs);

}  // namespace mirador::geo
