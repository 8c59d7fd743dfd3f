#include "render/PointSelection.hpp"

#include <algorithm>
#include <cmath>
#include <thread>

namespace mirador {

// The screen as the scan sees it (pixels from its top left), and the bin frame around it:
// the screen and half a screen on every side, cut into cells anchored to the map's origin.
struct ScreenFrame {
    double left, top, per_metre;  // screen's top-left corner in map metres; pixels per metre
    double width, height, margin;
    double bin_dx, bin_dy;        // the screen's top-left corner in bin-frame pixels
    double cell_px, per_cell;     // pixels per cell, cells per pixel
    std::size_t cols, rows;       // of the bin frame
    double frame_w, frame_h;      // the bin frame in pixels (cols, rows times cell_px)
};

namespace {

// Counts incident i into p's cells (when binning) if it is in the window and in the bin frame,
// and, if on screen, keeps up to `keep` indices. Without binning (the last selection was drawn
// one by one, as a zoomed-in pan usually is again) only the screen test is made.
template <bool Bin>
inline void scan_one(const PointSource& s, const ScreenFrame& f, geo::DayRange w, std::size_t i, std::size_t keep,
                     PointSelection::Part& p) {
    if (!s.drawn[i] || s.day_start[i] > w.to || s.day_end[i] < w.from) return;
    const double px = (s.xy[i].x - f.left) * f.per_metre, py = (f.top - s.xy[i].y) * f.per_metre;
    if constexpr (Bin) {
        // The frame's bounds first, in pixels: most incidents of a zoomed-in view fail here,
        // before any cell arithmetic. Written so that NaN (not placed) fails every comparison.
        const double fx = px + f.bin_dx, fy = py + f.bin_dy;
        if (fx >= 0 && fy >= 0 && fx < f.frame_w && fy < f.frame_h) {
            const double cx = std::floor(fx * f.per_cell), cy = std::floor(fy * f.per_cell);
            if (cx < double(f.cols) && cy < double(f.rows)) {
                const std::size_t c = static_cast<std::size_t>(cy) * f.cols + static_cast<std::size_t>(cx);
                ++p.count[c];
                // Offsets within the cell: a float sum of a million of them stays exact to a fraction of a pixel.
                p.sum_x[c] += float(fx - cx * f.cell_px);
                p.sum_y[c] += float(fy - cy * f.cell_px);
            }
        }
    }
    if (!(px >= -f.margin && px < f.width + f.margin && py >= -f.margin && py < f.height + f.margin)) return;
    ++p.on_screen;
    // Spans either hold every incident or none (PointSource).
    if (!s.category.empty()) p.categories |= 1u << static_cast<unsigned>(s.category[i]);
    if (!s.hollow.empty()) p.rings = p.rings || s.hollow[i];
    if (p.singles.size() < keep) p.singles.push_back(static_cast<std::uint32_t>(i));
}

void reset(PointSelection::Part& p, std::size_t cells) {
    p.count.assign(cells, 0);
    p.sum_x.assign(cells, 0.0f);
    p.sum_y.assign(cells, 0.0f);
    p.singles.clear();
    p.on_screen = 0;
    p.categories = 0;
    p.rings = false;
}

}  // namespace

// The screen as the scan sees it; with `bin`, the bin frame too: cells anchored to multiples of
// their size in map metres, so a pan moves the screen over the same cells and bins made once
// serve every pan within the frame (pan()). Half a screen around it for a screen; nothing
// around a view of export size (32768 pixels a side at 5-pixel cells would be 43M cells already).
void PointSelection::frame(const SelectionRequest& r, bool bin, ScreenFrame& f) {
    const MapView& v = r.view;
    f.per_metre = 1.0 / v.metres_per_pixel;
    f.left = v.center.x - 0.5 * v.width * v.metres_per_pixel;
    f.top = v.center.y + 0.5 * v.height * v.metres_per_pixel;
    f.width = v.width;
    f.height = v.height;
    f.margin = r.margin_px;
    f.cell_px = std::max(1.0, r.cell_px);
    f.per_cell = 1.0 / f.cell_px;
    f.bin_dx = f.bin_dy = f.frame_w = f.frame_h = 0;
    f.cols = f.rows = 0;
    frame_left_ = f.left;
    frame_top_ = f.top;
    if (!bin) return;
    const double screen_cells = std::ceil(v.width * f.per_cell) * std::ceil(v.height * f.per_cell);
    const double around = screen_cells <= double(1 << 20) ? 0.5 : 0.0;
    const double cell_m = f.cell_px * v.metres_per_pixel;
    frame_left_ = std::floor((f.left - around * v.width * v.metres_per_pixel) / cell_m) * cell_m;
    frame_top_ = std::ceil((f.top + around * v.height * v.metres_per_pixel) / cell_m) * cell_m;
    f.bin_dx = (f.left - frame_left_) * f.per_metre;
    f.bin_dy = (frame_top_ - f.top) * f.per_metre;
    f.cols = static_cast<std::size_t>(std::ceil((f.bin_dx + (1 + around) * v.width) * f.per_cell));
    f.rows = static_cast<std::size_t>(std::ceil((f.bin_dy + (1 + around) * v.height) * f.per_cell));
    f.frame_w = double(f.cols) * f.cell_px;
    f.frame_h = double(f.rows) * f.cell_px;
}

void PointSelection::scan(const PointSource& s, const SelectionRequest& r, const ScreenFrame& f, bool bin) {
    const std::size_t cells = bin ? std::max<std::size_t>(1, f.cols * f.rows) : 0;
    // Threads pay for themselves from a few hundred thousand incidents (a month of a large
    // catalogue is less, all of it more); each scans a contiguous share of the range.
    const std::size_t last = std::min(r.last, s.xy.size());
    const std::size_t first = std::min(r.first, last);
    const std::size_t n = last - first;
    const std::size_t hw = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threads = n < 300000 ? 1 : std::min<std::size_t>(hw, 4);
    parts_.resize(threads);
    for (Part& p : parts_) reset(p, cells);
    const std::size_t keep = r.legible + 1;
    auto scan_range = [&](std::size_t from, std::size_t to, Part& p) {
        if (bin)
            for (std::size_t i = from; i < to; ++i) scan_one<true>(s, f, r.window, i, keep, p);
        else
            for (std::size_t i = from; i < to; ++i) scan_one<false>(s, f, r.window, i, keep, p);
    };
    // The long-span incidents that began before the range come first: singles stay in store order.
    for (const std::uint32_t i : r.before)
        if (i < s.xy.size()) scan_range(i, i + 1, parts_[0]);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back([&, t] { scan_range(first + n * t / threads, first + n * (t + 1) / threads, parts_[t]); });
    scan_range(first, first + n / threads, parts_[0]);
    for (std::thread& t : pool) t.join();

    // Stack markers: one disc each when exact, their incidents' count when binned.
    stacks_.clear();
    std::size_t stacked_incidents = 0;
    Part& all = parts_[0];
    for (std::size_t k = 0; k < s.stacks.size(); ++k) {
        const PointMarker& m = s.stacks[k];
        const double px = (m.xy.x - f.left) * f.per_metre, py = (f.top - m.xy.y) * f.per_metre;
        const double fx = px + f.bin_dx, fy = py + f.bin_dy;
        if (bin && fx >= 0 && fy >= 0 && fx < f.frame_w && fy < f.frame_h) {
            const double cx = std::floor(fx * f.per_cell), cy = std::floor(fy * f.per_cell);
            if (cx < double(f.cols) && cy < double(f.rows)) {
                const std::size_t c = static_cast<std::size_t>(cy) * f.cols + static_cast<std::size_t>(cx);
                all.count[c] += m.count;
                all.sum_x[c] += float(fx - cx * f.cell_px) * float(m.count);
                all.sum_y[c] += float(fy - cy * f.cell_px) * float(m.count);
            }
        }
        if (!(px >= -f.margin && px < f.width + f.margin && py >= -f.margin && py < f.height + f.margin)) continue;
        stacks_.push_back(static_cast<std::uint32_t>(k));
        stacked_incidents += m.count;
        all.categories |= 1u << m.category;
        all.rings = all.rings || m.hollow;
    }
    std::size_t singles = 0;
    categories_ = 0;
    rings_ = false;
    for (const Part& p : parts_) {
        singles += p.on_screen;
        categories_ |= p.categories;
        rings_ = rings_ || p.rings;
    }
    discs_ = singles + stacks_.size();
    incidents_ = singles + stacked_incidents;
}

void PointSelection::select(const PointSource& s, const SelectionRequest& r) {
    // After a selection drawn disc by disc (zoomed in) the next is usually one too (a pan, a
    // filter): count the screen only, and bin in a second pass only when it turns out to hold
    // too many to draw. Binning a frame around the screen that an exact view never uses made a
    // zoomed-in pan over 10M incidents twice as slow.
    bool bin = !last_exact_;
    ScreenFrame f;
    frame(r, bin, f);
    scan(s, r, f, bin);
    if (!bin && discs_ > r.legible) {
        bin = true;
        frame(r, bin, f);
        scan(s, r, f, bin);
    }
    aggregated_ = discs_ > r.legible;
    last_exact_ = !aggregated_;
    view_ = r.view;
    margin_px_ = r.margin_px;
    cell_px_ = f.cell_px;
    legible_ = r.legible;
    cols_ = f.cols;
    rows_ = f.rows;
    singles_.clear();
    frame_bins_.clear();
    bins_.clear();
    max_count_ = 0;
    if (!aggregated_) {
        for (const Part& p : parts_) singles_.insert(singles_.end(), p.singles.begin(), p.singles.end());
        return;
    }
    const std::size_t cells = f.cols * f.rows;
    Part& all = parts_[0];
    for (std::size_t t = 1; t < parts_.size(); ++t)
        for (std::size_t c = 0; c < cells; ++c) {
            all.count[c] += parts_[t].count[c];
            all.sum_x[c] += parts_[t].sum_x[c];
            all.sum_y[c] += parts_[t].sum_y[c];
        }
    for (std::size_t c = 0; c < cells; ++c) {
        if (!all.count[c]) continue;
        const float k = float(all.count[c]);
        const float x0 = float(double(c % f.cols) * f.cell_px), y0 = float(double(c / f.cols) * f.cell_px);
        frame_bins_.push_back({x0 + all.sum_x[c] / k, y0 + all.sum_y[c] / k, k});
    }
    place_bins(f.bin_dx, f.bin_dy);
}

bool PointSelection::pan(const MapView& v) {
    if (!aggregated_ || v.metres_per_pixel != view_.metres_per_pixel || v.width != view_.width || v.height != view_.height)
        return false;
    const double per_metre = 1.0 / v.metres_per_pixel;
    const double dx = (v.center.x - 0.5 * v.width * v.metres_per_pixel - frame_left_) * per_metre;
    const double dy = (frame_top_ - (v.center.y + 0.5 * v.height * v.metres_per_pixel)) * per_metre;
    // The screen must lie in the frame the bins were made for.
    if (dx < 0 || dy < 0 || dx + v.width > double(cols_) * cell_px_ || dy + v.height > double(rows_) * cell_px_) return false;
    const std::size_t discs_before = discs_;
    view_ = v;
    place_bins(dx, dy);
    // Panned to where few enough incidents are on screen to draw one by one: select again.
    if (discs_ <= legible_) {
        discs_ = discs_before;
        return false;
    }
    return true;
}

// The frame's bins near the screen, in screen pixels; the colour scale and the counts from
// those on it. In the binned view the count on screen is to the cell: a cell counts when the
// mean of its incidents is on screen.
void PointSelection::place_bins(double dx, double dy) {
    bins_.clear();
    max_count_ = 0;
    std::size_t on_screen = 0;
    const double w = view_.width, h = view_.height, reach = cell_px_ + 1;
    for (const PointBin& b : frame_bins_) {
        const double x = b.x - dx, y = b.y - dy;
        if (x < -reach || y < -reach || x >= w + reach || y >= h + reach) continue;
        bins_.push_back({float(x), float(y), b.count});
        if (x < -margin_px_ || y < -margin_px_ || x >= w + margin_px_ || y >= h + margin_px_) continue;
        max_count_ = std::max(max_count_, b.count);
        on_screen += static_cast<std::size_t>(b.count);
    }
    incidents_ = discs_ = on_screen;
}

}  // namespace mirador
