#include "render/PointSelection.hpp"

#include <algorithm>
#include <cmath>
#include <thread>

namespace mirador {

namespace {

// The screen as the scan sees it: pixels from the top left, cells of cell_px.
struct ScreenFrame {
    double left, top, per_metre;  // view's top-left corner in map metres; pixels per metre
    double width, height, margin;
    double per_cell;              // cells per pixel
    std::size_t cols, rows;
};

// Counts [from, to) into p's cells and keeps up to legible + 1 of their indices.
void scan(const PointSource& s, const ScreenFrame& f, geo::DayRange w, std::size_t from, std::size_t to,
          std::size_t legible, PointSelection::Part& p) {
    const std::size_t keep = legible + 1;
    for (std::size_t i = from; i < to; ++i) {
        if (!s.drawn[i] || s.day_start[i] > w.to || s.day_end[i] < w.from) continue;
        const double px = (s.xy[i].x - f.left) * f.per_metre, py = (f.top - s.xy[i].y) * f.per_metre;
        // Written so that NaN (not placed) fails every comparison.
        if (!(px >= -f.margin && px < f.width + f.margin && py >= -f.margin && py < f.height + f.margin)) continue;
        ++p.on_screen;
        if (p.singles.size() < keep) p.singles.push_back(static_cast<std::uint32_t>(i));
        if (px < 0 || py < 0 || px >= f.width || py >= f.height) continue;
        const std::size_t cx = std::min(f.cols - 1, static_cast<std::size_t>(px * f.per_cell));
        const std::size_t cy = std::min(f.rows - 1, static_cast<std::size_t>(py * f.per_cell));
        const std::size_t c = cy * f.cols + cx;
        ++p.count[c];
        p.sum_x[c] += float(px);
        p.sum_y[c] += float(py);
    }
}

void reset(PointSelection::Part& p, std::size_t cells) {
    p.count.assign(cells, 0);
    p.sum_x.assign(cells, 0.0f);
    p.sum_y.assign(cells, 0.0f);
    p.singles.clear();
    p.on_screen = 0;
}

}  // namespace

void PointSelection::select(const PointSource& s, const SelectionRequest& r) {
    const MapView& v = r.view;
    ScreenFrame f;
    f.per_metre = 1.0 / v.metres_per_pixel;
    f.left = v.center.x - 0.5 * v.width * v.metres_per_pixel;
    f.top = v.center.y + 0.5 * v.height * v.metres_per_pixel;
    f.width = v.width;
    f.height = v.height;
    f.margin = r.margin_px;
    f.per_cell = 1.0 / std::max(1.0, r.cell_px);
    f.cols = static_cast<std::size_t>(std::ceil(v.width * f.per_cell));
    f.rows = static_cast<std::size_t>(std::ceil(v.height * f.per_cell));
    const std::size_t cells = std::max<std::size_t>(1, f.cols * f.rows);

    // Threads pay for themselves from a few hundred thousand incidents (a month of a large
    // catalogue is less, all of it more); each scans a contiguous share of the range.
    const std::size_t last = std::min(r.last, s.xy.size());
    const std::size_t first = std::min(r.first, last);
    const std::size_t n = last - first;
    const std::size_t hw = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threads = n < 300000 ? 1 : std::min<std::size_t>(hw, 4);
    parts_.resize(threads);
    for (Part& p : parts_) reset(p, cells);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back([&, t] {
            scan(s, f, r.window, first + n * t / threads, first + n * (t + 1) / threads, r.legible, parts_[t]);
        });
    scan(s, f, r.window, first, first + n / threads, r.legible, parts_[0]);
    for (std::thread& t : pool) t.join();

    // Stack markers: one disc each when exact, their incidents' count when binned.
    stacks_.clear();
    std::size_t stacked_incidents = 0;
    Part& all = parts_[0];
    for (std::size_t k = 0; k < s.stacks.size(); ++k) {
        const PointMarker& m = s.stacks[k];
        const double px = (m.xy.x - f.left) * f.per_metre, py = (f.top - m.xy.y) * f.per_metre;
        if (!(px >= -f.margin && px < f.width + f.margin && py >= -f.margin && py < f.height + f.margin)) continue;
        stacks_.push_back(static_cast<std::uint32_t>(k));
        stacked_incidents += m.count;
        if (px < 0 || py < 0 || px >= f.width || py >= f.height) continue;
        const std::size_t c = std::min(f.rows - 1, static_cast<std::size_t>(py * f.per_cell)) * f.cols +
                              std::min(f.cols - 1, static_cast<std::size_t>(px * f.per_cell));
        all.count[c] += m.count;
        all.sum_x[c] += float(px) * float(m.count);
        all.sum_y[c] += float(py) * float(m.count);
    }

    std::size_t singles = 0;
    for (const Part& p : parts_) singles += p.on_screen;
    discs_ = singles + stacks_.size();
    incidents_ = singles + stacked_incidents;
    aggregated_ = discs_ > r.legible;
    singles_.clear();
    bins_.clear();
    max_count_ = 0;
    if (!aggregated_) {
        for (const Part& p : parts_) singles_.insert(singles_.end(), p.singles.begin(), p.singles.end());
        return;
    }
    for (std::size_t t = 1; t < parts_.size(); ++t)
        for (std::size_t c = 0; c < cells; ++c) {
            all.count[c] += parts_[t].count[c];
            all.sum_x[c] += parts_[t].sum_x[c];
            all.sum_y[c] += parts_[t].sum_y[c];
        }
    for (std::size_t c = 0; c < cells; ++c) {
        if (!all.count[c]) continue;
        const float k = float(all.count[c]);
        bins_.push_back({all.sum_x[c] / k, all.sum_y[c] / k, k});
        max_count_ = std::max(max_count_, k);
    }
}

}  // namespace mirador
