#include "WindowRun.hpp"

#include <cstdio>

#include "TestData.hpp"

namespace mirador::test {

namespace {

// The rest of the line after `label`, or "" when the output has no such line.
std::string line_after(const std::string& out, const std::string& label) {
    const auto at = out.rfind(label);
    if (at == std::string::npos) return {};
    const auto start = at + label.size();
    return out.substr(start, out.find('\n', start) - start);
}

}  // namespace

WindowExit window_exit(const std::string& out) {
    WindowExit e;
    const std::string area = line_after(out, "map area at exit: ");
    const std::string view = line_after(out, "view at exit: ");
    e.found = std::sscanf(area.c_str(), "%d %d %d %d", &e.left, &e.top, &e.width, &e.height) == 4 &&
              std::sscanf(view.c_str(), "%lf %lf %lf", &e.lon, &e.lat, &e.metres_per_pixel) == 3;
    e.selection = line_after(out, "selection at exit: ");
    e.incidents = line_after(out, "incidents at exit: ");
    e.time_window = line_after(out, "time window at exit: ");
    e.layers = line_after(out, "layers at exit: ");
    e.layers = e.layers.substr(0, e.layers.find(" (visible"));
    e.title = line_after(out, "title at exit: ");
    e.presentation = line_after(out, "presentation at exit: ");
    const std::string legends = line_after(out, "legends at exit: ");
    e.legends = std::sscanf(legends.c_str(), "%d %d %d %d", &e.legends_x0, &e.legends_y0, &e.legends_x1,
                            &e.legends_y1) == 4;
    const std::string title = line_after(out, "title block at exit: ");
    e.title_block = std::sscanf(title.c_str(), "%d %d %d %d", &e.title_x0, &e.title_y0, &e.title_x1, &e.title_y1) == 4;
    return e;
}

geo::Vec2 WindowExit::to_screen(geo::Vec2 map) const {
    const geo::Vec2 c = to_6372(lon, lat);
    return {left + width * 0.5 + (map.x - c.x) / metres_per_pixel, top + height * 0.5 - (map.y - c.y) / metres_per_pixel};
}

}  // namespace mirador::test
