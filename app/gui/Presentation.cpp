#include "gui/Presentation.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>

#include "document/Slides.hpp"
#include "document/TimePlayback.hpp"
#include "mirador/geo/Boundaries.hpp"
#include "scene/DocumentFrame.hpp"
#include "ui/MapAreaView.hpp"

namespace mirador {

namespace {

bool pressed(int key) { return ImGui::IsKeyPressed(key, false); }

geo::ZoomView zoom_view(const MapView& v) { return {v.center, v.width * v.metres_per_pixel}; }

// The window's time axis for the document's kind of window, built anew rather than through
// set_axis(), which would move a window of another kind (a slide's 5-20 October) to the window of
// the axis's kind that holds it.
void axis_for(UiState& ui, const doc::TimeSettings& t) {
    ui.time.axis = geo::TimeAxis(ui.time.axis.extent(), t.window);
    ui.time.accumulated = 0;
}

// Fits the target into the window now, or moves there along the zoom path.
void move_to_target(Presentation& p, UiState& ui, bool animate) {
    if (!p.target) return;
    const MapView to = view_fitting(ui, *p.target, 0.0);
    p.fitted_width = ui.view.width;
    p.fitted_height = ui.view.height;
    if (!animate) {
        ui.view = to;
        p.path.reset();
        return;
    }
    p.path.emplace(zoom_view(ui.view), zoom_view(to));
    p.t = 0;
    p.seconds = p.path->duration_s();
}

void show_slide(Presentation& p, doc::MapDocument& d, UiState& ui, const geo::Boundaries& b, int k) {
    p.blank = false;
    if (k < 0 || k >= static_cast<int>(p.base.slides.size())) return;
    const doc::Slide& slide = p.base.slides[static_cast<std::size_t>(k)];
    p.slide = k;
    d = doc::apply_slide(p.base, slide);
    axis_for(ui, d.time);
    ui.time.playing = false;
    if (slide.playback.enabled) start_range_playback(d.time, ui.time, slide.playback.from, slide.playback.speed);
    p.target = extent_box(d.view, b);
    move_to_target(p, ui, true);
}

}  // namespace

int slide_after(PresentKey key, int current, int count) {
    if (count <= 0) return -1;
    const int at = std::clamp(current, -1, count - 1);
    switch (key) {
        case PresentKey::Next: return std::min(at + 1, count - 1);
        case PresentKey::Previous: return std::max(at - 1, 0);
        case PresentKey::First: return 0;
        case PresentKey::Last: return count - 1;
        default: return at;
    }
}

PresentKey read_presentation_key() {
    if (pressed(GLFW_KEY_ESCAPE)) return PresentKey::Leave;
    for (int k : {GLFW_KEY_PAGE_DOWN, GLFW_KEY_RIGHT, GLFW_KEY_DOWN, GLFW_KEY_SPACE, GLFW_KEY_ENTER, GLFW_KEY_KP_ENTER})
        if (pressed(k)) return PresentKey::Next;
    for (int k : {GLFW_KEY_PAGE_UP, GLFW_KEY_LEFT, GLFW_KEY_UP, GLFW_KEY_BACKSPACE})
        if (pressed(k)) return PresentKey::Previous;
    if (pressed(GLFW_KEY_HOME)) return PresentKey::First;
    if (pressed(GLFW_KEY_END)) return PresentKey::Last;
    if (pressed(GLFW_KEY_B) || pressed(GLFW_KEY_PERIOD)) return PresentKey::Blank;  // "." : PowerPoint's black screen too
    if (pressed(GLFW_KEY_P)) return PresentKey::Pause;
    return PresentKey::None;
}

void begin_presentation(Presentation& p, doc::MapDocument& d, UiState& ui, const geo::Boundaries& b, int first) {
    p = Presentation{};
    p.active = true;
    p.base = d;
    p.view_before = ui.view;
    p.fullscreen_before = ui.fullscreen;
    ui.area = MapArea{};  // the map is the whole window
    ui.hovered = ui.hovered_incident = -1;
    ui.fly.active = false;
    const int count = static_cast<int>(d.slides.size());
    if (count > 0) show_slide(p, d, ui, b, std::clamp(first, 0, count - 1));
}

void end_presentation(Presentation& p, doc::MapDocument& d, UiState& ui) {
    if (!p.active) return;
    d = p.base;
    axis_for(ui, d.time);
    ui.time.playing = false;
    ui.view.center = p.view_before.center;
    ui.view.metres_per_pixel = p.view_before.metres_per_pixel;
    p = Presentation{};
}

void handle_presentation_key(Presentation& p, PresentKey key, doc::MapDocument& d, UiState& ui, const geo::Boundaries& b) {
    const int count = static_cast<int>(p.base.slides.size());
    switch (key) {
        case PresentKey::Blank: p.blank = !p.blank; return;
        case PresentKey::Pause: {
            if (p.slide < 0) return;
            const doc::SlidePlayback& pb = p.base.slides[static_cast<std::size_t>(p.slide)].playback;
            if (!pb.enabled) return;
            if (ui.time.playing) ui.time.playing = false;
            else if (range_playback_done(d.time, ui.time, pb.to)) start_range_playback(d.time, ui.time, pb.from, pb.speed);
            else ui.time.playing = true, ui.time.accumulated = 0;
            return;
        }
        case PresentKey::Next:
        case PresentKey::Previous:
        case PresentKey::First:
        case PresentKey::Last: {
            // A black screen comes back on the slide it hid, as in PowerPoint: the presenter who
            // blanked it wants that slide again, not the next.
            if (p.blank) {
                p.blank = false;
                return;
            }
            const int k = slide_after(key, p.slide, count);
            if (k != p.slide) show_slide(p, d, ui, b, k);
            return;
        }
        case PresentKey::None:
        case PresentKey::Leave: return;
    }
}

void step_presentation(Presentation& p, UiState& ui, double dt) {
    if (!p.active) return;
    ui.area = MapArea{};
    if (p.target && (ui.view.width != p.fitted_width || ui.view.height != p.fitted_height))
        move_to_target(p, ui, p.path.has_value());
    if (!p.path) return;
    p.t = std::min(1.0, p.t + dt / std::max(p.seconds, 1e-6));
    if (p.t >= 1.0) {
        move_to_target(p, ui, false);  // exactly the slide's view at the end
        return;
    }
    const geo::ZoomView z = p.path->at(p.t);
    ui.view.center = z.centre;
    ui.view.metres_per_pixel = z.width / std::max(1, ui.view.width);
}

bool advance_presentation_playback(const Presentation& p, doc::MapDocument& d, UiState& ui, double dt) {
    if (p.slide < 0) return advance_playback(d.time, ui.time, dt);  // the map without slides plays as it did
    const doc::SlidePlayback& pb = p.base.slides[static_cast<std::size_t>(p.slide)].playback;
    return pb.enabled && advance_range_playback(d.time, ui.time, pb.to, dt);
}

std::string presentation_state(const Presentation& p) {
    if (!p.active) return "off";
    std::string state = p.slide < 0 ? std::string("on, no slides")
                                    : "slide " + std::to_string(p.slide + 1) + " of " + std::to_string(p.base.slides.size()) +
                                          " (" + p.base.slides[static_cast<std::size_t>(p.slide)].name + ")";
    if (p.blank) state += ", blank";
    if (p.path) state += ", moving";
    return state;
}

}  // namespace mirador
