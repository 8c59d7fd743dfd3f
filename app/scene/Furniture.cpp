#include "scene/Furniture.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "scene/MapOverlay.hpp"

namespace mirador {

namespace {

constexpr ImU32 kInk = IM_COL32(15, 15, 20, 255);
constexpr ImU32 kQuietInk = IM_COL32(55, 55, 62, 255);

ImVec2 im(geo::Vec2 p) { return ImVec2(float(p.x), float(p.y)); }

// One item before it is placed: what it asks for and how it draws itself in its box.
struct Item {
    FurnitureKind kind;
    FurnitureRequest request;
    std::vector<std::string> lines;
};

// Text that wraps at `wrap` pixels (0: never), measured as ImGui will draw it.
ImVec2 text_size(ImFont* font, float size, const std::string& text, float wrap = 0) {
    return font->CalcTextSizeA(size, 1e9f, wrap, text.c_str());
}

// The title block: the title large and bold, the subtitle (the time window unless the document
// gives one) under it, and the time window as a third line when the subtitle is the document's.
// Without a title block, the time window alone, as the top-left label of every map of a period.
struct TitleText {
    std::string title, subtitle, window;
};

TitleText title_text(const OverlayParams& p) {
    const doc::TitleBlock& t = p.furniture.title;
    if (!t.visible) return {{}, p.time_label, {}};
    TitleText out{t.title, t.subtitle.empty() ? p.time_label : t.subtitle, {}};
    if (!t.subtitle.empty()) out.window = p.time_label;
    return out;
}

// The fonts of the block's three lines; the time label alone (no block) keeps its look of
// before: bold, a third larger than the legends.
std::array<std::pair<ImFont*, float>, 3> title_fonts(const FontSet& f, bool block) {
    ImFont* title = f.title ? f.title : f.label;
    const std::pair<ImFont*, float> subtitle{f.ui, f.ui->FontSize * 1.1f}, alone{f.label, f.label->FontSize * 1.35f};
    return {std::pair{title, title->FontSize}, block ? subtitle : alone, subtitle};
}

void light_box(ImDrawList* list, const ScreenRect& r, float s, int alpha, bool border) {
    list->AddRectFilled(ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), IM_COL32(255, 255, 255, alpha), 3 * s);
    if (border) list->AddRect(ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), IM_COL32(60, 60, 60, 200), 3 * s, 0, 1.2f * s);
}

}  // namespace

const FurnitureBox* DrawnFurniture::find(FurnitureKind kind) const {
    for (const FurnitureBox& b : boxes)
        if (b.kind == kind) return &b;
    return nullptr;
}

ScreenRect map_area(const MapView& view, const OverlayParams& p) {
    return {p.inset_left, p.inset_top, float(view.width) - p.inset_right, float(view.height) - p.inset_bottom};
}

float scale_bar_max_pixels(float pixel_scale) { return 170 * pixel_scale; }

geo::BBox place_legends(ImDrawList* list, int first_vertex, const geo::BBox& drawn, const MapView& view,
                        const OverlayParams& p) {
    if (drawn.empty()) return drawn;
    const FurnitureRequest r{float(drawn.width()), float(drawn.height()), p.furniture.legends.placement};
    const ScreenRect to = place_furniture({r}, map_area(view, p), p.pixel_scale, {}, 0).front();
    const float dx = to.x0 - float(drawn.min_x), dy = to.y0 - float(drawn.min_y);
    if (dx == 0 && dy == 0) return drawn;
    for (int i = first_vertex; i < list->VtxBuffer.Size; ++i) {
        list->VtxBuffer[i].pos.x += dx;
        list->VtxBuffer[i].pos.y += dy;
    }
    geo::BBox moved;
    moved.add(geo::Vec2{to.x0, to.y0});
    moved.add(geo::Vec2{to.x1, to.y1});
    return moved;
}

