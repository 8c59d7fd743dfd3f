#pragma once
// What a file is to the window: a project, incidents, a count table, or neither. By its name,
// and for a CSV by its header (a count table is a CSV too). File > Open lists files by these
// extensions; a dropped file and a recent one are opened by what they are.
#include <string>
#include <vector>

namespace mirador {

enum class FileKind { Project, Incidents, CountTable, Other };

// ".csv", ".gpkg" ...: what load_incident_layer() reads (Mirador's CSV, OGR point layers).
const std::vector<std::string>& incident_extensions();
// By extension, in any case (a.MIRADOR, b.CSV); a .csv or .tsv whose header names counts
// (looks_like_count_table) is a count table.
FileKind file_kind(const std::string& path);
// The first line names a count column (count, victims, homicides ...) or SESNSP's month
// columns (Enero ... Diciembre), and no coordinates. A file that cannot be read is not one.
bool looks_like_count_table(const std::string& path);
// "a project (.mirador), incidents (.csv, .tsv ...) or a count table (.csv)", for messages about other files.
std::string openable_kinds_text();

}  // namespace mirador
