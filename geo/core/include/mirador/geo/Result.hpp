#pragma once
// A value or an error message. Messages name the file (and line or feature) they are
// about, so they can be shown to the analyst as they are.
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace mirador::geo {

struct Error {
    std::string message;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : data_(std::move(value)) {}
    Result(Error error) : data_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(data_); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(data_); }
    const T& value() const& { return std::get<T>(data_); }
    T&& value() && { return std::get<T>(std::move(data_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }

    const std::string& error() const { return std::get<Error>(data_).message; }

private:
    std::variant<T, Error> data_;
};

inline Error make_error(std::string message) { return Error{std::move(message)}; }

}  // namespace mirador::geo
