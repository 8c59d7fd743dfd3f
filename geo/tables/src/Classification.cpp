#include "mirador/geo/Classification.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

namespace mirador::geo {

namespace {

// Natural breaks cost O(k·n²) in the number of distinct values. Mexico has about 2,500
// municipalities, so the exact optimum is cheap there; above this many distinct values
// (incidents classified one by one, say) the partition is computed on this many evenly
// ranked order statistics of the sorted data instead, which keeps it deterministic and under
// a few tens of milliseconds while following the same gaps.
constexpr std::size_t kMaxExactJenksValues = 5000;

// The sorted values, each once, with how many times it occurs.
struct Distinct {
    std::vector<double> value;
    std::vector<double> weight;
};

Distinct distinct_of(const std::vector<double>& sorted) {
    Distinct d;
    for (double v : sorted) {
        if (!d.value.empty() && d.value.back() == v) {
            d.weight.back() += 1.0;
        } else {
            d.value.push_back(v);
            d.weight.push_back(1.0);
        }
    }
    return d;
}

std::size_t count_distinct(const std::vector<double>& sorted) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        if (i == 0 || sorted[i] != sorted[i - 1]) ++n;
    }
    return n;
}

// Inner break between two neighbouring classes: halfway across the gap, so that neither
// class's values sit on the edge and class_of gives back exactly the classes computed.
double edge_between(double below, double above) { return std::midpoint(below, above); }

Classes equal_interval(double lo, double hi, int k) {
    Classes c;
    for (int i = 0; i < k; ++i) {
        c.breaks.push_back(std::lerp(lo, hi, static_cast<double>(i) / k));
    }
    c.breaks.push_back(hi);  // exactly the maximum, whatever lerp rounded to
    return c;
}

// The value of 0-based rank j in the sorted list goes to class floor(j·k/n), so each class
// gets n/k values, rounded up or down (sizes differ by at most one without ties). A tie goes,
// as a block, to the class of its middle rank: one value is never split over two classes,
// and when a tie is bigger than a class the classes it swallows disappear. Where i·n/k is
// whole, the break this gives is the type 2 sample quantile of Hyndman & Fan (1996), the
// average of the two order statistics either side; otherwise it is the midpoint of the gap
// just above the type 2 quantile.
Classes quantiles(const std::vector<double>& sorted, int k) {
    const std::size_t n = sorted.size();
    const auto kk = static_cast<std::size_t>(k);
    Classes c;
    c.breaks.push_back(sorted.front());
    std::size_t previous_class = 0;
    for (std::size_t first = 0; first < n;) {
        std::size_t last = first;
        while (last + 1 < n && sorted[last + 1] == sorted[first]) ++last;
        const std::size_t cls = (first + last) / 2 * kk / n;
        if (first > 0 && cls != previous_class) {
            c.breaks.push_back(edge_between(sorted[first - 1], sorted[first]));
        }
        previous_class = cls;
        first = last + 1;
    }
    c.breaks.push_back(sorted.back());
    return c;
}

// Jenks / Fisher: the partition of the sorted values into k runs with the smallest total sum
// of squared deviations from the class means, by dynamic programming over the distinct
// values (weighted by their counts, so ties stay together). Returns, for each class after the
// first, the index of its first distinct value.
std::vector<std::size_t> optimal_partition(const Distinct& d, int k) {
    const std::size_t n = d.value.size();
    const auto kk = static_cast<std::size_t>(k);
    // Prefix sums of weight, weighted value and weighted square, about a central value so that
    // q - s²/w does not lose the deviations to cancellation when the values are large.
    const double centre = d.value[n / 2];
    std::vector<double> w(n + 1, 0.0), s(n + 1, 0.0), q(n + 1, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        const double x = d.value[i] - centre;
        w[i + 1] = w[i] + d.weight[i];
        s[i + 1] = s[i] + d.weight[i] * x;
        q[i + 1] = q[i] + d.weight[i] * x * x;
    }
    // Sum of squared deviations of distinct values [i, j).
    auto cost = [&](std::size_t i, std::size_t j) {
        const double sum = s[j] - s[i];
        return std::max(0.0, (q[j] - q[i]) - sum * sum / (w[j] - w[i]));
    };

    // best[j]: least cost of the first j distinct values in the current number of classes;
    // start[c][j]: where the last of those c+1 classes begins.
    constexpr double kInf = std::numeric_limits<double>::infinity();
    std::vector<double> best(n + 1, kInf), next(n + 1, kInf);
    std::vector<std::vector<std::size_t>> start(kk, std::vector<std::size_t>(n + 1, 0));
    for (std::size_t j = 1; j <= n; ++j) best[j] = cost(0, j);
    for (std::size_t c = 1; c < kk; ++c) {
        std::fill(next.begin(), next.end(), kInf);
        for (std::size_t j = c + 1; j <= n; ++j) {
            for (std::size_t i = c; i < j; ++i) {
                const double total = best[i] + cost(i, j);
                if (total < next[j]) {
                    next[j] = total;
                    start[c][j] = i;
                }
            }
        }
        std::swap(best, next);
    }

    std::vector<std::size_t> starts(kk - 1);
    std::size_t end = n;
    for (std::size_t c = kk - 1; c >= 1; --c) {
        end = start[c][end];
        starts[c - 1] = end;
    }
    return starts;
}

