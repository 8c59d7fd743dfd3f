#pragma once
// What a file is to the window, by its name: a project, incidents, or neither. File > Open
// lists files by these extensions; a dropped file and a recent one are opened by them.
#include <string>
#include <vector>

namespace mirador {

enum class FileKind { Project, Incidents, Other };

// ".csv", ".gpkg" ...: what load_incident_layer() reads (Mirador's CSV, OGR point layers).
const std::vector<std::string>& incident_extensions();
// By extension, in any case (a.MIRADOR, b.CSV).
FileKind file_kind(const std::string& path);
// "a project (.mirador) or incidents (.csv, .tsv ...)", for messages about other files.
std::string openable_kinds_text();

}  // namespace mirador
