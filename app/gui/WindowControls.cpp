#include "gui/WindowControls.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "mirador/geo/Boundaries.hpp"
#include "scene/IncidentLayer.hpp"
#include "ui/Panels.hpp"
#include "ui/Style.hpp"
#include "ui/UiState.hpp"

namespace mirador {

namespace {

// Farther than this from where it was pressed, the pointer drags (pixels; a hand's tremor stays within).
constexpr double kClickSlop = 3.0;

}  // namespace

void ClickTracker::press(double x, double y) {
    pressed_ = true;
    moved_ = false;
    x_ = x;
    y_ = y;
}

void ClickTracker::move(double x, double y) {
    if (pressed_ && std::hypot(x - x_, y - y_) > kClickSlop) moved_ = true;
}

bool ClickTracker::release(double x, double y) {
    move(x, y);
    const bool click = pressed_ && !moved_;
    pressed_ = moved_ = false;
    return click;
}

void step_fly(UiState& ui, double dt) {
    if (!ui.fly.active) return;
    ui.fly.t = std::min(1.0, ui.fly.t + dt / ui.fly.seconds);
    const double s = ui.fly.t * ui.fly.t * (3 - 2 * ui.fly.t);  // ease in-out
    const MapView& a = ui.fly.from;
    const MapView& b = ui.fly.to;
    ui.view.center = {a.center.x + (b.center.x - a.center.x) * s, a.center.y + (b.center.y - a.center.y) * s};
    // Scale moves geometrically so the zoom feels even.
    ui.view.metres_per_pixel = a.metres_per_pixel * std::pow(b.metres_per_pixel / a.metres_per_pixel, s);
    if (ui.fly.t >= 1.0) ui.fly.active = false;
}

void handle_map_input(GLFWwindow* window, UiState& ui, PointerState& p, const geo::Boundaries& b,
                      const geo::Projector& to_lonlat, const IncidentLayer* incidents, bool points_shown, float fb_scale,
                      double dt) {
    const ImGuiIO& io = ImGui::GetIO();
    double mx = 0, my = 0;
    if (p.scripted) mx = p.scripted->first, my = p.scripted->second;
    else glfwGetCursorPos(window, &mx, &my);
    mx *= fb_scale;
    my *= fb_scale;
    const bool over_ui = io.WantCaptureMouse;

    // Keyboard (unless typing in a text box).
    if (!io.WantTextInput) {
        const double pan = 300.0 * dt * ui.view.metres_per_pixel;
        // With incidents, left and right step the time slider; Shift makes them pan again.
        const bool sideways = !incidents || io.KeyShift;
        if (sideways && ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) ui.view.center.x -= pan;
        if (sideways && ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) ui.view.center.x += pan;
        if (ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) ui.view.center.y += pan;
        if (ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) ui.view.center.y -= pan;
        const double cx = ui.view.width * 0.5, cy = ui.view.height * 0.5;
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) ui.view.zoom_at(cx, cy, 1.5);
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) ui.view.zoom_at(cx, cy, 1 / 1.5);
        if (ImGui::IsKeyPressed(GLFW_KEY_HOME) || ImGui::IsKeyPressed(GLFW_KEY_R)) fly_home(ui, time_label_room(), land_of(b));
        if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) ui.selected = -1;
        if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_F)) ui.focus_search = true;
    }

    // Wheel: zoom keeping the point under the cursor fixed.
    if (!over_ui && io.MouseWheel != 0.0f) {
        ui.fly.active = false;
        ui.view.zoom_at(mx, my, std::pow(1.25, io.MouseWheel));
    }

    // Drag pans; a press and release without movement is a click that selects.
    if (!over_ui && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        p.left.press(mx, my);
        p.last_x = mx;
        p.last_y = my;
    }
    if (p.left.pressed() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        p.left.move(mx, my);
        if (p.left.dragging()) {
            ui.fly.active = false;
            ui.view.center.x -= (mx - p.last_x) * ui.view.metres_per_pixel;
            ui.view.center.y += (my - p.last_y) * ui.view.metres_per_pixel;
        }
        p.last_x = mx;
        p.last_y = my;
    }
    if (p.left.pressed() && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && p.left.release(mx, my)) {
        ui.selected_incident = ui.hovered_incident;
        if (ui.hovered_incident >= 0) {
            // The incident's municipality is highlighted with it.
            ui.selected = incidents->placed.municipality(static_cast<std::size_t>(ui.hovered_incident), incidents->store);
        } else {
            ui.selected = ui.hovered;
        }
        if (ui.selected >= 0) ui.right_sidebar = true;
    }
    // A right click (not a right drag) opens the map's menu for the point under it.
    if (!over_ui && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) p.right.press(mx, my);
    if (p.right.pressed() && ImGui::IsMouseDown(ImGuiMouseButton_Right)) p.right.move(mx, my);
    if (p.right.pressed() && ImGui::IsMouseReleased(ImGuiMouseButton_Right) && p.right.release(mx, my)) {
        const geo::Vec2 m = ui.view.screen_to_map(mx, my);
        ui.map_menu = {true, m, to_lonlat.inverse(m), b.locate(m)};
    }
    if (!over_ui && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) ui.view.zoom_at(mx, my, 2.0);

    // Hover and the cursor read-out.
    ui.cursor_on_map = !over_ui && mx >= 0 && my >= 0 && mx < ui.view.width && my < ui.view.height;
    if (ui.cursor_on_map) {
        const geo::Vec2 m = ui.view.screen_to_map(mx, my);
        ui.hovered = b.locate(m);
        ui.cursor_lonlat = to_lonlat.inverse(m);
        ui.hovered_incident = (incidents && points_shown) ? incidents->pick(ui.view, mx, my, 8.0 * fb_scale) : -1;
    } else {
        ui.hovered = -1;
        ui.hovered_incident = -1;
    }
}

void toggle_fullscreen(GLFWwindow* window, UiState& ui, PointerState& p) {
    if (!ui.fullscreen) {
        glfwGetWindowPos(window, &p.windowed_x, &p.windowed_y);
        glfwGetWindowSize(window, &p.windowed_w, &p.windowed_h);
        // The monitor that holds most of the window, not always the primary one.
        int count = 0;
        GLFWmonitor** monitors = glfwGetMonitors(&count);
        GLFWmonitor* best = glfwGetPrimaryMonitor();
        int best_area = -1;
        for (int i = 0; i < count; ++i) {
            int mx = 0, my = 0;
            glfwGetMonitorPos(monitors[i], &mx, &my);
            const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
            if (!mode) continue;
            const int w = std::max(0, std::min(p.windowed_x + p.windowed_w, mx + mode->width) - std::max(p.windowed_x, mx));
            const int h = std::max(0, std::min(p.windowed_y + p.windowed_h, my + mode->height) - std::max(p.windowed_y, my));
            if (w * h > best_area) best_area = w * h, best = monitors[i];
        }
        if (!best) return;
        const GLFWvidmode* mode = glfwGetVideoMode(best);
        glfwSetWindowMonitor(window, best, 0, 0, mode->width, mode->height, mode->refreshRate);
        ui.fullscreen = true;
    } else {
        glfwSetWindowMonitor(window, nullptr, p.windowed_x, p.windowed_y, p.windowed_w, p.windowed_h, 0);
        ui.fullscreen = false;
    }
}

}  // namespace mirador