namespace {

// Paddings and wrap widths, the same when measuring and when drawing.
struct Spacing {
    float title_pad_x, title_pad_y, title_wrap, small_pad, small_wrap;
};

Spacing spacing(float s, const ScreenRect& area) {
    return {10 * s, 6 * s, std::max(120 * s, area.width() * 0.6f), 4 * s, std::max(120 * s, area.width() * 0.45f)};
}

// Every item asked for, measured, in the order they are placed.
std::vector<Item> measure_items(const FontSet& fonts, const OverlayParams& p, const FurnitureMeasures& m, const Spacing& sp) {
    const float s = p.pixel_scale;
    const doc::Furniture& f = p.furniture;
    std::vector<Item> items;
    const TitleText tt = title_text(p);
    if (!tt.title.empty() || !tt.subtitle.empty() || !tt.window.empty()) {
        const bool block = f.title.visible;
        Item it{block ? FurnitureKind::Title : FurnitureKind::TimeLabel, {}, {tt.title, tt.subtitle, tt.window}};
        float w = 0, h = 0;
        const auto fonts_of = title_fonts(fonts, block);
        for (int k = 0; k < 3; ++k) {
            if (it.lines[std::size_t(k)].empty()) continue;
            const ImVec2 ts = text_size(fonts_of[std::size_t(k)].first, fonts_of[std::size_t(k)].second, it.lines[std::size_t(k)], sp.title_wrap);
            w = std::max(w, ts.x);
            h += ts.y + (h > 0 ? 2 * s : 0);
        }
        it.request = {w + 2 * sp.title_pad_x, h + 2 * sp.title_pad_y,
                      block ? f.title.placement : doc::Placement{doc::Corner::TopLeft, 10, 10}};
        items.push_back(std::move(it));
    }
    ImFont* bar_font = fonts.ui;
    if (f.scale_bar.visible && m.scale_bar) {
        const ImVec2 ls = text_size(bar_font, bar_font->FontSize, m.scale_bar->label);
        Item it{FurnitureKind::ScaleBar, {}, {m.scale_bar->label}};
        scale_bar_size(*m.scale_bar, ls.x, ls.y, s, &it.request.width, &it.request.height);
        it.request.placement = f.scale_bar.placement;
        items.push_back(std::move(it));
    }
    if (f.north_arrow.visible && m.north_deg) {
        Item it{FurnitureKind::NorthArrow, {}, {"N"}};
        north_arrow_size(s, &it.request.width, &it.request.height);
        it.request.placement = f.north_arrow.placement;
        items.push_back(std::move(it));
    }
    // Credits and the date: small, grey, on a faint box; the map's data matters more.
    ImFont* small = fonts.small_label;
    auto small_item = [&](FurnitureKind kind, const std::string& text, const doc::Placement& at) {
        const ImVec2 ts = text_size(small, small->FontSize, text, sp.small_wrap);
        items.push_back({kind, {ts.x + 2 * sp.small_pad, ts.y + 2 * sp.small_pad, at}, {text}});
    };
    if (f.attribution.visible && !p.credits.empty()) small_item(FurnitureKind::Attribution, p.credits, f.attribution.placement);
    if (f.export_date.visible && !p.export_date.empty()) small_item(FurnitureKind::ExportDate, p.export_date, f.export_date.placement);

    // In one corner, the item nearer its corner (smaller vertical offset) is placed first.
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        return a.request.placement.offset_y < b.request.placement.offset_y;
    });
    return items;
}

std::vector<ScreenRect> place_items(const std::vector<Item>& items, const ScreenRect& area, float s,
                                    const std::vector<ScreenRect>& obstacles) {
    std::vector<FurnitureRequest> requests;
    for (const Item& it : items) requests.push_back(it.request);
    return place_furniture(requests, area, s, obstacles, 6 * s);
}

}  // namespace

std::vector<ScreenRect> bottom_furniture_boxes(const FontSet& fonts, const MapView& view, const OverlayParams& p,
                                               const FurnitureMeasures& m) {
    const ScreenRect area = map_area(view, p);
    const std::vector<Item> items = measure_items(fonts, p, m, spacing(p.pixel_scale, area));
    const std::vector<ScreenRect> boxes = place_items(items, area, p.pixel_scale, {});
    std::vector<ScreenRect> out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const doc::Corner c = items[i].request.placement.corner;
        if (c == doc::Corner::BottomLeft || c == doc::Corner::BottomRight) out.push_back(boxes[i]);
    }
    return out;
}

