#include "mirador/geo/Projector.hpp"

#include <proj.h>

#include <cmath>


namespace mirador::geo {

int epsg_code(DisplayCrs crs) { return crs == DisplayCrs::Mexico6372 ? 6372 : 3857; }

std::string crs_definition(DisplayCrs crs) { return "EPSG:" + std::to_string(epsg_code(crs)); }

Result<DisplayCrs> parse_display_crs(const std::string& text) {
    if (text == "6372" || text == "EPSG:6372" || text == "mexico") return DisplayCrs::Mexico6372;
    if (text == "3857" || text == "EPSG:3857" || text == "webmercator" || text == "mercator")
        return DisplayCrs::WebMercator3857;
    return make_error("unknown display CRS '" + text + "' (use EPSG:6372 or EPSG:3857)");
}

struct Projector::Impl {
    PJ_CONTEXT* ctx = nullptr;
    PJ* pj = nullptr;
    ~Impl() {
        if (pj) proj_destroy(pj);
        if (ctx) proj_context_destroy(ctx);
    }
};

Projector::Projector(std::unique_ptr<Impl> impl, bool identity) : impl_(std::move(impl)), identity_(identity) {}
Projector::Projector(Projector&&) noexcept = default;
Projector& Projector::operator=(Projector&&) noexcept = default;
Projector::~Projector() = default;

Result<Projector> Projector::create(const std::string& from, const std::string& to) {
    // The same definition on both sides ("EPSG:6372" for a layer GDAL identified as the display
    // CRS) is the identity without asking PROJ, whose database costs 5-10 ms a context.
    if (from == to && !from.empty()) return Projector(nullptr, true);
    auto impl = std::make_unique<Impl>();
    // A context per projector: PROJ objects are not thread-safe across contexts, and
    // loading and rendering run on different threads.
    impl->ctx = proj_context_create();
    PJ* raw = proj_create_crs_to_crs(impl->ctx, from.c_str(), to.c_str(), nullptr);
    if (!raw) {
        const int err = proj_context_errno(impl->ctx);
        return make_error("cannot transform " + from.substr(0, 80) + " -> " + to.substr(0, 80) + ": " +
                          proj_context_errno_string(impl->ctx, err));
    }
    impl->pj = proj_normalize_for_visualization(impl->ctx, raw);
    proj_destroy(raw);
    if (!impl->pj) return make_error("cannot normalise axis order for " + from.substr(0, 80));

    bool identity = false;
    PJ* a = proj_create(impl->ctx, from.c_str());
    PJ* b = proj_create(impl->ctx, to.c_str());
    if (a && b) identity = proj_is_equivalent_to(a, b, PJ_COMP_EQUIVALENT) != 0;
    if (a) proj_destroy(a);
    if (b) proj_destroy(b);
    return Projector(std::move(impl), identity);
}

static void transform(PJ* pj, PJ_DIRECTION dir, std::vector<Vec2>& pts) {
    if (pts.empty()) return;
    const std::size_t stride = sizeof(Vec2);
    proj_trans_generic(pj, dir, &pts[0].x, stride, pts.size(), &pts[0].y, stride, pts.size(), nullptr, 0, 0,
                       nullptr, 0, 0);
    for (auto& p : pts) {
        if (p.x == HUGE_VAL || p.y == HUGE_VAL) p = {std::nan(""), std::nan("")};
    }
}

void Projector::forward(std::vector<Vec2>& pts) const {
    if (!identity_) transform(impl_->pj, PJ_FWD, pts);
}
void Projector::inverse(std::vector<Vec2>& pts) const {
    if (!identity_) transform(impl_->pj, PJ_INV, pts);
}
Vec2 Projector::forward(Vec2 p) const {
    std::vector<Vec2> v{p};
    forward(v);
    return v[0];
}
Vec2 Projector::inverse(Vec2 p) const {
    std::vector<Vec2> v{p};
    inverse(v);
    return v[0];
}

Result<Projector> lonlat_to_display(DisplayCrs crs) { return Projector::create("EPSG:4326", crs_definition(crs)); }

}  // namespace mirador::geo
