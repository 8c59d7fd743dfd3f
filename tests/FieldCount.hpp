#pragma once
// The number of members of an aggregate, found at compile time by brace-initialising it with
// ever more "anything" values until that stops compiling. The tests compare it with the fields
// a describe() lists, so a member added without being listed fails them.
#include <cstddef>
#include <utility>

namespace mirador::test {

// Converts to any type by lvalue reference, only as an rvalue: std::string's constructor from
// anything convertible to string_view then does not compete (that conversion needs an lvalue).
struct AnyField {
    template <class T>
    operator T&() const&& noexcept;  // declared only: used in unevaluated context
};

template <class T, std::size_t... I>
constexpr bool brace_constructible_with(std::index_sequence<I...>) {
    return requires { T{(void(I), AnyField{})...}; };
}

template <class T, std::size_t N = 0>
constexpr std::size_t field_count() {
    if constexpr (brace_constructible_with<T>(std::make_index_sequence<N + 1>{})) return field_count<T, N + 1>();
    else return N;
}

}  // namespace mirador::test
