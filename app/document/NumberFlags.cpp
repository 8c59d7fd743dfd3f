#include "document/NumberFlags.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace mirador {

namespace {

std::string format_bound(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

}  // namespace

std::string describe(const limits::NumberRange& r) {
    std::string s = r.integer ? "a whole number from " : "a number from ";
    s += format_bound(r.lo) + " to " + format_bound(r.hi);
    if (*r.unit) s += std::string(" ") + r.unit;
    return s;
}

geo::Result<double> parse_number_in(std::string_view text, const limits::NumberRange& r) {
    std::string_view t = text;
    if (!t.empty() && t.front() == '+') t.remove_prefix(1);
    double v = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    const std::string quoted = "'" + std::string(text) + "'";
    if (t.empty() || ec != std::errc() || end != t.data() + t.size())
        return geo::make_error("expected " + describe(r) + ", got " + quoted);
    if (!std::isfinite(v)) return geo::make_error("expected " + describe(r) + ", got " + quoted + " (not a finite number)");
    if (r.integer && v != std::floor(v)) return geo::make_error("expected " + describe(r) + ", got " + quoted);
    if (v < r.lo || v > r.hi) return geo::make_error("expected " + describe(r) + ", got " + quoted + " (out of range)");
    return v;
}

CLI::Validator within(const limits::NumberRange& r) {
    return CLI::Validator(
        [r](std::string& text) {
            auto v = parse_number_in(text, r);
            return v ? std::string() : v.error();
        },
        describe(r));
}

}  // namespace mirador
