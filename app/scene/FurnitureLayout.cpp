#include "scene/FurnitureLayout.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <vector>

namespace mirador {

namespace {

bool is_top(doc::Corner c) { return c == doc::Corner::TopLeft || c == doc::Corner::TopRight; }
bool is_left(doc::Corner c) { return c == doc::Corner::TopLeft || c == doc::Corner::BottomLeft; }

// A source's name for the credits: its file's name; a PostgreSQL source has no file, so its table.
std::string source_name(const std::string& path, const std::string& layer) {
    if (path.rfind("PG:", 0) == 0) return layer.empty() ? "PostgreSQL" : layer;
    const std::string name = std::filesystem::path(path).filename().string();
    return name.empty() ? path : name;
}

}  // namespace

std::vector<ScreenRect> place_furniture(const std::vector<FurnitureRequest>& items, const ScreenRect& area, float scale,
                                       std::vector<ScreenRect> obstacles, float gap) {
    std::vector<ScreenRect> placed;
    placed.reserve(items.size());
    for (const FurnitureRequest& it : items) {
        const doc::Corner c = it.placement.corner;
        ScreenRect r;
        r.x0 = is_left(c) ? area.x0 + it.placement.offset_x * scale : area.x1 - it.placement.offset_x * scale - it.width;
        r.y0 = is_top(c) ? area.y0 + it.placement.offset_y * scale : area.y1 - it.placement.offset_y * scale - it.height;
        // An offset (or an item) larger than the area keeps the item's near edge inside it: in
        // the window the area ends at a panel, and what is past it would be drawn under the panel.
        r.x0 = std::max(area.x0, std::min(r.x0, area.x1 - it.width));
        r.y0 = std::max(area.y0, std::min(r.y0, area.y1 - it.height));
        r.x1 = r.x0 + it.width;
        r.y1 = r.y0 + it.height;
        // Each move clears one box and goes only one way, so this ends within one pass per box.
        for (std::size_t pass = 0; pass <= obstacles.size(); ++pass) {
            const auto hit = std::find_if(obstacles.begin(), obstacles.end(), [&](const ScreenRect& o) { return o.overlaps(r); });
            if (hit == obstacles.end()) break;
            const float y0 = is_top(c) ? hit->y1 + gap : hit->y0 - gap - it.height;
            r.y0 = y0;
            r.y1 = y0 + it.height;
        }
        placed.push_back(r);
        obstacles.push_back(r);
    }
    return placed;
}

std::vector<ScreenRect> flow_legends(const std::vector<std::pair<float, float>>& sizes, float left, float right,
                                     float bottom, float gap, const std::vector<ScreenRect>& keep_clear) {
    std::vector<ScreenRect> out;
    float x = left, row_top = bottom;
    auto new_row = [&] {
        x = left;
        bottom = row_top - gap;
        row_top = bottom;
    };
    for (const auto& [w, h] : sizes) {
        if (x + w > right && x > left) new_row();
        ScreenRect r{x, bottom - h, x + w, bottom};
        // Each step either starts a row (once: then x is left) or lifts the row above a box it
        // met, which it cannot meet again: this ends within a pass per box, plus one.
        for (std::size_t step = 0; step <= keep_clear.size() + 1; ++step) {
            const auto hit = std::find_if(keep_clear.begin(), keep_clear.end(), [&](const ScreenRect& k) { return k.overlaps(r); });
            if (hit == keep_clear.end()) break;
            if (x > left) new_row();
            else bottom = std::min(bottom, hit->y0 - gap);
            r = {x, bottom - h, x + w, bottom};
        }
        out.push_back(r);
        row_top = std::min(row_top, r.y0);
        x = r.x1 + gap;
    }
    return out;
}

void scale_bar_size(const geo::ScaleBar& bar, float label_w, float label_h, float scale, float* width, float* height) {
    const float pad = 6 * scale;
    *width = std::max(float(bar.pixels), label_w) + 2 * pad;
    *height = label_h + 2 * scale + 8 * scale + 2 * pad;  // label, a gap, the ticks and bar
}

ScaleBarShape scale_bar_shape(const ScreenRect& box, const geo::ScaleBar& bar, float label_h, float scale) {
    const float pad = 6 * scale;
    ScaleBarShape s;
    s.km = bar.km;
    s.label = bar.label;
    s.x0 = box.x0 + pad;
    s.x1 = s.x0 + float(bar.pixels);
    s.tick = 6 * scale;
    s.y = box.y0 + pad + label_h + 2 * scale + 8 * scale;
    return s;
}

void north_arrow_size(float scale, float* width, float* height) {
    *width = 40 * scale;
    *height = 70 * scale;
}

ArrowShape north_arrow_shape(const ScreenRect& box, double angle_deg, float scale) {
    // Turned about a point below the box's middle, so that the N beyond the tip stays inside.
    const double a = angle_deg * M_PI / 180;
    const geo::Vec2 up{std::sin(a), -std::cos(a)}, side{std::cos(a), std::sin(a)};
    const geo::Vec2 pivot{(box.x0 + box.x1) / 2.0, box.y0 + 40.0 * scale};
    auto at = [&](double along, double across) {
        return geo::Vec2{pivot.x + up.x * along + side.x * across, pivot.y + up.y * along + side.y * across};
    };
    ArrowShape s;
    s.angle_deg = angle_deg;
    s.tip = at(16 * scale, 0);
    s.tail = at(-20 * scale, 0);
    s.left = at(-26 * scale, -9 * scale);
    s.right = at(-26 * scale, 9 * scale);
    s.label = at(28 * scale, 0);
    return s;
}

double drawn_angle_deg(const ArrowShape& a) {
    return std::atan2(a.tip.x - a.tail.x, -(a.tip.y - a.tail.y)) * 180 / M_PI;
}

std::string credits_text(const doc::MapDocument& d, bool with_incidents, bool with_table) {
    const std::string& own = d.furniture.attribution.text;
    // A document whose own text credits a kind of source ("Incidents: Mirador's seed catalogue")
    // names it better than a file name would: the automatic credit for that kind is left out,
    // so the line never says "Incidents:" twice.
    const auto named = [&](const char* label) { return own.find(label) != std::string::npos; };
    std::vector<std::string> parts;
    const doc::BoundarySource& b = d.sources.boundaries;
    if (!named("Boundaries:"))
        parts.push_back("Boundaries: " + (b.path.empty() ? std::string("INEGI") : source_name(b.path, b.layer)));
    if (with_table && !named("Counts:"))
        for (const doc::CountSource& c : d.sources.counts) parts.push_back("Counts: " + source_name(c.path, ""));
    if (with_incidents && !named("Incidents:"))
        for (const geo::IncidentSource& s : d.sources.incidents) parts.push_back("Incidents: " + source_name(s.path, s.layer));
    if (!own.empty()) parts.push_back(own);
    std::string text;
    for (const std::string& part : parts) text += (text.empty() ? "" : " \xC2\xB7 ") + part;
    return text;
}

std::string export_date_text() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[32];
    std::strftime(text, sizeof text, "Exported %Y-%m-%d", &local);
    return text;
}

}  // namespace mirador
