#include "document/Slides.hpp"

#include <algorithm>

namespace mirador::doc {

Slide capture_slide(const MapDocument& d, const View& view, std::string name) {
    Slide s;
    s.name = std::move(name);
    s.title = d.furniture.title.title;
    s.view = view;
    s.layers = d.layers;
    s.filters = d.filters;
    s.time = d.time;
    return s;
}

std::string next_slide_name(const MapDocument& d) {
    for (std::size_t n = d.slides.size() + 1;; ++n) {
        const std::string name = "Slide " + std::to_string(n);
        if (std::none_of(d.slides.begin(), d.slides.end(), [&](const Slide& s) { return s.name == name; })) return name;
    }
}

MapDocument apply_slide(const MapDocument& base, const Slide& slide) {
    MapDocument d = base;
    d.view.extent = slide.view.extent;
    if (!slide.layers.empty()) d.layers = slide.layers;
    d.filters = slide.filters;
    d.time = slide.time;
    if (!slide.title.empty()) {
        d.furniture.title.title = slide.title;
        d.furniture.title.visible = true;
    }
    return d;
}

bool move_slide(MapDocument& d, std::size_t i, int delta) {
    const long to = static_cast<long>(i) + delta;
    if (i >= d.slides.size() || to < 0 || to >= static_cast<long>(d.slides.size())) return false;
    std::swap(d.slides[i], d.slides[static_cast<std::size_t>(to)]);
    return delta != 0;
}

bool duplicate_slide(MapDocument& d, std::size_t i) {
    if (i >= d.slides.size()) return false;
    Slide copy = d.slides[i];
    copy.name += " (copy)";
    d.slides.insert(d.slides.begin() + static_cast<long>(i) + 1, std::move(copy));
    return true;
}

bool delete_slide(MapDocument& d, std::size_t i) {
    if (i >= d.slides.size()) return false;
    d.slides.erase(d.slides.begin() + static_cast<long>(i));
    return true;
}

}  // namespace mirador::doc
