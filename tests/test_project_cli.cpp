// Projects from the command line and the window: `snapshot --save-project` writes the document
// the flags describe, `snapshot --project` draws it pixel for pixel as the flags did (flags
// given with it win, the file is left alone), a project whose incident file has gone still
// opens, and the window's unsaved changes survive `kill -9` through the recovery file.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <string>
#include <thread>

#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include "ProcessRun.hpp"
#include "TestData.hpp"
#include "document/ProjectFile.hpp"
#include "document/Recovery.hpp"

using namespace mirador;
namespace fs = std::filesystem;

namespace {

bool same_pixels(const test::Png& a, const test::Png& b) {
    if (!a.px || !b.px || a.w != b.w || a.h != b.h) return false;
    return std::equal(a.px.get(), a.px.get() + std::size_t(a.w) * a.h * 4, b.px.get());
}

const std::string kSeeds = MIRADOR_ASSETS_DIR "/incidents/seed-incidents.csv";

}  // namespace

TEST_CASE("snapshot --project draws what the flags that saved it drew, pixel for pixel", "[cli][document]") {
    REQUIRE_DATA_DIR();
    const std::string dir = test::temp_dir("project-cli");
    const std::string flags = "--incidents " + kSeeds +
                              " --layers fill,heatmap,boundaries,points,labels --choropleth incidents --classes 4"
                              " --radius-km 60 --from 2019-10 --to 2019-11 --bbox=-118,14,-86,33";
    test::Run r = test::run_mirador("snapshot " + flags + " --width 900 --height 600 --out " + dir +
                                    "/flags.png --save-project " + dir + "/p.mirador");
    INFO(r.out);
    REQUIRE(r.code == 0);
    REQUIRE(fs::exists(dir + "/p.mirador"));
    // The file holds the document the flags made.
    auto d = doc::load_project(dir + "/p.mirador");
    REQUIRE(d);
    CHECK(d->style_of<doc::HeatmapStyle>().radius_km == 60);
    CHECK(d->style_of<doc::FillStyle>().classes == 4);
    CHECK(d->time.from == "2019-10-01");
    CHECK(d->time.to == "2019-11-30");
    REQUIRE(d->sources.incidents.size() == 1);
    CHECK(fs::equivalent(d->sources.incidents[0].path, kSeeds));

    const std::string before = test::file_bytes(dir + "/p.mirador");
    r = test::run_mirador("snapshot --project " + dir + "/p.mirador --width 900 --height 600 --out " + dir + "/project.png");
    INFO(r.out);
    REQUIRE(r.code == 0);
    const test::Png from_flags(dir + "/flags.png"), from_project(dir + "/project.png");
    CHECK(same_pixels(from_flags, from_project));

    // A flag given with --project changes what the project says, for this run only.
    r = test::run_mirador("snapshot --project " + dir + "/p.mirador --radius-km 15 --width 900 --height 600 --out " + dir +
                          "/changed.png");
    REQUIRE(r.code == 0);
    CHECK_FALSE(same_pixels(from_project, test::Png(dir + "/changed.png")));
    CHECK(test::file_bytes(dir + "/p.mirador") == before);
}

TEST_CASE("a project whose incident file has gone still opens, naming the file", "[cli][document]") {
    const std::string dir = test::temp_dir("project-missing");
    fs::copy_file(kSeeds, dir + "/gone.csv", fs::copy_options::overwrite_existing);
    test::Run r = test::run_mirador("snapshot --incidents " + dir + "/gone.csv --out " + dir +
                                    "/x.png --width 400 --height 300 --save-project " + dir + "/p.mirador");
    INFO(r.out);
    REQUIRE(r.code == 0);
    fs::remove(dir + "/gone.csv");
    // Headless: the snapshot cannot be what the project says, so it fails and names the file.
    r = test::run_mirador("snapshot --project " + dir + "/p.mirador --out " + dir + "/y.png");
    CHECK(r.code == 1);
    CHECK_THAT(r.out, Catch::Contains("gone.csv"));
    CHECK_FALSE(fs::exists(dir + "/y.png"));
}

TEST_CASE("the window opens a project whose incident file has gone, the layer marked missing", "[.gui][gui][gui-project]") {
    const std::string dir = test::temp_dir("project-missing-gui");
    fs::copy_file(kSeeds, dir + "/gone.csv", fs::copy_options::overwrite_existing);
    test::Run r = test::run_mirador("snapshot --incidents " + dir + "/gone.csv --out " + dir +
                                    "/x.png --width 400 --height 300 --save-project " + dir + "/p.mirador");
    REQUIRE(r.code == 0);
    fs::remove(dir + "/gone.csv");
    r = test::run_mirador("--project " + dir + "/p.mirador --frames 3 --width 900 --height 600");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("gone.csv") && Catch::Contains("missing"));
}

