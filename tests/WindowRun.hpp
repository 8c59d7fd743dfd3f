#pragma once
// What a scripted run of the window (--frames) printed when it ended: the map area, the view,
// the selection and the incidents (gui/ViewerApp.cpp, print_exit_state), and where a point of
// the map was drawn in its screenshot.
#include <string>

#include "mirador/geo/Vec2.hpp"

namespace mirador::test {

struct WindowExit {
    bool found = false;                   // the run printed its exit lines
    int left = 0, top = 0, width = 0, height = 0;  // the map area, pixels
    double lon = 0, lat = 0;              // at the map area's centre
    double metres_per_pixel = 0;
    std::string selection;                // "25006 Culiacán", or "none"
    std::string incidents;                // "13 of 13 shown, from PATH", or "none loaded"
    std::string time_window;              // "October 2019", "all time"
    std::string layers;                   // the visible ones, bottom to top: "fill, points"
    std::string title;                    // the title block's, or "none"
    std::string presentation;             // "off", "slide 2 of 3 (NAME)", "..., blank"
    bool legends = false;                 // legends were drawn, in the box below (pixels)
    int legends_x0 = 0, legends_y0 = 0, legends_x1 = 0, legends_y1 = 0;
    bool title_block = false;             // a title block was drawn, in the box below (pixels)
    int title_x0 = 0, title_y0 = 0, title_x1 = 0, title_y1 = 0;

    // The pixel of the screenshot where a display-CRS (EPSG:6372) point was drawn.
    geo::Vec2 to_screen(geo::Vec2 map) const;
};

WindowExit window_exit(const std::string& output);

}  // namespace mirador::test
