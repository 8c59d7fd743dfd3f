#include "document/ProjectFile.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <type_traits>

#include "document/NumberFlags.hpp"
#include "document/Describe.hpp"
#include "document/EnumNames.hpp"
#include "mirador/geo/AtomicFile.hpp"
#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/InputPath.hpp"
#include "document/FieldTraits.hpp"

namespace mirador::doc {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

template <class V, class T>
concept Describable = requires(V& v, T& t) { describe(v, t); };

// ------------------------------------------------------------------ writing

struct Writer {
    Json& out;

    template <class T>
    static Json value(const T& v) {
        if constexpr (std::is_same_v<T, bool> || std::is_arithmetic_v<T> || std::is_same_v<T, std::string>) {
            return v;
        } else if constexpr (std::is_enum_v<T>) {
            return enum_name(v);
        } else if constexpr (IsOptional<T>::value) {
            return v ? value(*v) : Json(nullptr);
        } else if constexpr (IsVector<T>::value) {
            Json a = Json::array();
            for (const auto& e : v) a.push_back(value(e));
            return a;
        } else if constexpr (std::is_same_v<T, LayerStyle>) {
            return std::visit([](const auto& style) { return value(style); }, v);
        } else {
            Json o = Json::object();
            Writer w{o};
            describe(w, v);
            return o;
        }
    }

    template <class T>
    void operator()(const char* name, const T& v) {
        if constexpr (std::is_same_v<T, LayerStyle>) out["type"] = enum_name(static_cast<LayerKind>(v.index()));
        out[name] = value(v);
    }
    template <class T>
    void operator()(const char* name, const T& v, const limits::NumberRange&) {
        (*this)(name, v);
    }
};

// ------------------------------------------------------------------ reading

struct Reader {
    const Json& in;
    std::string path;      // "layers[2]", for messages
    std::string& error;    // the first error; reading stops at it
    std::set<std::string> used;

    std::string where(const char* name) const { return path.empty() ? name : path + "." + name; }
    // The message's parts are appended, not added with +: g++ 12 warns falsely (-Wrestrict,
    // bug 105651) on "text" + std::string.
    template <class... Parts>
    bool fail(const std::string& at, const Parts&... parts) {
        if (error.empty()) {
            error.append(at).append(": ");
            (error.append(parts), ...);
        }
        return false;
    }

    static std::string shown(const Json& j) {
        std::string s = j.dump();
        return s.size() > 40 ? s.substr(0, 37) + "..." : s;
    }

    // Reads `j` into `v`; `at` names it.
    template <class T>
    bool read(const Json& j, T& v, const std::string& at, const limits::NumberRange* range = nullptr) {
        if constexpr (std::is_same_v<T, bool>) {
            if (!j.is_boolean()) return fail(at, "expected true or false, got ", shown(j));
            v = j.get<bool>();
        } else if constexpr (std::is_arithmetic_v<T>) {
            if (!j.is_number()) return fail(at, "expected a number, got ", shown(j));
            const double d = j.get<double>();
            if (range) {
                auto ok = parse_number_in(j.dump(), *range);
                if (!ok) return fail(at, ok.error());
            } else if (!std::isfinite(d)) {
                return fail(at, "expected a finite number");
            }
            if constexpr (std::is_integral_v<T>) {
                if (d != std::floor(d) || d < double(std::numeric_limits<T>::min()) || d > double(std::numeric_limits<T>::max()))
                    return fail(at, "expected a whole number, got ", shown(j));
            }
            v = static_cast<T>(d);
        } else if constexpr (std::is_same_v<T, std::string>) {
            if (!j.is_string()) return fail(at, "expected text, got ", shown(j));
            v = j.get<std::string>();
        } else if constexpr (std::is_enum_v<T>) {
            if (!j.is_string()) return fail(at, "expected one of ", enum_choices<T>(), ", got ", shown(j));
            auto e = parse_enum<T>(j.get<std::string>());
            if (!e) return fail(at, "expected one of ", enum_choices<T>(), ", got ", shown(j));
            v = *e;
        } else if constexpr (IsOptional<T>::value) {
            if (j.is_null()) {
                v.reset();
            } else {
                typename T::value_type inner{};
                if (!read(j, inner, at, range)) return false;
                v = std::move(inner);
            }
        } else if constexpr (IsVector<T>::value) {
            if (!j.is_array()) return fail(at, "expected a list, got ", shown(j));
            v.clear();
            for (std::size_t i = 0; i < j.size(); ++i) {
                typename T::value_type e{};
                std::string item = at;
                item.append("[").append(std::to_string(i)).append("]");
                if (!read(j[i], e, item)) return false;
                v.push_back(std::move(e));
            }
        } else {
            if (!j.is_object()) return fail(at, "expected an object, got ", shown(j));
            Reader r{j, at, error, {}};
            describe(r, v);
            if (!error.empty()) return false;
            for (const auto& [key, value] : j.items())
                if (!r.used.count(key)) return fail(at.empty() ? key : at + "." + key, "unknown field");
        }
        return error.empty();
    }

