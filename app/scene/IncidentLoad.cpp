#include "scene/IncidentLoad.hpp"

#include <chrono>
#include <exception>

namespace mirador {

IncidentLoad::~IncidentLoad() { wait(); }

bool IncidentLoad::start(const IncidentSource& source, const geo::Geocoder& geocoder,
                         const geo::PopulationTable* population) {
    return start(source.path, [source, &geocoder, population](LoadProgress& progress) {
        LoadedIncidents out;
        out.source = source;
        out.layer = load_incident_layer(source, geocoder, population, out.problems, &progress);
        return out;
    });
}

bool IncidentLoad::start_table(const doc::CountSource& source, const geo::Boundaries& b,
                               const geo::PopulationTable* population) {
    return start(source.path, [source, &b, population](LoadProgress& progress) {
        LoadedIncidents out;
        out.table_source = source;
        auto loaded = load_count_layer(source, b, population);
        if (loaded) {
            out.table = std::move(loaded).value();
            for (const std::string& w : out.table->table.warnings) out.problems.push_back(w);
        } else {
            out.table_error = loaded.error();
        }
        progress.stage = LoadProgress::Stage::Done;
        return out;
    });
}

bool IncidentLoad::start(std::string label, Job job) {
    if (busy()) return false;
    label_ = std::move(label);
    progress_ = std::make_shared<LoadProgress>();
    // The progress is shared: the thread may still write its last stage while the window reads it.
    running_ = std::async(std::launch::async, [job = std::move(job), progress = progress_, label = label_] {
        try {
            return job(*progress);
        } catch (const std::exception& e) {
            LoadedIncidents failed;
            failed.source.path = label;
            failed.layer = geo::make_error(label + ": " + e.what());
            return failed;
        }
    });
    return true;
}

bool IncidentLoad::ready() const {
    return busy() && running_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

std::optional<LoadedIncidents> IncidentLoad::take() {
    if (!ready()) return std::nullopt;
    return running_.get();
}

void IncidentLoad::wait() const {
    if (busy()) running_.wait();
}

float IncidentLoad::fraction() const {
    if (!progress_) return 0.0f;
    // A fixed share per stage: the stages are all the loader reports, not how far into one it is.
    switch (progress_->stage.load()) {
        case LoadProgress::Stage::Reading: return 0.05f;
        case LoadProgress::Stage::Placing: return 0.6f;
        case LoadProgress::Stage::Indexing: return 0.8f;
        case LoadProgress::Stage::Counting: return 0.9f;
        case LoadProgress::Stage::Done: return 1.0f;
    }
    return 0.0f;
}

const char* IncidentLoad::stage_text() const {
    if (!progress_) return "";
    switch (progress_->stage.load()) {
        case LoadProgress::Stage::Reading: return "reading the file";
        case LoadProgress::Stage::Placing: return "placing the incidents";
        case LoadProgress::Stage::Indexing: return "indexing their positions";
        case LoadProgress::Stage::Counting: return "counting them per municipality";
        case LoadProgress::Stage::Done: return "done";
    }
    return "";
}

}  // namespace mirador