DrawnFurniture draw_furniture(ImDrawList* list, const FontSet& fonts, const MapView& view, const OverlayParams& p,
                              const FurnitureMeasures& m, const std::vector<ScreenRect>& legends) {
    const float s = p.pixel_scale;
    const ScreenRect area = map_area(view, p);
    const Spacing sp = spacing(s, area);
    const float title_pad_y = sp.title_pad_y, title_wrap = sp.title_wrap, small_pad = sp.small_pad, small_wrap = sp.small_wrap;
    DrawnFurniture out;
    out.problem = m.problem;
    out.legends = legends;
    const std::vector<Item> items = measure_items(fonts, p, m, sp);
    // Clear of each legend's own box: the legends flowed around the furniture's corners
    // (flow_legends), so the furniture finds them out of its way and keeps its corners.
    const std::vector<ScreenRect> boxes = place_items(items, area, s, legends);
    ImFont* bar_font = fonts.ui;
    const float bar_fs = bar_font->FontSize;
    ImFont* small = fonts.small_label;
    const float small_fs = small->FontSize;

    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        const ScreenRect& r = boxes[i];
        out.boxes.push_back({it.kind, r, {}});
        for (const std::string& line : it.lines)
            if (!line.empty()) out.boxes.back().lines.push_back(line);
        switch (it.kind) {
            case FurnitureKind::Title:
            case FurnitureKind::TimeLabel: {
                light_box(list, r, s, 235, true);
                float y = r.y0 + title_pad_y;
                const bool block = it.kind == FurnitureKind::Title;
                const auto line_fonts = title_fonts(fonts, block);
                for (int k = 0; k < 3; ++k) {
                    const std::string& line = it.lines[std::size_t(k)];
                    if (line.empty()) continue;
                    const auto [font, size] = line_fonts[std::size_t(k)];
                    list->AddText(font, size, ImVec2(r.x0 + sp.title_pad_x, y), k == 0 || !block ? kInk : kQuietInk,
                                  line.c_str(), nullptr, title_wrap);
                    y += text_size(font, size, line, title_wrap).y + 2 * s;
                }
                break;
            }
            case FurnitureKind::ScaleBar: {
                light_box(list, r, s, 210, false);
                const ScaleBarShape b = scale_bar_shape(r, *m.scale_bar, text_size(bar_font, bar_fs, m.scale_bar->label).y, s);
                const float t = 1.5f * s;  // half the bar's thickness
                list->AddRectFilled(ImVec2(b.x0, b.y - t), ImVec2(b.x1, b.y + t), kInk);
                for (const float x : {b.x0, (b.x0 + b.x1) / 2, b.x1})
                    list->AddRectFilled(ImVec2(x - 0.75f * s, b.y - b.tick), ImVec2(x + 0.75f * s, b.y), kInk);
                const float lw = text_size(bar_font, bar_fs, b.label).x;
                list->AddText(bar_font, bar_fs, ImVec2((b.x0 + b.x1) / 2 - lw / 2, r.y0 + 6 * s), kInk, b.label.c_str());
                out.scale_bar = b;
                break;
            }
            case FurnitureKind::NorthArrow: {
                light_box(list, r, s, 210, false);
                const ArrowShape a = north_arrow_shape(r, *m.north_deg, s);
                // The classic half-dark arrowhead: its left half filled, its right half open.
                list->AddTriangleFilled(im(a.tip), im(a.left), im(a.tail), kInk);
                list->AddTriangleFilled(im(a.tip), im(a.tail), im(a.right), IM_COL32(255, 255, 255, 255));
                const ImVec2 outline[4] = {im(a.tip), im(a.right), im(a.tail), im(a.left)};
                list->AddPolyline(outline, 4, kInk, ImDrawFlags_Closed, 1.2f * s);
                ImFont* nf = fonts.label;
                const float nfs = nf->FontSize * 1.1f;
                const ImVec2 ns = text_size(nf, nfs, "N");
                list->AddText(nf, nfs, ImVec2(float(a.label.x) - ns.x / 2, float(a.label.y) - ns.y / 2), kInk, "N");
                out.north_arrow = a;
                break;
            }
            case FurnitureKind::Attribution:
            case FurnitureKind::ExportDate:
                light_box(list, r, s, 190, false);
                list->AddText(small, small_fs, ImVec2(r.x0 + small_pad, r.y0 + small_pad), kQuietInk, it.lines[0].c_str(),
                              nullptr, small_wrap);
                break;
        }
    }
    return out;
}

}  // namespace mirador
