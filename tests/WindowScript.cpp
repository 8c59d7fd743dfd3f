#include "WindowScript.hpp"

#include <catch2/catch.hpp>

namespace mirador::test {

std::string seed_project(const std::string& dir, const std::string& name) {
    const std::string project = dir + "/" + name + ".mirador";
    const Run r = run_mirador("snapshot --incidents " MIRADOR_ASSETS_DIR "/incidents/seed-incidents.csv"
                              " --layers fill,boundaries,points,labels --choropleth incidents --out " + dir + "/" + name +
                              ".png --width 400 --height 300 --save-project " + project);
    INFO(r.out);
    REQUIRE(r.code == 0);
    return project;
}

Run run_window_script(const std::string& dir, const std::string& project, const std::string& press, int frames,
                      const std::string& env) {
    return run_shell(env + " XDG_CONFIG_HOME='" + dir + "/config' XDG_STATE_HOME='" + dir + "/state' \"$MIRADOR\" --project " +
                     project + " --width 1280 --height 720 --frames " + std::to_string(frames) + " --press '" + press + "'");
}

}  // namespace mirador::test
