// docs/project-format.md against the code: its one ```json example is the version-1 fixture,
// every field that describe() lists has a row in its tables, and every spelling of every
// choice the document uses (EnumNames.hpp) is written there. A field, choice or fixture change
// that leaves the document behind fails here.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "document/Describe.hpp"
#include "document/EnumNames.hpp"
#include "document/MapDocument.hpp"

// tests/CMakeLists.txt defines it; the fallback lets this file be checked alone from the source root.
#ifndef MIRADOR_TEST_FIXTURES
#define MIRADOR_TEST_FIXTURES "tests/fixtures"
#endif

using namespace mirador;

namespace {

const std::string kDocPath = MIRADOR_TEST_FIXTURES "/../../docs/project-format.md";
const std::string kFixturePath = MIRADOR_TEST_FIXTURES "/projects/v1-briefing.mirador";

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    INFO(path);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// The text between the document's one "```json" line and the next "```" line.
std::string json_block(const std::string& doc) {
    const std::string open = "```json\n";
    REQUIRE(count_of(doc, "```json") == 1);
    const std::size_t start = doc.find(open);
    REQUIRE(start != std::string::npos);
    const std::size_t body = start + open.size();
    const std::size_t close = doc.find("\n```", body);
    REQUIRE(close != std::string::npos);
    return doc.substr(body, close + 1 - body);
}

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};

struct Field {
    std::string path, name;  // "layers[].style<heatmap>.radius_km", "radius_km"
};
struct Spelling {
    std::string path, name;  // "view.crs", "EPSG:6372"
};

// Walks describe() over a default document: every field with its JSON path, and for every
// enum field every spelling its type has. Lists of layers walk the default layers, a layer's
// style walks every kind, other lists and optionals walk a default element.
struct FieldWalker {
    std::string at;
    std::vector<Field>* fields;
    std::vector<Spelling>* spellings;

    std::string path_of(const char* name) const { return at.empty() ? std::string(name) : at + "." + name; }

    template <class E>
    void spellings_of(const std::string& path) {
        for (const auto& value_and_name : doc::EnumNames<E>::values) spellings->push_back({path, value_and_name.second});
    }

    template <class T>
    void walk(const T& v, const std::string& path) {
        if constexpr (std::is_same_v<T, bool> || std::is_arithmetic_v<T> || std::is_same_v<T, std::string>) {
            (void)v;
        } else if constexpr (std::is_enum_v<T>) {
            (void)v;
            spellings_of<T>(path);
        } else if constexpr (IsOptional<T>::value) {
            (void)v;
            walk(typename T::value_type{}, path);
        } else if constexpr (std::is_same_v<T, std::vector<doc::Layer>>) {
            (void)v;
            for (const doc::Layer& l : doc::MapDocument::default_layers()) walk(l, path + "[]");
        } else if constexpr (IsVector<T>::value) {
            (void)v;
            walk(typename T::value_type{}, path + "[]");
        } else if constexpr (std::is_same_v<T, doc::LayerStyle>) {
            (void)v;
            walk_styles(path, std::make_index_sequence<std::variant_size_v<doc::LayerStyle>>{});
        } else {
            FieldWalker inner{path, fields, spellings};
            doc::describe(inner, v);
        }
    }

    template <std::size_t... I>
    void walk_styles(const std::string& path, std::index_sequence<I...>) {
        (walk(std::variant_alternative_t<I, doc::LayerStyle>{},
              path + "<" + doc::enum_name(static_cast<doc::LayerKind>(I)) + ">"),
         ...);
    }

    template <class T>
    void operator()(const char* name, const T& v) {
        const std::string path = path_of(name);
        fields->push_back({path, name});
        walk(v, path);
    }
    template <class T>
    void operator()(const char* name, const T& v, const limits::NumberRange&) {
        (*this)(name, v);
    }
};

struct DocumentNames {
    std::vector<Field> fields;
    std::vector<Spelling> spellings;
};

DocumentNames document_names() {
    DocumentNames n;
    // Written by ProjectFile.cpp outside describe(): the version and each layer's kind.
    n.fields.push_back({"mirador_project", "mirador_project"});
    n.fields.push_back({"layers[].type", "type"});
    FieldWalker w{"", &n.fields, &n.spellings};
    w.spellings_of<doc::LayerKind>("layers[].type");
    const doc::MapDocument d;
    doc::describe(w, d);
    return n;
}

}  // namespace

TEST_CASE("project format doc: its json example is the version-1 fixture", "[document]") {
    const std::string doc = read_text(kDocPath);
    const std::string block = json_block(doc);
    nlohmann::json example, fixture;
    REQUIRE_NOTHROW(example = nlohmann::json::parse(block));
    REQUIRE_NOTHROW(fixture = nlohmann::json::parse(read_text(kFixturePath)));
    CHECK(example == fixture);
}

TEST_CASE("project format doc: every field of the document has a row in its tables", "[document]") {
    const std::string doc = read_text(kDocPath);
    const DocumentNames names = document_names();
    // describe() lists well over a hundred fields; a walker that stopped early would pass vacuously.
    REQUIRE(names.fields.size() > 100);
    std::set<std::string> seen;
    for (const Field& f : names.fields) {
        if (!seen.insert(f.name).second) continue;
        INFO("field " << f.path << ": the document needs a table row starting | `" << f.name << "` |");
        CHECK(doc.find("| `" + f.name + "` |") != std::string::npos);
    }
}

TEST_CASE("project format doc: every spelling of every choice is written", "[document]") {
    const std::string doc = read_text(kDocPath);
    const DocumentNames names = document_names();
    REQUIRE(names.spellings.size() > 50);
    std::set<std::string> seen;
    for (const Spelling& s : names.spellings) {
        if (!seen.insert(s.name).second) continue;
        INFO("choice of " << s.path << ": the document needs `" << s.name << "`");
        CHECK(doc.find("`" + s.name + "`") != std::string::npos);
    }
}
