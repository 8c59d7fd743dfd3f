#pragma once
// The command line: every command's flags, parsed and checked into the options each command
// runs with. Parsing never runs anything, so tests can feed it any argv and see the exit code
// and the message a user would (the table-driven flag test does, for every numeric flag).
//
// Exit codes: 0 done (or --help), 1 the command failed (a file could not be read or written),
// 2 the command line is wrong (one line on stderr says what), 3 `locate`: outside Mexico.
#include <optional>
#include <string>
#include <vector>

#include "data/DataOptions.hpp"
#include "commands/Animate.hpp"
#include "commands/Density.hpp"
#include "commands/ExportSlides.hpp"
#include "commands/Emerging.hpp"
#include "commands/Geocode.hpp"
#include "commands/Hotspots.hpp"
#include "commands/Snapshot.hpp"
#include "commands/Stats.hpp"
#include "document/MapDocument.hpp"
#include "gui/ViewerApp.hpp"

namespace mirador {

enum class Command { Viewer, Snapshot, ExportSlides, Animate, Locate, Geocode, Stats, Density, Hotspots, Emerging };

struct CommandLine {
    Command command = Command::Viewer;
    // What the map shows, as every command and the window read it: loaded from --project when
    // given, then changed by the flags (which write into it).
    doc::MapDocument document;
    std::string project;       // --project: the file the document came from
    std::string save_project;  // snapshot --save-project: where to write the document the flags describe
    ViewerOptions viewer;
    SnapshotOptions snapshot;
    ExportSlidesOptions export_slides;
    AnimateOptions animate;
    double lon = 0, lat = 0;  // locate
    GeocodeOptions geocode;
    StatsOptions stats;
    DensityOptions density;
    HotspotsOptions hotspots;
    EmergingOptions emerging;
};

struct ParseOutcome {
    std::optional<int> exit_code;  // set: end now with this code (help shown, or an error)
    std::string output;            // for stdout (help)
    std::string error;             // for stderr: one line, "mirador COMMAND: what is wrong"
};

ParseOutcome parse_command_line(const std::vector<std::string>& args, CommandLine& out);

// Runs the parsed command; returns its exit code.
int run_command(const CommandLine& command_line);

// main(): parse, print, run.
int run_mirador(int argc, char** argv);

}  // namespace mirador
