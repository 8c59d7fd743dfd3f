#pragma once
// An option bound to an enum of the document, given by the same name a project file uses
// (document/EnumNames.hpp), in any case. A wrong name gets a message listing the right ones; the
// help shows the default by name.
#include <CLI/CLI.hpp>

#include <string>

#include "document/EnumNames.hpp"

namespace mirador {

template <class E>
CLI::Option* add_enum_option(CLI::App& cmd, const std::string& flag, E& value, const std::string& help) {
    const std::string choices = doc::enum_choices<E>();
    auto transform = [choices](std::string& text) -> std::string {
        const auto e = doc::parse_enum<E>(text);
        if (!e) return "expected " + choices + ", got '" + text + "'";
        text = std::to_string(static_cast<long long>(*e));
        return {};
    };
    return cmd.add_option(flag, value, help + " (" + choices + ")")
        ->transform(CLI::Validator(transform, ""))
        ->default_str(doc::enum_name(value));
}

}  // namespace mirador
