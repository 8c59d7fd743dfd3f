#pragma once
// What kind of field a member of the document is, for the code that walks describe()'s lists
// (the project file's reader and writer, and the tests that change or list every field).
#include <optional>
#include <type_traits>
#include <vector>

namespace mirador::doc {

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};

}  // namespace mirador::doc
