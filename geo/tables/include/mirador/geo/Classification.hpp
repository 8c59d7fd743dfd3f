#pragma once
// Class breaks for choropleth legends: which band of the colour ramp a municipality's value
// (count, rate per 100,000 ...) falls in. Three methods, because each tells a different story:
// quantiles give every colour the same number of municipalities, equal intervals keep the
// legend's steps even, natural breaks (Jenks) follow the gaps in the data so that an outlier
// such as a single very violent municipality gets its own class.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mirador::geo {

enum class ClassMethod { Quantiles, EqualInterval, NaturalBreaks };

// "quantiles", "equal", "equal-interval", "jenks", "natural-breaks", in any case; nullopt for
// anything else.
std::optional<ClassMethod> parse_class_method(std::string_view text);

// "quantiles", "equal-interval", "natural-breaks": names parse_class_method reads back.
std::string_view class_method_name(ClassMethod method);

struct Classes {
    // k+1 strictly ascending edges, breaks.front() the smallest value classified and
    // breaks.back() the largest; a single value gives {v, v} (one class) and no values give
    // no edges (no classes).
    std::vector<double> breaks;
    // Every value classified was a whole number (counts): class_label() then names each class
    // by the whole numbers in it ("2 – 3"), not by its edges ("1.5 – 3.5").
    bool integers = false;

    int count() const { return breaks.size() < 2 ? 0 : static_cast<int>(breaks.size()) - 1; }

    // 0..count()-1. Classes include their lower edge: a value equal to an inner break falls in
    // the class above it, and the maximum in the last class. Values outside min..max (from
    // another period, say) are clamped to the first or last class, +-inf included. -1 for NaN
    // or when there are no classes.
    int class_of(double v) const;
};

// Finite values only: NaN (no data) and +-inf (a rate over zero population) are ignored. k is
// clamped to 1..(number of distinct values); the result may still have fewer classes than
// that for quantiles, where a tie larger than a class cannot be split. Every method but equal
// interval puts inner breaks at the midpoint between the largest value of one class and the
// smallest of the next, so no input value sits on an inner edge and every class holds at
// least one value. Equal interval classes can be empty: that is what the method means.
Classes classify(std::span<const double> values, int k, ClassMethod method);

// For legends: three significant digits but never rounded coarser than units, trailing zeros
// dropped, thousands grouped with commas: 0, 0.0042, 1.5, 2.8, 12.3, 1,234, -56.
// "nan", "inf", "-inf" for the non-finite.
std::string format_break(double value);

// Class i's legend text (0 <= i < count()). Of whole numbers: the first and last whole number
// in the class as class_of() assigns them ("0 – 1", "2 – 3", "8"), so neighbouring classes
// meet without a gap or an overlap. Otherwise its edges ("1.5 – 3.2"). A class of one value
// reads as that value ("9", not "9 – 9").
std::string class_label(const Classes& classes, int i);

}  // namespace mirador::geo
