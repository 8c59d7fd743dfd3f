#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "mirador/geo/Classification.hpp"

using namespace mirador::geo;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

void check_breaks(const Classes& c, const std::vector<double>& expected) {
    INFO("got " << c.breaks.size() << " breaks, expected " << expected.size());
    REQUIRE(c.breaks.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("break " << i);
        CHECK(c.breaks[i] == Approx(expected[i]).margin(1e-12));
    }
}

// The class of each value, in input order.
std::vector<int> classes_of(const Classes& c, const std::vector<double>& values) {
    std::vector<int> out;
    for (double v : values) out.push_back(c.class_of(v));
    return out;
}

// Sum over the classes of squared deviations from the class mean, given each value's class.
double within_class_ss(const std::vector<double>& values, const std::vector<int>& label, int k) {
    std::vector<double> n(k, 0.0), sum(k, 0.0);
    for (std::size_t i = 0; i < values.size(); ++i) {
        n[label[i]] += 1;
        sum[label[i]] += values[i];
    }
    double ss = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double d = values[i] - sum[label[i]] / n[label[i]];
        ss += d * d;
    }
    return ss;
}

// The least within-class sum of squares over every assignment of the values to k non-empty
// classes, contiguous or not: what natural breaks must reach, found without assuming that the
// optimum is a run of sorted values.
double brute_force_ss(const std::vector<double>& values, int k) {
    const std::size_t n = values.size();
    std::vector<int> label(n, 0);
    double best = std::numeric_limits<double>::infinity();
    while (true) {
        std::vector<int> used(k, 0);
        for (int l : label) used[l] = 1;
        if (std::find(used.begin(), used.end(), 0) == used.end()) {
            best = std::min(best, within_class_ss(values, label, k));
        }
        std::size_t i = 0;
        while (i < n && ++label[i] == k) label[i++] = 0;
        if (i == n) break;
    }
    return best;
}

}  // namespace

TEST_CASE("classification: method names parse and round trip", "[classification]") {
    CHECK(parse_class_method("quantiles") == ClassMethod::Quantiles);
    CHECK(parse_class_method("equal") == ClassMethod::EqualInterval);
    CHECK(parse_class_method("Equal-Interval") == ClassMethod::EqualInterval);
    CHECK(parse_class_method("jenks") == ClassMethod::NaturalBreaks);
    CHECK(parse_class_method("natural-breaks") == ClassMethod::NaturalBreaks);
    CHECK_FALSE(parse_class_method("quantile-ish"));
    CHECK_FALSE(parse_class_method(""));
    for (auto m : {ClassMethod::Quantiles, ClassMethod::EqualInterval, ClassMethod::NaturalBreaks}) {
        CHECK(parse_class_method(class_method_name(m)) == m);
    }
}

