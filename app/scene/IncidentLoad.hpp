#pragma once
// An incident file loaded off the UI thread: the window keeps drawing, with the incidents it
// has on the map and every panel working, while the new ones are read, placed and counted, and
// it shows how far the load has come. The thread builds a layer of its own and touches nothing
// the window draws; the window takes the finished layer on the UI thread (take()) and swaps it in.
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scene/CountLayer.hpp"
#include "scene/IncidentLayer.hpp"

namespace mirador {

struct LoadedIncidents {
    IncidentSource source;
    geo::Result<std::unique_ptr<IncidentLayer>> layer = geo::make_error("not loaded");
    std::vector<std::string> problems;  // rows skipped, places not found
    // A count table instead (start_table): its source and the layer; `layer` is then unused.
    std::optional<doc::CountSource> table_source;
    std::unique_ptr<CountLayer> table;  // null: not loaded, and table_error says why
    std::string table_error;
};

class IncidentLoad {
public:
    using Job = std::function<LoadedIncidents(LoadProgress&)>;

    IncidentLoad() = default;
    IncidentLoad(const IncidentLoad&) = delete;
    IncidentLoad& operator=(const IncidentLoad&) = delete;
    ~IncidentLoad();  // waits for a load under way: the geocoder it reads must outlive it

    // Starts loading `source` with load_incident_layer(). The geocoder and population must
    // outlive the load. False (nothing started) while another load is under way.
    bool start(const IncidentSource& source, const geo::Geocoder& geocoder, const geo::PopulationTable* population);
    // Starts loading a count table with load_count_layer(); the boundaries and population must
    // outlive the load. False while another load is under way.
    bool start_table(const doc::CountSource& source, const geo::Boundaries& b, const geo::PopulationTable* population);
    // Starts any job that makes a LoadedIncidents (tests); `label` names what it loads.
    bool start(std::string label, Job job);

    bool busy() const { return running_.valid(); }  // started and not taken yet
    bool ready() const;                              // finished: take() does not block
    // The outcome once it is ready (none before), once; the load is then over. A job that
    // throws ends with its message as the error.
    std::optional<LoadedIncidents> take();
    void wait() const;

    const std::string& label() const { return label_; }  // the file being loaded
    float fraction() const;        // 0..1 by stage
    const char* stage_text() const;  // "reading the file" ...

private:
    std::string label_;
    std::shared_ptr<LoadProgress> progress_;
    std::future<LoadedIncidents> running_;
};

}  // namespace mirador
