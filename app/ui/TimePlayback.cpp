#include "ui/TimePlayback.hpp"

#include <algorithm>
#include <cmath>

namespace mirador {

void set_axis(TimePlayback& p, geo::DayRange extent, geo::WindowSpec spec) {
    const auto before = current_window(p);
    p.spec = spec;
    p.axis = geo::TimeAxis(extent, spec);
    if (before)
        // Cumulative windows are known by where they end, moving ones by where they start.
        p.position = p.axis.index_of(spec.mode == geo::WindowMode::Cumulative ? before->to : before->from);
    else
        p.position = std::min(p.position, p.axis.count() ? p.axis.count() - 1 : 0);
    p.accumulated = 0;
}

bool advance_playback(TimePlayback& p, double dt) {
    const std::size_t n = p.axis.count();
    if (!p.playing || !p.enabled || n == 0) return false;
    p.accumulated += std::max(0.0, dt);
    const double speed = std::clamp(p.speed, TimePlayback::kMinSpeed, TimePlayback::kMaxSpeed);
    const double steps = std::floor(p.accumulated * speed);
    if (steps < 1) return false;
    p.accumulated -= steps / speed;
    const std::size_t before = p.position;
    const double target = double(p.position) + steps;
    if (target < double(n)) {
        p.position = static_cast<std::size_t>(target);
    } else if (p.loop) {
        p.position = static_cast<std::size_t>(std::fmod(target, double(n)));
    } else {
        p.position = n - 1;
        p.playing = false;
        p.accumulated = 0;
    }
    return p.position != before;
}

bool step(TimePlayback& p, int delta) {
    const std::size_t n = p.axis.count();
    p.playing = false;
    p.accumulated = 0;
    if (n == 0 || delta == 0) return false;
    if (!p.enabled) {
        p.enabled = true;
        p.position = delta > 0 ? 0 : n - 1;
        return true;
    }
    const long target = static_cast<long>(p.position) + delta, count = static_cast<long>(n);
    const long next = p.loop ? ((target % count) + count) % count : std::clamp(target, 0L, count - 1);
    const bool changed = static_cast<std::size_t>(next) != p.position;
    p.position = static_cast<std::size_t>(next);
    return changed;
}

void toggle_play(TimePlayback& p) {
    if (p.playing) {
        p.playing = false;
        return;
    }
    if (p.axis.count() == 0) return;
    if (!p.enabled || p.position + 1 >= p.axis.count()) p.position = 0;
    p.enabled = true;
    p.playing = true;
    p.accumulated = 0;
}

bool seek(TimePlayback& p, std::size_t position) {
    if (p.axis.count() == 0) return false;
    position = std::min(position, p.axis.count() - 1);
    const bool changed = !p.enabled || position != p.position;
    p.enabled = true;
    p.position = position;
    p.accumulated = 0;
    return changed;
}

std::optional<geo::DayRange> current_window(const TimePlayback& p) {
    if (!p.enabled || p.axis.count() == 0) return std::nullopt;
    return p.axis.window(std::min(p.position, p.axis.count() - 1));
}

std::string current_label(const TimePlayback& p) {
    if (!p.enabled || p.axis.count() == 0) return {};
    return p.axis.label(std::min(p.position, p.axis.count() - 1));
}

}  // namespace mirador