TEST_CASE("classification: equal interval splits min..max evenly", "[classification]") {
    const std::vector<double> v{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const auto c = classify(v, 5, ClassMethod::EqualInterval);
    check_breaks(c, {1, 2.8, 4.6, 6.4, 8.2, 10});
    CHECK(classes_of(c, v) == std::vector<int>{0, 0, 1, 1, 2, 2, 3, 3, 4, 4});
    // Equal intervals may leave a class empty: the outlier stretches the range.
    const auto skewed = classify(std::vector<double>{0, 1, 2, 100}, 4, ClassMethod::EqualInterval);
    check_breaks(skewed, {0, 25, 50, 75, 100});
}

TEST_CASE("classification: quantiles give each class n/k values", "[classification]") {
    const std::vector<double> v{10, 9, 8, 7, 6, 5, 4, 3, 2, 1};  // order does not matter
    // n/k whole: type 2 quantiles, the average of the order statistics either side.
    check_breaks(classify(v, 5, ClassMethod::Quantiles), {1, 2.5, 4.5, 6.5, 8.5, 10});
    // n/k = 2.5: rank j goes to class floor(4j/10): {1,2,3} {4,5} {6,7,8} {9,10}.
    const auto c4 = classify(v, 4, ClassMethod::Quantiles);
    check_breaks(c4, {1, 3.5, 5.5, 8.5, 10});
    CHECK(classes_of(c4, v) == std::vector<int>{3, 3, 2, 2, 2, 1, 1, 0, 0, 0});
}

TEST_CASE("classification: quantiles keep ties together and drop swallowed classes", "[classification]") {
    // Six zeros (municipalities without incidents) fill the first class and nothing else.
    const std::vector<double> zeros{0, 0, 0, 0, 0, 0, 1, 2, 3, 4};
    const auto c = classify(zeros, 3, ClassMethod::Quantiles);
    check_breaks(c, {0, 0.5, 1.5, 4});
    CHECK(classes_of(c, zeros) == std::vector<int>{0, 0, 0, 0, 0, 0, 1, 2, 2, 2});
    // Eight zeros of ten are more than a class: the middle class disappears rather than
    // splitting the zeros or staying empty.
    const auto swallowed = classify(std::vector<double>{0, 0, 0, 0, 0, 0, 0, 0, 1, 2}, 3,
                                    ClassMethod::Quantiles);
    check_breaks(swallowed, {0, 0.5, 2});
}

TEST_CASE("classification: natural breaks find clear clusters", "[classification]") {
    const std::vector<double> v{30, 1, 11, 2, 33, 10, 1, 31, 12};
    const auto c = classify(v, 3, ClassMethod::NaturalBreaks);
    check_breaks(c, {1, 6, 21, 33});  // midpoints of the gaps 2..10 and 12..30
    CHECK(classes_of(c, v) == std::vector<int>{2, 0, 1, 0, 2, 1, 0, 2, 1});
    // One very violent municipality gets a class of its own.
    const auto outlier = classify(std::vector<double>{0, 0, 1, 2, 3, 4, 5, 250}, 2,
                                  ClassMethod::NaturalBreaks);
    check_breaks(outlier, {0, 127.5, 250});
}

TEST_CASE("classification: natural breaks match brute force on small random inputs", "[classification]") {
    std::mt19937 rng(20240611);
    for (int trial = 0; trial < 300; ++trial) {
        const int n = std::uniform_int_distribution<int>(1, 8)(rng);
        std::vector<double> v;
        // Half the trials draw small integers, so ties are common; the others real values.
        const bool integers = trial % 2 == 0;
        for (int i = 0; i < n; ++i) {
            v.push_back(integers ? std::uniform_int_distribution<int>(0, 12)(rng)
                                 : std::uniform_real_distribution<double>(-50, 50)(rng));
        }
        std::vector<double> distinct = v;
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        const int k = std::uniform_int_distribution<int>(1, std::min<int>(4, distinct.size()))(rng);

        const auto c = classify(v, k, ClassMethod::NaturalBreaks);
        INFO("trial " << trial << " n " << n << " k " << k);
        REQUIRE(c.count() == k);
        const auto labels = classes_of(c, v);
        for (int cls = 0; cls < k; ++cls) {
            CHECK(std::find(labels.begin(), labels.end(), cls) != labels.end());
        }
        CHECK(within_class_ss(v, labels, k) == Approx(brute_force_ss(v, k)).margin(1e-9));
    }
}

TEST_CASE("classification: many distinct values are sampled for natural breaks", "[classification]") {
    // 30,000 distinct values in three bands: above the exact limit, so the partition comes
    // from a sample, which must still find the bands.
    std::vector<double> v;
    for (int i = 0; i < 30000; ++i) {
        const double base = i % 3 == 0 ? 0 : i % 3 == 1 ? 1000 : 5000;
        v.push_back(base + (i / 3) * 0.01);
    }
    const auto c = classify(v, 3, ClassMethod::NaturalBreaks);
    REQUIRE(c.count() == 3);
    CHECK(c.breaks.front() == 0);
    CHECK(c.breaks.back() == Approx(5099.99));
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (c.class_of(v[i]) != static_cast<int>(i % 3)) FAIL("value " << v[i] << " misclassified");
    }
}