    template <class T>
    void operator()(const char* name, T& v, const limits::NumberRange* range = nullptr) {
        if (!error.empty()) return;
        if constexpr (std::is_same_v<T, LayerStyle>) {
            used.insert("type");
            const auto type = in.find("type");
            if (type == in.end() || !type->is_string()) {
                fail(where("type"), "missing: a layer's type is one of ", enum_choices<LayerKind>());
                return;
            }
            const auto kind = parse_enum<LayerKind>(type->get<std::string>());
            if (!kind) {
                fail(where("type"), "expected one of ", enum_choices<LayerKind>(), ", got ", shown(*type));
                return;
            }
            v = default_style(*kind);
            used.insert(name);
            const auto style = in.find(name);
            if (style == in.end()) return;
            std::visit([&](auto& s) { read(*style, s, where(name)); }, v);
        } else {
            used.insert(name);
            const auto it = in.find(name);
            if (it == in.end()) return;  // absent: the default
            read(*it, v, where(name), range);
        }
    }
    template <class T>
    void operator()(const char* name, T& v, const limits::NumberRange& range) {
        (*this)(name, v, &range);
    }

    static LayerStyle default_style(LayerKind kind) {
        switch (kind) {
            case LayerKind::Fill: return FillStyle{};
            case LayerKind::Heatmap: return HeatmapStyle{};
            case LayerKind::Borders: return BorderStyle{};
            case LayerKind::Points: return PointStyle{};
            case LayerKind::Labels: return LabelStyle{};
            case LayerKind::Hotspots: return HotspotStyle{};
        }
        return FillStyle{};
    }
};

// ------------------------------------------------------------------ paths

// Each path of the document, for making relative and resolving.
template <class F>
void for_each_path(MapDocument& d, F&& f) {
    BoundarySource& b = d.sources.boundaries;
    for (std::string* p : {&b.path, &b.states_path, &b.gazetteer, &b.population}) f(*p);
    for (geo::IncidentSource& s : d.sources.incidents)
        for (std::string* p : {&s.path, &s.mapping}) f(*p);
    for (CountSource& s : d.sources.counts)
        for (std::string* p : {&s.path, &s.mapping}) f(*p);
}

fs::path project_folder(const std::string& project_path) {
    const fs::path folder = fs::absolute(project_path).parent_path();
    return folder.lexically_normal();
}

std::string relative_if_below(const std::string& p, const fs::path& folder) {
    if (p.empty() || geo::is_connection_string(p)) return p;
    const fs::path abs = fs::absolute(p).lexically_normal();
    const fs::path rel = abs.lexically_relative(folder);
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
    return abs.string();
}

std::string resolved(const std::string& p, const fs::path& folder) {
    if (p.empty() || geo::is_connection_string(p) || fs::path(p).is_absolute()) return p;
    return (folder / p).lexically_normal().string();
}

// "file:12:5" from a byte offset into the text.
std::string line_and_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') ++line, column = 1;
        else ++column;
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

// Older versions, brought one step forward each. Version 1 is the first: nothing to migrate yet.
// When version 2 comes, migrate_1_to_2(Json&) goes here, with the v1 fixture kept in the tests.
geo::Result<bool> migrate(Json&, int from_version, const std::string&) {
    for (int v = from_version; v < kProjectVersion; ++v) {
        // (no step yet)
    }
    return true;
}

}  // namespace

std::string project_json(const MapDocument& document, const std::string& project_path) {
    MapDocument d = document;
    const fs::path folder = project_folder(project_path);
    for_each_path(d, [&](std::string& p) { p = relative_if_below(p, folder); });
    Json j = Json::object();
    j["mirador_project"] = kProjectVersion;
    Json body = Writer::value(d);
    for (auto& [k, v] : body.items()) j[k] = v;
    return j.dump(2) + "\n";
}

geo::Result<MapDocument> parse_project(std::string_view text, const std::string& project_path) {
    const std::string name = project_path;
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return geo::make_error(name + ": the file is empty (not a Mirador project)");
    Json j;
    try {
        j = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        std::string what = e.what();
        if (const auto colon = what.find("parse error"); colon != std::string::npos) what = what.substr(colon);
        return geo::make_error(name + ":" + line_and_column(text, e.byte > 0 ? e.byte - 1 : 0) +
                               ": not valid JSON, so not a Mirador project (" + what + ")");
    }
    if (!j.is_object() || !j.contains("mirador_project"))
        return geo::make_error(name + ": not a Mirador project (no \"mirador_project\" version at the top)");
    const Json& version = j["mirador_project"];
    if (!version.is_number_integer() || version.get<long long>() < 1)
        return geo::make_error(name + ": \"mirador_project\" must be a format version (1, 2 ...), got " + version.dump());
    const long long v = version.get<long long>();
    if (v > kProjectVersion)
        return geo::make_error(name + ": written by a newer Mirador (project format version " + std::to_string(v) +
                               "); this Mirador reads versions up to " + std::to_string(kProjectVersion) +
                               ". Open it with a newer Mirador; nothing was changed");
    if (auto m = migrate(j, static_cast<int>(v), name); !m) return geo::make_error(m.error());
    j.erase("mirador_project");

    MapDocument d;
    std::string error;
    Reader r{j, "", error, {}};
    r.read(j, d, "");
    if (!error.empty()) return geo::make_error(name + ": " + error);
    const fs::path folder = project_folder(project_path);
    for_each_path(d, [&](std::string& p) { p = resolved(p, folder); });
    return d;
}

geo::Result<MapDocument> load_project(const std::string& path) {
    auto text = geo::read_whole_file(path);
    if (!text) return geo::make_error(text.error());
    return parse_project(*text, path);
}

geo::Result<bool> save_project(const MapDocument& document, const std::string& path) {
    return geo::write_file_atomically(path, project_json(document, path));
}

}  // namespace mirador::doc