Classes natural_breaks(const std::vector<double>& sorted, int k) {
    Distinct d;
    if (count_distinct(sorted) <= kMaxExactJenksValues) {
        d = distinct_of(sorted);
    } else {
        // Order statistics at the middle of kMaxExactJenksValues equal rank slices.
        const std::size_t n = sorted.size(), m = kMaxExactJenksValues;
        std::vector<double> sample(m);
        for (std::size_t i = 0; i < m; ++i) sample[i] = sorted[(2 * i + 1) * n / (2 * m)];
        d = distinct_of(sample);
        k = std::min(k, static_cast<int>(d.value.size()));
    }
    Classes c;
    c.breaks.push_back(sorted.front());
    if (k > 1) {
        for (std::size_t i : optimal_partition(d, k)) {
            c.breaks.push_back(edge_between(d.value[i - 1], d.value[i]));
        }
    }
    c.breaks.push_back(sorted.back());
    return c;
}

// "1234567" -> "1,234,567"; digits only.
std::string group_thousands(const std::string& digits) {
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace

std::optional<ClassMethod> parse_class_method(std::string_view text) {
    std::string t;
    for (char ch : text) t += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (t == "quantiles") return ClassMethod::Quantiles;
    if (t == "equal" || t == "equal-interval") return ClassMethod::EqualInterval;
    if (t == "jenks" || t == "natural-breaks") return ClassMethod::NaturalBreaks;
    return std::nullopt;
}

std::string_view class_method_name(ClassMethod method) {
    switch (method) {
    case ClassMethod::Quantiles: return "quantiles";
    case ClassMethod::EqualInterval: return "equal-interval";
    case ClassMethod::NaturalBreaks: return "natural-breaks";
    }
    return "quantiles";
}

int Classes::class_of(double v) const {
    if (std::isnan(v) || breaks.size() < 2) return -1;
    // The number of inner breaks at or below v: a value on a break counts it, so it lands in
    // the class above; anything past the ends counts none or all of them.
    const auto inner_begin = breaks.begin() + 1, inner_end = breaks.end() - 1;
    return static_cast<int>(std::upper_bound(inner_begin, inner_end, v) - inner_begin);
}

Classes classify(std::span<const double> values, int k, ClassMethod method) {
    std::vector<double> sorted;
    sorted.reserve(values.size());
    for (double v : values) {
        if (std::isfinite(v)) sorted.push_back(v);
    }
    if (sorted.empty()) return {};
    std::sort(sorted.begin(), sorted.end());
    k = std::max(k, 1);
    if (static_cast<std::size_t>(k) > count_distinct(sorted)) k = static_cast<int>(count_distinct(sorted));
    Classes c;
    if (k == 1) c.breaks = {sorted.front(), sorted.back()};  // one value: {v, v}
    else if (method == ClassMethod::Quantiles) c = quantiles(sorted, k);
    else if (method == ClassMethod::EqualInterval) c = equal_interval(sorted.front(), sorted.back(), k);
    else c = natural_breaks(sorted, k);
    c.integers = std::all_of(sorted.begin(), sorted.end(), [](double v) { return v == std::floor(v); });
    return c;
}

std::string format_break(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    if (value == 0.0) return "0";  // -0 too
    // Three significant digits: enough to tell a legend's breaks apart without printing the
    // noise of a midpoint or a rate; but an integer part is never rounded away.
    const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(value))));
    const int decimals = std::max(0, 2 - magnitude);
    char buffer[400];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    const auto dot = text.find('.');
    std::string out = group_thousands(text.substr(0, dot));
    if (dot != std::string::npos) out += text.substr(dot);
    return (value < 0 ? "-" : "") + out;
}

std::string class_label(const Classes& classes, int i) {
    const std::vector<double>& br = classes.breaks;
    if (i < 0 || static_cast<std::size_t>(i) + 1 >= br.size()) return {};
    const auto c = static_cast<std::size_t>(i);
    double lo = br[c], hi = br[c + 1];
    if (classes.integers) {
        // A value on an inner edge belongs to the class above it (class_of): the class ends at
        // the last whole number below its upper edge; the last class at the largest value.
        const double first = std::ceil(lo), last = c + 2 == br.size() ? std::floor(hi) : std::ceil(hi) - 1;
        // Classes from classify() always hold a whole number (inner edges lie between two
        // values, or are k equal steps with k no more than the whole numbers spanned); edges
        // made otherwise that hold none keep their own text.
        if (first <= last) lo = first, hi = last;
    }
    const std::string a = format_break(lo), b = format_break(hi);
    return a == b ? a : a + " \xE2\x80\x93 " + b;
}

}  // namespace mirador::geo