TEST_CASE("classification: class_of at the edges", "[classification]") {
    const auto c = classify(std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5,
                            ClassMethod::EqualInterval);
    CHECK(c.class_of(1) == 0);       // the minimum: first class
    CHECK(c.class_of(10) == 4);      // the maximum: last class, which is closed
    CHECK(c.class_of(c.breaks[2]) == 2);  // on an inner break: the class above it
    CHECK(c.class_of(std::nextafter(c.breaks[2], 0.0)) == 1);
    CHECK(c.class_of(-5) == 0);      // outside the range: clamped
    CHECK(c.class_of(99) == 4);
    CHECK(c.class_of(kInf) == 4);
    CHECK(c.class_of(-kInf) == 0);
    CHECK(c.class_of(kNaN) == -1);
}

TEST_CASE("classification: NaN and infinities are ignored", "[classification]") {
    const std::vector<double> with_gaps{kNaN, 1, 2, kInf, 3, kNaN, -kInf, 4};
    const std::vector<double> clean{1, 2, 3, 4};
    for (auto m : {ClassMethod::Quantiles, ClassMethod::EqualInterval, ClassMethod::NaturalBreaks}) {
        INFO(class_method_name(m));
        CHECK(classify(with_gaps, 2, m).breaks == classify(clean, 2, m).breaks);
    }
}

TEST_CASE("classification: empty, all-equal and too many classes", "[classification]") {
    for (auto m : {ClassMethod::Quantiles, ClassMethod::EqualInterval, ClassMethod::NaturalBreaks}) {
        INFO(class_method_name(m));
        const auto empty = classify(std::vector<double>{}, 5, m);
        CHECK(empty.breaks.empty());
        CHECK(empty.count() == 0);
        CHECK(empty.class_of(1) == -1);
        CHECK(classify(std::vector<double>{kNaN, kNaN}, 5, m).count() == 0);

        const auto flat = classify(std::vector<double>{4, 4, 4}, 5, m);
        CHECK(flat.breaks == std::vector<double>{4, 4});
        CHECK(flat.class_of(4) == 0);
        CHECK(flat.class_of(7) == 0);

        // Three distinct values: at most three classes, each non-empty.
        const std::vector<double> few{1, 1, 2, 3};
        const auto c = classify(few, 10, m);
        CHECK(c.count() == 3);
        CHECK(classes_of(c, few) == std::vector<int>{0, 0, 1, 2});

        CHECK(classify(few, 0, m).breaks == std::vector<double>{1, 3});  // k < 1 means one class
    }
    check_breaks(classify(std::vector<double>{1, 1, 2, 3}, 10, ClassMethod::Quantiles), {1, 1.5, 2.5, 3});
}

TEST_CASE("classification: legend numbers", "[classification]") {
    CHECK(format_break(0) == "0");
    CHECK(format_break(-0.0) == "0");
    CHECK(format_break(1.5) == "1.5");
    CHECK(format_break(12) == "12");
    CHECK(format_break(1234) == "1,234");
    CHECK(format_break(2.8000000000000003) == "2.8");
    CHECK(format_break(12.345) == "12.3");
    CHECK(format_break(0.12345) == "0.123");
    CHECK(format_break(0.0042) == "0.0042");
    CHECK(format_break(999.7) == "1,000");
    CHECK(format_break(1234567.89) == "1,234,568");
    CHECK(format_break(-56) == "-56");
    CHECK(format_break(-1234.4) == "-1,234");
    CHECK(format_break(kNaN) == "nan");
    CHECK(format_break(-kInf) == "-inf");
}

