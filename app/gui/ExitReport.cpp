#include "gui/ExitReport.hpp"

#include <imgui.h>

#include <string>

#include "document/TimePlayback.hpp"
#include "platform/Report.hpp"
#include "scene/CountLayer.hpp"
#include "scene/IncidentLayer.hpp"
#include "ui/MapAreaView.hpp"
#include "ui/MapMenu.hpp"

namespace mirador {

void print_exit_report(const UiState& ui, const doc::MapDocument& document, const IncidentLayer* incidents,
                       const CountLayer* table, const geo::Boundaries& b, const geo::Projector& to_lonlat) {
    if (table) {
        eprint("mirador: time window at exit: %s\n", document.time.all_time ? "all time" : current_label(document.time).c_str());
        eprint("mirador: count table at exit: %s, %.0f counted, %zu cells NA, %zu units never in the table, %zu codes "
               "for a state only, %zu codes not in the boundaries\n",
               table->source.c_str(), table->total, static_cast<std::size_t>(table->missing_cells),
               table->never_in_table.size(), table->unplaceable.size(), table->unknown.size());
        const auto& top = table->by_state_only() ? table->by_state.units : table->by_municipality.units;
        if (!top.empty()) {
            const std::size_t u = top.front().unit;
            const std::string& name = table->by_state_only() ? b.states[u].name : b.municipalities.attributes[u].name;
            const std::string& code = table->by_state_only() ? b.states[u].code : b.municipalities.attributes[u].code;
            eprint("mirador: count table's top unit at exit: %s %s %llu\n", code.c_str(), name.c_str(),
                   static_cast<unsigned long long>(top.front().incidents));
        }
        if (!table->filter_error.empty()) eprint("mirador: count table's filters at exit: %s\n", table->filter_error.c_str());
    } else if (incidents) {
        eprint("mirador: time window at exit: %s\n", document.time.all_time ? "all time" : current_label(document.time).c_str());
        eprint("mirador: incidents at exit: %zu of %zu shown, from %s\n", incidents->visible_count, incidents->store.size(),
               incidents->source.c_str());
    } else {
        eprint("mirador: incidents at exit: none loaded\n");
    }
    const auto municipality = [&](long f) {
        if (f < 0) return std::string("none");
        const auto& a = b.municipalities.attributes[static_cast<std::size_t>(f)];
        return a.code + " " + a.name;
    };
    std::string layers;
    for (const doc::Layer& l : document.layers)
        if (l.visible) layers += (layers.empty() ? "" : ", ") + std::string(doc::to_string(l.kind()));
    eprint("mirador: layers at exit: %s (visible, bottom to top)\n", layers.empty() ? "none" : layers.c_str());
    const doc::TitleBlock& title = document.furniture.title;
    eprint("mirador: title at exit: %s\n", title.visible && !title.title.empty() ? title.title.c_str() : "none");
    eprint("mirador: selection at exit: %s\n", municipality(ui.selected).c_str());
    if (ui.map_menu.shown)
        eprint("mirador: map menu at exit: open at %s over %s\n", coordinates_text(ui.map_menu.lonlat).c_str(),
               municipality(ui.map_menu.municipality).c_str());
    else
        eprint("mirador: map menu at exit: closed\n");
    // Read back from the system's clipboard, as another program would paste it.
    if (ui.map_menu.copied) eprint("mirador: clipboard at exit: %s\n", ImGui::GetClipboardText());
    const geo::Vec2 c = map_area_centre(ui);
    const geo::Vec2 centre = to_lonlat.inverse(ui.view.screen_to_map(c.x, c.y));
    eprint("mirador: view at exit: %.5f %.5f %.1f (longitude and latitude at the map area's centre, metres per pixel)\n",
           centre.x, centre.y, ui.view.metres_per_pixel);
    eprint("mirador: map area at exit: %.0f %.0f %.0f %.0f (left, top, width, height in pixels)\n", ui.area.left,
           ui.area.top, map_area_width(ui), map_area_height(ui));
    // Where the legends were drawn, so a test can hold them to the map area.
    if (ui.legends_box.empty())
        eprint("mirador: legends at exit: none\n");
    else
        eprint("mirador: legends at exit: %.0f %.0f %.0f %.0f (left, top, right, bottom in pixels)\n",
               ui.legends_box.min_x, ui.legends_box.min_y, ui.legends_box.max_x, ui.legends_box.max_y);
    if (ui.title_box.empty())
        eprint("mirador: title block at exit: none\n");
    else
        eprint("mirador: title block at exit: %.0f %.0f %.0f %.0f (left, top, right, bottom in pixels)\n",
               ui.title_box.min_x, ui.title_box.min_y, ui.title_box.max_x, ui.title_box.max_y);
}

}  // namespace mirador