TEST_CASE("unsaved changes in the window survive kill -9 and are restored exactly", "[.gui][gui][gui-project]") {
    const std::string dir = test::temp_dir("project-recovery");
    const std::string project = dir + "/briefing.mirador";
    test::Run r = test::run_mirador("snapshot --incidents " + kSeeds + " --out " + dir +
                                    "/x.png --width 400 --height 300 --save-project " + project);
    REQUIRE(r.code == 0);
    const std::string saved = test::file_bytes(project);
    const std::string recovery = doc::recovery_path(project);
    fs::remove(recovery);

    // A window that steps the time window three months on (a change by the user), autosaves every
    // 0.2 s, and would run for ever: killed with SIGKILL once the recovery file is there.
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const std::string log = dir + "/window.log";
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, 1);
        dup2(fd, 2);
        execl(MIRADOR_EXE, MIRADOR_EXE, "--project", project.c_str(), "--press", "right,right,right", "--frames",
              "1000000", "--autosave-seconds", "0.2", "--width", "1280", "--height", "720", (char*)nullptr);
        _exit(127);
    }
    bool written = false;
    for (int k = 0; k < 600 && !written; ++k) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        written = fs::exists(recovery) && static_cast<bool>(doc::read_recovery(project));
    }
    // One more autosave period, so the file holds the last change.
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    INFO(test::file_bytes(dir + "/window.log"));
    REQUIRE(written);
    CHECK(WIFSIGNALED(status));
    CHECK(test::file_bytes(project) == saved);  // the project itself is untouched
    auto recovered = doc::read_recovery(project);
    REQUIRE(recovered);
    auto original = doc::load_project(project);
    REQUIRE(original);
    CHECK_FALSE(recovered->time.all_time);  // the three steps are in it
    CHECK_FALSE(*recovered == *original);

    // The next start offers it (ask: said on the terminal, asked in the window)...
    r = test::run_mirador("--project " + project + " --frames 3 --width 1280 --height 720 --restore no");
    CHECK(r.code == 0);
    CHECK(fs::exists(recovery));  // declining for now keeps it
    // ...and restores it: the window then holds exactly the recovered document, which it keeps
    // in the recovery file again on closing (unsaved changes, relative to the project).
    r = test::run_mirador("--project " + project + " --frames 3 --width 1280 --height 720 --restore yes");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("restored"));
    auto again = doc::read_recovery(project);
    REQUIRE(again);
    // The view is kept as the window's map area shows it: the same area, refitted, so equal up
    // to rounding; everything else exactly.
    REQUIRE(again->view.extent);
    REQUIRE(recovered->view.extent);
    CHECK(again->view.extent->center_lon == Approx(recovered->view.extent->center_lon).margin(1e-9));
    CHECK(again->view.extent->center_lat == Approx(recovered->view.extent->center_lat).margin(1e-9));
    CHECK(again->view.extent->width_m == Approx(recovered->view.extent->width_m).epsilon(1e-9));
    CHECK(again->view.extent->height_m == Approx(recovered->view.extent->height_m).epsilon(1e-9));
    again->view = recovered->view;
    CHECK(*again == *recovered);
    CHECK(test::file_bytes(project) == saved);
}

TEST_CASE("a map changed in the window renders headless as the window's map area shows it", "[.gui][gui][gui-project]") {
    const std::string dir = test::temp_dir("project-window-vs-headless");
    const std::string project = dir + "/p.mirador";
    test::Run r = test::run_mirador("snapshot --incidents " + kSeeds + " --out " + dir +
                                    "/x.png --width 400 --height 300 --save-project " + project);
    REQUIRE(r.code == 0);
    fs::remove(doc::recovery_path(project));
    // The window, changed by the user (two months on), closed with the change unsaved: the
    // recovery file is the window's document. A screen larger than the window keeps the
    // pointer (at the screen's centre) off the map, so nothing is hovered.
    r = test::run_shell("xvfb-run -a -s '-screen 0 2400x1600x24' \"$MIRADOR\" --project " + project +
                        " --width 1280 --height 720 --frames 12 --press right,right --screenshot " + dir + "/window.png");
    INFO(r.out);
    REQUIRE(r.code == 0);
    int left = 0, top = 0, width = 0, height = 0;
    const auto at = r.out.find("map area at exit: ");
    REQUIRE(at != std::string::npos);
    REQUIRE(std::sscanf(r.out.c_str() + at, "map area at exit: %d %d %d %d", &left, &top, &width, &height) == 4);
    REQUIRE(width > 300);
    fs::copy_file(doc::recovery_path(project), dir + "/window-document.mirador");
    r = test::run_mirador("snapshot --project " + dir + "/window-document.mirador --width " + std::to_string(width) +
                          " --height " + std::to_string(height) + " --out " + dir + "/headless.png");
    INFO(r.out);
    REQUIRE(r.code == 0);
    const test::Png window(dir + "/window.png"), headless(dir + "/headless.png");
    REQUIRE(window.px);
    REQUIRE(headless.px);
    REQUIRE(headless.w == width);
    int worst = 0, over_one = 0, first_x = -1, first_y = -1;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const unsigned char* a = window.at(left + x, top + y);
            const unsigned char* b = headless.at(x, y);
            int d = 0;
            for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(int(a[c]) - int(b[c])));
            worst = std::max(worst, d);
            if (d > 1 && over_one++ == 0) first_x = x, first_y = y;
        }
    INFO(over_one << " of " << width * height << " pixels differ by more than one level (the first at " << first_x << ","
                  << first_y << "); the largest difference is " << worst);
    // GLX under Xvfb and EGL cover a polygon's edge pixels slightly differently: a handful of
    // pixels (3 of 313,950 when this was written) may differ by more than a level, no more.
    CHECK(over_one <= width * height / 10000);
}
