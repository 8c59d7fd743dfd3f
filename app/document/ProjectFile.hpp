#pragma once
// Project files (*.mirador): the map document as JSON (docs/project-format.md).
//
// Versions: every file says which format version wrote it. This Mirador reads every version up to
// kProjectVersion, migrating older ones step by step (one migration per version, each with a
// fixture in tests/fixtures/projects kept for ever); a newer version is refused with a message,
// never half read. Paths are stored relative to the project's folder when they are below it
// (the folder can be moved or shared whole), absolute otherwise; "PG:..." and other connection
// strings as they are.
//
// Reading is strict: a field of the wrong type, a number out of its range, an unknown field or
// enum name is an error naming the file and the field (layers[2].opacity), and invalid JSON
// names the line and column. Saving goes through geo::AtomicFile: the old file stays whole until
// the new one is.
#include <string>
#include <string_view>

#include "document/MapDocument.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador::doc {

inline constexpr int kProjectVersion = 1;

// The JSON text, paths made relative to `project_path`'s folder where they are below it.
std::string project_json(const MapDocument& document, const std::string& project_path);
// From JSON text; `project_path` names the file in messages and anchors relative paths.
[[nodiscard]] geo::Result<MapDocument> parse_project(std::string_view text, const std::string& project_path);

[[nodiscard]] geo::Result<MapDocument> load_project(const std::string& path);
[[nodiscard]] geo::Result<bool> save_project(const MapDocument& document, const std::string& path);

}  // namespace mirador::doc