namespace {

// "2 – 3" -> {2, 3}; "8" -> {8, 8}. Small whole numbers only (no thousands commas).
std::pair<long, long> whole_range(const std::string& label) {
    const std::string dash = " \xE2\x80\x93 ";
    const auto at = label.find(dash);
    if (at == std::string::npos) return {std::stol(label), std::stol(label)};
    return {std::stol(label.substr(0, at)), std::stol(label.substr(at + dash.size()))};
}

std::vector<std::string> labels_of(const Classes& c) {
    std::vector<std::string> out;
    for (int i = 0; i < c.count(); ++i) out.push_back(class_label(c, i));
    return out;
}

}  // namespace

TEST_CASE("classification: classes of counts read as whole numbers", "[classification]") {
    const std::vector<double> counts{0, 1, 1, 2, 3, 5, 8};
    using L = std::vector<std::string>;
    const Classes q = classify(counts, 5, ClassMethod::Quantiles);
    CHECK(q.integers);
    CHECK(q.breaks == std::vector<double>{0, 1.5, 4, 6.5, 8});  // midpoints between the values
    CHECK(labels_of(q) == L{"0 \xE2\x80\x93 1", "2 \xE2\x80\x93 3", "4 \xE2\x80\x93 6", "7 \xE2\x80\x93 8"});
    // The case a reader saw: "1 – 1.5" and "1.5 – 2" for counts of one and two.
    CHECK(labels_of(classify(std::vector<double>{1, 1, 1, 2}, 2, ClassMethod::Quantiles)) == L{"1", "2"});
    const Classes j = classify(counts, 3, ClassMethod::NaturalBreaks);
    CHECK(j.breaks == std::vector<double>{0, 2.5, 6.5, 8});  // {0 1 1 2} {3 5} {8}
    CHECK(labels_of(j) == L{"0 \xE2\x80\x93 2", "3 \xE2\x80\x93 6", "7 \xE2\x80\x93 8"});
    // Rates are not whole numbers: their classes keep their edges.
    const Classes rates = classify(std::vector<double>{0.5, 1.25, 2.25, 3.5}, 2, ClassMethod::Quantiles);
    CHECK_FALSE(rates.integers);
    CHECK(labels_of(rates) == L{"0.5 \xE2\x80\x93 1.75", "1.75 \xE2\x80\x93 3.5"});
    CHECK(labels_of(classify(std::vector<double>{9, 9}, 5, ClassMethod::Quantiles)) == L{"9"});

    // Any small counts, any method and number of classes: the labels cover min..max without a
    // gap or an overlap, none is empty, and every whole number gets the class its label names.
    std::mt19937 rng(5);
    for (int trial = 0; trial < 300; ++trial) {
        std::uniform_int_distribution<int> size(1, 40), top(0, 1 + trial % 30);  // below 1,000
        std::vector<double> v(static_cast<std::size_t>(size(rng)));
        for (double& x : v) x = top(rng) * (trial % 3 == 0 ? top(rng) : 1);  // some skewed
        const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
        for (const ClassMethod m : {ClassMethod::Quantiles, ClassMethod::EqualInterval, ClassMethod::NaturalBreaks})
            for (int k = 1; k <= 9; ++k) {
                const Classes c = classify(v, k, m);
                INFO("trial " << trial << " method " << class_method_name(m) << " k " << k);
                REQUIRE(c.integers);
                const L labels = labels_of(c);
                long next = static_cast<long>(*lo);
                for (const std::string& t : labels) {
                    const auto [a, b] = whole_range(t);
                    INFO("label " << t);
                    CHECK(a == next);
                    CHECK(a <= b);
                    next = b + 1;
                }
                CHECK(next == static_cast<long>(*hi) + 1);
                for (long x = static_cast<long>(*lo); x <= static_cast<long>(*hi); ++x) {
                    const auto [a, b] = whole_range(labels[static_cast<std::size_t>(c.class_of(double(x)))]);
                    CHECK((a <= x && x <= b));
                }
            }
    }
}
